"""Which part of a map a drawing shows: --focus/--depth neighbourhoods, --actor and --tag filters,
and --round (the map as it stood after a round of the debate: argmap/analyze/replay.py)."""

from __future__ import annotations

from collections import deque

from ..errors import UsageError
from ..model import Map, Relation
from .focus import focused_node
from .options import RenderOptions


def _neighbours(map_: Map) -> dict[str, set[str]]:
    """Node id -> the nodes one relation away, either direction (an undercut touches both ends),
    and a reconstruction's statements and their argument."""
    ends: dict[str, tuple[str, ...]] = {}

    def endpoints(ident: str) -> tuple[str, ...]:
        relation = map_.relations.get(ident)
        if relation is None:
            return (ident,)
        if ident not in ends:
            ends[ident] = ()  # guards against a cycle of undercuts
            ends[ident] = (relation.source, *endpoints(relation.target))
        return ends[ident]

    graph: dict[str, set[str]] = {node_id: set() for node_id in map_.nodes}
    pairs = [(r.source, other) for r in map_.relations.values() for other in endpoints(r.target)]
    # a reconstruction's statements are one step from their argument, as a reason is
    pairs += [(s, argument) for argument, r in map_.reconstructions.items() for s in r.statements]
    for one, other in pairs:
        if one in graph and other in graph and one != other:
            graph[one].add(other)
            graph[other].add(one)
    return graph


def focus_nodes(map_: Map, node_id: str, depth: int) -> set[str]:
    """The nodes at most `depth` relations away from `node_id`."""
    graph = _neighbours(map_)
    seen = {node_id: 0}
    queue = deque([node_id])
    while queue:
        current = queue.popleft()
        if seen[current] == depth:
            continue
        for other in graph.get(current, ()):
            if other not in seen:
                seen[other] = seen[current] + 1
                queue.append(other)
    return set(seen)


def visible_nodes(map_: Map, options: RenderOptions) -> list[str]:
    """Ids of the nodes to draw, in map order."""
    focused = None if options.focus is None else focused_node(map_, options.focus).id
    if options.round is not None:  # the map then: its nodes, and the neighbours it had
        map_ = _after_round(map_, options.round)
    keep = set(map_.nodes)
    if focused is not None:
        if focused not in map_.nodes:
            raise UsageError(f"--focus: {options.focus!r} is not in the map yet after round {options.round}")
        keep &= focus_nodes(map_, focused, options.depth)
    if options.actors:
        wanted = set(options.actors)
        keep = {n for n in keep if wanted.intersection(map_.nodes[n].actors)}
    if options.tags:
        wanted = set(options.tags)
        keep = {n for n in keep if wanted.intersection(map_.nodes[n].tags)}
    return [n for n in map_.nodes if n in keep]


def _after_round(map_: Map, number: int) -> Map:
    from ..analyze.replay import map_after_round  # (only for --round)

    return map_after_round(map_, number)


def visible_relations(map_: Map, nodes: set[str], round: int | None = None) -> list[Relation]:  # noqa: A002
    """The relations whose both ends are drawn (an undercut needs the relation it targets),
    and, with `round`, that were there after that round."""
    shown: dict[str, bool] = {}
    there = None if round is None else _after_round(map_, round).relations

    def is_shown(relation: Relation) -> bool:
        if relation.id not in shown:
            shown[relation.id] = False  # a cycle of undercuts is never shown
            target = map_.relations.get(relation.target)
            target_ok = is_shown(target) if target is not None else relation.target in nodes
            shown[relation.id] = relation.source in nodes and target_ok
        return shown[relation.id]

    return [r for r in map_.relations.values() if is_shown(r) and (there is None or r.id in there)]

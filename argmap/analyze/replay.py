"""Replay a debate round by round: the map as it stood after each round, what stood then and
how strong it was, which move flipped a node, and which attacks each actor had left
unanswered (docs/analysis.md, "Replay by round").

When a node or relation is there (`appearance`):

* a node with `{round: N}` is there from round N on; a node without one (or with a value
  that is not a whole number ≥ 0, which `argmap check` reports) is there from the start;
* a relation is there once both its ends are (its source, and its target node or the
  relation it undercuts), and from its own `{round: N}`, if it has one, on;
* the co-premises of one linked reason (`&`) are one reason: they are all there from the
  round the last of them is;
* an end that is not in the map at all (a dangling reference, which check reports) does not
  hold a relation back: the analysis leaves such a relation out anyway.

The rounds are the distinct round numbers written on nodes and relations; a map without any
replays as one step, its round `None`, the whole map. After the last round the map is the
whole map, so the last step is `analyze_map` of the whole map.

A *move* of a round is a node that appears in it, or a relation that appears in it on its own
(its own `round:` is later than both its ends). A node *flips* in a round when it was there
before and its status changed; the moves that flipped it are found by taking them away one at
a time (see `Flip`).

A *drop* at the end of a round (the flow-sheet sense): an exchange (`debate.exchanges`) that
is there, against a node of the actor, whose attacker stands (`in` under the replay's
semantics), and that the actor has not answered: no node of the actor attacks the attacker
and none undercuts the exchange itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from ..language.report import plural
from ..model import Map, Relation
from .analysis import Analysis, analyze_map
from .debate import Exchange, exchanges
from .framework import resolve_assumptions, translate
from .grounded import grounded_labelling

#: the appearance of what is there from the start (before any round)
START = -1


def round_value(meta: Mapping[str, Any]) -> int | None:
    """The `round:` of a node's or relation's metadata; None when absent or not a whole
    number ≥ 0."""
    value = meta.get("round")
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def appearance(map_: Map) -> tuple[dict[str, int], dict[str, int]]:
    """When each node and each relation is first there: node id / relation id -> round
    (`START` for from the start). See the module docstring for the rules."""
    nodes = {}
    for node_id, node in map_.nodes.items():
        value = round_value(node.meta)
        nodes[node_id] = START if value is None else value
    relations: dict[str, int] = {}
    busy: set[str] = set()

    def end(ident: str) -> int:
        if ident in nodes:
            return nodes[ident]
        if ident in map_.relations:
            return of(map_.relations[ident])
        return START  # not in the map: holds nothing back

    def alone(relation: Relation) -> int:
        own = round_value(relation.meta)
        return max(START if own is None else own, end(relation.source), end(relation.target))

    groups: dict[str, list[Relation]] = {}
    for relation in map_.relations.values():
        if relation.group is not None:
            groups.setdefault(relation.group, []).append(relation)

    def of(relation: Relation) -> int:
        if relation.id in relations:
            return relations[relation.id]
        if relation.id in busy:
            return START  # a cycle of undercuts: the cycle itself holds nothing back
        members = groups.get(relation.group, [relation]) if relation.group else [relation]
        busy.update(m.id for m in members)
        value = max(alone(m) for m in members)
        for member in members:
            relations[member.id] = value
            busy.discard(member.id)
        return value

    for relation in map_.relations.values():
        of(relation)
    return nodes, relations


def rounds_of(map_: Map) -> list[int]:
    """The distinct rounds written on the map's nodes and relations, in order."""
    found = {round_value(n.meta) for n in map_.nodes.values() if n.meta}
    found |= {round_value(r.meta) for r in map_.relations.values() if r.meta}
    found.discard(None)
    return sorted(found)  # type: ignore[type-var]


def map_after_round(map_: Map, number: int | None) -> Map:
    """The map as it stood after round `number` (None: the whole map): the nodes and relations
    there by then. Only the graph view is cut; the document is the whole map's."""
    if number is None:
        return map_
    nodes, relations = appearance(map_)
    return replace(
        map_,
        nodes={k: v for k, v in map_.nodes.items() if nodes[k] <= number},
        relations={k: v for k, v in map_.relations.items() if relations[k] <= number},
    )


@dataclass(frozen=True)
class Flip:
    """A node whose status under `semantics` changed from `before` to `after` in a round.

    `moves` are the moves of that round that flipped it, and `cause` says how they were found:
    `necessary` — without any one of them (the others kept) the node would not have become
    `after`; else `sufficient` — each alone, added to the map of the round before, makes it
    `after`; else `together` — no single move does, all of the round's moves did together.
    """

    node: str
    semantics: str
    before: str
    after: str
    moves: tuple[str, ...]
    cause: str


@dataclass(frozen=True)
class Step:
    """The map after one round: what was added, the status under each semantics asked, the
    DF-QuAD strength, the flips, and each actor's drops (node ids and relation ids)."""

    round: int | None
    added: tuple[str, ...]
    added_relations: tuple[str, ...]
    #: relations added on their own (their ends were there before): moves of their own
    relation_moves: tuple[str, ...]
    status: dict[str, dict[str, str]]
    strength: dict[str, float]
    converged: bool
    flips: tuple[Flip, ...] = ()
    dropped: dict[str, tuple[Exchange, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Replay:
    """Every step of a replay; `semantics` is the one chosen (grounded is always there too)."""

    semantics: str
    rounds: tuple[int, ...]
    steps: tuple[Step, ...]
    assumptions: dict[str, str] = field(default_factory=dict)

    @property
    def semantics_shown(self) -> tuple[str, ...]:
        return ("grounded",) if self.semantics == "grounded" else ("grounded", self.semantics)


def _without(map_: Map, moves: Iterable[str]) -> Map:
    """`map_` without the nodes and relations `moves`, and without every relation that needs
    one of them (whose end is gone, or whose co-premise is)."""
    gone = set(moves)
    groups = {map_.relations[m].group for m in gone if m in map_.relations} - {None}
    relations = dict(map_.relations)
    changed = True
    while changed:
        changed = False
        for rid, relation in list(relations.items()):
            if rid in gone or relation.source in gone or relation.target in gone or (
                    relation.group is not None and relation.group in groups):
                del relations[rid]
                gone.add(rid)
                if relation.group is not None:
                    groups.add(relation.group)
                changed = True
    nodes = {k: v for k, v in map_.nodes.items() if k not in gone}
    return replace(map_, nodes=nodes, relations=relations)


#: the semantics under which a node's status depends only on what leads to it (directionality:
#: Baroni and Giacomin 2007), so that a move's effect can be found on that part alone
DIRECTIONAL = frozenset({"grounded", "complete", "preferred", "ideal"})


def replay(map_: Map, semantics: str = "grounded", assumptions: Mapping[str, str] | None = None,
           *, actor: str | None = None, timeout: float | None = None) -> Replay:
    """Replay `map_` round by round under grounded and `semantics`, with what-if `assumptions`
    (title or id -> accepted / rejected; each in force from the round its node is there).
    `actor` keeps the drops of that actor only; `timeout` bounds each analysis."""
    assumed = resolve_assumptions(map_, assumptions)  # (raises for an unknown node)
    shown = ("grounded",) if semantics == "grounded" else ("grounded", semantics)
    rounds = rounds_of(map_)
    steps: list[Step] = []
    previous: Map | None = None
    for number in rounds or [None]:
        here = map_after_round(map_, number)
        wanted = {k: v for k, v in assumed.items() if k in here.nodes}

        def status_of(m: Map, sem: str) -> dict[str, str]:
            return _labels(m, sem, {k: v for k, v in wanted.items() if k in m.nodes}, timeout)

        analyses = {sem: analyze_map(here, sem, wanted, limit=0, timeout=timeout) for sem in shown}
        status = {sem: a.status for sem, a in analyses.items()}
        added = tuple(n for n in here.nodes if previous is None or n not in previous.nodes)
        added_relations = tuple(r for r in here.relations
                                if previous is None or r not in previous.relations)
        relation_moves = () if previous is None else _relation_moves(map_, previous, added_relations)
        flips: list[Flip] = []
        if previous is not None:
            moves = (*added, *relation_moves)
            flips = _flips(previous, here, steps[-1].status, status, moves, status_of)
        steps.append(Step(number, added, added_relations, relation_moves, status,
                          analyses["grounded"].strength, analyses["grounded"].converged,
                          tuple(flips), _drops(here, analyses[semantics], actor)))
        previous = here
    return Replay(semantics, tuple(rounds), tuple(steps), assumed)


def _relation_moves(map_: Map, previous: Map, added: tuple[str, ...]) -> tuple[str, ...]:
    """The relations of `added` that are moves of their own: every end of every member of
    their reason (co-premises: one reason, named by its first relation) was there before."""
    def there(ident: str) -> bool:
        return (ident in previous.nodes or ident in previous.relations
                or (ident not in map_.nodes and ident not in map_.relations))

    moves: list[str] = []
    groups: set[str] = set()
    for rid in added:
        relation = map_.relations[rid]
        if relation.group is not None:
            if relation.group in groups:
                continue
            groups.add(relation.group)
            members = [r for r in map_.relations.values() if r.group == relation.group]
        else:
            members = [relation]
        if all(there(r.source) and there(r.target) for r in members):
            moves.append(rid)
    return tuple(moves)


def _flips(previous: Map, here: Map, before: dict[str, dict[str, str]],
           after: dict[str, dict[str, str]], moves: tuple[str, ...], status_of) -> list[Flip]:  # noqa: ANN001
    """The flips of one round, each with the moves that made it (see `Flip`)."""
    found: list[tuple[str, str, str, str]] = []
    for sem, labels in after.items():
        for node_id in previous.nodes:
            if before[sem][node_id] != labels[node_id]:
                found.append((node_id, sem, before[sem][node_id], labels[node_id]))
    if not found:
        return []
    upstream = _upstream(here)
    flips = []
    for node_id, sem, old, new in found:
        # only a move upstream of the node can have changed it; under a directional semantics
        # the part of the map upstream of it is all its status depends on
        above = upstream(node_id)
        relevant = tuple(m for m in moves if m in above)
        base = here
        if sem in DIRECTIONAL:
            base = replace(here, nodes={k: v for k, v in here.nodes.items() if k in above or k == node_id},
                           relations={k: v for k, v in here.relations.items() if k in above})
        necessary = tuple(m for m in relevant if status_of(_without(base, (m,)), sem)[node_id] != new)
        if necessary:
            flips.append(Flip(node_id, sem, old, new, necessary, "necessary"))
            continue
        sufficient = tuple(m for m in relevant if status_of(
            _without(base, [o for o in moves if o != m]), sem)[node_id] == new)
        if sufficient:
            flips.append(Flip(node_id, sem, old, new, sufficient, "sufficient"))
        else:
            flips.append(Flip(node_id, sem, old, new, relevant or moves, "together"))
    return flips


def _labels(map_: Map, semantics: str, assumptions: Mapping[str, str], timeout: float | None
            ) -> dict[str, str]:
    """The status of every node of `map_` (no strengths: what the search for moves needs)."""
    mf = translate(map_, assumptions)
    if semantics == "grounded":
        labelling = grounded_labelling(mf.af)
        return {node_id: labelling[i] for i, node_id in enumerate(mf.node_ids)}
    return analyze_map(map_, semantics, assumptions, limit=0, timeout=timeout).status


def _upstream(map_: Map):  # noqa: ANN202 - a function node id -> set of ids
    """A function giving the nodes and relations from which a path of relations leads to a
    node (a relation leads to its target; an undercut to the relation it undercuts)."""
    into: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    for relation in map_.relations.values():
        if relation.group is not None:
            groups.setdefault(relation.group, []).append(relation.id)
    for relation in map_.relations.values():
        into.setdefault(relation.target, []).append(relation.id)
        into.setdefault(relation.id, []).append(relation.source)
        if relation.kind.value == "contradiction":
            into.setdefault(relation.source, []).append(relation.id + "~")
            into.setdefault(relation.id + "~", []).extend((relation.target, relation.id))
        if relation.group is not None:  # a co-premise's partners lead where it does
            into[relation.id].extend(r for r in groups[relation.group] if r != relation.id)

    def above(node_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [node_id]
        while stack:
            for before in into.get(stack.pop(), ()):
                if before not in seen:
                    seen.add(before)
                    stack.append(before)
        return seen

    return above


def _drops(map_: Map, analysis: Analysis, only: str | None) -> dict[str, tuple[Exchange, ...]]:
    """Each actor's drops in `map_` under `analysis` (see the module docstring), by actor id."""
    every = exchanges(map_)
    undercuts = [r for r in map_.relations.values() if r.target in map_.relations]
    by_relation: dict[str, list] = {}
    for reason in analysis.framework.reasons if analysis.framework is not None else ():
        for rid in reason.relations:
            by_relation.setdefault(rid, []).append(reason)
    status, inferences = analysis.status, analysis.inferences

    def stands(e: Exchange) -> bool:
        """The attacker is in, and so is the inference of its reason, if it has one (an
        undercut attack, or one whose co-premise is out, does not stand)."""
        if status.get(e.attacker) != "in":
            return False
        for reason in by_relation.get(e.relation, ()):
            if (e.attacker in reason.premises
                    and (e.kind != "contradiction" or reason.target == e.target)):
                return reason.inference is None or inferences.get(reason.inference) == "in"
        return True

    result: dict[str, tuple[Exchange, ...]] = {}
    for actor_id in map_.actors:
        if only is not None and actor_id != only:
            continue
        mine = {n for n, node in map_.nodes.items() if actor_id in node.actors}
        answered_nodes = {e.target for e in every if e.attacker in mine}
        answered_relations = {r.target for r in undercuts if r.source in mine}
        result[actor_id] = tuple(
            e for e in every
            if e.target in mine and e.attacker not in answered_nodes
            and e.relation not in answered_relations and stands(e))
    return result


# --- for people and for tools --------------------------------------------------------------


def _exchange_json(e: Exchange) -> dict[str, str]:
    return {"relation": e.relation, "kind": e.kind, "attacker": e.attacker, "target": e.target}


def replay_json(path: str, result: Replay) -> dict[str, Any]:
    """The replay as JSON (shape documented in docs/analysis.md, "Replay by round")."""
    return {
        "map": path,
        "semantics": result.semantics,
        "assumptions": result.assumptions,
        "rounds": list(result.rounds),
        "steps": [{
            "round": step.round,
            "added": list(step.added),
            "added_relations": list(step.added_relations),
            "status": step.status,
            "strength": step.strength,
            "converged": step.converged,
            "flips": [{"node": f.node, "semantics": f.semantics, "from": f.before, "to": f.after,
                       "moves": list(f.moves), "cause": f.cause} for f in step.flips],
            "dropped": {a: [_exchange_json(e) for e in drops] for a, drops in step.dropped.items()},
        } for step in result.steps],
    }


STYLES = {"in": "green", "out": "red", "undec": "yellow"}


def print_replay(console, map_: Map, result: Replay) -> None:  # noqa: ANN001 - a rich Console
    """The replay as tables: every node's status and strength after each round, then per
    round what was added, what flipped and by which move, and what each actor had dropped.
    Map text is never read as markup (every cell is a `Text`)."""
    from rich.table import Table
    from rich.text import Text

    def name(ident: str) -> str:
        node = map_.nodes.get(ident)
        if node is not None:
            return node.ref or node.label
        relation = map_.relations.get(ident)
        if relation is not None:
            return f"{ident} ({relation.kind.value} {name(relation.source)} → {name(relation.target)})"
        return ident

    def round_name(number: int | None) -> str:
        return "whole map" if number is None else f"round {number}"

    shown = result.semantics_shown
    what = " / ".join(shown)
    table = Table(title=Text(f"replay: {what} status and DF-QuAD strength after each round "
                             "(· not there yet, + new)"))
    table.add_column("node")
    table.add_column("actors")
    for step in result.steps:
        table.add_column(round_name(step.round))
    new_in = {n: i for i, step in enumerate(result.steps) for n in step.added}
    for node_id, node in map_.nodes.items():
        cells: list[Text] = [Text(name(node_id)), Text(" ".join(node.actors))]
        for i, step in enumerate(result.steps):
            if node_id not in step.strength:
                cells.append(Text("·", style="dim"))
                continue
            cell = Text()
            for k, sem in enumerate(shown):
                label = step.status[sem][node_id]
                cell.append(("/" if k else "") + label, style=STYLES.get(label, ""))
            cell.append(f" {step.strength[node_id]:.3f}")
            if new_in.get(node_id) == i and i > 0:
                cell.stylize("bold")
                cell.append(" +")
            cells.append(cell)
        table.add_row(*cells)
    console.print(table)
    if result.steps and result.steps[0].round is None:
        console.print(Text("the map has no round: metadata: one step, the whole map"))
    for step in result.steps:
        console.print(Text(f"after {round_name(step.round)}", style="bold"))
        if step is result.steps[0]:
            unrounded = sum(1 for n in step.added if round_value(map_.nodes[n].meta) is None)
            console.print(Text(f"  {plural(len(step.added), 'node')} to begin with ({unrounded} without "
                               "a round: there from the start)"))
        else:
            added = [name(n) for n in step.added] + [name(r) for r in step.relation_moves]
            console.print(Text("  moves: " + (", ".join(added) or "none")))
            if not step.flips:
                console.print(Text("  no status changed"))
        for flip in step.flips:
            how = {"necessary": "flipped by", "sufficient": "flipped by any one of",
                   "together": "flipped by these together:"}[flip.cause]
            line = Text(f"  {name(flip.node)} ({flip.semantics}): ")
            line.append(flip.before, style=STYLES.get(flip.before, ""))
            line.append(" → ")
            line.append(flip.after, style=STYLES.get(flip.after, ""))
            line.append(f", {how} " + ", ".join(_move_name(map_, m, name) for m in flip.moves))
            console.print(line)
        if not step.converged:
            console.print(Text("  strengths did not settle on a cycle"))
        if step.dropped and not any(step.dropped.values()):
            console.print(Text("  no attack left unanswered"))
        for actor_id, drops in step.dropped.items():
            for e in drops:
                console.print(Text(f"  @{actor_id} dropped: {e.relation} {e.kind} "
                                   f"{name(e.attacker)} → {name(e.target)}"))


def _move_name(map_: Map, move: str, name) -> str:  # noqa: ANN001
    node = map_.nodes.get(move)
    who = f" (@{' @'.join(node.actors)})" if node is not None and node.actors else ""
    return name(move) + who

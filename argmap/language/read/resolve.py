"""The map read so far → the frozen `Map`: names resolved, references recorded on the nodes
they name, relations whose ends are missing dropped, diagnostics in reading order."""

from __future__ import annotations

from ...errors import Span, in_reading_order, suggest
from ...model import Map, Usage, Usages
from .graph import GraphBuilder, remake_node


def freeze(b: GraphBuilder, path: str | None) -> Map:
    """Resolve references and finish the frozen model (every node is closed by now)."""
    nodes = b.nodes
    usages = Usages.from_columns(b.usage_kinds, b.usage_names, b.usage_nodes, b.usage_paths, b.usage_positions)
    references: dict[str, list[Span]] = {}
    for index, (kind, _) in enumerate(usages.kinds_and_names()):
        if kind == "node":
            usage = usages[index]
            node = nodes.get(usage.name)
            if node is None:
                _undefined(b, usage)
            else:
                span = usage.span
                if span != node.span:
                    references.setdefault(usage.name, []).append(span)
    for node_id, spans in references.items():
        nodes[node_id] = remake_node(nodes[node_id], references=tuple(spans))
    # a relation whose ends are not both there (an undefined node, a dropped relation) goes;
    # in place, as a copy of a large map's relations would raise the peak of memory
    relations = b.relations
    dropped: set[str] = set()
    for relation_id, r in relations.items():
        target = r.target
        if r.source not in nodes or (target not in nodes and (target not in relations or target in dropped)):
            dropped.add(relation_id)
    for relation_id in dropped:
        del relations[relation_id]
    diagnostics = in_reading_order(b.diagnostics, path)
    return Map(b.metadata, b.actors, b.sources, b.sections, nodes, relations, b.reconstructions, tuple(b.document),
               b.trailing, path, tuple(b.included), usages, tuple(diagnostics))


def _undefined(b: GraphBuilder, usage: Usage) -> None:
    name = usage.name
    bracket = name[0]
    titles = [n[1:-1] for n in b.nodes if n[0] == bracket]
    close = suggest(name[1:-1], titles)
    suggestions = tuple(f"{bracket}{t}{name[-1]}" for t in close)
    hint = f"did you mean {' or '.join(suggestions)}?" if suggestions else "define it somewhere with '" + name + ": text'"
    b.report("undefined-node", f"{name} is used but never defined", usage.span, hint, suggestions=suggestions)



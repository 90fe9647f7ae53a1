"""A map as a networkx `MultiDiGraph`, for researchers (`argmap.to_networkx`).

* graph attributes: `metadata` (dict), `actors`, `sources` ({id: {"name"/"citation", "meta"}}),
  `sections` ({id: {"title", "level", "parent"}});
* one node per map node, keyed by its id (`[T]`, `<T>`, `_N`), with `element="node"`, `kind`
  (claim / argument / evidence / question), `title` (None if untitled), `text`, `actors`, `tags`,
  `sources` (tuples), `meta` (dict), `section`; with `with_analysis=True` also `grounded`
  (`in` / `out` / `undec`, `question` for a question);
* one edge per relation, source -> target, keyed by the relation id (`rN`), with `id`, `kind`
  (support / attack / undercut / contradiction / rephrase), `group`, `weight`, `meta`;
* an undercut of a relation `rN` points at a junction node `rN` (`element="relation"`): see
  `argmap.export.graph_view`.

networkx is an optional extra: `pip install 'argmap[networkx]'`.
"""

from __future__ import annotations

from typing import Any

from ..errors import UsageError
from ..model import Map
from .graph_view import grounded_labels, junctions


def require_networkx() -> Any:
    """The networkx module, or a UsageError naming the extra to install."""
    try:
        import networkx
    except ImportError:
        raise UsageError("networkx is not installed: pip install 'argmap[networkx]'") from None
    return networkx


def to_networkx(map_: Map, *, with_analysis: bool = False) -> Any:
    """The map's graph view as a `networkx.MultiDiGraph` (see the module docstring)."""
    nx = require_networkx()
    g = nx.MultiDiGraph()
    g.graph["metadata"] = dict(map_.metadata)
    g.graph["actors"] = {a.id: {"name": a.name, "meta": dict(a.meta)} for a in map_.actors.values()}
    g.graph["sources"] = {s.id: {"citation": s.citation, "meta": dict(s.meta)} for s in map_.sources.values()}
    g.graph["sections"] = {s.id: {"title": s.title, "level": s.level, "parent": s.parent}
                           for s in map_.sections.values()}
    labels = grounded_labels(map_) if with_analysis else {}
    for node in map_.nodes.values():
        attrs: dict[str, Any] = dict(
            element="node", kind=node.kind.value, title=node.title, text=node.text, actors=node.actors,
            tags=node.tags, sources=node.sources, meta=dict(node.meta), section=node.section)
        if with_analysis:
            attrs["grounded"] = labels.get(node.id)
        g.add_node(node.id, **attrs)
    for rid in junctions(map_):
        g.add_node(rid, element="relation", relation=rid)
    for relation in map_.relations.values():
        g.add_edge(relation.source, relation.target, key=relation.id, id=relation.id, kind=relation.kind.value,
                   group=relation.group, weight=relation.weight, meta=dict(relation.meta))
    return g

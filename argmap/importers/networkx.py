"""A networkx graph as a map (`argmap.from_networkx`): the inverse of `argmap.to_networkx`.

It reads the attributes `to_networkx` writes (see `argmap.export.networkx`), and any other
directed graph too: a node key that is no argmap id (`[T]`, `<T>`, `_N`) becomes the title
(`[key]`, `<key>` for kind argument); missing attributes take their defaults (kind claim,
relation kind support, empty text); an edge without `id` gets `rN` after the highest used.
Junction nodes (`element="relation"`) are no nodes: an edge into one targets that relation.
An undirected graph is a UsageError (relations have a direction).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import UsageError
from ..model import (
    Actor,
    Map,
    Node,
    NodeKind,
    Relation,
    RelationKind,
    Section,
    Source,
    relation_id,
)

_ID = re.compile(r"\[.*\]|<.*>|_[0-9]+", re.S)


def _node_id(key: Any, kind: NodeKind) -> str:
    if isinstance(key, str) and _ID.fullmatch(key):
        return key
    return f"<{key}>" if kind is NodeKind.ARGUMENT else f"[{key}]"


def from_networkx(g: Any) -> Map:
    """A map from a directed networkx graph (see the module docstring)."""
    if not g.is_directed():
        raise UsageError("from_networkx needs a directed graph (relations point from reason to target)")
    graph = g.graph
    actors = {a: Actor(a, info.get("name", a), dict(info.get("meta") or {}))
              for a, info in (graph.get("actors") or {}).items()}
    sources = {s: Source(s, info.get("citation", s), dict(info.get("meta") or {}))
               for s, info in (graph.get("sources") or {}).items()}
    sections = {s: Section(s, info.get("title", s), int(info.get("level", 1)), info.get("parent"))
                for s, info in (graph.get("sections") or {}).items()}
    ids: dict[Any, str] = {}
    nodes: dict[str, Node] = {}
    for key, data in g.nodes(data=True):
        if data.get("element") == "relation":
            ids[key] = str(data.get("relation", key))
            continue
        kind = NodeKind(data.get("kind", "claim"))
        node_id = _node_id(key, kind)
        ids[key] = node_id
        nodes[node_id] = Node(node_id, kind, text=str(data.get("text") or ""),
                              actors=tuple(data.get("actors") or ()), tags=tuple(data.get("tags") or ()),
                              sources=tuple(data.get("sources") or ()), meta=dict(data.get("meta") or {}),
                              section=data.get("section"))
    edges = list(g.edges(data=True))
    used = [int(d["id"][1:]) for _, _, d in edges if re.fullmatch(r"r[0-9]+", str(d.get("id", "")))]
    next_number = max(used, default=0)
    relations: dict[str, Relation] = {}
    for source, target, data in edges:
        rid = data.get("id")
        if rid is None:
            next_number += 1
            rid = relation_id(next_number)
        weight = data.get("weight")
        relations[rid] = Relation(rid, RelationKind(data.get("kind", "support")), ids[source], ids[target],
                                  group=data.get("group"), weight=None if weight is None else float(weight),
                                  meta=dict(data.get("meta") or {}))
    return Map(metadata=dict(graph.get("metadata") or {}), actors=actors, sources=sources, sections=sections,
               nodes=nodes, relations=relations)

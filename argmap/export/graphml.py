"""A map as GraphML (`argmap export MAP --to graphml`), for yEd, Gephi, Cytoscape and networkx.

Written with `xml.etree.ElementTree` (every text and attribute escaped by it; characters XML
1.0 cannot hold at all -- control characters other than tab and line breaks -- become U+FFFD
and are reported as losses `xml-character`). Every `<data>` has a declared `<key>` with its
`attr.type`:

* graph: `title` (string), `metadata`, `actors`, `sources`, `sections` (JSON strings: the
  same dicts `argmap.to_networkx` puts in `graph.graph`);
* node: `argmap_id` (the map id `[T]` / `<T>` / `_N` or `rN` for a junction), `element`
  (`node` / `relation`), `kind`, `title`, `text`, `label` (what Gephi and Cytoscape show: title,
  else text), `actors`, `tags`, `sources` (JSON lists), `meta` (JSON object), `section`, and
  with `with_analysis` `grounded` (`in` / `out` / `undec`, `question` for a question);
* edge: `argmap_id` (`rN`), `kind`, `group`, `weight` (double), `meta` (JSON object).

GraphML ids are `n1`, `n2`… and `e1`… (GraphML ids are tokens, titles are not). An undercut
of a relation points at the relation's junction node (see `argmap.export.graph_view`).
Nothing of the graph view is lost; the document layout (outline order, comments) is not part
of a graph.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from ..model import Map
from .graph_view import grounded_labels, junctions
from .losses import note

NS = "http://graphml.graphdrawing.org/xmlns"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: (id, for, type)
KEYS = (
    ("title", "graph", "string"), ("metadata", "graph", "string"), ("actors", "graph", "string"),
    ("sources", "graph", "string"), ("sections", "graph", "string"),
    ("argmap_id", "node", "string"), ("element", "node", "string"), ("kind", "node", "string"),
    ("title", "node", "string"), ("text", "node", "string"), ("label", "node", "string"),
    ("actors", "node", "string"), ("tags", "node", "string"), ("sources", "node", "string"),
    ("meta", "node", "string"), ("section", "node", "string"), ("grounded", "node", "string"),
    ("argmap_id", "edge", "string"), ("kind", "edge", "string"), ("group", "edge", "string"),
    ("weight", "edge", "double"), ("meta", "edge", "string"),
)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def map_to_graphml(map_: Map, losses: list | None = None, *, with_analysis: bool = False) -> str:
    """The map as a GraphML document (see the module docstring)."""
    ET.register_namespace("", NS)
    root = ET.Element("graphml", {"xmlns": NS})
    key_ids: dict[tuple[str, str], str] = {}
    for name, domain, kind in KEYS:
        if name == "grounded" and not with_analysis:
            continue
        ident = f"{domain[0]}_{name}"
        key_ids[(domain, name)] = ident
        ET.SubElement(root, "key", {"id": ident, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "directed"})

    def clean(value: str, element: str) -> str:
        if _BAD_XML.search(value):
            note(losses, "xml-character", element, "a control character XML cannot hold became U+FFFD")
            return _BAD_XML.sub("\ufffd", value)
        return value

    def data(parent: ET.Element, domain: str, name: str, value: object, element: str) -> None:
        if value is None:
            return
        text = value if isinstance(value, str) else repr(float(value)) if isinstance(value, float) else _json(value)
        ET.SubElement(parent, "data", {"key": key_ids[(domain, name)]}).text = clean(text, element)

    if map_.title is not None:
        data(graph, "graph", "title", map_.title, "metadata")
    data(graph, "graph", "metadata", dict(map_.metadata), "metadata")
    data(graph, "graph", "actors", {a.id: {"name": a.name, "meta": a.meta} for a in map_.actors.values()}, "actors")
    data(graph, "graph", "sources", {s.id: {"citation": s.citation, "meta": s.meta}
                                     for s in map_.sources.values()}, "sources")
    data(graph, "graph", "sections", {s.id: {"title": s.title, "level": s.level, "parent": s.parent}
                                      for s in map_.sections.values()}, "sections")
    labels = grounded_labels(map_) if with_analysis else {}
    ids: dict[str, str] = {}
    for number, node in enumerate(map_.nodes.values(), start=1):
        ids[node.id] = f"n{number}"
        element = ET.SubElement(graph, "node", {"id": ids[node.id]})
        for name, value in (("argmap_id", node.id), ("element", "node"), ("kind", node.kind.value),
                            ("title", node.title), ("text", node.text), ("label", node.label),
                            ("actors", list(node.actors)), ("tags", list(node.tags)),
                            ("sources", list(node.sources)), ("meta", dict(node.meta)), ("section", node.section)):
            data(element, "node", name, value, node.id)
        if with_analysis:
            data(element, "node", "grounded", labels.get(node.id), node.id)
    for rid in junctions(map_):
        ids[rid] = f"n{len(ids) + 1}"
        element = ET.SubElement(graph, "node", {"id": ids[rid]})
        data(element, "node", "argmap_id", rid, rid)
        data(element, "node", "element", "relation", rid)
    for number, relation in enumerate(map_.relations.values(), start=1):
        if relation.source not in ids or relation.target not in ids:
            note(losses, relation.kind.value, relation.id, "an end of this relation is in no node (dangling)")
            continue
        element = ET.SubElement(graph, "edge", {"id": f"e{number}", "source": ids[relation.source],
                                                "target": ids[relation.target]})
        for name, value in (("argmap_id", relation.id), ("kind", relation.kind.value), ("group", relation.group),
                            ("weight", None if relation.weight is None else float(relation.weight)),
                            ("meta", dict(relation.meta))):
            data(element, "edge", name, value, relation.id)
    ET.indent(root, "  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

"""Model -> JSON: the whole graph view of a map, in the shape of argmap/schema/map.schema.json.

Every node, relation, actor, source, section and the metadata are written, each with its
position (`span`) in the file it came from. `argmap.importers.json.read_json` reads it back into
an equal model. The document view (outline order, comments) is not part of the JSON: it is
.argmap layout, and `argmap import` writes a canonical outline for it.
"""

from __future__ import annotations

import json
import math

from ..errors import Span
from ..model import Map, Meta, MetaValue

#: the value of the top-level "format" key; "version" changes when the shape does
FORMAT_NAME = "argmap"
FORMAT_VERSION = 1


def span_to_dict(span: Span) -> dict[str, object] | None:
    """A position as JSON, None when the item was not written in a file (line 0)."""
    if span.line <= 0:
        return None
    return {
        "path": span.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def _value(value: MetaValue) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # JSON has no NaN or infinity
    if isinstance(value, list):
        return [_value(item) for item in value]
    return value


def _meta(meta: Meta) -> dict[str, object]:
    if not meta:
        return {}
    return {key: _value(value) for key, value in meta.items()}


def map_to_dict(map: Map) -> dict[str, object]:
    """The JSON-ready dictionary for `map` (lists in the map's own order)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "metadata": _meta(map.metadata),
        "actors": [
            {"id": a.id, "name": a.name, "meta": _meta(a.meta), "span": span_to_dict(a.span)}
            for a in map.actors.values()
        ],
        "sources": [
            {
                "id": s.id,
                "citation": s.citation,
                "meta": _meta(s.meta),
                "span": span_to_dict(s.span),
            }
            for s in map.sources.values()
        ],
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "level": s.level,
                "parent": s.parent,
                "span": span_to_dict(s.span),
            }
            for s in map.sections.values()
        ],
        "nodes": [
            {
                "id": n.id,
                "kind": n.kind.value,
                "title": n.title,
                "text": n.text,
                "actors": list(n.actors),
                "tags": list(n.tags),
                "sources": list(n.sources),
                "meta": _meta(n.meta),
                "section": n.section,
                "span": span_to_dict(n.span),
            }
            for n in map.nodes.values()
        ],
        "relations": [
            {
                "id": r.id,
                "kind": r.kind.value,
                "source": r.source,
                "target": r.target,
                "group": r.group,
                "weight": r.weight,
                "meta": _meta(r.meta),
                "span": span_to_dict(r.span),
            }
            for r in map.relations.values()
        ],
    }


def map_to_json(map: Map) -> str:
    """The map as JSON text: one line per actor, source, section, node and relation.

    That layout reads well in a diff and lets Python's C encoder write each item (with
    `indent` the whole document goes through the slow pure-Python encoder).
    """
    data = map_to_dict(map)
    dump = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    lines = ["{"]
    for index, (key, value) in enumerate(data.items()):
        comma = "," if index < len(data) - 1 else ""
        if isinstance(value, list) and value:
            items = ",\n".join("    " + dump(item) for item in value)
            lines.append(f"  {dump(key)}: [\n{items}\n  ]{comma}")
        else:
            lines.append(f"  {dump(key)}: {dump(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"

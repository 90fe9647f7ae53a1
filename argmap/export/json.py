"""Model -> JSON: the whole graph view of a map, in the shape of argmap/schema/map.schema.json.

Every node, relation, reconstruction, actor, source, section and the metadata are written, each with its
position (`span`) in the file it came from. `argmap.importers.json.read_json` reads it back into
an equal model. The document view (outline order, comments) is not part of the JSON: it is
.argmap layout, and `argmap import` writes a canonical outline for it.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring as _string  # C-accelerated, keeps non-ASCII

from ..errors import Span
from ..model import Map, Meta, MetaValue, Reconstruction

#: the value of the top-level "format" key; "version" changes when the shape does
FORMAT_NAME = "argmap"
FORMAT_VERSION = 1


def span_to_dict(span: Span) -> dict[str, object] | None:
    """A position as JSON, None when the item was not written in a file (line 0)."""
    return None if span.line <= 0 else span.to_dict()


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
        **({"reconstructions": [reconstruction_to_dict(r) for r in map.reconstructions.values()]}
           if map.reconstructions else {}),
    }


def reconstruction_to_dict(r: Reconstruction) -> dict[str, object]:
    """A premise-conclusion structure as JSON (written only for maps that have one)."""
    return {
        "argument": r.argument,
        "statements": list(r.statements),
        "inferences": [{"rule": i.rule, "uses": list(i.uses), "conclusion": i.conclusion, "meta": _meta(i.meta),
                        "undercuts": list(i.undercuts), "span": span_to_dict(i.span)} for i in r.inferences],
        "span": span_to_dict(r.span),
    }


def _span_json(span: Span) -> str:
    if span.line <= 0:
        return "null"
    path = "null" if span.path is None else _string(span.path)
    return (f'{{"path": {path}, "line": {span.line}, "column": {span.column}, '
            f'"end_line": {span.end_line}, "end_column": {span.end_column}}}')


def _item_lines(map: Map) -> dict[str, list[str]]:
    """Each list of the document as JSON text, one item per entry, built without dictionaries."""
    dump = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    s = _string

    def opt(text: str | None) -> str:
        return "null" if text is None else s(text)

    def strings(items: tuple[str, ...]) -> str:
        return "[" + ", ".join(s(x) for x in items) + "]"

    def meta(value: Meta) -> str:
        return dump(_meta(value)) if value else "{}"

    return {
        "actors": [f'{{"id": {s(a.id)}, "name": {s(a.name)}, "meta": {meta(a.meta)}, '
                   f'"span": {_span_json(a.span)}}}' for a in map.actors.values()],
        "sources": [f'{{"id": {s(x.id)}, "citation": {s(x.citation)}, "meta": {meta(x.meta)}, '
                    f'"span": {_span_json(x.span)}}}' for x in map.sources.values()],
        "sections": [f'{{"id": {s(x.id)}, "title": {s(x.title)}, "level": {x.level}, '
                     f'"parent": {opt(x.parent)}, "span": {_span_json(x.span)}}}'
                     for x in map.sections.values()],
        "nodes": [f'{{"id": {s(n.id)}, "kind": "{n.kind.value}", "title": {opt(n.title)}, '
                  f'"text": {s(n.text)}, "actors": {strings(n.actors)}, "tags": {strings(n.tags)}, '
                  f'"sources": {strings(n.sources)}, "meta": {meta(n.meta)}, '
                  f'"section": {opt(n.section)}, "span": {_span_json(n.span)}}}'
                  for n in map.nodes.values()],
        "relations": [f'{{"id": {s(r.id)}, "kind": "{r.kind.value}", "source": {s(r.source)}, '
                      f'"target": {s(r.target)}, "group": {opt(r.group)}, '
                      f'"weight": {dump(r.weight)}, "meta": {meta(r.meta)}, '
                      f'"span": {_span_json(r.span)}}}' for r in map.relations.values()],
        **({"reconstructions": [dump(reconstruction_to_dict(r)) for r in map.reconstructions.values()]}
           if map.reconstructions else {}),
    }


def map_to_json(map: Map) -> str:
    """The map as JSON text: one line per actor, source, section, node and relation.

    The text is `map_to_dict(map)` as JSON (a test holds them equal), written item by item
    with the C string encoder: that layout reads well in a diff, and large maps export fast.
    """
    dump = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    lines = ["{", f'  "format": "{FORMAT_NAME}",', f'  "version": {FORMAT_VERSION},',
             f'  "metadata": {dump(_meta(map.metadata))},']
    lists = _item_lines(map)
    for index, (key, items) in enumerate(lists.items()):
        comma = "," if index < len(lists) - 1 else ""
        if items:
            body = ",\n".join("    " + item for item in items)
            lines.append(f'  "{key}": [\n{body}\n  ]{comma}')
        else:
            lines.append(f'  "{key}": []{comma}')
    lines.append("}")
    return "\n".join(lines) + "\n"

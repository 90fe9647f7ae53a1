"""JSON -> model: reads what `argmap export --to json` writes (argmap/schema/map.schema.json).

The document is checked against the shipped JSON Schema (`jsonschema`, a dependency) and by the conversion itself; every problem becomes a Diagnostic with the line and
column of the JSON object it is in.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from bisect import bisect_right
from collections.abc import Collection, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import Diagnostic, ImportFailed, Span
from ..model import Actor, Inference, Map, Node, NodeKind, Reconstruction, Relation, RelationKind, Section, Source


@lru_cache(maxsize=1)
def map_schema() -> dict[str, Any]:
    """The JSON Schema of the export format, as shipped inside the package."""
    text = (resources.files("argmap") / "schema" / "map.schema.json").read_text("utf-8")
    return json.loads(text)


def _object_offsets(text: str) -> tuple[Any, dict[int, int]]:
    """Parse again with the pure-Python scanner, remembering where each object starts."""
    offsets: dict[int, int] = {}
    decoder = json.JSONDecoder()

    def parse_object(s_and_end, *args):
        value, end = json.decoder.JSONObject(s_and_end, *args)
        offsets[id(value)] = s_and_end[1] - 1
        return value, end

    decoder.parse_object = parse_object  # type: ignore[method-assign]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder.decode(text), offsets


class JsonPositions:
    """Finds where things are in a JSON text (parsed again, once, only when asked)."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text, self.path = text, path
        self._parsed: tuple[Any, dict[int, int]] | None = None
        self._line_starts: list[int] | None = None

    def span(self, where: Sequence[str | int]) -> Span:
        """The position of the innermost JSON object on the way `where` (keys and indices)."""
        if self._parsed is None:
            try:
                self._parsed = _object_offsets(self.text)
            except ValueError:
                self._parsed = (None, {})
        value, offsets = self._parsed
        offset = offsets.get(id(value), 0)
        for step in where:
            try:
                value = value[step]
            except (KeyError, IndexError, TypeError):
                break
            offset = offsets.get(id(value), offset)
        line, column = self._line_col(offset)
        return Span(self.path, line, column, line, column + 1)

    def _line_col(self, offset: int) -> tuple[int, int]:
        """Line and column of `offset`, from a table of line starts made once (an AIF nodeset of
        65,000 nodes asks for some 20,000 positions: counting lines for each took half a minute)."""
        if self._line_starts is None:
            starts, at = [0], self.text.find("\n")
            while at != -1:
                starts.append(at + 1)
                at = self.text.find("\n", at + 1)
            self._line_starts = starts
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def _schema_errors(data: Any) -> list[tuple[str, list[str | int]]]:
    try:
        import jsonschema
    except ImportError:  # optional: the conversion below still checks what it reads
        return []
    validator = jsonschema.Draft202012Validator(map_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [(e.message, list(e.absolute_path)) for e in errors]


def _duplicate_ids(data: Any) -> list[tuple[str, list[str | int]]]:
    """Two items of one list with the same id: the second would silently replace the first."""
    problems: list[tuple[str, list[str | int]]] = []
    if not isinstance(data, dict):
        return problems
    namespaces = (("actors",), ("sources",), ("sections",), ("nodes", "relations"))
    for lists in namespaces:
        first: dict[object, str] = {}
        for name in lists:
            items = data.get(name)
            if not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                if not isinstance(item, dict) or "id" not in item or isinstance(item["id"], (dict, list)):
                    continue
                where = f"{name}/{index}"
                if item["id"] in first:
                    problems.append((f"the id {item['id']!r} is given again (first at {first[item['id']]}); "
                                     "ids must be unique", [name, index]))
                else:
                    first[item["id"]] = where
    return problems


def _span(item: dict[str, Any], fallback: str | None) -> Span:
    span = item.get("span")
    if not span:
        return Span(None, 0, 0, 0, 0)
    return Span(
        span.get("path", fallback), span["line"], span["column"], span["end_line"], span["end_column"]
    )


def dict_to_map(data: dict[str, Any], path: str | None = None) -> Map:
    """Build the model from the exported dictionary (raises KeyError/TypeError/ValueError)."""
    actors = {
        a["id"]: Actor(a["id"], a["name"], dict(a.get("meta", {})), _span(a, path))
        for a in data["actors"]
    }
    sources = {
        s["id"]: Source(s["id"], s["citation"], dict(s.get("meta", {})), _span(s, path))
        for s in data["sources"]
    }
    sections = {
        s["id"]: Section(s["id"], s["title"], s["level"], s.get("parent"), _span(s, path))
        for s in data["sections"]
    }
    nodes = {
        n["id"]: Node(
            id=n["id"],
            kind=NodeKind(n["kind"]),
            title=n["title"],
            text=n["text"],
            actors=tuple(n.get("actors", ())),
            tags=tuple(n.get("tags", ())),
            sources=tuple(n.get("sources", ())),
            meta=dict(n.get("meta", {})),
            section=n.get("section"),
            span=_span(n, path),
        )
        for n in data["nodes"]
    }
    relations = {
        r["id"]: Relation(
            id=r["id"],
            kind=RelationKind(r["kind"]),
            source=r["source"],
            target=r["target"],
            group=r.get("group"),
            weight=r.get("weight"),
            meta=dict(r.get("meta", {})),
            span=_span(r, path),
        )
        for r in data["relations"]
    }
    reconstructions = {r.argument: r for r in (reconstruction_from_dict(item, path)
                                               for item in data.get("reconstructions", ()))}
    return Map(
        metadata=dict(data["metadata"]),
        actors=actors,
        sources=sources,
        sections=sections,
        nodes=nodes,
        relations=relations,
        reconstructions=reconstructions,
        path=path,
    )


def reconstruction_from_dict(r: dict[str, Any], path: str | None = None) -> Reconstruction:
    """A reconstruction as `argmap.export.json` writes it (raises KeyError/TypeError/ValueError)."""
    return Reconstruction(
        r["argument"], tuple(r["statements"]),
        tuple(Inference(i["rule"], tuple(i["uses"]), i["conclusion"], dict(i.get("meta", {})),
                        tuple(i.get("undercuts", ())), _span(i, path)) for i in r["inferences"]),
        span=_span(r, path))


def reconstruction_problem(r: Reconstruction, nodes: Collection[str], relations: Collection[str]) -> str | None:
    """What makes a reconstruction refer to something the map lacks (None: nothing)."""
    missing = [n for n in (r.argument, *r.statements) if n not in nodes]
    if missing:
        return f"the reconstruction of {r.argument} names {missing[0]}, which is no node"
    for i in r.inferences:
        if not 1 < i.conclusion <= len(r.statements) or not all(1 <= n < i.conclusion for n in i.uses):
            return f"an inference of {r.argument} concludes or uses a statement it cannot"
        if any(u not in relations for u in i.undercuts):
            return f"an inference of {r.argument} names an undercut that is no relation"
    return None


def _reconstruction_problems(data: Any) -> list[tuple[str, list[str | int]]]:
    """Reconstructions naming nodes, statements or relations the map does not have."""
    items = data.get("reconstructions") if isinstance(data, dict) else None
    if not items:
        return []
    nodes = {n.get("id") for n in data.get("nodes", ()) if isinstance(n, dict)}
    relations = {r.get("id") for r in data.get("relations", ()) if isinstance(r, dict)}
    problems: list[tuple[str, list[str | int]]] = []
    for index, item in enumerate(items):
        try:
            problem = reconstruction_problem(reconstruction_from_dict(item), nodes, relations)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            problem = f"cannot read it: {type(exc).__name__}: {exc}"
        if problem is not None:
            problems.append((problem, ["reconstructions", index]))
    return problems


def read_json(text: str, path: str | None = None) -> Map:
    """Read an exported JSON map; raises ImportFailed (with positioned diagnostics) if invalid."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        span = Span(path, exc.lineno, exc.colno, exc.lineno, exc.colno + 1)
        diagnostic = Diagnostic("invalid-json", f"not valid JSON: {exc.msg}", span)
        raise ImportFailed(f"{path or '<input>'}: not valid JSON", (diagnostic,)) from None
    problems = _schema_errors(data) or _duplicate_ids(data) or _reconstruction_problems(data)
    if not problems:
        try:
            return dict_to_map(data, path)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            problems = [(f"cannot read the map: {type(exc).__name__}: {exc}", [])]
    positions = JsonPositions(text, path)
    diagnostics = tuple(
        Diagnostic(
            "invalid-map-json",
            f"{'/'.join(map(str, where)) or 'document'}: {message}",
            positions.span(where),
            hint="the file must follow argmap/schema/map.schema.json (see docs/interchange.md)",
        )
        for message, where in problems
    )
    raise ImportFailed(f"{path or '<input>'}: not an argmap JSON map", diagnostics)

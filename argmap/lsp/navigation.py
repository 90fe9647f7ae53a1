"""Go to definition and find references for `[Title]`, `<Title>`, `@actor`, `^source`, `#tag`."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from ..errors import Span
from .document import Occurrence, Snapshot, title_token
from .positions import LineIndex


def definition_span(snapshot: Snapshot, occurrence: Occurrence) -> Span | None:
    """Where the name under the cursor is defined (possibly in an included file)."""
    m = snapshot.map
    if occurrence.kind == "node":
        node = m.nodes.get(occurrence.name)
        return node.span if node is not None else None
    table = {"actor": m.actors, "source": m.sources}.get(occurrence.kind, {})
    item = table.get(occurrence.name)
    return item.span if item is not None and item.span.line > 0 else None


def location_of(snapshot: Snapshot, span: Span, *, title: bool = False) -> types.Location:
    """A span as an LSP location; spans in other files are converted with that file's lines."""
    if span.path == snapshot.path:
        uri, lines = snapshot.uri, snapshot.lines
    else:
        uri = from_fs_path(span.path) or span.path or snapshot.uri
        try:
            lines = LineIndex(Path(span.path or "").read_text(encoding="utf-8", errors="replace"),
                              snapshot.lines.encoding)
        except OSError:
            lines = LineIndex("", snapshot.lines.encoding)
    if title:
        columns = title_token(lines.line(span.line), span.column)
        if columns is not None:
            return types.Location(uri, lines.range_at(span.line, *columns))
    return types.Location(uri, lines.range_of(span))


def definition(snapshot: Snapshot, position: types.Position) -> list[types.Location]:
    """The definition of the title, actor or source under the cursor (none for tags)."""
    occurrence = snapshot.occurrence_at(position)
    if occurrence is None:
        return []
    span = definition_span(snapshot, occurrence)
    if span is None:
        return []
    return [location_of(snapshot, span, title=occurrence.kind == "node")]


def references(snapshot: Snapshot, position: types.Position, include_declaration: bool) -> list[types.Location]:
    """Every place in this document the name under the cursor is written."""
    occurrence = snapshot.occurrence_at(position)
    if occurrence is None:
        return []
    return [
        types.Location(snapshot.uri, snapshot.range_of(o))
        for o in snapshot.occurrences.of(occurrence.kind, occurrence.name)
        if include_declaration or not o.is_definition
    ]

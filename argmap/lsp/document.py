"""One parsed version of an open document, and where every name in it is written.

A `Snapshot` holds the text, the `Map`, its diagnostics and a `LineIndex`; the `Occurrences`
index lists each written title, actor, source and tag with its exact place, so that
definition, references, hover and rename all agree on what is under the cursor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from lsprotocol import types

from ..errors import Diagnostic, Span
from ..language.check import check
from ..language.read.parse import parse
from ..language.vocabulary import ARGUMENT_TITLE_PATTERN, CLAIM_TITLE_PATTERN
from ..model import Map
from .positions import LineIndex

#: maps with more nodes than this are not analysed for hover (it would stall the editor)
ANALYSIS_LIMIT = 3000
_TITLE_TOKEN = re.compile(f"{CLAIM_TITLE_PATTERN}|{ARGUMENT_TITLE_PATTERN}")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A name written once: `kind` node | actor | source | tag; columns 1-based, end exclusive.

    `name` is the node id, actor id, source id or tag. `sigil` counts the leading characters
    that are not the name itself (1 for `@`, `^`, `#`; 0 for titles and declared IDs).
    """

    kind: str
    name: str
    line: int
    column: int
    end_column: int
    is_definition: bool = False
    sigil: int = 0

    def contains(self, line: int, column: int) -> bool:
        """True if the 1-based cursor (line, column) touches this occurrence."""
        return line == self.line and self.column <= column <= self.end_column


def title_token(text: str, column: int) -> tuple[int, int] | None:
    """Columns of the `[Title]`/`<Title>` written at 1-based `column` of a line, if one is there."""
    match = _TITLE_TOKEN.match(text, column - 1)
    return (column, match.end() + 1) if match else None


class Occurrences:
    """Every written name of the document (not of included files), by line and by name."""

    def __init__(self, m: Map, lines: LineIndex) -> None:
        self.by_line: dict[int, list[Occurrence]] = {}
        self.by_name: dict[tuple[str, str], list[Occurrence]] = {}
        own = m.path
        for node in m.nodes.values():
            if node.title is not None and node.span.path == own:
                self._add_title(node.id, node.span, lines, definition=True)
        for kind, table in (("actor", m.actors), ("source", m.sources)):
            for item in table.values():
                span = item.span
                if span.path == own and span.line > 0:
                    self._add(Occurrence(kind, item.id, span.line, span.column, span.end_column, True))
        for usage in m.usages:
            span = usage.span
            if span.path != own:
                continue
            if usage.kind == "node":
                self._add_title(usage.name, span, lines, definition=False)
            else:
                self._add(Occurrence(usage.kind, usage.name, span.line, span.column, span.end_column, sigil=1))

    def _add_title(self, node_id: str, span: Span, lines: LineIndex, *, definition: bool) -> None:
        columns = title_token(lines.line(span.line), span.column)
        if columns is not None:
            self._add(Occurrence("node", node_id, span.line, columns[0], columns[1], definition))

    def _add(self, occurrence: Occurrence) -> None:
        self.by_line.setdefault(occurrence.line, []).append(occurrence)
        self.by_name.setdefault((occurrence.kind, occurrence.name), []).append(occurrence)

    def at(self, line: int, column: int) -> Occurrence | None:
        """The occurrence under the cursor; one that starts at the cursor wins over one ending there."""
        found = [o for o in self.by_line.get(line, ()) if o.contains(line, column)]
        found.sort(key=lambda o: o.end_column == column)
        return found[0] if found else None

    def of(self, kind: str, name: str) -> list[Occurrence]:
        """Every occurrence of one name, in document order."""
        return sorted(self.by_name.get((kind, name), ()), key=lambda o: (o.line, o.column))


class Snapshot:
    """A parsed and checked version of one open document."""

    def __init__(self, uri: str, version: int | None, text: str, path: str | None,
                 encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.uri = uri
        self.version = version
        self.text = text
        self.path = path
        self.lines = LineIndex(text, encoding)
        self.map = parse(text, path)
        self.diagnostics: list[Diagnostic] = check(self.map)

    @cached_property
    def occurrences(self) -> Occurrences:
        return Occurrences(self.map, self.lines)

    @cached_property
    def analysis(self) -> Any | None:
        """The result of `argmap.analyze.analyze_map` (status and strength), None if unavailable."""
        if len(self.map.nodes) > ANALYSIS_LIMIT:
            return None
        try:
            from ..analyze import analyze_map

            return analyze_map(self.map)
        except Exception:  # noqa: BLE001 - analysis is optional for hover; never break the editor
            return None

    @cached_property
    def explainer(self) -> Any | None:
        """Explanations of the map's nodes (`argmap.analyze.explain.MapExplainer`), None when
        there is no analysis."""
        if self.analysis is None:
            return None
        try:
            from ..analyze.explain import MapExplainer

            return MapExplainer(self.map)
        except Exception:  # noqa: BLE001 - explanations are optional for hover
            return None

    def why(self, node_id: str) -> str | None:
        """The one-line grounded explanation of a node, None when there is none."""
        explainer = self.explainer
        if explainer is None:
            return None
        try:
            from ..analyze.explain import short_explanation

            return short_explanation(explainer, node_id)
        except Exception:  # noqa: BLE001 - never break the editor
            return None

    @property
    def parse_errors(self) -> list[Diagnostic]:
        """Errors found while reading the text (what makes formatting refuse)."""
        return [d for d in self.map.diagnostics if d.is_error]

    def occurrence_at(self, position: types.Position) -> Occurrence | None:
        """The name under an LSP position."""
        line, column = self.lines.from_lsp(position)
        return self.occurrences.at(line, column)

    def range_of(self, occurrence: Occurrence, *, name_only: bool = False) -> types.Range:
        """The LSP range of an occurrence (without its sigil when `name_only`)."""
        start = occurrence.column + (occurrence.sigil if name_only else 0)
        return self.lines.range_at(occurrence.line, start, occurrence.end_column)

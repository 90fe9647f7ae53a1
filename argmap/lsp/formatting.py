"""Formatting through `argmap fmt`'s writer; a document with syntax errors is left alone."""

from __future__ import annotations

from lsprotocol import types

from ..errors import FormatRefused
from ..language.read.scan import normalize_newlines
from ..language.write.format import format_map
from .document import Snapshot


def format_document(snapshot: Snapshot) -> list[types.TextEdit]:
    """One edit replacing the whole text with its canonical layout ([] if already canonical)."""
    errors = snapshot.parse_errors
    if errors:
        first = errors[0]
        raise FormatRefused(f"not formatted: fix the {len(errors)} error(s) first "
                            f"(line {first.span.line}: {first.message})")
    formatted = format_map(snapshot.map)
    if formatted == normalize_newlines(snapshot.text):
        return []
    whole = types.Range(types.Position(0, 0), snapshot.lines.end())
    return [types.TextEdit(whole, formatted)]

"""Helpers shared by the sub-commands: loading maps, printing diagnostics, writing outputs."""

from __future__ import annotations

import sys
from typing import Iterable, TextIO

from ..errors import Diagnostic
from ..model import Map
from ..report import format_diagnostics


def load_map(path: str) -> Map:
    """Parse a map file ('-' is standard input); raises UsageError if it cannot be read."""
    from ..parse import parse_file

    return parse_file(path)


def print_diagnostics(
    diagnostics: Iterable[Diagnostic],
    *,
    stream: TextIO | None = None,
    color: bool | None = None,
    sources: dict[str | None, str] | None = None,
) -> None:
    """Print diagnostics compiler-style (path:line:col: severity[code]: message, caret, hint).

    `sources` gives the text of files that are not on disk (standard input: key None).
    """
    out = stream or sys.stderr
    text = format_diagnostics(diagnostics, sources, color=out.isatty() if color is None else color)
    if text:
        out.write(text)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)

"""Helpers shared by the sub-commands: loading maps, printing diagnostics, writing outputs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from ..errors import Diagnostic
from ..language.report import format_diagnostics
from ..model import Map

TYPE_CHECKING = False  # not typing's: checking a map does not import typing
if TYPE_CHECKING:
    from typing import TextIO


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; a folder stands for every .argmap file below it (sorted)."""
    out: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            from pathlib import Path

            found = sorted(str(p) for p in Path(path).rglob("*.argmap"))
            if not found:
                from ..errors import UsageError

                raise UsageError(f"{path}: no .argmap files in this folder")
            out.extend(found)
        else:
            out.append(path)
    return out


def load_map(path: str) -> Map:
    """Read a map file ('-' is standard input); raises UsageError if it cannot be read.

    An `.argmap` file (and standard input) is parsed; a file in a format argmap imports (by its
    ending or its content: `argmap.importers.resolve_format`) is imported; any other file is a
    UsageError, never read as a map in silence. A foreign file that cannot be understood gives
    a map holding only the error diagnostics, so the command reports them and fails.
    """
    from ..language.read.parse import parse_file

    if path == "-" or path.lower().endswith(".argmap"):
        return parse_file(path)
    from ..errors import Diagnostic, ImportFailed, Span
    from ..importers import read_map

    try:
        return read_map(path, how="rename it to end in .argmap to read it as a map, or convert it "
                        "with 'argmap import FILE --from FORMAT'")[0]
    except ImportFailed as exc:
        found = exc.diagnostics or (Diagnostic("import-failed", str(exc), Span(path, 1, 1, 1, 2)),)
        return Map(path=path, diagnostics=tuple(found))


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

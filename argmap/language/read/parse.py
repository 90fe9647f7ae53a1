"""Text → model. `parse` and `parse_file` never raise on bad input: they return a `Map` whose
`diagnostics` say what is wrong, with everything that could be read.

`scan.py` reads the lines (each on its own, so every syntax error is reported and every good
line kept); `nesting.py` builds the map from them. The cycle collector is paused meanwhile
(argmap/_speed/gc.py).
"""

from __future__ import annotations

import os

from ..._speed.gc import gc_paused
from ...errors import Diagnostic
from ...files import decode
from ...model import Map
from ...printable import control_characters
from .nesting import build_map
from .scan import iter_lines, normalize_newlines


def parse(text: str, path: str | None = None, *, _including: tuple[str, ...] = ()) -> Map:
    """Parse .argmap text into a `Map`; problems are in `Map.diagnostics`, never raised."""
    text = normalize_newlines(text)
    diagnostics: list[Diagnostic] = control_characters(text, path)
    with gc_paused():  # parsing allocates many objects and frees none: collecting is wasted work
        return build_map(iter_lines(text, path, diagnostics), text, path, diagnostics, _including)


def parse_file(path: str | os.PathLike[str], *, _including: tuple[str, ...] = ()) -> Map:
    """Parse a map file ('-' for standard input). Raises UsageError only if it cannot be read."""
    from ...files import read_text

    name = os.fspath(path)
    text, diagnostics = read_text(name)
    result = parse(text, None if name == "-" else name, _including=_including)
    if diagnostics:
        from dataclasses import replace

        result = replace(result, diagnostics=tuple(diagnostics) + result.diagnostics)
    return result


def parse_bytes(data: bytes, path: str | None = None) -> Map:
    """Parse raw bytes (UTF-8, optional BOM; invalid bytes are reported, not fatal)."""
    from dataclasses import replace

    text, diagnostics = decode(data, path)
    result = parse(text, path)
    return replace(result, diagnostics=tuple(diagnostics) + result.diagnostics) if diagnostics else result

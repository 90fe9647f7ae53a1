"""Text → model. `parse` and `parse_file` never raise on bad input: they return a `Map` whose
`diagnostics` say what is wrong, with everything that could be read.

Each line is read on its own (the grammar is line-oriented), so every syntax error is reported
and every good line kept; common lines take a fast path checked equal to Lark's reading
(argmap/fastlines.py). The cycle collector is paused while the model is built.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from typing import Iterator

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .errors import Diagnostic
from .files import decode
from .grammar import parser
from .fastlines import fast_line
from .lines import Line, LineBuilder, Pos
from .model import Map
from .outline import build_map
from .syntax_errors import describe

@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse(text: str, path: str | None = None, *, _including: tuple[str, ...] = ()) -> Map:
    """Parse .argmap text into a `Map`; problems are in `Map.diagnostics`, never raised."""
    text = normalize_newlines(text)
    diagnostics: list[Diagnostic] = []
    with _gc_paused():  # parsing allocates many objects and frees none: collecting is wasted work
        raw = text.split("\n")
        return build_map(iter_lines(raw, path, diagnostics), raw, path, diagnostics, _including)


def parse_file(path: str | os.PathLike[str], *, _including: tuple[str, ...] = ()) -> Map:
    """Parse a map file ('-' for standard input). Raises UsageError only if it cannot be read."""
    from .files import read_text

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


# --- reading lines ---------------------------------------------------------------------------


def read_lines(text: str, path: str | None) -> tuple[list, list[Diagnostic]]:
    """Every line as a `Line` (the front matter token first, if any), plus syntax errors."""
    diagnostics: list[Diagnostic] = []
    return list(iter_lines(text.split("\n"), path, diagnostics)), diagnostics


def iter_lines(raw: list[str], path: str | None, diagnostics: list[Diagnostic]) -> Iterator:
    """The lines of a text (`raw`: split at line breaks) one by one, so they need not all be in
    memory at once; syntax errors are appended to `diagnostics` as they are met.

    Common lines take the fast path (argmap/fastlines.py); the front matter and every other
    line are read by Lark, one line at a time, so an error stays on its line.
    """
    first = _front_matter_end(raw)
    if first:
        chunk = "\n".join(raw[:first]) + "\n"
        try:
            yield from LineBuilder().transform(parser().parse(chunk, start="start"))
        except UnexpectedInput as exc:
            diagnostics.append(describe(exc, raw, 0, path))
    builder = LineBuilder()
    for index in range(first, len(raw)):
        line_text = raw[index]
        if not line_text or line_text.isspace():
            continue
        line = fast_line(builder, line_text, index + 1)
        yield line if line is not None else _parse_one(line_text, index, raw, path, diagnostics)


def _parse_one(text: str, index: int, raw: list[str], path: str | None, diagnostics: list[Diagnostic]) -> Line:
    """One line read by Lark; on a syntax error, a diagnostic and an "error" placeholder line."""
    try:
        tree = parser().parse(text, start="line")
    except (UnexpectedCharacters, UnexpectedToken, UnexpectedEOF) as exc:
        diagnostics.append(describe(exc, raw, index, path))
        # keep the line's place in the outline, so its children do not cascade into errors
        column = len(text) - len(text.lstrip(" \t")) + 1
        return Line(kind="error", pos=Pos(index + 1, column, column + 1))
    return LineBuilder(line_offset=index).transform(tree)


def _front_matter_end(raw: list[str]) -> int:
    """How many lines the front matter takes (0 if the file has none or it is unterminated)."""
    if not raw or raw[0].rstrip(" \t") != "---":
        return 0
    for index in range(1, len(raw)):
        if raw[index].rstrip(" \t") == "---":
            return index + 1
    return 0

"""A text's lines, each read on its own into a `Line` record: the common lines by the fast path
(fastpath.py, checked equal to Lark's reading), the front matter and every other line by Lark,
one line at a time, so a syntax error stays on its line and every good line is kept.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)

from ...errors import Diagnostic
from ..grammar import parser
from .fastpath import fast_line
from .lines import Line, LineBuilder
from .syntax_errors import describe


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_lines(text: str, path: str | None) -> tuple[list, list[Diagnostic]]:
    """Every line as a `Line` (the front matter token first, if any), plus syntax errors."""
    diagnostics: list[Diagnostic] = []
    return [item for item, _ in iter_lines(text, path, diagnostics)], diagnostics


def iter_lines(text: str, path: str | None, diagnostics: list[Diagnostic]) -> Iterator[tuple[Any, str]]:
    """Each non-blank line of `text` (line breaks normalized) as (`Line`, its text), one by
    one, so that neither the lines nor their records need all be in memory at once; the front
    matter comes first as one (token, "") pair. Syntax errors are appended to `diagnostics`
    as they are met.

    Common lines take the fast path (fastpath.py); the front matter and every other
    line are read by Lark, one line at a time, so an error stays on its line.
    """
    start, line_no = 0, 1
    block = front_matter(text)
    if block:
        try:
            yield from ((item, "") for item in LineBuilder().transform(parser().parse(block, start="start")))
        except UnexpectedInput as exc:
            lines = block.split("\n")
            line = getattr(exc, "line", 1) or 1
            diagnostics.append(describe(exc, lines[min(line, len(lines)) - 1], 1, path))
        start = len(block)
        line_no = block.count("\n") + 1
    find = text.find
    while start <= len(text):
        end = find("\n", start)
        if end < 0:
            end = len(text)
        line_text = text[start:end]
        if line_text and not line_text.isspace():
            line = fast_line(line_text, line_no)
            yield (line if line is not None else _parse_one(line_text, line_no, path, diagnostics)), line_text
        start = end + 1
        line_no += 1


def _parse_one(text: str, line_no: int, path: str | None, diagnostics: list[Diagnostic]) -> Line:
    """One line read by Lark; on a syntax error, a diagnostic and an "error" placeholder line."""
    try:
        tree = parser().parse(text, start="line")
    except (UnexpectedCharacters, UnexpectedToken, UnexpectedEOF) as exc:
        diagnostics.append(describe(exc, text, line_no, path))
        # keep the line's place in the outline, so its children do not cascade into errors
        column = len(text) - len(text.lstrip(" \t")) + 1
        return Line("error", line_no, column, column + 1)
    return LineBuilder(line_offset=line_no - 1).transform(tree)


_FRONT_MATTER_END = re.compile(r"^---[ \t]*$", re.MULTILINE)


def front_matter(text: str) -> str:
    """The front matter block with its line break ("" if the file has none or it is unterminated)."""
    first = text.find("\n")
    if first < 0 or text[:first].rstrip(" \t") != "---":
        return ""
    end = _FRONT_MATTER_END.search(text, first + 1)
    if end is None:
        return ""
    return text[: end.end()] + "\n"

"""A text's lines, each read on its own into a `Line` record: the common lines by the fast path
(fastpath.py, checked equal to Lark's reading), every other line by Lark (lark_lines.py,
imported on the first such line), one line at a time, so a syntax error stays on its line and
every good line is kept. The front matter block is passed on whole; meta.py reads its entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import Diagnostic
from .fastpath import fast_line


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_lines(text: str, path: str | None) -> tuple[list, list[Diagnostic]]:
    """Every line as a `Line` (the front matter block first, if any), plus syntax errors."""
    diagnostics: list[Diagnostic] = []
    return [item for item, _ in iter_lines(text, path, diagnostics)], diagnostics


def iter_lines(text: str, path: str | None, diagnostics: list[Diagnostic]) -> Iterator[tuple[object, str]]:
    """Each non-blank line of `text` (line breaks normalized) as (`Line`, its text), one by
    one, so that neither the lines nor their records need all be in memory at once; the front
    matter comes first as one (its text, without the last line break; "") pair: the grammar's
    FRONT_MATTER token, which `front_matter` finds. Syntax errors are appended to `diagnostics`
    as they are met.

    Common lines take the fast path (fastpath.py); every other line is read by Lark, one line
    at a time, so an error stays on its line.
    """
    start, line_no = 0, 1
    block = front_matter(text)
    if block:
        yield block[:-1], ""
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
            if line is None:
                from .lark_lines import (
                    read_line,  # Lark, only for the lines the fast path leaves
                )

                line = read_line(line_text, line_no, path, diagnostics)
            yield line, line_text
        start = end + 1
        line_no += 1


_FRONT_MATTER_END = re.compile(r"^---[ \t]*$", re.MULTILINE)


def front_matter(text: str) -> str:
    """The front matter block with its line break ("" if the file has none or it is unterminated):
    what the grammar's FRONT_MATTER terminal reads (tests/test_read_fastpath.py)."""
    first = text.find("\n")
    if first < 0 or text[:first].rstrip(" \t") != "---":
        return ""
    end = _FRONT_MATTER_END.search(text, first + 1)
    if end is None:
        return ""
    return text[: end.end()] + "\n"

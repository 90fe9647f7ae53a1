"""Model positions ↔ LSP positions.

A `Span` is 1-based (line, column) in code points of the text the parser read; an LSP
`Position` is 0-based, with the character counted in the code units the client and server
agreed on (UTF-16 unless the client asked otherwise). An astral character such as an emoji
is one code point but two UTF-16 units, so the two counts differ on lines that hold one.
"""

from __future__ import annotations

from typing import Callable

from lsprotocol import types

from ..errors import Span
from ..language.read.scan import normalize_newlines


def _units_per_char(encoding: str) -> Callable[[str], int]:
    if encoding == types.PositionEncodingKind.Utf8:
        return lambda ch: len(ch.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return lambda ch: 1
    return lambda ch: 2 if ord(ch) > 0xFFFF else 1


class LineIndex:
    """The lines of one document version, and the conversions between the two position kinds.

    `lines` are the lines the parser saw (newlines normalised, a leading BOM dropped); a BOM
    still counts as one character of the client's first line.
    """

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.bom = text.startswith("\ufeff")
        self.lines = normalize_newlines(text).split("\n")
        self.encoding = encoding
        self._units = _units_per_char(encoding)

    def line(self, number: int) -> str:
        """The text of 1-based line `number` ('' past the end)."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def client_line(self, number: int) -> str:
        """1-based line `number` as the client has it (with the BOM on line 1, if any)."""
        text = self.line(number)
        return "\ufeff" + text if self.bom and number == 1 else text

    def _shift(self, number: int) -> int:
        return 1 if self.bom and number == 1 else 0

    def to_lsp(self, line: int, column: int) -> types.Position:
        """1-based (line, column in code points) → LSP position in client units."""
        line = max(line, 1)
        text = self.client_line(line)
        prefix = text[: max(column - 1 + self._shift(line), 0)]
        if prefix.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return types.Position(line - 1, len(prefix))
        return types.Position(line - 1, sum(map(self._units, prefix)))

    def from_lsp(self, position: types.Position) -> tuple[int, int]:
        """LSP position → 1-based (line, column in code points); clamped to the line's end."""
        number = position.line + 1
        text = self.client_line(number)
        if text.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            index = min(position.character, len(text))
        else:
            index = units = 0
            while index < len(text) and units < position.character:
                units += self._units(text[index])
                index += 1
        return number, max(index - self._shift(number), 0) + 1

    def range_of(self, span: Span) -> types.Range:
        """The LSP range of a span."""
        return types.Range(self.to_lsp(span.line, span.column), self.to_lsp(span.end_line, span.end_column))

    def range_at(self, line: int, column: int, end_column: int) -> types.Range:
        """The LSP range of columns [column, end_column) on one 1-based line."""
        return types.Range(self.to_lsp(line, column), self.to_lsp(line, end_column))

    def end(self) -> types.Position:
        """The position just after the last character of the document."""
        return self.to_lsp(len(self.lines), len(self.line(len(self.lines))) + 1)


def line_of(text: str, number: int) -> str:
    """The 0-based line `number` of the client's text, without its line break ('' past the end).

    Finds it without splitting the whole text (completion on large files asks for one line).
    """
    if "\r" in text and text.count("\r") != text.count("\r\n"):  # lone CR line breaks: the slow way
        lines = normalize_newlines(text).split("\n")
        line = lines[number] if number < len(lines) else ""
        return "\ufeff" + line if number == 0 and text.startswith("\ufeff") else line
    start = 0
    for _ in range(number):
        found = text.find("\n", start)
        if found < 0:
            return ""
        start = found + 1
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)]
    return line[:-1] if line.endswith("\r") else line

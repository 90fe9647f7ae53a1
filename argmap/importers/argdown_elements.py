"""Argdown elements: a statement's or argument's title, text, tags and data from its tokens.

Text is kept as written (Markdown emphasis and links included), except that Argdown's
shortcodes for logical symbols (`.A.` → ∀, `.->.` → →, …; argdown.org's guide "using logical
symbols and emojis") become the symbols, as Argdown shows them.
"""

from __future__ import annotations

import re

from ..errors import Span
from ..model import NodeKind
from .argdown_build import Element, MapBuilder
from .argdown_scan import HEADS as _HEADS
from .argdown_scan import Tok as Token
from .yaml_data import YamlError, parse_block, parse_flow


#: Argdown's shortcodes for logical symbols (each also written with colons: `:A:`)
SHORTCODES = {
    "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬", "^": "∧",
    "v": "∨", "v_": "⊻", "<>": "◇", "[]": "◻",
}
# as Argdown's lexer reads one: the shortest `.x.` / `:x:` without white space
_SHORTCODE = re.compile(r"\.([^\s]+?)\.|:([^\s]+?):")


def _symbol(match: re.Match[str]) -> str:
    return SHORTCODES.get(match.group(1) or match.group(2), match.group())


def shortcodes(text: str) -> str:
    """Argdown's logical-symbol shortcodes in `text` replaced by the symbols."""
    if "." not in text and ":" not in text:
        return text
    return _SHORTCODE.sub(_symbol, text)


def unescape(text: str) -> str:
    """Argdown text with `\\x` escapes resolved."""
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class ElementReader:
    """Reads elements for the Argdown reader; warnings go to `build`."""

    def __init__(self, path: str | None, build: MapBuilder) -> None:
        self.path, self.build = path, build

    def span(self, token: Token, end: Token | None = None) -> Span:
        last = end or token
        value = last[1]
        if "\n" in value:
            return Span(self.path, token[3], token[4], last.end_line, last.end_column)
        return Span(self.path, token[3], token[4], last[3], last[4] + len(value))

    # --- elements -------------------------------------------------------------------------

    def element(self, tokens: list[Token], first_line: bool = True) -> Element | None:
        """Read an element from a line's content tokens (None if the line has none)."""
        if not tokens:
            return None
        head = tokens[0] if tokens[0].type in _HEADS and first_line else None
        if head is None:
            element = Element(NodeKind.CLAIM, None, False, span=self.span(tokens[0], tokens[-1]))
            rest = tokens
        else:
            kind = NodeKind.ARGUMENT if head.type.startswith("ARGUMENT") else NodeKind.CLAIM
            is_def = head.type.endswith("DEF")
            title = unescape(head.value[1 : -2 if is_def else -1]).strip()
            element = Element(kind, title, not is_def, span=self.span(head, tokens[-1]))
            rest = tokens[1:]
        self.inline(element, rest)
        return element

    def inline(self, element: Element, tokens: list[Token]) -> None:
        """Text, tags and data of one line into `element`."""
        if len(tokens) == 1 and tokens[0][0] == "TEXT":  # the common case: one run of text
            line = shortcodes(unescape(tokens[0][1].strip()))
            if line and not element.is_reference:
                element.text.append(line)
                return
        words: list[str] = []
        end = None  # where the previous piece of text ended: adjacent pieces join without a space
        for token in tokens:
            kind = token.type
            if kind == "TAG":
                tag = token.value[2:-1] if token.value.startswith("#(") else token.value[1:]
                element.tags.append(unescape(tag))
            elif kind == "DATA":
                element.data.update(self.data(token))
            elif kind == "LINK":  # link text and target kept as written, never unescaped
                words.append(("" if end == token[2] or not words else " ") + token.value)
                end = token.end_pos
                continue
            else:
                value = token.value
                words.append(("" if end == token[2] or not words else " ")
                             + shortcodes(unescape(value.strip() if end != token[2] else value.rstrip())))
                end = token.end_pos if value == value.rstrip() else None
                continue
            end = None
        line = "".join(words).strip()
        if line:
            if element.is_reference and element.title is not None:
                self.build.warn("argdown-reference-text", f"text after the reference "
                                f"{element.title!r} is not part of any statement; kept as "
                                "'argdown-text' metadata", element.span)
                element.data["argdown-text"] = line
            else:
                element.text.append(line)

    def data(self, token: Token) -> dict:
        body = token.value
        try:
            block = body[1:].lstrip(" \t").startswith("\n")
            value = parse_block(body[1:-1], 1) if block else parse_flow(body)
        except YamlError as exc:
            offset = getattr(exc, "offset", 0)
            self.build.warn("argdown-data", f"data block not read: {exc}; kept as text in "
                            "'argdown-data' metadata", self.at(token, offset))
            return {"argdown-data": body}
        return value if isinstance(value, dict) else {"data": value}

    def at(self, token: Token, offset: int) -> Span:
        """The position `offset` characters into a (possibly multi-line) token."""
        before = token.value[:offset] if offset < len(token.value) else token.value
        line = token.line + before.count("\n")
        column = (len(before) - before.rfind("\n")) if "\n" in before else token.column + len(before)
        return Span(self.path, line, column, line, column + 1)

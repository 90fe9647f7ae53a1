"""Reading grammars/argdown.lark's lines, two ways that give the same result.

`lines_lark(text)` runs Lark's LALR parser with the contextual lexer: the reference.
`scan_lines(text)` is the fast path the importer uses: one regular expression built from the
same grammar's terminals (in Lark's order of precedence), the line-start terminals anchored at
the start of a line, and the one context rule of the grammar applied by hand (a title only
opens a line's content). Both return the lines as `(kind, tokens)` tuples with the newline
tokens between them; tests/test_import_argdown_scan.py checks that they agree.
"""

from __future__ import annotations

import functools
import re

from lark import Lark, Token, Tree

from ..grammar import grammar_text

#: line kind by the terminal that starts the line (the aliases of `line` in the grammar)
LINE_KINDS = {
    "FRONT_MATTER": "front_matter", "HEADING": "heading", "HYPHENS": "inference",
    "MARKER": "relation", "PCS_NUMBER": "pcs", "LIST_ITEM": "list_item",
}
HEADS = frozenset({"STATEMENT_DEF", "STATEMENT_REF", "ARGUMENT_DEF", "ARGUMENT_REF"})
_OPENERS = frozenset({"HEADING", "MARKER", "PCS_NUMBER", "LIST_ITEM"})  # then content starts


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser for grammars/argdown.lark (cached on disk by Lark)."""
    return Lark(grammar_text("argdown.lark"), parser="lalr", lexer="contextual", cache=True)


class Tok:
    """A token: Lark's attribute names, without Lark's cost."""

    __slots__ = ("type", "value", "start_pos", "end_pos", "line", "column", "end_line",
                 "end_column")

    def __init__(self, type_: str, value: str, start: int, line: int, column: int) -> None:
        self.type, self.value, self.start_pos, self.end_pos = type_, value, start, start + len(value)
        self.line, self.column = line, column
        breaks = value.count("\n")
        self.end_line = line + breaks
        self.end_column = (len(value) - value.rfind("\n")) if breaks else column + len(value)


def lines_lark(text: str) -> list:
    """The lines as Lark's parser reads them (the reference for `scan_lines`)."""
    items: list = []
    for child in parser().parse(text).children:
        if isinstance(child, Tree):
            items.append((child.data, [t for t in child.children if isinstance(t, Token)]))
        else:
            items.append(child)
    return items


@functools.lru_cache(maxsize=1)
def _scanner() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    terminals = sorted(parser().terminals, key=lambda t: (
        -t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    ignored = frozenset(parser().lexer_conf.ignore)
    parts = []
    for terminal in terminals:
        regex = terminal.pattern.to_regexp()
        anchor = r"(?<![^\n])[ \t]*" if terminal.name in LINE_KINDS else ""
        parts.append(f"{anchor}(?P<{terminal.name}>{regex})")
    parts.append(r"(?P<OTHER>[\s\S])")
    text_terminal = next(t for t in terminals if t.name == "TEXT")
    return re.compile("|".join(parts)), re.compile(text_terminal.pattern.to_regexp()), ignored


def scan_lines(text: str) -> list:
    """The lines of `text`, as `lines_lark` gives them, read by one regular expression."""
    master, text_only, ignored = _scanner()
    match = master.match
    items: list = []
    current: list = []
    line, line_start, pos, end = 1, 0, 0, len(text)
    while pos < end:
        m = match(text, pos)
        kind = m.lastgroup
        start = m.start(kind)
        pos = m.end()
        if kind == "NL":
            if current:
                items.append((LINE_KINDS.get(current[0].type, "plain"), current))
                current = []
            items.append(Tok("NL", "\n", start, line, start - line_start + 1))
            line, line_start = line + 1, pos
            continue
        if kind in ignored:
            breaks = m.group(kind).count("\n")
            if breaks:
                line, line_start = line + breaks, start + m.group(kind).rfind("\n") + 1
            continue
        if kind in HEADS and current and not (len(current) == 1 and current[0].type in _OPENERS):
            m = text_only.match(text, start)  # a title only opens content; here it is text
            kind, pos = "TEXT", m.end()
        elif kind == "OTHER":
            kind = "STRAY"
        value = text[start:pos]
        token = Tok(kind, value, start, line, start - line_start + 1)
        current.append(token)
        if token.end_line != line:
            line, line_start = token.end_line, start + value.rfind("\n") + 1
    if current:
        items.append((LINE_KINDS.get(current[0].type, "plain"), current))
    return items

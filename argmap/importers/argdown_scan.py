"""Reading grammars/argdown.lark's lines, two ways that give the same result.

`lines_lark(text)` runs Lark's LALR parser with the contextual lexer: the reference.
`scan_lines(text)` is the fast path the importer uses: regular expressions built from the same
grammar's terminals, in Lark's order of precedence, one for each state of the contextual lexer
(at a line's start, inside a line), and the grammar's one context rule applied by hand (a title
only opens a line's content). Both return the lines as `(kind, tokens, blank)` tuples, the
newlines folded into a "blank line before" flag; tests/test_import_argdown_scan.py checks
that they agree.
"""

from __future__ import annotations

import functools
import re
from operator import itemgetter

from lark import Lark, Token, Tree

from ..language.grammar import grammar_text, in_lexer_order

#: line kind by the terminal that starts the line (the aliases of `line` in the grammar)
LINE_KINDS = {
    "FRONT_MATTER": "front_matter", "HEADING": "heading", "HYPHENS": "inference",
    "INFERENCE_RULES": "inference",
    "MARKER": "relation", "PCS_NUMBER": "pcs", "LIST_ITEM": "list_item",
}
HEADS = frozenset({"STATEMENT_DEF", "STATEMENT_REF", "ARGUMENT_DEF", "ARGUMENT_REF"})
_OPENERS = frozenset({"HEADING", "MARKER", "PCS_NUMBER", "LIST_ITEM"})  # then content starts
_MULTILINE = frozenset({"FRONT_MATTER", "DATA"})  # the terminals that can hold a newline


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser for grammars/argdown.lark (cached on disk by Lark)."""
    return Lark(grammar_text("argdown.lark"), parser="lalr", lexer="contextual", cache=True)


class Tok(tuple):
    """A token (type, value, start_pos, line, column) with Lark's attribute names; cheap to make."""

    __slots__ = ()
    type = property(itemgetter(0))
    value = property(itemgetter(1))
    start_pos = property(itemgetter(2))
    line = property(itemgetter(3))
    column = property(itemgetter(4))

    @property
    def end_pos(self) -> int:
        return self[2] + len(self[1])

    @property
    def end_line(self) -> int:
        return self[3] + self[1].count("\n")

    @property
    def end_column(self) -> int:
        value = self[1]
        return len(value) - value.rfind("\n") if "\n" in value else self[4] + len(value)


def _group(items: list, text: str) -> list[tuple[str, list, bool]]:
    """Lines with newline tokens between them -> (kind, tokens, blank line before)."""
    lines, blank, previous = [], False, None
    for item in items:
        if isinstance(item, tuple):
            lines.append((item[0], item[1], blank))
            blank, previous = False, None
        else:
            if previous is not None and not text[previous.end_pos : item.start_pos].strip():
                blank = True
            previous = item
    return lines


def lines_lark(text: str) -> list[tuple[str, list, bool]]:
    """The lines as Lark's parser reads them (the reference for `scan_lines`)."""
    items: list = []
    for child in parser().parse(text).children:
        if isinstance(child, Tree):
            items.append((child.data, [t for t in child.children if isinstance(t, Token)]))
        else:
            items.append(child)
    return _group(items, text)


@functools.lru_cache(maxsize=1)
def _scanner() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Two expressions, as the contextual lexer has two states: at a line's start, inside it."""
    terminals = in_lexer_order(parser().terminals)
    ignored = frozenset(parser().lexer_conf.ignore)
    at_start, inside = [], []
    for terminal in terminals:
        if terminal.name in ignored and terminal.name not in ("BLOCK_COMMENT", "LINE_COMMENT"):
            continue  # white space: skipped by the `[ \t]*` in front of the alternatives
        part = f"(?P<{terminal.name}>{terminal.pattern.to_regexp()})"
        at_start.append(part)
        if terminal.name not in LINE_KINDS:
            inside.append(part)
    other = r"(?P<OTHER>[^ \t])"
    text_terminal = next(t for t in terminals if t.name == "TEXT")
    # most tokens are text starting with a character no terminal of higher precedence starts
    # with: trying that first changes no result (the Lark equivalence test guards this list)
    # and saves trying every other alternative
    first = f"(?P<PLAIN_TEXT>(?=[^=/<#\\-+_>(*0-9\\[{{\\\\]){text_terminal.pattern.to_regexp()})"

    def compile_(parts: list[str]) -> re.Pattern[str]:
        return re.compile(r"[ \t]*(?:" + "|".join([first] + parts + [other]) + r")|[ \t]+\Z")

    return (compile_(at_start), compile_(inside), re.compile(text_terminal.pattern.to_regexp()),
            ignored)


def scan_lines(text: str) -> list[tuple[str, list, bool]]:
    """The lines of `text` as (kind, tokens, blank line before), as `lines_lark` gives them."""
    at_start, inside, text_only, ignored = _scanner()
    match_start, match_inside = at_start.match, inside.match
    new = tuple.__new__
    lines: list = []
    current: list = []
    blank = False  # a blank line since the last line with tokens
    empty = False  # nothing but white space since the last newline
    line, line_start, pos, end = 1, 0, 0, len(text)
    while pos < end:
        m = match_inside(text, pos) if current else match_start(text, pos)
        kind = m.lastgroup
        if kind is None:  # white space at the very end
            break
        start = m.start(kind)
        pos = m.end()
        if kind == "PLAIN_TEXT":  # the most common token first
            current.append(new(Tok, ("TEXT", text[start:pos], start, line, start - line_start + 1)))
            empty = False
            continue
        if kind == "NL":
            if current:
                lines.append((LINE_KINDS.get(current[0][0], "plain"), current, blank))
                current, blank = [], False
            elif empty:
                blank = True
            empty = True
            line, line_start = line + 1, pos
            continue
        if kind in ignored:
            empty = False
            breaks = text.count("\n", start, pos)
            if breaks:
                line, line_start = line + breaks, text.rfind("\n", start, pos) + 1
            continue
        if kind in HEADS and current and not (len(current) == 1 and current[0][0] in _OPENERS):
            m = text_only.match(text, start)  # a title only opens content; here it is text
            kind, pos = "TEXT", m.end()
        elif kind == "OTHER":
            kind = "STRAY"
        current.append(new(Tok, (kind, text[start:pos], start, line, start - line_start + 1)))
        empty = False
        if kind in _MULTILINE:
            breaks = text.count("\n", start, pos)
            if breaks:
                line, line_start = line + breaks, text.rfind("\n", start, pos) + 1
    if current:
        lines.append((LINE_KINDS.get(current[0][0], "plain"), current, blank))
    return lines

"""Lark's reading of the lines the fast path (fastpath.py) leaves to it: declarations and
sections that are not of the common forms, include and annotation lines, anything unusual or
wrong (lark_meta.py does the same for `{…}` blocks and front matter entries).

Imported by scan.py on the first such line, so that reading a map of common lines loads no
Lark (it costs more than the rest of a small map's `argmap check`). Lark's parse trees become
the same `Line` records as the fast path gives, through the same functions (lines.py);
tests/test_read_fastpath.py holds the two readings equal.
"""

from __future__ import annotations

from typing import Any

from lark import Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

from ...errors import Diagnostic
from ..grammar import parser
from ..vocabulary import unescape
from .lines import (
    Line,
    child_line,
    declaration_line,
    inference_line,
    node_line,
    read_annotations,
    section_line,
    statement_line,
)
from .syntax_errors import describe, repaired


def read_line(text: str, line_no: int, path: str | None, diagnostics: list[Diagnostic]) -> Line:
    """One line read by Lark; on a syntax error, a diagnostic and an "error" placeholder line."""
    try:
        tree = parser().parse(text, start="line")
    except (UnexpectedCharacters, UnexpectedToken, UnexpectedEOF) as exc:
        diagnostics.append(describe(exc, text, line_no, path))
        meant = repaired(exc, text)
        if meant is not None:
            try:
                line = LineBuilder(line_offset=line_no - 1).transform(parser().parse(meant, start="line"))
            except (UnexpectedCharacters, UnexpectedToken, UnexpectedEOF):
                line = None
            if line is not None and line.kind in ("node", "child"):
                line.repaired = True
                return line
        # keep the line's place in the outline, so its children do not cascade into errors
        column = len(text) - len(text.lstrip(" \t")) + 1
        return Line("error", line_no, column, column + 1)
    return LineBuilder(line_offset=line_no - 1).transform(tree)


# --- Lark's parse trees → lines ----------------------------------------------------------


def _comment(token: Any) -> str | None:
    return None if token is None else token.value[2:]


def _value(token: Any) -> str | None:
    return None if token is None else token.value


def _column(token: Any) -> int:
    return 0 if token is None else token.column


class LineBuilder(Transformer):
    """Grammar rules → `Line` records (see grammars/argmap.lark), for the lines Lark parses.
    `line_offset` says how many lines come before the parsed text."""

    def __init__(self, line_offset: int = 0) -> None:
        super().__init__(visit_tokens=False)
        self.offset = line_offset

    def _line(self, token: Any) -> int:
        return token.line + self.offset

    # --- nodes ----------------------------------------------------------------------------
    def _node(self, kind: str, head: Any, title: Any, text: Any, annotations: Any) -> Line:
        return node_line(kind, self._line(head), head.value, head.column, _value(title), _column(title),
                         _value(text), _column(text), _value(annotations), _column(annotations))

    def claim_ref(self, children: list) -> Line:
        return self._node("claim_ref", children[0], children[0], None, None)

    def argument_ref(self, children: list) -> Line:
        return self._node("argument_ref", children[0], children[0], None, None)

    def claim(self, children: list) -> Line:
        return self._node("claim", children[0], children[0], children[1], children[2])

    def argument(self, children: list) -> Line:
        return self._node("argument", children[0], children[0], children[1], children[2])

    def _keyword_node(self, kind: str, children: list) -> Line:
        if len(children) == 3:  # evidence: text
            return self._node(kind, children[0], None, children[1], children[2])
        return self._node(kind, children[0], children[1], children[2], children[3])

    def evidence(self, children: list) -> Line:
        return self._keyword_node("evidence", children)

    def question(self, children: list) -> Line:
        return self._keyword_node("question", children)

    def plain(self, children: list) -> Line:
        return self._node("plain", children[0], None, children[0], children[1])

    # --- lines ----------------------------------------------------------------------------
    def node_line(self, children: list) -> Line:
        line, comment = children
        line.comment = _comment(comment)
        return line

    def child_line(self, children: list) -> Line:
        marker, meta, line, comment = children
        line.comment = _comment(comment)
        return child_line(line, marker.value, marker.column, _value(meta), _column(meta))

    def statement_line(self, children: list) -> Line:
        number, line, comment = children
        line.comment = _comment(comment)
        return statement_line(line, number.value, number.column)

    def inference_line(self, children: list) -> Line:
        opening, rule, meta, closing, comment = children
        line = inference_line(self._line(opening), opening.value, opening.column, _value(rule), _column(rule),
                              _value(meta), _column(meta), _value(closing), _column(closing))
        line.comment = _comment(comment)
        return line

    def comment_line(self, children: list) -> Line:
        token = children[0]
        return Line("comment", self._line(token), token.column, token.column + len(token.value),
                    comment=_comment(token))

    def section_line(self, children: list) -> Line:
        mark, label, comment = children
        line = section_line(self._line(mark), mark.value, mark.column, _value(label))
        line.comment = _comment(comment)
        return line

    def actor_line(self, children: list) -> Line:
        return self._declaration("actor", children)

    def source_line(self, children: list) -> Line:
        return self._declaration("source", children)

    def _declaration(self, kind: str, children: list) -> Line:
        decl, label, meta, comment = children
        line = declaration_line(kind, self._line(decl), decl.value, decl.column, _value(label),
                                label is not None and label.type == "STRING", _value(meta), _column(meta))
        line.comment = _comment(comment)
        return line

    def include_line(self, children: list) -> Line:
        keyword, path, comment = children
        raw = path.value.rstrip()
        line = Line("include", self._line(keyword), keyword.column, keyword.column + len("include"),
                    ident=unescape(raw[1:-1]), comment=_comment(comment))
        line.ident_column, line.ident_end = path.column, path.column + len(raw)
        return line

    def annotation_line(self, children: list) -> Line:
        token, comment = children
        annotations = read_annotations(token.value, self._line(token), token.column)
        return Line("annotations", self._line(token), annotations.column, annotations.end_column,
                    annotations=annotations, comment=_comment(comment))

    def start(self, children: list) -> list:
        return children

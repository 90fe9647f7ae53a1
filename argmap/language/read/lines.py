"""Text → `Line` records: what the grammar says each line is, with every position.

The Lark grammar is line-oriented with coarse tokens. `LineBuilder`'s callbacks turn the tokens
of a line Lark parsed into a `Line`; the fast path (fastpath.py) reads the same tokens
with one regular expression and builds the `Line` with the same functions (`node_line`,
`child_line`). A run of annotations is one token, split here; a `{…}` block is read with the
grammar's `meta` rule, cached by its text. Nesting is not decided here: nesting.py
rebuilds it from the columns.

Positions are plain 1-based column numbers on the line (`Line.line`); nesting.py makes
the model's `Span`s from them once, so a line costs no intermediate position objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lark import Transformer

from ..vocabulary import unescape
from .meta import MetaBlock, read_meta

_BLANKS = re.compile(r"[ \t]{2,}|\t")
#: one item of an ANNOTATIONS token (see grammars/argmap.lark)
_ITEM = re.compile(
    r"@[^\W\d][\w-]*|\^[^\W\d][\w-]*|#\((?:[^)\\\n]|\\.)+\)|#[\w-]+"
    r'|\{(?:[^{}"\n\\]|\\.|"(?:[^"\\\n]|\\.)*")*\}'
)
_ITEM_AND_BLANKS = re.compile(f"({_ITEM.pattern})([ \t]*)")
_SIGILS = {"@": "actor", "^": "source", "#": "tag"}


def _words(text: str) -> str:
    """Text as written → its value: blanks runs become one space, escapes are undone."""
    if "\t" in text or "  " in text:
        text = _BLANKS.sub(" ", text)
    return unescape(text)


@dataclass(slots=True)
class Annotations:
    """A run of annotations on line `line`: `items` are (actor | tag | source, name, column,
    end column) in written order; `metas` the `{…}` blocks among them."""

    line: int
    column: int
    end_column: int
    items: list[tuple[str, str, int, int]]
    metas: list[MetaBlock]


@dataclass(slots=True)
class Line:
    """One non-blank line as the grammar read it; columns are 1-based, ends exclusive.

    kind: comment | section | actor | source | include | annotations | node | child | error.
    For node and child lines, `node` is claim | argument | evidence | question | plain | claim_ref |
    argument_ref, and `ref` the node's title in reference syntax (`[Title]`, `<Title>`, with
    escapes undone): the node's id, None for an untitled node. `column`/`end_column` are the
    line's first token (the marker of a child line, the node's head otherwise); `last_column`
    ends what the line says (before a comment).
    """

    kind: str
    line: int
    column: int
    end_column: int
    last_column: int = 0
    comment: str | None = None
    marker: str | None = None
    relation_meta: MetaBlock | None = None
    node: str | None = None
    ref: str | None = None
    title_column: int = 0
    title_end: int = 0
    text: str = ""
    annotations: Annotations | None = None
    # section: level; actor/source: id; include: path
    level: int = 0
    ident: str | None = None
    ident_column: int = 0
    ident_end: int = 0


# --- building lines (shared by LineBuilder and the fast path) ----------------------------


def node_line(kind: str, line_no: int, head: str, head_column: int, title: str | None, title_column: int,
              text: str | None, text_column: int, annotations: str | None, annotations_column: int) -> Line:
    """The `Line` of a node: `kind` (claim, plain, …) and the raw values of its tokens with
    their columns (None where the token is absent; `title` is the token holding the title)."""
    end = head_column + len(head.rstrip())
    ref = None
    title_end = 0
    last_column = end
    if title is not None:
        raw = title.rstrip()
        if raw[-1] == ":":
            raw = raw[:-1].rstrip()
        ref = f"{raw[0]}{unescape(raw[1:-1])}{raw[-1]}" if "\\" in raw else raw
        title_end = title_column + len(raw)
    value = ""
    if text is not None:
        value = text.rstrip()
        last_column = text_column + len(value)
        if "\\" in value or "\t" in value or "  " in value:
            value = _words(value)
    read = None
    if annotations is not None:
        read = read_annotations(annotations, line_no, annotations_column)
        last_column = read.end_column
    # one constructor call with every value (positional: the common case, fast)
    return Line("node", line_no, head_column, end, last_column, None, None, None, kind, ref, title_column, title_end,
                value, read)


def child_line(line: Line, marker: str, marker_column: int, meta: str | None, meta_column: int) -> Line:
    """A node line under a relation marker (and maybe the relation's `{meta}`)."""
    line.kind = "child"
    line.marker = marker = marker.rstrip()
    line.column = marker_column
    line.end_column = marker_column + len(marker)
    if meta is not None:
        line.relation_meta = read_meta(meta.rstrip(), line.line, meta_column)
    return line


def read_annotations(raw: str, line_no: int, column: int) -> Annotations:
    """An ANNOTATIONS token → its items and metadata blocks."""
    items: list[tuple[str, str, int, int]] = []
    metas: list[MetaBlock] = []
    start = column
    for value, blanks in _ITEM_AND_BLANKS.findall(raw):  # the token is items and blanks, nothing else
        sigil = value[0]
        if sigil == "{":
            metas.append(read_meta(value, line_no, start))
        elif sigil == "#":
            tag = value[2:-1] if value[1] == "(" else value[1:]
            items.append(("tag", unescape(tag), start, start + len(value)))
        else:
            items.append((_SIGILS[sigil], value[1:], start, start + len(value)))
        start += len(value) + len(blanks)
    return Annotations(line_no, column, column + len(raw.rstrip()), items, metas)


# --- Lark's parse trees → lines ----------------------------------------------------------


def _comment(token: Any) -> str | None:
    return None if token is None else token.value[2:]


def _value(token: Any) -> str | None:
    return None if token is None else token.value


def _column(token: Any) -> int:
    return 0 if token is None else token.column


class LineBuilder(Transformer):
    """Grammar rules → `Line` records (see grammars/argmap.lark), for the lines Lark parses:
    the front matter and every line the fast path leaves to Lark. `line_offset` says how many
    lines come before the parsed text."""

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

    def comment_line(self, children: list) -> Line:
        token = children[0]
        return Line("comment", self._line(token), token.column, token.column + len(token.value),
                    comment=_comment(token))

    def section_line(self, children: list) -> Line:
        mark, label, comment = children
        hashes = mark.value.rstrip()
        line = Line("section", self._line(mark), mark.column, mark.column + len(hashes), level=len(hashes),
                    comment=_comment(comment))
        line.text = _words(label.value.rstrip()) if label is not None else ""
        return line

    def actor_line(self, children: list) -> Line:
        return self._declaration("actor", children)

    def source_line(self, children: list) -> Line:
        return self._declaration("source", children)

    def _declaration(self, kind: str, children: list) -> Line:
        decl, label, meta, comment = children
        ident = decl.value.split(None, 1)[1].rstrip(" \t:")
        line_no = self._line(decl)
        line = Line(kind, line_no, decl.column, decl.column + len(decl.value.rstrip()), ident=ident,
                    comment=_comment(comment))
        line.ident_column = decl.column + decl.value.index(ident, len(kind))
        line.ident_end = line.ident_column + len(ident)
        if label is not None:
            value = label.value.rstrip()
            line.text = unescape(value[1:-1]) if label.type == "STRING" else _words(value)  # a quoted citation
        if meta is not None:
            block = read_meta(meta.value.rstrip(), line_no, meta.column)
            line.annotations = Annotations(line_no, block.column, block.end_column, [], [block])
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

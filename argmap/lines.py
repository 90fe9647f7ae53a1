"""Text → `Line` records: what the grammar says each line is, with every position.

The Lark grammar is line-oriented; an inline Transformer turns each line straight into a
`Line` (no parse tree is kept). Nesting is not decided here: argmap/outline.py rebuilds it
from the columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lark import Token, Transformer

from .model import MetaValue

_ESCAPE = re.compile(r"\\([^\w\s]|_)")
_BLANKS = re.compile(r"[ \t]{2,}|\t")
#: one item of a REFS token (see grammars/argmap.lark)
_REF = re.compile(r"@[^\W\d][\w-]*|\^[^\W\d][\w-]*|#\((?:[^)\\\n]|\\.)+\)|#[\w-]+")


def unescape(text: str) -> str:
    """`\\X` → `X` for any punctuation X; other backslashes stay as written."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


@dataclass(slots=True)
class Pos:
    """A 1-based line/column position within one line (end column exclusive)."""

    line: int
    column: int
    end_column: int


@dataclass(slots=True)
class MetaBlock:
    """A `{key: value}` block; `positions` holds each key's position (for diagnostics)."""

    values: dict[str, MetaValue]
    positions: dict[str, Pos]
    pos: Pos


@dataclass(slots=True)
class Annotations:
    pos: Pos
    actors: list[tuple[str, Pos]] = field(default_factory=list)
    tags: list[tuple[str, Pos]] = field(default_factory=list)
    sources: list[tuple[str, Pos]] = field(default_factory=list)
    metas: list[MetaBlock] = field(default_factory=list)


@dataclass(slots=True)
class Line:
    """One non-blank line as the grammar read it.

    kind: comment | section | actor | source | include | annotations | node | child.
    For node and child lines, `node` is claim | argument | evidence | plain | claim_ref |
    argument_ref.
    """

    kind: str
    pos: Pos
    comment: str | None = None
    marker: str | None = None
    relation_meta: MetaBlock | None = None
    node: str | None = None
    title: str | None = None
    title_pos: Pos | None = None
    text: str = ""
    annotations: Annotations | None = None
    # section: level; actor/source: id; include: path
    level: int = 0
    ident: str | None = None
    ident_pos: Pos | None = None
    end_column: int = 0


def _comment_text(token: Any) -> str:
    return token.value[2:]


class LineBuilder(Transformer):
    """Grammar rules → `Line` records (see grammars/argmap.lark).

    Used inline by the fast parser (offset 0) and on parse trees of chunks or single lines
    on the recovery path, where `line_offset` says how many lines come before the chunk.
    """

    def __init__(self, line_offset: int = 0) -> None:
        super().__init__(visit_tokens=False)
        self.offset = line_offset

    def _pos(self, token: Any) -> Pos:
        return Pos(token.line + self.offset, token.column, token.column + len(token.value))

    # --- values ---------------------------------------------------------------------------
    def string(self, children: list) -> str:
        raw = children[0].value[1:-1]
        return unescape(raw)

    def number(self, children: list) -> int | float:
        raw = children[0].value
        try:
            return int(raw)
        except ValueError:
            return float(raw)

    def boolean(self, children: list) -> bool:
        return children[0].value == "true"

    def bare(self, children: list) -> str:
        return unescape(children[0].value.rstrip())

    def list(self, children: list) -> list:
        return [c for c in children if c is not None]

    def pair(self, children: list) -> tuple:
        key, value = children
        return key, value

    def meta(self, children: list) -> MetaBlock:
        values: dict[str, MetaValue] = {}
        positions: dict[str, Pos] = {}
        for pair in children[1:]:
            if pair is None:
                continue
            key, value = pair
            values[key.value] = value
            positions[key.value] = self._pos(key)
        return MetaBlock(values, positions, self._pos(children[0]))

    def fm_entry(self, children: list) -> tuple:
        key, value = children
        return key, value

    # --- text and annotations -------------------------------------------------------------
    def words(self, children: list) -> tuple[str, Any, Any]:
        token = children[0]
        return unescape(_BLANKS.sub(" ", token.value)), token, token

    label = words

    def annotations(self, children: list) -> Annotations:
        first = children[0]
        result = Annotations(first.pos if isinstance(first, MetaBlock) else self._pos(first))
        for item in children:
            if isinstance(item, MetaBlock):
                result.metas.append(item)
                continue
            line, column = item.line + self.offset, item.column
            for match in _REF.finditer(item.value):
                value = match.group()
                start = column + match.start()
                pos = Pos(line, start, start + len(value))
                sigil = value[0]
                if sigil == "@":
                    result.actors.append((value[1:], pos))
                elif sigil == "^":
                    result.sources.append((value[1:], pos))
                else:
                    tag = value[2:-1] if value.startswith("#(") else value[1:]
                    result.tags.append((unescape(tag), pos))
        return result

    def content(self, children: list) -> tuple:
        return children[0], children[1]

    # --- nodes ----------------------------------------------------------------------------
    def _node(self, kind: str, first: Any, title: Any, content: tuple | None) -> Line:
        line = Line(kind="node", pos=self._pos(first if first is not None else content[0][1]), node=kind)
        line.end_column = line.pos.end_column
        if title is not None:
            line.title = unescape(title.value[1:-1])
            line.title_pos = self._pos(title)
        if isinstance(content, Annotations):
            line.annotations = content
        elif content is not None:
            (text, _first, last), annotations = content
            line.text = text
            line.annotations = annotations
            line.end_column = last.column + len(last.value)
        return line

    def claim_ref(self, children: list) -> Line:
        return self._node("claim_ref", children[0], children[0], None)

    def argument_ref(self, children: list) -> Line:
        return self._node("argument_ref", children[0], children[0], None)

    def claim(self, children: list) -> Line:
        return self._node("claim", children[0], children[0], children[1])

    def argument(self, children: list) -> Line:
        return self._node("argument", children[0], children[0], children[1])

    def evidence(self, children: list) -> Line:
        return self._node("evidence", children[0], children[1], children[2])

    def plain(self, children: list) -> Line:
        return self._node("plain", None, None, children[0])

    # --- lines ----------------------------------------------------------------------------
    def node_line(self, children: list) -> Line:
        line, comment = children
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def child_line(self, children: list) -> Line:
        marker, meta, line, comment = children
        line.kind = "child"
        line.marker = marker.value
        line.pos = self._pos(marker)
        line.relation_meta = meta
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def comment_line(self, children: list) -> Line:
        token = children[0]
        return Line(kind="comment", pos=self._pos(token), comment=_comment_text(token))

    def section_line(self, children: list) -> Line:
        mark, label, comment = children
        line = Line(kind="section", pos=self._pos(mark), level=len(mark.value))
        line.text = label[0] if label is not None else ""
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def actor_line(self, children: list) -> Line:
        return self._declaration("actor", children)

    def source_line(self, children: list) -> Line:
        return self._declaration("source", children)

    def _declaration(self, kind: str, children: list) -> Line:
        decl, label, meta, comment = children
        ident = decl.value.split(None, 1)[1].rstrip(" \t:")
        line = Line(kind=kind, pos=self._pos(decl), ident=ident)
        line.ident_pos = Pos(decl.line + self.offset, decl.column + decl.value.index(ident), 0)
        line.ident_pos.end_column = line.ident_pos.column + len(ident)
        if label is not None and not isinstance(label, tuple):  # a quoted citation (a STRING token)
            line.text = unescape(label.value[1:-1])
        elif label is not None:
            line.text = label[0]
        if meta is not None:
            line.annotations = Annotations(meta.pos, metas=[meta])
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def include_line(self, children: list) -> Line:
        keyword, path, comment = children
        line = Line(kind="include", pos=self._pos(keyword), ident=unescape(path.value[1:-1]))
        line.ident_pos = self._pos(path)
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def annotation_line(self, children: list) -> Line:
        annotations, comment = children
        line = Line(kind="annotations", pos=annotations.pos, annotations=annotations)
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def start(self, children: list) -> list:
        return children

"""Text → `Line` records: what the grammar says each line is, with every position.

The Lark grammar is line-oriented with coarse tokens; `LineBuilder`'s callbacks turn each
line's tokens into a `Line`, for Lark's parse trees and for the fast path (argmap/fastlines.py). A run of annotations is one token, split here;
a `{…}` block is read with the grammar's `meta` rule, cached by its text. Nesting is not
decided here: argmap/outline.py rebuilds it from the columns.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from lark import Transformer
from lark.exceptions import UnexpectedInput

from .model import MetaValue

_ESCAPE = re.compile(r"\\([^\w\s]|_)")
_BLANKS = re.compile(r"[ \t]{2,}|\t")
#: one item of an ANNOTATIONS token (see grammars/argmap.lark)
_ITEM = re.compile(
    r"@[^\W\d][\w-]*|\^[^\W\d][\w-]*|#\((?:[^)\\\n]|\\.)+\)|#[\w-]+"
    r'|\{(?:[^{}"\n\\]|\\.|"(?:[^"\\\n]|\\.)*")*\}'
)


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
    """A `{key: value}` block; `positions` holds each key's position (for diagnostics).

    `error` is (message, position) when the block could not be read; `values` is then empty.
    """

    values: dict[str, MetaValue]
    positions: dict[str, Pos]
    pos: Pos
    error: tuple[str, Pos] | None = None


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

    kind: comment | section | actor | source | include | annotations | node | child | error.
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


@functools.lru_cache(maxsize=4096)
def _read_meta(raw: str) -> tuple[tuple[tuple[str, MetaValue, int], ...], tuple[str, int] | None]:
    """The (key, value, key offset) pairs of a `{…}` block, or an error (message, offset)."""
    from .grammar import parser

    try:
        tree = parser().parse(raw, start="meta")
    except UnexpectedInput as exc:
        offset = max(0, (getattr(exc, "column", 1) or 1) - 1)
        token = getattr(exc, "token", None)
        shown = repr(str(token)) if token is not None and str(token) else repr(raw[offset:offset + 1])
        return (), (f"unexpected {shown} in a metadata block", offset)
    pairs = []
    for pair in tree.children[1:]:
        if pair is not None:
            key, value = pair.children
            pairs.append((str(key), _VALUES.transform(value) if hasattr(value, "data") else value, key.column - 1))
    return tuple(pairs), None


class _Values(Transformer):
    """Metadata values: the `value` rules of the grammar → Python values."""

    def string(self, children: list) -> str:
        return unescape(str(children[0])[1:-1])

    def number(self, children: list) -> int | float:
        raw = str(children[0])
        try:
            return int(raw)
        except ValueError:
            return float(raw)

    def boolean(self, children: list) -> bool:
        return str(children[0]) == "true"

    def bare(self, children: list) -> str:
        return unescape(str(children[0]).rstrip())

    def list(self, children: list) -> list:
        return [c for c in children if c is not None]

    def fm_entry(self, children: list) -> tuple:
        key, value = children
        return str(key), value


_VALUES = _Values()


def read_front_matter_entry(text: str) -> tuple[str, MetaValue]:
    """`key: value` → (key, value); raises UnexpectedInput when it is not that."""
    from .grammar import parser

    return _VALUES.transform(parser().parse(text, start="fm_entry"))


def _comment_text(token: Any) -> str:
    return token.value[2:]


class LineBuilder(Transformer):
    """Grammar rules → `Line` records (see grammars/argmap.lark).

    Called on Lark's parse trees (front matter, single lines; `line_offset` says how many lines
    come before the parsed text) and directly by the fast path with token-like tuples.
    """

    def __init__(self, line_offset: int = 0) -> None:
        super().__init__(visit_tokens=False)
        self.offset = line_offset

    def _pos(self, token: Any, value: str | None = None) -> Pos:
        width = len(token.value if value is None else value)
        return Pos(token.line + self.offset, token.column, token.column + width)

    def _meta(self, raw: str, line: int, column: int) -> MetaBlock:
        pairs, error = _read_meta(raw)
        pos = Pos(line, column, column + len(raw))
        if error is not None:
            message, offset = error
            return MetaBlock({}, {}, pos, (message, Pos(line, column + offset, column + offset + 1)))
        values = {key: (copy.deepcopy(value) if isinstance(value, list) else value) for key, value, _ in pairs}
        positions = {key: Pos(line, column + offset, column + offset + len(key)) for key, _, offset in pairs}
        return MetaBlock(values, positions, pos)

    def _meta_token(self, token: Any) -> MetaBlock:
        return self._meta(token.value.rstrip(), token.line + self.offset, token.column)

    def _annotations(self, token: Any) -> Annotations:
        line, column = token.line + self.offset, token.column
        result = Annotations(Pos(line, column, column + len(token.value.rstrip())))
        for match in _ITEM.finditer(token.value):
            value = match.group()
            start = column + match.start()
            sigil = value[0]
            if sigil == "{":
                result.metas.append(self._meta(value, line, start))
                continue
            pos = Pos(line, start, start + len(value))
            if sigil == "@":
                result.actors.append((value[1:], pos))
            elif sigil == "^":
                result.sources.append((value[1:], pos))
            else:
                tag = value[2:-1] if value.startswith("#(") else value[1:]
                result.tags.append((unescape(tag), pos))
        return result

    # --- nodes ----------------------------------------------------------------------------
    def _node(self, kind: str, first: Any, title: Any, text: Any, annotations: Any) -> Line:
        line = Line(kind="node", pos=self._pos(first, first.value.rstrip()), node=kind)
        line.end_column = line.pos.end_column
        if title is not None:
            raw = title.value.rstrip()
            if raw.endswith(":"):
                raw = raw[:-1].rstrip()
            line.title = unescape(raw[1:-1])
            line.title_pos = self._pos(title, raw)
        last = None
        if text is not None:
            value = text.value.rstrip()
            line.text = unescape(_BLANKS.sub(" ", value))
            last = (text, value)
        if annotations is not None:
            line.annotations = self._annotations(annotations)
            last = (annotations, annotations.value.rstrip())
        if last is not None:
            line.end_column = last[0].column + len(last[1])
        return line

    def claim_ref(self, children: list) -> Line:
        return self._node("claim_ref", children[0], children[0], None, None)

    def argument_ref(self, children: list) -> Line:
        return self._node("argument_ref", children[0], children[0], None, None)

    def claim(self, children: list) -> Line:
        return self._node("claim", children[0], children[0], children[1], children[2])

    def argument(self, children: list) -> Line:
        return self._node("argument", children[0], children[0], children[1], children[2])

    def evidence(self, children: list) -> Line:
        if len(children) == 3:  # evidence: text
            return self._node("evidence", children[0], None, children[1], children[2])
        return self._node("evidence", children[0], children[1], children[2], children[3])

    def plain(self, children: list) -> Line:
        return self._node("plain", children[0], None, children[0], children[1])

    # --- lines ----------------------------------------------------------------------------
    def node_line(self, children: list) -> Line:
        line, comment = children
        if comment is not None:
            line.comment = _comment_text(comment)
        return line

    def child_line(self, children: list) -> Line:
        marker, meta, line, comment = children
        line.kind = "child"
        line.marker = marker.value.rstrip()
        line.pos = self._pos(marker, line.marker)
        if meta is not None:
            line.relation_meta = self._meta_token(meta)
        if comment is not None:
            line.comment = _comment_text(comment)
        return line

    def comment_line(self, children: list) -> Line:
        token = children[0]
        return Line(kind="comment", pos=self._pos(token), comment=_comment_text(token))

    def section_line(self, children: list) -> Line:
        mark, label, comment = children
        hashes = mark.value.rstrip()
        line = Line(kind="section", pos=self._pos(mark, hashes), level=len(hashes))
        line.text = unescape(_BLANKS.sub(" ", label.value.rstrip())) if label is not None else ""
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def actor_line(self, children: list) -> Line:
        return self._declaration("actor", children)

    def source_line(self, children: list) -> Line:
        return self._declaration("source", children)

    def _declaration(self, kind: str, children: list) -> Line:
        decl, label, meta, comment = children
        ident = decl.value.split(None, 1)[1].rstrip(" \t:")
        line = Line(kind=kind, pos=self._pos(decl, decl.value.rstrip()), ident=ident)
        column = decl.column + decl.value.index(ident, len(kind))
        line.ident_pos = Pos(decl.line + self.offset, column, column + len(ident))
        if label is not None:
            value = label.value.rstrip()
            if label.type == "STRING":  # a quoted citation
                line.text = unescape(value[1:-1])
            else:
                line.text = unescape(_BLANKS.sub(" ", value))
        if meta is not None:
            block = self._meta_token(meta)
            line.annotations = Annotations(block.pos, metas=[block])
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def include_line(self, children: list) -> Line:
        keyword, path, comment = children
        raw = path.value.rstrip()
        line = Line(kind="include", pos=self._pos(keyword, "include"), ident=unescape(raw[1:-1]))
        line.ident_pos = self._pos(path, raw)
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def annotation_line(self, children: list) -> Line:
        token, comment = children
        annotations = self._annotations(token)
        line = Line(kind="annotations", pos=annotations.pos, annotations=annotations)
        line.comment = _comment_text(comment) if comment is not None else None
        return line

    def start(self, children: list) -> list:
        return children

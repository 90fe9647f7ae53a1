"""Text → `Line` records: what the grammar says each line is, with every position.

The Lark grammar is line-oriented with coarse tokens. The fast path (fastpath.py) reads a
common line's tokens with a regular expression, Lark the others (`LineBuilder` in
lark_lines.py); both build the `Line` with the same functions here (`node_line`, `child_line`,
`section_line`, `declaration_line`). A run of annotations is one token, split here; a `{…}` block is read with the
grammar's `meta` rule, cached by its text. Nesting is not decided here: nesting.py
rebuilds it from the columns.

Positions are plain 1-based column numbers on the line (`Line.line`); nesting.py makes
the model's `Span`s from them once, so a line costs no intermediate position objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

    kind: comment | section | actor | source | include | annotations | node | child | statement |
    inference | error. For node, child and statement lines, `node` is claim | argument | evidence | question | plain | claim_ref |
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
    #: read from the line as its writer meant it, after a reported error (syntax_errors.repaired)
    repaired: bool = False
    #: statement: its number (`(3)` → 3; `marker` holds the canonical `(3)`)
    number: int = 0


# --- building lines (shared by the fast path and Lark's LineBuilder) ----------------------------


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


def statement_line(line: Line, number: str, column: int) -> Line:
    """A node line after a statement number (`(3) `): a statement of a premise-conclusion
    structure, its number read like a marker."""
    line.kind = "statement"
    written = number.rstrip()
    line.number = int(written[1:-1])
    line.marker = f"({line.number})"
    line.column = column
    line.end_column = column + len(written)
    return line


def inference_line(line_no: int, opening: str, column: int, rule: str | None, rule_column: int,
                   meta: str | None, meta_column: int, closing: str | None, closing_column: int) -> Line:
    """The `Line` of an inference (`-- rule {meta} --`) from its tokens and their columns (None
    where absent): the rule's name in `text`, the `{…}` block in `annotations`."""
    line = Line("inference", line_no, column, column + len(opening.rstrip()))
    line.last_column = line.end_column
    if rule is not None:
        line.text = _words(rule.rstrip())
        line.last_column = rule_column + len(rule.rstrip())
    if meta is not None:
        block = read_meta(meta.rstrip(), line_no, meta_column)
        line.annotations = Annotations(line_no, block.column, block.end_column, [], [block])
        line.last_column = block.end_column
    if closing is not None:
        line.last_column = closing_column + len(closing.rstrip())
    return line


def section_line(line_no: int, mark: str, mark_column: int, label: str | None) -> Line:
    """The `Line` of a section heading: its SECTION token (`#`s and blanks) and LABEL (or None)."""
    hashes = mark.rstrip()
    line = Line("section", line_no, mark_column, mark_column + len(hashes), level=len(hashes))
    line.text = _words(label.rstrip()) if label is not None else ""
    return line


def declaration_line(kind: str, line_no: int, decl: str, decl_column: int, label: str | None, quoted: bool,
                     meta: str | None, meta_column: int) -> Line:
    """The `Line` of an actor or source declaration (`kind`): its ACTOR_DECL / SOURCE_DECL
    token, its name or citation (a STRING if `quoted`, else a LABEL; or None) and `{meta}`."""
    ident = decl.split(None, 1)[1].rstrip(" \t:")
    line = Line(kind, line_no, decl_column, decl_column + len(decl.rstrip()), ident=ident)
    line.ident_column = decl_column + decl.index(ident, len(kind))
    line.ident_end = line.ident_column + len(ident)
    if label is not None:
        value = label.rstrip()
        line.text = unescape(value[1:-1]) if quoted else _words(value)
    if meta is not None:
        block = read_meta(meta.rstrip(), line_no, meta_column)
        line.annotations = Annotations(line_no, block.column, block.end_column, [], [block])
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

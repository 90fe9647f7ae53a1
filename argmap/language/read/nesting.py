"""`Line` records → `Map`: nesting from columns, relations from markers, names resolved.

One pass over the lines with a stack of open node entries (no recursion, so 2,000 levels of
nesting are fine). This module decides where things are written (indentation, nesting, the
document's entries, comments); what they add to the graph (annotations, metadata, relations)
is graph.py's. Included files are read into the same builder, so ids stay unique;
their lines join the graph view but not the including file's document.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..._speed.fast_init import maker
from ...errors import Diagnostic, Severity, Span
from ...model import (
    Actor,
    ActorEntry,
    IncludeEntry,
    InferenceEntry,
    Map,
    NodeEntry,
    Section,
    SectionEntry,
    Source,
    SourceEntry,
    Trivia,
    section_id,
)
from ..vocabulary import CO_PREMISE, MARKER_PATTERN, MARKERS
from .graph import GraphBuilder, remake_node
from .includes import read_include
from .lines import Line
from .meta import front_matter_entries
from .reconstruction import OpenReconstruction
from .resolve import freeze

_PLAIN = Trivia()
#: a line that starts with a relation marker (an unreadable one is a child, not a continuation)
_CHILD = re.compile(rf"[ \t]*(?:{MARKER_PATTERN})(?:[ \t]|$)")
#: a definition without text read from `[T] @a` (a repaired line) is the reference it was written as
_AS_REFERENCE = {"claim": "claim_ref", "argument": "argument_ref"}
# the objects made for every line, made without the frozen dataclasses' slower __init__
_span = maker(Span)
_entry = maker(NodeEntry)


@dataclass(slots=True)
class _Open:
    """A node entry whose children may still come."""

    indent: int
    node: str
    is_reference: bool
    marker: str | None
    relation: str | None
    trivia: Trivia
    span: Span
    #: the comment of each text line, once the node has continuation lines (before: None,
    #: and the head line's comment is in `trivia`)
    line_comments: list | None
    in_document: bool
    annotated_line: int | None = None
    children: list | None = None  # made for the first child (most entries have none)
    child_indent: int | None = None
    #: the children's columns once they disagree: column → spans (rare; see `check_columns`)
    columns: dict | None = None
    first_child_span: Span | None = None
    #: False for a line out of place or unreadable (reported), whose relation is unknown: a child
    #: whose meaning needs it (`_`, a first `&`) relates to nothing
    placed: bool = True
    #: where the line was written, when it is read at its siblings' column (check_step)
    written: int | None = None
    last_child_relation: str | None = None
    last_child_marker: str | None = None
    #: an argument's reconstruction while its statements are read; a statement's, its argument's
    pcs: OpenReconstruction | None = None
    inference: InferenceEntry | None = None  # a statement's: the inference line above it


def read_file(builder: GraphBuilder, items: Iterable[tuple], text: str, path: str | None, in_document: bool) -> None:
    """Read one file's lines into `builder`: `items` are (`Line` or front matter block, line
    text) pairs (scan.iter_lines), `text` the whole file."""
    end = text.find("\n")
    state = _FileState(builder, text if end < 0 else text[:end], path, in_document)
    for item, line_text in items:
        if type(item) is Line:
            state.line(item, line_text)
        else:
            state.front_matter(item)
    state.finish()


class _FileState:
    """Reading one file: the open-entry stack, pending comments, indentation style."""

    def __init__(self, builder: GraphBuilder, first_line: str, path: str | None, in_document: bool) -> None:
        self.b = builder
        self.first_line = first_line
        self.path = path
        self.in_document = in_document
        self.stack: list[_Open] = []
        self.last_line = 0
        self.comments: list[str | None] = []
        self.blank = False
        self.last_node: _Open | None = None  # the node line continuations attach to
        self.section_stack: list[tuple[int, str]] = []
        self.indent_char: str | None = None
        self.indent_unit: int | None = None
        #: the step of each first child from its parent → their spans (indent-jump, at the end)
        self.steps: dict[int, list[Span]] = {}
        self.misindented = False  # the current line's indentation was reported
        #: after a relation line without a parent, until the next line at column 1: its siblings
        #: and children are the same mistake, reported once
        self.orphans = False
        self._expect_front_matter = first_line.rstrip(" \t") == "---"

    def span(self, line_no: int, column: int, end_column: int) -> Span:
        return _span(self.path, line_no, column, line_no, end_column)

    def line_span(self, line_no: int, text: str) -> Span:
        """The whole of line `line_no`, whose text is `text`."""
        return _span(self.path, line_no, 1, line_no, len(text) + 1)

    # --- front matter -------------------------------------------------------------------
    def front_matter(self, block: str) -> None:
        self._expect_front_matter = False
        self.last_line = 0  # like the top of the file: fmt writes one blank line after it, always
        lines = block.split("\n")
        for offset, key, value, error in front_matter_entries(block):
            if error:
                self.b.report("bad-front-matter", error, self.line_span(offset + 1, lines[offset]),
                              "front matter lines are 'key: value'")
            elif self.in_document:
                self.b.metadata[key] = value

    # --- each line ----------------------------------------------------------------------
    def line(self, line: Line, text: str) -> None:
        line_no = line.line
        if self._expect_front_matter and line_no == 1:
            self.b.report("unterminated-front-matter", "the front matter opened here is never closed",
                          self.line_span(1, text), "end the front matter with a line '---'")
            self._expect_front_matter = False
        if line_no > self.last_line + 1 and self.last_line > 0:
            if self.comments:
                if self.comments[-1] is not None:
                    self.comments.append(None)  # a blank line after a comment
            else:
                self.blank = True
        self.last_line = line_no
        if line.kind == "comment":
            self.comments.append(line.comment or "")
            return
        first = text[0]
        self.misindented = False
        kind = line.kind
        if first != " " and first != "\t":
            indent = 0
            self.orphans = False
        else:  # the first line a parent's children or continuation lines use sets the file's style
            indent = self.indentation(text, line_no, kind == "child" or self.last_node is not None)
        last = self.last_node
        if last is not None and indent > last.indent:
            if kind == "node" or kind == "annotations":
                self.continuation(line, indent)
                return
            if kind == "error" and not _CHILD.match(text):
                return  # a continuation line that could not be read: reported; the node goes on
        if self.misindented:
            indent = self.nearest_column(indent)
        self.last_node = None
        if kind == "annotations":
            self.b.report("annotations-without-node", "annotations on a line of their own must follow a node line",
                          self.line_span(line_no, text), "indent this line under the node it belongs to")
            return
        if kind == "error":  # a line that could not be read: a placeholder parent, nothing more
            while self.stack and self.stack[-1].indent >= indent:
                self.close()
            placeholder = _Open(indent, "", True, None, None, _PLAIN, self.line_span(line_no, text), [], False,
                                placed=False)
            self.stack.append(placeholder)
            self.last_node = placeholder  # its continuation lines go with it, silently
            return
        comment = line.comment
        trivia = _PLAIN if not self.blank and not self.comments and comment is None else self.take_trivia(comment)
        if kind == "node" or kind == "child" or kind == "statement":
            self.node(line, indent, trivia, text)
            return
        if kind == "inference":
            self.inference(line, indent, trivia, text)
            return
        self.close_all()
        if indent:
            self.b.report("unexpected-indent", f"a {kind} line must start at column 1",
                          self.line_span(line_no, text), "remove the indentation")
        getattr(self, kind)(line, trivia, text)

    def indentation(self, text: str, line_no: int, sets_style: bool) -> int:
        """How far `text` is indented (tabs count to the next multiple of 8); reports mixed tabs and spaces."""
        width = len(text) - len(text.lstrip(" "))
        if text[width:width + 1] != "\t" and self.indent_char == " ":
            return width  # spaces only, as before: the common case
        prefix = text[: len(text) - len(text.lstrip(" \t"))]
        chars = set(prefix)
        style = "\t" if chars == {"\t"} else " " if chars == {" "} else "mixed"
        if style == "mixed" or (self.indent_char is not None and style != self.indent_char):
            self.b.report("mixed-indentation", "this line indents with tabs and spaces mixed"
                          if style == "mixed" else "this line indents differently from the lines above",
                          Span(self.path, line_no, 1, line_no, len(prefix) + 1),
                          "indent with spaces only (argmap fmt writes two per level)")
            self.misindented = True
            if self.indent_char == " ":
                return len(prefix.expandtabs(1))  # a stray tab: the column nearest it is taken
        elif self.indent_char is None and sets_style:
            self.indent_char = style
        return len(prefix.expandtabs(8))

    def nearest_column(self, width: int) -> int:
        """The column an open entry or its children use nearest `width` (ties: the deeper), for
        a line whose indentation is reported already, so its neighbours report nothing more."""
        columns = {0}
        for entry in self.stack:
            columns.add(entry.indent)
            if entry.child_indent is not None:
                columns.add(entry.child_indent)
        if self.stack:
            columns.add(self.stack[-1].indent + (self.indent_unit or 2))
        return min(columns, key=lambda column: (abs(column - width), -column))

    def take_trivia(self, comment: str | None) -> Trivia:
        """The comments and blank line gathered above this line, and its own comment (the
        caller gives most lines, which have none, the shared `_PLAIN`)."""
        trivia = Trivia(self.blank, tuple(self.comments), () if comment is None else (comment,))
        self.comments = []
        self.blank = False
        return trivia

    # --- node lines ---------------------------------------------------------------------
    def node(self, line: Line, indent: int, trivia: Trivia, text: str) -> None:
        stack = self.stack
        while stack and stack[-1].indent >= indent:
            self.close()
        parent = stack[-1] if stack else None
        written = indent
        if line.marker is not None and parent is not None and parent.child_indent is not None and indent < parent.child_indent:
            indent = parent.child_indent  # a sibling dedented too far: read as one (check_step reports it)
            snapped = True
        else:
            snapped = False
        span = _span(self.path, line.line, line.column, line.line, max(line.last_column, line.end_column))
        marker = line.marker
        if line.kind == "statement":
            self.statement(line, parent, indent, trivia, span, text)
            return
        placed = True
        if marker is not None and parent is not None and not parent.placed and (
                not parent.node or marker == "_" or (marker == CO_PREMISE and parent.last_child_marker is None)):
            # under a line out of place or unreadable, a child whose meaning needs that line's
            # relation (or node) relates to nothing, and says nothing: the line above is reported
            marker, placed = None, False
            self.check_step(parent, written, span)
        elif marker is None and parent is not None and parent.child_indent not in (None, indent) and parent.placed:
            # lined up with no open parent's children and no marker: a top-level line, indented
            if not self.misindented:
                self.b.report("unexpected-indent", "a top-level node must start at column 1", span,
                              "remove the indentation (or, for a child, start it with a relation marker)")
            self.close_all()
            parent, indent = None, 0  # read where it belongs, so its children still relate to it
        elif marker is None or parent is None or parent.child_indent != written:
            marker = self.check_placement(marker, parent, written, span)  # (a child like its siblings needs no check)
            if parent is None and line.marker is None:
                indent = 0  # a top-level node, maybe reported as indented: read at column 1
            else:
                placed = marker is not None  # out of place: related to nothing
        annotations = None
        if line.repaired and not line.text and line.node in _AS_REFERENCE:  # `[T] @a`: a reference, annotated
            line.node, annotations, line.annotations = _AS_REFERENCE[line.node], line.annotations, None
        reported = len(self.b.diagnostics)
        node_id, is_reference = self.b.define(line, text, span, self.path, self.current_section())
        if annotations is not None and node_id in self.b.nodes:
            self.b.nodes[node_id] = self.b.annotated(self.path, self.b.nodes[node_id], annotations)
        if len(self.b.diagnostics) > reported and self.b.diagnostics[-1].code == "duplicate-definition":
            marker, placed = None, False  # meant as another node: it and its children relate to nothing
        relation = None
        if marker == "_" and parent is not None and parent.pcs is not None and parent.marker is not None \
                and parent.marker[0] == "(":  # the undercut of the inference to a statement
            relation = parent.pcs.undercut(int(parent.marker[1:-1]), node_id, span)
            parent.last_child_relation = relation
            parent.last_child_marker = marker
        elif marker is not None and parent is not None:
            relation = self.b.relate(line, parent, node_id, span, self.path)
            marker = MARKERS[marker].canonical
            parent.last_child_relation = relation
            parent.last_child_marker = marker
        entry = _Open(indent, node_id, is_reference, marker, relation, trivia, span,
                      None, self.in_document, 0 if line.annotations is not None else None)
        if not placed:
            entry.placed = False
        if snapped:
            entry.written = written
        stack.append(entry)
        self.last_node = entry

    # --- premise-conclusion structures (read/reconstruction.py) ----------------------------
    def reconstruction(self, parent: _Open | None, indent: int, span: Span, what: str) -> OpenReconstruction | None:
        """The open reconstruction of `parent`, the argument a statement or inference line
        (`what`) is written under; None after reporting that it is under no argument."""
        if parent is not None and not parent.node:
            return None  # under a line that could not be read: no cascade of errors
        if parent is None or parent.node[:1] != "<":
            self.b.report("statement-outside-argument", f"{what} belongs to an argument's premise-conclusion "
                          "structure, and this one is " + ("at the top level" if parent is None else f"under {parent.node}"),
                          span, "indent the numbered statements and inference lines under an '<Argument>: text' line; "
                          "escape a text that starts so ('\\(1)', '\\--')")
            return None
        self.check_step(parent, indent, span)
        if parent.pcs is None:
            parent.pcs = OpenReconstruction(self.b, parent.node, self.path)
        return parent.pcs

    def statement(self, line: Line, parent: _Open | None, indent: int, trivia: Trivia, span: Span,
                  text: str) -> None:
        """A numbered statement `(N) node` under an argument."""
        pcs = self.reconstruction(parent, indent, span, f"statement {line.marker}")
        node_id, is_reference = self.b.define(line, text, span, self.path, self.current_section())
        entry = _Open(indent, node_id, is_reference, line.marker, None, trivia, span, None, self.in_document,
                      0 if line.annotations is not None else None)
        if pcs is not None:
            if line.node in ("argument", "argument_ref", "question"):
                self.b.report("bad-statement", f"a statement is a claim, and {node_id} is "
                              f"{'an argument' if line.node != 'question' else 'a question'}", span,
                              "write the claim the argument concludes, '(N) [Title]', or its text")
            else:
                entry.inference = pcs.statement(line.number, node_id, span)
                entry.pcs = pcs
        self.stack.append(entry)
        self.last_node = entry

    def inference(self, line: Line, indent: int, trivia: Trivia, text: str) -> None:
        """An inference line `-- rule {meta} --` under an argument."""
        stack = self.stack
        while stack and stack[-1].indent >= indent:
            self.close()
        self.last_node = None
        span = _span(self.path, line.line, line.column, line.line, max(line.last_column, line.end_column))
        pcs = self.reconstruction(stack[-1] if stack else None, indent, span, "an inference line")
        if pcs is not None:
            pcs.inference(line, span, trivia)

    def check_placement(self, marker: str | None, parent: _Open | None, indent: int, span: Span) -> str | None:
        """Report a marker or indentation that does not fit; the marker to use (None: no relation)."""
        if parent is None:
            if marker is not None:
                if not self.orphans:
                    self.b.report("marker-without-parent", f"'{marker}' has no node above it to relate to",
                                  span, "indent this line under the node it supports or attacks")
                self.orphans = True
            elif indent and not self.misindented:
                self.b.report("unexpected-indent", "a top-level node must start at column 1", span,
                              "remove the indentation, or put a relation marker and a parent above it")
            return None
        if marker is None:
            self.b.report("missing-marker", "a child line needs a relation marker",
                          span, "start it with + (supports), - (attacks), _ (undercuts), ><, = or &; "
                          "a continuation line must directly follow its node line")
        self.check_step(parent, indent, span)
        return marker

    def check_step(self, parent: _Open, indent: int, span: Span) -> None:
        """Note a child's column: a first child's step (indent-jump is decided at the end, from
        the step most first children take), a sibling's column (bad-dedent, when the parent closes)."""
        if parent.child_indent is None:
            parent.child_indent = indent
            parent.first_child_span = span
            step = indent - (parent.indent if parent.written is None else parent.written)
            if self.indent_unit is None:
                self.indent_unit = step
            self.steps.setdefault(step, []).append(span)
        elif indent != parent.child_indent:
            columns = parent.columns
            if columns is None:
                columns = parent.columns = {parent.child_indent: [parent.first_child_span]}
            columns.setdefault(indent, []).append(span)

    def check_columns(self, entry: _Open) -> None:
        """bad-dedent at each child of `entry` not at the column most of its children use (ties:
        the first child's), so one line out of place is the one reported."""
        columns = entry.columns
        assert columns is not None
        counts = {column: len(spans) for column, spans in columns.items()}
        right = max(counts, key=lambda column: (counts[column], column == entry.child_indent))
        for column, spans in columns.items():
            if column != right:
                for span in spans:
                    self.b.report("bad-dedent", "this line's indentation matches no open parent",
                                  span, f"indent it like its siblings (column {right + 1})")

    def check_steps(self) -> None:
        """indent-jump at each first child indented two steps or more, a step being what most
        first children in the file take (the smaller on a tie)."""
        if not self.steps:
            return
        unit = max(self.steps, key=lambda step: (len(self.steps[step]), -step))
        for step, spans in self.steps.items():
            if unit > 0 and step >= 2 * unit:
                for span in spans:
                    self.b.report("indent-jump", "this line is indented more than one level deeper than its parent",
                                  span, f"indent children by {unit} more than their parent",
                                  severity=Severity.WARNING)

    def continuation(self, line: Line, indent: int) -> None:
        entry = self.last_node
        assert entry is not None
        if not entry.node:
            return  # a line of a node that could not be read
        b = self.b
        node = None if entry.is_reference else b.nodes.get(entry.node)
        comments = entry.line_comments
        if comments is None:
            head = entry.trivia.line_comments
            comments = entry.line_comments = [head[0] if head else None]
        comments.append(line.comment)  # an annotation line is a line of its own, with its comment
        if line.kind == "node":
            if line.node != "plain" or node is None:
                b.report("missing-marker" if line.node != "plain" else "continuation-of-reference",
                         "a child line needs a relation marker" if line.node != "plain"
                         else "a reference line cannot be continued",
                         self.span(line.line, line.column, line.end_column),
                         "start a child with + - _ >< = or &; define the text where the title is defined")
                return
            node = remake_node(node, text=f"{node.text}\n{line.text}")  # rare: a frozen node remade
            b.nodes[node.id] = node
        if node is not None and line.annotations is not None:
            b.nodes[node.id] = self.b.annotated(self.path, node, line.annotations)
            # the text line they end, or one past the last text line: a line of their own
            entry.annotated_line = node.text.count("\n") + (line.kind == "annotations")

    # --- other lines --------------------------------------------------------------------
    def current_section(self) -> str | None:
        return self.section_stack[-1][1] if self.section_stack else None

    def section(self, line: Line, trivia: Trivia, text: str) -> None:
        b = self.b
        while self.section_stack and self.section_stack[-1][0] >= line.level:
            self.section_stack.pop()
        new_id = section_id(len(b.sections) + 1)
        span = self.line_span(line.line, text)
        b.sections[new_id] = Section(new_id, line.text, line.level, self.current_section(), span)
        self.section_stack.append((line.level, new_id))
        self.add_entry(SectionEntry(new_id, trivia, span))

    def actor(self, line: Line, trivia: Trivia, text: str) -> None:
        self.b.declare(line, self.b.actors, Actor, "actor", self.path)
        self.add_entry(ActorEntry(line.ident or "", trivia, self.line_span(line.line, text)))

    def source(self, line: Line, trivia: Trivia, text: str) -> None:
        self.b.declare(line, self.b.sources, Source, "source", self.path)
        self.add_entry(SourceEntry(line.ident or "", trivia, self.line_span(line.line, text)))

    def include(self, line: Line, trivia: Trivia, text: str) -> None:
        span = self.span(line.line, line.ident_column, line.ident_end)
        self.add_entry(IncludeEntry(line.ident or "", trivia, self.line_span(line.line, text)))
        saved = self.section_stack
        read_include(self.b, self.path, line.ident or "", span, read_file)
        self.section_stack = saved

    def add_entry(self, entry) -> None:
        if self.in_document:
            self.b.document.append(entry)

    # --- closing ------------------------------------------------------------------------
    def close(self) -> None:
        entry = self.stack.pop()
        if entry.columns is not None:
            self.check_columns(entry)
        annotated = entry.annotated_line
        if annotated is not None:  # None unless the annotations are not on the node's last line
            node = None if entry.is_reference else self.b.nodes.get(entry.node)
            if node is None or annotated == node.text.count("\n"):
                annotated = None
        trivia = entry.trivia
        comments = entry.line_comments
        if comments is not None or annotated is not None:  # (most nodes have one line)
            line_comments = trivia.line_comments if comments is None else _trimmed(comments)
            if line_comments != trivia.line_comments or annotated is not None:
                trivia = Trivia(trivia.blank_before, trivia.comments, line_comments, annotated)
        frozen = _entry(entry.node, entry.is_reference, entry.marker, entry.relation,
                        tuple(entry.children) if entry.children else (), trivia, entry.span, entry.inference)
        if not entry.node:
            return
        if entry.pcs is not None and entry.pcs.argument == entry.node:
            entry.pcs.finish(entry.span)
        if self.stack:
            parent = self.stack[-1]
            if parent.children is None:
                parent.children = [frozen]
            else:
                parent.children.append(frozen)
        elif entry.in_document:
            self.b.document.append(frozen)

    def close_all(self) -> None:
        while self.stack:
            self.close()
        self.last_node = None

    def finish(self) -> None:
        self.close_all()
        self.check_steps()
        if self._expect_front_matter:
            self.b.report("unterminated-front-matter", "the front matter opened here is never closed",
                          self.line_span(1, self.first_line), "end the front matter with a line '---'")
        if self.in_document:
            self.b.trailing = tuple(self.comments)


def _trimmed(comments: list) -> tuple:
    """Line comments without the trailing Nones (so a line without comments has none)."""
    end = len(comments)
    while end and comments[end - 1] is None:
        end -= 1
    return tuple(comments[:end])


def build_map(items: Iterable[tuple], text: str, path: str | None, diagnostics: list[Diagnostic],
              including: tuple[str, ...] = ()) -> Map:
    """Build the model from the lines of a file (`items`: see `read_file`; `text`: the file).
    `items` may be a generator that appends syntax errors to `diagnostics` as it goes."""
    own = os.path.realpath(path) if path else None
    builder = GraphBuilder(including + ((own,) if own else ()))
    read_file(builder, items, text, path, in_document=True)
    builder.diagnostics.extend(diagnostics)
    return freeze(builder, path)



"""Argdown -> model, with the second Lark grammar (grammars/argdown.lark).

`argdown_scan.scan_lines` reads the grammar's lines; this module rebuilds Argdown's structure
from them, as the syntax documentation (argdown.org/syntax) defines it: top-level blocks separated by blank lines,
relation trees nested by indentation (`+ - _ ><` the child bears on its parent, `+> -> _>` the
parent on the child, `<+ <- <_` written out), statements spanning lines, headings as sections,
premise-conclusion structures, front matter and data. A titled argument's premise-conclusion
structure becomes its reconstruction (argdown_pcs.py says how; an untitled one is flattened
into supports). `@include(file)` lines (Argdown's CLI) are replaced by that
file's text before reading (positions after one are positions in the joined text). In strict mode (`model: {mode: strict}`) `-` and `><` between
two statements are contradictions (contrariness is symmetric).
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

from ..errors import Span
from ..model import Map, NodeKind, RelationKind
from .argdown_build import Element, MapBuilder
from .argdown_elements import ElementReader
from .argdown_pcs import RULES, Pcs
from .argdown_scan import Tok as Token
from .argdown_scan import scan_lines
from .yaml_data import YamlError, parse_block

#: marker -> (kind, the child is the source)
MARKERS = {
    "+": (RelationKind.SUPPORT, True), "<+": (RelationKind.SUPPORT, True),
    "-": (RelationKind.ATTACK, True), "<-": (RelationKind.ATTACK, True),
    "_": (RelationKind.UNDERCUT, True), "<_": (RelationKind.UNDERCUT, True),
    "><": (RelationKind.CONTRADICTION, True),
    "+>": (RelationKind.SUPPORT, False), "->": (RelationKind.ATTACK, False),
    "_>": (RelationKind.UNDERCUT, False),
}


class _Reader(ElementReader):
    """Walks the lines once, keeping the open block, relation tree and pcs."""

    def __init__(self, text: str, path: str | None) -> None:
        super().__init__(path, MapBuilder(path))
        self.text = text
        self.strict = False
        self.stack: list[tuple[int, str | None, str | None, object]] = []  # col, node, relation, pcs step
        self.open: tuple[Element, str] | None = None  # the element continuation lines extend
        self.pcs: Pcs | None = None
        self.block_argument: str | None = None  # the argument a following pcs belongs to
        self.previous_block_argument: str | None = None
        self.levels = [0]  # Argdown's indentation stack for relation lines (widths)
        self.heading: list | None = None  # an open heading: [level, title lines, first, last token]

    # --- lines ----------------------------------------------------------------------------

    def run(self) -> Map:
        """Read every line; returns the map (warnings in its diagnostics)."""
        first = True
        for kind, tokens, blank in scan_lines(self.text):
            self.line(kind, tokens, blank or first, first)
            first = False
        self.end_block()
        return self.build.build()

    def line(self, kind: str, tokens: list[Token], blank: bool, first: bool) -> None:
        if blank:
            self.end_block()
        elif kind == "plain" and self.heading is not None:  # a heading runs on to a blank line
            self.heading[1].append(tokens)
            self.heading[3] = tokens[-1]
            return
        self.end_heading()
        if kind == "plain":
            if self.pcs is not None and self.pcs.awaits_rules():
                self.rules(tokens)
            elif self.open is None or blank:
                self.root(tokens)
            else:
                self.inline(self.open[0], tokens)
        elif kind == "relation":
            self.relation(tokens)
        elif kind == "pcs":
            self.pcs_statement(tokens)
        elif kind == "inference":
            self.inference(tokens[0])
        elif kind == "list_item":  # a statement of its own, which relations can go under
            self.flush()
            self.stack = []
            self.root(tokens[1:] or tokens, tokens[0].column)
        elif kind == "heading":
            self.end_block()
            self.heading = [len(tokens[0].value), [tokens[1:]], tokens[0], tokens[-1]]
        elif kind == "front_matter":
            self.front_matter(tokens[0], first)

    def open_element(self, element: Element) -> str:
        self.flush()
        node_id = self.build.reserve(element)
        self.open = (element, node_id)
        return node_id

    def flush(self) -> None:
        if self.open is not None:
            self.build.node(*self.open)
            self.open = None

    def end_heading(self) -> None:
        if self.heading is None:
            return
        level, lines, first, last = self.heading
        self.heading = None
        element = None
        for index, tokens in enumerate(lines):
            if not tokens:
                continue
            if element is None:
                element = self.element(tokens, first_line=False)
            else:
                self.inline(element, tokens)
        title = " ".join(element.text) if element else ""
        span = self.span(first, last)
        if element and (element.tags or element.data):
            self.build.warn("argdown-heading-data", "tags and data on a heading have no place "
                            "in an argmap section; left out", span)
        self.build.heading(level, title, span)

    def root(self, tokens: list[Token], column: int | None = None) -> None:
        element = self.element(tokens)
        if element is None:
            return
        node_id = self.open_element(element)
        self.stack = [(column or tokens[0].column, node_id, None, None)]
        self.levels = [0]
        if element.kind is NodeKind.ARGUMENT and element.title is not None:
            self.block_argument = node_id

    def parent(self, column: int) -> tuple[int, str | None, str | None, object] | None:
        while self.stack and self.stack[-1][0] >= column:
            self.stack.pop()
        return self.stack[-1] if self.stack else None

    def indentation(self, column: int) -> int:
        """The column a relation line counts at, as Argdown's lexer reads indentation: deeper
        than the last level opens a level; shallower closes levels until one is no deeper, and
        the line belongs to that level (so `-> G` at 4 under levels 0, 2, 6 counts at 2)."""
        width, levels = column - 1, self.levels
        if width > levels[-1]:
            levels.append(width)
        else:
            while len(levels) > 1 and width < levels[-1]:
                levels.pop()
        return levels[-1] + 1

    def relation(self, tokens: list[Token]) -> None:
        marker = tokens[0]
        element = self.element(tokens[1:])
        span = self.span(marker, tokens[-1])
        if element is None:
            self.build.warn("argdown-empty-relation", f"'{marker.value}' with nothing after it; "
                            "left out", span)
            return
        column = self.indentation(marker.column)
        parent = self.parent(column)
        child = self.open_element(element)
        relation_id = None
        kind, child_is_source = MARKERS[marker.value]
        if parent is None:
            self.build.warn("argdown-orphan-relation", f"'{marker.value}' has no statement or "
                            "argument above it to relate to; the element is kept alone", span)
        elif parent[3] is not None or (kind is RelationKind.UNDERCUT and child_is_source
                                       and self.pcs is not None and parent[1] in self.pcs.concluded):
            # under an inference line, or an undercut under the conclusion it leads to
            step = parent[3] if parent[3] is not None else self.pcs.concluded[parent[1]]  # type: ignore[union-attr]
            if kind is RelationKind.UNDERCUT and child_is_source:
                step.undercuts.append((child, span))
            else:
                self.build.warn("argdown-inference-relation", f"'{marker.value}' under an "
                                "inference line: only undercuts (<_ or _) bear on an inference; "
                                "left out", span)
        elif parent[1] is not None:
            source, target = (child, parent[1]) if child_is_source else (parent[1], child)
            if kind is RelationKind.UNDERCUT and child_is_source and parent[2] is not None:
                target = parent[2]  # under a relation line: undercuts that inference
            elif self.strict and kind is RelationKind.ATTACK and "<" not in source[:1] + target[:1]:
                kind = RelationKind.CONTRADICTION
                self.build.warn("argdown-contrary", f"'{marker.value}' between two statements in "
                                "strict mode says they are contrary (not both true); argmap has no "
                                "contrariness and reads it as a contradiction", span)
            relation_id = self.build.relation(kind, source, target, span)
        self.stack.append((column, child, relation_id, None))

    def pcs_statement(self, tokens: list[Token]) -> None:
        element = self.element(tokens[1:])
        if element is None:  # `(3)` with nothing after it: an empty statement (Argdown's too)
            span = self.span(tokens[0])
            self.build.warn("argdown-empty-statement", f"'{tokens[0].value}' has no text; read as "
                            "an untitled statement without text", span)
            element = Element(NodeKind.CLAIM, None, False, span=span)
        self.levels = [0]
        if self.pcs is None:
            self.pcs = Pcs(self.block_argument or self.previous_block_argument,
                           self.span(tokens[0], tokens[-1]))
            self.previous_block_argument = None
        node_id = self.open_element(element)
        self.pcs.statement(node_id)
        self.parent(tokens[0].column)
        self.stack.append((tokens[0].column, node_id, None, None))

    def inference(self, token: Token) -> None:
        span = self.span(token)
        if self.pcs is None:
            self.build.warn("argdown-inference", "an inference line outside a premise-conclusion "
                            "structure; left out", span)
            return
        self.flush()
        self.levels = [0]
        step = self.pcs.inference(span)
        if token.type == "INFERENCE_RULES":  # `-- rules --` on one line
            step.closed = True
            rules = token.value.strip("-").strip()
            if rules:
                step.meta[RULES] = rules
        self.parent(token.column)
        self.stack.append((token.column, None, None, step))

    def rules(self, tokens: list[Token]) -> None:
        """The rule names and data of an expanded inference."""
        assert self.pcs is not None and self.pcs.open is not None
        element = self.element(tokens, first_line=False)
        if element is not None:
            step = self.pcs.open
            if element.text:
                step.meta[RULES] = " ".join(element.text)
            step.meta.update(element.data)

    def end_block(self) -> None:
        self.end_heading()
        self.flush()
        if self.pcs is not None:
            self.pcs.finish(self.build)
            self.pcs = None
        self.stack = []
        self.levels = [0]
        self.previous_block_argument = self.block_argument
        self.block_argument = None

    def front_matter(self, token: Token, first: bool) -> None:
        span = self.span(token)
        if not first:
            self.build.warn("argdown-front-matter", "front matter after the start of the document; "
                            "read anyway", span)
        body = token.value
        inner = body[body.index("\n") + 1 : body.rstrip().rindex("\n")]
        try:
            data = parse_block(inner, body.index("\n") + 1)
        except YamlError as exc:
            self.build.warn("argdown-front-matter", f"front matter not read: {exc}",
                            self.at(token, exc.offset))
            return
        model = data.get("model")
        self.strict = isinstance(model, dict) and model.get("mode") == "strict"
        self.build.front_matter(data, span)


_INCLUDE = re.compile(r"^[ \t]*@include\(([^)\n]*)\)[ \t]*$", re.MULTILINE)


def _include(text: str, path: str | None, problems: list[tuple[str, Span]], seen: set) -> str:
    """`@include(a.argdown, b.argdown)` lines (what Argdown's CLI and VS Code extension read)
    replaced by those files' text, relative to the including file; what cannot be included
    stays as written and is reported at its own line of its own file."""

    def replace(match: re.Match[str]) -> str:
        line = text.count("\n", 0, match.start()) + 1
        span = Span(path, line, 1, line, 1 + len(match.group()))
        if path is None:
            problems.append(("'@include' in text that has no file name: nothing to include "
                             "from; kept as text", span))
            return match.group()
        parts = []
        for name in (n.strip() for n in match.group(1).split(",")):
            target = Path(path).parent / name
            key = str(target.resolve())
            if key in seen:
                problems.append((f"'{name}' includes itself; included once", span))
                continue
            try:
                body = target.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
            except OSError as exc:
                problems.append((f"'{name}' cannot be included: {exc.strerror or exc}; kept as "
                                 "text", span))
                return match.group()
            parts.append(_include(body, str(target), problems, seen | {key}).strip("\n"))
        return "\n\n".join(parts)

    return _INCLUDE.sub(replace, text)


def read_argdown(text: str, path: str | None = None) -> Map:
    """Read an Argdown document into a map; what argmap cannot hold is reported as warnings.

    Every text is Argdown (a character that starts nothing is text), so this never fails.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    included: list[tuple[str, Span]] = []
    if "@include(" in text:
        text = _include(text, path, included, {str(Path(path).resolve()) if path else None})
    enabled = gc.isenabled()
    gc.disable()  # the read allocates many small objects and frees none of them
    try:
        reader = _Reader(text, path)
        for message, span in included:
            reader.build.warn("argdown-include", message, span)
        return reader.run()
    finally:
        if enabled:
            gc.enable()

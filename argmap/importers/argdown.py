"""Argdown -> model, with the second Lark grammar (grammars/argdown.lark).

`argdown_scan.scan_lines` reads the grammar's lines; this module rebuilds Argdown's structure
from them, as the syntax documentation (argdown.org/syntax) defines it: top-level blocks separated by blank lines,
relation trees nested by indentation (`+ - _ ><` the child bears on its parent, `+> -> _>` the
parent on the child, `<+ <- <_` written out), statements spanning lines, headings as sections,
premise-conclusion structures, front matter and data. How a premise-conclusion structure maps
onto argmap: the premises of each inference step are co-premises (one `group`) of a support for
the step's conclusion; for a titled argument the last step runs through the argument node
(premises support `<A>`, `<A>` supports the main conclusion), so an undercut of that inference
is an undercut of the argument. In strict mode (`model: {mode: strict}`) `-` and `><` between
two statements are contradictions (contrariness is symmetric).
"""

from __future__ import annotations

import gc

from ..model import Map, NodeKind, RelationKind
from .argdown_build import Element, MapBuilder
from .argdown_elements import ElementReader
from .argdown_pcs import Pcs
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
        elif kind == "list_item":
            self.flush()
            self.stack = []
            self.root(tokens[1:] or tokens)
        elif kind == "heading":
            self.end_block()
            element = self.element(tokens[1:], first_line=False)
            title = "\n".join(element.text) if element else ""
            if element and (element.tags or element.data):
                self.build.warn("argdown-heading-data", "tags and data on a heading have no place "
                                "in an argmap section; left out", self.span(tokens[0], tokens[-1]))
            self.build.heading(len(tokens[0].value), title, self.span(tokens[0], tokens[-1]))
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

    def root(self, tokens: list[Token]) -> None:
        element = self.element(tokens)
        if element is None:
            return
        node_id = self.open_element(element)
        self.stack = [(tokens[0].column, node_id, None, None)]
        if element.kind is NodeKind.ARGUMENT and element.title is not None:
            self.block_argument = node_id

    def parent(self, column: int) -> tuple[int, str | None, str | None, object] | None:
        while self.stack and self.stack[-1][0] >= column:
            self.stack.pop()
        return self.stack[-1] if self.stack else None

    def relation(self, tokens: list[Token]) -> None:
        marker = tokens[0]
        element = self.element(tokens[1:])
        span = self.span(marker, tokens[-1])
        if element is None:
            self.build.warn("argdown-empty-relation", f"'{marker.value}' with nothing after it; "
                            "left out", span)
            return
        parent = self.parent(marker.column)
        child = self.open_element(element)
        relation_id = None
        kind, child_is_source = MARKERS[marker.value]
        if parent is None:
            self.build.warn("argdown-orphan-relation", f"'{marker.value}' has no statement or "
                            "argument above it to relate to; the element is kept alone", span)
        elif parent[3] is not None:  # under an inference line
            if kind is RelationKind.UNDERCUT and child_is_source:
                parent[3].undercuts.append((child, span))
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
            relation_id = self.build.relation(kind, source, target, span)
        self.stack.append((marker.column, child, relation_id, None))

    def pcs_statement(self, tokens: list[Token]) -> None:
        element = self.element(tokens[1:])
        if element is None:
            return
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
        step = self.pcs.inference(span)
        self.parent(token.column)
        self.stack.append((token.column, None, None, step))

    def rules(self, tokens: list[Token]) -> None:
        """The rule names and data of an expanded inference."""
        assert self.pcs is not None and self.pcs.open is not None
        element = self.element(tokens, first_line=False)
        if element is not None:
            step = self.pcs.open
            if element.text:
                step.meta["inference-rules"] = " ".join(element.text)
            step.meta.update(element.data)

    def end_block(self) -> None:
        self.flush()
        if self.pcs is not None:
            self.pcs.finish(self.build)
            self.pcs = None
        self.stack = []
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


def read_argdown(text: str, path: str | None = None) -> Map:
    """Read an Argdown document into a map; what argmap cannot hold is reported as warnings.

    Every text is Argdown (a character that starts nothing is text), so this never fails.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    enabled = gc.isenabled()
    gc.disable()  # the read allocates many small objects and frees none of them
    try:
        return _Reader(text, path).run()
    finally:
        if enabled:
            gc.enable()

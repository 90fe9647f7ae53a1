"""Argdown -> model, with the second Lark grammar (grammars/argdown.lark).

The grammar reads lines; this module rebuilds Argdown's structure from them, as the syntax
documentation (argdown.org/syntax) defines it: top-level blocks separated by blank lines,
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

from lark import UnexpectedInput

from ..errors import Diagnostic, ImportFailed, Span
from ..model import Map, NodeKind, RelationKind
from .argdown_scan import HEADS as _HEADS
from .argdown_build import Element, MapBuilder
from .argdown_pcs import Pcs
from .argdown_scan import Tok as Token
from .argdown_scan import scan_lines
from .yaml_data import YamlError, parse_block, parse_flow

#: marker -> (kind, the child is the source)
MARKERS = {
    "+": (RelationKind.SUPPORT, True), "<+": (RelationKind.SUPPORT, True),
    "-": (RelationKind.ATTACK, True), "<-": (RelationKind.ATTACK, True),
    "_": (RelationKind.UNDERCUT, True), "<_": (RelationKind.UNDERCUT, True),
    "><": (RelationKind.CONTRADICTION, True),
    "+>": (RelationKind.SUPPORT, False), "->": (RelationKind.ATTACK, False),
    "_>": (RelationKind.UNDERCUT, False),
}


def unescape(text: str) -> str:
    """Argdown text with `\\x` escapes resolved."""
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class _Reader:
    """Walks the lines once, keeping the open block, relation tree and pcs."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text, self.path = text, path
        self.build = MapBuilder(path)
        self.strict = False
        self.stack: list[tuple[int, str | None, str | None, object]] = []  # col, node, relation, pcs step
        self.open: tuple[Element, str] | None = None  # the element continuation lines extend
        self.pcs: Pcs | None = None
        self.block_argument: str | None = None  # the argument a following pcs belongs to
        self.previous_block_argument: str | None = None

    def span(self, token: Token, end: Token | None = None) -> Span:
        last = end or token
        value = last[1]
        if "\n" in value:
            return Span(self.path, token[3], token[4], last.end_line, last.end_column)
        return Span(self.path, token[3], token[4], last[3], last[4] + len(value))

    # --- elements -------------------------------------------------------------------------

    def element(self, tokens: list[Token], first_line: bool = True) -> Element | None:
        """Read an element from a line's content tokens (None if the line has none)."""
        if not tokens:
            return None
        head = tokens[0] if tokens[0].type in _HEADS and first_line else None
        if head is None:
            element = Element(NodeKind.CLAIM, None, False, span=self.span(tokens[0], tokens[-1]))
            rest = tokens
        else:
            kind = NodeKind.ARGUMENT if head.type.startswith("ARGUMENT") else NodeKind.CLAIM
            is_def = head.type.endswith("DEF")
            title = unescape(head.value[1 : -2 if is_def else -1]).strip()
            element = Element(kind, title, not is_def, span=self.span(head, tokens[-1]))
            rest = tokens[1:]
        self.inline(element, rest)
        return element

    def inline(self, element: Element, tokens: list[Token]) -> None:
        """Text, tags and data of one line into `element`."""
        if len(tokens) == 1 and tokens[0][0] == "TEXT":  # the common case: one run of text
            line = unescape(tokens[0][1].strip())
            if line and not element.is_reference:
                element.text.append(line)
                return
        words = []
        for token in tokens:
            kind = token.type
            if kind == "TAG":
                tag = token.value[2:-1] if token.value.startswith("#(") else token.value[1:]
                element.tags.append(unescape(tag))
            elif kind == "DATA":
                element.data.update(self.data(token))
            else:
                words.append(token.value)
        line = unescape(" ".join(w.strip() for w in words)).strip()
        if line:
            if element.is_reference and element.title is not None:
                self.build.warn("argdown-reference-text", f"text after the reference "
                                f"{element.title!r} is not part of any statement; kept as "
                                "'argdown-text' metadata", element.span)
                element.data["argdown-text"] = line
            else:
                element.text.append(line)

    def data(self, token: Token) -> dict:
        body = token.value
        try:
            block = body[1:].lstrip(" \t").startswith("\n")
            value = parse_block(body[1:-1], 1) if block else parse_flow(body)
        except YamlError as exc:
            offset = getattr(exc, "offset", 0)
            self.build.warn("argdown-data", f"data block not read: {exc}; kept as text in "
                            "'argdown-data' metadata", self.at(token, offset))
            return {"argdown-data": body}
        return value if isinstance(value, dict) else {"data": value}

    def at(self, token: Token, offset: int) -> Span:
        """The position `offset` characters into a (possibly multi-line) token."""
        before = token.value[:offset] if offset < len(token.value) else token.value
        line = token.line + before.count("\n")
        column = (len(before) - before.rfind("\n")) if "\n" in before else token.column + len(before)
        return Span(self.path, line, column, line, column + 1)

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
    """Read an Argdown document into a map; what argmap cannot hold is reported as warnings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    enabled = gc.isenabled()
    gc.disable()  # the parse allocates many small objects and frees none of them
    try:
        return _Reader(text, path).run()
    except UnexpectedInput as exc:
        line, column = getattr(exc, "line", 1), getattr(exc, "column", 1)
        diagnostic = Diagnostic("argdown-syntax", f"cannot read this Argdown: {exc.__class__.__name__}",
                                Span(path, line, column, line, column + 1))
        raise ImportFailed(f"{path or '<input>'}: not readable as Argdown", (diagnostic,)) from None
    finally:
        if enabled:
            gc.enable()

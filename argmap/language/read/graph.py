"""The graph under construction: nodes, relations, tables, usages, diagnostics, and what each
line adds to it: the node a line defines or refers to, the relation its marker makes, an actor
or source declared, annotations and metadata.

nesting.py fills a `GraphBuilder` line by line (one per parse, shared by included files so ids
stay unique), deciding where each line stands; resolve.py freezes it into the `Map`.
"""

from __future__ import annotations

from array import array
from dataclasses import replace

from ..._speed.fast_init import maker, remaker
from ...errors import Diagnostic, Severity, Span
from ...model import (
    EMPTY_META,
    Actor,
    Node,
    NodeKind,
    Relation,
    RelationKind,
    Section,
    Source,
    group_id,
    relation_id,
    untitled_id,
)
from ..vocabulary import CO_PREMISE, CO_PREMISE_JOINS, MARKERS, NODE_KINDS
from .lines import Annotations, Line
from .meta import MetaBlock

TYPE_CHECKING = False  # not typing's: reading a map does not import typing
if TYPE_CHECKING:
    from typing import Protocol

    class OpenParent(Protocol):
        """What relating a child line needs to know of the entry it is written under."""

        node: str
        marker: str | None
        relation: str | None
        last_child_marker: str | None
        last_child_relation: str | None


#: a copy of a node with some fields changed (`dataclasses.replace`, faster)
remake_node = remaker(Node)
_relation = maker(Relation)
_span = maker(Span)
_node = maker(Node)


class GraphBuilder:
    """Everything read so far, for the whole map (the including file and its includes)."""

    def __init__(self, including: tuple[str, ...]) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.metadata: dict = {}
        self.actors: dict[str, Actor] = {}
        self.sources: dict[str, Source] = {}
        self.sections: dict[str, Section] = {}
        self.nodes: dict[str, Node] = {}
        self.relations: dict[str, Relation] = {}
        self.reconstructions: dict = {}  # argument id -> Reconstruction (read/reconstruction.py)
        self.groups = 0
        self.untitled = 0
        #: the usages, column by column (see `Usages`)
        self.usage_kinds: list[str] = []
        self.usage_names: list[str] = []
        self.usage_nodes: list[str | None] = []
        self.usage_paths: list[str | None] = []
        self.usage_positions = array("i")
        #: each annotation name once, each tuple of names once (the model's nodes share them)
        self.names: dict[str, str] = {}
        self.shared: dict[tuple, tuple] = {}
        self.document: list = []
        self.trailing: tuple[str, ...] = ()
        self.including = including
        self.included: list[str] = []

    # --- diagnostics --------------------------------------------------------------------
    def report(self, code: str, message: str, span: Span, hint: str = "", *,
               severity: Severity = Severity.ERROR, suggestions: tuple[str, ...] = ()) -> None:
        self.diagnostics.append(Diagnostic(code, message, span, severity, hint, suggestions))



    # --- what annotations, references and relation markers add to the graph ------------
    def use(self, kind: str, name: str, node: str | None, path: str | None, line: int, column: int,
            end_column: int) -> None:
        """Record a place where a name is written (see `Usage`)."""
        self.usage_kinds.append(kind)
        self.usage_names.append(name)
        self.usage_nodes.append(node)
        self.usage_paths.append(path)
        self.usage_positions.extend((line, column, end_column))

    def annotate(self, path: str | None, node_id: str, actors: tuple, tags: tuple, sources: tuple, meta: dict,
                 annotations: Annotations) -> tuple[tuple, tuple, tuple, dict]:
        """A node's actors, tags, sources and metadata with `annotations` (written in file
        `path`) added, each name once; every name written is recorded as a usage."""
        names = self.names
        line_no = annotations.line
        kinds, written, nodes, paths, positions = (self.usage_kinds, self.usage_names, self.usage_nodes,
                                                   self.usage_paths, self.usage_positions)
        for kind, name, column, end_column in annotations.items:
            name = names.setdefault(name, name)  # one string per name, however often it is written
            kinds.append(kind)  # self.use(…), inlined: a large map has tens of thousands
            written.append(name)
            nodes.append(node_id)
            paths.append(path)
            positions.extend((line_no, column, end_column))
            if kind == "actor":
                if name not in actors:
                    actors += (name,)
            elif kind == "tag":
                if name not in tags:
                    tags += (name,)
            elif name not in sources:
                sources += (name,)
        if annotations.metas:
            meta = dict(meta)
            for block in annotations.metas:
                self.merge_meta(path, meta, block)
        shared = self.shared  # many nodes have the same annotations: one tuple for them all
        return (shared.setdefault(actors, actors) if actors else (), shared.setdefault(tags, tags) if tags else (),
                shared.setdefault(sources, sources) if sources else (), meta)

    def annotated(self, path: str | None, node: Node, annotations: Annotations) -> Node:
        """`node` remade with more annotations (written on a later line)."""
        actors, tags, sources, meta = self.annotate(path, node.id, node.actors, node.tags, node.sources, node.meta,
                                                    annotations)
        return remake_node(node, actors=actors, tags=tags, sources=sources, meta=meta)

    def merge_meta(self, path: str | None, target: dict, block: MetaBlock) -> None:
        """Add a `{…}` block's values to `target`, reporting a block that could not be read
        and a key given twice with different values."""
        if block.error is not None:
            message, column = block.error
            self.report("bad-metadata", message, Span(path, block.line, column, block.line, column + 1),
                        "write metadata as {key: value, other: \"quoted text\"}; quote values holding , { } [ ] or \"")
            return
        for key, value in block.values.items():
            if key in target and target[key] != value:
                column, end_column = block.positions[key]
                self.report("duplicate-key", f"metadata key {key!r} is given twice with different values",
                            Span(path, block.line, column, block.line, end_column), "keep one value",
                            severity=Severity.WARNING)
            target[key] = value

    # --- what a node line defines or refers to, and the relation its marker makes ------
    def define(self, line: Line, text: str, line_span: Span, path: str | None,
               section: str | None) -> tuple[str, bool]:
        """The id of the node the line defines or refers to, and whether it refers (is not
        the definition). A definition makes the frozen node at once: continuation lines and
        later annotations, which are rare, make it again. `line_span` is the span of the
        line's entry; the node shares it where they are the same (a top-level node). The node
        belongs to `section`."""
        b = self
        kind = line.node
        if kind == "claim_ref" or kind == "argument_ref":
            node_id = line.ref
            defined = b.nodes.get(node_id)
            if defined is not None:
                node_id = defined.id  # one string for the id, however often it is referred to
            b.use("node", node_id, node_id, path, line.line, line.title_column, line.title_end)
            return node_id, True
        node_kind = NODE_KINDS.get(kind, NodeKind.CLAIM)
        node_id = line.ref
        if node_id is None:
            b.untitled += 1
            node_id = untitled_id(b.untitled)
            column, end_column = line.column, max(line.last_column, line.end_column)
        else:
            column, end_column = line.title_column, max(line.last_column, line.title_end)
        if column == line_span.column and end_column == line_span.end_column:
            span = line_span
        else:
            span = _span(path, line.line, column, line.line, end_column)
        existing = b.nodes.get(node_id)
        if existing is not None:
            node_id = existing.id
            if existing.kind is node_kind and existing.text == line.text:
                b.use("node", node_id, node_id, path, span.line, span.column, span.end_column)
                if line.annotations is not None:  # the same definition again, maybe with more annotations
                    b.nodes[node_id] = self.annotated(path, existing, line.annotations)
                return node_id, True
            b.report("duplicate-definition", f"{node_id} is already defined, with different text, at {existing.span}",
                     span, f"use {node_id} alone to refer to it, or give this node another title")
            return node_id, True
        if kind == "plain" and line.text[:1] in "[<":
            self.check_unclosed_title(line, span, text)
        actors = tags = sources = ()
        meta = EMPTY_META
        if line.annotations is not None:
            actors, tags, sources, meta = b.annotate(path, node_id, actors, tags, sources, meta, line.annotations)
        b.nodes[node_id] = _node(node_id, node_kind, line.text, actors, tags, sources, meta,
                                 section, span, ())
        return node_id, False

    def check_unclosed_title(self, line: Line, span: Span, text: str) -> None:
        """A plain text that starts with an unescaped `[` or `<`: most likely a title never closed."""
        written = text.lstrip(" \t")
        if line.marker is not None:
            written = written[len(line.marker):].lstrip(" \t")
            if written.startswith("{"):
                return  # relation metadata first; the text was checked by the grammar
        if written[:1] in ("[", "<"):
            closing = "]" if written[0] == "[" else ">"
            self.report("unclosed-title", f"this line starts with '{written[0]}' and has no '{closing}', so it is read as plain text",
                          span, f"close the title ({written[0]}Title{closing}: text), or write \\{written[0]} to start the text with it",
                          severity=Severity.WARNING)

    def relate(self, line: Line, parent: OpenParent, node_id: str, span: Span, path: str | None) -> str | None:
        """The relation the marker of `line` makes between the node `node_id` and `parent`
        (its id; None when there is none, after reporting why)."""
        b = self
        marker = line.marker
        meta: dict = EMPTY_META
        if line.relation_meta is not None:
            meta = {}
            self.merge_meta(path, meta, line.relation_meta)
        if marker == CO_PREMISE:
            # joins the sibling above; as a first child, joins its parent (docs/format.md's example)
            if parent.last_child_marker is None and parent.marker in CO_PREMISE_JOINS:
                sibling = b.relations.get(parent.relation or "")
            else:
                sibling = b.relations.get(parent.last_child_relation or "")
                if parent.last_child_marker not in CO_PREMISE_JOINS:
                    sibling = None
            if sibling is None:
                b.report("co-premise-without-sibling", "'&' joins a premise to the sibling above it, and there is none",
                         span, "put '&' lines right after a '+' or '-' sibling: '+ [A]' then '& [B]'")
                return None
            if sibling.group is None:
                b.groups += 1
                sibling = replace(sibling, group=group_id(b.groups))
                b.relations[sibling.id] = sibling
            return b.add_relation(sibling.kind, node_id, sibling.target, span, meta, sibling.group)
        meaning = MARKERS[marker]
        kind = meaning.kind
        if kind is RelationKind.UNDERCUT and meaning.inward:
            if parent.relation is not None and b.relations[parent.relation].kind is not RelationKind.REPHRASE:
                return b.add_relation(kind, node_id, parent.relation, span, meta)
            if parent.node.startswith("<"):  # an argument's own inference
                return b.add_relation(kind, node_id, parent.node, span, meta)
            if parent.relation is not None:  # a rephrase (`=`) is no inference
                b.report("undercut-without-inference",
                         f"'_' undercuts an inference, and {parent.node} restates its parent ('='): it draws none",
                         span, "a rephrase is no reason: attack the node with '-', or undercut a '+' or '-' line")
                return None
            above = b.relations.get(parent.last_child_relation or "")
            hint = ("put the undercut under a line that supports or attacks something, or use '-' to attack the claim itself"
                    if above is None or above.kind is RelationKind.REPHRASE else
                    f"to undercut the line above ({above.source} → {above.target}), indent this line under it")
            b.report("undercut-without-inference", f"'_' undercuts the inference from {parent.node} to its parent, "
                     "and it has none: '_' belongs under the line whose inference it undercuts", span, hint)
            return None
        if not meaning.inward:
            return b.add_relation(kind, parent.node, node_id, span, meta)
        return b.add_relation(kind, node_id, parent.node, span, meta)

    def declare(self, line: Line, table: dict, cls: type, what: str, path: str | None) -> None:
        """An actor or source line: its declaration in `table` (one per id)."""
        ident = line.ident or ""
        span = Span(path, line.line, line.ident_column, line.line, line.ident_end)
        meta = {}
        if line.annotations is not None:
            for block in line.annotations.metas:
                self.merge_meta(path, meta, block)
        if ident in table:
            self.report(f"duplicate-{what}", f"{what} {ident!r} is already declared at {table[ident].span}",
                          span, f"declare each {what} once")
        else:
            table[ident] = cls(ident, line.text, meta, span)

    def add_relation(self, kind: RelationKind, source: str, target: str, span: Span,
                     meta: dict, group: str | None = None) -> str:
        """A new relation (its id is `rN`, N counting from 1); its weight is read from `meta`."""
        relations = self.relations
        new_id = relation_id(len(relations) + 1)
        weight = meta.get("weight") if meta else None
        weight = float(weight) if isinstance(weight, (int, float)) and not isinstance(weight, bool) else None
        relations[new_id] = _relation(new_id, kind, source, target, group, weight, meta, span)
        return new_id

"""The graph under construction: nodes, relations, tables, usages, diagnostics; and `freeze`,
which resolves references and turns it into the `Map`.

argmap/outline.py fills a `GraphBuilder` line by line (one per parse, shared by included
files so ids stay unique).
"""

from __future__ import annotations

from array import array

from ..._speed.fast_init import maker, remaker
from ...errors import Diagnostic, Severity, Span, in_reading_order, suggest
from .lines import Annotations, MetaBlock
from ...model import (
    Actor,
    Map,
    Node,
    Relation,
    RelationKind,
    Section,
    Source,
    Usage,
    Usages,
)

#: a copy of a node with some fields changed (`dataclasses.replace`, faster)
remake_node = remaker(Node)
_relation = maker(Relation)


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

    def add_relation(self, kind: RelationKind, source: str, target: str, span: Span,
                     meta: dict, group: str | None = None) -> str:
        """A new relation (its id is `rN`, N counting from 1); its weight is read from `meta`."""
        relations = self.relations
        relation_id = f"r{len(relations) + 1}"
        weight = meta.get("weight") if meta else None
        weight = float(weight) if isinstance(weight, (int, float)) and not isinstance(weight, bool) else None
        relations[relation_id] = _relation(relation_id, kind, source, target, group, weight, meta, span)
        return relation_id


def freeze(b: GraphBuilder, path: str | None) -> Map:
    """Resolve references and finish the frozen model (every node is closed by now)."""
    nodes = b.nodes
    usages = Usages.from_columns(b.usage_kinds, b.usage_names, b.usage_nodes, b.usage_paths, b.usage_positions)
    references: dict[str, list[Span]] = {}
    for index, (kind, _) in enumerate(usages.kinds_and_names()):
        if kind == "node":
            usage = usages[index]
            node = nodes.get(usage.name)
            if node is None:
                _undefined(b, usage)
            else:
                span = usage.span
                if span != node.span:
                    references.setdefault(usage.name, []).append(span)
    for node_id, spans in references.items():
        nodes[node_id] = remake_node(nodes[node_id], references=tuple(spans))
    # a relation whose ends are not both there (an undefined node, a dropped relation) goes;
    # in place, as a copy of a large map's relations would raise the peak of memory
    relations = b.relations
    dropped: set[str] = set()
    for relation_id, r in relations.items():
        target = r.target
        if r.source not in nodes or (target not in nodes and (target not in relations or target in dropped)):
            dropped.add(relation_id)
    for relation_id in dropped:
        del relations[relation_id]
    diagnostics = in_reading_order(b.diagnostics, path)
    return Map(b.metadata, b.actors, b.sources, b.sections, nodes, relations, tuple(b.document),
               b.trailing, path, tuple(b.included), usages, tuple(diagnostics))


def _undefined(b: GraphBuilder, usage: Usage) -> None:
    name = usage.name
    bracket = name[0]
    titles = [n[1:-1] for n in b.nodes if n[0] == bracket]
    close = suggest(name[1:-1], titles)
    suggestions = tuple(f"{bracket}{t}{name[-1]}" for t in close)
    hint = f"did you mean {' or '.join(suggestions)}?" if suggestions else "define it somewhere with '" + name + ": text'"
    b.report("undefined-node", f"{name} is used but never defined", usage.span, hint, suggestions=suggestions)



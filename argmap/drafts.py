"""The graph under construction: node drafts, relations, tables, diagnostics; and `freeze`,
which resolves references and turns it into the frozen `Map`.

argmap/outline.py fills a `GraphBuilder` line by line (one per parse, shared by included
files so ids stay unique).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from .construct import maker
from .errors import Diagnostic, Severity, Span
from .model import EMPTY_META, Actor, Map, Node, NodeKind, Relation, Section, Source, Usage

_node = maker(Node)


@dataclass(slots=True)
class NodeDraft:
    """A node as its lines are read; frozen into a `Node` at the end. (Empty annotations
    stay the shared empty tuple and `meta` None until something is written: most nodes have
    few, and a map has many nodes.)"""

    id: str
    kind: NodeKind
    title: str | None
    lines: list[str]
    section: str | None
    span: Span
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    meta: dict | None = None

    def to_node(self, shared: dict[tuple, tuple]) -> Node:
        """The frozen node (annotation tuples shared through `shared`: many nodes have the same)."""
        lines = self.lines
        return _node(self.id, self.kind, self.title, lines[0] if len(lines) == 1 else "\n".join(lines),
                     shared.setdefault(self.actors, self.actors) if self.actors else (),
                     shared.setdefault(self.tags, self.tags) if self.tags else (),
                     shared.setdefault(self.sources, self.sources) if self.sources else (),
                     EMPTY_META if self.meta is None else self.meta, self.section, self.span, ())

    @classmethod
    def reopen(cls, node: Node) -> "NodeDraft":
        """A draft of a node already frozen (to add annotations written later)."""
        return cls(node.id, node.kind, node.title, node.text.split("\n"), node.section, node.span,
                   node.actors, node.tags, node.sources, dict(node.meta))


class GraphBuilder:
    """Everything read so far, for the whole map (the including file and its includes)."""

    def __init__(self, including: tuple[str, ...]) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.metadata: dict = {}
        self.actors: dict[str, Actor] = {}
        self.sources: dict[str, Source] = {}
        self.sections: dict[str, Section] = {}
        #: a node is a draft while its lines are read, then frozen (argmap/outline.py closes it)
        self.nodes: dict[str, NodeDraft | Node] = {}
        self.relations: dict[str, Relation] = {}
        self.groups = 0
        self.untitled = 0
        self.usages: list[Usage] = []
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



def freeze(b: GraphBuilder, path: str | None) -> Map:
    """Resolve references and finish the frozen model (every node is closed by now)."""
    nodes = b.nodes
    references: dict[str, list[Span]] = {}
    for usage in b.usages:
        if usage.kind == "node":
            node = nodes.get(usage.name)
            if node is None:
                _undefined(b, usage)
            else:
                span = usage.span
                if span != node.span:
                    references.setdefault(usage.name, []).append(span)
    for node_id, spans in references.items():
        nodes[node_id] = replace(nodes[node_id], references=tuple(spans))
    relations: dict[str, Relation] = {}
    for relation_id, r in b.relations.items():
        if r.source in nodes and (r.target in nodes or r.target in relations):
            relations[relation_id] = r
    diagnostics = sorted(b.diagnostics, key=lambda d: (d.span.path != path, d.span.path or "", d.span.line, d.span.column))
    return Map(b.metadata, b.actors, b.sources, b.sections, nodes, relations, tuple(b.document),
               b.trailing, path, tuple(b.included), tuple(b.usages), tuple(diagnostics))


def _undefined(b: GraphBuilder, usage: Usage) -> None:
    name = usage.name
    bracket = name[0]
    titles = [n[1:-1] for n in b.nodes if n[0] == bracket]
    close = difflib.get_close_matches(name[1:-1], titles, n=3, cutoff=0.6)
    suggestions = tuple(f"{bracket}{t}{name[-1]}" for t in close)
    hint = f"did you mean {' or '.join(suggestions)}?" if suggestions else "define it somewhere with '" + name + ": text'"
    b.report("undefined-node", f"{name} is used but never defined", usage.span, hint, suggestions=suggestions)



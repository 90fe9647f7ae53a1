"""The graph under construction: nodes, relations, tables, usages, diagnostics; and `freeze`,
which resolves references and turns it into the `Map`.

argmap/outline.py fills a `GraphBuilder` line by line (one per parse, shared by included
files so ids stay unique).
"""

from __future__ import annotations

import difflib

from .construct import remaker
from .errors import Diagnostic, Severity, Span
from .model import Actor, Map, Node, Relation, Section, Source, Usage

#: a copy of a node with some fields changed (`dataclasses.replace`, faster)
remake_node = remaker(Node)


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
    diagnostics = sorted(b.diagnostics, key=lambda d: (d.span.path != path, d.span.path or "", d.span.line, d.span.column))
    usages, b.usages = tuple(b.usages), []
    return Map(b.metadata, b.actors, b.sources, b.sections, nodes, relations, tuple(b.document),
               b.trailing, path, tuple(b.included), usages, tuple(diagnostics))


def _undefined(b: GraphBuilder, usage: Usage) -> None:
    name = usage.name
    bracket = name[0]
    titles = [n[1:-1] for n in b.nodes if n[0] == bracket]
    close = difflib.get_close_matches(name[1:-1], titles, n=3, cutoff=0.6)
    suggestions = tuple(f"{bracket}{t}{name[-1]}" for t in close)
    hint = f"did you mean {' or '.join(suggestions)}?" if suggestions else "define it somewhere with '" + name + ": text'"
    b.report("undefined-node", f"{name} is used but never defined", usage.span, hint, suggestions=suggestions)



"""AIF JSON -> model: AIFdb nodesets, OVA saves, xAIF and `argmap export --to aif`.

The graph may stand at the top level (AIFdb, argmap) or under `AIF` (OVA, xAIF;
`argmap.importers.aif_shape`). I-nodes become claims — questions when only asked (Pure
Questioning) — with their speakers, illocutions, locution timestamps and texts
(`argmap.importers.aif_dialogue`); RA, CA and MA nodes become supports, attacks, undercuts,
contradictions and rephrases, PA nodes preference metadata (`argmap.importers.aif_schemes`).
The `argmap` extension an argmap export carries restores what AIF has no place for
(`argmap.importers.aif_extension`). What is not kept — TA transitions, locutions that assert
nothing, unknown node types, dangling edges — is a warning with a stable code per kind
(`aif-transition-not-kept`, `aif-dangling-edge`, …) at its place in the file; the command line
summarises them one line per code.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from ..errors import Diagnostic, ImportFailed, Severity, Span
from ..model import Map, Node, NodeKind, Reconstruction, Relation
from .aif_dialogue import QUESTIONING, Dialogue, Said, one_or_list
from .aif_extension import BadExtension, Extension, read_extension
from .aif_schemes import Schemes, read_preferences
from .aif_shape import check_graph, find_graph
from .json import JsonPositions, reconstruction_problem

KNOWN_TYPES = frozenset({"I", "L", "RA", "CA", "MA", "PA", "TA", "YA"})


class _Reader:
    def __init__(self, graph: dict[str, Any], prefix: list[str], ext: object, text: str,
                 path: str | None) -> None:
        self.graph, self.prefix, self.path = graph, prefix, path
        self.positions = JsonPositions(text, path)
        self.warnings: list[Diagnostic] = []
        self.kind: dict[str, str] = {}
        self.text: dict[str, str] = {}
        self.raw: dict[str, dict] = {}
        self.where: dict[str, int] = {}
        self.into: dict[str, list[str]] = {}
        self.out: dict[str, list[str]] = {}
        self.ids: dict[str, str] = {}  # I-node id -> node id
        self.nodes: dict[str, Node] = {}
        self.ext = self.extension(ext)

    def warn(self, code: str, message: str, where: list[str | int]) -> None:
        span = self.positions.span([*self.prefix, *where] if where[:1] != ["argmap"] else where)
        self.warnings.append(Diagnostic(code, message, span, Severity.WARNING))

    def place(self, node: str) -> list[str | int]:
        return ["nodes", self.where[node]]

    def label(self, node_id: str) -> str:
        node = self.nodes.get(node_id)
        return node_id if node is None else node.label

    def extension(self, data: object) -> Extension | None:
        if data is None:
            return None
        try:
            return read_extension(data)
        except BadExtension as exc:
            self.warn("aif-bad-extension", f"the 'argmap' extension is not what argmap writes ({exc}); "
                      "it was ignored and the AIF graph read on its own", ["argmap"])
            return None

    def index(self) -> None:
        for index, item in enumerate(self.graph.get("nodes") or []):
            node = str(item["nodeID"])
            if node in self.kind:
                self.warn("aif-duplicate-node", f"node {node} is defined again; the second one was "
                          "left out", ["nodes", index])
                continue
            kind = str(item.get("type") or "")
            self.kind[node], self.text[node] = kind, str(item.get("text") or "")
            self.raw[node], self.where[node] = item, index
            if kind not in KNOWN_TYPES:
                self.warn("aif-unknown-node-type", f"node {node} has type {kind!r}, which is no AIF "
                          "node type (I, L, RA, CA, MA, PA, TA, YA); left out", ["nodes", index])
        seen: set[tuple[str, str]] = set()
        for index, edge in enumerate(self.graph.get("edges") or []):
            source, target = str(edge["fromID"]), str(edge["toID"])
            missing = [n for n in (source, target) if n not in self.kind]
            if missing:
                self.warn("aif-dangling-edge", f"edge {edge.get('edgeID', index)} joins {source} -> "
                          f"{target}, but there is no node {missing[0]}; left out", ["edges", index])
            elif (source, target) not in seen:
                seen.add((source, target))
                self.out.setdefault(source, []).append(target)
                self.into.setdefault(target, []).append(source)

    def read(self) -> Map:
        self.index()
        ext = self.ext or Extension()
        self.dialogue = Dialogue(self, ext.actors)
        self.dialogue.read()
        self.read_nodes(ext)
        relations, of_scheme = self.restored_relations(ext)
        taken = set(relations)
        counter = iter(range(1, 1 << 62))

        def new_id() -> str:
            while (rid := f"r{next(counter)}") in taken:
                pass
            taken.add(rid)
            return rid

        reconstructions, inference_nodes = self.restored_reconstructions(ext, relations)
        relations.update(Schemes(self, set(of_scheme) | inference_nodes, of_scheme, new_id).read())
        node_meta = {n: dict(node.meta) for n, node in self.nodes.items()}
        read_preferences(self, node_meta, relations, of_scheme)
        nodes = {n: node if node_meta[n] == node.meta else replace(node, meta=node_meta[n])
                 for n, node in self.nodes.items()}
        transitions = [n for n, k in self.kind.items() if k == "TA"]
        for ta in transitions:
            self.warn("aif-transition-not-kept", f"TA-node {ta} ({self.text[ta]!r}): the dialogue's "
                      "transitions between locutions have no place in argmap; left out", self.place(ta))
        used = {a for node in nodes.values() for a in node.actors} | self.dialogue.participants
        actors = {a: actor for a, actor in self.dialogue.actors.items() if a in used}
        return Map(metadata=ext.metadata, actors=actors, sources=ext.sources,
                   sections=ext.sections, nodes=nodes, relations=relations, reconstructions=reconstructions,
                   path=self.path, diagnostics=tuple(self.warnings))

    def read_nodes(self, ext: Extension) -> None:
        taken = {node.id for inode, node in ext.nodes.items() if self.kind.get(inode) == "I"}
        untitled = 0
        for inode, kind in self.kind.items():
            if kind != "I":
                continue
            if inode in ext.nodes:
                node = replace(ext.nodes[inode], text=self.text[inode], span=self.span(inode))
            else:
                node, untitled = self.native_node(inode, taken, untitled)
                taken.add(node.id)
            self.nodes[node.id], self.ids[inode] = node, node.id
        for inode, node in ext.nodes.items():
            if self.kind.get(inode) != "I":
                self.warn("aif-extension-stale", f"the extension names node {node.id} as I-node {inode}, "
                          "which the graph no longer has; left out", ["argmap"])

    def span(self, inode: str) -> Span:
        return self.positions.span([*self.prefix, "nodes", self.where[inode]])

    def native_node(self, inode: str, taken: set[str], untitled: int) -> tuple[Node, int]:
        item, said = self.raw[inode], self.dialogue.said.get(inode, Said())
        kind = NodeKind.CLAIM
        if said.illocutions and all(i in QUESTIONING for i in said.illocutions):
            kind = NodeKind.QUESTION
        if item.get("kind") in ("argument", "evidence", "question"):  # argmap's exports before 2026
            kind = NodeKind(item["kind"])
        title = item.get("title")
        ref = f"<{title}>" if kind is NodeKind.ARGUMENT else f"[{title}]"
        if not (isinstance(title, str) and title.strip() == title and title and ref not in taken
                and not any(c in title for c in "[]<>\n")):
            while f"_{untitled + 1}" in taken:
                untitled += 1
            untitled += 1
            ref, title = f"_{untitled}", None
        if kind is NodeKind.ARGUMENT and title is None:
            kind = NodeKind.CLAIM
        meta: dict = {}
        for key, values in (("illocution", said.illocutions), ("timestamp", said.timestamps),
                            ("locution", said.locutions)):
            if values:
                meta[key] = one_or_list(values)
        node = Node(ref, kind, title, self.text[inode], actors=tuple(said.actors), meta=meta,
                    span=self.span(inode))
        return node, untitled

    def restored_reconstructions(self, ext: Extension, relations: dict[str, Relation]
                                 ) -> tuple[dict[str, Reconstruction], set[str]]:
        """The extension's reconstructions that still match the graph — every inference written
        as an RA-node from its premises to its conclusion is still that — and those RA-nodes
        (which are then no relation of their own). A reconstruction that does not match is
        reported and left out; its RA-nodes are read as any other."""
        kept: dict[str, Reconstruction] = {}
        taken: set[str] = set()
        for index, (reconstruction, written) in enumerate(zip(ext.reconstructions, ext.inference_nodes)):
            problem = reconstruction_problem(reconstruction, self.nodes, relations)
            if problem is None:
                problem = next((p for i, ra in written.items()
                                if (p := self.inference_problem(reconstruction, i, ra)) is not None), None)
            if problem is not None:
                self.warn("aif-extension-stale", f"{problem}; the reconstruction is left out",
                          ["argmap", "reconstructions", index])
                continue
            kept[reconstruction.argument] = reconstruction
            taken.update(written.values())
        return kept, taken

    def inference_problem(self, reconstruction: Reconstruction, index: int, ra: str) -> str | None:
        """What no longer matches between inference `index` and the RA-node `ra` it was written as."""
        if not 0 <= index < len(reconstruction.inferences) or self.kind.get(ra) != "RA":
            return f"an inference of {reconstruction.argument} was written as RA-node {ra}, which the graph no longer has"
        inference = reconstruction.inferences[index]
        premises = {self.ids.get(n) for n in self.into.get(ra, []) if self.kind.get(n) == "I"}
        conclusions = [self.ids.get(n) for n in self.out.get(ra, []) if self.kind.get(n) == "I"]
        if premises != {reconstruction.statement(n) for n in inference.uses} or \
                conclusions != [reconstruction.statement(inference.conclusion)]:
            return (f"RA-node {ra}, an inference of {reconstruction.argument}, no longer joins the "
                    "statements it was written from and to")
        return None

    def restored_relations(self, ext: Extension) -> tuple[dict[str, Relation], dict[str, str]]:
        """The extension's relations whose scheme nodes and ends are all still there."""
        relations: dict[str, Relation] = {}
        of_scheme: dict[str, str] = {}
        written = {relation.id for relation, schemes in ext.relations
                   if all(self.kind.get(s) in ("RA", "CA", "MA") for s in schemes)}
        for relation, schemes in ext.relations:
            ends_known = relation.source in self.nodes and (
                relation.target in self.nodes or relation.target in written)
            if not ends_known or relation.id not in written:
                self.warn("aif-extension-stale", f"the extension's relation {relation.id} "
                          f"({relation.source} {relation.kind.value} {relation.target}) no longer "
                          "matches the graph; left out", ["argmap"])
                written.discard(relation.id)
                continue
            relations[relation.id] = relation
            for scheme in schemes:
                of_scheme.setdefault(scheme, relation.id)
        return relations, of_scheme


def _failed(path: str | None, message: str, diagnostics: tuple[Diagnostic, ...]) -> ImportFailed:
    return ImportFailed(f"{path or '<input>'}: {message}", diagnostics)


def read_aif(text: str, path: str | None = None) -> Map:
    """Read AIF JSON; raises ImportFailed when it is not JSON or not an AIF graph."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        span = Span(path, exc.lineno, exc.colno, exc.lineno, exc.colno + 1)
        raise _failed(path, "not valid JSON",
                      (Diagnostic("invalid-json", f"not valid JSON: {exc.msg}", span),)) from None
    found = find_graph(data)
    if found is None:
        span = Span(path, 1, 1, 1, 2)
        raise _failed(path, "not an AIF graph", (Diagnostic(
            "invalid-aif", "an AIF graph is an object with a 'nodes' list (AIFdb), or one under "
            "'AIF' (OVA, xAIF)", span),))
    graph, prefix = found
    positions = JsonPositions(text, path)
    problems = check_graph(graph)
    if problems:
        raise _failed(path, "not an AIF graph", tuple(
            Diagnostic("invalid-aif", message, positions.span([*prefix, *where]))
            for message, where in problems))
    ext = data.get("argmap") if isinstance(data, dict) else None
    try:
        return _Reader(graph, prefix, ext, text, path).read()
    except (KeyError, TypeError, AttributeError, ValueError) as exc:  # a shape check_graph missed
        span = Span(path, 1, 1, 1, 2)
        raise _failed(path, "not an AIF graph", (
            Diagnostic("invalid-aif", f"cannot read the AIF graph: {exc!r}", span),)) from None

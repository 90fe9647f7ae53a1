"""AIF JSON -> model (AIFdb, OVA and `argmap export --to aif` write it).

I-nodes become claims; an RA-node (inference) becomes one support per premise, linked as
co-premises when it has several; a CA-node (conflict) an attack, a contradiction when it is
named "Contradiction" (both directions fold into one), an undercut when it points at an RA-node
or is named "Undercut". Speakers come from locutions: an L-node asserting (YA) an I-node, whose
`personID` names a participant, makes that participant an actor of the claim. Nodes argmap has
no place for (MA rephrases, PA preferences, TA transitions, unanswered locutions) are reported
as warnings at their place in the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from ..errors import Diagnostic, ImportFailed, Severity, Span
from ..export.aif import CONTRADICTION, UNDERCUT
from ..model import Actor, Map, Node, NodeKind, Relation, RelationKind
from .json import JsonPositions


def _actor_id(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", name.strip().lower()).strip("-") or "speaker"
    base = base if re.match(r"[A-Za-z_]", base) else f"p-{base}"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


class _Reader:
    def __init__(self, data: dict[str, Any], text: str, path: str | None) -> None:
        self.data, self.path = data, path
        self.positions = JsonPositions(text, path)
        self.warnings: list[Diagnostic] = []
        self.kind: dict[str, str] = {}
        self.text: dict[str, str] = {}
        self.where: dict[str, int] = {}
        self.into: dict[str, list[str]] = {}
        self.out: dict[str, list[str]] = {}

    def warn(self, code: str, message: str, where: list[str | int]) -> None:
        self.warnings.append(
            Diagnostic(code, message, self.positions.span(where), Severity.WARNING)
        )

    def read(self) -> Map:
        for index, item in enumerate(self.data.get("nodes", [])):
            node_id = str(item["nodeID"])
            self.kind[node_id] = str(item.get("type", ""))
            self.text[node_id] = str(item.get("text", ""))
            self.where[node_id] = index
        for item in self.data.get("edges", []):
            source, target = str(item["fromID"]), str(item["toID"])
            self.out.setdefault(source, []).append(target)
            self.into.setdefault(target, []).append(source)
        nodes = self.read_nodes()
        relations = self.read_relations(nodes)
        actors = self.read_speakers(nodes)
        return Map(actors=actors, nodes=nodes, relations=relations, path=self.path,
                   diagnostics=tuple(self.warnings))

    def read_nodes(self) -> dict[str, Node]:
        self.ids: dict[str, str] = {}
        nodes: dict[str, Node] = {}
        untitled = 0
        for index, item in enumerate(self.data.get("nodes", [])):
            if item.get("type") != "I":
                continue
            title = item.get("title")
            kind = NodeKind(item["kind"]) if item.get("kind") in ("argument", "evidence") else NodeKind.CLAIM
            ref = f"<{title}>" if kind is NodeKind.ARGUMENT else f"[{title}]"
            if isinstance(title, str) and title and ref not in nodes:
                node_id = ref
            else:
                untitled += 1
                node_id, title = f"_{untitled}", None
            span = self.positions.span(["nodes", index])
            nodes[node_id] = Node(node_id, kind, title, str(item.get("text", "")),
                                  span=span)
            self.ids[str(item["nodeID"])] = node_id
        return nodes

    def read_relations(self, nodes: dict[str, Node]) -> dict[str, Relation]:
        relations: dict[str, Relation] = {}
        of_scheme: dict[str, str] = {}  # RA node -> its first relation id
        conflicts: list[str] = []

        def add(kind: RelationKind, source: str, target: str, group: str | None = None) -> str:
            relation_id = f"r{len(relations) + 1}"
            relations[relation_id] = Relation(relation_id, kind, source, target, group)
            return relation_id

        for scheme, kind in self.kind.items():
            where = ["nodes", self.where[scheme]]
            premises = [self.ids[n] for n in self.into.get(scheme, []) if n in self.ids]
            targets = self.out.get(scheme, [])
            if kind == "RA":
                group = f"g{scheme}" if len(premises) > 1 else None
                for target in targets:
                    if target not in self.ids:
                        self.warn("aif-unsupported", f"RA-node {scheme} concludes a non-I-node "
                                  f"{target}; argmap cannot hold that inference", where)
                        continue
                    for premise in premises:
                        rid = add(RelationKind.SUPPORT, premise, self.ids[target], group)
                        of_scheme.setdefault(scheme, rid)
            elif kind == "CA":
                conflicts.append(scheme)
            elif kind in ("MA", "PA", "TA"):
                self.warn("aif-unsupported", f"{kind}-node {scheme} ({self.text[scheme]!r}) has no "
                          "counterpart in argmap and was left out", where)
        folded: dict[frozenset[str], str] = {}  # contradiction ends -> its relation
        # conflicts with claims first, then those aimed at inferences and conflicts (undercuts),
        # repeated while one still waits for the scheme it attacks to become a relation
        waiting = conflicts
        while waiting:
            later = []
            for scheme in waiting:
                if not self.conflict(scheme, of_scheme, folded, add):
                    later.append(scheme)
            if len(later) == len(waiting):
                for scheme in later:
                    self.warn("aif-unsupported", f"CA-node {scheme} attacks something that is "
                              "neither a claim nor an inference; left out",
                              ["nodes", self.where[scheme]])
                break
            waiting = later
        return relations

    def conflict(self, scheme: str, of_scheme: dict[str, str],
                 folded: dict[frozenset[str], str], add) -> bool:
        """Read one CA-node into relations; False while what it attacks is not read yet."""
        premises = [self.ids[n] for n in self.into.get(scheme, []) if n in self.ids]
        targets = self.out.get(scheme, [])
        if any(t not in self.ids and t not in of_scheme for t in targets):
            return False
        for target in targets:
            for premise in premises:
                if target not in self.ids:
                    rid = add(RelationKind.UNDERCUT, premise, of_scheme[target])
                elif self.text[scheme] == CONTRADICTION:
                    pair = frozenset((premise, self.ids[target]))
                    rid = folded.get(pair) or add(RelationKind.CONTRADICTION, premise,
                                                  self.ids[target])
                    folded[pair] = rid
                elif self.text[scheme] == UNDERCUT:
                    rid = add(RelationKind.UNDERCUT, premise, self.ids[target])
                else:
                    rid = add(RelationKind.ATTACK, premise, self.ids[target])
                of_scheme.setdefault(scheme, rid)
        return True

    def read_speakers(self, nodes: dict[str, Node]) -> dict[str, Actor]:
        people: dict[str, Actor] = {}
        taken: set[str] = set()
        for person in self.data.get("participants", []):
            name = " ".join(
                str(person.get(k, "")).strip() for k in ("firstname", "surname")
            ).strip() or f"participant {person.get('participantID')}"
            ident = person.get("argmapID")
            if not isinstance(ident, str) or ident in taken or not re.fullmatch(r"[A-Za-z_][\w-]*", ident):
                ident = _actor_id(name, taken)
            taken.add(ident)
            people[str(person.get("participantID"))] = Actor(ident, name)
        said: dict[str, list[str]] = {}
        for index, locution in enumerate(self.data.get("locutions", [])):
            actor = people.get(str(locution.get("personID")))
            if actor is None:
                self.warn("aif-unknown-speaker", f"locution {locution.get('nodeID')} names no known "
                          "participant; its speaker was left out", ["locutions", index])
                continue
            for assertion in self.out.get(str(locution.get("nodeID")), []):
                for claim in self.out.get(assertion, []):
                    if claim in self.ids and actor.id not in said.setdefault(self.ids[claim], []):
                        said[self.ids[claim]].append(actor.id)
        for node_id, actor_ids in said.items():
            nodes[node_id] = replace(nodes[node_id], actors=tuple(actor_ids))
        return {actor.id: actor for actor in people.values()}


def read_aif(text: str, path: str | None = None) -> Map:
    """Read AIF JSON; raises ImportFailed when it is not JSON or not an AIF graph."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        span = Span(path, exc.lineno, exc.colno, exc.lineno, exc.colno + 1)
        raise ImportFailed(f"{path or '<input>'}: not valid JSON",
                           (Diagnostic("invalid-json", f"not valid JSON: {exc.msg}", span),)) from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        span = Span(path, 1, 1, 1, 2)
        raise ImportFailed(f"{path or '<input>'}: not an AIF graph", (
            Diagnostic("invalid-aif", "an AIF graph is an object with a 'nodes' list", span),))
    try:
        return _Reader(data, text, path).read()
    except (KeyError, TypeError, AttributeError) as exc:
        span = Span(path, 1, 1, 1, 2)
        raise ImportFailed(f"{path or '<input>'}: not an AIF graph", (
            Diagnostic("invalid-aif", f"cannot read the AIF graph: {exc!r}", span),)) from None

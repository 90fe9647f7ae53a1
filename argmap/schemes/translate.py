"""`analyze --critical-questions`: the map with each open critical question made explicit.

For every use of a known scheme that draws an inference (docs/analysis.md has an example):

* an open *exception* question becomes an implicit claim that undercuts each inference of
  the use: nothing answered that the exception does not hold, so the inference is in doubt;
* an open *premise* question becomes an implicit premise the inference needs — a co-premise
  of each of its reasons — that nothing supports, so it is not accepted (it is given the
  what-if status `rejected`): the inference stands only once the premise is shown;
* an open *assumption* question holds until it is asked: it changes nothing.

For a use on an inference line of a reconstruction the inference is that line's: an exception
question undercuts it (as a `_` written under its conclusion does), a premise question joins
the statements it uses, numbered just before its conclusion: the later statements move up by
one, and so do the names of their inferences in the analysis (`<A>(3)` becomes `<A>(4)`).

The implicit nodes are claims titled `CQ4 of <Argument>`, with the question as their text and
metadata `critical-question` (the question's id), `of` (the use) and `question-type`.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import (Inference, Map, Node, NodeKind, Reconstruction, Relation, RelationKind, group_id, node_ref,
                     relation_id)
from .catalogue import Catalogue
from .uses import Use, find_uses, map_catalogue

#: metadata keys of an implicit node
QUESTION_KEY, OF_KEY, TYPE_KEY = "critical-question", "of", "question-type"


def with_open_questions(m: Map, catalogue: Catalogue | None = None) -> Map:
    """`m` with an implicit node (and its relations) for each open exception and premise
    question of each use of a scheme (see the module doc); `m` itself when there is none."""
    if catalogue is None:
        catalogue = map_catalogue(m)[0]
    nodes, relations = dict(m.nodes), dict(m.relations)
    counter = _Counter(relations)
    groups = _Counter({r.group: None for r in relations.values() if r.group})
    reconstructions = dict(m.reconstructions)
    for use in find_uses(m, catalogue):
        if use.inference is not None:
            if use.scheme is not None:
                reconstructions[use.owner] = _question_inference(reconstructions[use.owner], use, nodes, relations,
                                                                 counter)
            continue
        reasons: dict[tuple[str, str], Relation] = {}  # one relation per reason (linked group)
        for r in (relations[i] for i in use.inferences if i in relations):
            reasons.setdefault((r.group or r.id, r.target), r)
        inferences = list(reasons.values())
        if use.scheme is None or not inferences:
            continue
        for question in use.open_questions():
            if question.type == "assumption":
                continue
            node = _implicit_node(nodes, use, question)
            nodes[node.id] = node
            for inference in inferences:
                if question.type == "exception":
                    rid = counter.next(relation_id)
                    relations[rid] = Relation(rid, RelationKind.UNDERCUT, node.id, inference.id)
                    continue
                inference = relations[inference.id]  # it may have joined a group meanwhile
                if inference.group is None:
                    inference = replace(inference, group=groups.next(group_id))
                    relations[inference.id] = inference
                rid = counter.next(relation_id)
                relations[rid] = Relation(rid, inference.kind, node.id, inference.target, inference.group)
    if len(nodes) == len(m.nodes):
        return m
    return replace(m, nodes=nodes, relations=relations, reconstructions=reconstructions)


def _question_inference(reconstruction: Reconstruction, use: Use, nodes: dict[str, Node],
                        relations: dict[str, Relation], counter: "_Counter") -> Reconstruction:
    """`reconstruction` with the open exception and premise questions of `use`, a use on its
    inference `use.inference`, made explicit (see the module doc); adds their nodes and undercuts."""
    for question in use.open_questions():
        if question.type == "assumption":
            continue
        node = _implicit_node(nodes, use, question)
        nodes[node.id] = node
        inference = reconstruction.inferences[use.inference]
        if question.type == "exception":
            rid = counter.next(relation_id)
            relations[rid] = Relation(rid, RelationKind.UNDERCUT, node.id, reconstruction.argument)
            inference = replace(inference, undercuts=(*inference.undercuts, rid))
            reconstruction = _replace_inference(reconstruction, use.inference, inference)
            continue
        reconstruction = _with_premise(reconstruction, use.inference, node.id)
    return reconstruction


def _replace_inference(reconstruction: Reconstruction, index: int, inference: Inference) -> Reconstruction:
    inferences = list(reconstruction.inferences)
    inferences[index] = inference
    return replace(reconstruction, inferences=tuple(inferences))


def _with_premise(reconstruction: Reconstruction, index: int, node_id: str) -> Reconstruction:
    """`reconstruction` with `node_id` a new statement used by inference `index`, numbered just
    before that inference's conclusion (the later statements move up by one)."""
    at = reconstruction.inferences[index].conclusion

    def moved(number: int) -> int:
        return number + 1 if number >= at else number

    inferences = [replace(i, uses=tuple(map(moved, i.uses)) + ((at,) if n == index else ()),
                          conclusion=moved(i.conclusion))
                  for n, i in enumerate(reconstruction.inferences)]
    statements = (*reconstruction.statements[:at - 1], node_id, *reconstruction.statements[at - 1:])
    spans = reconstruction.statement_spans
    if spans:
        spans = (*spans[:at - 1], spans[at - 1], *spans[at - 1:])
    return replace(reconstruction, statements=statements, inferences=tuple(inferences), statement_spans=spans)


def _implicit_node(nodes: dict[str, Node], use: Use, question) -> Node:  # noqa: ANN001 - a Question
    title = f"{question.id} of {use.label}"
    number = 1
    while node_ref(NodeKind.CLAIM, title) in nodes:
        number += 1
        title = f"{question.id} of {use.label} ({number})"
    meta: dict = {QUESTION_KEY: question.id, OF_KEY: use.label, TYPE_KEY: question.type}
    if question.type == "premise":
        meta["status"] = "rejected"
    return Node(node_ref(NodeKind.CLAIM, title), NodeKind.CLAIM, title, question.text, meta=meta)


class _Counter:
    """Fresh ids `r1`, `r2`, … (or `g1`, …) that `taken` does not hold."""

    def __init__(self, taken: dict) -> None:
        self.taken, self.number = set(taken), 0

    def next(self, make) -> str:  # noqa: ANN001 - relation_id or group_id
        while (ident := make(self.number + 1)) in self.taken:
            self.number += 1
        self.number += 1
        self.taken.add(ident)
        return ident

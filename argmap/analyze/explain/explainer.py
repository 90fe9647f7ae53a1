"""Explanations of one map's nodes, in the map's own words, as JSON (docs/analysis.md gives
the shape) — `text.py` turns them into lines for people.

`MapExplainer(map)` translates the map once; `explain(key, semantics)` resolves a node (a
`[Title]`, `<Title>`, id, bare title or inference id, with "did you mean" when there is none)
and explains it under `grounded`, `preferred` (credulous and sceptical) or `df-quad`.
Auxiliary arguments are named in words: `r12` is "the inference from [A] and [B] to [C]",
`not [P]` is "that [P] does not stand", `assume not [X]` "the assumption that [X] is rejected".
"""

from __future__ import annotations

from typing import Any, Mapping

from ...errors import UsageError, suggest
from ...model import Map, RelationKind, is_relation_id
from ..framework import Reason, translate
from ..gradual import GradualReason, df_quad
from .grounded import GroundedExplainer, Step

#: what `explain` takes as its semantics
EXPLAINED = ("grounded", "preferred", "df-quad")
DEFAULT_SCORE = 0.5
#: the kinds of argument an explanation names
NODE, INFERENCE, PREMISE, ASSUMPTION = "node", "inference", "premise", "assumption"


def _score(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return DEFAULT_SCORE  # as analysis does: check reports bad scores


def join(words: list[str]) -> str:
    """'[A]', '[A] and [B]', '[A], [B] and [C]'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class MapExplainer:
    """Explains the nodes (and inference arguments) of one map with `assumptions` applied."""

    def __init__(self, map_: Map, assumptions: Mapping[str, str] | None = None) -> None:
        self.map = map_
        self.mf = translate(map_, assumptions)
        self.af = self.mf.af
        #: inference id -> the reason it is the inference of
        self.reason_of: dict[str, Reason] = {}
        for reason in self.mf.reasons:
            if reason.inference and reason.inference not in self.reason_of:
                self.reason_of[reason.inference] = reason
        self._grounded: GroundedExplainer | None = None
        self._gradual: tuple | None = None

    # --- names ---------------------------------------------------------------------------
    def resolve(self, key: str) -> str:
        """The argument `key` names: a node id (`[T]`, `<T>`, `_N`), a bare title, an
        inference id (`r12`) or a relation id whose reason has an inference argument.
        Raises UsageError, with the nearest names, for anything else."""
        m = self.map
        key = key.strip()
        node = m.nodes.get(key) or m.node_by_title(key)
        if node is not None:
            if not self.is_argument(node.id):
                raise UsageError(f"{node.id} is a {node.kind.value}: it is no argument of the "
                                 "framework, so it has no status to explain")
            return node.id
        if key in self.mf.inferences:
            return key
        if is_relation_id(key) and key in m.relations:
            owning = [r.inference for r in self.mf.reasons if r.inference and key in r.relations
                      and self.reason_of.get(r.inference) is r]
            if owning:
                return owning[0]
            relation = m.relations[key]
            raise UsageError(f"{key} (the {relation.kind.value} from {relation.source}) has no "
                             f"inference argument of its own (only linked or undercut reasons "
                             f"have one): explain {relation.source} or its target")
        known = {n.casefold(): n for n in m.nodes}
        known.update({n.title.casefold(): n.id for n in m.nodes.values() if n.title})
        close = list(dict.fromkeys(known[c] for c in suggest(key.casefold(), list(known))))
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise UsageError(f"no node {key!r} in {m.path or 'the map'}{hint}")

    def is_argument(self, name: str) -> bool:
        """True when `name` is an argument of the framework (a question, say, is not)."""
        try:
            self.af.index(name)
        except KeyError:
            return False
        return True

    def kind(self, name: str) -> str:
        """`node`, `inference`, `premise` (`not p`) or `assumption` (`assume not X`)."""
        if name in self.map.nodes:
            return NODE
        if name in self.mf.inferences:
            return INFERENCE
        return ASSUMPTION if name.startswith("assume not ") else PREMISE

    def words(self, name: str) -> str:
        """An argument in words (a node by its reference, an inference by what it infers)."""
        node = self.map.nodes.get(name)
        if node is not None:
            if node.ref:
                return node.ref
            text = node.plain_text
            return f'{name} ("{text[:40]}…")' if len(text) > 40 else f'{name} ("{text}")'
        reason = self.reason_of.get(name)
        if reason is not None:
            return self._inference_words(reason)
        if name.startswith("assume not "):
            return f"the assumption that {self.words(name[len('assume not '):])} is rejected"
        if name.startswith("not "):
            return f"that {self.words(name[4:])} does not stand"
        return name

    def _inference_words(self, reason: Reason) -> str:
        premises = join([self.words(p) for p in reason.premises])
        target = self.words(reason.target)
        relation = self.map.relations.get(reason.relations[0]) if reason.relations else None
        kind = relation.kind if relation is not None else RelationKind.SUPPORT
        if kind is RelationKind.SUPPORT:
            return f"the inference from {premises} to {target}"
        if kind is RelationKind.UNDERCUT:
            return f"the undercut of {target} by {premises}"
        return f"the attack of {premises} on {target}"

    # --- explanations ----------------------------------------------------------------------
    def explain(self, key: str, semantics: str = "grounded", *, depth: int | None = None,
                timeout: float | None = None) -> dict[str, Any]:
        """The explanation of the node `key` names under `semantics` (one of EXPLAINED), as
        JSON: `node`, `words`, `semantics`, `status`, the semantics' own part, `summary`."""
        if semantics not in EXPLAINED:
            raise UsageError(f"unknown semantics {semantics!r}; explain one of {', '.join(EXPLAINED)}")
        name = self.resolve(key)
        result: dict[str, Any] = {"map": self.map.path, "node": name, "words": self.words(name),
                                  "semantics": semantics}
        if semantics == "grounded":
            grounded = self.grounded(name, depth)
            result["status"] = grounded["tree"]["status"]
            result["grounded"] = grounded
        elif semantics == "preferred":
            result.update(self.preferred(name, depth, timeout))
        else:
            result["status"] = None
            result["strength"] = self.strength(name)
        from .text import summary

        result["summary"] = summary(result, self.words)
        return result

    @property
    def grounded_explainer(self) -> GroundedExplainer:
        if self._grounded is None:
            self._grounded = GroundedExplainer(self.af)
        return self._grounded

    def grounded(self, name: str, depth: int | None = None) -> dict[str, Any]:
        """`{"tree": step, "cycle": [{argument, words}]}`: the grounded explanation of `name`."""
        explanation = self.grounded_explainer.explain(self.af.index(name), depth)
        cycle = [self.af.names[a] for a in explanation.cycle]
        return {"tree": self.step_json(explanation.root),
                "cycle": [{"argument": a, "words": self.words(a)} for a in cycle]}

    def step_json(self, root: Step) -> dict[str, Any]:
        """A step and everything under it as JSON (built without recursion)."""
        def shallow(step: Step) -> dict[str, Any]:
            name = self.af.names[step.argument]
            out: dict[str, Any] = {"argument": name, "kind": self.kind(name),
                                   "words": self.words(name), "status": step.status,
                                   "reason": step.reason, "children": []}
            if out["kind"] == PREMISE:
                premise = name[len("not "):]
                out["premise"] = {"argument": premise, "words": self.words(premise)}
            if step.truncated:
                out["truncated"] = True
            return out

        top = shallow(root)
        stack = [(root, top)]
        while stack:
            step, data = stack.pop()
            for child in step.children:
                child_data = shallow(child)
                data["children"].append(child_data)
                stack.append((child, child_data))
        return top

    def preferred(self, name: str, depth: int | None = None, timeout: float | None = None
                  ) -> dict[str, Any]:
        """`status` (sceptical, as `analyze` gives it), `credulous` and `sceptical` parts."""
        import time

        from .preferred import GROUNDED_ATTACK, NO_DEFENCE, credulous, sceptical

        af, names = self.af, self.af.names
        arg = af.index(name)
        deadline = None if timeout is None else time.monotonic() + timeout

        def left() -> float | None:
            return None if deadline is None else max(0.0, deadline - time.monotonic())

        attackers = self.grounded_explainer.attackers
        verdict = credulous(af, arg, left(), attackers)
        cred: dict[str, Any] = {"accepted": verdict.accepted, "decided": verdict.decided,
                                "witness": None, "least": verdict.least, "defence": [],
                                "why_not": verdict.why_not}
        if verdict.witness is not None:
            members = verdict.witness
            cred["witness"] = [names[a] for a in sorted(members)]
            for member in sorted(members):
                for attacker in attackers[member]:
                    answer = next(c for c in attackers[attacker] if c in members)
                    cred["defence"].append({"member": names[member], "attacker": names[attacker],
                                            "answered_by": names[answer]})
        if verdict.why_not == GROUNDED_ATTACK:
            cred["grounded"] = self.grounded(name, depth)
        if verdict.why_not == NO_DEFENCE:
            labels = self.grounded_explainer.labels
            cred["attackers"] = [
                {"attacker": names[b],
                 "answers": [{"argument": names[c], "grounded": labels[c],
                              "conflict": (c != arg and (arg in attackers[c] or c in attackers[arg]))
                              or c in attackers[c]} for c in attackers[b]]}
                for b in attackers[arg]]
        sc = sceptical(af, arg, left())
        scep: dict[str, Any] = {"accepted": sc.accepted, "decided": sc.decided,
                                "counterexample": None, "attacks_it": [], "met": sc.met}
        if sc.counterexample is not None:
            scep["counterexample"] = [names[a] for a in sorted(sc.counterexample)]
            scep["attacks_it"] = [names[b] for b in attackers[arg] if b in sc.counterexample]
            scep["beyond_grounded"] = [names[a] for a in sorted(sc.counterexample)
                                       if self.grounded_explainer.labels[a] != "in"]
        if sc.accepted and self.grounded_explainer.labels[arg] == "in":
            scep["grounded"] = self.grounded(name, depth)
        return {"status": sc.status, "credulous": cred, "sceptical": scep,
                "decided": verdict.decided and sc.decided}

    # --- DF-QuAD -------------------------------------------------------------------------
    def _gradual_graph(self) -> tuple:
        """(items, base scores, reasons, fixed, strengths, converged), as `analysis.strengths`
        builds them."""
        if self._gradual is None:
            mf, m = self.mf, self.map
            items = [*mf.node_ids, *mf.inferences]
            index = {item: i for i, item in enumerate(items)}
            base = [_score(m.nodes[n].meta.get("score")) for n in mf.node_ids]
            weights = {r.inference: r.weight for r in mf.reasons if r.inference}
            base.extend(weights[i] for i in mf.inferences)
            kept = [r for r in mf.reasons if r.target in index]
            reasons = [GradualReason(r.attack, tuple(index[p] for p in r.premises),
                                     index[r.target], index[r.inference] if r.inference else None,
                                     r.weight) for r in kept]
            fixed = {index[n]: 1.0 if v == "accepted" else 0.0 for n, v in mf.assumptions.items()}
            result = df_quad(base, reasons, fixed)
            self._gradual = (items, index, base, kept, reasons, fixed, result)
        return self._gradual

    def strength(self, name: str) -> dict[str, Any]:
        """How the DF-QuAD strength of node or inference `name` is made (module doc of
        `explain.gradual`)."""
        from .gradual import explain_strength

        items, index, base, kept, reasons, fixed, result = self._gradual_graph()
        item = index[name]
        got = explain_strength(item, base, reasons, result.values, fixed)
        contributions = []
        for c in got.contributions:
            reason = kept[c.reason]
            relation = self.map.relations.get(reason.relations[0]) if reason.relations else None
            contributions.append({
                "kind": "attack" if c.attack else "support",
                "relations": list(reason.relations),
                "relation_kind": relation.kind.value if relation is not None else None,
                "premises": list(reason.premises),
                "words": join([self.words(p) for p in reason.premises]),
                "inference": reason.inference,
                "inference_strength": (result.values[index[reason.inference]]
                                       if reason.inference else None),
                "weight": reason.weight,
                "value": c.value, "share": c.share, "effect": c.effect})
        return {"item": name, "strength": got.strength, "base": got.base,
                "attack": got.attack, "support": got.support, "fixed": got.fixed,
                "contributions": contributions, "recombined": got.recombined,
                "converged": item not in result.unsettled and result.converged}

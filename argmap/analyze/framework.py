"""From a map to a Dung argumentation framework (the attacks) and its bipolar part (the supports).

`Framework` is the abstract framework every semantics works on: arguments `0..n-1` with names,
attacks as two parallel integer arrays (compact enough for millions of attacks).

`translate(map)` builds a `MapFramework`: the `Framework` plus the `reasons` the gradual
semantics uses. How each construct maps (docs/analysis.md says the same with an example):

* every node is an argument, numbered in map order, except questions: a question asserts
  nothing, so it is no argument, and every relation into or out of a question is left out
  (with the undercuts of those relations); `analyze_map` gives a question the status
  `question`;
* a rephrase (`=`) is neither support nor attack: it is left out too (the two nodes keep
  their own statuses; `analyze_map` lists the rephrases of each node);
* an attack `a - b` is the attack a -> b; a contradiction is an attack each way;
* an undercut of a node (`_> <Arg>`) attacks that node;
* a *reason* is one relation, or the relations of one linked group (co-premises `&`);
* a reason that is linked or undercut gets an *inference argument* named by its first
  relation id (`r3`; `r3~` for the reverse direction of a contradiction). It is attacked by
  the undercutters and by `not p` for each premise p (`not p` is attacked by p alone, so it
  stands exactly when p is out), and, for an attack reason, attacks the target;
* supports add no attacks: they form the bipolar part used by DF-QuAD;
* a reconstruction (`(1) …`, `-- rule --`, `(3) …` under `<A>`) enters as its flattened
  supports: each inference is a linked reason from the statements it uses to the statement it
  concludes — the last one to the argument `<A>` itself, whose own relations carry it into
  the map — with an inference argument named `<A>(N)` (N: the statement it concludes), which an
  undercut written under that statement attacks (`reconstruction_reasons`);
* what-if assumptions: `accepted` removes every attack on the node; `rejected` adds an
  unattacked argument `assume not X` attacking it.
"""

from __future__ import annotations

import difflib
from array import array
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Sequence

from ..errors import UsageError
from ..model import Map, NodeKind, RelationKind, inference_name, is_relation_id

SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal")
#: what each relation kind is to the semantics: one of a reason's two sides, or nothing
#: (None: left out of the framework and of DF-QuAD). Every kind is listed (tests hold it).
ROLES: dict[RelationKind, str | None] = {
    RelationKind.SUPPORT: "support",
    RelationKind.ATTACK: "attack",
    RelationKind.UNDERCUT: "attack",
    RelationKind.CONTRADICTION: "attack",
    RelationKind.REPHRASE: None,
}
ATTACKING = tuple(kind for kind, role in ROLES.items() if role == "attack")
#: the node kinds that are no argument of the framework (they assert nothing)
NOT_ARGUMENTS = frozenset({NodeKind.QUESTION})


class Framework:
    """An abstract argumentation framework: named arguments `0..n-1` and attacks `(i, j)`."""

    __slots__ = ("names", "sources", "targets", "_index")

    def __init__(self, names: Sequence[str], attacks: Iterable[tuple[int, int]] = ()) -> None:
        self.names: list[str] = list(names)
        self.sources = array("i")
        self.targets = array("i")
        self._index: dict[str, int] | None = None
        for source, target in attacks:
            self.add_attack(source, target)

    @property
    def size(self) -> int:
        """The number of arguments."""
        return len(self.names)

    def add_attack(self, source: int, target: int) -> None:
        """Add the attack source -> target (indices must be arguments)."""
        self.sources.append(source)
        self.targets.append(target)

    def attacks(self) -> Iterator[tuple[int, int]]:
        """Every attack as a pair of argument indices, in insertion order."""
        return zip(self.sources, self.targets)

    def index(self, name: str) -> int:
        """The index of the argument called `name` (KeyError if there is none)."""
        if self._index is None:
            self._index = {n: i for i, n in enumerate(self.names)}
        return self._index[name]

    def __repr__(self) -> str:
        return f"Framework({self.names!r}, {list(self.attacks())!r})"

    def attackers(self) -> list[list[int]]:
        """For each argument, the arguments attacking it."""
        result: list[list[int]] = [[] for _ in self.names]
        for source, target in zip(self.sources, self.targets):
            result[target].append(source)
        return result


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for or against an item: linked premises, from one relation or linked group.

    `target` is a node id or an inference id; `inference` is this reason's own inference id
    when it has an inference argument; `weight` multiplies the relations' `weight` values.
    """

    attack: bool
    premises: tuple[str, ...]
    target: str
    relations: tuple[str, ...]
    weight: float = 1.0
    inference: str | None = None


@dataclass(frozen=True, slots=True)
class MapFramework:
    """A map as a framework: the Dung part (`af`) and the reasons for the bipolar part."""

    af: Framework
    node_ids: tuple[str, ...]
    reasons: tuple[Reason, ...]
    #: inference id -> its argument index in `af`
    inferences: dict[str, int]
    #: node id -> "accepted" / "rejected": the assumptions applied
    assumptions: dict[str, str] = field(default_factory=dict)
    #: the nodes that are no argument (questions), in map order
    questions: tuple[str, ...] = ()
    #: the relations left out (rephrases; relations into or out of a question, and their undercuts)
    left_out: tuple[str, ...] = ()


def left_out(map_: Map) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The nodes that are no argument (questions) and the relations the framework leaves
    out: those whose kind plays no role (rephrases), those into or out of a question, and
    undercuts of a relation left out (an undercut of nothing), in map order."""
    nodes = map_.nodes
    questions = tuple(n.id for n in nodes.values() if n.kind in NOT_ARGUMENTS)
    asking = set(questions)
    out: dict[str, None] = {}
    for relation in map_.relations.values():
        if ROLES[relation.kind] is None or relation.source in asking or relation.target in asking:
            out[relation.id] = None
    if out:
        undercuts = [r for r in map_.relations.values() if r.targets_relation and r.id not in out]
        grew = True
        while grew:  # an undercut of an undercut of a left-out relation …
            grew = False
            for relation in undercuts:
                if relation.target in out and relation.id not in out:
                    out[relation.id] = None
                    grew = True
    return questions, tuple(r for r in map_.relations if r in out)


def _reasons(map_: Map, skip: frozenset[str] = frozenset()) -> list[Reason]:
    """Group the relations (but those in `skip`) into reasons; undercuts of relations target
    inference ids."""
    groups: dict[str, list] = {}
    for relation in map_.relations.values():
        if relation.id in skip:
            continue
        key = relation.id if relation.group is None else f"group:{relation.group}"
        groups.setdefault(key, []).append(relation)
    undercut = {r.target for r in map_.relations.values() if r.kind is RelationKind.UNDERCUT and r.id not in skip}
    direct: list[Reason] = []
    by_relation: dict[str, list[str]] = {}  # relation id -> inference ids of its reasons
    for members in groups.values():
        first = members[0]
        weight = 1.0
        for member in members:
            weight *= 1.0 if member.weight is None else float(member.weight)
        relations = tuple(m.id for m in members)
        needs_inference = len(members) > 1 or any(rid in undercut for rid in relations)
        directions = [(tuple(m.source for m in members), first.target, "")]
        if first.kind is RelationKind.CONTRADICTION:
            directions = [((first.source,), first.target, ""), ((first.target,), first.source, "~")]
        for premises, target, suffix in directions:
            inference = first.id + suffix if needs_inference else None
            if inference:
                for rid in relations:
                    by_relation.setdefault(rid, []).append(inference)
            attack = first.kind in ATTACKING
            direct.append(Reason(attack, premises, target, relations, weight, inference))
    result: list[Reason] = []
    for reason in direct:
        if is_relation_id(reason.target):  # an undercut of a relation: hit its inferences
            for inference in by_relation.get(reason.target, ()):
                result.append(_retarget(reason, inference))
        else:
            result.append(reason)
    return result


def reconstruction_reasons(map_: Map) -> tuple[list[Reason], set[str]]:
    """The reasons of every reconstruction (see the module doc), and the ids of the undercut
    relations they take over (written under a statement, those relations target the argument)."""
    reasons: list[Reason] = []
    taken: set[str] = set()
    for argument, reconstruction in map_.reconstructions.items():
        last = len(reconstruction.statements)
        for inference in reconstruction.inferences:
            if not inference.uses:
                continue  # an inference with no premise: check reports it
            name = inference_name(argument, inference.conclusion)
            target = argument if inference.conclusion == last else reconstruction.statement(inference.conclusion)
            premises = tuple(dict.fromkeys(reconstruction.statement(n) for n in inference.uses))
            reasons.append(Reason(False, premises, target, (), 1.0, name))
            for rid in inference.undercuts:
                undercut = map_.relations.get(rid)
                if undercut is not None:
                    taken.add(rid)
                    weight = 1.0 if undercut.weight is None else float(undercut.weight)
                    reasons.append(Reason(True, (undercut.source,), name, (rid,), weight))
    return reasons, taken


def _retarget(reason: Reason, target: str) -> Reason:
    return Reason(reason.attack, reason.premises, target, reason.relations, reason.weight,
                  reason.inference)


def resolve_assumptions(map_: Map, assumptions: Mapping[str, str] | None) -> dict[str, str]:
    """`status:` metadata in the map, overridden by `assumptions` (title or node id -> value).
    A question is no argument: its `status:` is ignored.

    Raises ValueError naming the problem for an unknown node, a question, or a value other
    than accepted / rejected.
    """
    result: dict[str, str] = {}
    for node in map_.nodes.values():
        value = node.meta.get("status")
        if value in ("accepted", "rejected") and node.kind not in NOT_ARGUMENTS:
            result[node.id] = str(value)
    for key, value in (assumptions or {}).items():
        node = map_.nodes.get(key) or map_.node_by_title(key)
        if node is None:
            titles = {t.casefold(): t for t in map_.nodes}
            titles.update({n.title.casefold(): n.title for n in map_.nodes.values() if n.title})
            near = difflib.get_close_matches(key.casefold(), titles, n=1)
            hint = f"; did you mean {titles[near[0]]!r}?" if near else ""
            raise UsageError(f"no node with the title or id {key!r}{hint}")
        if value not in ("accepted", "rejected"):
            raise UsageError(f"{key!r}: assume 'accepted' or 'rejected', not {value!r}")
        if node.kind in NOT_ARGUMENTS:
            raise UsageError(f"{key!r} is a {node.kind.value}: it asserts nothing, so it cannot be assumed")
        result[node.id] = value
    return result


def translate(map_: Map, assumptions: Mapping[str, str] | None = None) -> MapFramework:
    """Build the framework of `map_` with the what-if `assumptions` applied (see module doc)."""
    assumed = resolve_assumptions(map_, assumptions)
    questions, skipped = left_out(map_)
    if questions:
        asking = set(questions)
        node_ids = tuple(n for n in map_.nodes if n not in asking)
    else:
        node_ids = tuple(map_.nodes)
    arguments = set(node_ids) if questions else map_.nodes
    reconstructed, taken = reconstruction_reasons(map_) if map_.reconstructions else ([], set())
    reasons = [r for r in _reasons(map_, frozenset(skipped) | taken) + reconstructed
               if all(p in arguments for p in r.premises)]
    names = list(node_ids)
    index = {name: i for i, name in enumerate(names)}

    def argument(name: str) -> int:
        if name not in index:
            index[name] = len(names)
            names.append(name)
        return index[name]

    inferences = {r.inference: argument(r.inference) for r in reasons if r.inference}
    edges: list[tuple[int, int]] = []
    for reason in reasons:
        if reason.target not in index:
            continue  # dangling reference: check reports it
        if reason.inference is None:
            if reason.attack:
                edges.append((index[reason.premises[0]], index[reason.target]))
            continue
        inference = index[reason.inference]
        for premise in reason.premises:
            negation = argument(f"not {premise}")
            edges.append((index[premise], negation))
            edges.append((negation, inference))
        if reason.attack:
            edges.append((inference, index[reason.target]))
    for node_id, value in assumed.items():
        if value == "rejected":
            edges.append((argument(f"assume not {node_id}"), index[node_id]))
    accepted = {index[n] for n, v in assumed.items() if v == "accepted"}
    af = Framework(names, (e for e in dict.fromkeys(edges) if e[1] not in accepted))
    return MapFramework(af, node_ids, tuple(reasons), inferences, assumed, questions, skipped)

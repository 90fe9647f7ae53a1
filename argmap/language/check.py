"""`check`: an ordered list of named checks, each `Map → diagnostics`, read top to bottom.

The first, `parse`, returns what reading the file found (syntax, indentation, structure,
references, includes: see read/nesting.py); the rest look at the model.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterator

from .._speed.gc import gc_paused
from ..errors import Diagnostic, Severity, Span, in_reading_order, suggest
from ..model import Map, Node, NodeKind, Relation, RelationKind, is_relation_id, repeated
from . import reconstruction_checks

Check = Callable[[Map], Iterator[Diagnostic]]


def parse_findings(m: Map) -> Iterator[Diagnostic]:
    """What the parser reported."""
    yield from m.diagnostics


def unknown_actors(m: Map) -> Iterator[Diagnostic]:
    """`@id` naming no declared actor."""
    yield from _unknown(m, "actor", m.actors, "@", "actor {name}: Display Name")


def unknown_sources(m: Map) -> Iterator[Diagnostic]:
    """`^id` naming no declared source."""
    yield from _unknown(m, "source", m.sources, "^", 'source {name}: "citation"')


def _unknown(m: Map, kind: str, known: dict, sigil: str, declaration: str) -> Iterator[Diagnostic]:
    names = list(known)
    usages = m.usages
    for index, (written_kind, name) in enumerate(usages.kinds_and_names()):
        if written_kind == kind and name not in known:
            usage = usages[index]
            close = suggest(usage.name, names)
            hint = (f"did you mean {' or '.join(sigil + c for c in close)}?" if close
                    else f"declare it: {declaration.format(name=usage.name)}")
            yield Diagnostic(f"unknown-{kind}", f"{sigil}{usage.name} is not a declared {kind}", usage.span,
                             hint=hint, suggestions=tuple(sigil + c for c in close))


def _unit_interval(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


_RANGE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*\.\.\s*(\d+(?:\.\d*)?|\.\d+)\s*")


def strength_range(value: object) -> tuple[float, float] | None:
    """`LOW..HIGH` (`0.4..0.7`, read as text) as two numbers, None unless 0 ≤ LOW ≤ HIGH ≤ 1."""
    found = _RANGE.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        return None
    low, high = float(found.group(1)), float(found.group(2))
    return (low, high) if 0.0 <= low <= high <= 1.0 else None


#: the semantics an expectation may name (argmap.analyze.SEMANTICS: the language does not
#: import analysis; tests/test_expect.py holds the two equal)
EXPECT_SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal")
#: the metadata keys that state an expected outcome (argmap.analyze.expect checks them)
EXPECT_KEYS = ("expect", "expect-strength")

# key -> (test, what it must be)
_NODE_KEYS: dict[str, tuple[Callable[[object], bool], str]] = {
    "weight": (_unit_interval, "a number from 0 to 1"),
    "score": (_unit_interval, "a number from 0 to 1"),
    "round": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0, "a whole number, 0 or more"),
    "status": (lambda v: v in ("accepted", "rejected"), "'accepted' or 'rejected'"),
    "url": (lambda v: isinstance(v, str), "text"),
    "expect": (lambda v: v in ("in", "out", "undec"), "'in', 'out' or 'undec'"),
    "expect-strength": (lambda v: strength_range(v) is not None, "a range LOW..HIGH of numbers from 0 to 1, LOW ≤ HIGH"),
    "expect-semantics": (lambda v: v in EXPECT_SEMANTICS, "one of " + ", ".join(EXPECT_SEMANTICS)),
}
#: front matter key -> (test, what it must be)
_MAP_KEYS = {"expect-semantics": _NODE_KEYS["expect-semantics"]}


def valid_value(key: str, value: object) -> bool:
    """True when `value` is valid for node metadata `key` (any value is, for a key without a meaning)."""
    rule = _NODE_KEYS.get(key)
    return rule is None or rule[0](value)


def has_expectations(m: Map) -> bool:
    """True when some node states an expected outcome (`expect`, `expect-strength`)."""
    return any(key in node.meta for node in m.nodes.values() if node.meta for key in EXPECT_KEYS)


def metadata_values(m: Map) -> Iterator[Diagnostic]:
    """Known metadata keys with a value of the wrong type or range."""
    def bad(owner: str, key: str, value: object, span: Span, what: str) -> Diagnostic:
        return Diagnostic("bad-metadata-value", f"{owner}: '{key}' is {value!r}, but must be {what}", span,
                          hint=f"write {{{key}: …}} with {what}")

    for node in m.nodes.values():
        if node.meta:  # most nodes have none
            for key, value in node.meta.items():
                rule = _NODE_KEYS.get(key)
                if rule and not rule[0](value):
                    yield bad(node.id, key, value, node.span, rule[1])
    for relation in m.relations.values():
        if "weight" in relation.meta and not _unit_interval(relation.meta["weight"]):
            yield bad("this relation", "weight", relation.meta["weight"], relation.span, "a number from 0 to 1")
        if "round" in relation.meta and not _NODE_KEYS["round"][0](relation.meta["round"]):
            yield bad("this relation", "round", relation.meta["round"], relation.span, _NODE_KEYS["round"][1])
    for key, (test, what) in _MAP_KEYS.items():
        if key in m.metadata and not test(m.metadata[key]):  # front matter: line 1 opens it
            yield bad("the front matter", key, m.metadata[key], Span(m.path, 1, 1, 1, 4), what)
    for owner in list(m.actors.values()) + list(m.sources.values()):
        value = owner.meta.get("url")
        if "url" in owner.meta and not isinstance(value, str):
            yield bad(owner.id, "url", value, owner.span, "text")


def self_relations(m: Map) -> Iterator[Diagnostic]:
    """A node that supports, contradicts or rephrases itself, or undercuts its own inference
    (errors); a node that attacks itself (a warning: abstract argumentation gives it a meaning,
    an argument that defeats itself, and ICCMA instances hold many)."""
    relations = m.relations
    for r in relations.values():
        target = r.target
        if target in relations:  # an undercut of a relation: the inference drawn from its source
            target = relations[target].source
        if r.source != target:
            continue
        if r.kind is RelationKind.ATTACK:
            yield Diagnostic("self-attack", f"{r.source} attacks itself: no semantics accepts it", r.span,
                             Severity.WARNING, "if it is not a paradox, attack another node")
            continue
        what = "undercuts its own inference" if r.kind is RelationKind.UNDERCUT else f"{r.kind.value}s itself"
        yield Diagnostic("self-relation", f"{r.source} {what}", r.span,
                         hint="a node cannot be its own reason or objection; relate it to another node")


def conflicting_relations(m: Map) -> Iterator[Diagnostic]:
    """One node both supporting and attacking (or contradicting) the same node."""
    support, attack = RelationKind.SUPPORT, RelationKind.ATTACK
    # a table of every source would be the largest thing check makes (2.6 MB at 50,000
    # nodes); the sources are taken in slices by hash instead, so each table stays small
    slices = 1 + len(m.relations) // _SOURCES_PER_SLICE
    conflicting: dict[str, tuple[str, str, str]] = {}  # relation id → (source, "attacks" | …, target)
    for part in range(slices):
        first: dict[str, Relation] = {}  # each source's first support or attack
        several: dict[str, list[Relation]] = {}  # all of them, for the few sources with more than one
        for r in m.relations.values():
            if (r.kind is not support and r.kind is not attack) or (slices > 1 and hash(r.source) % slices != part):
                continue
            earlier = first.setdefault(r.source, r)
            if earlier is r:
                continue
            others = several.setdefault(r.source, [earlier])
            if any(o.target == r.target and o.kind is not r.kind for o in others):
                conflicting[r.id] = (r.source, "attacks", r.target)
            others.append(r)
    conflicting.update(_contradicting_supports(m))
    for r in m.relations.values() if conflicting else ():  # in written order
        if r.id in conflicting:
            source, verb, target = conflicting[r.id]
            yield Diagnostic("support-and-attack", f"{source} both supports and {verb} {target}", r.span,
                             Severity.WARNING, "split the node into the part that supports and the part that attacks")


def _contradicting_supports(m: Map) -> dict[str, tuple[str, str, str]]:
    """The supports and contradictions (ids → source, verb, target) that meet an earlier one of
    the other kind between the same two nodes: a contradiction attacks both ways. Only maps with
    contradictions make the tables (of supports and contradictions alone)."""
    contradiction, support = RelationKind.CONTRADICTION, RelationKind.SUPPORT
    if not any(r.kind is contradiction for r in m.relations.values()):
        return {}
    supports: set[tuple[str, str]] = set()
    contradicted: set[tuple[str, str]] = set()
    found: dict[str, tuple[str, str, str]] = {}
    for r in m.relations.values():
        if r.kind is support:
            if (r.source, r.target) in contradicted:
                found[r.id] = (r.source, "contradicts", r.target)
            supports.add((r.source, r.target))
        elif r.kind is contradiction:
            for source, target in ((r.source, r.target), (r.target, r.source)):
                if (source, target) in supports and r.id not in found:
                    found[r.id] = (source, "contradicts", target)
            contradicted.update(((r.source, r.target), (r.target, r.source)))
    return found


def repeated_relations(m: Map) -> Iterator[Diagnostic]:
    """The same relation written twice: it counts once in every other format (Argdown, AIF's
    readers, a framework), and is most often a line pasted twice."""
    for earlier, r in repeated(m.relations.values()):
        line = f" (line {earlier.span.line})" if earlier.span.line else ""
        what = "the same inference" if r.kind is RelationKind.UNDERCUT else r.target
        yield Diagnostic("repeated-relation", f"{r.source} {r.kind.value}s {what} a second time{line}",
                         r.span, Severity.WARNING, "remove the repeated line")


#: how many relations one slice of `conflicting_relations` looks at, about
_SOURCES_PER_SLICE = 32768


def empty_undercuts(m: Map) -> Iterator[Diagnostic]:
    """`_> X` where X draws no inference that could be undercut; an undercut of a rephrase
    (which the language cannot write, but an import can hold): a rephrase infers nothing."""
    undercut = RelationKind.UNDERCUT
    relations = m.relations
    for r in relations.values():
        restated = relations.get(r.target) if r.kind is undercut else None
        if restated is not None and restated.kind is RelationKind.REPHRASE:
            yield Diagnostic("empty-undercut",
                             f"{restated.source} restates {restated.target}, which draws no inference to undercut",
                             r.span, Severity.WARNING, "attack one of the nodes instead")
    of_nodes = [r for r in m.relations.values() if r.kind is undercut and not is_relation_id(r.target)]
    if not of_nodes:
        return
    targets = {r.target for r in of_nodes}
    inferring = {r.source for r in m.relations.values() if r.kind is not undercut and r.source in targets}
    for r in of_nodes:
        if r.target not in inferring:
            yield Diagnostic("empty-undercut", f"{r.target} supports or attacks nothing, so there is no inference to undercut",
                             r.span, Severity.WARNING, "attack the node with '->' instead, or give it a conclusion")


def evidence_sources(m: Map) -> Iterator[Diagnostic]:
    """Evidence that cites no source (a warning: it may be common knowledge)."""
    for node in m.nodes.values():
        if node.kind is NodeKind.EVIDENCE and not node.sources:
            yield Diagnostic("evidence-without-source", f"evidence {_name(node)} cites no source", node.span,
                             Severity.WARNING, "add ^source (declared with: source ID: \"citation\")")


#: the relations a reason makes: a question, which asserts nothing, cannot make them
_REASONS = (RelationKind.SUPPORT, RelationKind.ATTACK, RelationKind.UNDERCUT, RelationKind.CONTRADICTION)


def questions_as_reasons(m: Map) -> Iterator[Diagnostic]:
    """A question that supports, attacks or undercuts something, or contradicts (either end):
    a question asserts nothing, so analysis leaves such relations out (docs/analysis.md)."""
    nodes = m.nodes
    question = NodeKind.QUESTION
    if not any(node.kind is question for node in nodes.values()):
        return
    for r in m.relations.values():
        if r.kind not in _REASONS:
            continue
        ends = (r.source, r.target) if r.kind is RelationKind.CONTRADICTION else (r.source,)
        asking = next((n for n in ends if n in nodes and nodes[n].kind is question), None)
        if asking is not None:
            yield Diagnostic("question-as-reason",
                             f"{_name(nodes[asking])}: a question asserts nothing; it cannot support or attack",
                             r.span, Severity.WARNING,
                             "write the claim the question stands for, or relate the two with '=' (a rephrase)")


def unused_declarations(m: Map) -> Iterator[Diagnostic]:
    """Actors and sources declared but never used (often a typo in the @ or ^)."""
    used = set(m.usages.kinds_and_names())
    for kind, table in (("actor", m.actors), ("source", m.sources)):
        for ident, item in table.items():
            if (kind, ident) not in used:
                yield Diagnostic(f"unused-{kind}", f"{kind} {ident!r} is declared but never used", item.span,
                                 Severity.WARNING, f"attribute a node with {'@' if kind == 'actor' else '^'}{ident}, or remove the declaration")


def schemes(m: Map) -> Iterator[Diagnostic]:
    """Argumentation schemes and their critical questions (argmap.schemes.check), for maps
    that name a scheme or answer a question."""
    from ..schemes.uses import uses_schemes

    if uses_schemes(m):
        from ..schemes.check import scheme_findings

        yield from scheme_findings(m)


def _name(node: Node) -> str:
    return node.id if node.title is not None else repr(node.plain_text[:40])


#: the checks, in the order they run
CHECKS: list[tuple[str, Check]] = [
    ("parse", parse_findings),
    ("unknown-actors", unknown_actors),
    ("unknown-sources", unknown_sources),
    ("metadata-values", metadata_values),
    ("self-relations", self_relations),
    ("conflicting-relations", conflicting_relations),
    ("repeated-relations", repeated_relations),
    ("empty-undercuts", empty_undercuts),
    ("evidence-sources", evidence_sources),
    ("questions-as-reasons", questions_as_reasons),
    ("unused-declarations", unused_declarations),
    ("schemes", schemes),
    ("unused-premises", reconstruction_checks.unused_premises),
    ("circular-reconstructions", reconstruction_checks.circular_reconstructions),
    ("unbacked-relations", reconstruction_checks.unbacked_relations),
    ("unrelated-conclusions", reconstruction_checks.unrelated_conclusions),
]


def check(m: Map, *, skip: frozenset[str] = frozenset()) -> list[Diagnostic]:
    """Every diagnostic for the map in reading order (file, line, column); at one place, parse
    findings first, then each check's in `CHECKS` order."""
    found: list[Diagnostic] = []
    with gc_paused():  # the checks make many short-lived objects and no cycles
        for name, run in CHECKS:
            if name not in skip:
                found.extend(run(m))
    return in_reading_order(found, m.path)

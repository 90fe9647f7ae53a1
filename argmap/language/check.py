"""`check`: an ordered list of named checks, each `Map → diagnostics`, read top to bottom.

The first, `parse`, returns what reading the file found (syntax, indentation, structure,
references, includes: see read/nesting.py); the rest look at the model.
"""

from __future__ import annotations

from typing import Callable, Iterator

from .._speed.gc import gc_paused
from ..errors import Diagnostic, Severity, Span, in_reading_order, suggest
from ..model import Map, Node, NodeKind, Relation, RelationKind, is_relation_id

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


# key -> (test, what it must be)
_NODE_KEYS: dict[str, tuple[Callable[[object], bool], str]] = {
    "weight": (_unit_interval, "a number from 0 to 1"),
    "score": (_unit_interval, "a number from 0 to 1"),
    "round": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0, "a whole number, 0 or more"),
    "status": (lambda v: v in ("accepted", "rejected"), "'accepted' or 'rejected'"),
    "url": (lambda v: isinstance(v, str), "text"),
}


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
    for owner in list(m.actors.values()) + list(m.sources.values()):
        value = owner.meta.get("url")
        if "url" in owner.meta and not isinstance(value, str):
            yield bad(owner.id, "url", value, owner.span, "text")


def self_relations(m: Map) -> Iterator[Diagnostic]:
    """A node that supports, attacks or contradicts itself, or undercuts its own inference."""
    relations = m.relations
    for r in relations.values():
        target = r.target
        if target in relations:  # an undercut of a relation: the inference drawn from its source
            target = relations[target].source
        if r.source == target:
            what = "undercuts its own inference" if r.kind is RelationKind.UNDERCUT else f"{r.kind.value}s itself"
            yield Diagnostic("self-relation", f"{r.source} {what}", r.span,
                             hint="a node cannot be its own reason or objection; relate it to another node")


def conflicting_relations(m: Map) -> Iterator[Diagnostic]:
    """One node both supporting and attacking the same target."""
    support, attack = RelationKind.SUPPORT, RelationKind.ATTACK
    # a table of every source would be the largest thing check makes (2.6 MB at 50,000
    # nodes); the sources are taken in slices by hash instead, so each table stays small
    slices = 1 + len(m.relations) // _SOURCES_PER_SLICE
    conflicting: set[str] = set()
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
                conflicting.add(r.id)
            others.append(r)
    for r in m.relations.values() if conflicting else ():  # in written order
        if r.id in conflicting:
            yield Diagnostic("support-and-attack", f"{r.source} both supports and attacks {r.target}", r.span,
                             Severity.WARNING, "split the node into the part that supports and the part that attacks")


#: how many relations one slice of `conflicting_relations` looks at, about
_SOURCES_PER_SLICE = 32768


def empty_undercuts(m: Map) -> Iterator[Diagnostic]:
    """`_> X` where X draws no inference that could be undercut."""
    undercut = RelationKind.UNDERCUT
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


def unused_declarations(m: Map) -> Iterator[Diagnostic]:
    """Actors and sources declared but never used (often a typo in the @ or ^)."""
    used = set(m.usages.kinds_and_names())
    for kind, table in (("actor", m.actors), ("source", m.sources)):
        for ident, item in table.items():
            if (kind, ident) not in used:
                yield Diagnostic(f"unused-{kind}", f"{kind} {ident!r} is declared but never used", item.span,
                                 Severity.WARNING, f"attribute a node with {'@' if kind == 'actor' else '^'}{ident}, or remove the declaration")


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
    ("empty-undercuts", empty_undercuts),
    ("evidence-sources", evidence_sources),
    ("unused-declarations", unused_declarations),
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

"""Where a map uses a scheme, and which of its critical questions the map answers.

A *use* of a scheme is an argument (any node) with `{scheme: NAME}`: its inferences are the
supports and attacks it gives, its premises the nodes that support it and its co-premises. A
relation with `{scheme: NAME}` (as AIF imports write them) is a use too when the catalogue
knows NAME: its inference is that relation (with its linked group), its premises their
sources. AIF's generic names ("Default Inference") and names the catalogue does not know stay
plain relation metadata. An inference line of a reconstruction with `{scheme: NAME}` is a use
too: its premises are the statements it uses, and it is named `<A>(N)` after the statement N
it concludes, as the analysis names it.

A question is *answered* by a relation into the use — into the argument, one of its premises
or one of its inferences (an undercut; for an inference line, one written under its
conclusion, or a relation into that conclusion) — when the relation's `{answers: CQ3}` (or the
`answers` of the node it comes from) names it: an answer that supports *defends* the
argument against the question, one that attacks, undercuts or contradicts *raises* it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from ..errors import Span
from ..model import Map, Node, Reconstruction, Relation, RelationKind, inference_name
from .catalogue import Catalogue, CatalogueError, Scheme, builtin, question_number, read_file

#: the metadata keys of schemes: which scheme a use names, which questions a node answers
SCHEME_KEY, ANSWERS_KEY, CATALOGUE_KEY = "scheme", "answers", "schemes"
OPEN, DEFENDED, RAISED = "open", "defended", "raised"
_INFERRING = (RelationKind.SUPPORT, RelationKind.ATTACK)


@dataclass(frozen=True, slots=True)
class Answer:
    """`node` answers question `question` (`CQ3`) through `relation`; `raised` when it attacks."""

    question: str
    node: str
    relation: str
    raised: bool


@dataclass(frozen=True, slots=True)
class Use:
    """One use of a scheme: `owner` is the argument's node id or the relation's id; for an
    inference line, `owner` is its argument and `inference` its index in the reconstruction."""

    owner: str
    #: the `scheme` value as written (check reports one that is no name)
    name: object
    scheme: Scheme | None
    inferences: tuple[str, ...]
    premises: tuple[str, ...]
    answers: tuple[Answer, ...]
    actors: tuple[str, ...]
    span: Span
    inference: int | None = None
    #: how messages name the use: `owner`, or `<A>(N)` for an inference line
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.owner)

    def status(self, question: str) -> str:
        """`open`, `defended` (only supporting answers) or `raised` (some answer attacks)."""
        mine = [a for a in self.answers if a.question == question]
        return OPEN if not mine else RAISED if any(a.raised for a in mine) else DEFENDED

    def open_questions(self) -> list:
        """The questions of the scheme nothing answers, in order."""
        return [] if self.scheme is None else [q for q in self.scheme.questions if self.status(q.id) == OPEN]


def answered(value: object) -> list[str] | None:
    """The question ids an `answers` value names (`CQ3`, `[CQ1, CQ3]`), None if it is no such value."""
    items = value if isinstance(value, list) else [value]
    numbers = [question_number(v) if isinstance(v, (str, int)) else None for v in items]
    return None if not items or None in numbers else [f"CQ{n}" for n in numbers]


def uses_schemes(m: Map) -> bool:
    """True when the map names a scheme, answers a question or adds a catalogue (cheap)."""
    keys = (SCHEME_KEY, ANSWERS_KEY)
    return (CATALOGUE_KEY in m.metadata
            or any(k in node.meta for node in m.nodes.values() if node.meta for k in keys)
            or any(k in r.meta for r in m.relations.values() if r.meta for k in keys)
            or any(SCHEME_KEY in i.meta for r in m.reconstructions.values() for i in r.inferences))


def catalogue_paths(m: Map) -> tuple[list[str], list[str]]:
    """The front matter's catalogue files (`schemes: a.toml` or a list), resolved against the
    map's folder, and the complaints about entries that are not a file name or leave the folder."""
    value = m.metadata.get(CATALOGUE_KEY)
    names = [] if value is None else value if isinstance(value, list) else [value]
    base = os.path.dirname(os.path.abspath(m.path)) if m.path and m.path != "-" else os.getcwd()
    paths, problems = [], []
    for name in names:
        if not isinstance(name, str) or not name.strip():
            problems.append(f"'{CATALOGUE_KEY}' must name catalogue files, not {name!r}")
            continue
        target = os.path.realpath(os.path.join(base, name))
        if os.path.isabs(name) or os.path.commonpath([target, os.path.realpath(base)]) != os.path.realpath(base):
            problems.append(f"catalogue {name!r} leaves the folder of the map (as an include may not)")
            continue
        paths.append(target)
    return paths, problems


@lru_cache(maxsize=32)
def _file(path: str, stamp: tuple[int, int]) -> tuple:
    return tuple(read_file(path))


def map_catalogue(m: Map) -> tuple[Catalogue, list[str]]:
    """The shipped catalogue plus the map's own files, and what is wrong with those (each
    problem a message; a file with a problem is left out)."""
    found = builtin()
    paths, problems = catalogue_paths(m)
    for path in paths:
        try:
            info = os.stat(path)
            found = found.adding(list(_file(path, (info.st_mtime_ns, info.st_size))))
        except FileNotFoundError:
            problems.append(f"{path}: no such catalogue file")
        except (OSError, CatalogueError) as exc:
            problems.append(str(exc))
    return found, problems


def _related(m: Map) -> dict[str, list[Relation]]:
    """Node or relation id -> the relations aimed at it (a contradiction at both of its ends)."""
    into: dict[str, list[Relation]] = {}
    for r in m.relations.values():
        into.setdefault(r.target, []).append(r)
        if r.kind is RelationKind.CONTRADICTION:
            into.setdefault(r.source, []).append(r)
    return into


def find_uses(m: Map, catalogue: Catalogue) -> list[Use]:
    """Every use of a scheme in the map, arguments first, in map order."""
    into = _related(m)
    groups: dict[str, list[Relation]] = {}
    drawn: dict[str, list[Relation]] = {}  # node id -> the supports and attacks it gives
    for r in m.relations.values():
        if r.group is not None:
            groups.setdefault(r.group, []).append(r)
        if r.kind in _INFERRING:
            drawn.setdefault(r.source, []).append(r)

    def reason(r: Relation) -> list[Relation]:
        return [g for g in groups[r.group] if g.target == r.target] if r.group is not None else [r]

    found: list[Use] = []
    for node in m.nodes.values():
        name = node.meta.get(SCHEME_KEY) if node.meta else None
        if name is not None:
            inferences = drawn.get(node.id, [])
            members = [g for r in inferences for g in reason(r)]
            premises = [r.source for r in into.get(node.id, ()) if r.kind is RelationKind.SUPPORT]
            premises += [g.source for g in members if g.source != node.id]
            found.append(_use(m, node.id, name, catalogue, inferences, members, premises, node.actors, node.span,
                              into))
        if node.id in m.reconstructions:
            found += _inference_uses(m, node, m.reconstructions[node.id], catalogue, into)
    done: set[str] = set()
    for r in m.relations.values():
        name = r.meta.get(SCHEME_KEY) if r.meta else None
        if name is None or r.kind not in _INFERRING or catalogue.find(name) is None or r.id in done:
            continue
        members = reason(r)
        done.update(g.id for g in members)
        actors = tuple(dict.fromkeys(a for g in members if g.source in m.nodes for a in m.nodes[g.source].actors))
        found.append(_use(m, r.id, name, catalogue, members, members, [g.source for g in members], actors,
                          r.span, into))
    return found


def _inference_uses(m: Map, argument: Node, reconstruction: Reconstruction, catalogue: Catalogue,
                    into: dict[str, list[Relation]]) -> list[Use]:
    """The uses of schemes the inference lines of `argument`'s reconstruction make."""
    found = []
    for index, inference in enumerate(reconstruction.inferences):
        name = inference.meta.get(SCHEME_KEY)
        if name is None:
            continue
        premises = list(dict.fromkeys(reconstruction.statement(n) for n in inference.uses))
        conclusion = reconstruction.statement(inference.conclusion)
        aimed = [r for target in (*premises, conclusion) for r in into.get(target, ())]
        aimed += [m.relations[rid] for rid in inference.undercuts if rid in m.relations]
        answers = _answers(m, aimed, {argument.id, *premises, conclusion}, argument.id, set())
        found.append(Use(argument.id, name, catalogue.find(name), (), tuple(premises), tuple(answers),
                         argument.actors, inference.span, index, inference_name(argument.id, inference.conclusion)))
    return found


def _use(m: Map, owner: str, name: object, catalogue: Catalogue, inferences: list[Relation],
         members: list[Relation], premises: list[str], actors: tuple[str, ...], span: Span,
         into: dict[str, list[Relation]]) -> Use:
    """The use `owner` makes of scheme `name`: `inferences` are the relations it draws,
    `members` those with the relations of their linked groups."""
    premises = list(dict.fromkeys(premises))
    ends = {owner, *premises}
    aimed = [r for target in (*ends, *(i.id for i in members)) for r in into.get(target, ())]
    aimed += [g for g in members if g.source in ends]  # a premise of the inference itself
    answers = _answers(m, aimed, ends, owner, {g.id for g in members})
    return Use(owner, name, catalogue.find(name), tuple(i.id for i in inferences), tuple(premises),
               tuple(answers), actors, span)


def _answers(m: Map, aimed: list[Relation], ends: set[str], owner: str, own: set[str]) -> list[Answer]:
    """The answers the relations `aimed` at a use give: a relation's `answers`, or its source
    node's (the other end of a contradiction with `ends`); `own` are the use's own relations,
    which defend whatever they are."""
    answers: list[Answer] = []
    for r in {r.id: r for r in aimed}.values():
        if r.kind is RelationKind.REPHRASE:
            continue
        node = r.target if r.kind is RelationKind.CONTRADICTION and r.source in ends else r.source
        if node == owner:
            continue
        value = r.meta.get(ANSWERS_KEY) if ANSWERS_KEY in r.meta else (
            m.nodes[node].meta.get(ANSWERS_KEY) if node in m.nodes and m.nodes[node].meta else None)
        for question in answered(value) or ():
            answers.append(Answer(question, node, r.id, r.kind is not RelationKind.SUPPORT and r.id not in own))
    return answers


def answer_spans(m: Map) -> dict[str, Span]:
    """Where each `answers` is written: relation id or node id -> its span."""
    spans = {r.id: r.span for r in m.relations.values() if r.meta and ANSWERS_KEY in r.meta}
    spans.update({n.id: n.span for n in m.nodes.values() if n.meta and ANSWERS_KEY in n.meta})
    return spans


"""What `check` says about schemes: unknown scheme names, open critical questions, answers
that answer nothing, catalogue files that cannot be used (docs/format.md lists the codes)."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Diagnostic, Severity, Span
from ..model import Map
from .catalogue import Catalogue
from .uses import ANSWERS_KEY, SCHEME_KEY, Use, answer_spans, answered, find_uses, map_catalogue

#: the code of an open question (information; `check --strict` makes it a warning)
UNANSWERED = "unanswered-critical-question"


def scheme_findings(m: Map) -> Iterator[Diagnostic]:
    """Every finding about the map's schemes and answers, use by use, then answer by answer."""
    catalogue, problems = map_catalogue(m)
    for problem in problems:
        yield catalogue_problem(problem, m)
    uses = find_uses(m, catalogue)
    for use in uses:
        yield from _use_findings(use, catalogue)
    yield from _answer_findings(m, uses)


def _use_findings(use: Use, catalogue: Catalogue) -> Iterator[Diagnostic]:
    if not isinstance(use.name, str) or not use.name.strip():
        yield Diagnostic("bad-metadata-value", f"{use.label}: '{SCHEME_KEY}' is {use.name!r}, but must be a scheme name",
                         use.span, hint="write {scheme: expert-opinion}; 'argmap schemes' lists the names")
        return
    if use.scheme is None:
        close = catalogue.nearest(use.name)
        hint = (f"did you mean {' or '.join(close)}?" if close else
                "'argmap schemes' lists the catalogue; the front matter's 'schemes:' adds your own")
        yield Diagnostic("unknown-scheme", f"{use.label}: the catalogue has no scheme {use.name!r}", use.span,
                         Severity.WARNING, hint, suggestions=close)
        return
    where = (f"{use.owner} or its premises" if use.inference is None else
             f"a premise or the conclusion of {use.label}, or undercuts it under its conclusion")
    for question in use.open_questions():
        yield Diagnostic(UNANSWERED, f"{use.label} ({use.scheme.id}) leaves {question.id} open, "
                         f"{'an' if question.type[0] in 'ae' else 'a'} {question.type} question: {question.text}", use.span, Severity.INFO,
                         f"answer it with a node that supports or attacks {where}, "
                         f"marked {{{ANSWERS_KEY}: {question.id}}}")


def _answer_findings(m: Map, uses: list[Use]) -> Iterator[Diagnostic]:
    spans = answer_spans(m)
    holders: dict[str, list[tuple[Use, str]]] = {}  # node or relation writing `answers` -> (use, question)
    for use in uses:
        for a in use.answers:
            holder = a.relation if a.relation in spans and a.relation in m.relations else a.node
            holders.setdefault(holder, []).append((use, a.question))
    for holder, span in spans.items():
        owner = m.relations.get(holder) or m.nodes[holder]
        value = owner.meta[ANSWERS_KEY]
        name = "this relation" if holder in m.relations else holder
        if answered(value) is None:
            yield Diagnostic("bad-metadata-value", f"{name}: '{ANSWERS_KEY}' is {value!r}, but must name critical "
                             "questions", span, hint="write {answers: CQ3} or {answers: [CQ1, CQ3]}")
            continue
        found = holders.get(holder, [])
        if not found:
            yield Diagnostic("answer-without-scheme", f"{name} answers {', '.join(answered(value))}, but it supports "
                             "or attacks no argument that names a scheme, nor its premises", span,
                             Severity.WARNING, "relate it to the argument it answers, or give that argument {scheme: …}")
            continue
        for question in dict.fromkeys(q for _, q in found):
            known = [use for use, q in found if q == question and use.scheme is not None]
            if known and all(use.scheme.question(question) is None for use in known):
                counts = ", ".join(dict.fromkeys(f"{use.label} ({use.scheme.id}) has CQ1–CQ{len(use.scheme.questions)}"
                                                 for use in known))
                yield Diagnostic("unknown-critical-question", f"{name} answers {question}, but {counts}", span,
                                 Severity.WARNING, "'argmap schemes NAME' lists a scheme's questions")


def catalogue_problem(message: str, m: Map) -> Diagnostic:
    """A catalogue file that could not be used, as a diagnostic at the front matter."""
    return Diagnostic("bad-scheme-catalogue", message, Span(m.path, 1, 1, 1, 4),
                      hint="fix the file (its shape: argmap/schemes/walton.toml, docs/format.md) or the front matter's 'schemes:'")

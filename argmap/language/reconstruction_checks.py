"""The checks a teacher makes of a premise-conclusion structure (warnings, each with a hint):
a premise no inference uses, a conclusion that is also a premise of its own argument, an
argument whose relation in the map its reconstruction does not back, and a main conclusion
nothing else in the map relates to. check.py runs them with the others.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Diagnostic, Severity, Span
from ..model import Map, Reconstruction, RelationKind


def unused_premises(m: Map) -> Iterator[Diagnostic]:
    """A statement, other than the main conclusion, that no inference uses."""
    for reconstruction in m.reconstructions.values():
        used = {number for inference in reconstruction.inferences for number in inference.uses}
        last = len(reconstruction.statements)
        for number in range(1, last):
            if number not in used:
                yield Diagnostic("unused-premise", f"no inference of {reconstruction.argument} uses statement ({number})",
                                 _statement_span(reconstruction, number), Severity.WARNING,
                                 "list it in an inference's {uses: […]}, or remove it if the argument does not need it")


def circular_reconstructions(m: Map) -> Iterator[Diagnostic]:
    """A conclusion (main or intermediate) that is also a premise of the same argument."""
    for reconstruction in m.reconstructions.values():
        premises = {reconstruction.statement(n): n for n in reconstruction.premises}
        for inference in reconstruction.inferences:
            node = reconstruction.statement(inference.conclusion)
            if node in premises:
                yield Diagnostic("circular-reconstruction",
                                 f"statement ({inference.conclusion}) concludes {node}, which is already premise "
                                 f"({premises[node]}) of {reconstruction.argument}",
                                 _statement_span(reconstruction, inference.conclusion), Severity.WARNING,
                                 "an argument may not assume what it concludes: give a premise that is not the conclusion")


def unbacked_relations(m: Map) -> Iterator[Diagnostic]:
    """An argument that supports [C] while its main conclusion is neither [C] nor a rephrase
    of it (`=`), or attacks [C] while its main conclusion (or a rephrase) neither attacks nor
    contradicts [C]."""
    if not m.reconstructions:
        return
    equivalents = _rephrase_classes(m)
    opposed: dict[str, set[str]] = {}  # node -> the nodes it attacks or contradicts
    for r in m.relations.values():
        if r.kind is RelationKind.ATTACK or r.kind is RelationKind.CONTRADICTION:
            opposed.setdefault(r.source, set()).add(r.target)
            if r.kind is RelationKind.CONTRADICTION:
                opposed.setdefault(r.target, set()).add(r.source)
    for r in m.relations.values():
        reconstruction = m.reconstructions.get(r.source)
        if reconstruction is None or r.targets_relation:
            continue
        same = equivalents.get(reconstruction.conclusion, {reconstruction.conclusion})
        if r.kind is RelationKind.SUPPORT and r.target not in same:
            yield Diagnostic("unbacked-relation", f"{r.source} is said to support {r.target}, and its reconstruction "
                             f"concludes {reconstruction.conclusion}", r.span, Severity.WARNING,
                             f"make {r.target} the last statement, or say the two are the same: "
                             f"'= {r.target}' under {reconstruction.conclusion}")
        elif r.kind is RelationKind.ATTACK and not any(r.target in opposed.get(n, ()) for n in same):
            yield Diagnostic("unbacked-relation", f"{r.source} is said to attack {r.target}, and its conclusion "
                             f"{reconstruction.conclusion} neither attacks nor contradicts it", r.span, Severity.WARNING,
                             f"conclude a claim that contradicts {r.target} ('>< {r.target}' under it)")


def unrelated_conclusions(m: Map) -> Iterator[Diagnostic]:
    """A main conclusion that no relation of the map touches."""
    if not m.reconstructions:
        return
    related = set()
    for r in m.relations.values():
        related.add(r.source)
        related.add(r.target)
    for reconstruction in m.reconstructions.values():
        conclusion = reconstruction.conclusion
        if conclusion not in related:
            yield Diagnostic("unrelated-conclusion", f"the conclusion of {reconstruction.argument}, {conclusion}, "
                             "relates to nothing else in the map", _statement_span(reconstruction, len(reconstruction.statements)),
                             Severity.WARNING, f"relate it to the claim it bears on ('+> [Claim]' under "
                             f"{reconstruction.argument}), or title it like the claim it is")


def _statement_span(reconstruction: Reconstruction, number: int) -> Span:
    spans = reconstruction.statement_spans
    return spans[number - 1] if number <= len(spans) else reconstruction.span


def _rephrase_classes(m: Map) -> dict[str, set[str]]:
    """Each node that takes part in a rephrase (`=`) → every node said to be the same claim."""
    classes: dict[str, set[str]] = {}
    for r in m.relations.values():
        if r.kind is RelationKind.REPHRASE:
            joined = classes.get(r.source, {r.source}) | classes.get(r.target, {r.target})
            for node in joined:
                classes[node] = joined
    return classes

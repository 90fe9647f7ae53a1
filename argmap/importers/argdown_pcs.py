"""Premise-conclusion structures: `(1) …` statements and inference lines, into supports.

Each inference step's premises are the statements since the previous inference line (so an
intermediary conclusion is a premise of the next step). The premises become co-premises (one
`group`) of a support for the step's conclusion; for a titled argument the last step runs
through the argument: premises support `<A>`, `<A>` supports the main conclusion. Undercuts
written under an inference line, or under the conclusion it leads to (argdown.org/syntax
allows both), undercut that step's inference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Span
from ..model import Meta, RelationKind
from .argdown_build import MapBuilder


@dataclass
class Step:
    """One inference: its premises, its conclusion, rules/data and undercuts written under it."""

    premises: list[str]
    span: Span
    conclusion: str | None = None
    closed: bool = False  # an expanded inference (`--` rules `--`) has seen its second line
    meta: Meta = field(default_factory=dict)
    undercuts: list[tuple[str, Span]] = field(default_factory=list)


class Pcs:
    """An open premise-conclusion structure, finished into relations by `finish`."""

    def __init__(self, argument: str | None, span: Span) -> None:
        self.argument = argument
        self.span = span
        self.since: list[str] = []
        self.steps: list[Step] = []
        self.open: Step | None = None
        self.concluded: dict[str, Step] = {}  # conclusion -> the step that leads to it

    def statement(self, node_id: str) -> None:
        if self.open is not None:
            self.open.conclusion = node_id
            self.concluded[node_id] = self.open
            self.steps.append(self.open)
            self.open = None
            self.since = [node_id]
        else:
            self.since.append(node_id)

    def inference(self, span: Span) -> Step:
        """An inference line: opens a step, or closes an expanded inference's rule lines."""
        if self.open is not None and not self.open.closed:
            self.open.closed = True
            return self.open
        self.open = Step(list(self.since), span)
        return self.open

    def awaits_rules(self) -> bool:
        """True between the two lines of an expanded inference (rules and data go there)."""
        return self.open is not None and not self.open.closed

    def finish(self, build: MapBuilder) -> None:
        """Write the supports (and undercuts) of every step; warn about what is incomplete."""
        if self.open is not None:
            build.warn("argdown-pcs", "an inference line with no conclusion after it; its "
                       "premises stay unconnected", self.open.span)
        if not self.steps:
            build.warn("argdown-pcs", "a premise-conclusion structure without an inference line; "
                       "its statements stay unconnected", self.span)
        for index, step in enumerate(self.steps):
            assert step.conclusion is not None
            last = index == len(self.steps) - 1
            through = self.argument if last else None
            premise_target = through or step.conclusion
            if not step.premises:
                build.warn("argdown-pcs", "an inference with no premises before it", step.span)
            group = build.new_group() if len(step.premises) > 1 else None
            first = None
            for premise in step.premises:
                rid = build.relation(RelationKind.SUPPORT, premise, premise_target, step.span,
                                     group, step.meta)
                first = first or rid
            if through is not None:
                build.relation(RelationKind.SUPPORT, through, step.conclusion, step.span)
            target = through or first
            for source, span in step.undercuts:
                if target is None:
                    build.warn("argdown-pcs", "an undercut of an inference with no premises; "
                               "left out", span)
                    continue
                build.relation(RelationKind.UNDERCUT, source, target, span)

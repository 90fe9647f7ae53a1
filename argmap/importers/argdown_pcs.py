"""Premise-conclusion structures: `(1) …` statements and inference lines.

The structure of a titled argument becomes its `Reconstruction`: the statements in order,
each inference step with its rules (Argdown's `-- Modus Ponens --`, or the line between two
inference lines) as the rule, its data (`{uses: [1, 2]}` among it) as metadata, and the
statements it uses (`uses`, else those since the previous inference line, so an intermediary
conclusion is a premise of the next step); the argument supports its main conclusion, as
Argdown reads it. Undercuts written under an inference line, or under the conclusion it leads
to (argdown.org/syntax allows both), undercut that step's inference (relations to the
argument, recorded on the inference, as the .argmap language reads `_` under a statement).

A structure with no titled argument (or a second one for the same argument) is flattened:
each step's premises become co-premises (one `group`) of a support for its conclusion.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Span
from ..model import Inference, Meta, Reconstruction, RelationKind, default_uses
from .argdown_build import MapBuilder


@dataclass
class Step:
    """One inference: its premises, its conclusion, rules/data and undercuts written under it."""

    premises: list[str]
    span: Span
    conclusion: str | None = None
    number: int = 0  # the conclusion's statement number
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
        self.statements: list[str] = []

    def statement(self, node_id: str) -> None:
        self.statements.append(node_id)
        if self.open is not None:
            self.open.number = len(self.statements)
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
        if self.steps and self.argument is not None and self.argument not in build.reconstructions:
            self.reconstruct(build)
            return
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

    def reconstruct(self, build: MapBuilder) -> None:
        """The argument's `Reconstruction`, its undercuts, and its support of the main conclusion."""
        assert self.argument is not None
        inferences = []
        previous = 0
        for step in self.steps:
            meta = dict(step.meta)
            rule = str(meta.pop(RULES, ""))
            uses = _written_uses(meta.get("uses"), step.number) or default_uses(previous, step.number)
            if not uses:
                build.warn("argdown-pcs", "an inference with no premises before it", step.span)
            undercuts = tuple(build.relation(RelationKind.UNDERCUT, source, self.argument, span)
                              for source, span in step.undercuts)
            inferences.append(Inference(rule, uses, step.number, meta, undercuts, step.span))
            previous = step.number
        build.reconstructions[self.argument] = Reconstruction(self.argument, tuple(self.statements),
                                                              tuple(inferences), span=self.span)
        build.relation(RelationKind.SUPPORT, self.argument, self.statements[-1], self.steps[-1].span)


#: the data key the reader keeps an inference's rules under until they become its rule
RULES = "inference-rules"


def _written_uses(value: object, conclusion: int) -> tuple[int, ...]:
    """Argdown's `uses` data as statement numbers before `conclusion` (() if it is no such list)."""
    numbers = value if isinstance(value, list) else [value]
    if value is None or not all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n < conclusion
                                for n in numbers):
        return ()
    return tuple(dict.fromkeys(numbers))

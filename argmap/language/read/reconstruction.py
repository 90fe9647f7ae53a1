"""Premise-conclusion structures as they are read: the numbered statements (`(1) …`) and
inference lines (`-- rule {meta} --`) under one argument, into its `Reconstruction`.

nesting.py decides where the lines stand and hands each statement and inference line of an
argument to its `OpenReconstruction`; `finish` resolves every inference's `uses` (written, or
every statement since the previous inference) and reports what does not fit, each with a hint.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import Span
from ...model import Inference, InferenceEntry, Reconstruction, RelationKind, Trivia, default_uses
from .graph import GraphBuilder
from .lines import Line

#: the inference meta key naming the statements it uses
USES = "uses"


@dataclass(slots=True)
class _OpenInference:
    """An inference line read, waiting for the statement it concludes."""

    rule: str
    meta: dict
    span: Span
    trivia: Trivia
    conclusion: int = 0
    undercuts: list[str] = field(default_factory=list)


class OpenReconstruction:
    """The reconstruction of `argument` while its lines are read."""

    def __init__(self, builder: GraphBuilder, argument: str, path: str | None) -> None:
        self.b = builder
        self.argument = argument
        self.path = path
        self.statements: list[str] = []
        self.spans: list[Span] = []
        self.inferences: list[_OpenInference] = []
        self.pending: _OpenInference | None = None

    def statement(self, number: int, node_id: str, span: Span) -> InferenceEntry | None:
        """Statement `number` (node `node_id`, written at `span`); the entry of the inference
        it concludes, if an inference line comes right before it."""
        expected = len(self.statements) + 1
        if number != expected:
            self.b.report("statement-out-of-order", f"statement ({number}) comes where ({expected}) is expected",
                          span, f"number the statements of an argument 1, 2, 3 … in order: write ({expected})")
        self.statements.append(node_id)
        self.spans.append(span)
        pending = self.pending
        if pending is None:
            return None
        pending.conclusion = expected
        self.pending = None
        return InferenceEntry(self.argument, len(self.inferences) - 1, pending.trivia, pending.span)

    def inference(self, line: Line, span: Span, trivia: Trivia) -> None:
        """An inference line: it concludes the statement written next."""
        self._no_conclusion()
        meta: dict = {}
        if line.annotations is not None:
            for block in line.annotations.metas:
                self.b.merge_meta(self.path, meta, block)
        self.pending = _OpenInference(line.text, meta, span, trivia)
        self.inferences.append(self.pending)

    def undercut(self, number: int, node_id: str, span: Span) -> str | None:
        """`_ node` under statement `number`: it undercuts the inference concluding it (the
        relation targets the argument; the inference records it). None if there is none."""
        for inference in self.inferences:
            if inference.conclusion == number:
                relation = self.b.add_relation(RelationKind.UNDERCUT, node_id, self.argument, span, {})
                inference.undercuts.append(relation)
                return relation
        self.b.report("undercut-without-inference", f"'_' undercuts the inference to statement ({number}), "
                      "and no inference concludes it: it is a premise", span,
                      "put the undercut under a statement that follows an inference line, or use '-' to attack the premise")
        return None

    def _no_conclusion(self) -> None:
        if self.pending is not None:
            self.b.report("inference-without-conclusion", "this inference line has no statement after it",
                          self.pending.span, "write the statement it concludes on the next line: '(N) [Title]: text'")
            self.inferences.pop()
            self.pending = None

    def finish(self, span: Span) -> Reconstruction | None:
        """The reconstruction, or None after reporting why there is none (`span`: the argument's line)."""
        self._no_conclusion()
        if not self.statements:
            return None
        if not self.inferences:
            self.b.report("reconstruction-without-inference", f"the statements of {self.argument} have no inference line",
                          self.spans[-1], "put an inference line ('----' or '-- rule --') before the conclusion")
            return None
        if self.argument in self.b.reconstructions:
            self.b.report("duplicate-reconstruction", f"{self.argument} is already reconstructed at "
                          f"{self.b.reconstructions[self.argument].span}", self.spans[0],
                          "reconstruct an argument once; refer to it alone elsewhere")
            return None
        inferences = []
        previous = 0  # the statement the previous inference concludes (0: none)
        for open_inference in self.inferences:
            uses = self._uses(open_inference, previous)
            inferences.append(Inference(open_inference.rule, uses, open_inference.conclusion, open_inference.meta,
                                        tuple(open_inference.undercuts), open_inference.span))
            previous = open_inference.conclusion
        reconstruction = Reconstruction(self.argument, tuple(self.statements), tuple(inferences),
                                        tuple(self.spans), span)
        self.b.reconstructions[self.argument] = reconstruction
        return reconstruction

    def _uses(self, inference: _OpenInference, previous: int) -> tuple[int, ...]:
        """The statement numbers `inference` uses, checked; `previous`: the conclusion before it."""
        conclusion = inference.conclusion
        written = inference.meta.get(USES)
        if written is None:
            uses = default_uses(previous, conclusion)
            if not uses:
                self.b.report("inference-without-premises", "this inference has no statement before it to use",
                              inference.span, "write its premises above it: '(1) …', '(2) …', then the inference line")
            return uses
        numbers = written if isinstance(written, list) else [written]
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers) or not numbers:
            self.b.report("bad-metadata-value", f"'uses' lists statement numbers, not {written!r}", inference.span,
                          "write the numbers of the statements it uses: {uses: [1, 2]}")
            return ()
        kept = []
        for number in numbers:
            if not 1 <= number <= len(self.statements):
                self.b.report("uses-missing-statement", f"'uses' names statement ({number}), and there is none",
                              inference.span, f"the statements are numbered 1 to {len(self.statements)}")
            elif number >= conclusion:
                self.b.report("uses-later-statement", f"'uses' names statement ({number}), which does not come "
                              f"before the conclusion ({conclusion})", inference.span,
                              "an inference uses statements written above it")
            elif number not in kept:
                kept.append(number)
        return tuple(kept)

"""The debate report's critical questions: per actor, those their arguments leave open and
those they raised against the arguments of others (argmap.analyze.debate calls this)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Map
from .uses import Use, find_uses, map_catalogue, uses_schemes


@dataclass(frozen=True, slots=True)
class QuestionItem:
    """A critical question of the use `argument` (scheme `scheme`); `by` the node that raised it."""

    argument: str
    scheme: str
    question: str
    type: str
    text: str
    by: str | None = None

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready view (`by` only for a raised question)."""
        data = {"argument": self.argument, "scheme": self.scheme, "question": self.question,
                "type": self.type, "text": self.text}
        return data if self.by is None else {**data, "by": self.by}


def map_uses(m: Map) -> list[Use]:
    """The uses of known schemes in `m` (none, cheaply, when it names no scheme); a catalogue
    file that cannot be read is left out here (`check` reports it)."""
    if not uses_schemes(m):
        return []
    return [use for use in find_uses(m, map_catalogue(m)[0]) if use.scheme is not None]


def actor_questions(m: Map, uses: list[Use], actor: str) -> tuple[tuple[QuestionItem, ...], tuple[QuestionItem, ...]]:
    """The questions `actor`'s arguments leave open, and those `actor` raised against others'."""
    left_open, raised = [], []
    for use in uses:
        scheme = use.scheme
        if actor in use.actors:
            left_open += [QuestionItem(use.label, scheme.id, q.id, q.type, q.text) for q in use.open_questions()]
            continue
        for answer in use.answers:
            question = scheme.question(answer.question)
            node = m.nodes.get(answer.node)
            if answer.raised and question is not None and node is not None and actor in node.actors:
                raised.append(QuestionItem(use.label, scheme.id, question.id, question.type, question.text,
                                           answer.node))
    return tuple(left_open), tuple(raised)

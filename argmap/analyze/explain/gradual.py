"""How an item's DF-QuAD strength is made: base score, aggregated attack and support, and each
reason's share of them (see `argmap.analyze.gradual` for the semantics).

σ = c(τ, va, vs) moves the base score τ by k·(vs − va), where k = τ when va ≥ vs and 1 − τ
otherwise. Each aggregate Σ(v1..vn) = 1 − ∏(1 − vi) is split between its reasons in proportion
to −log(1 − vi) (what each one multiplies into the product; a reason of value 1 takes it
all, shared with the others of value 1): the shares add up to the aggregate, and do not
depend on the order of the reasons. A reason's *effect* on the strength is then −k·share for
an attack and +k·share for a support, so τ plus every effect is c(τ, va, vs).

On a cycle the strengths are the last round of the iteration; c(τ, va, vs) recomputed from
them differs from the stored strength by at most the tolerance times the number of inputs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..gradual import GradualReason, aggregate


@dataclass(frozen=True, slots=True)
class Contribution:
    """One reason for or against the item: its value, share of its aggregate, effect on σ."""

    reason: int  # index into the reasons given
    attack: bool
    value: float
    share: float
    effect: float


@dataclass(frozen=True, slots=True)
class GradualExplanation:
    """The strength of one item taken apart. `fixed` is the strength an assumption set (then
    there are no contributions); `recombined` is τ plus every effect."""

    item: int
    strength: float
    base: float
    attack: float
    support: float
    contributions: tuple[Contribution, ...]
    recombined: float
    fixed: float | None = None


def reason_value(reason: GradualReason, strength: Sequence[float]) -> float:
    """The value of a reason: min σ of its premises, times σ of its inference or its weight."""
    value = min(strength[p] for p in reason.premises)
    return value * (reason.weight if reason.inference is None else strength[reason.inference])


def shares(values: Sequence[float]) -> list[float]:
    """Σ(values) split in proportion to −log(1 − v) (see the module doc); they add up to Σ.

    Values outside 0..1 (a `weight` that check reports) are split in order instead:
    v1, (1 − v1)·v2, (1 − v1)(1 − v2)·v3, … (which also adds up to Σ).
    """
    total = aggregate(values)
    if any(not 0.0 <= v <= 1.0 for v in values):
        result, left = [], 1.0
        for v in values:
            result.append(left * v)
            left *= 1.0 - v
        return result
    certain = [v >= 1.0 for v in values]
    if any(certain):
        count = sum(certain)
        return [total / count if c else 0.0 for c in certain]
    logs = [-math.log1p(-v) for v in values]
    weight = sum(logs)
    if weight <= 0.0:
        return [0.0] * len(values)
    return [total * w / weight for w in logs]


def explain_strength(item: int, base: Sequence[float], reasons: Sequence[GradualReason],
                     strength: Sequence[float], fixed: Mapping[int, float] | None = None
                     ) -> GradualExplanation:
    """The contributions to `item`'s strength, from the reasons targeting it."""
    if fixed and item in fixed:
        value = fixed[item]
        return GradualExplanation(item, strength[item], base[item], 0.0, 0.0, (), value, value)
    mine = [(i, r) for i, r in enumerate(reasons) if r.target == item]
    values = [reason_value(r, strength) for _, r in mine]
    attack_values = [v for (_, r), v in zip(mine, values) if r.attack]
    support_values = [v for (_, r), v in zip(mine, values) if not r.attack]
    va, vs = aggregate(attack_values), aggregate(support_values)
    tau = base[item]
    k = tau if va >= vs else 1.0 - tau
    attack_shares = iter(shares(attack_values))
    support_shares = iter(shares(support_values))
    contributions = []
    for (index, reason), value in zip(mine, values):
        share = next(attack_shares if reason.attack else support_shares)
        effect = -k * share if reason.attack else k * share
        contributions.append(Contribution(index, reason.attack, value, share, effect))
    recombined = tau + sum(c.effect for c in contributions)
    return GradualExplanation(item, strength[item], tau, va, vs, tuple(contributions), recombined)

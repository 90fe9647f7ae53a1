"""DF-QuAD gradual strength (Rago, Toni, Aurisicchio and Baroni, KR 2016) on the bipolar graph.

Every item a has a base score τ(a) in [0, 1]. Its strength is

    σ(a) = c(τ(a), Σ(attack values), Σ(support values))
    Σ(v1..vn) = 1 − ∏(1 − vi), Σ() = 0
    c(v0, va, vs) = v0 − v0·(va − vs)        if va ≥ vs
                  = v0 + (1 − v0)·(vs − va)  otherwise

argmap's reasons generalise the paper's single attackers and supporters: the value of a
reason is min(σ of its premises) — a linked reason is as strong as its weakest premise —
times its factor: σ of its inference item when it is undercut, else the product of its
relations' `weight` (1 when unset). With no co-premises, weights or undercuts this is exactly
DF-QuAD. An item in `fixed` (a what-if assumption) keeps the given strength.

Cycles: items are first evaluated in topological order (Kahn), each once. Items on a cycle,
or downstream of one, are then iterated together (Gauss-Seidel, from their base scores) until
no strength moves by more than `tolerance`, at most `max_rounds` rounds. If they still move,
the result says `converged=False` and lists those items; their strengths are the last round's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence


@dataclass(frozen=True, slots=True)
class GradualReason:
    """A reason on the integer item graph: premises, target, factor (item or constant)."""

    attack: bool
    premises: tuple[int, ...]
    target: int
    inference: int | None = None
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Strengths:
    """The result: one strength per item, and whether the iteration on cycles converged."""

    values: list[float]
    converged: bool
    rounds: int
    #: items still moving when the iteration stopped (empty when it converged)
    unsettled: tuple[int, ...] = ()


def aggregate(values: Sequence[float]) -> float:
    """Σ(v1..vn) = 1 − ∏(1 − vi); 0 for no values."""
    product = 1.0
    for v in values:
        product *= 1.0 - v
    return 1.0 - product


def combine(base: float, attack: float, support: float) -> float:
    """c(v0, va, vs) of DF-QuAD."""
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def df_quad(base: Sequence[float], reasons: Sequence[GradualReason],
            fixed: Mapping[int, float] | None = None, *, tolerance: float = 1e-9,
            max_rounds: int = 1000) -> Strengths:
    """DF-QuAD strengths of items `0..len(base)-1` (see the module doc for cycles)."""
    n = len(base)
    fixed = dict(fixed or {})
    incoming: list[list[GradualReason]] = [[] for _ in range(n)]
    dependents: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for reason in reasons:
        incoming[reason.target].append(reason)
        inputs = reason.premises if reason.inference is None else (*reason.premises, reason.inference)
        for item in inputs:
            dependents[item].append(reason.target)
            waiting[reason.target] += 1
    strength = list(base)

    def evaluate(item: int) -> float:
        if item in fixed:
            return fixed[item]
        attack = support = 1.0  # running products of (1 - value)
        for reason in incoming[item]:
            value = min(strength[p] for p in reason.premises)
            value *= reason.weight if reason.inference is None else strength[reason.inference]
            if reason.attack:
                attack *= 1.0 - value
            else:
                support *= 1.0 - value
        return combine(base[item], 1.0 - attack, 1.0 - support)

    ready = [i for i in range(n) if waiting[i] == 0]
    done = 0
    while ready:
        item = ready.pop()
        strength[item] = evaluate(item)
        done += 1
        for dependent in dependents[item]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                ready.append(dependent)
    if done == n:
        return Strengths(strength, True, 0)
    cyclic = [i for i in range(n) if waiting[i] > 0]
    moving: list[int] = []
    for rounds in range(1, max_rounds + 1):
        moving = []
        for item in cyclic:
            value = evaluate(item)
            if abs(value - strength[item]) > tolerance:
                moving.append(item)
            strength[item] = value
        if not moving:
            return Strengths(strength, True, rounds)
    return Strengths(strength, False, max_rounds, tuple(moving))

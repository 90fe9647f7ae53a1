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


def _value(v0: float, attack: float, support: float, linked: list[GradualReason],
           strength: list[float]) -> float:
    """c(v0, 1 - attack, 1 - support) after folding the linked reasons into the products."""
    for reason in linked:
        value = min(strength[p] for p in reason.premises)
        value *= reason.weight if reason.inference is None else strength[reason.inference]
        if reason.attack:
            attack *= 1.0 - value
        else:
            support *= 1.0 - value
    va, vs = 1.0 - attack, 1.0 - support
    return v0 - v0 * (va - vs) if va >= vs else v0 + (1.0 - v0) * (vs - va)


def df_quad(base: Sequence[float], reasons: Sequence[GradualReason],
            fixed: Mapping[int, float] | None = None, *, tolerance: float = 1e-9,
            max_rounds: int = 1000) -> Strengths:
    """DF-QuAD strengths of items `0..len(base)-1` (see the module doc for cycles)."""
    n = len(base)
    fixed = dict(fixed or {})
    # Plain single-premise reasons (the paper's attackers and supporters) take a fast path:
    # a settled item multiplies (1 - its strength) into the running products of the items it
    # attacks or supports. `outgoing[p]` holds t for "p attacks t" and ~t for "p supports t".
    outgoing: list[list[int]] = [[] for _ in range(n)]
    linked_in: dict[int, list[GradualReason]] = {}
    linked_out: dict[int, list[int]] = {}
    waiting = [0] * n  # inputs not yet settled
    for reason in reasons:
        premises, target = reason.premises, reason.target
        if reason.inference is None and len(premises) == 1 and reason.weight == 1.0:
            outgoing[premises[0]].append(target if reason.attack else ~target)
            waiting[target] += 1
            continue
        linked_in.setdefault(target, []).append(reason)
        inputs = premises if reason.inference is None else (*premises, reason.inference)
        for item in inputs:
            linked_out.setdefault(item, []).append(target)
        waiting[target] += len(inputs)
    strength = list(base)
    for item, value in fixed.items():
        strength[item] = value
    attack_left, support_left = [1.0] * n, [1.0] * n
    ready = [i for i in range(n) if waiting[i] == 0]
    done = 0
    while ready:  # Kahn's topological order: each item once
        item = ready.pop()
        if item in fixed:
            value = fixed[item]
        elif item in linked_in:
            value = _value(base[item], attack_left[item], support_left[item], linked_in[item],
                           strength)
        else:  # c(v0, va, vs) inline: the common case, kept fast
            v0, va, vs = base[item], 1.0 - attack_left[item], 1.0 - support_left[item]
            value = v0 - v0 * (va - vs) if va >= vs else v0 + (1.0 - v0) * (vs - va)
        strength[item] = value
        done += 1
        keep = 1.0 - value
        for target in outgoing[item]:
            if target >= 0:
                attack_left[target] *= keep
            else:
                target = ~target
                support_left[target] *= keep
            waiting[target] -= 1
            if not waiting[target]:
                ready.append(target)
        for target in linked_out.get(item, ()):
            waiting[target] -= 1
            if not waiting[target]:
                ready.append(target)
    if done == n:
        return Strengths(strength, True, 0)
    cyclic = [i for i in range(n) if waiting[i] > 0]
    return _iterate(base, strength, cyclic, outgoing, linked_in, fixed, tolerance, max_rounds)


def _iterate(base: Sequence[float], strength: list[float], cyclic: list[int],
             outgoing: list[list[int]], linked_in: dict[int, list[GradualReason]],
             fixed: Mapping[int, float], tolerance: float, max_rounds: int) -> Strengths:
    """Gauss-Seidel rounds over the items left on or after cycles, until nothing moves."""
    attackers: dict[int, list[int]] = {i: [] for i in cyclic}
    supporters: dict[int, list[int]] = {i: [] for i in cyclic}
    for source, targets in enumerate(outgoing):
        for target in targets:
            if target >= 0 and target in attackers:
                attackers[target].append(source)
            elif target < 0 and ~target in supporters:
                supporters[~target].append(source)
    moving: list[int] = []
    for rounds in range(1, max_rounds + 1):
        moving = []
        for item in cyclic:
            if item in fixed:
                continue
            attack = support = 1.0
            for p in attackers[item]:
                attack *= 1.0 - strength[p]
            for p in supporters[item]:
                support *= 1.0 - strength[p]
            value = _value(base[item], attack, support, linked_in.get(item, []), strength)
            if abs(value - strength[item]) > tolerance:
                moving.append(item)
            strength[item] = value
        if not moving:
            return Strengths(strength, True, rounds)
    return Strengths(strength, False, max_rounds, tuple(moving))

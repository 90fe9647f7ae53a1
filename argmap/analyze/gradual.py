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

Cycles: items are first evaluated in topological order (Kahn), each once; an item in `fixed`
depends on nothing, so it breaks any cycle through it. The items left (on a cycle or after
one) are split into strongly connected components, taken in topological order: an item alone
is computed once, a cycle is iterated from its base scores (Gauss-Seidel, item after item)
only where something moved, until every item is within `tolerance` of the value its inputs
give, at most `max_rounds` computations per item. If a cycle still moves, the result says
`converged=False` and lists the items still moving; their strengths are the last computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from .._speed.gc import gc_paused


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
    with gc_paused():  # a list per item: collections would walk the caller's map for nothing
        return _df_quad(base, reasons, dict(fixed or {}), tolerance, max_rounds)


def _df_quad(base: Sequence[float], reasons: Sequence[GradualReason], fixed: dict[int, float],
             tolerance: float, max_rounds: int) -> Strengths:
    n = len(base)
    # Plain single-premise reasons (the paper's attackers and supporters) take a fast path:
    # a settled item multiplies (1 - its strength) into the running products of the items it
    # attacks or supports. `outgoing[p]` holds t for "p attacks t" and ~t for "p supports t".
    outgoing: list[list[int]] = [[] for _ in range(n)]
    linked_in: dict[int, list[GradualReason]] = {}
    linked_out: dict[int, list[int]] = {}
    waiting = [0] * n  # inputs not yet settled
    for reason in reasons:
        premises, target = reason.premises, reason.target
        if target in fixed:  # a fixed item's strength depends on nothing
            continue
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
    left = [i for i in range(n) if waiting[i] > 0]
    return _components(base, strength, left, outgoing, linked_in, linked_out, tolerance,
                       max_rounds)


def _components(base: Sequence[float], strength: list[float], left: list[int],
                outgoing: list[list[int]], linked_in: dict[int, list[GradualReason]],
                linked_out: dict[int, list[int]], tolerance: float,
                max_rounds: int) -> Strengths:
    """The items Kahn's order left (on a cycle or after one), component by component.

    The strongly connected components of what is left are taken in topological order of the
    condensation, so every input from outside a component is final when it is reached. An
    item alone (no loop) is computed once; a cycle is iterated from its base scores in rounds
    (Gauss-Seidel, in item order), each round computing again only the items whose inputs
    have moved by more than `tolerance` in all since they were last computed (an input moves
    an item by at most as much as it moves itself), until a round computes nothing: then every
    item is within `tolerance` of the value its inputs give. At most `max_rounds` rounds.
    """
    n = len(base)
    inside = bytearray(n)
    for i in left:
        inside[i] = 1
    attackers: list[list[int]] = [[] for _ in range(n)]
    supporters: list[list[int]] = [[] for _ in range(n)]
    successors: list[list[int]] = [[] for _ in range(n)]  # within what is left
    for source, targets in enumerate(outgoing):
        for target in targets:
            if target >= 0:
                if inside[target]:
                    attackers[target].append(source)
                    if inside[source]:
                        successors[source].append(target)
            elif inside[~target]:
                supporters[~target].append(source)
                if inside[source]:
                    successors[source].append(~target)
    for source, targets in linked_out.items():
        if inside[source]:
            successors[source].extend(t for t in targets if inside[t])
    rounds, unsettled = 0, []
    component_of = [-1] * n
    for number, component in enumerate(_strongly_connected(left, successors)):
        if len(component) == 1 and component[0] not in successors[component[0]]:
            item = component[0]
            strength[item] = _compute(item, base, strength, attackers, supporters, linked_in)
            continue
        for item in component:
            component_of[item] = number
        for item in component:  # keep the successors inside this component only
            successors[item] = [t for t in successors[item] if component_of[t] == number]
        todo = sorted(component)
        sparse = False
        for count in range(1, max_rounds + 1):
            movers = []
            for item in todo:
                attack = support = 1.0
                for p in attackers[item]:
                    attack *= 1.0 - strength[p]
                for p in supporters[item]:
                    support *= 1.0 - strength[p]
                if item in linked_in:
                    value = _value(base[item], attack, support, linked_in[item], strength)
                else:
                    v0, va, vs = base[item], 1.0 - attack, 1.0 - support
                    value = v0 - v0 * (va - vs) if va >= vs else v0 + (1.0 - v0) * (vs - va)
                moved = value - strength[item]
                strength[item] = value
                if moved > tolerance or moved < -tolerance:
                    movers.append(item)
            if not movers:
                break
            if sparse or 8 * len(movers) < len(component):
                # few move: the next round computes only what the movers reach
                sparse = True
                todo = sorted({t for item in movers for t in successors[item]})
        else:
            unsettled.extend(movers)
            count = max_rounds
        rounds = max(rounds, count)
    if unsettled:
        return Strengths(strength, False, max_rounds, tuple(sorted(unsettled)))
    return Strengths(strength, True, max(rounds, 1))


def _compute(item: int, base: Sequence[float], strength: list[float],
             attackers: list[list[int]], supporters: list[list[int]],
             linked_in: dict[int, list[GradualReason]]) -> float:
    """σ(item) from the current strengths of its inputs."""
    attack = support = 1.0
    for p in attackers[item]:
        attack *= 1.0 - strength[p]
    for p in supporters[item]:
        support *= 1.0 - strength[p]
    return _value(base[item], attack, support, linked_in.get(item, []), strength)


def _strongly_connected(items: list[int], successors: list[list[int]]) -> list[list[int]]:
    """Tarjan's strongly connected components of `items`, sources first (iterative)."""
    n = len(successors)
    index = [-1] * n
    low = [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in items:
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, iter(successors[root]))]
        while work:
            item, children = work[-1]
            for child in children:
                if index[child] < 0:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = 1
                    work.append((child, iter(successors[child])))
                    break
                if on_stack[child] and index[child] < low[item]:
                    low[item] = index[child]
            else:
                work.pop()
                if work and low[item] < low[work[-1][0]]:
                    low[work[-1][0]] = low[item]
                if low[item] == index[item]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = 0
                        component.append(member)
                        if member == item:
                            break
                    found.append(component)
    found.reverse()  # Tarjan finds sinks first
    return found

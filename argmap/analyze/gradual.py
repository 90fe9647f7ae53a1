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
is computed once; a cycle is iterated from its base scores (Gauss-Seidel, item after item, in
the search's reverse postorder) on a worklist — after the first pass only the items an input
of which moved by more than `tolerance` — until no item moves by more than `tolerance` when
computed, at most `max_rounds` passes. If a cycle still moves, the result says
`converged=False` and lists the items still moving; their strengths are the last computed.
A cycle of at least `arrays_from` items is iterated as numpy arrays instead
(`gradual_arrays.py`: the same stopping rule, passes of blocks of items).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from typing import Mapping, Sequence

from .._speed.gc import gc_paused

#: cycles of at least this many items are iterated as arrays (gradual_arrays.py): below it
#: importing numpy (about 0.06 s) costs more than the arrays save (docs/analysis.md, Speed)
ARRAYS_FROM = 10_000


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
            max_rounds: int = 1000, arrays_from: int | None = None) -> Strengths:
    """DF-QuAD strengths of items `0..len(base)-1` (see the module doc for cycles);
    `arrays_from` defaults to ARRAYS_FROM."""
    arrays_from = ARRAYS_FROM if arrays_from is None else arrays_from
    with gc_paused():  # a list per item: collections would walk the caller's map for nothing
        return _df_quad(base, reasons, dict(fixed or {}), tolerance, max_rounds, arrays_from)


def _df_quad(base: Sequence[float], reasons: Sequence[GradualReason], fixed: dict[int, float],
             tolerance: float, max_rounds: int, arrays_from: int) -> Strengths:
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
    return _components(base, strength, left, outgoing, (attack_left, support_left), linked_in,
                       linked_out, tolerance, max_rounds, arrays_from)


def _components(base: Sequence[float], strength: list[float], left: list[int],
                outgoing: list[list[int]], settled: tuple[list[float], list[float]],
                linked_in: dict[int, list[GradualReason]], linked_out: dict[int, list[int]],
                tolerance: float, max_rounds: int, arrays_from: int) -> Strengths:
    """The items Kahn's order left (on a cycle or after one), component by component.

    The strongly connected components of what is left are taken in topological order of the
    condensation, so every input from outside a component is final when it is reached: its
    product is taken once (`settled`: each item's products of 1 - σ over the attackers and
    supporters Kahn's order settled; the lists built here hold only the inputs left). An
    item alone (no loop) is computed once. A cycle is iterated from its base scores on a
    worklist: at first every item, in reverse postorder of the depth-first search (most
    edges point forward, so one pass carries a change far); then, pass after pass in the
    same order, only the items one of whose inputs moved by more than `tolerance` when
    it was last computed, until none is left: no item then moves by more than `tolerance` when
    computed. At most `max_rounds` passes. A cycle of at least `arrays_from` items is
    iterated as arrays (gradual_arrays.py).
    """
    n = len(base)
    inside = bytearray(n)
    for i in left:
        inside[i] = 1
    attackers: list[list[int]] = [[] for _ in range(n)]
    supporters: list[list[int]] = [[] for _ in range(n)]
    successors: list[list[int]] = [[] for _ in range(n)]  # within what is left
    for source in left:  # every target of an item left is left
        targets = outgoing[source]
        successors[source] = [t if t >= 0 else ~t for t in targets]
        for target in targets:
            if target >= 0:
                attackers[target].append(source)
            else:
                supporters[~target].append(source)
    for source, targets in linked_out.items():
        if inside[source]:
            successors[source].extend(t for t in targets if inside[t])
    rounds, unsettled = 0, []
    position = [-1] * n  # an item's place in its cycle while that cycle is iterated
    for component in _strongly_connected(left, successors):
        if len(component) == 1 and component[0] not in successors[component[0]]:
            item = component[0]
            strength[item] = _compute(item, base, strength, settled, attackers[item],
                                      supporters[item], linked_in)
            continue
        for j, item in enumerate(component):
            position[item] = j
        linked = _linked(component, position, strength, linked_in)
        if len(component) >= arrays_from:
            from . import gradual_arrays

            count, keep, todo = gradual_arrays.iterate(
                component, position, base, strength, settled, attackers, supporters, linked,
                tolerance, max_rounds)
        else:
            count, keep, todo = _iterate(_Cycle(component, position, base, strength, settled,
                                                attackers, supporters, successors, linked),
                                         tolerance, max_rounds)
        for item, value in zip(component, keep):
            strength[item] = 1.0 - value
            position[item] = -1
        unsettled.extend(component[j] for j in todo)
        rounds = max(rounds, count)
    if unsettled:
        return Strengths(strength, False, max_rounds, tuple(sorted(unsettled)))
    return Strengths(strength, True, max(rounds, 1))


class _Cycle:
    """One strongly connected component renumbered 0..k-1 in its order, with lists of its own
    (read in the order it is computed: at 10^5 items, the cache misses of a scattered order
    cost more than the arithmetic), every input from outside it folded into constants (they
    are final), and 1 - σ kept for each item (`keep`: what a product of attack or support
    values multiplies by)."""

    __slots__ = ("base", "keep", "attack_out", "support_out", "attackers", "supporters",
                 "successors", "linked")

    def __init__(self, component: list[int], position: list[int], base: Sequence[float],
                 strength: list[float], settled: tuple[list[float], list[float]],
                 attackers: list[list[int]],
                 supporters: list[list[int]], successors: list[list[int]],
                 linked: dict[int, list[_LocalReason]]) -> None:
        self.base = [base[item] for item in component]
        self.keep = [1.0 - strength[item] for item in component]
        self.attack_out, self.attackers = _split(component, attackers, position, strength,
                                                 settled[0])
        self.support_out, self.supporters = _split(component, supporters, position, strength,
                                                   settled[1])
        self.successors = [[position[t] for t in successors[item] if position[t] >= 0]
                           for item in component]
        self.linked = linked


def _split(component: list[int], inputs: list[list[int]], position: list[int],
           strength: list[float], settled: list[float]) -> tuple[list[float], list[list[int]]]:
    """For each item of the component: the product of 1 - σ over its inputs from outside
    (starting from `settled`), and the places of those inside."""
    outer_products, inner_lists = [], []
    for item in component:
        outer, inner = settled[item], []
        for p in inputs[item]:
            j = position[p]
            if j >= 0:
                inner.append(j)
            else:
                outer *= 1.0 - strength[p]
        outer_products.append(outer)
        inner_lists.append(inner)
    return outer_products, inner_lists


def _iterate(cycle: _Cycle, tolerance: float, max_rounds: int
             ) -> tuple[int, list[float], Sequence[int]]:
    """Iterate a cycle from its base scores to a fixed point: the passes made, 1 - σ of each
    of its items, and the places of the items still to compute again after `max_rounds`
    passes (empty when it settled)."""
    keep, v0, linked = cycle.keep, cycle.base, cycle.linked
    attack_out, support_out = cycle.attack_out, cycle.support_out
    att, sup, succ = cycle.attackers, cycle.supporters, cycle.successors
    k = len(keep)
    dirty = bytearray(b"\x01") * k
    todo: Sequence[int] = range(k)
    count = 0
    for count in range(1, max_rounds + 1):
        changed = False
        for j in todo:
            dirty[j] = 0
            attack, support = attack_out[j], support_out[j]
            for p in att[j]:
                attack *= keep[p]
            for p in sup[j]:
                support *= keep[p]
            if j in linked:
                attack, support = _fold(linked[j], attack, support, keep)
            b, d = v0[j], attack - support  # d = (1 - va) - (1 - vs) = vs - va
            new = 1.0 - (b + d * (1.0 - b) if d > 0.0 else b + d * b)
            moved = new - keep[j]
            keep[j] = new
            if moved > tolerance or moved < -tolerance:
                changed = True
                for t in succ[j]:
                    dirty[t] = 1
        todo = list(compress(range(k), dirty)) if changed else []
        if not todo:
            break
    return count, keep, todo


#: a linked reason inside a component: (attack, local premises, the smallest outside premise,
#: local inference or -1, constant factor)
_LocalReason = tuple[bool, list[int], float, int, float]


def _linked(component: list[int], position: list[int], strength: list[float],
            linked_in: dict[int, list[GradualReason]]) -> dict[int, list[_LocalReason]]:
    """The linked reasons into the component's items, by the place of their target."""
    return {position[item]: [_localise(r, position, strength) for r in linked_in[item]]
            for item in component if item in linked_in}


def _localise(reason: GradualReason, position: list[int], strength: list[float]) -> _LocalReason:
    inner = [position[p] for p in reason.premises if position[p] >= 0]
    outer = min((strength[p] for p in reason.premises if position[p] < 0), default=1.0)
    inference, factor = -1, reason.weight
    if reason.inference is not None:
        if position[reason.inference] >= 0:
            inference, factor = position[reason.inference], 1.0
        else:
            factor = strength[reason.inference]
    return reason.attack, inner, outer, inference, factor


def _fold(reasons: list[_LocalReason], attack: float, support: float,
          keep: list[float]) -> tuple[float, float]:
    """The products `attack` and `support` with the linked reasons' values folded in
    (`keep` holds 1 - σ of the component's items)."""
    for is_attack, inner, outer, inference, factor in reasons:
        value = min(outer, *(1.0 - keep[p] for p in inner)) if inner else outer
        value *= factor if inference < 0 else 1.0 - keep[inference]
        if is_attack:
            attack *= 1.0 - value
        else:
            support *= 1.0 - value
    return attack, support


def _compute(item: int, base: Sequence[float], strength: list[float],
             settled: tuple[list[float], list[float]], attackers: list[int],
             supporters: list[int], linked_in: dict[int, list[GradualReason]]) -> float:
    """σ(item) from the current strengths of its inputs (those Kahn's order settled already
    in the products `settled`)."""
    attack, support = settled[0][item], settled[1][item]
    for p in attackers:
        attack *= 1.0 - strength[p]
    for p in supporters:
        support *= 1.0 - strength[p]
    return _value(base[item], attack, support, linked_in.get(item, []), strength)


def _strongly_connected(items: list[int], successors: list[list[int]]) -> list[list[int]]:
    """Tarjan's strongly connected components of `items`, sources first (iterative), the
    items of each in reverse postorder of the search: an edge within a component points
    forward in that order unless it closes a loop."""
    n = len(successors)
    index = [-1] * n
    low = [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    finished: list[int] = []  # in postorder, the items of components not yet found
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
                finished.append(item)
                if work and low[item] < low[work[-1][0]]:
                    low[work[-1][0]] = low[item]
                if low[item] == index[item]:
                    size = 0
                    while True:
                        member = stack.pop()
                        on_stack[member] = 0
                        size += 1
                        if member == item:
                            break
                    found.append(finished[:-size - 1:-1])
                    del finished[-size:]
    found.reverse()  # Tarjan finds sinks first
    return found

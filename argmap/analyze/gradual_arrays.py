"""DF-QuAD on one large cycle (strongly connected component) as numpy arrays.

The same iteration as `gradual._iterate`, on the same component in the same order, with the
same stopping rule, but each pass is a few array operations instead of a Python loop per item.
Every input of an item is an edge `source -> item`; edges are kept sorted by their target, so
the product over an item's inputs is one `np.multiply.reduceat` over a contiguous segment (a
product, not a sum of logarithms: a strength of exactly 1 gives a factor of exactly 0). The
component is cut into blocks of consecutive items; a pass computes block after block, each
from the values the blocks before it just computed (Gauss-Seidel between blocks, Jacobi
within one): in the search's reverse postorder most edges point forward, so a pass still
carries a change far. Imported only for components of at least `gradual.ARRAYS_FROM` items.
"""

from __future__ import annotations

from itertools import chain
from typing import Sequence

import numpy as np

#: items per block of a pass (measured: bench/analyze.py --gradual, docs/analysis.md Speed)
BLOCK = 4096

#: a linked reason inside a component, as gradual._localise makes it: (attack, local premises,
#: the smallest outside premise, local inference or -1, constant factor)
LocalReason = tuple[bool, list[int], float, int, float]


class _Products:
    """Products over groups of factors, the factors of one target contiguous: for each block,
    the places of the factors, where each target's segment starts, and the targets."""

    def __init__(self, targets: np.ndarray, bounds: np.ndarray) -> None:
        self.blocks: list[tuple[slice, np.ndarray, np.ndarray]] = []
        cuts = np.searchsorted(targets, bounds)
        for lo, hi in zip(cuts[:-1], cuts[1:]):
            part = targets[lo:hi]
            starts = np.flatnonzero(np.r_[True, part[1:] != part[:-1]]) if len(part) else part
            self.blocks.append((slice(lo, hi), starts, part[starts]))


def _segment_products(factors: np.ndarray, targets: np.ndarray, size: int) -> np.ndarray:
    """For each of `size` targets the product of its factors (`targets` sorted); 1 for none."""
    out = np.ones(size)
    if len(targets):
        starts = np.flatnonzero(np.r_[True, targets[1:] != targets[:-1]])
        out[targets[starts]] = np.multiply.reduceat(factors, starts)
    return out


def _side(component: list[int], inputs: list[list[int]], position: np.ndarray,
          keep_all: np.ndarray, settled: list[float]
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One kind of input (attackers or supporters) of the component's items: the product of
    1 - σ over the inputs from outside (final; from `settled`, the product over those Kahn's
    order settled), and the edges inside (local source, target)."""
    k = len(component)
    lists = list(map(inputs.__getitem__, component))
    lengths = np.fromiter(map(len, lists), np.intp, k)
    sources = np.fromiter(chain.from_iterable(lists), np.intp, int(lengths.sum()))
    targets = np.repeat(np.arange(k), lengths)
    local = position[sources]
    inner = local >= 0
    outer = _segment_products(keep_all[sources[~inner]], targets[~inner], k)
    outer *= np.asarray(settled)[component]
    return outer, local[inner], targets[inner]


def iterate(component: list[int], position: Sequence[int], base: Sequence[float],
            strength: Sequence[float], settled: tuple[list[float], list[float]],
            attackers: list[list[int]], supporters: list[list[int]],
            linked: dict[int, list[LocalReason]], tolerance: float, max_rounds: int,
            block: int = BLOCK) -> tuple[int, list[float], list[int]]:
    """Iterate a cycle from its base scores (`position` maps an item to its place in the
    component, -1 outside; `settled` and the input lists as in gradual._components): the
    passes made, 1 - σ of each of its items, and the places of the items still to compute
    again after `max_rounds` passes (those an input of which moved by more than `tolerance`
    in the last pass; empty when it settled)."""
    k = len(component)
    where = np.asarray(position, dtype=np.intp)
    keep_all = 1.0 - np.asarray(strength, dtype=float)
    v0 = np.asarray(base, dtype=float)[component]
    keep = 1.0 - v0
    bounds = np.r_[np.arange(0, k, block), k]
    attack_out, attack_src, attack_tgt = _side(component, attackers, where, keep_all,
                                               settled[0])
    support_out, support_src, support_tgt = _side(component, supporters, where, keep_all,
                                                  settled[1])
    # linked reasons, in the order of their targets
    reasons = [(j, r) for j in sorted(linked) for r in linked[j]]
    is_attack = np.array([r[0] for _, r in reasons], dtype=bool)
    r_target = np.array([j for j, _ in reasons], dtype=np.intp)
    r_outer = np.array([r[2] for _, r in reasons], dtype=float)
    r_inference = np.array([r[3] for _, r in reasons], dtype=np.intp)
    r_factor = np.array([r[4] for _, r in reasons], dtype=float)
    premise_of = np.array([n for n, (_, r) in enumerate(reasons) for _ in r[1]], dtype=np.intp)
    premises = np.array([p for _, r in reasons for p in r[1]], dtype=np.intp)
    attack_r, support_r = np.flatnonzero(is_attack), np.flatnonzero(~is_attack)
    # the blocks: slices of every edge list (all sorted by target), reasons' premises by reason
    attack_p, support_p = _Products(attack_tgt, bounds), _Products(support_tgt, bounds)
    attack_l = _Products(r_target[attack_r], bounds)
    support_l = _Products(r_target[support_r], bounds)
    reason_cuts = np.searchsorted(r_target, bounds)
    premise_p = _Products(premise_of, reason_cuts)
    has_inference = r_inference >= 0
    # every edge inside, for the items left to do
    edge_src = np.concatenate([attack_src, support_src, premises,
                               r_inference[has_inference]]).astype(np.intp)
    edge_tgt = np.concatenate([attack_tgt, support_tgt, r_target[premise_of],
                               r_target[has_inference]]).astype(np.intp)
    moved = np.zeros(k, dtype=bool)
    count = 0
    for count in range(1, max_rounds + 1):
        for b in range(len(bounds) - 1):
            lo, hi = int(bounds[b]), int(bounds[b + 1])
            attack = attack_out[lo:hi].copy()
            support = support_out[lo:hi].copy()
            _fold(attack, lo, keep, attack_src, attack_p.blocks[b])
            _fold(support, lo, keep, support_src, support_p.blocks[b])
            rlo, rhi = int(reason_cuts[b]), int(reason_cuts[b + 1])
            if rhi > rlo:
                values = _reason_values(keep, rlo, rhi, r_outer, r_inference, r_factor,
                                        premises, premise_p.blocks[b])
                _fold_values(attack, lo, 1.0 - values[attack_r[attack_l.blocks[b][0]] - rlo],
                             attack_l.blocks[b])
                _fold_values(support, lo, 1.0 - values[support_r[support_l.blocks[b][0]] - rlo],
                             support_l.blocks[b])
            b0, d = v0[lo:hi], attack - support  # d = vs - va
            new = 1.0 - np.where(d > 0.0, b0 + d * (1.0 - b0), b0 + d * b0)
            moved[lo:hi] = np.abs(new - keep[lo:hi]) > tolerance
            keep[lo:hi] = new
        if not moved.any():
            return count, keep.tolist(), []
    todo = np.zeros(k, dtype=bool)
    todo[edge_tgt[moved[edge_src]]] = True
    return count, keep.tolist(), np.flatnonzero(todo).tolist()


def _fold(products: np.ndarray, lo: int, keep: np.ndarray, sources: np.ndarray,
          block: tuple[slice, np.ndarray, np.ndarray]) -> None:
    """Multiply 1 - σ of each inside input into its target's product (in place)."""
    edges, starts, targets = block
    if len(targets):
        products[targets - lo] *= np.multiply.reduceat(keep[sources[edges]], starts)


def _fold_values(products: np.ndarray, lo: int, factors: np.ndarray,
                 block: tuple[slice, np.ndarray, np.ndarray]) -> None:
    """Multiply the given factors (one per edge of the block) into their targets' products."""
    _, starts, targets = block
    if len(targets):
        products[targets - lo] *= np.multiply.reduceat(factors, starts)


def _reason_values(keep: np.ndarray, rlo: int, rhi: int, outer: np.ndarray,
                   inference: np.ndarray, factor: np.ndarray, premises: np.ndarray,
                   block: tuple[slice, np.ndarray, np.ndarray]) -> np.ndarray:
    """The value of the linked reasons rlo..rhi-1: min(σ of the premises) times the factor."""
    values = outer[rlo:rhi].copy()
    edges, starts, reasons = block
    if len(reasons):
        weakest = np.minimum.reduceat(1.0 - keep[premises[edges]], starts)
        values[reasons - rlo] = np.minimum(values[reasons - rlo], weakest)
    inf = inference[rlo:rhi]
    return values * np.where(inf >= 0, 1.0 - keep[np.maximum(inf, 0)], factor[rlo:rhi])

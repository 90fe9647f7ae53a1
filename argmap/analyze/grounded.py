"""Grounded semantics in linear time, without a solver (so it loads fast for overlays).

A worklist labelling: an argument whose attackers are all `out` becomes `in`, everything it
attacks becomes `out`; each attack is looked at a bounded number of times, so the whole run is
O(arguments + attacks). What is left unlabelled is `undec`.
"""

from __future__ import annotations

from .framework import Framework

IN, OUT, UNDEC = "in", "out", "undec"


def grounded_labelling(af: Framework) -> list[str]:
    """The grounded labelling (`in` / `out` / `undec` per argument) in O(arguments + attacks)."""
    n = af.size
    successors: list[list[int]] = [[] for _ in range(n)]
    alive = [0] * n  # attackers not yet labelled out
    for source, target in zip(af.sources, af.targets):
        successors[source].append(target)
        alive[target] += 1
    label = bytearray(n)  # 0 undec, 1 in, 2 out
    queue = [i for i in range(n) if alive[i] == 0]
    while queue:
        arg = queue.pop()
        label[arg] = 1
        for attacked in successors[arg]:
            if label[attacked] == 0:
                label[attacked] = 2
                for next_arg in successors[attacked]:
                    alive[next_arg] -= 1
                    if alive[next_arg] == 0 and label[next_arg] == 0:
                        queue.append(next_arg)
    names = (UNDEC, IN, OUT)
    return [names[x] for x in label]


def grounded_extension(af: Framework) -> frozenset[int]:
    """The grounded extension: the arguments labelled `in` by `grounded_labelling`."""
    return frozenset(i for i, label in enumerate(grounded_labelling(af)) if label == IN)

"""Why an argument is in, out or undecided under grounded semantics, as a tree of steps.

The grounded labelling is computed here again by rounds (the grounded extension is the least
fixpoint of "defended by what is in so far"): round 0 labels the unattacked arguments `in`,
and what they attack `out`; round k+1 labels `in` what has every attacker `out` by then. An
argument's *rank* is the round it was labelled in; an `out` argument remembers the first `in`
argument that attacked it (its *defeater*, of the least rank). So

* an `in` argument of rank k is explained by all its attackers, each `out` by a defeater of
  rank < k, each explained in turn: the tree ends, and its leaves are unattacked arguments;
* an `out` argument is explained by its defeater, which is `in`;
* an `undec` argument has no attacker that is `in` and one that is `undec` (else it would be
  `in`): following undecided attackers must come back to an argument already met, so the
  explanation is a chain of undecided attackers that ends on an attack cycle.

An argument met a second time in a tree is not expanded again: its step says `repeated`.
O(arguments + attacks) for the labelling, and the size of the tree for one explanation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..framework import Framework
from ..grounded import IN, OUT, UNDEC

#: why an argument has its label: no attacker; every attacker out; an attacker in;
#: an undecided attacker and none in; already explained above in the same tree
UNATTACKED, DEFENDED, ATTACKED, UNDECIDED, REPEATED = (
    "unattacked", "defended", "attacked", "undecided", "repeated")


@dataclass(frozen=True, slots=True)
class Step:
    """One argument in an explanation: its label, why, and the steps that show it.

    `children` are, for `defended`, every attacker (each `out`); for `attacked`, the one
    attacker that is `in`; for `undecided`, the undecided attacker the chain follows. A
    `repeated` step has none (the argument is explained elsewhere in the tree), nor has a step
    cut off at the depth limit (`truncated`).
    """

    argument: int
    status: str
    reason: str
    children: tuple["Step", ...] = ()
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class GroundedExplanation:
    """The tree for one argument, and for an undecided one the attack cycle its chain ends on
    (each argument of `cycle` attacks the one before it, and the first attacks the last)."""

    root: Step
    cycle: tuple[int, ...] = ()


class GroundedExplainer:
    """Explains the grounded label of any argument of one framework (set up once: O(n + m))."""

    def __init__(self, af: Framework) -> None:
        self.af = af
        n = af.size
        attackers: list[list[int]] = [[] for _ in range(n)]
        successors: list[list[int]] = [[] for _ in range(n)]
        alive = [0] * n  # attacks from attackers not yet out
        for source, target in zip(af.sources, af.targets):
            successors[source].append(target)
            alive[target] += 1
            attackers[target].append(source)
        self.attackers = [list(dict.fromkeys(a)) for a in attackers]
        label = [UNDEC] * n
        rank = [-1] * n
        defeater = [-1] * n
        level = [i for i in range(n) if alive[i] == 0]
        k = 0
        while level:
            for arg in level:
                label[arg] = IN
                rank[arg] = k
            following: list[int] = []
            for arg in level:
                for target in successors[arg]:
                    if label[target] == UNDEC:
                        label[target] = OUT
                        rank[target] = k
                        defeater[target] = arg
                        for next_arg in successors[target]:
                            alive[next_arg] -= 1
                            if alive[next_arg] == 0 and label[next_arg] == UNDEC:
                                following.append(next_arg)
            level = following
            k += 1
        self.labels = label
        self.rank = rank
        self.defeater = defeater

    def explain(self, arg: int, depth: int | None = None) -> GroundedExplanation:
        """The explanation of `arg`'s label; steps more than `depth` levels down are cut off
        (`truncated`): the short form looks two levels down."""
        if self.labels[arg] == UNDEC:
            return self._undecided(arg, depth)
        return GroundedExplanation(self._decided(arg, depth))

    def reason(self, arg: int) -> str:
        """Why `arg` has its label, in one word (`unattacked`, `defended`, `attacked`, `undecided`)."""
        if self.labels[arg] == OUT:
            return ATTACKED
        if self.labels[arg] == UNDEC:
            return UNDECIDED
        return DEFENDED if self.attackers[arg] else UNATTACKED

    def _proof(self, arg: int) -> list[int]:
        """The arguments that show an `in` or `out` label: every attacker / the defeater."""
        if self.labels[arg] == OUT:
            return [self.defeater[arg]]
        return self.attackers[arg]

    def _decided(self, arg: int, depth: int | None) -> Step:
        """The tree of an `in` or `out` argument, depth first without recursion (trees can be
        deep: a chain of n arguments gives one n deep)."""
        seen: set[int] = set()

        def start(current: int, level: int) -> tuple[list | None, Step | None]:
            """A frame to expand, or the finished step of a leaf."""
            reason = self.reason(current)
            if current in seen:
                return None, Step(current, self.labels[current], REPEATED)
            if reason == UNATTACKED:
                seen.add(current)
                return None, Step(current, IN, UNATTACKED)
            if depth is not None and level >= depth:
                return None, Step(current, self.labels[current], reason, truncated=True)
            seen.add(current)
            return [current, level, list(reversed(self._proof(current))), []], None

        frame, step = start(arg, 0)
        if step is not None:
            return step
        stack = [frame]
        while True:
            top = stack[-1]
            if top[2]:
                frame, step = start(top[2].pop(), top[1] + 1)
                if step is not None:
                    top[3].append(step)
                else:
                    stack.append(frame)
                continue
            stack.pop()
            step = Step(top[0], self.labels[top[0]], self.reason(top[0]), tuple(top[3]))
            if not stack:
                return step
            stack[-1][3].append(step)

    def _undecided(self, arg: int, depth: int | None) -> GroundedExplanation:
        """A chain of undecided attackers from `arg` to the first argument met again."""
        path = [arg]
        where = {arg: 0}
        while True:
            options = [b for b in self.attackers[path[-1]] if self.labels[b] == UNDEC]
            assert options, "an undecided argument has an undecided attacker"
            closing = [b for b in options if b in where]
            if closing:
                back = min(closing, key=where.__getitem__)
                cycle = tuple(path[where[back]:])
                break
            path.append(options[0])
            where[options[0]] = len(path) - 1
        last = len(path) - 1
        if depth is not None and last >= depth:
            step = Step(path[depth], UNDEC, UNDECIDED, truncated=True)
            last = depth - 1
        else:
            step = Step(back, UNDEC, REPEATED)
        for position in range(last, -1, -1):
            step = Step(path[position], UNDEC, UNDECIDED, (step,))
        return GroundedExplanation(step, cycle)

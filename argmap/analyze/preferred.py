"""Sceptical preferred acceptance without enumerating the preferred extensions.

A counterexample-guided loop (as in CEGARTIX, Dvořák, Järvisalo, Wallner and Woltran 2014):

1. find a complete extension E that lacks the property asked about (`a` in it, or `a`
   attacked by it) and is not contained in a preferred extension already found;
2. grow E into a preferred extension P (clingo's domain heuristic makes the first model
   containing E subset-maximal);
3. if P lacks the property too, P is a counterexample: the answer is no. Otherwise remember P
   (no later E may lie inside it) and go back to 1. When step 1 finds nothing, the answer is yes.

Every round finds a new preferred extension, so the loop ends; in practice after one or two
rounds. The preferred extensions met are kept: they answer "no" to later queries at once
(through what all of them hold and attack, so a query costs nothing once one of them lacks it).
Asking for every argument (`sceptical_labels`), `narrow` first meets a few extensions as far
apart as the solver can make them, which answer most queries at once. The problem is
Π2-complete, so some frameworks need many rounds: an argument that is in every
one of very many preferred extensions can cost a round for each. `timeout` bounds that. One grounded clingo program serves every query: each query's constraints hang on a
fresh guard atom that is switched on only while that query runs.
"""

from __future__ import annotations

import time

import clingo

from .dung import MAXIMAL, PREFERRED, Core, control, literal, literals, solve_iter
from .framework import Framework
from .grounded import IN, OUT, UNDEC


#: externals steering the search for a counterexample in `narrow` (false unless assigned): an
#: argument `avoid`ed is left out, one `spare`d left undefeated, where the rest allows
STEERED = PREFERRED + """
#external avoid(X) : arg(X).
#external spare(X) : arg(X).
#heuristic in(X) : avoid(X). [2,false]
#heuristic defeated(X) : spare(X). [2,false]
"""


class PreferredReasoner:
    """Answers "is `a` in (or attacked by) every preferred extension?" for one framework."""

    def __init__(self, af: Framework) -> None:
        self.core = Core(af)
        self.ctl = control(self.core.af, STEERED, MAXIMAL)
        self._in = literals(self.ctl, "in")
        #: True when `narrow` proved that `found` holds and attacks exactly what every
        #: preferred extension does: each query is then answered from it
        self.exact = False
        self.rounds = 0  # solver rounds used, for benchmarks
        #: preferred extensions of the core met so far: counterexamples for later queries
        self.found: list[frozenset[int]] = []
        #: what every extension in `found` holds, and what each of them attacks
        self._in_all: set[int] = set()
        self._hit_all: set[int] = set()
        self._attackers: list[list[int]] | None = None
        self._steer: tuple[dict[int, int], dict[int, int]] | None = None

    def _first(self, assumptions: list[int], deadline: float | None) -> frozenset[int] | None:
        self.rounds += 1
        for model in solve_iter(self.ctl, limit=1, deadline=deadline, assumptions=assumptions):
            return model
        return None

    def sceptical(self, arg: int, *, attacked: bool = False, timeout: float | None = None) -> bool:
        """True iff every preferred extension contains `arg` (or, with `attacked`, attacks it).

        Raises EnumerationTimeout when `timeout` seconds pass first.
        """
        label = self.core.labels[arg]
        if label != UNDEC:  # decided by the grounded extension, inside every preferred one
            return label == (OUT if attacked else IN)
        deadline = None if timeout is None else time.monotonic() + timeout
        arg = self.core.position[arg]
        wanted = literal(self.ctl, "defeated" if attacked else "in", arg)
        if wanted is None:  # never attacked (or never in): no extension has the property
            return False
        if self.found and arg not in (self._hit_all if attacked else self._in_all):
            return False  # an extension met before lacks the property
        if self.exact:
            return True
        with self.ctl.backend() as backend:
            guard = backend.add_atom()
            backend.add_external(guard, clingo.TruthValue.Free)
            backend.add_rule([], [guard, wanted])  # while guarded: E lacks the property
        try:
            while True:
                start = self._first([guard], deadline)
                if start is None:
                    return True
                grown = self._first([-guard, *(self._in[i] for i in start)], deadline)
                if grown is None:  # cannot happen: E itself is a model
                    raise AssertionError("a complete extension could not be grown")
                self._remember(grown)
                if not self._has(grown, arg, attacked):
                    return False
                outside = [-lit for i, lit in self._in.items() if i not in grown]
                with self.ctl.backend() as backend:  # while guarded: E not inside `grown`
                    backend.add_rule([], [guard, *outside])
        finally:
            self.ctl.release_external(guard)

    def narrow(self, timeout: float | None = None) -> None:
        """Meet preferred extensions that differ from one another as much as they can, so
        that most later queries are answered from them at once (asked one by one, the
        counterexample loop meets extensions that differ from those found in one small part
        only, each round settling a few arguments: a round per independent part).

        Each round looks for a complete extension E inside no extension found that lacks
        something every found one holds, or leaves undefeated something every found one
        attacks — the solver steered to leave out as many of those as it can —, and grows E
        into a preferred extension. It stops when a round settles less than a tenth of what was
        left, or when no E is left: then `found` holds and attacks exactly what every
        preferred extension does (one lacking any of it would be such an E) and `exact` is set.
        Raises EnumerationTimeout when `timeout` seconds pass first.
        """
        if not self.core.inside or self.exact:
            return
        deadline = None if timeout is None else time.monotonic() + timeout
        ctl = self.ctl
        defeated = literals(ctl, "defeated")
        if not self.found:
            self._remember(self._first([], deadline))
        with ctl.backend() as backend:
            phase = backend.add_atom()  # on while looking for E: E inside no extension found
            backend.add_external(phase, clingo.TruthValue.Free)
            for extension in self.found:
                backend.add_rule([], [phase, *(-lit for i, lit in self._in.items()
                                               if i not in extension)])
        try:
            while True:
                left = len(self._in_all) + len(self._hit_all)
                with ctl.backend() as backend:
                    lacking = backend.add_atom()  # on while looking for E: E lacks something
                    backend.add_external(lacking, clingo.TruthValue.Free)
                    backend.add_rule([], [lacking, *(self._in[i] for i in self._in_all),
                                          *(defeated[i] for i in self._hit_all)])
                try:
                    start = self._steered([phase, lacking], deadline)
                finally:
                    ctl.release_external(lacking)
                if start is None:
                    self.exact = True
                    return
                grown = self._first([-phase, *(self._in[i] for i in start)], deadline)
                self._remember(grown)
                with ctl.backend() as backend:
                    backend.add_rule([], [phase, *(-lit for i, lit in self._in.items()
                                                   if i not in grown)])
                if 10 * (len(self._in_all) + len(self._hit_all)) > 9 * left:
                    return
        finally:
            ctl.release_external(phase)

    def _steered(self, assumptions: list[int], deadline: float | None) -> frozenset[int] | None:
        """`_first`, the solver steered to leave out what every extension found holds and to
        leave undefeated what every one attacks, as far as it can."""
        if self._steer is None:
            self._steer = (literals(self.ctl, "avoid"), literals(self.ctl, "spare"))
        avoid, spare = self._steer
        steer = [avoid[i] for i in self._in_all if i in avoid]
        steer += [spare[i] for i in self._hit_all if i in spare]
        for lit in steer:
            self.ctl.assign_external(lit, True)
        try:
            return self._first(assumptions, deadline)
        finally:
            for lit in steer:
                self.ctl.assign_external(lit, False)

    def _remember(self, extension: frozenset[int]) -> None:
        """Keep a preferred extension found, narrowing what all of them hold and attack."""
        af = self.core.af
        if not self.found:
            self._in_all = set(extension)
            self._hit_all = {t for s, t in zip(af.sources, af.targets) if s in extension}
        else:
            self._in_all &= extension
            self._hit_all = {a for a in self._hit_all if self._has(extension, a, True)}
        self.found.append(extension)

    def _has(self, extension: frozenset[int], arg: int, attacked: bool) -> bool:
        if not attacked:
            return arg in extension
        if self._attackers is None:
            self._attackers = self.core.af.attackers()
        return any(s in extension for s in self._attackers[arg])

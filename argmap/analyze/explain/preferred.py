"""Why an argument is (or is not) credulously or sceptically accepted under preferred semantics.

* **credulous**: an argument is in some preferred extension iff some admissible set holds it
  (every admissible set lies inside a preferred one). The witness is an admissible set of
  *least size* holding it: clingo minimises `#count{X: in(X)}` over the admissible sets that
  hold it, on the part of the framework that can reach the argument through attacks (only
  that part bears on defending it: an admissible set of it is admissible in the whole). When
  there is none, the reason: the argument attacks itself, or the grounded extension attacks
  it, or (otherwise) every attacker and what could answer it are listed.
* **sceptical**: a preferred extension without the argument, from the counterexample loop of
  `preferred.PreferredReasoner` (or the fact that every preferred extension holds it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..dung import EnumerationTimeout, control, solve_iter
from ..framework import Framework
from ..grounded import IN, OUT, grounded_labelling

#: the admissible sets holding argument `target`, smallest first
_LEAST_ADMISSIBLE = """
{in(X)} :- arg(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- in(X), att(Y,X), not defeated(Y).
:- not in(T), target(T).
#minimize { 1,X : in(X) }.
"""

#: why no admissible set holds an argument
SELF_ATTACK, GROUNDED_ATTACK, NO_DEFENCE = "self-attack", "attacked-by-grounded", "no-admissible-set"


@dataclass(frozen=True, slots=True)
class Credulous:
    """The credulous verdict on one argument.

    `witness` is an admissible set holding it (None when there is none, or when time ran out
    before one was found: then `decided` is False). `least` says the witness was proved to be
    of least size (False when time ran out first: it is admissible all the same). `why_not`
    is one of SELF_ATTACK, GROUNDED_ATTACK, NO_DEFENCE when there is no witness.
    """

    argument: int
    accepted: bool | None
    witness: frozenset[int] | None = None
    least: bool = False
    why_not: str | None = None
    decided: bool = True


def _reaching(af: Framework, arg: int, attackers: list[list[int]]) -> list[int]:
    """The arguments from which an attack path leads to `arg` (with `arg`), `arg` first."""
    found = {arg: None}
    queue = [arg]
    for current in queue:
        for attacker in attackers[current]:
            if attacker not in found:
                found[attacker] = None
                queue.append(attacker)
    return list(found)


def credulous(af: Framework, arg: int, timeout: float | None = None,
              attackers: list[list[int]] | None = None) -> Credulous:
    """Is `arg` in some preferred extension? With a least admissible set holding it, or why not."""
    attackers = af.attackers() if attackers is None else attackers
    if arg in attackers[arg]:
        return Credulous(arg, False, why_not=SELF_ATTACK)
    labels = grounded_labelling(af)
    if labels[arg] == OUT:
        return Credulous(arg, False, why_not=GROUNDED_ATTACK)
    part = _reaching(af, arg, attackers)
    position = {a: k for k, a in enumerate(part)}
    sub = Framework([af.names[a] for a in part],
                    ((position[s], position[t]) for s, t in af.attacks()
                     if t in position and s in position))
    ctl = control(sub, _LEAST_ADMISSIBLE + "target(0).\n")
    deadline = None if timeout is None else time.monotonic() + timeout
    best = None
    try:
        for model in solve_iter(ctl, deadline=deadline):
            best = model  # each model is smaller than the one before; the last is least
    except EnumerationTimeout:
        if best is None:
            return Credulous(arg, None, decided=False)
        return Credulous(arg, True, frozenset(part[k] for k in best), least=False)
    if best is None:
        return Credulous(arg, False, why_not=NO_DEFENCE)
    return Credulous(arg, True, frozenset(part[k] for k in best), least=True)


@dataclass(frozen=True, slots=True)
class Sceptical:
    """The sceptical verdict on one argument: `accepted` when every preferred extension holds
    it; otherwise `counterexample` is a preferred extension without it. `status` is its
    sceptical status (`in` every extension holds it, `out` every one attacks it, else `undec`);
    `met` counts the preferred extensions the solver met on the way. `decided` is False when
    the time ran out (then `accepted` is None)."""

    argument: int
    accepted: bool | None
    counterexample: frozenset[int] | None = None
    status: str | None = None
    met: int = 0
    decided: bool = True


def sceptical(af: Framework, arg: int, timeout: float | None = None) -> Sceptical:
    """Is `arg` in every preferred extension? If not, one preferred extension without it."""
    from ..acceptance import extensions
    from ..preferred import PreferredReasoner

    deadline = None if timeout is None else time.monotonic() + timeout

    def left() -> float | None:
        return None if deadline is None else max(0.0, deadline - time.monotonic())

    reasoner = PreferredReasoner(af)
    try:
        accepted = reasoner.sceptical(arg, timeout=left())
    except EnumerationTimeout:
        return Sceptical(arg, None, decided=False)
    lift = reasoner.core.lift
    if accepted:
        return Sceptical(arg, True, status=IN, met=len(reasoner.found))
    core_arg = reasoner.core.position.get(arg)
    lacking = [p for p in reasoner.found if core_arg is None or core_arg not in p]
    try:
        if lacking:
            counter = lift(lacking[-1])
        else:  # decided without the solver (out in the grounded labelling, or never in)
            counter = next(iter(extensions(af, "preferred", limit=1, timeout=left())))
        attacked_by_all = reasoner.sceptical(arg, attacked=True, timeout=left())
    except EnumerationTimeout:
        return Sceptical(arg, False, None, None, len(reasoner.found), decided=False)
    status = OUT if attacked_by_all else "undec"
    return Sceptical(arg, False, counter, status, len(reasoner.found))

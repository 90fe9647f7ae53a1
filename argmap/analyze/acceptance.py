"""Extensions, acceptance and status under every semantics, on top of `dung` and `preferred`.

* `extensions` streams the extensions of one semantics, stopping at a limit or a time limit;
* `credulous` / `sceptical` decide acceptance of one argument without enumerating where
  the semantics allows it (semi-stable acceptance does enumerate: it is the hardest);
* `sceptical_labels` gives every argument its *sceptical status*: `in` when every extension
  contains it, `out` when every extension attacks it, `undec` otherwise. Under grounded (and
  complete, whose sceptical status is the grounded one) this is the grounded labelling. When a
  framework has no stable extension every argument is `undec` under stable. With `partial`,
  running out of time is no error: what was not decided in time is `unknown`.

The solver only sees the part the grounded labelling leaves undecided (`dung.Core`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Iterable, Iterator

from ..errors import UsageError
from .dung import (
    COMPLETE,
    MAXIMAL,
    MAXIMAL_RANGE,
    PREFERRED,
    RANGE,
    STABLE,
    Core,
    EnumerationTimeout,
    control,
    literal,
    literals,
    numbers,
    solve_iter,
)
from .framework import SEMANTICS, Framework
from .grounded import IN, OUT, UNDEC, grounded_extension, grounded_labelling
from .preferred import PreferredReasoner

if TYPE_CHECKING:
    import clingo


#: the status of an argument whose status was not decided in time (`partial` labelling)
UNKNOWN = "unknown"


def _first(ctl: clingo.Control, assumptions: list[int], timeout: float | None) -> frozenset[int] | None:
    """The first model under `assumptions` (None: there is none); EnumerationTimeout after `timeout`."""
    for model in solve_iter(ctl, limit=1, deadline=_deadline(timeout), assumptions=assumptions):
        return model
    return None


def _check(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise UsageError(f"unknown semantics {semantics!r}; use one of {', '.join(SEMANTICS)}")


def _deadline(timeout: float | None) -> float | None:
    return None if timeout is None else time.monotonic() + timeout


def _ideal(af: Framework, deadline: float | None) -> frozenset[int]:
    """The largest admissible set not attacked by any credulously accepted argument
    (Dunne 2009): one brave-consequence call, then a fixpoint dropping what is undefended."""
    brave: frozenset[int] = frozenset()
    for model in solve_iter(control(af, COMPLETE, ["--enum-mode=brave"]), deadline=deadline):
        brave = model  # the last model holds the brave consequences
    attackers = af.attackers()
    candidates = {a for a in brave if not any(b in brave for b in attackers[a])}
    changed = True
    while changed:
        attacked = {t for s, t in zip(af.sources, af.targets) if s in candidates}
        keep = {a for a in candidates if all(b in attacked for b in attackers[a])}
        changed = keep != candidates
        candidates = keep
    return frozenset(candidates)


def ideal_extension(af: Framework, timeout: float | None = None) -> frozenset[int]:
    """The ideal extension of `af`."""
    core = Core(af)
    return core.lift(_ideal(core.af, _deadline(timeout)))


def extensions(af: Framework, semantics: str, *, limit: int | None = None,
               timeout: float | None = None) -> Iterator[frozenset[int]]:
    """Stream the extensions of `semantics`, at most `limit`; EnumerationTimeout after `timeout`."""
    for extension in sorted_extensions(af, semantics, limit=limit, timeout=timeout):
        yield frozenset(extension)


def sorted_extensions(af: Framework, semantics: str, *, limit: int | None = None,
                      timeout: float | None = None) -> Iterator[list[int]]:
    """`extensions`, each as a sorted list of argument indices: what a listing prints, made
    without a set per extension (the fast path of `argmap analyze FILE.i23`)."""
    _check(semantics)
    if semantics == "grounded":
        yield sorted(grounded_extension(af))
        return
    core = Core(af)
    for extension in _core_extensions(core.af, semantics, limit, _deadline(timeout)):
        yield core.lift_sorted(extension)


def _core_extensions(af: Framework, semantics: str, limit: int | None,
                     deadline: float | None) -> Iterator[list[int]]:
    if semantics == "ideal":
        yield sorted(_ideal(af, deadline))
    elif semantics == "semi-stable":
        yield from _semi_stable(af, limit, deadline)
    else:
        program, options = {"complete": (COMPLETE, []), "stable": (STABLE, []),
                            "preferred": (PREFERRED, MAXIMAL)}[semantics]
        yield from solve_iter(control(af, program, options), limit=limit, deadline=deadline,
                              convert=numbers)


def _semi_stable(af: Framework, limit: int | None, deadline: float | None
                 ) -> Iterator[list[int]]:
    """Maximal ranges first, then every complete extension having one of them as its range."""
    ranges = control(af, MAXIMAL_RANGE, MAXIMAL, show=["X : range(X)"])
    exact = control(af, COMPLETE + RANGE)
    lits = literals(exact, "range")
    found = 0
    for covered in solve_iter(ranges, deadline=deadline):
        assumptions = [lit if i in covered else -lit for i, lit in lits.items()]
        for extension in solve_iter(exact, deadline=deadline, assumptions=assumptions,
                                    convert=numbers):
            yield extension
            found += 1
            if limit is not None and found >= limit:
                return


def _has_stable(af: Framework, timeout: float | None) -> bool:
    return any(True for _ in extensions(af, "stable", limit=1, timeout=timeout))


def credulous(af: Framework, semantics: str, arg: int, timeout: float | None = None) -> bool:
    """Is `arg` in at least one extension of `semantics`?"""
    _check(semantics)
    if semantics in ("grounded", "ideal"):
        return sceptical(af, semantics, arg, timeout)
    core = Core(af)
    if core.labels[arg] != UNDEC:
        return core.labels[arg] == IN and (semantics != "stable" or _has_stable(af, timeout))
    if semantics == "semi-stable":
        return any(arg in e for e in extensions(af, semantics, timeout=timeout))
    ctl = control(core.af, STABLE if semantics == "stable" else COMPLETE)
    lit = literal(ctl, "in", core.position[arg])
    return lit is not None and _first(ctl, [lit], timeout) is not None


def sceptical(af: Framework, semantics: str, arg: int, timeout: float | None = None) -> bool:
    """Is `arg` in every extension of `semantics`? (Vacuously true when there is none.)"""
    _check(semantics)
    if semantics in ("grounded", "complete"):
        return grounded_labelling(af)[arg] == IN
    if semantics == "ideal":
        return arg in ideal_extension(af, timeout)
    if semantics == "preferred":
        return PreferredReasoner(af).sceptical(arg, timeout=timeout)
    core = Core(af)
    if core.labels[arg] != UNDEC:
        return core.labels[arg] == IN or (semantics == "stable" and not _has_stable(af, timeout))
    if semantics == "stable":
        ctl = control(core.af, STABLE)
        lit = literal(ctl, "in", core.position[arg])
        return _first(ctl, [] if lit is None else [-lit], timeout) is None
    return all(arg in e for e in extensions(af, semantics, timeout=timeout))


def sceptical_labels(af: Framework, semantics: str, args: Iterable[int] | None = None,
                     timeout: float | None = None, *, partial: bool = False) -> dict[int, str]:
    """The sceptical status (`in` / `out` / `undec`, see the module doc) of `args` (default all).

    EnumerationTimeout when `timeout` seconds pass first; with `partial`, the arguments not
    decided by then are `unknown` instead (under preferred each argument is decided in turn,
    so those decided in time keep their status; the others are decided all at once, so only
    what the grounded labelling decides is known — nothing at all under stable, which may
    have no extension).
    """
    _check(semantics)
    wanted = list(range(af.size)) if args is None else list(args)
    grounded = grounded_labelling(af)
    if semantics in ("grounded", "complete"):
        return {a: grounded[a] for a in wanted}
    if semantics == "preferred":  # grounded is inside every preferred extension: start there
        reasoner = PreferredReasoner(af)
        deadline = _deadline(timeout)
        labels = {}
        late = False  # the time ran out: what is left is unknown
        if any(grounded[a] == UNDEC for a in wanted):
            try:  # a few extensions far apart: most arguments are then decided at once
                reasoner.narrow(timeout)
            except EnumerationTimeout:
                if not partial:
                    raise
        for a in wanted:
            labels[a] = grounded[a]
            if labels[a] == UNDEC and late:
                labels[a] = UNKNOWN
            elif labels[a] == UNDEC:
                left = None if deadline is None else max(0.0, deadline - time.monotonic())
                try:
                    if reasoner.sceptical(a, timeout=left):
                        labels[a] = IN
                    elif reasoner.sceptical(a, attacked=True, timeout=left):
                        labels[a] = OUT
                except EnumerationTimeout:
                    if not partial:
                        raise
                    labels[a], late = UNKNOWN, True
        return labels
    try:
        if semantics == "stable":
            return _stable_labels(af, wanted, timeout)
        found = list(extensions(af, semantics, timeout=timeout))
    except EnumerationTimeout:
        if not partial:
            raise
        if semantics == "stable":
            return {a: UNKNOWN for a in wanted}
        return {a: UNKNOWN if grounded[a] == UNDEC else grounded[a] for a in wanted}
    common = frozenset.intersection(*found)
    attacked_by_all = frozenset.intersection(*(_attacked(af, e) for e in found))
    return {a: IN if a in common else OUT if a in attacked_by_all else UNDEC for a in wanted}


def _stable_labels(af: Framework, wanted: list[int], timeout: float | None) -> dict[int, str]:
    """Cautious consequences: what every stable extension holds in and attacks."""
    core = Core(af)
    ctl = control(core.af, STABLE, ["--enum-mode=cautious"],
                  show=["X : in(X)", "-X-1 : defeated(X)"])  # defeated(k) shows as ~k
    last = None
    for last in solve_iter(ctl, deadline=_deadline(timeout), convert=numbers):
        pass
    if last is None:
        return {a: UNDEC for a in wanted}
    held = {core.inside[k] for k in last if k >= 0}
    hit = {core.inside[~k] for k in last if k < 0}
    labels = {a: core.labels[a] for a in wanted}
    return {a: IN if a in held else OUT if a in hit else labels[a] for a in wanted}


def _attacked(af: Framework, extension: frozenset[int]) -> frozenset[int]:
    return frozenset(t for s, t in zip(af.sources, af.targets) if s in extension)

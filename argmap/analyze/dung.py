"""Dung semantics through clingo (grounded, which needs no solver, is in grounded.py).
The semantics are answer-set programs (the
ASPARTIX encodings, Egly, Gaggl and Woltran 2010) solved by clingo:

* complete, stable: one program each, models enumerated one by one as they are found;
* preferred: complete extensions, subset-maximal through clingo's domain heuristic
  (`#heuristic in(X) : arg(X). [1,true]` with `--heuristic=Domain --enum-mode=domRec`: every
  model reported is maximal);
* semi-stable: the maximal ranges first (same trick on `range/1`), then every complete
  extension with each maximal range;
* ideal: one brave-consequence call here, then a polynomial fixpoint (`acceptance.py`).

Sceptical preferred acceptance never enumerates the preferred extensions: see `preferred.py`.

Models are read as numbers: every program shows number terms (`#show X : in(X).`), which
`_clingo_internals.shown_numbers` reads out of the solver's buffer in one C call per model
(the public API costs a Python object and a few C calls per atom, nearly all the time of a
long listing). Without a time limit models are taken from a synchronous solve (no thread
hand-off per model).
"""

from __future__ import annotations

import time
from typing import Callable, Iterator, Sequence, TypeVar

import clingo

from ..errors import ArgmapError
from ..language.report import plural
from ._clingo_internals import shown_numbers
from .framework import Framework
from .grounded import IN, UNDEC, grounded_labelling

T = TypeVar("T")

_CHOICE = """
{in(X)} :- arg(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
_ADMISSIBLE = _CHOICE + """
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
"""
COMPLETE = _ADMISSIBLE + ":- arg(X), not in(X), not undefended(X).\n"
STABLE = _CHOICE + ":- arg(X), not in(X), not defeated(X).\n"
RANGE = "range(X) :- in(X).\nrange(X) :- defeated(X).\n"
#: with MAXIMAL, every model reported is subset-maximal in `in/1` (preferred)
PREFERRED = COMPLETE + "#heuristic in(X) : arg(X). [1,true]\n"
#: with MAXIMAL, every model reported is subset-maximal in `range/1` (semi-stable)
MAXIMAL_RANGE = COMPLETE + RANGE + "#heuristic range(X) : arg(X). [1,true]\n"
MAXIMAL = ["--heuristic=Domain", "--enum-mode=domRec"]
#: the default `#show`: the argument numbers of `in/1`
SHOW_IN = ("X : in(X)",)


class EnumerationTimeout(ArgmapError):
    """The solver ran past its time limit; `found` results had been produced by then."""

    def __init__(self, found: int) -> None:
        super().__init__(f"time limit reached after {plural(found, 'extension')}")
        self.found = found


class Core:
    """The framework cut down to what the grounded labelling leaves undecided.

    Every complete extension is the grounded extension plus a complete extension of the
    undecided part (no attack runs between the grounded extension and that part, and every
    argument the grounded extension attacks is out everywhere); so are the preferred,
    stable, semi-stable and ideal ones. The solver only ever sees `self.af`.
    """

    def __init__(self, af: Framework) -> None:
        self.labels = grounded_labelling(af)
        self.inside = [i for i, label in enumerate(self.labels) if label == UNDEC]
        self.position = {arg: k for k, arg in enumerate(self.inside)}
        self.accepted = frozenset(i for i, label in enumerate(self.labels) if label == IN)
        self._accepted: list[int] | None = None  # sorted, made on first use
        where = self.position
        self.af = Framework([af.names[i] for i in self.inside],
                            ((where[s], where[t]) for s, t in af.attacks()
                             if s in where and t in where))

    def lift(self, extension: frozenset[int]) -> frozenset[int]:
        """An extension of the core as an extension of the whole framework."""
        return self.accepted | frozenset(self.inside[k] for k in extension)

    def lift_sorted(self, extension: list[int]) -> list[int]:
        """`lift` as a sorted list, from the core's argument numbers in any order.

        Linear when they come sorted (as clingo shows them): `inside` is increasing, and
        sorting two sorted runs is one merge.
        """
        lifted = list(map(self.inside.__getitem__, extension))
        if self.accepted:
            if self._accepted is None:
                self._accepted = sorted(self.accepted)
            lifted = self._accepted + lifted
        lifted.sort()
        return lifted


def _quiet(code: clingo.MessageCode, message: str) -> None:
    """Drop clingo's notes (such as "domRec ignored" on a framework with nothing to maximise)."""


def facts(af: Framework) -> str:
    """The framework as ASP facts `arg(0..n-1). att(i,j).`."""
    parts = [f"arg(0..{af.size - 1}).\n" if af.size else ""]
    parts.extend(f"att({s},{t}).\n" for s, t in zip(af.sources, af.targets))
    return "".join(parts)


def control(af: Framework, program: str, options: Sequence[str] = (),
            show: Sequence[str] = SHOW_IN) -> clingo.Control:
    """A grounded clingo control for `program` over `af`, showing the number terms `show`
    (`#show t : body.` statements; nothing else is shown)."""
    ctl = clingo.Control(["--warn=none", *options], logger=_quiet)
    shows = "#show.\n" + "".join(f"#show {s}.\n" for s in show)
    ctl.add("base", [], program + facts(af) + shows)
    ctl.ground([("base", [])])
    return ctl


def numbers(model: clingo.Model) -> list[int]:
    """The numbers a model shows (programs of this module show number terms only)."""
    found = shown_numbers(model)
    if found is None:
        found = [s.number for s in model.symbols(shown=True)]
    return found


def atoms(model: clingo.Model) -> frozenset[int]:
    """The argument numbers a model shows, as a set."""
    return frozenset(numbers(model))


def solve_iter(ctl: clingo.Control, *, limit: int | None = None, deadline: float | None = None,
               assumptions: Sequence[int] = (), convert: Callable[[clingo.Model], T] = atoms
               ) -> Iterator[T]:
    """Stream models of `ctl` (by default their shown argument numbers), up to `limit`.

    Raises EnumerationTimeout once `deadline` (a `time.monotonic()` value) has passed.
    """
    ctl.configuration.solve.models = 0 if limit is None else limit
    if deadline is None:  # no thread needed: models come from a synchronous solve
        with ctl.solve(yield_=True, assumptions=list(assumptions)) as models:
            for model in models:
                yield convert(model)
        return
    found = 0
    with ctl.solve(yield_=True, async_=True, assumptions=list(assumptions)) as handle:
        while True:
            handle.resume()
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if remaining is None:
                handle.wait()
            elif not handle.wait(remaining):
                handle.cancel()
                raise EnumerationTimeout(found)
            model = handle.model()
            if model is None:
                return
            found += 1
            yield convert(model)


def first_model(ctl: clingo.Control, assumptions: list[int] = ()) -> frozenset[int] | None:
    """The first model under `assumptions`, or None when there is none."""
    for model in solve_iter(ctl, limit=1, assumptions=assumptions):
        return model
    return None


def literals(ctl: clingo.Control, name: str) -> dict[int, int]:
    """Argument number -> solver literal of every atom `name(arg)` that grounding kept."""
    return {a.symbol.arguments[0].number: a.literal
            for a in ctl.symbolic_atoms.by_signature(name, 1)}


def literal(ctl: clingo.Control, name: str, arg: int) -> int | None:
    """The solver literal of atom `name(arg)`, None when grounding removed it (always false)."""
    atom = ctl.symbolic_atoms[clingo.Function(name, [clingo.Number(arg)])]
    return None if atom is None else atom.literal

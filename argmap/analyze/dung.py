"""Dung semantics: grounded in linear time (grounded.py, re-exported here); the others
through clingo with ASP encodings. The other semantics are answer-set programs (the
ASPARTIX encodings, Egly, Gaggl and Woltran 2010) solved by clingo:

* complete, stable: one program each, models enumerated one by one as they are found;
* preferred: complete extensions, subset-maximal through clingo's domain heuristic
  (`--heuristic=Domain --dom-mod=3,16 --enum-mode=domRec`: every model reported is maximal);
* semi-stable: the maximal ranges first (same trick on `range/1`), then every complete
  extension with each maximal range;
* ideal: one brave-consequence call here, then a polynomial fixpoint (`acceptance.py`).

Sceptical preferred acceptance never enumerates the preferred extensions: see `preferred.py`.
"""

from __future__ import annotations

import time
from typing import Callable, Iterator, Sequence, TypeVar

import clingo

from .framework import SEMANTICS, Framework  # noqa: F401
from .grounded import IN, OUT, UNDEC, grounded_extension, grounded_labelling  # noqa: F401

T = TypeVar("T")

_CHOICE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
_ADMISSIBLE = _CHOICE + """
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
"""
COMPLETE = _ADMISSIBLE + ":- out(X), not undefended(X).\n"
STABLE = _CHOICE + ":- out(X), not defeated(X).\n"
RANGE = "range(X) :- in(X).\nrange(X) :- defeated(X).\n"
MAXIMAL = ["--heuristic=Domain", "--dom-mod=3,16", "--enum-mode=domRec"]


class EnumerationTimeout(Exception):
    """The solver ran past its time limit; `found` results had been produced by then."""

    def __init__(self, found: int) -> None:
        super().__init__(f"time limit reached after {found} extension(s)")
        self.found = found


def _quiet(code: clingo.MessageCode, message: str) -> None:
    """Drop clingo's notes (such as "domRec ignored" on a framework with nothing to maximise)."""


def facts(af: Framework) -> str:
    """The framework as ASP facts `arg(0..n-1). att(i,j).`."""
    parts = [f"arg(0..{af.size - 1}).\n" if af.size else ""]
    parts.extend(f"att({s},{t}).\n" for s, t in zip(af.sources, af.targets))
    return "".join(parts)


def control(af: Framework, program: str, options: Sequence[str] = (),
            show: Sequence[str] = ("in/1",)) -> clingo.Control:
    """A grounded clingo control for `program` over `af`, showing the `show` predicates."""
    ctl = clingo.Control(["--warn=none", *options], logger=_quiet)
    shows = "".join(f"#show {s}.\n" for s in show)
    ctl.add("base", [], program + facts(af) + shows)
    ctl.ground([("base", [])])
    return ctl


def atoms(model: clingo.Model) -> frozenset[int]:
    """The argument numbers of the shown atoms of a model."""
    return frozenset(s.arguments[0].number for s in model.symbols(shown=True))


def solve_iter(ctl: clingo.Control, *, limit: int | None = None, deadline: float | None = None,
               assumptions: Sequence[int] = (), convert: Callable[[clingo.Model], T] = atoms
               ) -> Iterator[T]:
    """Stream models of `ctl` (by default their shown argument numbers), up to `limit`.

    Raises EnumerationTimeout once `deadline` (a `time.monotonic()` value) has passed.
    """
    ctl.configuration.solve.models = 0 if limit is None else limit
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


def literal(ctl: clingo.Control, name: str, arg: int) -> int | None:
    """The solver literal of atom `name(arg)`, None when grounding removed it (always false)."""
    atom = ctl.symbolic_atoms[clingo.Function(name, [clingo.Number(arg)])]
    return None if atom is None else atom.literal

"""The seam onto clingo's private names (`argmap/analyze/_clingo_internals.py`).

(a) With the pinned clingo the fast route is taken (a new clingo whose symbol layout changed
fails here rather than silently falling back to the slow route), and it reads exactly what
the public API reads: any numbers, negative ones too, an empty model, models that outgrow the
buffer, and it declines (None) a model that shows something other than numbers.
(b) No other module of argmap touches a private clingo name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import clingo
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analyze import _clingo_internals as internals
from argmap.analyze.dung import numbers

PACKAGE = Path(__file__).parent.parent / "argmap"
SEAM = PACKAGE / "analyze" / "_clingo_internals.py"


def models(program: str, count: int = 0) -> list[tuple[list[int] | None, list[clingo.Symbol]]]:
    """(fast route, public route) for each model of `program`."""
    ctl = clingo.Control(["--warn=none"])
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    ctl.configuration.solve.models = count
    found = []
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            found.append((internals.shown_numbers(model), list(model.symbols(shown=True))))
    return found


def test_the_fast_route_is_available_with_the_pinned_clingo() -> None:
    assert internals.AVAILABLE
    assert clingo.Number(5)._rep == (1 << 48) | 5  # the layout the seam reads


@settings(max_examples=60)
@given(st.lists(st.integers(-(2**31), 2**31 - 1), unique=True, max_size=40))
def test_shown_numbers_match_the_public_api(values: list[int]) -> None:
    facts = "".join(f"v({v}).\n" for v in values)
    [(fast, public)] = models(facts + "#show.\n#show X : v(X).\n")
    assert fast is not None
    assert fast == [s.number for s in public]


def test_models_that_outgrow_the_buffer_and_an_empty_model() -> None:
    internals._Capacity.value = 0
    for size in (1, 10, 1000, 3, 5000, 0, 2):  # grows, shrinks (a zeroed tail), grows
        [(fast, public)] = models(f"p(1..{size}).\n#show.\n#show X : p(X).\n")
        assert fast == [s.number for s in public] == list(range(1, size + 1))
    [(fast, public)] = models("#show.\n#show X : p(X).\n")
    assert fast == [] and public == []


def test_a_symbol_that_is_not_a_number_is_declined() -> None:
    [(fast, public)] = models("p(1). p(a). q(f(2)).\n")
    assert fast is None and len(public) == 3
    [(fast, public)] = models('p("x").\n#show.\n#show X : p(X).\n')
    assert fast is None


def test_numbers_reads_in_both_routes(monkeypatch) -> None:
    for available in (True, False):
        monkeypatch.setattr(internals, "AVAILABLE", available)
        ctl = clingo.Control(["--warn=none"])
        ctl.add("base", [], "a(3). a(-1). a(7).\n#show.\n#show X : a(X).\n")
        ctl.ground([("base", [])])
        with ctl.solve(yield_=True) as handle:
            assert [sorted(numbers(m)) for m in handle] == [[-1, 3, 7]]


def test_no_other_module_touches_a_private_clingo_name() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path == SEAM:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("clingo."):
                if any(part.startswith("_") for part in node.module.split(".")):
                    offenders.append(f"{path.name}: from {node.module} import")
            elif isinstance(node, ast.Import):
                offenders += [f"{path.name}: import {a.name}" for a in node.names
                              if a.name.startswith("clingo._")]
            elif isinstance(node, ast.Attribute) and node.attr in ("_rep", "_lib", "_ffi"):
                offenders.append(f"{path.name}:{node.lineno}: .{node.attr}")
    assert offenders == []

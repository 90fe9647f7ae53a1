"""DF-QuAD cycles iterated as arrays (gradual_arrays.py) give the pure iteration's strengths,
and numpy is imported only for a cycle of `gradual.ARRAYS_FROM` items or more."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from test_gradual import assert_fixed_point, cyclic_graphs

from argmap.analyze.gradual import ARRAYS_FROM, GradualReason, df_quad

ROOT = Path(__file__).parent.parent
PURE, ARRAYS = 10**9, 0  # `arrays_from`: no cycle as arrays, every cycle as arrays


def assert_same(base, reasons, fixed, **options) -> bool:
    """Whenever both iterations settle, the same strengths, a fixed point of the definition;
    one that does not settle says so. True when both settled."""
    pure = df_quad(base, reasons, fixed, arrays_from=PURE, **options)
    arrays = df_quad(base, reasons, fixed, arrays_from=ARRAYS, **options)
    for result in (pure, arrays):
        if not result.converged:
            assert result.rounds == options.get("max_rounds", 1000) and result.unsettled
    if pure.converged and arrays.converged:
        assert arrays.values == pytest.approx(pure.values, abs=1e-6)
        assert_fixed_point(base, reasons, fixed, arrays.values)
    return pure.converged and arrays.converged


@settings(max_examples=300)
@given(cyclic_graphs())
def test_arrays_give_the_strengths_of_the_pure_iteration(graph) -> None:
    base, reasons, fixed = graph
    event("both settled" if assert_same(base, reasons, fixed, max_rounds=5000)
          else "one did not settle")


@pytest.mark.parametrize("blocks", [1, 3])
def test_a_large_random_cycle_in_one_or_several_blocks(blocks: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.analyze import gradual_arrays

    rng = random.Random(7)
    n = 3000
    base = [rng.random() for _ in range(n)]
    reasons = [GradualReason(rng.random() < 0.5, (rng.randrange(n),), rng.randrange(n))
               for _ in range(int(2.5 * n))]
    reasons += [GradualReason(False, (rng.randrange(n), rng.randrange(n)), rng.randrange(n),
                              rng.randrange(n), 0.5) for _ in range(n // 10)]
    fixed = {rng.randrange(n): 1.0 for _ in range(5)}  # strength exactly 1: a factor of 0
    monkeypatch.setattr(gradual_arrays, "BLOCK", -(-n // blocks))
    assert assert_same(base, reasons, fixed)


def test_certain_attackers_give_exactly_zero() -> None:
    # 0 <-> 1 a cycle; 2 (fixed at 1) attacks 0: σ(0) = 0 exactly, then σ(1) its base
    reasons = [GradualReason(True, (0,), 1), GradualReason(True, (1,), 0),
               GradualReason(True, (2,), 0)]
    result = df_quad([0.5, 0.7, 0.5], reasons, {2: 1.0}, arrays_from=ARRAYS)
    assert result.converged and result.values == [0.0, 0.7, 1.0]


_IMPORTS = """
import sys
from argmap.analyze.gradual import ARRAYS_FROM, GradualReason, df_quad
k = int(sys.argv[1])
ring = [GradualReason(True, (i,), (i + 1) % k) for i in range(k)]
result = df_quad([0.5] * k, ring)
print(result.converged, "numpy" in sys.modules)
"""


def test_numpy_is_imported_only_for_a_cycle_of_arrays_from_items() -> None:
    for k, imported in ((ARRAYS_FROM - 1, False), (ARRAYS_FROM, True)):
        done = subprocess.run([sys.executable, "-c", _IMPORTS, str(k)], capture_output=True,
                              text=True, timeout=120, check=True)
        assert done.stdout.split() == ["True", str(imported)]


def test_checking_the_flagship_map_does_not_import_numpy() -> None:
    # `argmap check` runs DF-QuAD for the map's strength expectations
    script = ("import sys; from argmap.cli import main; code = main(['check', "
              "'maps/lavrov-blinken.argmap']); print(code, 'numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.stdout.split()[-2:] == ["0", "False"], done.stderr

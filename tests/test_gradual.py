"""DF-QuAD: the worked example of the paper, the laws it must obey, and cycle handling.

Every test runs twice: cycles iterated in pure Python, and every cycle iterated as arrays
(`gradual.ARRAYS_FROM` set to 1; tests/test_gradual_arrays.py compares the two)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analyze import gradual
from argmap.analyze.gradual import GradualReason, aggregate, combine, df_quad


@pytest.fixture(autouse=True, params=["pure", "arrays"])
def cycle_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which iteration the cycles take: pure Python, or arrays for every cycle."""
    monkeypatch.setattr(gradual, "ARRAYS_FROM", 10**9 if request.param == "pure" else 1)
    return request.param

NAMES = ["A1", "A2", "P1", "P2", "P3", "C1", "C2", "C3", "C4"]
BASE = [0.5, 0.5, 0.7, 0.5, 0.9, 0.2, 0.2, 0.6, 0.5]


def _reason(attack: bool, source: str, target: str) -> GradualReason:
    return GradualReason(attack, (NAMES.index(source),), NAMES.index(target))


def test_e_democracy_example_of_the_paper() -> None:
    reasons = [_reason(True, "C1", "A2"), _reason(True, "C2", "P2"), _reason(True, "C3", "P2"),
               _reason(True, "C4", "P2"), _reason(False, "P1", "A1"),
               _reason(False, "P2", "A1"), _reason(False, "P3", "A2")]
    result = df_quad(BASE, reasons)
    strength = dict(zip(NAMES, result.values))
    assert result.converged
    assert strength["P2"] == pytest.approx(0.08)
    assert strength["A1"] == pytest.approx(0.862)
    assert strength["A2"] == pytest.approx(0.85)


def test_aggregation_and_combination() -> None:
    assert aggregate([]) == 0.0
    assert aggregate([0.5, 0.5]) == pytest.approx(0.75)
    assert combine(0.5, 0.75, 0.0) == pytest.approx(0.125)
    assert combine(0.5, 0.0, 0.75) == pytest.approx(0.875)
    assert combine(0.4, 0.3, 0.3) == pytest.approx(0.4)


@st.composite
def acyclic_graphs(draw: st.DrawFn) -> tuple[list[float], list[GradualReason]]:
    n = draw(st.integers(1, 9))
    base = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    pairs = [(a, b) for a in range(n) for b in range(n) if a > b]  # edges go downwards only
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=12)) if pairs else []
    reasons = [GradualReason(draw(st.booleans()), (a,), b) for a, b in edges]
    return base, reasons


@given(acyclic_graphs())
def test_strengths_lie_in_the_unit_interval(graph) -> None:
    base, reasons = graph
    result = df_quad(base, reasons)
    assert result.converged and result.rounds == 0
    assert all(0.0 <= v <= 1.0 for v in result.values)
    targets = {r.target for r in reasons}
    for item, value in enumerate(result.values):
        if item not in targets:
            assert value == base[item]  # no attacker and no supporter: the base score


@given(acyclic_graphs(), st.floats(0, 1), st.booleans())
def test_a_new_attacker_weakens_and_a_new_supporter_strengthens(graph, score, attack) -> None:
    base, reasons = graph
    before = df_quad(base, reasons).values
    newcomer = len(base)  # a fresh item with no parents, aimed at item 0
    after = df_quad([*base, score], [*reasons, GradualReason(attack, (newcomer,), 0)]).values
    if attack:
        assert after[0] <= before[0] + 1e-12
    else:
        assert after[0] >= before[0] - 1e-12


def test_a_linked_reason_is_as_strong_as_its_weakest_premise() -> None:
    result = df_quad([0.5, 0.9, 0.2], [GradualReason(False, (1, 2), 0)])
    assert result.values[0] == pytest.approx(combine(0.5, 0.0, 0.2))


def test_an_undercut_inference_scales_the_reason() -> None:
    # item 2 is the inference of "1 supports 0", attacked by item 3
    reasons = [GradualReason(False, (1,), 0, inference=2), GradualReason(True, (3,), 2)]
    result = df_quad([0.5, 1.0, 1.0, 0.4], reasons)
    assert result.values[2] == pytest.approx(0.6)
    assert result.values[0] == pytest.approx(combine(0.5, 0.0, 0.6))


def test_fixed_items_keep_their_strength() -> None:
    result = df_quad([0.5, 0.9], [GradualReason(True, (1,), 0)], fixed={1: 0.0})
    assert result.values == [0.5, 0.0]


def test_an_even_cycle_converges() -> None:
    result = df_quad([0.6, 0.3], [GradualReason(True, (0,), 1), GradualReason(True, (1,), 0)])
    a, b = result.values
    assert result.converged and result.rounds >= 1
    assert a == pytest.approx(combine(0.6, b, 0.0)) and b == pytest.approx(combine(0.3, a, 0.0))


def test_an_odd_cycle_of_certain_attacks_is_reported_unsettled() -> None:
    reasons = [GradualReason(True, (i,), (i + 1) % 3) for i in range(3)]
    result = df_quad([1.0, 1.0, 1.0], reasons, max_rounds=50)
    assert not result.converged
    assert result.rounds == 50 and set(result.unsettled) <= {0, 1, 2} and result.unsettled


# --- cycles: the component-wise iteration against the plain global iteration ----------------


def global_iteration(base, reasons, fixed, tolerance=1e-13, max_rounds=20000):
    """The definition, iterated the simple way (argmap's method before the components):
    every item in every round, in item order, from the base scores, until nothing moves."""
    strength = list(base)
    for item, value in fixed.items():
        strength[item] = value
    into: dict[int, list[GradualReason]] = {}
    for reason in reasons:
        into.setdefault(reason.target, []).append(reason)
    for _ in range(max_rounds):
        moved = 0.0
        for item in range(len(base)):
            if item in fixed:
                continue
            value = sigma(item, base, into.get(item, []), strength)
            moved = max(moved, abs(value - strength[item]))
            strength[item] = value
        if moved <= tolerance:
            return strength, True
    return strength, False


def sigma(item, base, reasons, strength) -> float:
    """σ(item) from the strengths of its inputs, straight from the module doc."""
    attacks, supports = [], []
    for reason in reasons:
        value = min(strength[p] for p in reason.premises)
        value *= reason.weight if reason.inference is None else strength[reason.inference]
        (attacks if reason.attack else supports).append(value)
    return combine(base[item], aggregate(attacks), aggregate(supports))


def assert_fixed_point(base, reasons, fixed, values) -> None:
    """Every value is σ of the values of its inputs (a fixed item keeps its strength)."""
    into: dict[int, list[GradualReason]] = {}
    for reason in reasons:
        into.setdefault(reason.target, []).append(reason)
    for item, value in enumerate(values):
        expected = fixed[item] if item in fixed else sigma(item, base, into.get(item, []), values)
        assert value == pytest.approx(expected, abs=1e-7)


@st.composite
def cyclic_graphs(draw: st.DrawFn):
    """Any bipolar graph on up to 9 items: cycles of every length, self-loops, linked and
    undercut reasons, weights, fixed items; base scores kept off 0 and 1 (where an even cycle
    of certain attacks has a whole line of fixed points, which any order may pick from)."""
    n = draw(st.integers(1, 9))
    base = draw(st.lists(st.floats(0.05, 0.95), min_size=n, max_size=n))
    item = st.integers(0, n - 1)
    reasons = draw(st.lists(st.builds(
        GradualReason, st.booleans(), st.lists(item, min_size=1, max_size=2).map(tuple), item,
        st.none() | item, st.sampled_from([1.0, 1.0, 0.5])), max_size=14))
    fixed = draw(st.dictionaries(item, st.sampled_from([0.0, 1.0]), max_size=2))
    return base, reasons, fixed


@settings(max_examples=300)
@given(cyclic_graphs())
def test_components_give_the_strengths_of_the_global_iteration(graph) -> None:
    base, reasons, fixed = graph
    result = df_quad(base, reasons, fixed, max_rounds=5000)
    reference, settled = global_iteration(base, reasons, fixed)
    if result.converged:
        assert_fixed_point(base, reasons, fixed, result.values)
    if result.converged and settled:
        assert result.values == pytest.approx(reference, abs=1e-6)
    assert all(0.0 <= v <= 1.0 for v in result.values)


def test_only_a_cycle_is_iterated_and_what_follows_it_is_computed_once() -> None:
    # 0 <-> 1 (a contradiction) feeds a chain 2 -> 3 -> ... -> 9; 10 -> 0 comes before it
    reasons = [GradualReason(True, (0,), 1), GradualReason(True, (1,), 0),
               GradualReason(True, (10,), 0), GradualReason(False, (1,), 2)]
    reasons += [GradualReason(i % 2 == 0, (i,), i + 1) for i in range(2, 9)]
    base = [0.5] * 11
    result = df_quad(base, reasons)
    reference, _ = global_iteration(base, reasons, {})
    assert result.converged and result.rounds >= 2
    assert result.values == pytest.approx(reference, abs=1e-8)


def test_a_fixed_item_breaks_the_cycle_through_it() -> None:
    reasons = [GradualReason(True, (0,), 1), GradualReason(True, (1,), 0)]
    result = df_quad([0.5, 0.5], reasons, fixed={0: 1.0})
    assert result.converged and result.rounds == 0  # no cycle left: one topological pass
    assert result.values == [1.0, 0.0]


def test_a_slow_cycle_is_reported_and_the_rest_still_settles() -> None:
    # a pair of near-certain mutual attacks settles slowly; an even cycle elsewhere does not care
    reasons = [GradualReason(True, (0,), 1), GradualReason(True, (1,), 0),
               GradualReason(True, (2,), 3), GradualReason(True, (3,), 2)]
    result = df_quad([0.9999, 0.9999, 0.6, 0.3], reasons, max_rounds=30)
    assert not result.converged and result.rounds == 30
    assert set(result.unsettled) <= {0, 1} and result.unsettled
    a, b = result.values[2:]
    assert a == pytest.approx(combine(0.6, b, 0.0)) and b == pytest.approx(combine(0.3, a, 0.0))

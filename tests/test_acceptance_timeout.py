"""Running out of time in `acceptance` (argmap/analyze/acceptance.py): with `partial`, what was
not decided in time is `unknown` and everything else is right; without it, EnumerationTimeout."""

from __future__ import annotations

import pytest
from hypothesis import given
from strategies import frameworks

from argmap.analyze.acceptance import UNKNOWN, credulous, sceptical, sceptical_labels
from argmap.analyze.dung import EnumerationTimeout
from argmap.analyze.framework import SEMANTICS, Framework


@given(frameworks())
def test_a_partial_labelling_is_right_where_it_is_known(af: Framework) -> None:
    for semantics in SEMANTICS:
        full = sceptical_labels(af, semantics)
        hurried = sceptical_labels(af, semantics, timeout=1e-9, partial=True)
        assert set(hurried) == set(full)
        assert all(hurried[a] in (full[a], UNKNOWN) for a in full), semantics


def _pairs(count: int) -> Framework:
    """0 is in every preferred extension (defended by 1 or 2), with 2**count of them."""
    attacks = [(3, 0), (1, 3), (2, 3), (1, 2), (2, 1)]
    for i in range(count):
        attacks += [(4 + 2 * i, 5 + 2 * i), (5 + 2 * i, 4 + 2 * i)]
    return Framework([str(i) for i in range(4 + 2 * count)], attacks)


def test_the_preferred_labelling_stops_at_the_timeout_and_keeps_what_it_decided() -> None:
    af = _pairs(30)
    labels = sceptical_labels(af, "preferred", [4, 0, 5], timeout=0.3, partial=True)
    assert labels == {4: "undec", 0: UNKNOWN, 5: UNKNOWN}  # 4 decided at once; 0 takes the time
    with pytest.raises(EnumerationTimeout):
        sceptical_labels(af, "preferred", [0], timeout=0.3)


def test_acceptance_of_one_argument_honours_the_timeout() -> None:
    af = _pairs(30)
    with pytest.raises(EnumerationTimeout):
        sceptical(af, "preferred", 0, timeout=0.3)
    assert credulous(af, "preferred", 0, timeout=5) is True

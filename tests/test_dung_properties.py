"""Dung semantics against a brute-force enumerator written from the definitions (n <= 8).

The brute force looks at every subset of arguments; the solver under test uses a linear
worklist (grounded) and clingo (the rest). Random frameworks include self-attacks, odd and
even cycles, the empty framework and disconnected parts.
"""

from __future__ import annotations

from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st
from strategies import frameworks

from argmap.analyze.acceptance import (credulous, extensions, ideal_extension, sceptical,
                                       sceptical_labels)
from argmap.analyze.framework import SEMANTICS, Framework
from argmap.analyze.grounded import grounded_labelling


class Brute:
    """Every extension of every semantics, straight from the definitions."""

    def __init__(self, af: Framework) -> None:
        self.n = af.size
        self.attacks = set(af.attacks())
        subsets = [frozenset(c) for k in range(self.n + 1) for c in combinations(range(self.n), k)]
        self.admissible = [s for s in subsets if self.conflict_free(s) and self.defends_all(s)]
        self.complete = [s for s in self.admissible if self.defended(s) <= s]
        self.stable = [s for s in subsets if self.conflict_free(s)
                       and self.attacked(s) | s == frozenset(range(self.n))]
        self.preferred = [s for s in self.admissible if not any(s < t for t in self.admissible)]
        self.grounded = [min(self.complete, key=len)]
        ranges = {s: s | self.attacked(s) for s in self.complete}
        self.semi_stable = [s for s in self.complete
                            if not any(ranges[s] < ranges[t] for t in self.complete)]
        common = frozenset.intersection(*self.preferred)
        inside = [s for s in self.admissible if s <= common]
        self.ideal = [max(inside, key=len)]

    def conflict_free(self, s: frozenset[int]) -> bool:
        return not any((a, b) in self.attacks for a in s for b in s)

    def attacked(self, s: frozenset[int]) -> frozenset[int]:
        return frozenset(b for a, b in self.attacks if a in s)

    def defended(self, s: frozenset[int]) -> frozenset[int]:
        hit = self.attacked(s)
        return frozenset(x for x in range(self.n)
                         if all(a in hit for a, b in self.attacks if b == x))

    def defends_all(self, s: frozenset[int]) -> bool:
        return s <= self.defended(s)

    def of(self, semantics: str) -> list[frozenset[int]]:
        return getattr(self, semantics.replace("-", "_"))


@given(frameworks())
def test_every_semantics_matches_the_brute_force(af: Framework) -> None:
    brute = Brute(af)
    for semantics in SEMANTICS:
        found = list(extensions(af, semantics))
        assert len(found) == len(set(found)), semantics  # no extension reported twice
        assert set(found) == set(brute.of(semantics)), semantics


@given(frameworks())
def test_grounded_labelling_is_the_least_complete_labelling(af: Framework) -> None:
    brute = Brute(af)
    labels = grounded_labelling(af)
    grounded = brute.grounded[0]
    assert all(grounded <= e for e in brute.complete)
    hit = brute.attacked(grounded)
    for a in range(af.size):
        assert labels[a] == ("in" if a in grounded else "out" if a in hit else "undec")


@given(frameworks())
def test_laws_between_semantics(af: Framework) -> None:
    grounded = next(extensions(af, "grounded"))
    preferred = set(extensions(af, "preferred"))
    stable = set(extensions(af, "stable"))
    brute = Brute(af)
    assert all(grounded <= p for p in preferred)
    assert stable <= preferred
    assert ideal_extension(af) <= frozenset.intersection(*preferred)
    assert grounded <= ideal_extension(af)
    for semantics in SEMANTICS:
        for e in extensions(af, semantics):
            assert brute.conflict_free(e) and brute.defends_all(e), semantics


@given(frameworks(max_size=7, min_size=1), st.data())  # an argument to ask about
def test_acceptance_matches_the_brute_force(af: Framework, data: st.DataObject) -> None:
    arg = data.draw(st.integers(0, af.size - 1))
    brute = Brute(af)
    for semantics in SEMANTICS:
        exts = brute.of(semantics)
        is_sceptical = sceptical(af, semantics, arg)
        assert is_sceptical == all(arg in e for e in exts), semantics
        assert credulous(af, semantics, arg) == any(arg in e for e in exts), semantics
        if exts:
            assert not is_sceptical or credulous(af, semantics, arg)  # sceptical ⊆ credulous


@given(frameworks(max_size=7))
def test_sceptical_labels_match_the_definition(af: Framework) -> None:
    brute = Brute(af)
    for semantics in SEMANTICS:
        exts = brute.of(semantics)
        labels = sceptical_labels(af, semantics)
        for a in range(af.size):
            if not exts:
                expected = "undec"
            elif all(a in e for e in exts):
                expected = "in"
            elif all(a in brute.attacked(e) for e in exts):
                expected = "out"
            else:
                expected = "undec"
            assert labels[a] == expected, (semantics, a)


def test_enumeration_stops_at_the_limit() -> None:
    # 10 independent mutual attacks: 2**10 stable extensions
    attacks = [(2 * i, 2 * i + 1) for i in range(10)] + [(2 * i + 1, 2 * i) for i in range(10)]
    af = Framework([str(i) for i in range(20)], attacks)
    assert len(list(extensions(af, "stable", limit=7))) == 7
    assert len(list(extensions(af, "semi-stable", limit=5))) == 5
    assert len(list(extensions(af, "stable"))) == 1024

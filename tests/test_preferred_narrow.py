"""Sceptical preferred status from a few extensions far apart (`PreferredReasoner.narrow`)
against the same reasoner asked one argument at a time, and against the definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from strategies import frameworks
from test_dung_properties import Brute

from argmap.analyze.framework import Framework
from argmap.analyze.preferred import PreferredReasoner


def _answers(reasoner: PreferredReasoner, af: Framework) -> list[tuple[bool, bool]]:
    return [(reasoner.sceptical(a), reasoner.sceptical(a, attacked=True)) for a in range(af.size)]


@given(frameworks())
def test_narrowing_first_gives_the_answers_of_one_query_at_a_time(af: Framework) -> None:
    narrowed = PreferredReasoner(af)
    narrowed.narrow()
    assert _answers(narrowed, af) == _answers(PreferredReasoner(af), af)


@given(frameworks(max_size=7))
def test_an_exact_narrowing_holds_and_attacks_what_every_preferred_extension_does(af) -> None:
    reasoner = PreferredReasoner(af)
    reasoner.narrow()
    if not reasoner.exact:
        return  # stopped early: the queries decide the rest (the test above)
    brute = Brute(af)
    lift = reasoner.core.inside
    held = {lift[i] for i in reasoner._in_all} | reasoner.core.accepted
    assert held == frozenset.intersection(*brute.preferred)
    for a in range(af.size):
        attacked = all(a in brute.attacked(p) for p in brute.preferred)
        assert reasoner.sceptical(a, attacked=True) == attacked


@given(st.integers(1, 40))
def test_independent_parts_are_settled_in_a_few_rounds(pairs: int) -> None:
    # `pairs` mutual attacks a <-> b, each with an argument c that b attacks (a defends it):
    # 2**pairs preferred extensions; asked one argument at a time, a round per pair
    attacks = []
    for i in range(pairs):
        a, b, c = 3 * i, 3 * i + 1, 3 * i + 2
        attacks += [(a, b), (b, a), (b, c)]
    af = Framework([str(i) for i in range(3 * pairs)], attacks)
    reasoner = PreferredReasoner(af)
    reasoner.narrow()
    assert reasoner.exact and reasoner.rounds <= 4
    assert not reasoner._in_all and not reasoner._hit_all  # nothing sceptical in the core

"""From maps to frameworks and analyses: every construct, assumptions, and the public API."""

from __future__ import annotations

import pytest
from helpers import parse_clean

from argmap.analyze import analyze_map, translate
from argmap.analyze.iccma import map_to_apx, map_to_i23, read_apx, read_i23
from argmap.errors import UsageError


def _attacks(map_) -> set[tuple[str, str]]:
    af = translate(map_).af
    return {(af.names[s], af.names[t]) for s, t in af.attacks()}


def test_attack_and_contradiction() -> None:
    map_ = parse_clean("""
        [A]: a
          - [B]: b
          >< [C]: c
        """)
    assert _attacks(map_) == {("[B]", "[A]"), ("[C]", "[A]"), ("[A]", "[C]")}
    assert analyze_map(map_).status == {"[A]": "out", "[B]": "in", "[C]": "in"}


def test_supports_add_no_attacks_but_raise_strength() -> None:
    map_ = parse_clean("""
        [A]: a
          + [B]: b
        """)
    assert _attacks(map_) == set()
    analysis = analyze_map(map_)
    assert analysis.status == {"[A]": "in", "[B]": "in"}
    assert analysis.strength == {"[A]": pytest.approx(0.75), "[B]": 0.5}


def test_an_undercut_defeats_the_inference_not_the_premise() -> None:
    map_ = parse_clean("""
        [A]: a
          - [B]: b
            _ [U]: u
        """)
    analysis = analyze_map(map_)
    # the attack B -> A runs through its inference r1, which U defeats: A stands again
    assert analysis.status == {"[A]": "in", "[B]": "in", "[U]": "in"}
    assert analysis.inferences == {"r1": "out"}
    assert analysis.strength["[A]"] == pytest.approx(0.5 - 0.5 * 0.5 * 0.5)


def test_an_attacked_undercutter_restores_the_attack() -> None:
    map_ = parse_clean("""
        [A]: a
          - [B]: b
            _ [U]: u
              - [V]: v
        """)
    analysis = analyze_map(map_)
    assert analysis.status["[U]"] == "out" and analysis.inferences["r1"] == "in"
    assert analysis.status["[A]"] == "out"


def test_a_linked_attack_needs_every_premise() -> None:
    map_ = parse_clean("""
        [A]: a
          - [B]: b
          & [C]: c
        [C]
          - [D]: d
        """)
    analysis = analyze_map(map_)
    # C is out, so the linked attack B & C on A fails and A stands
    assert analysis.status == {"[A]": "in", "[B]": "in", "[C]": "out", "[D]": "in"}
    linked = parse_clean("""
        [A]: a
          - [B]: b
          & [C]: c
        """)
    assert analyze_map(linked).status["[A]"] == "out"


def test_assumptions_from_metadata_and_arguments() -> None:
    map_ = parse_clean("""
        [A]: a
          - [B]: b {status: rejected}
        """)
    analysis = analyze_map(map_)
    assert analysis.status == {"[A]": "in", "[B]": "out"}
    assert analysis.assumptions == {"[B]": "rejected"}
    assert analysis.strength["[B]"] == 0.0
    accepted = analyze_map(map_, assumptions={"A": "accepted", "B": "accepted"})
    assert accepted.status == {"[A]": "in", "[B]": "in"} and accepted.strength["[A]"] == 1.0
    with pytest.raises(UsageError, match="did you mean 'A'"):
        analyze_map(map_, assumptions={"a": "rejected"})
    with pytest.raises(UsageError, match="accepted' or 'rejected"):
        analyze_map(map_, assumptions={"A": "maybe"})


def test_extension_semantics_status_and_limit() -> None:
    map_ = parse_clean("""
        [A]: a
          >< [B]: b
        [C]: c
          >< [D]: d
        """)
    preferred = analyze_map(map_, "preferred")
    assert preferred.status == dict.fromkeys(["[A]", "[B]", "[C]", "[D]"], "undec")
    assert len(preferred.extensions) == 4 and preferred.stopped is None
    limited = analyze_map(map_, "stable", limit=3)
    assert len(limited.extensions) == 3 and limited.stopped == "limit"
    exact = analyze_map(map_, "stable", limit=4)
    assert len(exact.extensions) == 4 and exact.stopped is None
    with pytest.raises(UsageError, match="unknown semantics"):
        analyze_map(map_, "admissible")


def test_export_to_iccma_keeps_the_framework() -> None:
    map_ = parse_clean("""
        [A]: a
          - [B]: b
            _ [U]: u
          >< [C]: c
        """)
    af = translate(map_).af
    for back in (read_i23(map_to_i23(map_)), read_apx(map_to_apx(map_))):
        assert back.size == af.size
        assert list(back.attacks()) == list(af.attacks())
    assert "# 1 [A]" in map_to_i23(map_)


def test_an_undercut_of_an_undercut_restores_the_attack() -> None:
    map_ = parse_clean("""
        [A]: a
          - [B]: b
            _ [U]: u
              _ [V]: v
        """)
    analysis = analyze_map(map_)
    # V defeats the inference of U's undercut (r2), so r1 stands and B defeats A
    assert analysis.inferences == {"r1": "in", "r2": "out"}
    assert analysis.status == {"[A]": "out", "[B]": "in", "[U]": "in", "[V]": "in"}

"""Replay by round (argmap/analyze/replay.py, `argmap analyze --by-round`): when nodes and
relations are there, the steps, the flipping moves, the drops, the flagship's replay (golden),
and the laws: the last step is the plain analysis, one round is the plain analysis, a node
added in a later round changes no earlier one."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from golden import assert_golden
from helpers import FLAGSHIP, ROOT, parse_clean
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from strategies import maps

from argmap.analyze import analyze_map
from argmap.analyze.replay import appearance, map_after_round, print_replay, replay, replay_json, rounds_of
from argmap.cli import main
from argmap.language.read.parse import parse_file
from argmap.model import Node, NodeKind, Relation, RelationKind

GOLDEN = ROOT / "tests" / "golden" / "analysis"

DEBATE = """
    actor pro: Pro
    actor con: Con

    [Claim]: the claim @pro {round: 1}
      + [Reason]: a reason @pro {round: 1}
      - [Objection]: an objection @con {round: 2}
        - [Reply]: a reply @pro {round: 3}
      + evidence [Fact]: a fact
"""


def test_when_nodes_and_relations_are_there() -> None:
    map_ = parse_clean("""
        [A]: a {round: 2}
          + [B]: b
          - {round: 4} [C]: c {round: 1}
          + [D]: d {round: 1}
          & [E]: e {round: 3}
            _ [U]: u {round: 1}
        """)
    nodes, relations = appearance(map_)
    assert nodes == {"[A]": 2, "[B]": -1, "[C]": 1, "[D]": 1, "[E]": 3, "[U]": 1}
    # support B: both ends by 2; attack C: its own round 4; the linked D & E: whole by 3;
    # the undercut of the linked reason: once that reason is there
    assert relations == {"r1": 2, "r2": 4, "r3": 3, "r4": 3, "r5": 3}
    assert rounds_of(map_) == [1, 2, 3, 4]
    then = map_after_round(map_, 1)
    assert set(then.nodes) == {"[B]", "[C]", "[D]", "[U]"} and not then.relations
    assert map_after_round(map_, None) is map_
    assert map_after_round(map_, 4).nodes == map_.nodes and map_after_round(map_, 4).relations == map_.relations


def test_steps_flips_and_drops() -> None:
    map_ = parse_clean(DEBATE)
    result = replay(map_)
    assert [s.round for s in result.steps] == [1, 2, 3]
    first, second, third = result.steps
    assert first.added == ("[Claim]", "[Reason]", "[Fact]")  # an unrounded node: from the start
    assert second.added == ("[Objection]",) and third.added == ("[Reply]",)
    assert [(f.node, f.before, f.after, f.moves, f.cause) for f in second.flips] == [
        ("[Claim]", "in", "out", ("[Objection]",), "necessary")]
    assert [(f.node, f.before, f.after, f.moves) for f in third.flips] == [
        ("[Claim]", "out", "in", ("[Reply]",)), ("[Objection]", "in", "out", ("[Reply]",))]
    # after round 2 the objection stands and pro has not answered it; after round 3 it has
    assert [(e.attacker, e.target) for e in second.dropped["pro"]] == [("[Objection]", "[Claim]")]
    # then the objection is out (no drop for pro), and con has left the reply unanswered
    assert third.dropped["pro"] == ()
    assert [(e.attacker, e.target) for e in third.dropped["con"]] == [("[Reply]", "[Objection]")]
    assert first.strength["[Claim]"] == pytest.approx(0.875)  # with [Fact] from the start


def test_an_answered_or_failing_attack_is_no_drop() -> None:
    map_ = parse_clean("""
        actor pro: Pro
        actor con: Con
        [Claim]: c @pro {round: 1}
          - [Objection]: o @con {round: 1}
            - [Counter]: c2 @pro {round: 2}
              - [Rebuttal]: r @con {round: 3}
          - [Weak]: w @con {round: 1}
            _ [Undercut]: u {round: 1}
        """)
    steps = replay(map_).steps
    assert [e.attacker for e in steps[0].dropped["pro"]] == ["[Objection]"]  # [Weak] is undercut
    assert steps[1].dropped["pro"] == ()  # answered by [Counter]
    # [Rebuttal] attacks [Counter]: pro dropped it; con answered [Counter] with it
    assert [e.attacker for e in steps[2].dropped["pro"]] == ["[Rebuttal]"]
    assert [e.attacker for e in steps[2].dropped["con"]] == ["[Undercut]"]


def test_overdetermined_flip_names_each_sufficient_move() -> None:
    map_ = parse_clean("""
        [A]: a {round: 1}
          - [B]: b {round: 2}
          - [C]: c {round: 2}
        """)
    (flip,) = replay(map_).steps[1].flips
    assert flip.moves == ("[B]", "[C]") and flip.cause == "sufficient"


def test_a_relation_of_its_own_round_is_a_move() -> None:
    map_ = parse_clean("""
        [A]: a {round: 1}
          - {round: 2} [B]: b {round: 1}
        """)
    step = replay(map_).steps[1]
    assert step.added == () and step.relation_moves == ("r1",)
    assert [(f.node, f.moves) for f in step.flips] == [("[A]", ("r1",))]


def test_no_rounds_is_one_step_of_the_whole_map() -> None:
    map_ = parse_clean("[A]: a\n  - [B]: b\n")
    result = replay(map_)
    assert result.rounds == () and [s.round for s in result.steps] == [None]
    assert result.steps[0].status["grounded"] == analyze_map(map_).status


def test_assumptions_hold_from_the_round_their_node_is_there() -> None:
    map_ = parse_clean(DEBATE)
    result = replay(map_, "preferred", {"Objection": "rejected"}, actor="pro")
    assert result.assumptions == {"[Objection]": "rejected"}
    assert [s.status["preferred"]["[Claim]"] for s in result.steps] == ["in", "in", "in"]
    assert all(set(s.dropped) == {"pro"} for s in result.steps)


def test_the_table_reads_no_markup_and_marks_absent_nodes() -> None:
    map_ = parse_clean("""
        [\\[bold\\] x]: [red]y[/red] {round: 1}
          - [\\[link=z\\] w]: v {round: 2}
        """)
    out = io.StringIO()
    print_replay(Console(file=out, width=120, color_system=None), map_, replay(map_))
    text = out.getvalue()
    assert "[[bold] x]" in text and "[[link=z] w]" in text and "·" in text
    assert "flipped by [[link=z] w]" in text


# --- the flagship ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def flagship():
    return parse_file(FLAGSHIP)


def test_flagship_replay(flagship) -> None:
    result = replay(flagship)
    assert result.rounds == (1, 2, 3)
    third = result.steps[2]
    assert {(f.node, f.before, f.after, f.moves) for f in third.flips} == {
        ("[No NATO troops]", "in", "out", ("[Free choice]",)),
        ("[NATO threat]", "in", "undec", ("[NATO is no threat]",)),
        ("<Expansion guarantees>", "in", "out", ("[Free choice]",)),
    }
    assert {(a, e.relation) for a, drops in third.dropped.items() for e in drops} == {
        ("lavrov", "r19"), ("russia", "r19"), ("blinken", "r22"), ("blinken", "r45"), ("nato", "r22"),
        ("blinken", "r74")}  # [West inching closer] undercuts the inference of <Defensive reply>
    assert not any(s.flips for s in result.steps[:2])


def test_flagship_replay_golden(flagship) -> None:
    result = replay(flagship)
    data = replay_json("maps/lavrov-blinken.argmap", result)
    assert_golden(GOLDEN / "lavrov-blinken.replay.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    out = io.StringIO()
    print_replay(Console(file=out, width=110, color_system=None), flagship, result)
    assert_golden(GOLDEN / "lavrov-blinken.replay.txt", out.getvalue())


@pytest.mark.parametrize("semantics", ["grounded", "preferred"])
def test_flagship_last_step_is_the_plain_analysis(flagship, semantics: str) -> None:
    last = replay(flagship, semantics).steps[-1]
    plain = analyze_map(flagship, semantics)
    assert last.status[semantics] == plain.status and last.strength == plain.strength


def test_cli_by_round(capsys) -> None:
    assert main(["analyze", str(FLAGSHIP), "--by-round", "--json", "--actor", "blinken"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rounds"] == [1, 2, 3] and [s["round"] for s in data["steps"]] == [1, 2, 3]
    assert set(data["steps"][2]) == {"round", "added", "added_relations", "status", "strength",
                                     "converged", "flips", "dropped"}
    assert set(data["steps"][2]["dropped"]) == {"blinken"}
    assert main(["analyze", str(FLAGSHIP), "--by-round", "--query", "Free choice"]) == 2
    assert "--by-round" in capsys.readouterr().err
    assert main(["analyze", str(FLAGSHIP), "--by-round", "--semantics", "preferred"]) == 0
    out = capsys.readouterr().out
    assert "grounded / preferred" in out and "flipped by [Free choice] (@blinken)" in out


# --- laws ------------------------------------------------------------------------------------


def _with_rounds(map_, rounds: list[int]):
    nodes = {}
    for i, (node_id, node) in enumerate(map_.nodes.items()):
        meta = {k: v for k, v in node.meta.items() if k != "round"}
        if rounds[i % len(rounds)]:
            meta["round"] = rounds[i % len(rounds)]
        nodes[node_id] = replace(node, meta=meta)
    return replace(map_, nodes=nodes)


@given(maps(), st.lists(st.integers(0, 3), min_size=1, max_size=5))
def test_the_last_step_is_the_plain_analysis(map_, rounds: list[int]) -> None:
    map_ = _with_rounds(map_, rounds)
    last = replay(map_).steps[-1]
    plain = analyze_map(map_)
    assert last.status["grounded"] == plain.status and last.strength == plain.strength


@given(maps())
def test_one_round_replays_to_the_plain_analysis(map_) -> None:
    map_ = _with_rounds(map_, [1])
    map_ = replace(map_, relations={k: replace(r, meta={m: v for m, v in r.meta.items() if m != "round"})
                                    for k, r in map_.relations.items()})
    (step,) = replay(map_).steps
    plain = analyze_map(map_)
    assert step.round == 1 and step.status["grounded"] == plain.status and step.strength == plain.strength


@given(maps(), st.lists(st.integers(1, 3), min_size=1, max_size=4), st.integers(1, 4),
       st.sampled_from([RelationKind.ATTACK, RelationKind.SUPPORT, RelationKind.CONTRADICTION]),
       st.data())
def test_a_node_added_later_changes_no_earlier_round(map_, rounds, added_in, kind, data) -> None:
    map_ = _with_rounds(map_, rounds)
    target = data.draw(st.sampled_from(list(map_.nodes)))
    node = Node("[Added later]", NodeKind.CLAIM, text="new", meta={"round": added_in})
    relation = Relation("r_new", kind, node.id, target)
    bigger = replace(map_, nodes={**map_.nodes, node.id: node},
                     relations={**map_.relations, relation.id: relation})
    before = {s.round: s for s in replay(map_).steps}
    after = {s.round: s for s in replay(bigger).steps}
    for number, step in after.items():
        if number is not None and number < added_in:
            old = before[number] if number in before else None
            assert old is not None and step.status == old.status and step.strength == old.strength
            assert step.dropped == old.dropped


def test_check_reports_a_bad_round_on_a_relation() -> None:
    from argmap.language.check import check
    from argmap.language.read.parse import parse

    found = check(parse("[A]: a\n  - {round: -1} [B]: b\n"))
    assert [d.code for d in found] == ["bad-metadata-value"] and "'round'" in found[0].message


@given(maps(), st.lists(st.integers(1, 3), min_size=2, max_size=5))
def test_moves_found_on_the_upstream_part_are_those_of_the_whole_map(map_, rounds) -> None:
    import argmap.analyze.replay as module

    map_ = _with_rounds(map_, rounds)
    upstream_only = [s.flips for s in replay(map_).steps]
    saved = module.DIRECTIONAL
    module.DIRECTIONAL = frozenset()
    try:
        whole = [s.flips for s in replay(map_).steps]
    finally:
        module.DIRECTIONAL = saved
    assert upstream_only == whole

"""What would change it (`argmap/analyze/flip.py`, `argmap analyze --to-flip`).

Against a brute force on small random frameworks, under every semantics: each set returned
flips the status (the changed framework analysed again, from the definitions) and no smaller
set of candidate moves does (every subset below the size found, or every subset at all when
nothing is returned). Then the map level: who may make which move, the text and the JSON.
"""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import frameworks, graph_maps
from test_dung_properties import Brute

from argmap.analyze.flip import flip_map, smallest_flips, with_attackers
from argmap.analyze.framework import SEMANTICS, Framework
from argmap.cli import main
from argmap.analyze.analysis import AnalysisTimeout, analyze_map
from argmap.model import Node, NodeKind, Relation, RelationKind
from argmap.language.read.parse import parse, parse_file

ROOT = Path(__file__).parent.parent
FLAGSHIP = ROOT / "maps" / "lavrov-blinken.argmap"


def brute_status(af: Framework, semantics: str, arg: int) -> str:
    brute = Brute(af)
    found = brute.of(semantics)
    if not found:
        return "undec"
    if all(arg in e for e in found):
        return "in"
    if all(arg in brute.attacked(e) for e in found):
        return "out"
    return "undec"


@settings(max_examples=150, deadline=None)
@given(frameworks(max_size=6, min_size=1), st.data())
def test_the_smallest_flip_matches_the_brute_force(af: Framework, data: st.DataObject) -> None:
    arg = data.draw(st.integers(0, af.size - 1))
    semantics = data.draw(st.sampled_from(SEMANTICS))
    others = [a for a in range(af.size) if a != arg]  # without a direct hit, flips take more
    pool = data.draw(st.sampled_from([list(range(af.size)), others])) or [arg]
    targets = data.draw(st.lists(st.sampled_from(pool), unique=True, max_size=5))
    before, sets = smallest_flips(af, semantics, arg, targets, alternatives=2)
    assert before == brute_status(af, semantics, arg)
    for moves, after in sets:
        assert len(moves) == len(sets[0][0]) and len(set(moves)) == len(moves)
        assert after == brute_status(with_attackers(af, [targets[k] for k in moves]), semantics, arg)
        assert after != before
    size = len(sets[0][0]) if sets else len(targets) + 1
    for k in range(size):
        for moves in combinations(range(len(targets)), k):
            changed = with_attackers(af, [targets[i] for i in moves])
            assert brute_status(changed, semantics, arg) == before, (semantics, moves)


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_every_attacker_must_be_hit_when_the_node_itself_cannot_be(semantics: str) -> None:
    # 0 is attacked by 1, 2, 3, each unattacked; 4 is a bystander. Hitting 1, 2 and 3 gets 0 in.
    af = Framework([str(i) for i in range(5)], [(1, 0), (2, 0), (3, 0)])
    before, sets = smallest_flips(af, semantics, 0, [4, 3, 1, 2], alternatives=5)
    assert before == "out"
    assert sets == [([1, 2, 3], "in")]  # positions in the candidate list, in its order


@pytest.fixture(scope="module")
def flagship():
    return parse_file(str(FLAGSHIP))


def test_an_actor_concedes_its_own_nodes_and_attacks_the_others(flagship) -> None:
    flip = flip_map(flagship, "No NATO troops", actor="blinken")
    assert (flip.status, flip.flipped) == ("out", "in")
    assert [(m.kind, m.node) for m in flip.moves] == [("concede", "[Free choice]")]
    flip = flip_map(flagship, "No NATO troops", actor="lavrov")
    assert [(m.kind, m.node, m.actors) for m in flip.moves] == [
        ("attack", "[Free choice]", ("blinken",))]


def test_more_than_one_move_in_map_order_and_what_cannot_be_flipped() -> None:
    m = parse("actor a: Ann\nactor b: Bob\n"
                   "[Claim]: c @a\n  - [One]: o @b\n  - [Two]: t @b\n"
                   "[Fact]: f @b\n")
    flip = flip_map(m, "Claim", actor="a")
    assert (flip.status, flip.flipped) == ("out", "in")
    assert [(x.kind, x.node) for x in flip.moves] == [("attack", "[One]"), ("attack", "[Two]")]
    flip = flip_map(m, "Claim", actor="a", assumptions={"Claim": "accepted"})
    assert flip.status == "in" and flip.moves is None  # nothing can hit an accepted node
    assert flip.assumptions == {"[Claim]": "accepted"}


def test_cli_text_and_json(tmp_path: Path, capsys) -> None:
    assert main(["analyze", str(FLAGSHIP), "--to-flip", "NATO threat", "--actor", "blinken"]) == 0
    out = capsys.readouterr().out
    assert "[NATO threat] is undec under grounded; 1 move by @blinken makes it out:" in out
    assert "1. attack [NATO threat] (Sergey Lavrov's and Russia's claim)" in out
    assert "or: concede [NATO is no threat] (makes it in)" in out
    args = ["analyze", str(FLAGSHIP), "--to-flip", "No NATO troops", "--actor", "blinken",
            "--semantics", "preferred", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "map": str(FLAGSHIP), "node": "[No NATO troops]", "semantics": "preferred",
        "actor": "blinken", "assumptions": {}, "status": "out", "flipped": "in",
        "moves": [{"move": "concede", "node": "[Free choice]", "actors": ["blinken"]}],
        "alternatives": []}


def test_cli_usage_errors(tmp_path: Path, capsys) -> None:
    assert main(["analyze", str(FLAGSHIP), "--to-flip", "NATO thret"]) == 2
    assert "did you mean 'NATO threat'" in capsys.readouterr().err
    path = tmp_path / "af.i23"
    path.write_text("p af 2\n1 2\n")
    assert main(["analyze", str(path), "--to-flip", "1"]) == 2
    assert "--to-flip need a map" in capsys.readouterr().err


def test_a_timeout_is_reported(flagship) -> None:
    with pytest.raises(AnalysisTimeout, match="time limit .* ran out before the smallest moves"):
        flip_map(flagship, "NATO threat", "preferred", timeout=1e-9)


# --- supports are no moves under the Dung semantics ------------------------------------------


@settings(max_examples=60, deadline=None)
@given(graph_maps(max_nodes=6), st.data())
def test_a_new_support_changes_no_dung_status(map_, data: st.DataObject) -> None:
    """Why `--to-flip` proposes no support: argmap's translation gives a support no attack (a
    linked or undercut one gets an inference argument that attacks nothing), so a new support
    — from a node of the map or from a new one, alone or as a co-premise — changes no node's
    status under any semantics; only its DF-QuAD strength."""
    ids = list(map_.nodes)
    source = data.draw(st.sampled_from([*ids, "[Newcomer]"]))
    assume(len(ids) > 1)
    target = data.draw(st.sampled_from([i for i in ids if i != source]))
    nodes = dict(map_.nodes)
    if source not in nodes:
        nodes[source] = Node(source, NodeKind.CLAIM, "Newcomer", "Said for the first time.")
    partners = [r for r in map_.relations.values()
                if r.kind is RelationKind.SUPPORT and r.target == target and r.group]
    group = data.draw(st.sampled_from([None, *(r.group for r in partners)]))
    relations = dict(map_.relations)
    relations["r99"] = Relation("r99", RelationKind.SUPPORT, source, target, group)
    changed = replace(map_, nodes=nodes, relations=relations)
    for semantics in SEMANTICS:
        before = analyze_map(map_, semantics, limit=0).status
        after = analyze_map(changed, semantics, limit=0).status
        assert {n: after[n] for n in before} == before, semantics

"""Golden analysis of the flagship map, maps/lavrov-blinken.argmap.

The expected labels are written by hand, with the reasons, in
tests/golden/analysis/lavrov-blinken.labels. The full JSON output of `argmap analyze --json`
is kept in tests/golden/analysis/lavrov-blinken.json to pin its shape; regenerate it with
`.venv/bin/pytest --regen tests/test_analyze_golden.py` (or `make regen`) and read the diff.
"""

from __future__ import annotations

import json

import pytest
from golden import assert_golden
from helpers import FLAGSHIP, ROOT

from argmap.analyze import SEMANTICS, analyze_map
from argmap.analyze.debate import debate_report
from argmap.analyze.present import map_json
from argmap.language.read.parse import parse_file

GOLDEN = ROOT / "tests" / "golden" / "analysis"


def _expected() -> tuple[dict[str, dict[str, str]], dict[str, int]]:
    labels: dict[str, dict[str, str]] = {s: {} for s in SEMANTICS}
    counts: dict[str, int] = {}
    for line in (GOLDEN / "lavrov-blinken.labels").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        first, second, rest = line.split(" ", 2)
        if first == "count":
            counts[second] = int(rest)
            continue
        for semantics in SEMANTICS if first == "*" else [first]:
            labels[semantics][rest] = second
    return labels, counts


@pytest.fixture(scope="module")
def flagship():
    map_ = parse_file(FLAGSHIP)
    assert not map_.diagnostics
    return map_


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_flagship_labels(flagship, semantics: str) -> None:
    labels, counts = _expected()
    analysis = analyze_map(flagship, semantics)
    got = {**analysis.status, **analysis.inferences}
    expected = {name: labels[semantics].get(name, "in") for name in got}
    assert got == expected
    assert set(labels[semantics]) <= set(got)  # the golden file names only real nodes
    assert len(analysis.extensions) == counts[semantics]


def test_what_if_free_choice_is_rejected(flagship) -> None:
    analysis = analyze_map(flagship, "grounded", {"Free choice": "rejected"})
    # with its only attacker gone, Russia's red line and the guarantees stand
    assert analysis.status["[No NATO troops]"] == "in"
    assert analysis.status["<Expansion guarantees>"] == "in"
    assert analysis.status["[Free choice]"] == "out"
    assert analysis.strength["[Free choice]"] == 0.0
    baseline = analyze_map(flagship)
    assert analysis.strength["[No NATO troops]"] > baseline.strength["[No NATO troops]"]


def test_what_if_nato_threat_is_accepted(flagship) -> None:
    analysis = analyze_map(flagship, "preferred", {"NATO threat": "accepted"})
    # the contradiction is settled for Russia: Blinken's counterclaim is out everywhere
    assert analysis.status["[NATO threat]"] == "in"
    assert analysis.status["[NATO is no threat]"] == "out"
    assert analysis.inferences["r12"] == "in"
    assert len(analysis.extensions) == 2  # only the Cooperation / New Cold War cycle is left


def test_debate_report_for_blinken(flagship) -> None:
    (report,) = debate_report(flagship, actor="blinken").actors
    assert report.claims == ("[US stands by Ukraine]", "[Free choice]", "[NATO is no threat]",
                             "[Defensive alliance]", "<Defensive reply>", "[Defence only]")
    assert {e.relation for e in report.attacks_made} == {"r19", "r20", "r30"}
    # undercuts of Blinken's reasons: by [West inching closer] (of his support r21 and of his
    # reconstructed reply's inference) and by [Realism], unattacked, so all are dropped; the
    # contradiction r20 is answered by r20 itself
    assert {(e.relation, e.attacker) for e in report.dropped} == {
        ("r22", "[West inching closer]"), ("r74", "[West inching closer]"), ("r45", "[Realism]")}
    assert report.grounded["[Free choice]"] == "in"
    assert report.preferred["[NATO is no threat]"] == "undec"
    # the clash with Lavrov and Russia: Free choice vs No NATO troops, and the contradiction
    # (one clash, written from Blinken's side, though it is an exchange each way)
    assert {(e.attacker, e.target) for e in report.clashes} >= {
        ("[Free choice]", "[No NATO troops]"), ("[NATO is no threat]", "[NATO threat]")}
    assert [e.relation for e in report.clashes].count("r20") == 1


def test_flagship_json_output(flagship) -> None:
    analysis = analyze_map(flagship, "preferred")
    data = map_json("maps/lavrov-blinken.argmap", analysis, debate_report(flagship))
    assert_golden(GOLDEN / "lavrov-blinken.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")

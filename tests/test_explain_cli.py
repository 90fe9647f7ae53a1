"""`argmap explain` end to end through `argmap.cli.main`, on the flagship map and small maps."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from helpers import FLAGSHIP

from argmap.cli import main

MAP = textwrap.dedent("""\
    [Tax cut]: Cut taxes.
      - [Deficit]: The deficit would grow.
        - [Growth]: Growth pays for it.
      + [Jobs]: It makes jobs.
        & [Demand]: Demand is weak.
        _ [Automation]: Machines take the jobs anyway.
    [Spend more]: Spend more instead.
      >< [Save]: Save instead.
    An untitled remark.
      -> [Spend more]
    """)


@pytest.fixture()
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "taxes.argmap"
    path.write_text(MAP, encoding="utf-8")
    return path


def explain(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["explain", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_flagship_example_of_the_docs(capsys) -> None:
    code, out, _ = explain(capsys, str(FLAGSHIP), "[No NATO troops]")
    assert code == 0
    assert out == ("Why [No NATO troops] is out under grounded semantics:\n"
                   "  [No NATO troops] is out: attacked by [Free choice], which is in\n"
                   "    [Free choice] is in: nothing attacks it\n")


def test_grounded_json_is_the_tree(capsys) -> None:
    code, out, _ = explain(capsys, str(FLAGSHIP), "No NATO troops", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"map", "node", "words", "semantics", "status", "grounded", "summary"}
    assert data["summary"] == "out: attacked by [Free choice], which is in"
    assert data["node"] == "[No NATO troops]" and data["status"] == "out"
    tree = data["grounded"]["tree"]
    assert tree["reason"] == "attacked"
    (child,) = tree["children"]
    assert child == {"argument": "[Free choice]", "kind": "node", "words": "[Free choice]",
                     "status": "in", "reason": "unattacked", "children": []}
    assert data["grounded"]["cycle"] == []


def test_an_undecided_node_names_its_cycle(capsys) -> None:
    code, out, _ = explain(capsys, str(FLAGSHIP), "[NATO threat]", "--json")
    data = json.loads(out)
    assert code == 0 and data["status"] == "undec"
    assert [c["argument"] for c in data["grounded"]["cycle"]] == ["[NATO threat]", "[NATO is no threat]"]
    _, text, _ = explain(capsys, str(FLAGSHIP), "[NATO threat]")
    assert "[NATO threat] and [NATO is no threat] attack each other" in text


def test_inference_arguments_are_named_in_words(capsys, map_file: Path) -> None:
    # the support [Jobs] & [Demand] is linked and undercut: its inference r3 is out
    code, out, _ = explain(capsys, str(map_file), "r3")
    assert code == 0
    assert "the inference from [Jobs] and [Demand] to [Tax cut] is out: attacked by [Automation]" in out
    code, out, _ = explain(capsys, str(map_file), "r4")  # the co-premise's relation: the same reason
    assert code == 0 and "the inference from [Jobs] and [Demand] to [Tax cut]" in out
    code, _, err = explain(capsys, str(map_file), "r1")
    assert code == 2 and "has no inference argument of its own" in err


def test_a_premise_that_is_out_makes_the_linked_reason_fail(tmp_path: Path, capsys) -> None:
    path = tmp_path / "linked.argmap"
    path.write_text("[C]: c\n  + [P]: p\n    - [X]: x\n  & [Q]: q\n", encoding="utf-8")
    code, out, _ = explain(capsys, str(path), "r3")  # the co-premise: reason r1
    assert code == 0
    assert "the inference from [P] and [Q] to [C] is out: its premise [P] is out, so it fails" in out
    assert "its premise [P] is out: attacked by [X], which is in — so the inference fails" in out


def test_an_in_node_shows_its_defence(capsys, map_file: Path) -> None:
    code, out, _ = explain(capsys, str(map_file), "Tax cut")
    assert code == 0
    assert out.splitlines()[1:] == [
        "  [Tax cut] is in: its one attacker is out",
        "    [Deficit] is out: attacked by [Growth], which is in",
        "      [Growth] is in: nothing attacks it",
    ]


def test_untitled_nodes_by_id(capsys, map_file: Path) -> None:
    code, out, _ = explain(capsys, str(map_file), "_1")
    assert code == 0 and '_1 ("An untitled remark.") is in' in out


def test_preferred_gives_a_witness_and_a_counterexample(capsys) -> None:
    code, out, _ = explain(capsys, str(FLAGSHIP), "[NATO threat]", "--semantics", "preferred", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "undec"
    assert data["credulous"]["accepted"] is True and data["credulous"]["witness"] == ["[NATO threat]"]
    assert data["credulous"]["least"] is True
    assert data["credulous"]["defence"] == [{"member": "[NATO threat]", "attacker": "[NATO is no threat]",
                                            "answered_by": "[NATO threat]"}]
    scep = data["sceptical"]
    assert scep["accepted"] is False and "[NATO threat]" not in scep["counterexample"]
    assert scep["attacks_it"] == ["[NATO is no threat]"]
    code, out, _ = explain(capsys, str(FLAGSHIP), "[No NATO troops]", "--semantics", "preferred")
    assert "Not credulously accepted: the grounded extension attacks it" in out


def test_df_quad_contributions(capsys) -> None:
    code, out, _ = explain(capsys, str(FLAGSHIP), "[NATO is no threat]", "--semantics", "df-quad", "--json")
    assert code == 0
    part = json.loads(out)["strength"]
    assert part["base"] == 0.5 and part["converged"]
    kinds = {c["premises"][0]: c["kind"] for c in part["contributions"]}
    assert kinds == {"[NATO threat]": "attack", "[Defensive alliance]": "support", "<Defensive reply>": "support"}
    assert abs(part["base"] + sum(c["effect"] for c in part["contributions"]) - part["strength"]) < 1e-9


@pytest.mark.parametrize(("node", "message"), [
    ("NATO thret", "did you mean '[NATO threat]'"),
    ("[no nato troops]", "did you mean '[No NATO troops]'"),
    ("zzzz", "no node 'zzzz'"),
])
def test_unknown_nodes_suggest_the_nearest(capsys, node: str, message: str) -> None:
    code, _, err = explain(capsys, str(FLAGSHIP), node)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_map_with_errors_is_reported(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.argmap"
    path.write_text("[A]: a\n  - [Missing]\n", encoding="utf-8")
    code, _, err = explain(capsys, str(path), "A")
    assert code == 1 and "bad.argmap:2" in err


def test_the_timeout_ends_with_what_was_found(tmp_path: Path, capsys) -> None:
    # [A] is in every preferred extension, and there are 2**30 of them: the sceptical loop
    # cannot finish in time; the credulous part can
    lines = ["[A]: a", "  - [D]: d", "    - [B]: b", "      >< [C]: c", "    - [C]"]
    for i in range(30):
        lines += [f"[X{i}]: x", f"  >< [Y{i}]: y"]
    path = tmp_path / "hard.argmap"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = explain(capsys, str(path), "A", "--semantics", "preferred", "--timeout", "0.5", "--json")
    assert code == 1 and "time limit of 0.5 s ran out" in err
    data = json.loads(out)
    assert data["credulous"]["accepted"] is True and data["sceptical"]["decided"] is False
    assert data["decided"] is False


def test_the_docs_show_the_flagship_explanation_as_it_is(capsys) -> None:
    docs = (FLAGSHIP.parent.parent / "docs" / "analysis.md").read_text(encoding="utf-8")
    section = docs[docs.index("## Explanations"):docs.index("## Expected outcomes")]
    shown = json.loads(section.split("```json\n")[1].split("```")[0])
    assert main(["explain", str(FLAGSHIP), "[No NATO troops]", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got == {**shown, "map": str(FLAGSHIP)}
    assert main(["explain", str(FLAGSHIP), "r12"]) == 0
    text = capsys.readouterr().out
    assert "$ argmap explain maps/lavrov-blinken.argmap r12\n" + text in section

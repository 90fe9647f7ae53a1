"""`argmap analyze` end to end through `argmap.cli.main`."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from argmap.cli import main

MAP = textwrap.dedent("""\
    actor ann: Ann
    actor bob: Bob

    [Tax cut]: Cut taxes. @ann
      - [Deficit]: The deficit would grow. @bob
      >< [Spend more]: Spend more instead. @bob
    \\[red]danger[/red] is plain text here
      + [Deficit]
    """)


@pytest.fixture()
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "debate.argmap"
    path.write_text(MAP, encoding="utf-8")
    return path


def test_tables_without_colour_and_markup_kept_as_text(map_file: Path, capsys) -> None:
    assert main(["analyze", str(map_file)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out  # piped: no colours
    assert "[red]danger[/red]" in out  # map text is never read as rich markup
    assert "[Tax cut]" in out and "Ann (@ann)" in out and "Bob (@bob)" in out
    assert "dropped" in out  # Deficit attacks Ann's claim and nothing answers it


def test_json_shape(map_file: Path, capsys) -> None:
    assert main(["analyze", str(map_file), "--json", "--semantics", "preferred"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"map", "semantics", "assumptions", "labels", "strength", "converged",
                         "unsettled", "inferences", "extensions", "stopped", "actors"}
    assert data["labels"]["[Tax cut]"] == "out"
    assert data["labels"]["[Spend more]"] == "in"
    assert data["extensions"] == [["[Deficit]", "[Spend more]", "_1"]]
    ann = data["actors"][0]
    assert ann["id"] == "ann" and [c["node"] for c in ann["claims"]] == ["[Tax cut]"]
    assert [d["attacker"] for d in ann["dropped"]] == ["[Deficit]"]


def test_actor_and_assume(map_file: Path, capsys) -> None:
    args = ["analyze", str(map_file), "--json", "--actor", "ann", "--assume", "Deficit=rejected",
            "--assume", "Spend more=rejected"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["actors"]] == ["ann"]
    assert data["labels"]["[Tax cut]"] == "in"
    assert data["assumptions"] == {"[Deficit]": "rejected", "[Spend more]": "rejected"}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--actor", "carol"], "no actor 'carol'"),
        (["--assume", "Tax cut"], "write TITLE=accepted"),
        (["--assume", "Tax cuts=rejected"], "did you mean 'Tax cut'"),
        (["--limit", "-1"], "--limit must be 0 or more"),
    ],
)
def test_usage_errors(map_file: Path, capsys, extra: list[str], message: str) -> None:
    assert main(["analyze", str(map_file), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_map_with_errors_reports_them(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.argmap"
    path.write_text("[A]: a\n  - [Missing]\n", encoding="utf-8")
    assert main(["analyze", str(path)]) == 1
    assert "bad.argmap:2" in capsys.readouterr().err


def test_i23_input_names_arguments_by_number(tmp_path: Path, capsys) -> None:
    path = tmp_path / "af.i23"
    path.write_text("p af 3\n# 1 attacks 2, 2 and 3 attack each other\n1 2\n2 3\n3 2\n")
    assert main(["analyze", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["extensions"] == [["1", "3"]]
    assert data["labels"] == {"1": "in", "2": "out", "3": "in"}
    assert main(["analyze", str(path), "--semantics", "stable", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["extensions"] == [["1", "3"]]


def test_apx_errors_are_clear(tmp_path: Path, capsys) -> None:
    path = tmp_path / "af.apx"
    path.write_text("arg(a).\natt(a,b).\n")
    assert main(["analyze", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 2: attack names 'b'" in err and "Traceback" not in err


def test_limit_and_timeout_stop_enumeration(tmp_path: Path, capsys) -> None:
    pairs = 40  # 2**40 stable extensions
    lines = [f"p af {2 * pairs}"]
    for i in range(pairs):
        lines += [f"{2 * i + 1} {2 * i + 2}", f"{2 * i + 2} {2 * i + 1}"]
    path = tmp_path / "many.i23"
    path.write_text("\n".join(lines) + "\n")
    assert main(["analyze", str(path), "--semantics", "stable", "--limit", "5", "--json"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["extensions"]) == 5
    assert "first 5 extensions; there are more" in captured.err
    args = ["analyze", str(path), "--semantics", "stable", "--limit", "100000000",
            "--timeout", "0.3", "--json"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["stopped"] == "timeout"
    assert "time limit of 0.3 s reached" in captured.err


def test_query_one_argument(map_file: Path, tmp_path: Path, capsys) -> None:
    args = ["analyze", str(map_file), "--semantics", "preferred", "--query", "Tax cut", "--json"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["query"] == {
        "argument": "Tax cut", "credulous": False, "sceptical": False}
    path = tmp_path / "pair.apx"
    path.write_text("arg(a). arg(b).\natt(a,b). att(b,a).\n")
    assert main(["analyze", str(path), "--semantics", "stable", "--query", "a"]) == 0
    assert "a under stable: credulously accepted yes, sceptically accepted no" in \
        capsys.readouterr().out
    assert main(["analyze", str(path), "--query", "c"]) == 2
    assert "no such node or argument" in capsys.readouterr().err


def test_actor_prints_that_actor_only(map_file: Path, capsys) -> None:
    assert main(["analyze", str(map_file), "--actor", "ann"]) == 0
    out = capsys.readouterr().out
    assert "Ann (@ann): 1 claim" in out and "1 claim(s)" not in out
    assert "status and DF-QuAD strength" not in out  # not the whole map's table
    assert "Bob (@bob)" not in out and "[Spend more]" in out  # Bob's node, as Ann's attacker


def test_claims_are_counted_in_words(map_file: Path, capsys) -> None:
    assert main(["analyze", str(map_file), "--semantics", "preferred"]) == 0
    out = capsys.readouterr().out
    assert "Bob (@bob): 2 claims" in out and "(s)" not in out
    assert "1 preferred extension listed; each holds the 3 nodes they share" in out


def test_limit_zero_lists_none_and_says_nothing_more(map_file: Path, capsys) -> None:
    assert main(["analyze", str(map_file), "--semantics", "preferred", "--limit", "0", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["extensions"] == []
    assert captured.err == ""  # not "listed the first 0 extension(s); there are more"
    assert main(["analyze", str(map_file), "--semantics", "preferred", "--limit", "0"]) == 0
    captured = capsys.readouterr()
    assert "extensions not listed (--limit 0)" in captured.out and captured.err == ""

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
                         "unsettled", "inferences", "extensions", "stopped", "rephrases", "actors"}
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


def _hard_lines(pairs: int = 30) -> list[str]:
    """[A] is in every preferred extension, and there are 2**pairs of them: the sceptical
    loop cannot finish in time (it meets one preferred extension per round)."""
    lines = ["[A]: a", "  - [D]: d", "    - [B]: b", "      >< [C]: c", "    - [C]", "[E]: e", "  - [F]: f"]
    for i in range(pairs):
        lines += [f"[X{i}]: x", f"  >< [Y{i}]: y"]
    return lines


def test_timeout_on_a_query_ends_with_the_partial_answer(tmp_path: Path, capsys) -> None:
    pairs = 30  # as _hard_lines, in i23: 1 <- 4 <- {2, 3}, 2 <-> 3, and the pairs
    lines = [f"p af {4 + 2 * pairs}", "4 1", "2 4", "3 4", "2 3", "3 2"]
    lines += [f"{5 + 2 * i} {6 + 2 * i}\n{6 + 2 * i} {5 + 2 * i}" for i in range(pairs)]
    path = tmp_path / "hard.i23"
    path.write_text("\n".join(lines) + "\n")
    args = ["analyze", str(path), "--semantics", "preferred", "--query", "1", "--timeout", "0.5",
            "--limit", "3", "--json"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "error:" not in captured.err
    data = json.loads(captured.out)
    assert data["query"] == {"argument": "1", "credulous": True, "sceptical": None}
    assert "time limit of 0.5 s reached before the query was answered" in captured.err
    assert main(args[:-1]) == 1  # as text: the part not decided in time is said so
    assert "sceptically accepted not decided in time" in " ".join(capsys.readouterr().out.split())


def test_timeout_on_the_preferred_status_marks_what_was_not_decided(tmp_path: Path, capsys) -> None:
    path = tmp_path / "hard.argmap"
    path.write_text("\n".join(_hard_lines()) + "\n", encoding="utf-8")
    args = ["analyze", str(path), "--semantics", "preferred", "--timeout", "0.5", "--json"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "error:" not in captured.err
    data = json.loads(captured.out)
    labels = data["labels"]
    assert labels["[E]"] == "out" and labels["[F]"] == "in"  # decided by the grounded labelling
    assert labels["[A]"] == "unknown"  # not decided in time
    assert data["stopped"] == "timeout" and data["extensions"] == []
    unknown = sum(v == "unknown" for v in labels.values())
    assert f"the preferred status of {unknown} nodes was not decided in time" in captured.err
    assert main(args[:-1]) == 1  # tables: the same, marked
    assert "unknown" in capsys.readouterr().out


def test_timeout_on_the_debate_reports_preferred_column(tmp_path: Path, capsys) -> None:
    path = tmp_path / "hard.argmap"
    path.write_text("actor ann: Ann\n" + "\n".join(_hard_lines()).replace("[A]: a", "[A]: a @ann") + "\n",
                    encoding="utf-8")
    assert main(["analyze", str(path), "--timeout", "0.5", "--json"]) == 1  # grounded, and the report's preferred
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["labels"]["[A]"] == "undec"  # grounded: decided at once
    (ann,) = data["actors"]
    assert ann["claims"][0]["preferred"] == "unknown"
    assert "not decided in time" in captured.err and "Traceback" not in captured.err

"""Expected outcomes in a map (`{expect: in}`, `{expect-strength: LOW..HIGH}`, `expect-semantics`),
checked by `argmap check` through `argmap.analyze.expect.check_expectations`."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import FLAGSHIP, ROOT

import argmap
from argmap.analyze import SEMANTICS
from argmap.analyze.expect import check_expectations
from argmap.cli import main
from argmap.language.check import EXPECT_SEMANTICS, has_expectations

MAP = textwrap.dedent("""\
    [Tax cut]: Cut taxes. {expect: in}
      - [Deficit]: The deficit would grow. {expect: out, expect-strength: 0.2..0.3}
        - [Growth]: Growth pays for it. {expect-strength: .5..0.5}
    [A]: a {expect: undec}
      >< [B]: b {expect: undec, expect-semantics: preferred}
    """)


def codes(text: str, path: str = "m.argmap") -> list[tuple[str, int, str]]:
    return [(d.code, d.span.line, d.message) for d in check_expectations(argmap.parse(text, path))]


def test_the_language_knows_every_semantics_without_importing_analysis() -> None:
    assert EXPECT_SEMANTICS == SEMANTICS


def test_expectations_that_hold_give_nothing() -> None:
    assert has_expectations(argmap.parse(MAP))
    assert codes(MAP) == []
    assert not has_expectations(argmap.parse("[A]: a {score: 0.3}\n"))
    assert check_expectations(argmap.parse("[A]: a\n")) == []


def test_each_failed_expectation_is_an_error_at_its_node() -> None:
    text = MAP.replace("{expect: in}", "{expect: out}").replace(".5..0.5", "0.6..1")
    text = text.replace("{expect: undec, expect-semantics: preferred}", "{expect: in, expect-semantics: preferred}")
    found = check_expectations(argmap.parse(text, "m.argmap"))
    assert [(d.code, d.severity.value, d.span.line, d.span.column) for d in found] == [
        ("expectation-failed", "error", 1, 1), ("expectation-failed", "error", 3, 7),
        ("expectation-failed", "error", 5, 6)]
    assert found[0].message == "[Tax cut]: expected out under grounded, is in"
    assert found[0].hint == "see why: argmap explain m.argmap '[Tax cut]'"
    assert found[1].message == "[Growth]: expected a DF-QuAD strength from 0.6 to 1, is 0.500"
    assert found[1].hint.endswith("'[Growth]' --semantics df-quad")
    assert found[2].message == "[B]: expected in under preferred, is undec"
    assert found[2].hint.endswith("--semantics preferred")


def test_the_front_matter_sets_the_semantics_a_node_may_override() -> None:
    text = "---\nexpect-semantics: stable\n---\n[A]: a {expect: in}\n  >< [B]: b {expect: undec, expect-semantics: grounded}\n"
    assert codes(text) == [("expectation-failed", 4, "[A]: expected in under stable, is undec")]
    assert "argmap analyze" in check_expectations(argmap.parse(text, "m.argmap"))[0].hint


@pytest.mark.parametrize(("meta", "what"), [
    ("{expect: maybe}", "'in', 'out' or 'undec'"),
    ("{expect: true}", "'in', 'out' or 'undec'"),
    ("{expect-strength: 0.5}", "a range LOW..HIGH"),
    ("{expect-strength: 0.7..0.2}", "LOW ≤ HIGH"),
    ("{expect-strength: 0..2}", "numbers from 0 to 1"),
    ("{expect-strength: a..b}", "a range"),
    ("{expect-strength: [0.4, 0.7]}", "a range LOW..HIGH"),
    ("{expect: in, expect-semantics: naive}", "one of grounded, complete"),
])
def test_a_malformed_expectation_is_bad_metadata_and_is_not_run(meta: str, what: str) -> None:
    m = argmap.parse(f"[A]: a {meta}\n", "m.argmap")
    (found,) = [d for d in argmap.check(m)]
    assert found.code == "bad-metadata-value" and what in found.message
    assert check_expectations(m) == []


def test_a_malformed_front_matter_semantics_is_bad_metadata_on_line_1() -> None:
    m = argmap.parse("---\nexpect-semantics: best\n---\n[A]: a {expect: in}\n", "m.argmap")
    (found,) = argmap.check(m)
    assert (found.code, found.span.line, found.span.column) == ("bad-metadata-value", 1, 1)
    assert codes("---\nexpect-semantics: best\n---\n[A]: a {expect: in}\n") == []  # grounded


def test_argmap_check_fails_on_a_failed_expectation(tmp_path: Path, capsys) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(MAP, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.endswith("ok (5 nodes, 3 relations)\n")
    path.write_text(MAP.replace("{expect: in}", "{expect: undec}"), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "1:1: error[expectation-failed]: [Tax cut]: expected undec under grounded, is in" in out
    assert f"hint: see why: argmap explain {path} '[Tax cut]'" in out
    assert main(["check", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in data["diagnostics"]] == ["expectation-failed"]


def test_a_map_with_errors_is_not_analysed(tmp_path: Path, capsys) -> None:
    path = tmp_path / "m.argmap"
    path.write_text("[A]: a {expect: out}\n  - [Missing]\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "undefined-node" in out and "expectation-failed" not in out


def test_the_flagship_map_states_expectations_that_hold(capsys) -> None:
    m = argmap.parse(FLAGSHIP.read_text(encoding="utf-8"), str(FLAGSHIP))
    assert has_expectations(m) and check_expectations(m) == []
    assert main(["check", str(FLAGSHIP)]) == 0


_MODULES = """
import contextlib, io, json, sys
from argmap.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["check", sys.argv[1]])
print(json.dumps([code, sorted(m for m in sys.modules if m.startswith(("argmap.analyze", "clingo")))]))
"""


@pytest.mark.parametrize(("text", "code", "analysis", "solver"), [
    ("[A]: a\n  - [B]: b\n", 0, False, False),  # no expectation: no analysis at all
    ("[A]: a {expect: out}\n  - [B]: b {expect-strength: 0.5..0.5}\n", 0, True, False),  # grounded: no solver
    ("[A]: a {expect: out, expect-semantics: preferred}\n  - [B]: b\n", 0, True, True),
])
def test_check_analyses_only_maps_that_expect(tmp_path: Path, text: str, code: int, analysis: bool,
                                              solver: bool) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _MODULES, str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    got, modules = json.loads(done.stdout)
    assert got == code
    assert any(m.startswith("argmap.analyze") for m in modules) == analysis
    assert ("clingo" in modules) == solver

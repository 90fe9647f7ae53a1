"""What check says about schemes (fixture cases in tests/fixtures/schemes.txt), and how a map
answers critical questions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import FIXTURES

import argmap
from argmap.cli import main
from argmap.schemes.catalogue import builtin
from argmap.schemes.uses import DEFENDED, OPEN, RAISED, find_uses


def _cases() -> list[tuple[str, str]]:
    blocks = (FIXTURES / "schemes.txt").read_text(encoding="utf-8").split("\n=== ")[1:]
    return [(b.partition("\n")[0].strip(), b.partition("\n")[2]) for b in blocks]


def _severities() -> dict[str, str]:
    """code -> severity, from the diagnostics table of docs/format.md."""
    table = {}
    for line in (Path(__file__).parent.parent / "docs" / "format.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[1] in ("error", "warning", "info"):
            for code in re.findall(r"`([a-z0-9-]+)`", cells[0]):
                table[code] = cells[1]
    return table


CASES = _cases()


@pytest.mark.parametrize("header,body", CASES, ids=[c[0] for c in CASES])
def test_code_at_position_with_its_documented_severity(header: str, body: str, tmp_path) -> None:
    code, _, where = header.partition(" at ")
    line, column = (int(x) for x in where.split(":"))
    path = tmp_path / "sub" / "case.argmap"
    path.parent.mkdir()
    (tmp_path / "outside.toml").write_text("not read", encoding="utf-8")
    m = argmap.parse(body, str(path))
    found = [d for d in argmap.check(m) if d.code == code]
    assert (line, column) in [(d.span.line, d.span.column) for d in found], argmap.check(m)
    assert all(d.message and d.hint for d in found), "every diagnostic explains itself"
    assert {d.severity.value for d in found} == {_severities()[code]}


def test_every_scheme_code_is_documented_and_has_a_case() -> None:
    codes = {h.partition(" at ")[0] for h, _ in CASES}
    assert codes <= set(_severities())
    assert {"unanswered-critical-question", "unknown-scheme", "unknown-critical-question",
            "answer-without-scheme", "bad-scheme-catalogue"} <= codes


def _uses(text: str) -> dict:
    m = argmap.parse(text)
    return {u.owner: u for u in find_uses(m, builtin())}


def test_open_questions_are_one_finding_each() -> None:
    m = argmap.parse("[C]: c\n  + <A>: a {scheme: analogy}\n")
    found = [d.message for d in argmap.check(m) if d.code == "unanswered-critical-question"]
    assert len(found) == 3 and all(" <A> (analogy) leaves CQ" in " " + f for f in found)


def test_support_defends_attack_raises() -> None:
    use = _uses("""\
[C]: c
  + <A>: a {scheme: expert-opinion}
    + [Expert]: She is an engineer. {answers: [CQ1, CQ2]}
      - [Not so]: She is not. {answers: CQ1}
    - [Paid]: She was paid. {answers: CQ4}
    _ [Others]: Other engineers disagree. {answers: CQ5}
""")["<A>"]
    assert [use.status(f"CQ{n}") for n in range(1, 7)] == [RAISED, DEFENDED, OPEN, RAISED, RAISED, OPEN]
    assert [q.id for q in use.open_questions()] == ["CQ3", "CQ6"]
    assert use.premises == ("[Expert]",)


def test_answers_on_the_relation_line_belong_to_that_relation_only() -> None:
    uses = _uses("""\
[C]: c
  + <A>: a {scheme: sign}
    - {answers: CQ2} [Other cause]: Something else explains it.
[D]: d
  + <B>: b {scheme: sign}
    - [Other cause]
""")
    assert uses["<A>"].status("CQ2") == RAISED and uses["<B>"].status("CQ2") == OPEN


def test_a_contradiction_of_a_premise_raises_and_a_co_premise_defends() -> None:
    use = _uses("""\
[C]: c
  + <A>: a {scheme: cause-to-effect}
    + [Cause]: It happens. {answers: CQ2}
      >< [No cause]: It does not happen. {answers: CQ1}
  & [Law]: Generally it is so. {answers: CQ3}
""")["<A>"]
    assert (use.status("CQ1"), use.status("CQ2"), use.status("CQ3")) == (RAISED, DEFENDED, DEFENDED)


def test_an_aif_style_relation_names_a_scheme_by_its_aif_name() -> None:
    m = argmap.parse("[C]: c\n  + {scheme: \"Argument From Sign\"} [B]: b\n    - [X]: x {answers: CQ2}\n"
                     "  + {scheme: \"Default Inference\"} [D]: d\n")
    uses = find_uses(m, builtin())
    assert [(u.owner, u.scheme.id, u.status("CQ2")) for u in uses] == [("r1", "sign", RAISED)]
    assert not [d for d in argmap.check(m) if d.code == "unknown-scheme"]  # AIF's generic names are no schemes


def test_strict_makes_open_questions_warnings(tmp_path, capsys) -> None:
    path = tmp_path / "m.argmap"
    path.write_text("[C]: c\n  + <A>: a {scheme: sign}\n", encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("info[unanswered-critical-question]") == 2 and f"{path}: ok, 2 notes" in out
    assert main(["check", "--strict", str(path)]) == 1
    assert capsys.readouterr().out.count("warning[unanswered-critical-question]") == 2


def test_a_map_adds_its_own_catalogue(tmp_path) -> None:
    (tmp_path / "mine.toml").write_text("""\
[[scheme]]
id = "from-the-stars"
name = "Argument from the stars"
premises = ["The stars say A."]
conclusion = "A."
questions = [{ type = "premise", text = "Do they?" }, { type = "exception", text = "Are they lying?" }]
""", encoding="utf-8")
    path = tmp_path / "m.argmap"
    path.write_text("---\nschemes: mine.toml\n---\n[C]: c\n  + <A>: a {scheme: from-the-stars}\n"
                    "    - [Lies]: They lie. {answers: CQ2}\n", encoding="utf-8")
    found = argmap.check(argmap.parse(path.read_text(encoding="utf-8"), str(path)))
    assert [(d.code, d.message.split(":")[0]) for d in found] == [
        ("unanswered-critical-question", "<A> (from-the-stars) leaves CQ1 open, a premise question")]
    (tmp_path / "mine.toml").write_text("[[scheme]]\nid = 'x'\n", encoding="utf-8")
    found = argmap.check(argmap.parse(path.read_text(encoding="utf-8"), str(path)))
    assert [d.code for d in found][:2] == ["bad-scheme-catalogue", "unknown-scheme"]
    assert "mine.toml: scheme 'x'" in found[0].message


def test_a_map_without_schemes_does_not_read_the_catalogue(monkeypatch) -> None:
    import argmap.schemes.uses as uses

    monkeypatch.setattr(uses, "find_uses", lambda *a: pytest.fail("read the catalogue"))
    assert argmap.check(argmap.parse("[C]: c {schemey: 1}\n  + [B]: b\n")) == []


INFERENCE_USE = """\
<Growth>: NATO's growth threatens Russia.
  (1) [Grew]: NATO grew eastward.
    + [Records]: The accession treaties record it. {answers: CQ2}
  (2) [Rule]: An alliance that grows toward a state threatens it.
  -- modus ponens {scheme: cause-to-effect} --
  (3) [Threat]: NATO threatens Russia.
    _ [Other causes]: Russia's own policy explains the tension. {answers: CQ3}
  +> [Concern]
[Concern]: Russia has reason for concern.
"""


def test_an_inference_line_names_a_scheme_whose_questions_it_answers_under_its_statements() -> None:
    m = argmap.parse(INFERENCE_USE)
    (use,) = find_uses(m, builtin())
    assert (use.owner, use.inference, use.label, use.premises) == ("<Growth>", 0, "<Growth>(3)", ("[Grew]", "[Rule]"))
    assert [use.status(q) for q in ("CQ1", "CQ2", "CQ3")] == ["open", "defended", "raised"]
    (found,) = [d for d in argmap.check(m) if d.code == "unanswered-critical-question"]
    assert found.message.startswith("<Growth>(3) (cause-to-effect) leaves CQ1 open")
    assert found.span.line == 5  # the inference line
    assert [d.code for d in argmap.check(m) if d.code.endswith("scheme")] == []


def test_an_unknown_scheme_on_an_inference_line_is_reported_there() -> None:
    m = argmap.parse(INFERENCE_USE.replace("cause-to-effect", "cause-to-efect"))
    (found,) = [d for d in argmap.check(m) if d.code == "unknown-scheme"]
    assert found.span.line == 5 and "did you mean cause-to-effect" in found.hint

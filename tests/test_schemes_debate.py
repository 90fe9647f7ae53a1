"""The debate report's critical questions: per actor, those left open and those raised."""

from __future__ import annotations

import json

import argmap
from argmap.analyze.debate import debate_report
from argmap.cli import main

MAP = """\
actor pro: Pro
actor con: Con
[Bridge unsafe]: The bridge is unsafe. @con
  - <Engineer>: The engineer says it is safe. @pro {scheme: expert-opinion}
    + [Civil]: She is a civil engineer. @pro {answers: [CQ1, CQ2]}
    - [Paid]: She was paid by the builder. @con {answers: CQ4}
    - [Also paid]: And by the town. @pro {answers: CQ3}
"""


def test_each_actor_gets_its_open_and_raised_questions() -> None:
    report = {r.actor: r for r in debate_report(argmap.parse(MAP)).actors}
    pro, con = report["pro"], report["con"]
    assert [(q.argument, q.question, q.type) for q in pro.open_questions] == [
        ("<Engineer>", "CQ5", "exception"), ("<Engineer>", "CQ6", "assumption")]
    assert pro.raised_questions == ()  # [Also paid] attacks pro's own argument: not raised against others
    assert [(q.argument, q.question, q.by) for q in con.raised_questions] == [("<Engineer>", "CQ4", "[Paid]")]
    assert con.open_questions == ()


def test_a_map_without_schemes_has_no_questions_in_its_report() -> None:
    report = debate_report(argmap.parse("actor a: A\n[C]: c @a\n  - [B]: b @a {answers: CQ1}\n"))
    assert [(r.open_questions, r.raised_questions) for r in report.actors] == [((), ())]


def test_the_cli_prints_and_writes_them(tmp_path, capsys) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(MAP, encoding="utf-8")
    assert main(["analyze", str(path), "--json"]) == 0
    actors = {a["id"]: a for a in json.loads(capsys.readouterr().out)["actors"]}
    assert actors["con"]["critical_questions"]["raised"][0] == {
        "argument": "<Engineer>", "scheme": "expert-opinion", "question": "CQ4", "type": "exception",
        "text": "Is E personally unreliable, for instance biased or dishonest?", "by": "[Paid]"}
    assert [q["question"] for q in actors["pro"]["critical_questions"]["open"]] == ["CQ5", "CQ6"]
    assert main(["analyze", str(path), "--actor", "pro"]) == 0
    out = capsys.readouterr().out
    assert "critical questions left open" in out and "CQ5 (expert-opinion)" in out


def test_critical_questions_refuse_a_catalogue_that_cannot_be_used(tmp_path, capsys) -> None:
    path = tmp_path / "m.argmap"
    path.write_text("---\nschemes: missing.toml\n---\n[C]: c\n  - <A>: a {scheme: sign}\n", encoding="utf-8")
    assert main(["analyze", str(path), "--critical-questions"]) == 2
    err = capsys.readouterr().err
    assert "missing.toml: no such catalogue file" in err and "Traceback" not in err


def test_the_questions_of_an_inference_line_belong_to_its_arguments_actors() -> None:
    text = MAP.replace("<Engineer>", "<Eng>").replace(" {scheme: expert-opinion}", "") + """\
<Lights>: The lights are off. @pro
  (1) [Dark]: The windows are dark.
  -- {scheme: sign} --
  (2) [Nobody home]: Nobody is home.
    _ [Asleep]: They may be asleep. @con {answers: CQ2}
"""
    report = {r.actor: r for r in debate_report(argmap.parse(text)).actors}
    assert [(q.argument, q.question) for q in report["pro"].open_questions] == [("<Lights>(2)", "CQ1")]
    assert [(q.argument, q.question, q.by) for q in report["con"].raised_questions] == [("<Lights>(2)", "CQ2", "[Asleep]")]

"""`argmap export` and `argmap import`: formats by name or ending, clear errors, no half files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.commands.export import EXPORTERS, exporter

MAP = "[A]: It rains. @ann\n  - [B]: The sky is clear.\n    _ [C]: It is night.\n"
HEADER = "actor ann: Ann {side: wet}\n\n"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.argmap"
    path.write_text(HEADER + MAP, "utf-8")
    return path


@pytest.mark.parametrize(("ending", "check"), [
    (".json", lambda t: json.loads(t)["format"] == "argmap"),
    (".mmd", lambda t: t.startswith("flowchart BT")),
    (".argdown", lambda t: "[A]: It rains." in t),
    (".aif.json", lambda t: any(n["type"] == "CA" for n in json.loads(t)["nodes"])),
])
def test_format_follows_the_output_ending(small: Path, tmp_path: Path, ending: str, check) -> None:
    out = tmp_path / f"out{ending}"
    assert main(["export", str(small), "-o", str(out)]) == 0
    assert check(out.read_text("utf-8"))


def test_export_to_stdout(small: Path, capsys) -> None:
    assert main(["export", str(small), "--to", "mermaid"]) == 0
    assert "--x" in capsys.readouterr().out


def test_export_reads_argdown_input(tmp_path: Path, capsys) -> None:
    source = tmp_path / "d.argdown"
    source.write_text("[A]: a\n  + <B>: b\n", "utf-8")
    assert main(["export", str(source), "--to", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["source"], r["target"]) for r in data["relations"]] == [
        ("support", "<B>", "[A]")]


def test_unknown_output_ending_is_a_usage_error(small: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(small), "-o", str(tmp_path / "x.docx")]) == 2
    assert "--to" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_map_with_errors_is_not_exported(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.argmap"
    bad.write_text("[A]: a\n  + [B]: b\n  + [B]: other text\n", "utf-8")
    out = tmp_path / "bad.json"
    assert main(["export", str(bad), "-o", str(out)]) == 1
    assert "bad.argmap:3:" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("fmt", EXPORTERS)
def test_every_registered_exporter_imports_and_writes(small: Path, fmt: str) -> None:
    # every format ships with argmap (ICCMA's writers with argmap.analyze): none may be missing
    text = exporter(fmt)(argmap.parse_file(small))
    assert isinstance(text, str) and text.strip()
    assert text == exporter(fmt)(argmap.parse_file(small))  # the same map gives the same text


def test_missing_exporter_gives_a_clear_message(monkeypatch, small: Path, capsys) -> None:
    monkeypatch.setitem(EXPORTERS, "i23", "argmap.analyze.no_such_module:map_to_i23")
    assert main(["export", str(small), "--to", "i23"]) == 2
    assert "not available" in capsys.readouterr().err


def test_import_writes_canonical_argmap_that_parses_back(tmp_path: Path, capsys) -> None:
    source = tmp_path / "d.argdown"
    source.write_text("# Weather\n\n[A]: It rains.\n  - [B]: The sky is clear.\n"
                      "    _ [C]: It is night.\n", "utf-8")
    out = tmp_path / "d.argmap"
    assert main(["import", str(source), "-o", str(out)]) == 0
    m = argmap.parse_file(out)
    assert not m.diagnostics
    assert {(r.kind.value, r.source) for r in m.relations.values()} == {
        ("attack", "[B]"), ("undercut", "[C]")}
    assert [s.title for s in m.sections.values()] == ["Weather"]


def test_import_round_trips_json_through_argmap_text(small: Path, tmp_path: Path) -> None:
    exported = tmp_path / "m.json"
    assert main(["export", str(small), "-o", str(exported)]) == 0
    out = tmp_path / "back.argmap"
    assert main(["import", str(exported), "-o", str(out)]) == 0
    original, back = argmap.parse_file(small), argmap.parse_file(out)
    assert back.nodes == original.nodes and back.actors == original.actors


def test_import_detects_aif_in_a_json_file(small: Path, tmp_path: Path, capsys) -> None:
    aif = tmp_path / "corpus.json"
    assert main(["export", str(small), "--to", "aif", "-o", str(aif)]) == 0
    assert main(["import", str(aif)]) == 0
    assert "[B]" in capsys.readouterr().out


def test_import_warnings_are_printed_with_positions(tmp_path: Path, capsys) -> None:
    source = tmp_path / "w.argdown"
    source.write_text("[A]: a\n\n[A]: different words\n", "utf-8")
    assert main(["import", str(source)]) == 0
    err = capsys.readouterr().err
    assert f"{source}:3:1: warning[argdown-member]" in err


def test_broken_import_exits_1_without_output(tmp_path: Path, capsys) -> None:
    source = tmp_path / "broken.json"
    source.write_text('{"format": "argmap", "nodes": [}', "utf-8")
    out = tmp_path / "out.argmap"
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert "broken.json:1:" in capsys.readouterr().err
    assert not out.exists()


def test_import_of_unknown_ending_asks_for_from(tmp_path: Path, capsys) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("x", "utf-8")
    assert main(["import", str(source)]) == 2
    assert "--from" in capsys.readouterr().err

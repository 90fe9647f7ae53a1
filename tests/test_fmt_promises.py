"""fmt keeps its promises: what `argmap --help` shows passes on a fresh clone, your wrapping
(annotation lines too) is kept, and a formatter bug never writes a changed map (the guard)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

import argmap
from argmap.cli import main
from argmap.language.write import format as format_module


def test_what_the_help_shows_passes_on_the_maps_shipped(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = [line.split() for line in capsys.readouterr().out.splitlines() if "argmap fmt --check" in line]
    assert shown == [["argmap", "fmt", "--check", "maps/*.argmap"]]
    monkeypatch.chdir(ROOT)
    maps = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("maps/*.argmap"))
    assert maps and main(["fmt", "--check", *maps]) == 0, capsys.readouterr().err


def test_an_annotation_line_stays_a_line_of_its_own() -> None:
    text = ("source s: \"S\"\nactor x: X\n\n[A]: a\n  + <R>: one\n    two\n    ^s {score: 0.5}  // why\n"
            "  - [B]: b\n    @x\n")
    assert argmap.format_map(argmap.parse(text)) == text


def test_annotations_at_the_end_of_a_continuation_line_stay_there() -> None:
    text = "actor x: X\n\n[A]: one @x\n  two\n"
    assert argmap.format_map(argmap.parse(text)) == text


def _buggy(real):  # noqa: ANN001, ANN202 - wraps format_map
    def format_map(m):  # noqa: ANN001, ANN202
        return real(m).replace("supports", "attacks")  # a formatter bug: it changes a text
    return format_map


@pytest.mark.parametrize("mode", [[], ["--check"], ["--diff"]])
def test_a_formatter_bug_writes_nothing_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch, mode: list[str]) -> None:
    path = tmp_path / "m.argmap"
    original = "[A]:   a\n  + [B]: b supports a\n"  # not canonical: fmt would rewrite it
    path.write_text(original, encoding="utf-8")
    monkeypatch.setattr(format_module, "format_map", _buggy(format_module.format_map))
    assert main(["fmt", *mode, str(path)]) == 2
    assert path.read_text(encoding="utf-8") == original
    err = capsys.readouterr().err
    assert "internal error" in err and "would change the map's meaning" in err and "bug" in err
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_an_unstable_formatter_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.argmap"
    path.write_text("[A]:   a\n", encoding="utf-8")
    real = format_module.format_map
    calls = []

    def drifting(m):  # noqa: ANN001, ANN202 - a blank line more each time: same map, never stable
        calls.append(1)
        return "\n" * len(calls) + real(m)

    monkeypatch.setattr(format_module, "format_map", drifting)
    assert main(["fmt", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "[A]:   a\n"
    assert "not stable" in capsys.readouterr().err

"""The command line, tested by calling main([...]) as a user would run it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FLAGSHIP, ROOT

from argmap.cli import main

MESSY = "[A]:   text   here @x\n    +   [B]: b\n actor x: X\n"
MESSY_OK = "actor x: X\n[A]:   text   here @x\n    +   [B]: b\n"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("check", "fmt"):
        assert command in out


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().out


def test_check_flagship_map_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FLAGSHIP)]) == 0
    assert "ok" in capsys.readouterr().out


def test_check_reports_compiler_style_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.argmap"
    path.write_text("[Apple]: a\n  + [Appel]\n")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2:5: error[undefined-node]: [Appel] is used but never defined" in out
    assert "    ^^^^^^^" in out and "did you mean [Apple]?" in out
    assert out.endswith(f"{path}: 1 error, 0 warnings (1 node, 0 relations)\n")


def test_check_json_for_tools(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.argmap"
    path.write_text("evidence: no source\n")
    assert main(["check", "--format", "json", str(path)]) == 0  # a warning only
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 0 and report["warnings"] == 1
    assert report["diagnostics"][0]["code"] == "evidence-without-source"
    assert main(["check", "--strict", str(path)]) == 1


def test_check_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"[A]: a\n  + [B]\n")))
    assert main(["check", "-"]) == 1
    assert "<input>:2:5: error[undefined-node]" in capsys.readouterr().out


def test_fmt_rewrites_in_place_and_check_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(MESSY_OK)
    assert main(["fmt", "--check", str(path)]) == 1
    assert path.read_text() == MESSY_OK  # --check writes nothing
    assert main(["fmt", "--diff", str(path)]) == 1
    assert "+[A]: text here @x" in capsys.readouterr().out
    assert main(["fmt", str(path)]) == 0
    assert path.read_text() == "actor x: X\n[A]: text here @x\n  + [B]: b\n"
    assert main(["fmt", "--check", str(path)]) == 0
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_fmt_refuses_a_file_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(MESSY)
    assert main(["fmt", str(path)]) == 1
    assert path.read_text() == MESSY
    assert "not formatted" in capsys.readouterr().err


def test_fmt_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MESSY_OK.encode())))
    assert main(["fmt", "-"]) == 0
    assert capsys.readouterr().out == "actor x: X\n[A]: text here @x\n  + [B]: b\n"


@pytest.mark.parametrize("bom, newline", [(b"", b"\n"), (b"\xef\xbb\xbf", b"\r\n"), (b"", b"\r\n")])
def test_fmt_keeps_the_line_breaks_and_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        bom: bytes, newline: bytes) -> None:
    path = tmp_path / "m.argmap"
    formatted = b"actor x: X\n[A]: text here @x\n  + [B]: b\n"
    path.write_bytes(bom + MESSY_OK.encode().replace(b"\n", newline))
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == bom + formatted.replace(b"\n", newline)
    assert main(["fmt", "--check", str(path)]) == 0  # formatted already: nothing to change


def test_fmt_diff_shows_a_change_of_line_breaks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.argmap"
    path.write_bytes(b"[A]: a\n[B]: b\r\n[C]: c")  # LF first: written back with LF
    assert main(["fmt", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert " [A]: a\n-[B]: b\\r\n-[C]: c\n\\ No newline at end of file\n+[B]: b\n+[C]: c\n" in out


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run([sys.executable, "-m", "argmap", "check", str(FLAGSHIP)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "ok" in done.stdout


def test_check_a_folder_checks_every_map_below_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "maps")]) == 0
    out = capsys.readouterr().out
    for path in (ROOT / "maps").rglob("*.argmap"):
        assert f"{path}: ok" in out


def test_a_folder_without_maps_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "no .argmap files" in capsys.readouterr().err

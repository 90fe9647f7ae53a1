"""`argmap render`, `argmap doctor`, `argmap watch` as a person runs them, and the binary choice."""

from __future__ import annotations

import argparse
import os
import stat
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
import argmap.render
from argmap.cli import main
from argmap.commands import watch as watch_command
from argmap.errors import RenderError, UsageError
from argmap.render import DotBinary, find_binary, render_to_file
from argmap.render.binary import ENV_VAR
from helpers import FLAGSHIP

MAP = """\
---
title: Rain
---
actor ann: Ann {side: Wet}
[Rain]: It will rain today. @ann
  + [Clouds]: The sky is full of dark clouds.
  - [Forecast]: The forecast says sun.
"""
BROKEN = "[Rain]: It will rain.\n  - \n"


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "rain.argmap"
    path.write_text(MAP, encoding="utf-8")
    return path


def test_render_svg_contains_every_title(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "rain.svg"
    assert main(["render", str(map_file), "-o", str(out)]) == 0
    root = ET.fromstring(out.read_bytes())
    text = " ".join("".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text"))
    for title in ("Rain", "Clouds", "Forecast", "Wet"):
        assert title in text


def test_render_png_and_dot(map_file: Path, tmp_path: Path) -> None:
    assert main(["render", str(map_file), "-o", str(tmp_path / "r.png")]) == 0
    assert (tmp_path / "r.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["render", str(map_file), "-o", str(tmp_path / "r.gv"), "--rankdir", "LR"]) == 0
    assert "rankdir=LR" in (tmp_path / "r.gv").read_text()


def test_render_to_stdout_defaults_to_svg(map_file: Path, capsysbinary: pytest.CaptureFixture) -> None:
    assert main(["render", str(map_file)]) == 0
    assert b"<svg" in capsysbinary.readouterr().out


def test_render_with_overlays(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.dot"
    assert main(["render", str(map_file), "-o", str(out), "--labels", "grounded", "--strength"]) == 0
    dot = out.read_text()
    assert ">IN<" in dot and ">OUT<" in dot and "in (grounded)" in dot


def test_map_with_errors_is_not_drawn(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.argmap"
    bad.write_text(BROKEN)
    out = tmp_path / "bad.svg"
    assert main(["render", str(bad), "-o", str(out)]) == 1
    assert not out.exists()
    assert "missing-node" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["-o", "x.txt"], "cannot tell the format"),
    (["--focus", "Nope"], "no node titled"),
    (["--actor", "zed"], "unknown actor"),
    (["--wrap", "3"], "at least 8"),
])
def test_bad_options_exit_2_with_a_message(map_file: Path, argv: list[str], message: str,
                                          capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(map_file), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.fixture
def no_system_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    """find_binary sees no system `dot` (nor ARGMAP_DOT): the bundled graphviz-pure is chosen."""
    import argmap.render.binary as binary

    which = binary.shutil.which
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(binary.shutil, "which", lambda name, *a, **k: None if name == "dot" else which(name, *a, **k))
    assert find_binary().is_pure


def test_pdf_without_system_graphviz_says_how_to_install(map_file: Path, tmp_path: Path, no_system_graphviz,
                                                         capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "r.pdf"
    assert main(["render", str(map_file), "-o", str(out)]) == 2
    assert "apt-get install graphviz" in capsys.readouterr().err
    assert not out.exists()


def test_failed_render_leaves_no_file_and_keeps_the_old_one(map_file: Path, tmp_path: Path) -> None:
    failing = tmp_path / "failing-dot"
    failing.write_text("#!/bin/sh\necho 'layout exploded' >&2\nexit 3\n")
    failing.chmod(failing.stat().st_mode | stat.S_IEXEC)
    out = tmp_path / "keep.svg"
    out.write_text("old drawing")
    assert main(["render", str(map_file), "-o", str(out), "--dot-binary", str(failing)]) == 2
    assert out.read_text() == "old drawing"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".keep")] == []


def test_binary_choice_override_env_and_bundled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "mydot"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv(ENV_VAR, str(fake))
    assert find_binary() == DotBinary(str(fake), ENV_VAR)
    assert find_binary(str(fake)).origin == "--dot-binary"
    with pytest.raises(UsageError, match="not an executable"):
        find_binary(str(tmp_path / "missing"))
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("PATH", str(tmp_path))  # no system dot on PATH
    chosen = find_binary()
    assert chosen.is_pure and chosen.supports("png") and not chosen.supports("pdf")


def test_no_binary_at_all_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from argmap.render import binary

    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(binary, "_pure_candidates", lambda: [])
    with pytest.raises(RenderError, match="no Graphviz program found"):
        find_binary()


def test_doctor_names_the_program_and_draws(capsys: pytest.CaptureFixture) -> None:
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert f"layout program:  {find_binary().path}" in out and "test drawing:    ok" in out
    assert "version:" in out and "unknown version" not in out


def test_doctor_fails_on_a_broken_program(capsys: pytest.CaptureFixture) -> None:
    assert main(["doctor", "--dot-binary", "false"]) == 1
    assert "FAILED" in capsys.readouterr().out


def test_render_to_file_api(map_file: Path, tmp_path: Path) -> None:
    m = argmap.parse_file(str(map_file))
    written = render_to_file(m, tmp_path / "focus.dot", focus="Clouds", depth=1)
    assert written == tmp_path / "focus.dot"
    dot = written.read_text()
    assert "Clouds" in dot and "Rain" in dot and "Forecast" not in dot


def watch_args(map_file: Path, out: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    watch_command.add_arguments(parser)
    return parser.parse_args([str(map_file), "-o", str(out)])


def test_watch_keeps_the_last_good_drawing(map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "w.dot"
    redrawer = watch_command.Redrawer(watch_args(map_file, out), __import__("sys").stderr)

    def saves():
        yield {(None, str(tmp_path / "unrelated.txt"))}  # not the map: no redraw
        map_file.write_text(BROKEN)
        yield {(None, str(map_file))}
        assert "Forecast" in out.read_text()  # the broken save kept the old drawing
        map_file.write_text(MAP.replace("Forecast", "Radar"))
        yield {(None, str(map_file))}

    assert watch_command.watch_loop(redrawer, saves()) == 0
    assert "Radar" in out.read_text()
    err = capsys.readouterr().err
    assert err.count("drawn") == 2 and "kept the last good drawing" in err and "missing-node" in err


def test_watch_for_real_with_watchfiles(map_file: Path, tmp_path: Path) -> None:
    import watchfiles

    out = tmp_path / "real.dot"
    redrawer = watch_command.Redrawer(watch_args(map_file, out), open(os.devnull, "w"))
    stop = threading.Event()
    batches = watchfiles.watch(tmp_path, stop_event=stop, debounce=50, step=20)
    thread = threading.Thread(target=watch_command.watch_loop, args=(redrawer, batches), daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    map_file.write_text(MAP.replace("Clouds", "Thunder"))
    while "Thunder" not in out.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(10)
    assert "Thunder" in out.read_text() and not thread.is_alive()


def test_watch_stops_cleanly_on_ctrl_c(map_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture) -> None:
    import watchfiles

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
        yield  # a generator, like watchfiles.watch

    monkeypatch.setattr(watchfiles, "watch", interrupted)
    assert main(["watch", str(map_file), "-o", str(tmp_path / "c.svg")]) == 0
    assert "stopped watching" in capsys.readouterr().err
    assert (tmp_path / "c.svg").exists()  # the first drawing was made before the interrupt


def test_render_says_how_much_of_the_map_it_drew(map_file: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    assert main(["render", str(map_file), "-o", str(tmp_path / "f.dot"), "--focus", "Clouds", "--depth", "1"]) == 0
    assert "drawn (2 of 3 nodes, dot; for a4 portrait: BT, wrap 34, smallest text 10.0 pt)" in capsys.readouterr().err
    assert main(["render", str(map_file), "-o", str(tmp_path / "a.dot")]) == 0
    assert "drawn (3 nodes, dot; for a4 portrait: BT, wrap 34, smallest text 10.0 pt)" in capsys.readouterr().err


def test_watch_refuses_a_format_the_program_cannot_write(map_file: Path, tmp_path: Path, no_system_graphviz,
                                                         capsys: pytest.CaptureFixture) -> None:
    assert main(["watch", str(map_file), "-o", str(tmp_path / "w.pdf")]) == 2
    assert "apt-get install graphviz" in capsys.readouterr().err


def test_render_round(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    flagship = Path(__file__).parent.parent / "maps" / "lavrov-blinken.argmap"
    out = tmp_path / "after-1.dot"
    # the whole map, texts too (fitted to a page, titles are wrapped narrow)
    assert main(["render", str(flagship), "--round", "1", "--labels", "grounded", "--page", "none", "-o", str(out)]) == 0
    assert "(57 of 66 nodes, dot)" in capsys.readouterr().err
    dot = out.read_text("utf-8")
    assert "Free choice" not in dot and "No NATO troops" in dot and "(after round 1)" in dot
    assert main(["render", str(flagship), "--round", "2", "--focus", "Free choice", "--format", "dot"]) == 2
    assert "not in the map yet after round 2" in capsys.readouterr().err


def test_page_lays_a_wide_map_out_taller_and_size_takes_inches(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from argmap.render import PAGES
    from argmap.render.fit import fit_to_page, measure

    m = argmap.parse_file(str(FLAGSHIP))
    binary = find_binary()
    before = measure(m, argmap.render.RenderOptions().validated(m), binary)
    fit = fit_to_page(m, argmap.render.RenderOptions(page="a4"), binary)
    assert fit.text_on_page > 1.5 * before.smallest_text(PAGES["a4"])
    page_width, page_height = fit.options.page_size
    assert abs(fit.aspect - page_width / page_height) < abs(before.aspect - page_width / page_height)
    out = tmp_path / "col.svg"
    assert main(["render", str(FLAGSHIP), "-o", str(out), "--size", "3.5,5"]) == 0
    root = ET.fromstring(out.read_bytes())
    assert float(root.get("width").removesuffix("pt")) <= 3.5 * 72 + 0.5
    assert float(root.get("height").removesuffix("pt")) <= 5 * 72 + 0.5
    assert "for --size:" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["render", str(FLAGSHIP), "--size", "3.5"])


def test_focus_takes_ids_suggests_and_marks_the_node(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "f.dot"
    assert main(["render", str(FLAGSHIP), "-o", str(out), "--focus", "[NATO threat]", "--depth", "1"]) == 0
    marked = [line for line in out.read_text().splitlines() if 'peripheries="2"' in line]
    assert len(marked) == 1 and "NATO threat" in marked[0]
    assert "double border: the focus, NATO threat" in out.read_text()
    assert main(["render", str(FLAGSHIP), "-o", str(out), "--focus", "NATO thret"]) == 2
    assert "did you mean 'NATO threat'" in capsys.readouterr().err


def test_an_unknown_tag_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "t.svg"
    assert main(["render", str(FLAGSHIP), "-o", str(out), "--tag", "securty"]) == 2
    assert not out.exists()
    assert "no node carries the tag 'securty'; did you mean 'security'" in capsys.readouterr().err


def test_dot_binary_graphviz_pure_names_the_bundled_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\necho 'fake dot' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert find_binary().path == str(fake)  # the fake is what a plain lookup finds
    chosen = find_binary("graphviz-pure")
    assert chosen.is_pure and "bundled" in chosen.origin
    out = tmp_path / "m.svg"
    assert main(["render", str(FLAGSHIP), "-o", str(out), "--dot-binary", "graphviz-pure"]) == 0
    assert b"<svg" in out.read_bytes()

"""Atomic writes (tests/hostile/writes/): every command that writes replaces its target in one
rename, through a symbolic link, keeping the permissions; a failure is one clear line and the
old file; a killed write leaves the old or the new file and no pile of temporaries."""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT

HOSTILE = ROOT / "tests" / "hostile" / "writes"
FORMATTED = "[Claim]: the text\n  + [Reason]: why\n"


def argmap(*args: str, cwd: Path, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True,
                          timeout=60, cwd=cwd, preexec_fn=limited)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_fmt_in_place_writes_through_a_link_and_keeps_the_permissions(tmp_path: Path) -> None:
    real = tmp_path / "real.argmap"
    shutil.copy(HOSTILE / "unformatted.argmap", real)
    real.chmod(0o640)
    (tmp_path / "link.argmap").symlink_to("real.argmap")
    result = argmap("fmt", "link.argmap", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "link.argmap: formatted\n")
    assert os.readlink(tmp_path / "link.argmap") == "real.argmap"  # still a link
    assert real.read_text(encoding="utf-8") == FORMATTED
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", [
    ["export", "map.argmap", "--to", "json"], ["render", "map.argmap", "--format", "dot"],
    ["import", "map.json", "--from", "json"],
], ids=lambda c: c[0])
def test_output_naming_a_directory_is_refused(tmp_path: Path, command: list[str]) -> None:
    shutil.copy(HOSTILE / "unformatted.argmap", tmp_path / "map.argmap")
    argmap("export", "map.argmap", "--to", "json", "-o", "map.json", cwd=tmp_path)
    (tmp_path / "out").mkdir()
    result = argmap(*command, "-o", "out", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.endswith(f"argmap {command[0]}: error: out: is a directory; name a file to write\n")
    assert list((tmp_path / "out").iterdir()) == [] and leftovers(tmp_path) == []


def test_a_write_that_fails_part_way_leaves_the_old_file(tmp_path: Path) -> None:
    lines = [f"[N{i}]: node number {i}, with enough text to make the output large" for i in range(2000)]
    (tmp_path / "map.argmap").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "out.json").write_text("old\n", encoding="utf-8")
    result = argmap("export", "map.argmap", "--to", "json", "-o", "out.json", cwd=tmp_path, limit=64 * 1024)
    assert (result.returncode, result.stderr) == (
        2, "argmap export: error: out.json: cannot write: File too large; the file is unchanged\n")
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copy(HOSTILE / "unformatted.argmap", tmp_path / "map.argmap")
    tmp_path.chmod(0o555)
    try:
        result = argmap("fmt", "map.argmap", cwd=tmp_path)
    finally:
        tmp_path.chmod(0o755)
    assert (result.returncode, result.stderr) == (2, "argmap fmt: error: map.argmap: cannot write: Permission denied\n")


def test_a_stale_temporary_of_a_killed_writer_is_removed_by_the_next_write(tmp_path: Path) -> None:
    shutil.copy(HOSTILE / "unformatted.argmap", tmp_path / "map.argmap")
    dead = subprocess.Popen([sys.executable, "-c", ""])
    dead.wait()
    (tmp_path / f".out.json.{dead.pid}.abc123.argmap-tmp").write_text("half")
    live = tmp_path / f".out.json.{os.getpid()}.def456.argmap-tmp"  # a writer still running
    live.write_text("busy")
    result = argmap("export", "map.argmap", "--to", "json", "-o", "out.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert leftovers(tmp_path) == [live.name]


def test_watch_survives_a_failed_write(tmp_path: Path) -> None:
    from argmap.commands import watch as watch_command

    shutil.copy(HOSTILE / "unformatted.argmap", tmp_path / "map.argmap")
    out = tmp_path / "out.dot"
    out.mkdir()
    parser = argparse.ArgumentParser()
    watch_command.add_arguments(parser)
    log = tmp_path / "log.txt"
    with open(log, "w", encoding="utf-8") as stream:
        redrawer = watch_command.Redrawer(parser.parse_args([str(tmp_path / "map.argmap"), "-o", str(out)]), stream)
        assert redrawer.redraw() is False
        out.rmdir()
        assert redrawer.redraw() is True
    assert f"error: {out}: is a directory; name a file to write; kept the last good drawing" in log.read_text()
    assert out.read_text(encoding="utf-8").startswith("digraph")


def test_a_killed_export_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    """SIGKILL `export -o` 30 times at random moments (within its measured run time)."""
    lines = [f"[N{i}]: node {i} " + "x" * 60 + (f"\n  + [N{i - 1}]" if i else "") for i in range(6000)]
    (tmp_path / "map.argmap").write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.json"
    command = [sys.executable, "-m", "argmap", "export", "map.argmap", "--to", "json", "-o", "out.json"]
    started = time.monotonic()
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True, timeout=120)
    duration = time.monotonic() - started
    new = target.read_bytes()
    old = b"old\n" * 1000
    rng = random.Random(20240611)
    deadline = time.monotonic() + 90
    for _ in range(30):
        if time.monotonic() > deadline:
            break
        target.write_bytes(old)
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # most kills near the end, where the write happens
        time.sleep(duration * (rng.uniform(0.6, 1.05) if rng.random() < 0.8 else rng.uniform(0, 0.6)))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        content = target.read_bytes()
        assert content in (old, new)
        assert len(leftovers(tmp_path)) <= 1, leftovers(tmp_path)  # the killed run's, at most
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True, timeout=120)
    assert target.read_bytes() == new and leftovers(tmp_path) == []

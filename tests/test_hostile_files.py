"""Files and the file system (tests/hostile/files/; FIFOs, links and big files are made per
test): every command ends a bad input with a clear refusal (exit 2, one line naming the file)
or the map's findings, never a hang, a MemoryError or a traceback. Includes follow the policy
of docs/format.md ("Includes")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

HOSTILE = ROOT / "tests" / "hostile" / "files"
COMMANDS = [["check"], ["fmt"], ["analyze"], ["render", "--format", "dot"], ["export", "--to", "json"],
            ["import", "--from", "json"], ["browse"]]


def argmap(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True,
                          timeout=30, cwd=cwd, stdin=subprocess.DEVNULL)


def special(tmp_path: Path, kind: str) -> Path:
    """A map path that is a directory, a FIFO, /dev/zero, a symbolic link loop or a 257 MB file."""
    path = tmp_path / "map.argmap"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "link-loop":
        path.symlink_to(tmp_path / "other.argmap")
        (tmp_path / "other.argmap").symlink_to(path)
    elif kind == "too-big":
        with open(path, "wb") as handle:
            handle.truncate(257 * 1024 * 1024)  # sparse: nothing is written
    return path


EXPECTED = {
    "directory": "is a directory, not a map file",
    "fifo": "is a FIFO (named pipe), not a map file",
    "dev-zero": "is a character device, not a map file",
    "link-loop": "cannot read: Too many levels of symbolic links",
    "too-big": "larger than 256 MB, the most argmap reads of one file",
}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", list(EXPECTED))
def test_a_map_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, kind: str, command: list[str]) -> None:
    path = special(tmp_path, kind)
    if kind == "directory" and command[0] in ("check", "fmt"):
        return  # a folder stands for the maps in it: 'no .argmap files in this folder' (test_cli)
    result = argmap(command[0], "map.argmap", *command[1:], cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"argmap {command[0]}: error: map.argmap: {EXPECTED[kind]}\n"
    assert path.exists() or kind == "link-loop"


def test_standard_input_is_read_up_to_the_cap(tmp_path: Path) -> None:
    with open(tmp_path / "big", "wb") as handle:
        handle.truncate(257 * 1024 * 1024)
    with open(tmp_path / "big", "rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "argmap", "check", "-"], stdin=stdin,
                                capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (
        2, "argmap check: error: standard input: larger than 256 MB, the most argmap reads of one file\n")


def findings(path: Path) -> list[tuple[str, int, str, str]]:
    result = argmap("check", "--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    return [(os.path.relpath(d["path"], HOSTILE), d["line"], d["code"], d["message"])
            for d in json.loads(result.stdout)["diagnostics"]]


def test_a_file_that_is_not_utf8_is_an_error_at_the_byte() -> None:
    assert findings(HOSTILE / "not-utf8.argmap") == [
        ("not-utf8.argmap", 1, "invalid-utf8", "the file is not valid UTF-8 (byte 0xe9)")]


def test_a_nul_byte_is_an_error_at_its_place() -> None:
    assert findings(HOSTILE / "nul.argmap") == [
        ("nul.argmap", 1, "control-character", "control character \\x00 in the text")]


def test_includes_follow_the_policy() -> None:
    assert findings(HOSTILE / "includes" / "main.argmap") == [
        ("includes/main.argmap", 2, "include-not-found", "included file 'missing.argmap' does not exist"),
        ("includes/main.argmap", 3, "include-cycle", "include 'main.argmap' includes a file that is already being read"),
        ("includes/main.argmap", 5, "include-outside", "include '../not-utf8.argmap' leaves the folder of the including map"),
        ("includes/main.argmap", 6, "include-outside", "include '/dev/zero' leaves the folder of the including map"),
        ("includes/main.argmap", 7, "include-outside", "include 'sub/../../nul.argmap' leaves the folder of the including map"),
        ("includes/c2.argmap", 1, "include-cycle", "include 'c1.argmap' includes a file that is already being read"),
    ]


@pytest.mark.parametrize("kind", ["directory", "fifo", "link-loop"])
def test_an_include_that_is_not_a_regular_file_says_what_it_is(tmp_path: Path, kind: str) -> None:
    special(tmp_path, kind)
    (tmp_path / "main.argmap").write_text('[A]: a\ninclude "map.argmap"\n', encoding="utf-8")
    result = argmap("check", "--format", "json", "main.argmap", cwd=tmp_path)
    assert result.returncode == 1
    [found] = json.loads(result.stdout)["diagnostics"]
    what = {"directory": "is a directory, not a map file", "fifo": "is a FIFO (named pipe), not a map file",
            "link-loop": "cannot be read: a symbolic link loop"}[kind]
    assert (found["line"], found["column"], found["code"], found["message"]) == (
        2, 9, "include-unreadable", f"included file 'map.argmap' {what}")


def test_a_link_out_of_the_folder_is_outside(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "secret.argmap").write_text("[S]: s\n", encoding="utf-8")
    (tmp_path / "maps" / "link.argmap").symlink_to(tmp_path / "secret.argmap")
    (tmp_path / "maps" / "main.argmap").write_text('[A]: a\ninclude "link.argmap"\n', encoding="utf-8")
    result = argmap("check", "--format", "json", "maps/main.argmap", cwd=tmp_path)
    [found] = json.loads(result.stdout)["diagnostics"]
    assert (result.returncode, found["line"], found["code"]) == (1, 2, "include-outside")


def test_two_hundred_nested_includes_stop_at_the_limit(tmp_path: Path) -> None:
    for i in range(200):
        include = f'include "f{i + 1}.argmap"\n' if i < 199 else ""
        (tmp_path / f"f{i}.argmap").write_text(f"{include}[N{i}]: n\n", encoding="utf-8")
    result = argmap("check", "--format", "json", "f0.argmap", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    [found] = json.loads(result.stdout)["diagnostics"]
    assert (found["path"], found["line"], found["code"], found["message"]) == (
        "f63.argmap", 1, "include-limit",
        "include 'f64.argmap' goes past the limit of 64 nested includes or 1000 included files in one map")


def test_a_tree_of_includes_is_bounded(tmp_path: Path) -> None:
    """Each file includes the next one twice: 2**40 reads unbounded, at most 1000 here."""
    for i in range(40):
        include = f'include "x{i + 1}.argmap"\ninclude "x{i + 1}.argmap"\n' if i < 39 else ""
        (tmp_path / f"x{i}.argmap").write_text(f"{include}[X{i}]: n\n", encoding="utf-8")
    result = argmap("check", "--format", "json", "x0.argmap", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "include-limit" in codes

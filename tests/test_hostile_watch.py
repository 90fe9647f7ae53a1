"""`argmap watch` survives what editors and file systems do to the file it watches
(docs/safety.md, "The long-running processes").

A real `argmap watch` process on a map in a temporary folder, drawing DOT (no Graphviz
needed): a save by rename (write a new file, rename it over the map), a delete and a re-create,
a chmod, a broken save and a save of a file the map includes are each followed by the line
that says what happened, and the process is still there for the next one; Ctrl-C (SIGINT) ends
it at once with exit code 0 and no traceback. A map that is a FIFO or a folder is refused with
what it is, at once.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

MAP = "[A]: first\n  + [B]: a reason\n"


class Watcher:
    """`argmap watch MAP -o OUT.dot` in the background, its standard error read line by line."""

    def __init__(self, folder: Path, name: str = "map.argmap") -> None:
        self.map = folder / name
        self.out = folder / "out.dot"
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "argmap", "watch", str(self.map), "-o", str(self.out)],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=folder)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def next_line(self, containing: str, timeout: float = 20) -> str:
        """The next line holding `containing` (lines before it are kept in `seen`)."""
        end = time.monotonic() + timeout
        while (left := end - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(line)
            if containing in line:
                return line
        raise AssertionError(f"no line with {containing!r} in {timeout} s; watch said: {self.seen}; "
                             f"running: {self.process.poll() is None}")

    def drawn(self) -> str:
        self.next_line("drawn")
        return self.out.read_text("utf-8")

    def said(self) -> str:
        """Everything the process wrote to standard error (call once it has ended)."""
        time.sleep(0.2)  # the reader thread takes the last lines
        while not self.lines.empty():
            self.seen.append(self.lines.get_nowait())
        return "\n".join(self.seen)

    def stop(self) -> tuple[int, float]:
        """Ctrl-C: the exit code and how long the process took to end."""
        started = time.monotonic()
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=10)
        return code, time.monotonic() - started


@pytest.fixture()
def watcher(tmp_path: Path):
    (tmp_path / "map.argmap").write_text(MAP, "utf-8")
    w = Watcher(tmp_path)
    yield w
    if w.process.poll() is None:
        w.process.kill()
        w.process.wait()


def test_watch_survives_what_editors_and_file_systems_do(watcher: Watcher, tmp_path: Path) -> None:
    assert "first" in watcher.drawn()
    # an editor's save: a new file renamed over the map
    new = tmp_path / ".map.argmap.swp"
    new.write_text(MAP.replace("first", "renamed"), "utf-8")
    os.replace(new, watcher.map)
    assert "renamed" in watcher.drawn()
    # deleted: said, the drawing kept; re-created: drawn again
    watcher.map.unlink()
    assert "kept the last good drawing" in watcher.next_line("error")
    assert "renamed" in watcher.out.read_text("utf-8")
    watcher.map.write_text(MAP.replace("first", "recreated"), "utf-8")
    assert "recreated" in watcher.drawn()
    # a chmod (an event with no new content): drawn again, the same
    watcher.map.chmod(0o600)
    assert "recreated" in watcher.drawn()
    # a broken save keeps the last good drawing
    watcher.map.write_text("[A]: x\n  + [B]: one\n  - [B]: another text\n", "utf-8")  # defined twice
    watcher.next_line("kept the last good drawing")
    assert "recreated" in watcher.out.read_text("utf-8")
    watcher.map.write_text(MAP.replace("first", "fixed"), "utf-8")
    assert "fixed" in watcher.drawn()
    code, took = watcher.stop()
    assert (code, took < 3) == (0, True)
    assert "Traceback" not in watcher.said()


def test_ctrl_c_while_drawing_ends_at_once_without_a_traceback(watcher: Watcher) -> None:
    watcher.drawn()
    code, took = watcher.stop()
    said = watcher.said()
    assert (code, "Traceback" in said) == (0, False), said
    assert took < 3
    assert "stopped watching" in said


def test_an_included_file_saved_is_drawn_again(tmp_path: Path) -> None:
    (tmp_path / "part.argmap").write_text("[P]: part one\n", "utf-8")
    (tmp_path / "map.argmap").write_text('include "part.argmap"\n[A]: a\n  + [P]\n', "utf-8")
    w = Watcher(tmp_path)
    try:
        assert "part one" in w.drawn()
        (tmp_path / "part.argmap").write_text("[P]: part two\n", "utf-8")
        assert "part two" in w.drawn()
    finally:
        w.process.kill()
        w.process.wait()


@pytest.mark.parametrize(("make", "said"), [
    (lambda p: os.mkfifo(p), "FIFO"),
    (lambda p: p.mkdir(), "directory"),
])
def test_a_map_that_is_not_a_file_is_refused_at_once(tmp_path: Path, make, said: str) -> None:
    target = tmp_path / "map.argmap"
    make(target)
    result = subprocess.run([sys.executable, "-m", "argmap", "watch", str(target), "-o", str(tmp_path / "o.dot")],
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 2
    assert said in result.stderr and "Traceback" not in result.stderr, result.stderr

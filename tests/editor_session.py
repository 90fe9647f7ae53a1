"""One scripted editing session, the same in every real editor (tests/test_editor_*.py).

The editor opens MAP with the shipped configuration (editors/…), which starts `argmap lsp`
from this checkout's environment; a driver script in the editor's own language
(tests/editors/) follows the PLAN and writes what it saw, one entry a step, to a JSON file:
{"steps": {name: {"ok": true, "value": …} | {"ok": false, "error": "…"}}}. `failures`
compares that with what the server must have given.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

from argmap.language.write.format import format_text

TIMEOUT = 15  # seconds: the most one step may wait (the whole session takes a few)

# Not canonical (two lines with extra spaces), one warning (unused-actor).
MAP = """\
// Who speaks
actor lavrov: Sergey Lavrov
actor blinken: Antony Blinken
actor nobody: Nobody at all

# Red lines

[No NATO troops]: Russia will not accept NATO troops in Ukraine.   @lavrov #red-line
  + [NATO threat]: NATO expansion threatens Russia. @lavrov
  - [Free choice]: Ukraine may choose its alliances. @blinken

## Answers

[Free choice]
  +   [Sovereignty]: Every state picks its own allies. @blinken
"""

EDIT_LINE = "  + [Nowhere]"  # appended at the end: an undefined-node error
NEW_NAME = "Right to choose"


def position(needle: str, offset: int = 0, occurrence: int = 1) -> dict:
    """0-based line and column of the `occurrence`-th `needle` in MAP, plus `offset`."""
    index = -1
    for _ in range(occurrence):
        index = MAP.index(needle, index + 1)
    index += offset
    line = MAP.count("\n", 0, index)
    return {"line": line, "col": index - (MAP.rfind("\n", 0, index) + 1)}


PLAN = {
    "definition": position("[Free choice]", 1, occurrence=2),  # the reference under ## Answers
    "hover": position("[No NATO troops]", 1),
    "completion": position("[Free choice]", 3, occurrence=2),  # after "[Fr"
    "rename": {**position("[Free choice]", 1), "to": NEW_NAME},
    "edit_line": EDIT_LINE,
}

RENAMED = MAP.replace("[Free choice]", f"[{NEW_NAME}]")
FORMATTED = format_text(RENAMED)


def lay_out(folder: Path, **plan: object) -> tuple[Path, Path, dict[str, str]]:
    """A project folder (with .git, so the root is found) holding the map, where the driver is
    to write its result, and the editor's environment (ARGMAP_SESSION: the plan file).
    `plan`: entries for this editor's driver only."""
    project = folder / "project"
    (project / ".git").mkdir(parents=True)
    map_path = project / "session.argmap"
    map_path.write_text(MAP, encoding="utf-8")
    plan_path = folder / "plan.json"
    plan_path.write_text(json.dumps({**PLAN, **plan, "map": str(map_path), "result": str(folder / "result.json"),
                                     "timeout_ms": TIMEOUT * 1000, "timeout": TIMEOUT}), encoding="utf-8")
    return map_path, folder / "result.json", {**environment(folder / "home"), "ARGMAP_SESSION": str(plan_path)}


def environment(home: Path) -> dict[str, str]:
    """An environment with this checkout's `argmap` first on the PATH and a new, empty `home`
    (so that the user's own editor configuration stays out)."""
    home.mkdir()
    env = {**os.environ, "HOME": str(home),
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    return env


def run(command: list[str], folder: Path, env: dict[str, str]) -> str:
    """Run an editor; what it printed and how it ended (a session that hangs is stopped)."""
    try:
        done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=3 * TIMEOUT)
        return f"exit {done.returncode}\nstdout: {done.stdout}\nstderr: {done.stderr}"
    except subprocess.TimeoutExpired as exc:
        return f"{command[0]} did not quit in {exc.timeout} s\nstdout: {exc.stdout!r}\nstderr: {exc.stderr!r}"


def _codes(diagnostics: list[dict]) -> list[tuple[int, str]]:
    return sorted((d["line"], d["code"]) for d in diagnostics)


def failures(steps: dict[str, dict], project: Path, **more: Callable[[object], bool]) -> list[str]:
    """What the session got wrong, one line a step (empty: all as expected); `more`: this
    editor's own steps and what each must have returned."""
    end = len(MAP.splitlines())
    warning = (position("actor nobody")["line"], "unused-actor")
    expected = {
        "attach": lambda v: v["name"] == "argmap" and Path(v["root_dir"]) == project,
        "diagnostics": lambda v: _codes(v) == [warning],
        "definition": lambda v: v == position("[Free choice]"),
        "hover": lambda v: "Russia will not accept NATO troops in Ukraine." in "\n".join(v)
                           and "Sergey Lavrov" in "\n".join(v),
        "completion": lambda v: v == ["Free choice"],  # the titles starting with "Fr"
        "rename": lambda v: "\n".join(v) + "\n" == RENAMED,
        "formatting": lambda v: "\n".join(v) + "\n" == FORMATTED,
        "edit": lambda v: _codes(v) == [warning, (end, "undefined-node")],
        "undo edit": lambda v: _codes(v) == [warning],
        **more,
    }
    wrong = []
    for name, check in expected.items():
        got = steps.get(name)
        if got is None:
            wrong.append(f"{name}: not run")
        elif not got["ok"]:
            wrong.append(f"{name}: {got['error']}")
        elif not check(got["value"]):
            wrong.append(f"{name}: unexpected {json.dumps(got['value'])}")
    return wrong


def tail(path: Path | str | None, lines: int = 40) -> str:
    """The end of a log file, or a note that there is none."""
    if not path or not Path(path).exists():
        return f"(no log at {path})"
    return "\n".join(Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

"""Opening the map in the user's editor at a line, without ever going through a shell."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import PurePath

from textual.app import App, SuspendNotSupported

#: editors that take `--goto FILE:LINE` instead of `+LINE FILE`
_GOTO_EDITORS = {"code", "code-insiders", "codium", "cursor"}
#: editors that take `FILE:LINE`
_COLON_EDITORS = {"subl", "sublime_text", "zed", "hx", "helix"}


def editor_command(path: str, line: int, editor: str | None = None) -> list[str]:
    """The argument list that opens `path` at `line` in `editor` ($VISUAL, $EDITOR, else vi).

    The editor setting is split like a shell would split it (`"code --wait"`), but the
    result is run as an argument list: the map's path can never be read as shell syntax.
    """
    if editor is None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    argv = shlex.split(editor) or ["vi"]
    path = os.path.abspath(path)  # absolute: a path can never be read as an option
    name = PurePath(argv[0]).name
    line = max(1, line)
    if name in _GOTO_EDITORS:
        return [*argv, "--goto", f"{path}:{line}"]
    if name in _COLON_EDITORS:
        return [*argv, f"{path}:{line}"]
    return [*argv, f"+{line}", path]


def open_in_editor(app: App, path: str, line: int) -> str | None:
    """Hand the terminal to the editor at `path`, `line`, and take it back when the editor
    exits. Returns what went wrong, if anything (to show the user)."""
    argv = editor_command(path, line)
    try:
        with app.suspend():
            subprocess.run(argv, check=False)
    except SuspendNotSupported:
        return "cannot hand the terminal to an editor here"
    except OSError as exc:
        return f"cannot run {argv[0]}: {exc.strerror or exc}"
    return None

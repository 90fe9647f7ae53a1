"""`o` in the browser: open a file (the last drawing `r` made) with the desktop's own program
for it: `xdg-open` (Linux, the BSDs), `open` (macOS), the file's association (Windows).

The program is run from an argument list, never through a shell, its input and output away
from the browser's terminal, in a session of its own (so that it neither reads the keys meant
for the browser nor stops with it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

#: seconds to wait for the opener to say it failed (most hand the file on and exit at once)
WAIT = 5.0


def opener_program(platform: str = sys.platform) -> str:
    """The name of the program that opens a file with the desktop's choice of viewer."""
    return "open" if platform == "darwin" else "xdg-open"


def opener_command(path: Path, platform: str = sys.platform) -> list[str] | None:
    """The argument list that opens `path` (absolute, so never read as an option); None when
    the opener is not installed."""
    program = shutil.which(opener_program(platform))
    return [program, str(path.absolute())] if program else None


def open_file(path: Path, wait: float = WAIT) -> str | None:
    """Open `path` with the desktop's program for it; what went wrong, if anything (None once
    the opener started and did not fail within `wait` seconds)."""
    if sys.platform == "win32":
        try:
            os.startfile(path)  # type: ignore[attr-defined]  # (Windows only)
        except OSError as exc:
            return f"could not open it: {exc}"
        return None
    command = opener_command(path)
    if command is None:
        return f"{opener_program()} is not installed here"
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        return f"{opener_program()} could not be started: {exc}"
    try:
        status = process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        return None  # still showing it (the process is reaped by the subprocess module later)
    return None if status == 0 else f"{opener_program()} could not open it (exit status {status})"

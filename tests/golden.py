"""Golden files: one switch regenerates them all, one helper compares them.

Run the suite with `--regen` (or `make regen`) after an intended change of output: every
golden test then writes its file instead of comparing, and the TUI snapshots
(pytest-textual-snapshot) are updated too. Then read `git diff` before committing.

`REGEN` is set once, from the command line, by `pytest_configure` in tests/conftest.py.
"""

from __future__ import annotations

import difflib
from pathlib import Path

#: True when the run regenerates goldens (`pytest --regen`); set by tests/conftest.py
REGEN = False

_MAX_DIFF_LINES = 60


def assert_golden(path: Path, actual: str) -> None:
    """Compare `actual` with the text of the golden file `path`; with `--regen`, write it."""
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))  # as is: no newline translation
        return
    assert path.exists(), f"no golden file {path}: create it with `pytest --regen` (or `make regen`)"
    expected = path.read_bytes().decode("utf-8")
    if actual == expected:
        return
    diff = list(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                     f"{path} (golden)", "actual output", n=2))
    if len(diff) > _MAX_DIFF_LINES:
        diff = diff[:_MAX_DIFF_LINES] + [f"... {len(diff) - _MAX_DIFF_LINES} more diff lines\n"]
    raise AssertionError(
        f"output differs from the golden file {path}; if the change is intended, regenerate with "
        f"`pytest --regen` (or `make regen`) and review the diff\n" + "".join(diff)
    )

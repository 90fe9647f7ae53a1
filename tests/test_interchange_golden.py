"""Golden exports of the flagship map, one file per format.

Regenerate after a deliberate change (then read the diff):
    .venv/bin/pytest --regen tests/test_interchange_golden.py    (or `make regen` for every golden)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import assert_golden
from helpers import ROOT

from argmap.cli import main

GOLDEN = ROOT / "tests" / "golden" / "export"
FORMATS = {"json": "json", "mermaid": "mmd", "argdown": "argdown", "aif": "aif.json"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_flagship_export_matches_golden(fmt: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # positions in the JSON name the map by its path in the repository
    out = tmp_path / f"out.{FORMATS[fmt]}"
    assert main(["export", "maps/lavrov-blinken.argmap", "--to", fmt, "-o", str(out)]) == 0
    assert_golden(GOLDEN / f"lavrov-blinken.{FORMATS[fmt]}", out.read_text("utf-8"))

"""Golden exports of the flagship map, one file per format.

Regenerate after a deliberate change (then read the diff):
    ARGMAP_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_interchange_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.cli import main

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden" / "export"
FORMATS = {"json": "json", "mermaid": "mmd", "argdown": "argdown", "aif": "aif.json"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_flagship_export_matches_golden(fmt: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # positions in the JSON name the map by its path in the repository
    out = tmp_path / f"out.{FORMATS[fmt]}"
    assert main(["export", "maps/lavrov-blinken.argmap", "--to", fmt, "-o", str(out)]) == 0
    golden = GOLDEN / f"lavrov-blinken.{FORMATS[fmt]}"
    if os.environ.get("ARGMAP_REGEN_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out.read_text("utf-8"), "utf-8")
    assert out.read_text("utf-8") == golden.read_text("utf-8")

"""SVG snapshots of `argmap browse` at a fixed terminal size (pytest-textual-snapshot).

After an intended change to how the browser looks, regenerate them with:

    .venv/bin/pytest --regen tests/test_tui_snapshots.py

and look at the new SVGs (tests/__snapshots__/test_tui_snapshots/) before committing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_tui_model import SAMPLE

from argmap.errors import Diagnostic, Severity, Span
from argmap.language.read.parse import parse_file
from argmap.tui.app import ArgmapApp
from argmap.tui.screens import BrowserScreen

SIZE = (120, 40)
#: the smallest terminal the browser is made for
NARROW = (80, 24)


@pytest.fixture(autouse=True)
def detail_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The detail pane follows the cursor at once (no rest delay), so tests need not wait."""
    monkeypatch.setattr(BrowserScreen, "DETAIL_DELAY", 0)
#: findings shown in the diagnostics snapshot (fixed here, so the parser's wording can change)
FINDINGS = (
    Diagnostic("syntax-error", "unexpected end of the line", Span(None, 21, 17, 21, 18),
               hint="expected ':' after the title"),
    Diagnostic("unused-source", "source 'paper' is never cited", Span(None, 7, 1, 7, 7),
               Severity.WARNING),
)


def make_app(tmp_path: Path, findings: tuple[Diagnostic, ...] = ()) -> ArgmapApp:
    path = tmp_path / "sample.argmap"
    path.write_text(SAMPLE, encoding="utf-8")
    map_ = parse_file(str(path))
    if findings:
        return ArgmapApp(replace(map_, diagnostics=findings), str(path), poll_interval=0,
                         checks=False)
    return ArgmapApp(map_, str(path), poll_interval=0)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_first_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE)


def test_first_screen_at_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=NARROW)


def test_search_hit(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["slash", *"temporary"], terminal_size=SIZE)


def test_grounded_overlay_on_the_relations(snap_compare, tmp_path: Path) -> None:
    async def overlay(pilot) -> None:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("tab")

    assert snap_compare(make_app(tmp_path), run_before=overlay, terminal_size=SIZE)


def test_diagnostics_panel(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, FINDINGS), press=["d"], terminal_size=SIZE)


def test_help(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["question_mark"], terminal_size=SIZE)


def test_help_at_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), press=["question_mark"], terminal_size=NARROW)

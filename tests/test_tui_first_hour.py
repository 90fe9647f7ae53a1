"""What a new user met browsing the flagship map (issue 19, "The browser"), each checked on the
screen as drawn, at 80×24 and at 120×40: the first row in view, j/k in the lists, whole picker
titles, the search forgotten on Escape, notes that leave the diagnostics panel readable, the
overlay badge after the relation marker, `q quit` on a narrow key line, and `o` to open a
drawing."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import types
from pathlib import Path

import pytest
from test_tui_model import SAMPLE
from test_tui_app import BROKEN, FLAGSHIP, cursor_node, sample_app, settle, status_text
from textual.geometry import Region
from textual.widgets import OptionList

from argmap.language.read.parse import parse_file
from argmap.tui import _textual_internals as internals
from argmap.tui.app import ArgmapApp
from argmap.tui.dialogs import KEY_LINE, KEYS, HelpBox, PickBox
from argmap.tui.opener import open_file, opener_command
from argmap.tui.screens import BrowserScreen
from argmap.tui.widgets import DiagnosticsPanel, RelationList

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture(autouse=True)
def detail_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The detail pane follows the cursor at once (no rest delay), so tests need not wait."""
    monkeypatch.setattr(BrowserScreen, "DETAIL_DELAY", 0)


def run(scenario) -> None:
    asyncio.run(scenario())


def flagship() -> ArgmapApp:
    return ArgmapApp(parse_file(str(FLAGSHIP)), str(FLAGSHIP), poll_interval=0)


def screen_lines(app: ArgmapApp) -> list[str]:
    """The screen's text, row by row, as the terminal would show it (every layer)."""
    return [strip.text for strip in internals.screen_compositor(app.screen).render_strips()]


def region_lines(app: ArgmapApp, region: Region) -> list[str]:
    """The text the screen shows inside `region`."""
    lines = screen_lines(app)
    return [lines[y][region.x:region.right] for y in range(region.y, region.bottom)]


def status_line(app: ArgmapApp) -> str:
    """The status line as the screen shows it."""
    return region_lines(app, app.browser.query_one("#status").region)[0]


@pytest.mark.parametrize("size", SIZES)
def test_the_flagship_opens_with_its_first_row_in_view(size: tuple[int, int]) -> None:
    async def scenario() -> None:
        app = flagship()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            tree = app.browser.tree
            first_row = region_lines(app, tree.content_region)[0]
            assert tree.scroll_y == 0 and "§ Introduction" in first_row, first_row
            assert cursor_node(app) == "[No NATO troops]"  # the cursor on the first claim

    run(scenario)


#: a sample map with two findings: a metadata block left open, an actor nobody speaks for
TWO_FINDINGS = BROKEN + "actor carol: Carol\n"


@pytest.mark.parametrize("size", SIZES)
def test_j_and_k_move_in_the_relations_list_and_the_diagnostics_panel(
        size: tuple[int, int], tmp_path: Path) -> None:
    async def scenario() -> None:
        app = flagship()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            relations = app.browser.query_one(RelationList)
            assert relations.option_count > 2
            await pilot.press("tab")
            assert relations.has_focus and relations.highlighted == 0
            await pilot.press("j", "j")
            assert relations.highlighted == 2
            await pilot.press("k")
            assert relations.highlighted == 1
            chosen = relations.targets[1]
            await pilot.press("enter")  # follows the relation k chose
            assert cursor_node(app) == chosen

        app = sample_app(tmp_path, TWO_FINDINGS)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            panel = app.browser.query_one(DiagnosticsPanel)
            assert len(app.diagnostics) == 2
            await pilot.press("d")
            assert panel.has_focus and panel.highlighted == 0
            await pilot.press("j")
            assert panel.highlighted == 1
            await pilot.press("k")
            assert panel.highlighted == 0

    run(scenario)


@pytest.mark.parametrize("size", SIZES)
def test_the_reload_note_leaves_the_diagnostics_panel_readable(
        size: tuple[int, int], tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=size, notifications=True) as pilot:
            await settle(pilot)
            Path(app.path).write_text(TWO_FINDINGS, "utf-8")
            assert app.check_file()
            await settle(pilot)
            await pilot.pause()
            panel = app.browser.query_one(DiagnosticsPanel)
            notes = list(app.screen.query("Toast"))
            assert panel.display and notes and any("reloaded: 1 error" in m for m in app.said)
            for note in notes:
                assert not note.region.overlaps(panel.region), (note.region, panel.region)
            shown = " ".join(region_lines(app, panel.region))
            assert "reloaded" not in shown and "unterminated-metadata" in shown
            status = app.browser.query_one("#status").region
            assert not any(note.region.overlaps(status) for note in notes)

            await pilot.press("d")  # the panel focused: d closes it; the notes go down again
            await pilot.press("d")
            await pilot.pause()
            assert not panel.display
            app.notify("a later note")
            await pilot.pause()
            notes = list(app.screen.query("Toast"))
            assert notes and max(note.region.bottom for note in notes) == status.y  # just above

    run(scenario)


@pytest.mark.parametrize("size", SIZES)
def test_the_pickers_titles_and_hints_are_whole(size: tuple[int, int]) -> None:
    async def scenario() -> None:
        app = flagship()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            for key, box in (("a", "#actor-box"), ("t", "#tag-box")):
                await pilot.press(key)
                await pilot.pause()
                picker = app.browser.query_one(box, PickBox)
                shown = region_lines(app, picker.region)
                assert not picker.title.endswith("…")  # (it read as cut off)
                assert picker.title in " ".join(shown), shown
                assert any("enter picks · escape closes" in line for line in shown), shown
                await pilot.press("escape")

    run(scenario)


@pytest.mark.parametrize("size", SIZES)
def test_a_long_picker_list_fits_in_its_box(size: tuple[int, int], tmp_path: Path) -> None:
    tags = " ".join(f"#tag{i}" for i in range(40))
    async def scenario() -> None:
        app = sample_app(tmp_path, SAMPLE.replace("#economy\n", f"#economy {tags}\n", 1))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("t", "end")
            picker = app.browser.query_one("#tag-box", PickBox)
            options = picker.query_one(OptionList)
            assert options.highlighted == options.option_count - 1
            assert picker.region.contains_region(options.region)
            assert "#tag9" in " ".join(region_lines(app, options.region))  # the last, in view

    run(scenario)



@pytest.mark.parametrize("size", SIZES)
def test_escape_forgets_the_search_and_enter_keeps_it_for_n(size: tuple[int, int]) -> None:
    async def scenario() -> None:
        app = flagship()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"troops")
            await settle(pilot)
            assert "/troops: hit 1/3" in status_line(app)
            await pilot.press("escape")
            await pilot.pause()
            assert "hit" not in status_line(app) and "troops" not in status_line(app)
            here = cursor_node(app)
            await pilot.press("n")  # nothing to repeat: the cursor stays
            assert cursor_node(app) == here

            await pilot.press("slash", *"troops", "enter")
            await settle(pilot)
            assert "/troops: hit 1/3 (n N)" in status_line(app)
            await pilot.press("n")
            await pilot.pause()
            assert "/troops: hit 2/3 (n N)" in status_line(app)
            await pilot.press("j")  # off the hit: how many there are, not a stale position
            await pilot.pause()
            assert "/troops: 3 hits (n N)" in status_line(app), status_line(app)
            await pilot.press("n")
            await pilot.pause()
            assert "/troops: hit 3/3 (n N)" in status_line(app)

    run(scenario)


@pytest.mark.parametrize("size", SIZES)
def test_the_overlay_badge_leaves_the_relation_marker_by_the_tree(size: tuple[int, int]) -> None:
    async def scenario() -> None:
        app = flagship()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            tree = app.browser.tree
            before = region_lines(app, tree.content_region)
            await pilot.press("s")
            await settle(pilot)
            assert app.overlay.name == "grounded" and app.overlay.shows_status
            after = region_lines(app, tree.content_region)
            marked = 0
            for y, (old, new) in enumerate(zip(before, after, strict=True)):
                node = tree.get_node_at_line(int(tree.scroll_y) + y)
                entry = node.data.entry if node is not None and node.data is not None else None
                if entry is None or entry.marker is None:
                    continue
                marked += 1
                at = old.index(f"{entry.marker} ")  # (the guides and icons hold no marker)
                assert new.index(f"{entry.marker} ") == at, (old, new)  # where it was
                badge = new[at + len(entry.marker) + 1:]
                assert badge.startswith(("✔ in", "✘ out", "? undec", "⁇ asks")), new
            assert marked >= 5

    run(scenario)


@pytest.mark.parametrize("size", SIZES)
def test_the_key_line_keeps_help_and_quit_and_cuts_no_hint(size: tuple[int, int]) -> None:
    async def scenario() -> None:
        app = flagship()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            line = screen_lines(app)[-1]
            assert line.rstrip().endswith("q  quit") and "?  help" in line, line
            shown = [(key, name) for key, name in KEY_LINE if f" {key}  {name} " in line]
            assert len(" ".join(f"{key}  {name}" for key, name in shown)) <= size[0]
            if size[0] >= 120:
                assert shown == list(KEY_LINE)  # room for every key
            else:
                assert ("/", "search") in shown and len(shown) < len(KEY_LINE)
            app.browser.query_one("#keys").styles.width = 30  # narrower still
            await pilot.pause()
            assert screen_lines(app)[-1].rstrip().endswith("?  help  q  quit")

    run(scenario)


class FakeOpener:
    """Stands in for `subprocess.Popen` in argmap.tui.opener: records each command run."""

    runs: list[tuple[list[str], dict]] = []
    status = 0

    def __init__(self, args, **kwargs) -> None:
        FakeOpener.runs.append((args, kwargs))

    def wait(self, timeout: float | None = None) -> int:
        return FakeOpener.status


@pytest.fixture
def fake_drawing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """`r` draws into tmp_path (with a stand-in for the renderer), `o` runs FakeOpener."""
    def render_to_file(map_, path: str, **kwargs) -> None:
        Path(path).write_text("<svg/>", "utf-8")

    monkeypatch.setitem(sys.modules, "argmap.render", types.SimpleNamespace(render_to_file=render_to_file))
    monkeypatch.setattr("argmap.tui.rendering.tempfile.gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr("argmap.tui.opener.subprocess.Popen", FakeOpener)
    monkeypatch.setattr(FakeOpener, "runs", [])
    return tmp_path / "argmap" / "sample-no-evidence.svg"


@pytest.mark.parametrize("size", SIZES)
def test_o_opens_the_drawing_r_made_with_the_desktops_viewer(
        size: tuple[int, int], tmp_path: Path, fake_drawing: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("argmap.tui.opener.sys.platform", "linux")
    monkeypatch.setattr("argmap.tui.opener.shutil.which",
                        lambda name: f"/usr/bin/{name}" if name == "xdg-open" else None)

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.press("o")  # nothing drawn yet
            assert FakeOpener.runs == [] and "no drawing to open" in app.said[-1]
            app.browser.jump_to_node("[No evidence]")
            await pilot.press("r")
            await settle(pilot)
            assert fake_drawing.exists()
            said = app.said[-1]
            assert str(fake_drawing) in said and said.endswith("o opens it"), said
            await pilot.press("o")
            await settle(pilot)
            (command, options), = FakeOpener.runs
            assert command == ["/usr/bin/xdg-open", str(fake_drawing)]  # an argument list
            assert not options.get("shell") and options["start_new_session"]
            assert all(options[stream] is subprocess.DEVNULL for stream in ("stdin", "stdout", "stderr"))
            await pilot.pause()
            notes = [" ".join(" ".join(region_lines(app, note.content_region)).split())
                     for note in app.screen.query("Toast")]
            assert any(note.endswith("o opens it") for note in notes), notes  # on the screen

    run(scenario)


@pytest.mark.parametrize("size", SIZES)
def test_o_without_a_viewer_gives_the_path_and_copies_it(
        size: tuple[int, int], tmp_path: Path, fake_drawing: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("argmap.tui.opener.sys.platform", "linux")
    monkeypatch.setattr("argmap.tui.opener.shutil.which", lambda name: None)

    async def scenario() -> None:
        app = sample_app(tmp_path)
        copied: list[str] = []
        app.copy_to_clipboard = copied.append
        async with app.run_test(size=size) as pilot:
            app.browser.jump_to_node("[No evidence]")
            await pilot.press("r")
            await settle(pilot)
            await pilot.press("o")
            await settle(pilot)
            assert FakeOpener.runs == [] and copied == [str(fake_drawing)]
            assert "xdg-open is not installed here" in app.said[-1]
            assert str(fake_drawing) in app.said[-1]

    run(scenario)


def test_the_opener_is_the_desktops_and_fails_in_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("argmap.tui.opener.shutil.which", lambda name: f"/bin/{name}")
    drawing = Path("relative") / "-a.svg"  # (never read as an option: made absolute)
    assert opener_command(drawing, "darwin") == ["/bin/open", str(Path.cwd() / drawing)]
    assert opener_command(drawing, "linux")[0] == "/bin/xdg-open"
    monkeypatch.setattr("argmap.tui.opener.sys.platform", "linux")
    monkeypatch.setattr("argmap.tui.opener.subprocess.Popen", FakeOpener)
    monkeypatch.setattr(FakeOpener, "runs", [])
    monkeypatch.setattr(FakeOpener, "status", 4)
    assert open_file(tmp_path / "x.svg") == "xdg-open could not open it (exit status 4)"
    monkeypatch.setattr(FakeOpener, "status", 0)
    assert open_file(tmp_path / "x.svg") is None and len(FakeOpener.runs) == 2


@pytest.mark.parametrize("size", SIZES)
def test_the_help_shows_every_key_scrolling_where_the_screen_is_short(size: tuple[int, int]) -> None:
    async def scenario() -> None:
        app = flagship()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            here = app.browser.tree.cursor_line
            await pilot.press("question_mark")
            await pilot.pause()
            box = app.browser.query_one(HelpBox)
            assert app.browser.region.contains_region(box.region)
            seen = " ".join(region_lines(app, box.region))
            assert "escape closes" in seen  # the box's foot is on the screen
            for _ in range(len(KEYS)):
                await pilot.press("j")
                await pilot.pause()
                seen += " ".join(region_lines(app, box.region))
            for key, meaning in KEYS:  # every key was in view at some point
                assert meaning[:30] in seen, meaning
            assert app.browser.tree.cursor_line == here  # j scrolled the help, not the outline

    run(scenario)

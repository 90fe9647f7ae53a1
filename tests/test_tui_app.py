"""Pilot tests of `argmap browse`: the app driven by key presses, headless (App.run_test)."""

from __future__ import annotations

import asyncio
import sys
import types
from pathlib import Path

import pytest
from test_tui_model import SAMPLE, flat_map
from textual.widgets import Static

from argmap.cli import main
from argmap.tui import _textual_internals as internals
from argmap.language.read.parse import parse, parse_file
from argmap.tui.app import ArgmapApp
from argmap.tui.dialogs import KEYS, Dialog, HelpBox, PickBox
from argmap.tui.screens import BrowserScreen
from argmap.tui.widgets import DiagnosticsPanel, RelationList, SearchBar

FLAGSHIP = Path(__file__).parent.parent / "maps" / "lavrov-blinken.argmap"
SIZE = (120, 40)


@pytest.fixture(autouse=True)
def detail_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The detail pane follows the cursor at once (no rest delay), so tests need not wait."""
    monkeypatch.setattr(BrowserScreen, "DETAIL_DELAY", 0)


def run(scenario) -> None:
    """Run an async test scenario to the end."""
    asyncio.run(scenario())


def sample_app(tmp_path: Path, text: str = SAMPLE) -> ArgmapApp:
    """An app on `text` saved as sample.argmap; `app.said` collects its notifications."""
    path = tmp_path / "sample.argmap"
    path.write_text(text, encoding="utf-8")
    app = ArgmapApp(parse_file(str(path)), str(path), poll_interval=0)
    app.said = []
    notify = app.notify

    def recording_notify(message: str, **kwargs) -> None:
        app.said.append(message)
        notify(message, **kwargs)

    app.notify = recording_notify
    return app


def cursor_node(app: ArgmapApp) -> str | None:
    entry = app.browser.current_entry()
    return entry.node if entry else None


def detail_text(app: ArgmapApp) -> str:
    return app.browser.query_one("#detail-body", Static).content.plain


def status_text(app: ArgmapApp) -> str:
    return str(app.browser.query_one("#status", Static).content)


def on_screen(app: ArgmapApp, box: Dialog) -> bool:
    """The box is open and laid out where it can be seen, whole."""
    region = app.browser.find_widget(box).region
    return box.is_open and app.browser.region.contains_region(region)


def loaded_entries(app: ArgmapApp) -> set[str]:
    """Ids of the nodes the outline has loaded (shown or under a collapsed row)."""
    return {n.data.entry.node for n in app.browser.tree.loaded_nodes()
            if n.data is not None and n.data.entry is not None}


async def settle(pilot) -> None:
    """Let thread workers (reload, overlay, render) finish and their results land."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.skipif(not FLAGSHIP.exists(), reason="the flagship map is not there yet")
def test_flagship_opens_and_moves() -> None:
    map_ = parse_file(str(FLAGSHIP))

    async def scenario() -> None:
        app = ArgmapApp(map_, str(FLAGSHIP), poll_interval=0)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            first = cursor_node(app)
            assert first in map_.nodes  # the cursor starts on a node, not a heading
            await pilot.press("j")
            second = cursor_node(app)
            await pilot.press("k")
            assert cursor_node(app) == first and second != first
            assert map_.nodes[first].label in detail_text(app)

    run(scenario)


def test_search_moves_to_hits_and_cycles(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("slash", *"deficit")
            assert app.browser.query_one(SearchBar).display
            assert cursor_node(app) == "[Deficit]"
            assert list(app.browser.hits) == ["[Deficit]", "[Temporary]"]
            await pilot.press("enter")
            assert not app.browser.query_one(SearchBar).display
            await pilot.press("n")
            assert cursor_node(app) == "[Temporary]"
            await pilot.press("n")
            assert cursor_node(app) == "[Deficit]"
            await pilot.press("N")
            assert cursor_node(app) == "[Temporary]"
            assert "hit 2/2" in status_text(app)

    run(scenario)


def test_search_hits_are_counted_after_the_jump(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("slash", *"tempor")
            await pilot.pause()
            assert app.browser.hits.ready and "hit 1/1" in status_text(app)

    run(scenario)


def test_n_and_previous_work_before_the_hits_are_counted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The count, which waits for the jump to be painted, may come after n or N."""
    monkeypatch.setattr(BrowserScreen, "count_hits", lambda self, hits: None)

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("slash", *"deficit", "enter")
            assert cursor_node(app) == "[Deficit]" and not app.browser.hits.ready
            assert "hit …" in status_text(app)
            await pilot.press("N")
            assert cursor_node(app) == "[Temporary]" and "hit 2/2" in status_text(app)
            await pilot.press("slash", *"defici", "enter", "n")  # (the text typed over)
            assert cursor_node(app) == "[Temporary]" and "hit 2/2" in status_text(app)
            await pilot.press("slash", *"zq")  # no hit: the cursor stays
            assert cursor_node(app) == "[Temporary]" and "hit" not in status_text(app)

    run(scenario)


def test_follow_relation_and_go_back(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert cursor_node(app) == "[Tax cut]"
            relations = app.browser.query_one(RelationList)
            wanted = relations.targets.index("[Deficit]")
            await pilot.press("tab")
            assert relations.has_focus
            await pilot.press(*["down"] * wanted, "enter")
            assert cursor_node(app) == "[Deficit]"
            assert app.browser.tree.has_focus
            await pilot.press("backspace")
            assert cursor_node(app) == "[Tax cut]"

    run(scenario)


def test_enter_on_a_reference_goes_to_the_definition_and_back(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            tree = app.browser.tree
            reference = app.model.children(app.model.roots()[1])[0].entry
            assert reference.is_reference and reference.node == "[Growth]"
            app.browser.jump(reference, remember=False)
            await pilot.press("enter")
            here = app.browser.current_entry()
            assert here.node == "[Growth]" and not here.is_reference
            await pilot.press("backspace")
            assert app.browser.current_entry() is reference
            assert tree.cursor_node.data.entry is reference

    run(scenario)


def test_undercut_follows_to_the_inference_it_undercuts(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            app.browser.jump_to_node("[Temporary]")
            await pilot.pause()
            relations = app.browser.query_one(RelationList)
            assert relations.targets == ["r3"]
            relations.focus()
            await pilot.press("enter")
            assert app.browser.current_entry().relation == "r3"

    run(scenario)


def test_filter_by_actor_and_tag(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            picker = app.browser.query_one("#actor-box", PickBox)
            await pilot.press("a")
            assert on_screen(app, picker) and app.browser.tree.has_focus  # the focus stays
            choices = [value for _, value in picker.choices]
            await pilot.press(*["down"] * choices.index("alice"), "enter")
            assert not on_screen(app, picker) and app.browser.tree.has_focus
            shown = loaded_entries(app)
            assert "[No evidence]" not in shown and "[Temporary]" in shown
            assert "[Schools]" in shown  # it leads to alice's claim (`>< [Tax cut]`)
            assert "actor: @alice" in status_text(app)
            await pilot.press("t")
            tags = [value for _, value in app.browser.query_one("#tag-box", PickBox).choices]
            await pilot.press(*["j"] * (tags.index("evidence") + 1), "k", "enter")  # j, k as in the outline
            shown = loaded_entries(app)
            assert shown == set()  # no node of alice's is tagged #evidence
            assert "No node matches the filters" in detail_text(app)
            await pilot.press("a", "home", "enter")  # "(everything)" clears the actor filter
            await pilot.pause()
            shown = loaded_entries(app)
            assert "[No evidence]" in shown and "[Schools]" not in shown

    run(scenario)


def test_overlay_cycles_through_semantics(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            names = []
            for _ in range(4):
                await pilot.press("s")
                await settle(pilot)
                names.append(app.overlay.name)
            assert names == ["grounded", "preferred", "strength", "none"]
            await pilot.press("s")
            await settle(pilot)
            app.browser.jump_to_node("[No evidence]")
            label = app.browser.tree.cursor_node.label
            assert "✔ in" in label.plain
            assert "grounded: " in detail_text(app)

    run(scenario)


def test_the_detail_pane_says_why_under_an_overlay(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            app.browser.jump_to_node("[Deficit]")
            await settle(pilot)
            assert "why" not in detail_text(app)  # no overlay: no analysis at all
            await pilot.press("s")
            await settle(pilot)
            app.browser.jump_to_node("[Growth]")
            await settle(pilot)
            assert "why: out: attacked by [No evidence], which is in" in detail_text(app)
            app.browser.jump_to_node("[Tax cut]")
            await settle(pilot)
            assert "why: undecided: [Tax cut] and [Schools] attack each other" in detail_text(app)
            await pilot.press("s")  # preferred: the grounded explanation, so named
            await settle(pilot)
            assert "why (grounded): undecided" in detail_text(app)
            await pilot.press("s")  # strength: no status, no why
            await settle(pilot)
            assert "why" not in detail_text(app)

    run(scenario)


BROKEN = SAMPLE.replace("[Schools]: Schools need the money. @bob", "[Schools: oops {unclosed")


def test_reload_keeps_the_cursor_and_survives_a_broken_file(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        path = Path(app.path)
        async with app.run_test(size=SIZE) as pilot:
            app.browser.jump_to_node("[Deficit]")
            path.write_text(SAMPLE.replace("widen the deficit. @bob #economy", "grow the debt. @bob #fiscal"), "utf-8")
            assert app.check_file()
            await settle(pilot)
            assert "grow the debt" in app.map.nodes["[Deficit]"].text
            assert cursor_node(app) == "[Deficit]"
            tags = [value for _, value in app.browser.query_one("#tag-box", PickBox).choices]
            assert "fiscal" in tags  # the tags picker offers the new map's tags

            path.write_text(BROKEN, "utf-8")
            assert app.check_file()
            await settle(pilot)
            panel = app.browser.query_one(DiagnosticsPanel)
            assert any(d.is_error for d in app.diagnostics)
            assert panel.display and panel.option_count == len(app.diagnostics)
            assert cursor_node(app) == "[Deficit]"  # what parsed is still there
            assert "[Tax cut]" in app.map.nodes

            path.write_text(SAMPLE, "utf-8")
            assert app.check_file()
            await settle(pilot)
            assert app.diagnostics == [] and "[Schools]" in app.map.nodes
            assert not panel.display  # it opened by itself, and closes by itself
            assert not app.check_file()  # nothing changed since

            path.unlink()  # an editor replacing the file: the app waits, keeps the map
            assert not app.check_file()
            assert "[Schools]" in app.map.nodes

    run(scenario)


async def reloaded(app: ArgmapApp, test, seconds: float = 5.0) -> bool:
    """Wait (at most `seconds`) until `test(app.map)` holds after a live reload."""
    for _ in range(int(seconds / 0.02)):
        if test(app.map):
            return True
        await asyncio.sleep(0.02)
    return False


@pytest.mark.parametrize("watcher", ["watchfiles", "polling"])
def test_live_reload_follows_the_map_and_its_included_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watcher: str) -> None:
    if watcher == "polling":  # as without watchfiles
        def no_watchfiles(*args) -> None:
            raise ImportError("watchfiles")
        monkeypatch.setattr("argmap.tui.app.watch_files", no_watchfiles)
    part = tmp_path / "part.argmap"
    part.write_text("[Elsewhere]: First words.\n", "utf-8")
    main_file = tmp_path / "main.argmap"
    main_file.write_text('include "part.argmap"\n\n[Here]: Defined here.\n', "utf-8")

    async def scenario() -> None:
        app = ArgmapApp(parse_file(str(main_file)), str(main_file), poll_interval=0.05)
        async with app.run_test(size=SIZE):
            await asyncio.sleep(0.2)  # the watch is set up
            watching = [w for w in app.workers if w.group == "watch" and not w.is_finished]
            assert bool(watching) == (watcher == "watchfiles")
            part.write_text("[Elsewhere]: Second words.\n", "utf-8")
            assert await reloaded(app, lambda m: "Second" in m.nodes["[Elsewhere]"].text)
            main_file.write_text('include "part.argmap"\n\n[There]: Renamed.\n', "utf-8")
            assert await reloaded(app, lambda m: "[There]" in m.nodes)
            assert "[Elsewhere]" in loaded_entries(app)

    run(scenario)


def test_a_map_with_errors_opens_and_diagnostics_jump_to_the_line(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path, BROKEN)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert "[Tax cut]" in app.map.nodes and app.diagnostics
            await pilot.press("d")
            panel = app.browser.query_one(DiagnosticsPanel)
            assert panel.display and panel.has_focus
            line = app.diagnostics[0].span.line
            await pilot.press("enter")
            assert app.browser.current_entry() is app.model.entry_at_line(line)
            assert app.browser.tree.has_focus

    run(scenario)


def test_edit_runs_the_editor_with_an_argument_list(tmp_path: Path, monkeypatch) -> None:
    calls = []
    monkeypatch.setenv("EDITOR", "myeditor --flag")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr("argmap.tui.editor.subprocess.run",
                        lambda argv, **kw: calls.append((argv, kw)))

    async def scenario() -> None:
        app = sample_app(tmp_path)
        monkeypatch.setattr(app, "suspend", __import__("contextlib").nullcontext)
        async with app.run_test(size=SIZE) as pilot:
            app.browser.jump_to_node("[Deficit]")
            await pilot.press("e")

    run(scenario)
    (argv, kwargs), = calls
    assert argv == ["myeditor", "--flag", "+14", str((tmp_path / "sample.argmap").resolve())]
    assert "shell" not in kwargs


def test_render_writes_the_focused_neighbourhood(tmp_path: Path, monkeypatch) -> None:
    calls = []
    fake = types.ModuleType("argmap.render")
    fake.render_to_file = lambda map_, path, **kw: calls.append((path, kw))
    monkeypatch.setitem(sys.modules, "argmap.render", fake)

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            app.browser.jump_to_node("[No evidence]")
            await pilot.press("r")
            await settle(pilot)
            messages = app.said
            assert any("rendered No evidence" in m and calls[0][0] in m for m in messages)

    run(scenario)
    (path, kwargs), = calls
    assert kwargs == {"focus": "No evidence", "depth": 2}  # render focuses by title
    assert path.endswith("sample-no-evidence.svg")


def test_help_lists_every_key_of_the_screen(tmp_path: Path) -> None:
    documented = " ".join(key for key, _ in KEYS)
    for binding in BrowserScreen.BINDINGS:
        if binding.action.startswith("box_key("):
            continue  # a key of the open box (the picker's arrows, the help's escape)
        first = binding.key.split(",")[0]
        shown = {"slash": "/", "question_mark": "?", "backspace": "backspace"}.get(first, first)
        assert shown in documented.split(), binding.key

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            help_box = app.browser.query_one(HelpBox)
            await pilot.press("question_mark")
            assert on_screen(app, help_box) and app.browser.tree.has_focus  # the focus stays
            here = app.browser.tree.cursor_line
            await pilot.press("s", "j", "down")  # the browser's keys are off
            assert app.overlay_pending is None and app.overlay.name == "none"
            assert app.browser.tree.cursor_line == here and app.browser.tree.has_focus
            await pilot.press("escape")
            assert not on_screen(app, help_box) and app.browser.tree.has_focus
            for _ in range(8):  # Tab never reaches a closed box
                await pilot.press("tab")
                assert app.browser.focused is not None
                assert not any(box in app.browser.focused.ancestors_with_self
                               for box in app.browser.query(Dialog))

    run(scenario)


def test_focus_change_repaints_the_cursor_row_only(tmp_path: Path) -> None:
    """The outline keeps its painted rows across focus changes (that is what makes Tab
    fast): the cursor row must still change look, and come back, with the focus."""
    from textual.geometry import Region

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            tree = app.browser.tree
            await pilot.press("j")
            await pilot.pause()

            def painted() -> list[list[tuple[str, object]]]:
                rows = tree.render_lines(Region(0, 0, *tree.outer_size))
                return [[(seg.text, seg.style) for seg in row] for row in rows]

            cursor = tree.cursor_line - tree.scroll_offset.y + 1  # + 1: the border row
            focused = painted()
            await pilot.press("tab")
            await pilot.pause()
            assert not tree.has_focus
            blurred = painted()
            assert blurred[cursor][1:-1] != focused[cursor][1:-1]
            assert blurred[cursor - 1][1:-1] == focused[cursor - 1][1:-1]  # inside the border
            await pilot.press("shift+tab")
            await pilot.pause()
            assert tree.has_focus and painted() == focused

    run(scenario)


def test_command_palette_lists_the_actions(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE):
            titles = {c.title for c in app.get_system_commands(app.screen)}
            assert {"Search", "Back", "Filter by actor", "Filter by tag", "Diagnostics",
                    "Cycle semantics overlay", "Edit", "Render to SVG", "Help"} <= titles

    run(scenario)


def test_large_map_opens_lazily_and_search_reaches_deep_rows() -> None:
    map_ = flat_map(50_000)

    async def scenario() -> None:
        app = ArgmapApp(map_, None, poll_interval=0, checks=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert len(app.browser.tree.loaded_nodes()) < 1_000  # not 50,000
            assert cursor_node(app) == "_0"  # the first range is open, the cursor in it
            app.browser.jump_to_node("_43210")
            assert cursor_node(app) == "_43210"
            assert len(app.browser.tree.loaded_nodes()) < 2_000

    run(scenario)


def test_missing_or_unreadable_file_is_a_clear_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["browse", str(tmp_path / "nope.argmap")]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "Traceback" not in err
    assert main(["browse", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err


def test_hand_made_empty_map_opens() -> None:
    async def scenario() -> None:
        app = ArgmapApp(parse(""), None, poll_interval=0)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "slash", "x", "enter", "backspace", "d")
            assert "empty" in detail_text(app)

    run(scenario)


def test_detail_pane_follows_the_cursor_once_it_rests(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(BrowserScreen, "DETAIL_DELAY", 0.05)
    shown = []

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            original = app.browser.show_detail
            monkeypatch.setattr(app.browser, "show_detail",
                                lambda: (shown.append(cursor_node(app)), original())[1])
            app.browser.tree.action_cursor_down()
            app.browser.tree.action_cursor_down()
            app.browser.tree.action_cursor_down()
            await pilot.pause(0.3)
            assert shown == [cursor_node(app)]  # once, for where the cursor stopped
            assert app.map.nodes[cursor_node(app)].title in detail_text(app)

    run(scenario)


def test_detail_pane_follows_a_filter_once_the_cursor_rests(tmp_path: Path, monkeypatch) -> None:
    """A filter that moves the cursor paints the new outline first; the detail pane follows
    as after any move of the cursor."""
    monkeypatch.setattr(BrowserScreen, "DETAIL_DELAY", 0.5)

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j", "j")
            await pilot.pause(1.0)
            assert cursor_node(app) == "[Deficit]" and "deficit" in detail_text(app)
            tags = [value for _, value in app.browser.query_one("#tag-box", PickBox).choices]
            await pilot.press("t", *["down"] * tags.index("evidence"), "enter")
            assert cursor_node(app) == "[Tax cut]"  # [Deficit] is filtered out
            assert "deficit" in detail_text(app)  # not yet
            await pilot.pause(1.0)
            assert "We should cut taxes" in detail_text(app)

    run(scenario)


def test_search_hits_are_counted_once_the_typing_rests(tmp_path: Path, monkeypatch) -> None:
    """Each letter jumps to its first hit; the hits are counted (a scan of every text) only
    for the search the user stops at."""
    from argmap.tui.map_index import MapIndex

    monkeypatch.setattr(BrowserScreen, "DETAIL_DELAY", 0.5)
    scanned: list[str] = []
    scan = MapIndex._scan
    monkeypatch.setattr(MapIndex, "_scan", lambda self, needle, within: (
        scanned.append(needle), scan(self, needle, within))[1])

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("slash")
            bar = app.browser.query_one(SearchBar)
            for typed in ("t", "te", "tem", "temp"):
                bar.value = typed
                await pilot.pause()  # the jump is painted, the count waits
            assert cursor_node(app) == "[Temporary]" and scanned == []
            assert "hit …" in status_text(app)
            await pilot.pause(1.0)
            assert scanned == ["temp"] and "hit 1/1" in status_text(app)

    run(scenario)


def test_outline_rebuilt_or_opened_by_a_jump_sends_no_expanded_messages(monkeypatch) -> None:
    """Rows the outline opens itself are loaded first and expanded without Tree's
    NodeExpanded messages (hundreds per rebuild); a row the user expands still loads its
    children through them."""
    from argmap.tui.widgets import OutlineTree

    expanded: list[object] = []
    handler = OutlineTree.on_tree_node_expanded

    def recording(self, event) -> None:
        expanded.append(event.node.data)
        handler(self, event)

    async def scenario() -> None:
        app = ArgmapApp(flat_map(1_000), None, poll_interval=0, checks=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            tree = app.browser.tree
            app.browser.show_map()  # a rebuild, as after a filter or a reload
            app.browser.jump_to_node("_543")  # opens the range of rows 501-600
            await pilot.pause()
            assert cursor_node(app) == "_543" and expanded == []
            closed = next(n for n in tree.root.children if n.data.start == 700)
            assert not closed.children
            tree.move_to(closed)
            await pilot.press("l")
            assert expanded == [closed.data] and len(closed.children) == 100

    monkeypatch.setattr(OutlineTree, "on_tree_node_expanded", recording)
    run(scenario)


def test_render_for_real_writes_an_svg(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("argmap.tui.rendering.tempfile.gettempdir", lambda: str(tmp_path))

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            app.browser.jump_to_node("[Growth]")
            await pilot.press("r")
            await settle(pilot)
            messages = " ".join(app.said)
            assert "rendered Growth and its neighbours" in messages, messages

    run(scenario)
    svg = (tmp_path / "argmap" / "sample-growth.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Growth" in svg


def test_included_files_appear_in_the_outline_with_their_own_lines(tmp_path: Path) -> None:
    (tmp_path / "part.argmap").write_text(
        "# In the part\n\n[Elsewhere]: Defined in the part.\n"
        "  + An untitled reason in the part.\n  - [Here]\n", "utf-8")
    text = 'include "part.argmap"\n\n[Here]: Defined here.\n  + [Elsewhere]\n'

    async def scenario() -> None:
        app = sample_app(tmp_path, text)
        async with app.run_test(size=SIZE) as pilot:
            labels = [str(n.label) for n in app.browser.tree.loaded_nodes()]
            assert "⇲ part.argmap (included)" in labels and "§ In the part" in labels
            assert "[Elsewhere]" in loaded_entries(app)
            untitled = next(n for n in app.map.nodes.values() if n.title is None)
            entry = app.model.entry_for_node(untitled.id)  # its id in the merged map
            assert entry is not None and entry.span.line == 4
            assert app.map.relations[entry.relation].source == untitled.id
            reference = app.model.entry_for_node("[Here]").children[0]
            assert reference.is_reference and reference.node == "[Elsewhere]"
            app.browser.jump(reference, remember=False)
            await pilot.press("enter")  # to the definition, in the included file's row
            here = app.browser.current_entry()
            assert here.node == "[Elsewhere]" and not here.is_reference
            assert "defined at part.argmap line 3" in detail_text(app)
            await pilot.press("backspace")
            assert app.browser.current_entry() is reference

    run(scenario)


def test_outline_rows_are_painted_as_textual_tree_paints_them(tmp_path: Path) -> None:
    """The outline paints its rows itself (`RowPainter`, faster): every row, with the cursor,
    the mouse over a row, focused or not, is the strip Textual's own Tree makes."""
    from textual.geometry import Region

    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            tree = app.browser.tree
            await pilot.press("a", "down", "down", "enter")  # a filter: dimmed context rows
            await pilot.press("j", "j", "l")
            await pilot.pause()

            def compare() -> None:
                tree.render_lines(Region(0, 0, *tree.size))  # a pass: styles read
                for y in range(tree.last_line + 1):
                    ours = tree._painter.paint(y, tree.size.width, tree.rich_style)
                    internals.clear_tree_rows(tree)  # (shared: Tree would hand back our strip)
                    theirs = internals.textual_tree_row(tree, y, 0, ours.cell_length,
                                                        tree.rich_style)
                    assert list(ours) == list(theirs), y

            compare()
            tree.hover_line = 2
            compare()
            await pilot.press("tab")
            await pilot.pause()
            assert not tree.has_focus
            compare()
            # rebuilt after a filter: the rows shown before keep their labels (and the
            # painter what it rendered of them), on new tree nodes with new ids
            before = {n.data.entry: (n.label, n.id) for n in tree.loaded_nodes()
                      if n.data is not None and n.data.entry is not None}
            await pilot.press("a", "home", "enter", "a", "down", "down", "enter")
            await pilot.pause()
            after = {n.data.entry: (n.label, n.id) for n in tree.loaded_nodes()
                     if n.data is not None and n.data.entry is not None}
            assert after.keys() == before.keys()
            assert all(after[e][0] is before[e][0] and after[e][1] != before[e][1] for e in after)
            compare()

    run(scenario)


def test_outline_scroll_bar_follows_the_view_and_skips_useless_repaints() -> None:
    """The outline's scroll bar (`SteadyScrollBar`) keeps what it painted while it would look
    the same (a focus change), and paints the thumb where the view is when it moves."""
    from textual.geometry import Region

    map_ = flat_map(500)

    async def scenario() -> None:
        app = ArgmapApp(map_, None, poll_interval=0, checks=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            bar = app.browser.tree.vertical_scrollbar
            assert bar.display

            def rows() -> list[list]:
                return [list(strip) for strip in bar.render_lines(Region(0, 0, *bar.size))]

            top = rows()
            await pilot.press("tab")
            await pilot.pause()
            assert not internals.repaint_pending(bar) and rows() == top  # nothing to repaint
            await pilot.press("shift+tab", "end")
            await pilot.pause()
            assert rows() != top
            await pilot.press("home")
            await pilot.pause()
            assert rows() == top

    run(scenario)


@pytest.mark.parametrize("key, close", [("slash", "escape"), ("d", "d")])
def test_a_line_over_the_panes_is_painted_by_the_next_frame_as_it_opens_and_closes(key: str, close: str) -> None:
    """The search line and the diagnostics panel are in the first frame written after the key
    that opens them, and are painted away by the first frame after the key that closes them.
    (Textual's compositor rebuilds its map lazily; a rebuild between the change and the layout
    took the change in already, so the layout saw none: in a terminal the search line
    appeared only at its cursor's first blink, 1 s on, and a closed panel stayed drawn.)"""
    async def scenario() -> None:
        app = ArgmapApp(parse_file(str(FLAGSHIP)), str(FLAGSHIP), poll_interval=0)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            compositor = internals.screen_compositor(app.browser)
            frames: list[set] = []
            render_update = compositor.render_update

            def recording_render_update(*args, **kwargs):
                dirty = internals.dirty_regions(compositor)
                if dirty:  # (a frame with nothing to paint writes nothing)
                    frames.append(set(dirty))
                return render_update(*args, **kwargs)

            compositor.render_update = recording_render_update
            widget = app.browser.query_one(SearchBar if key == "slash" else DiagnosticsPanel)

            def first_frame_covers(region) -> bool:
                return bool(frames) and any(r.contains_region(region) for r in frames[0])

            await pilot.press(key)
            await pilot.pause()
            region = widget.region
            assert widget.display and region and first_frame_covers(region), frames[:1]
            frames.clear()
            await pilot.press(close)
            await pilot.pause()
            assert not widget.display and first_frame_covers(region), frames[:1]

    run(scenario)



@pytest.mark.parametrize("shown", [True, False])
def test_a_layout_sees_every_change_since_the_last_one_despite_a_lazy_rebuild(shown: bool) -> None:
    """`LayoutCompositor`'s law: a layout reports every widget shown or hidden since the last
    layout, and marks its place to be painted, even when the compositor's map was rebuilt
    lazily in between (as it is once a widget not on the screen asks for a repaint, and then
    anything asks where a widget is)."""
    async def scenario() -> None:
        app = ArgmapApp(parse_file(str(FLAGSHIP)), str(FLAGSHIP), poll_interval=0)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.browser
            panel = screen.query_one(DiagnosticsPanel)
            if not shown:
                panel.display = True
                await pilot.pause()
            compositor = internals.screen_compositor(screen)
            compositor.reflow(screen, screen.size)
            internals.dirty_regions(compositor).clear()
            where_it_was = None if shown else compositor.full_map[panel].region
            # the map goes stale, as a repaint asked for by a widget not on the screen makes it
            internals.invalidate_compositor_map(compositor)
            panel.display = shown
            compositor.full_map  # noqa: B018 (a lazy rebuild, as a region lookup makes)
            region = compositor.full_map[panel].region if shown else where_it_was
            result = compositor.reflow(screen, screen.size)
            assert panel in (result.shown if shown else result.hidden)
            dirty = internals.dirty_regions(compositor)
            assert any(r.contains_region(region) for r in dirty), dirty

    run(scenario)


ROUNDS = """\
actor pro: Pro
actor con: Con
[Claim]: the claim @pro {round: 1}
  - [Objection]: an objection @con {round: 2}
    - [Reply]: a reply @pro {round: 3}
  + [Fact]: a fact
"""


def test_shift_r_steps_through_the_rounds(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path, ROUNDS)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")  # the grounded overlay follows the round shown
            await settle(pilot)
            seen = []
            for _ in range(4):
                await pilot.press("R")
                await settle(pilot)
                seen.append((app.state.round, loaded_entries(app), dict(app.overlay.status)))
            assert [s[0] for s in seen] == [1, 2, 3, None]
            assert seen[0][1] == {"[Claim]", "[Fact]"} and seen[0][2] == {"[Claim]": "in", "[Fact]": "in"}
            assert "[Objection]" in seen[1][1] and "[Reply]" not in seen[1][1]
            assert seen[1][2]["[Claim]"] == "out" and seen[2][2]["[Claim]"] == "in"
            assert seen[3][1] == {"[Claim]", "[Fact]", "[Objection]", "[Reply]"}
            await pilot.press("R")
            await settle(pilot)
            assert "after round 1" in status_text(app)

    run(scenario)


def test_shift_r_on_a_map_without_rounds_says_so(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            await settle(pilot)
            assert app.state.round is None and any("no round" in m for m in app.said)

    run(scenario)

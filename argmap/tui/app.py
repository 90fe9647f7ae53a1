"""The browser application: holds the map (a `BrowserState` its screen reads), reloads it
when the file changes, and runs the slow or outside work (analysis, rendering, the editor)
for the browser screen."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import get_current_worker

from ..errors import ArgmapError, Diagnostic
from ..language.check import check
from ..language.report import plural
from ..model import Map
from ..printable import visible
from .collector import IDLE_DELAY, IdleCollector
from .editor import open_in_editor
from .live import file_lines, files_of, state_of, watch_files
from .opener import open_file
from .outline_model import OutlineModel
from .overlay import Overlay, compute_overlay, next_overlay
from .palette import browser_commands
from .rendering import render_path, render_svg
from .screens import BrowserScreen
from .state import BrowserState

#: reads a map file; raises ArgmapError when it cannot be read
Loader = Callable[[str], Map]


def run_checks(map_: Map) -> list[Diagnostic]:
    """The map's own diagnostics plus `argmap.check`'s, each once."""
    found = [*map_.diagnostics, *check(map_)]
    return list(dict.fromkeys(found))  # check repeats the parse findings


def _parse_file(path: str) -> Map:
    from ..language.read.parse import parse_file

    return parse_file(path)


# Every @work below names its description: by default Textual puts the repr of the arguments
# there, and the repr of a 100,000-node map takes seconds.


class ArgmapApp(App[None]):
    """`argmap browse`: the outline, details, search, overlays and live reload of one map."""

    CSS_PATH = "argmap.tcss"
    TITLE = "argmap"

    def __init__(self, map_: Map, path: str | None = None, *, poll_interval: float = 0.5,
                 loader: Loader = _parse_file, checks: bool = True, preview: bool = False) -> None:
        """`preview`: `map_` is the first part of the map at `path` (argmap/tui/preview.py);
        the whole map is read once the first screen is up, and shown instead."""
        super().__init__()
        preview = preview and path is not None
        #: what the browser shows (its screen reads it; the app alone changes it)
        self.state = BrowserState(
            map_, path, OutlineModel(map_),
            # (a preview's are not the map's: a reference to a node further down is no error)
            diagnostics=[] if preview else list(map_.diagnostics), preview=preview)
        self.poll_interval = poll_interval
        self.loader = loader
        self.checks = checks
        self.browser = BrowserScreen(self.state)
        #: the files the map is read from, and how they were when it was last read
        self._files = files_of(map_, path)
        self._file_seen = state_of(self._files)
        self._generation = 0
        self.collector = IdleCollector()
        self.sub_title = Path(path).name if path else ""
        self.title = map_.title or "argmap"

    # what the browser shows, as the app's own attributes
    @property
    def map(self) -> Map:
        return self.state.map

    @map.setter
    def map(self, map_: Map) -> None:
        self.state.map = map_

    @property
    def path(self) -> str | None:
        return self.state.path

    @property
    def model(self) -> OutlineModel:
        return self.state.model

    @model.setter
    def model(self, model: OutlineModel) -> None:
        self.state.model = model

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.state.diagnostics

    @diagnostics.setter
    def diagnostics(self, diagnostics: list[Diagnostic]) -> None:
        self.state.diagnostics = diagnostics

    @property
    def overlay(self) -> Overlay:
        return self.state.overlay

    @overlay.setter
    def overlay(self, overlay: Overlay) -> None:
        self.state.overlay = overlay

    @property
    def overlay_pending(self) -> str | None:
        return self.state.overlay_pending

    @overlay_pending.setter
    def overlay_pending(self, name: str | None) -> None:
        self.state.overlay_pending = name

    @property
    def preview(self) -> bool:
        return self.state.preview

    @property
    def background_started(self) -> bool:
        return self.state.background_started

    def on_mount(self) -> None:
        self.push_screen(self.browser)
        if self.path and self.poll_interval > 0:
            self._watch(self._files)
        self.call_after_refresh(self._start_background_work)
        self.collector.start()
        self.set_interval(IDLE_DELAY, self.collector.collect_if_idle)

    def on_unmount(self) -> None:
        self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.collector.input_seen()
        await super().on_event(event)

    @work(thread=True, exclusive=True, group="watch", description="watch the map's files")
    def _watch(self, files: tuple[str, ...]) -> None:
        """Reload as soon as the map's files change (polling if they cannot be watched)."""
        worker = get_current_worker()
        try:
            watch_files(files, lambda: self.call_from_thread(self.check_file),
                        lambda: worker.is_cancelled)
        except (ImportError, OSError, RuntimeError):
            if not worker.is_cancelled:
                self.call_from_thread(self.set_interval, self.poll_interval, self.check_file)

    def _start_background_work(self) -> None:
        """After the first screen is painted (threads would hold the GIL and delay it):
        run the checks and build the model's lookups."""
        self.state.background_started = True
        if self.preview:  # the whole map first; its checks and lookups once it is shown
            self._read_whole_map(self.path, self._generation)
        else:
            self._check_and_prepare()

    def _check_and_prepare(self) -> None:
        if self.checks:
            self._run_checks(self.map, self._generation)
        self._prepare(self.model)

    @work(thread=True, group="reload", description="read the whole map")
    def _read_whole_map(self, path: str, generation: int) -> None:
        try:
            whole = self.loader(path)
        except ArgmapError as exc:
            self.call_from_thread(self.notify, f"could not read the whole map: {exc}", severity="error")
            return
        model = OutlineModel(whole)
        model.prepare_jumps()  # (here, off the screen's thread: the cursor stays on its node)
        lines = file_lines(path)
        gc.freeze()  # as browse.run does: the cycle collector need not walk the map
        self.call_from_thread(self._whole_map_read, whole, model, lines, generation)

    def _whole_map_read(self, whole: Map, model: OutlineModel, lines: list[str], generation: int) -> None:
        """Show the whole map instead of its preview, then check it and build its lookups."""
        if generation != self._generation or not self._browsing():
            return  # the file changed meanwhile: its reload shows the map
        shown = self.overlay.name
        self.set_map(whole, list(whole.diagnostics), generation=generation, model=model, lines=lines)
        if shown != "none" and not self.overlay_pending:  # (one still pending: set_map's)
            self.overlay_pending = shown  # the overlay shown on the preview, for the whole map
            self._compute_overlay(whole, shown)
        self._check_and_prepare()

    @work(thread=True, group="prepare", description="prepare lookups")
    def _prepare(self, model: OutlineModel) -> None:
        lines = self.state.lines
        if self.path and self.path not in lines:  # (read with the whole map after a preview)
            lines[self.path] = file_lines(self.path)
        model.prepare()
        gc.freeze()  # the lookups are built once: keep the cycle collector off them too
        self.call_from_thread(self._prepared, model)

    def _prepared(self, model: OutlineModel) -> None:
        if model is self.model and self._browsing():
            self.browser.show_detail()  # now with the source lines
            self.browser.show_tag_choices()

    # --- the map and its file ------------------------------------------------------------------

    def read_lines(self, path: str) -> list[str]:
        """The lines of `path` as loaded (`BrowserState.read_lines`)."""
        return self.state.read_lines(path)

    def check_file(self) -> bool:
        """Reload when the map's file or one it includes changed on disk since the map was
        last read (not while the map's own file is missing: an editor may be replacing it);
        True if it did."""
        if not self.path:
            return False
        state = state_of(self._files)
        if state[0] is None or state == self._file_seen:
            return False
        self._file_seen = state
        self._generation += 1
        self._reload(self.path, self._generation)
        return True

    def action_reload(self) -> None:
        """Read the file again now, changed or not."""
        self._file_seen = ()
        self.check_file()

    @work(thread=True, group="reload", description="reload the map")
    def _reload(self, path: str, generation: int) -> None:
        try:
            new_map = self.loader(path)
        except ArgmapError as exc:
            self.call_from_thread(self.notify, f"not reloaded: {exc}", severity="warning")
            return
        found = run_checks(new_map) if self.checks else list(new_map.diagnostics)
        overlay = compute_overlay(new_map, self.overlay.name, self.state.round)
        model = OutlineModel(new_map)
        model.prepare()  # here, off the screen's thread
        gc.freeze()  # as browse.run does: the cycle collector need not walk the new map
        lines = file_lines(path)
        self.call_from_thread(self.set_map, new_map, found, overlay, generation, model, lines)

    def set_map(self, map_: Map, diagnostics: list[Diagnostic], overlay: Overlay | None = None,
                generation: int | None = None, model: OutlineModel | None = None,
                lines: list[str] | None = None) -> None:
        """Show `map_` instead of the current map, keeping the cursor on the same node."""
        if generation is not None and generation != self._generation or not self._browsing():
            return  # a newer reload is on its way, or the app is closing
        had_errors = sum(d.is_error for d in self.diagnostics)
        was_preview, self.state.preview = self.preview, False
        here = self.browser.current_entry()
        self.map, self.diagnostics = map_, diagnostics
        self.model = model if model is not None else OutlineModel(map_)
        self.overlay = overlay if overlay is not None else Overlay()
        self.state.lines.clear()
        if lines is not None and self.path:
            self.state.lines[self.path] = lines
        self.title = map_.title or "argmap"
        files = files_of(map_, self.path)
        if files != self._files:  # an include added or removed: watch what is read now
            self._files, self._file_seen = files, state_of(files)
            if self.path and self.poll_interval > 0:
                self._watch(files)
        self.browser.show_map(keep=here.node if here else None)
        if self.overlay_pending:  # it was being computed for the map just replaced
            self._compute_overlay(map_, self.overlay_pending)
        if was_preview:  # the map as it opens: no note, the panel opened with `d`; the tags
            self.browser.show_diagnostics()  # picker is filled once the lookups are made
            return
        self.browser.show_tag_choices()
        errors = sum(d.is_error for d in diagnostics)
        self.browser.show_diagnostics(open_panel=errors > had_errors, close_if_clean=True)
        note = f"reloaded: {plural(errors, 'error')} (d shows them)" if errors else "reloaded"
        self.notify(note, severity="warning" if errors else "information", timeout=3)

    @work(thread=True, group="checks", description="check the map")
    def _run_checks(self, map_: Map, generation: int) -> None:
        found = run_checks(map_)
        self.call_from_thread(self._checks_done, found, generation)

    def _browsing(self) -> bool:
        """False once the app is closing (a background result then has nowhere to go)."""
        return self.browser.is_browsing

    def _checks_done(self, found: list[Diagnostic], generation: int) -> None:
        if generation == self._generation and self._browsing():
            self.diagnostics = found
            self.browser.show_diagnostics()

    #: the browser's keys that act through the app (off while a box is open over it)
    BROWSER_ACTIONS = frozenset({"cycle_overlay", "cycle_round", "edit", "render", "open_drawing"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The browser's keys bound to the app's actions are off while a box is open."""
        if action in self.BROWSER_ACTIONS and self._browsing():
            return self.browser.open_box is None
        return True

    # --- overlay -------------------------------------------------------------------------------

    def action_cycle_overlay(self) -> None:
        """Show the next overlay: none, grounded, preferred, strength."""
        name = next_overlay(self.overlay_pending or self.overlay.name)
        self.overlay_pending = name
        self.browser.update_status()
        self._compute_overlay(self.map, name)

    def _compute_overlay(self, map_: Map, name: str) -> None:
        self._compute_overlay_after(map_, name, self.state.round)

    @work(thread=True, exclusive=True, group="overlay", description="compute the overlay")
    def _compute_overlay_after(self, map_: Map, name: str, round_: int | None) -> None:
        overlay = compute_overlay(map_, name, round_)
        self.call_from_thread(self._overlay_ready, map_, overlay)

    def _overlay_ready(self, map_: Map, overlay: Overlay) -> None:
        if (map_ is not self.map or overlay.name != self.overlay_pending
                or overlay.round != self.state.round or not self._browsing()):
            return
        self.overlay, self.overlay_pending = overlay, None
        if overlay.error:
            self.notify(overlay.error, severity="warning")
        self.browser.show_overlay()

    # --- rounds --------------------------------------------------------------------------------

    def action_cycle_round(self) -> None:
        """Show the map as it stood after the next round (`round:` metadata), and after the
        last one the whole map again; the overlay follows."""
        from ..analyze.replay import rounds_of

        rounds = rounds_of(self.map)
        if not rounds:
            self.notify("this map has no round: metadata", timeout=3)
            return
        current = self.state.round
        later = [r for r in rounds if current is None or r > current]
        self.state.round = later[0] if later and current != rounds[-1] else None
        here = self.browser.current_entry()
        self.browser.show_map(keep=here.node if here else None)
        shown = self.overlay_pending or self.overlay.name
        if shown != "none":
            self.overlay_pending = shown
            self.browser.update_status()
            self._compute_overlay(self.map, shown)

    # --- editor and render ---------------------------------------------------------------------

    def action_edit(self) -> None:
        """Open $EDITOR at the line of the focused node (or diagnostic)."""
        path, line = self.browser.edit_target()
        if not path:
            self.notify("this map was not read from a file", severity="warning")
            return
        problem = open_in_editor(self, path, line)
        if problem:
            self.notify(problem, severity="error")
        self.refresh()
        self.check_file()

    def action_render(self) -> None:
        """Render the focused node's neighbourhood (or the whole map) to SVG."""
        entry = self.browser.current_entry()
        node = self.map.nodes.get(entry.node) if entry is not None else None
        focus = node.title if node is not None else None  # render focuses by title
        if node is not None and focus is None:
            self.notify("an untitled node cannot be focused: rendering the whole map")
        self.notify("rendering…", timeout=2)
        self._render(self.map, focus, render_path(self.path, focus))

    @work(thread=True, group="render", description="render to SVG")
    def _render(self, map_: Map, focus: str | None, path: Path) -> None:
        message, drawn = render_svg(map_, focus, path)
        self.call_from_thread(self._rendered, message, path if drawn else None)

    def _rendered(self, message: str, drawing: Path | None) -> None:
        if drawing is None:
            self.notify(visible(message), severity="error", timeout=8, markup=False)
            return
        self.state.drawing = drawing
        self.notify(visible(f"{message} · o opens it"), timeout=8, markup=False)

    def action_open_drawing(self) -> None:
        """Open the last drawing `r` made with the desktop's viewer (argmap/tui/opener.py)."""
        drawing = self.state.drawing
        if drawing is None or not drawing.exists():
            self.notify("no drawing to open: r draws the focused node first", timeout=4)
            return
        self._open(drawing)

    @work(thread=True, group="open", description="open the drawing")
    def _open(self, drawing: Path) -> None:
        problem = open_file(drawing)
        if problem:
            self.call_from_thread(self._not_opened, problem, drawing)

    def _not_opened(self, problem: str, drawing: Path) -> None:
        """Say why, and give the path instead: shown, and copied to the clipboard (through
        the terminal, where it lets programs do so)."""
        self.copy_to_clipboard(str(drawing))
        self.notify(visible(f"{problem}; the drawing is at {drawing} (path copied)"),
                    severity="warning", timeout=10, markup=False)

    # --- command palette -----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands plus every browser action."""
        yield from super().get_system_commands(screen)
        yield from browser_commands(self.browser, self)

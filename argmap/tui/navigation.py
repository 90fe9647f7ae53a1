"""Moving around the outline: jumps with a history to go back, and incremental search."""

from __future__ import annotations

from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input

from ..language.report import plural
from ..model import NodeEntry
from ..printable import visible
from ._textual_internals import send_pending_refreshes, use_layout_compositor
from .map_index import SearchHits
from .state import BrowserState
from .widgets import OutlineTree, SearchBar
from .widgets.labels import shorten


class NavigatingScreen(Screen):
    """A screen with an outline to jump around in (`BrowserScreen` builds on it), in the map
    of `state` (which the app changes: the screen only reads it)."""

    #: seconds the cursor must rest before what describes it follows (0: at once): the
    #: detail pane, and the count of the search's hits; holding a key down or typing a
    #: search then does not pay for them at every step
    DETAIL_DELAY = 0.04

    def __init__(self, state: BrowserState) -> None:
        super().__init__()
        self.state = state
        use_layout_compositor(self)  # (see argmap/tui/_textual_internals.py)
        self._count_timer: Timer | None = None
        #: where the cursor was before each jump (Backspace goes back)
        self.history: list[NodeEntry] = []
        #: the nodes the search found, and the position (in map order) of the one the
        #: cursor is on (-1: none)
        self.hits: SearchHits = SearchHits.NONE
        self.hit_position = -1

    @property
    def tree(self) -> OutlineTree:
        return self.query_one(OutlineTree)

    def current_entry(self) -> NodeEntry | None:
        """The node entry under the cursor, if the cursor is on one."""
        node = self.tree.cursor_node
        return node.data.entry if node is not None and node.data is not None else None

    def update_status(self) -> None:
        """Show the search position (and whatever else the screen tells) in the status line."""

    def send_refreshes_now(self) -> None:
        """Hand the screen at once the repaints and layouts its widgets asked for. Each
        widget sends them when its own message queue is idle, and the screen paints as
        soon as it is idle itself: for a change that touches several widgets (the outline
        moved, the status line, the search line) it painted a frame before the last of
        them arrived, then a second one. Sent now, they are in the queue before it paints.
        """
        for widget in self.walk_children(Widget):
            send_pending_refreshes(widget)

    def say(self, message: str, severity: str = "information") -> None:
        """A notification holding map text: shown as written (not markup), control characters
        escaped (printable.visible)."""
        from rich.markup import escape

        self.notify(escape(visible(message, newlines=False)), severity=severity)  # type: ignore[arg-type]

    # --- jumping -----------------------------------------------------------------------------

    def say_where_defined(self, node_id: str) -> None:
        """For a node defined outside the outline (in an included file): say where."""
        node = self.state.map.nodes.get(node_id)
        if node is None:
            self.say(f"{node_id} is not defined anywhere", severity="warning")
        else:
            self.say(f"{node.label} is defined in {node.span.path}, line {node.span.line}")

    def jump_to_node(self, node_id: str) -> bool:
        """Go to where `node_id` is defined, remembering where we were."""
        entry = self.state.model.entry_for_node(node_id)
        if entry is None:
            node = self.state.map.nodes.get(node_id)
            where = f" (it is in {node.span.path})" if node and node.span.path else ""
            self.say(f"{node_id} is not in this outline{where}", severity="warning")
            return False
        return self.jump(entry)

    def jump(self, entry: NodeEntry | None, *, remember: bool = True) -> bool:
        """Put the cursor on `entry`; with `remember`, Backspace comes back here."""
        if entry is None:
            return False
        here = self.current_entry()
        if self.tree.reveal(entry) is None:
            self.notify("that node is hidden by the current filter", severity="warning")
            return False
        if remember and here is not None and here is not entry:
            self.history.append(here)
        self.send_refreshes_now()
        return True

    def action_back(self) -> None:
        """Return to where the cursor was before the last jump."""
        while self.history:
            if self.tree.reveal(self.history.pop()) is not None:
                self.send_refreshes_now()
                return
        self.notify("nothing to go back to")

    # --- search ------------------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()
        here = self.current_entry()
        if here is not None:
            self.history.append(here)

    def on_input_changed(self, event: Input.Changed) -> None:
        """A letter typed in the search: jump to the first hit now, count them all once the
        typing rests (at 100,000 nodes the count of a first letter, which most nodes hold,
        costs as much as the jump: 10-20 ms)."""
        if event.input.id != "search":
            return
        self.hits = hits = self.state.model.search(event.value.strip())
        self.hit_position = -1
        position = hits.first(0)
        while position is not None:
            self.hit_position = position
            if self.reveal_hit(position):
                break
            position = hits.first(position + 1)
        self.update_status()
        self.send_refreshes_now()
        if not hits.ready:
            self.count_hits_soon()

    def count_hits_soon(self) -> None:
        """Count the search's hits once the typing has rested for `DETAIL_DELAY` (with no
        delay: once the jump is painted)."""
        if self.DETAIL_DELAY <= 0:
            self.call_after_refresh(self.count_hits, self.hits)
        elif self._count_timer is None:
            self._count_timer = self.set_timer(self.DETAIL_DELAY, self._count_due)
        else:
            self._count_timer.reset()

    def _count_due(self) -> None:
        self._count_timer = None
        self.count_hits(self.hits)

    def count_hits(self, hits: SearchHits) -> None:
        """Find every hit of `hits` (if still the current search) and show the count."""
        if hits is self.hits and not hits.ready:
            hits.positions()
            self.update_status()

    def reveal_hit(self, position: int) -> bool:
        """Put the cursor on the hit at `position` (map order); False if it is not shown."""
        entry = self.state.model.entry_for_node(self.hits.id_at(position))
        return entry is not None and self.tree.reveal(entry) is not None

    @property
    def hit_index(self) -> int:
        """Which hit (0, 1, ...) the cursor is on; -1 if none (the hits are found if not yet)."""
        return self.hits.index_of(self.hit_position) if self.hit_position >= 0 else -1

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.close_search()

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        self.close_search(forget=True)

    def close_search(self, *, forget: bool = False) -> None:
        """Close the search line; Enter keeps the search for n/N, Escape (`forget`) drops it
        (and the status line no longer speaks of it)."""
        self.query_one(SearchBar).display = False
        if forget:
            self.hits, self.hit_position = SearchHits.NONE, -1
        self.update_status()
        self.tree.focus()

    def search_status(self) -> str | None:
        """What the status line says of the search: the query and the hit the cursor is on,
        or how many there are once it moved off them; None without a search."""
        hits = self.hits
        if not hits.needle:
            return None
        query = "/" + shorten(hits.needle, 24)
        keys = "" if self.query_one(SearchBar).display else " (n N)"
        if not hits.ready:
            return f"{query}: hit …" if self.hit_position >= 0 else f"{query}: nothing found"
        if not hits:
            return f"{query}: nothing found"
        here = self.current_entry()
        if self.hit_position >= 0 and here is not None and here.node == hits.id_at(self.hit_position):
            return f"{query}: hit {self.hit_index + 1}/{len(hits)}{keys}"
        return f"{query}: {plural(len(hits), 'hit')}{keys}"

    def action_next_hit(self, step: int = 1) -> None:
        """Move to the next search hit (`step` -1: the previous one)."""
        hits = self.hits
        if not hits.needle:
            self.notify("no search to repeat: / starts one")
            return
        positions = hits.positions()
        index = self.hit_index
        for _ in range(len(positions)):
            index = (index + step) % len(positions)
            self.hit_position = positions[index]
            if self.reveal_hit(self.hit_position):
                break
        self.update_status()
        self.send_refreshes_now()

    def action_previous_hit(self) -> None:
        self.action_next_hit(-1)

"""The browser screen: outline, detail pane, panels, boxes over them, and the filters."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, Static, Tree

from ..language.report import counted
from ..printable import visible
from .dialogs import Dialog, HelpBox, KeyLine, PickBox
from .filters import actor_choices
from .navigation import NavigatingScreen
from .outline_model import Row
from .state import BrowserState
from .widgets import DetailPane, DiagnosticsPanel, OutlineTree, RelationList, SearchBar


class BrowserScreen(NavigatingScreen):
    """Where the map is read: the panes, panels and boxes, and the filters (the jumps and
    the search are `NavigatingScreen`'s). It shows the app's `state`, and shows it again
    when the app says it changed (`show_map`, `show_overlay`, `show_diagnostics`, ...)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # the keys of a box over the browser, while it is open (`action_box_key`)
        *(Binding(key, f"box_key('{key}')", show=False, priority=True) for key in Dialog.BOX_KEYS),
        Binding("slash", "search", "Search"),
        Binding("n", "next_hit", "Next hit", show=False),
        Binding("N,shift+n", "previous_hit", "Previous hit", show=False),
        Binding("backspace", "back", "Back"),
        Binding("a", "filter_actor", "Actor"),
        Binding("t", "filter_tag", "Tag"),
        Binding("s", "app.cycle_overlay", "Semantics"),
        Binding("d", "diagnostics", "Diagnostics"),
        Binding("e", "app.edit", "Edit"),
        Binding("r", "app.render", "Render"),
        Binding("o", "app.open_drawing", "Open drawing", show=False),
        Binding("R,shift+r", "app.cycle_round", "Round", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    #: which widget has the keys; Textual's own declaration repaints the whole screen when it
    #: changes, but the widgets that gain and lose focus repaint themselves (their style
    #: changes), and the rest of the screen does not depend on it
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, state: BrowserState) -> None:
        super().__init__(state)
        self._detail_timer: Timer | None = None
        self._boxes: list[Dialog] = []
        self.actor_filter: str | None = None
        self.tag_filter: str | None = None

    def compose(self) -> ComposeResult:
        # What appears over the panes comes first: showing or hiding a widget renumbers the
        # painting order of the siblings placed after it, and a widget whose order changes
        # is repainted whole (the overlays first: opening one repaints only itself).
        yield HelpBox(id="help-box")
        yield PickBox("actor", "Show only the nodes of one actor", id="actor-box", classes="pick-box")
        yield PickBox("tag", "Show only the nodes with one tag", id="tag-box", classes="pick-box")
        yield DiagnosticsPanel(id="diagnostics")
        yield SearchBar(placeholder="search titles and texts…", id="search")
        yield Header(show_clock=False, icon="⚖")
        with Horizontal(id="panes"):
            yield OutlineTree(id="outline")
            yield DetailPane(id="detail")
        yield Static(id="status")
        yield KeyLine(id="keys")

    def on_mount(self) -> None:
        self.tree.border_title = "Outline"
        self.query_one(DetailPane).border_title = "Details"
        self.query_one(DiagnosticsPanel).border_title = "Diagnostics (enter: go to line, e: edit)"
        self.query_one(DiagnosticsPanel).display = False
        self.query_one(SearchBar).display = False
        self.place_notifications()
        self.show_map()
        self.tree.focus()
        self.call_after_refresh(self.query_one(HelpBox).prepare)

    # --- showing the map ---------------------------------------------------------------------

    def show_map(self, keep: str | None = None, *, detail_now: bool = True) -> None:
        """(Re)build the outline from the state's model; keep the cursor on node `keep`. The
        detail pane is filled at once, or (not `detail_now`) once the cursor rests, as after
        any move of the cursor."""
        state = self.state
        state.model.filter_by(self.actor_filter, self.tag_filter)
        state.model.show_round(state.round)
        self.tree.show_model(state.model, state.overlay)
        self.history = [
            e if state.model.contains(e) else state.model.entry_for_node(e.node) for e in self.history
        ]
        self.history = [e for e in self.history if e is not None]
        entry = state.model.entry_for_node(keep) if keep else None
        if entry is None or self.tree.reveal(entry) is None:
            self.tree.move_to_first_entry()
        self.update_status()
        if detail_now:
            self.show_detail()
        else:
            self.show_detail_soon()
        self.query_one("#actor-box", PickBox).fill(actor_choices(state.map))
        self.send_refreshes_now()

    def edit_target(self) -> tuple[str | None, int]:
        """The file and line `e` opens: the highlighted diagnostic's, else the node's."""
        panel = self.query_one(DiagnosticsPanel)
        if panel.has_focus and panel.diagnostics and panel.highlighted is not None:
            span = panel.diagnostics[panel.highlighted].span
            return span.path or self.state.path, span.line
        entry = self.current_entry()
        if entry is None:
            return self.state.path, 1
        return entry.span.path or self.state.path, entry.span.line

    def show_detail(self) -> None:
        """Fill the detail pane for the row under the cursor."""
        state, pane = self.state, self.query_one(DetailPane)
        node = self.tree.cursor_node
        row: Row | None = node.data if node is not None else None
        if row is None:
            empty = "No node matches the filters (a, t: change them)." if (
                self.actor_filter or self.tag_filter) else "The map is empty."
            pane.show_text(Text(empty))
        elif row.entry is not None and row.entry.node in state.map.nodes:
            map_node = state.map.nodes[row.entry.node]
            relations = state.model.relations_of(map_node.id)
            pane.show_node(state.map, map_node, state.overlay, relations, state.read_lines)
        elif row.kind == "section":
            section = state.map.sections.get(row.section or "")
            pane.show_text(Text(visible(f"§ {section.title if section else ''}"), style="bold"))
        elif row.kind == "include" and row.included is not None:
            pane.show_text(Text.assemble((visible(f"⇲ {row.included.path}"), "bold"),
                                         f"\nincluded at line {row.included.span.line}"))
        elif row.kind == "range":
            pane.show_text(Text(f"Rows {row.start + 1:,} to {row.stop:,}; expand to see them."))
        else:
            pane.show_text(Text(visible(f"{row.node_id} is not defined in this map."), style="red"))

    def update_status(self) -> None:
        """The status line: overlay, filters, search hits, diagnostics."""
        state = self.state
        parts = [f"{len(state.map.nodes):,} nodes · {len(state.map.relations):,} relations"]
        if state.preview:
            parts = [f"the first {len(state.map.nodes):,} nodes · reading the whole map…"]
        if state.overlay_pending:
            parts.append(f"overlay: {state.overlay_pending}…")
        elif state.overlay.name != "none":
            parts.append(f"overlay: {state.overlay.name}")
        if state.round is not None:
            parts.append(f"after round {state.round}")
        if self.actor_filter:
            parts.append(f"actor: @{self.actor_filter}")
        if self.tag_filter:
            parts.append(f"tag: #{self.tag_filter}")
        search = self.search_status()  # (the hits are counted once the typing rests)
        if search:
            parts.append(search)
        if state.diagnostics:
            parts.append(f"{counted(state.diagnostics)} (d)")
        # a fixed-size line: no layout pass needed (one costs more than the rest of a key)
        self.query_one("#status", Static).update(" │ ".join(parts), layout=False)

    def show_tag_choices(self) -> None:
        """Fill the tag picker from the model's tags (once its lookups are made)."""
        self.query_one("#tag-box", PickBox).fill(self.state.model.tag_choices())

    def show_overlay(self) -> None:
        """Show the state's overlay: on the outline's rows, the detail pane, the status."""
        self.tree.relabel(self.state.overlay)
        self.show_detail()
        self.update_status()

    @property
    def is_browsing(self) -> bool:
        """False once the app is closing (a background result then has nowhere to go)."""
        return self.is_attached and bool(self.query(DiagnosticsPanel))

    def show_diagnostics(self, *, open_panel: bool = False, close_if_clean: bool = False) -> None:
        """Refresh the diagnostics panel; open it, or close it when all is well, if asked."""
        panel = self.query_one(DiagnosticsPanel)
        panel.show(self.state.diagnostics)
        if open_panel:
            self.show_panel(True)
        elif close_if_clean and not self.state.diagnostics and not panel.has_focus:
            self.show_panel(False)
        self.update_status()

    def show_panel(self, shown: bool) -> None:
        """Show or hide the diagnostics panel. It is drawn over the bottom of the panes (no
        layout of the screen): while it is there the outline keeps its cursor in the middle
        of its rows, above the panel."""
        self.query_one(DiagnosticsPanel).display = shown
        self.tree.center_scroll = shown
        self.place_notifications()

    def place_notifications(self) -> None:
        """Put the notifications (Textual's `ToastRack`, in the bottom right corner) above
        the diagnostics panel while it is open, else above the status line: a note such as
        "reloaded: 1 error" covered the panel it points to."""
        panel = self.query_one(DiagnosticsPanel)
        bottom = panel.styles.margin.bottom + (panel.outer_size.height if panel.display else 0)
        for rack in self.query("ToastRack"):  # (by its CSS type: Textual's way to place it)
            rack.styles.margin = (0, 0, bottom, 0)

    def on_diagnostics_panel_resized(self, event: DiagnosticsPanel.Resized) -> None:
        self.place_notifications()

    # --- events ------------------------------------------------------------------------------

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Row]) -> None:
        self.show_detail_soon()
        if self.hits.needle:  # on a hit or off it: the status line says which
            self.update_status()

    def show_detail_soon(self) -> None:
        """Fill the detail pane once the cursor has rested for `DETAIL_DELAY`."""
        if self.DETAIL_DELAY <= 0:
            self.show_detail()
        elif self._detail_timer is None:
            self._detail_timer = self.set_timer(self.DETAIL_DELAY, self._detail_due)
        else:
            self._detail_timer.reset()

    def _detail_due(self) -> None:
        self._detail_timer = None
        self.show_detail()

    def on_tree_node_selected(self, event: Tree.NodeSelected[Row]) -> None:
        row = event.node.data
        if row is not None and row.entry is not None and row.entry.is_reference:
            if self.state.model.definition(row.entry.node) is not None:
                self.jump_to_node(row.entry.node)
            else:
                self.say_where_defined(row.entry.node)
        elif event.node.allow_expand:
            event.node.toggle()

    def on_relation_list_follow(self, event: RelationList.Follow) -> None:
        if self.state.map.relations.get(event.target) is not None:
            self.jump(self.state.model.entry_for_relation(event.target))
        else:
            self.jump_to_node(event.target)
        self.tree.focus()

    def on_diagnostics_panel_jump(self, event: DiagnosticsPanel.Jump) -> None:
        span = event.diagnostic.span
        entry = self.state.model.entry_at_line(span.line, span.path)
        if entry is None:
            self.notify(f"no node is written there ({span.path or 'the map'}, line {span.line})")
            return
        self.jump(entry)
        self.tree.focus()

    # --- filters, panels, help ----------------------------------------------------------------

    def action_filter_actor(self) -> None:
        self.open_dialog(self.query_one("#actor-box", PickBox), actor_choices(self.state.map),
                         self.actor_filter)

    def action_filter_tag(self) -> None:
        self.open_dialog(self.query_one("#tag-box", PickBox), self.state.model.tag_choices(),
                         self.tag_filter)

    def open_dialog(self, box: Dialog, *ask) -> None:
        """Show `box` over the browser (a picker is asked `ask`); while it is open it has
        the keys it uses and the browser's keys are off (`check_action`)."""
        if isinstance(box, PickBox):
            box.ask(*ask)
        else:
            box.open_box()

    @property
    def open_box(self) -> Dialog | None:
        """The box shown over the browser, if any (asked for every binding Textual checks)."""
        if not self._boxes:
            self._boxes = list(self.query(Dialog))
        return next((box for box in self._boxes if box.is_open), None)

    def action_box_key(self, key: str) -> None:
        """A key an open box uses: to the box (without a box, the key goes on as usual)."""
        box = self.open_box
        if box is None:
            raise SkipAction()
        box.handle_key(key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a box is open, only its keys act."""
        return action == "box_key" or self.open_box is None

    def on_dialog_closed(self, event: Dialog.Closed) -> None:
        self.send_refreshes_now()

    def on_pick_box_picked(self, event: PickBox.Picked) -> None:
        # the box closes and the new outline is built in the same step: painted in one frame
        self.query_one(f"#{event.purpose}-box", PickBox).close_box()
        if event.purpose == "actor":
            self.actor_filter = event.value or None
        else:
            self.tag_filter = event.value or None
        here = self.current_entry()
        # the new outline is this key's frame; the detail pane (a node's description, its
        # relations, its source lines: 8-12 ms with their layout) follows the cursor as
        # after any move
        self.show_map(keep=here.node if here else None, detail_now=False)

    def action_diagnostics(self) -> None:
        panel = self.query_one(DiagnosticsPanel)
        if panel.display and panel.has_focus:
            self.show_panel(False)
            self.tree.focus()
        else:
            self.show_diagnostics(open_panel=True)
            panel.focus()

    def action_help(self) -> None:
        self.open_dialog(self.query_one(HelpBox))

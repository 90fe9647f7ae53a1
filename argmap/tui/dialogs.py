"""The key help (`?`) and the picker of the actor and tag filters: boxes drawn over the
browser on a layer of its own, shown and hidden rather than pushed as screens.

Pushing a `ModalScreen` repaints the whole terminal (the browser dimmed beneath) when it opens
and again when it closes, about 60 ms each time: a box on a layer repaints only itself.
While a box is open only its keys act, as on a modal screen (the browser screen hands them
to it and turns its own off; the focus does not move).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .widgets.options import SteadyOptionList

#: every key of the browser, as the help screen lists it (tests check it matches the bindings)
KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓  j k", "move in the outline"),
    ("→ ← l h", "expand / collapse (← on a closed row goes to its parent)"),
    ("space", "expand or collapse"),
    ("enter", "follow a reference to its definition / a relation in the detail pane"),
    ("tab", "move between the outline, the relations and the panels"),
    ("backspace", "go back to where you were before the last jump"),
    ("/", "search titles and texts as you type (enter keeps the hit, escape closes)"),
    ("n  N", "next / previous search hit"),
    ("a", "show only one actor's nodes (and what leads to them)"),
    ("t", "show only nodes with one tag"),
    ("s", "cycle the overlay: none, grounded, preferred, strength"),
    ("d", "diagnostics panel (enter jumps to the line)"),
    ("e", "open $EDITOR at the node's line (or the diagnostic's)"),
    ("r", "render the focused node's neighbourhood (or the map) to SVG"),
    ("o", "open the last drawing with the desktop's viewer (xdg-open, open)"),
    ("R", "the map as it stood after the next round, then the whole map"),
    ("ctrl+p", "command palette: every action by name"),
    ("?", "this help"),
    ("q", "quit"),
)


#: the key line at the bottom, in its order (a line of our own: Textual's Footer rebuilds
#: itself on every focus change, which costs more than the key that caused it)
KEY_LINE: tuple[tuple[str, str], ...] = (
    ("/", "search"), ("⌫", "back"), ("a", "actor"), ("t", "tag"), ("s", "semantics"),
    ("d", "diagnostics"), ("e", "edit"), ("r", "render"), ("?", "help"), ("^p", "palette"),
    ("q", "quit"),
)
#: what a narrow key line keeps, the most needed first: it drops from the end of this list
KEY_LINE_NEEDED: tuple[str, ...] = ("q", "?", "/", "d", "s", "a", "t", "e", "r", "⌫", "^p")


def key_line(width: int) -> Text:
    """The key line for `width` columns: the hints the width holds, the most needed first
    (`KEY_LINE_NEEDED`), shown in `KEY_LINE`'s order."""
    hints = {key: Text.assemble((f" {key} ", "bold reverse"), f" {name} ") for key, name in KEY_LINE}
    kept: set[str] = set()
    for key in KEY_LINE_NEEDED:
        if hints[key].cell_len > width:
            break
        width -= hints[key].cell_len
        kept.add(key)
    return Text("").join(hints[key] for key, _ in KEY_LINE if key in kept)


class KeyLine(Static):
    """The key line: as many keys as the terminal's width holds (help and quit always)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(key_line(10_000), **kwargs)

    def on_resize(self, event: events.Resize) -> None:
        self.update(key_line(event.size.width), layout=False)


#: where a closed box waits: laid out like an open one, but above the top of the screen
CLOSED_OFFSET = (0, -1000)


class Dialog(Vertical):
    """A box over the browser, closed until `open_box`; Escape closes it (`Closed`).

    A closed box stays laid out, out of sight above the screen, on a layer of its own:
    opening it moves it to the middle. Textual leaves a hidden widget (`visibility`,
    `display`) out of its layout, so showing one sized it and everything in it for the
    first time, then again (its size change asked for a second layout), and sent it a
    Resize event that made an option list render all its options again, on every opening.
    A box that only moves keeps its size and what it has rendered.

    The focus stays where it was: the screen hands an open box the keys it uses
    (`BOX_KEYS`, `handle_key`) and turns its other keys off. (Moving the focus into the
    box and back restyled the outline and the box twice on every opening and closing.)
    """

    #: keys an open box may use; the screen gives them to it before anything else
    BOX_KEYS: ClassVar[tuple[str, ...]] = (
        "up", "down", "j", "k", "home", "end", "pageup", "pagedown", "enter", "escape", "q",
        "question_mark")

    #: open: in the middle of the screen, with the keys
    is_open = False

    class Closed(Message):
        """The box was closed without a choice."""

    def __init__(self, *children: Widget, **kwargs) -> None:
        super().__init__(*children, **kwargs)
        self.styles.offset = CLOSED_OFFSET

    def open_box(self) -> None:
        """Show the box (the screen then gives it the keys)."""
        self.is_open = True
        self.styles.offset = (0, 0)

    def close_box(self) -> None:
        """Hide the box."""
        self.is_open = False
        self.styles.offset = CLOSED_OFFSET

    def handle_key(self, key: str) -> None:
        """A key of `BOX_KEYS` pressed while the box is open: Escape closes it."""
        if key == "escape":
            self.action_close()

    def prepare(self) -> None:
        """Render what the box shows while it is closed (call when the browser is idle):
        its first opening then only paints it."""
        for widget in self.walk_children(Widget, with_self=True):
            width, height = widget.size
            if width and height:
                widget.render_lines(Region(0, 0, width, height))

    def action_close(self) -> None:
        self.close_box()
        self.post_message(self.Closed())


class KeyTable(VerticalScroll, can_focus=False):
    """The help's table of keys, scrolled by the help's keys where the screen is too short."""


class HelpBox(Dialog):
    """Every key, in a box over the browser; any of escape, q, ? closes it, the arrows (or
    j k, page up and down, home, end) scroll it where it does not fit."""

    #: what the help's keys do to its table
    SCROLLS: ClassVar[dict[str, str]] = {
        "up": "scroll_up", "down": "scroll_down", "k": "scroll_up", "j": "scroll_down",
        "pageup": "scroll_page_up", "pagedown": "scroll_page_down", "home": "scroll_home",
        "end": "scroll_end"}

    def handle_key(self, key: str) -> None:
        """Escape, q and ? close the help; the others scroll it."""
        if key in ("escape", "q", "question_mark"):
            self.action_close()
        elif key in self.SCROLLS:  # (Widget's scroll actions would pass the key on if the
            # table does not scroll: to the outline under the box)
            getattr(self.query_one(KeyTable), self.SCROLLS[key])(animate=False)

    def compose(self) -> ComposeResult:
        yield Static("argmap browse — keys", classes="dialog-title")
        with KeyTable(id="help-keys"):
            yield Static(key_table())
        yield Static("↑ ↓ scroll · escape closes", classes="dialog-hint")


def key_table() -> Text:
    """KEYS as two columns of plain text (a Rich table would be measured on every layout)."""
    width = max(len(key) for key, _ in KEYS) + 2
    table = Text()
    for key, meaning in KEYS:
        table.append(key.ljust(width), style="bold cyan").append(meaning + "\n")
    table.rstrip()
    return table


class PickList(SteadyOptionList, can_focus=False):
    """The choices of a `PickBox` (moved by the box's keys, never focused)."""


class PickBox(Dialog):
    """Choose one value from a list (Enter); the first choice clears the filter. Each filter
    has its own box, which keeps its list from one opening to the next (filling it again
    costs more than the rest of the key)."""

    #: the value picked by the "show everything" choice
    CLEAR = ""

    class Picked(Message):
        """`value` was chosen for the filter `purpose` (`CLEAR`: show everything); the
        box is still open."""

        def __init__(self, purpose: str, value: str) -> None:
            self.purpose = purpose
            self.value = value
            super().__init__()

    def __init__(self, purpose: str, title: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.purpose = purpose
        self.title = title
        self.choices: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(self.title, classes="dialog-title")
        yield PickList(classes="pick-list")
        yield Static("↑ ↓ or j k move · enter picks · escape closes", classes="dialog-hint")

    def fill(self, choices: list[tuple[str, str]]) -> None:
        """List `choices` (`(label, value)`) after "(everything)", if they changed (while
        the box is hidden, so that opening it costs less)."""
        choices = [("(everything)", self.CLEAR), *choices]
        if choices != self.choices:
            self.choices = choices
            options = self.query_one(OptionList)
            options.clear_options()
            options.add_options([Option(label) for label, _ in choices])
            if not self.is_open:
                self.call_after_refresh(self.prepare)  # once laid out with its new size

    def ask(self, choices: list[tuple[str, str]], current: str | None) -> None:
        """Offer `choices` (`(label, value)`), the `current` one highlighted."""
        self.fill(choices)
        values = [value for _, value in self.choices]
        self.query_one(OptionList).highlighted = values.index(current) if current in values else 0
        self.open_box()

    #: what the box's keys do to its list
    LIST_ACTIONS: ClassVar[dict[str, str]] = {
        "up": "cursor_up", "down": "cursor_down", "k": "cursor_up", "j": "cursor_down",
        "home": "first", "end": "last",
        "pageup": "page_up", "pagedown": "page_down", "enter": "select"}

    def handle_key(self, key: str) -> None:
        """Move in the list, Enter picks, Escape closes."""
        action = self.LIST_ACTIONS.get(key)
        if action is not None:
            getattr(self.query_one(OptionList), f"action_{action}")()
        else:
            super().handle_key(key)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # the box stays open until the screen applies the choice (`close_box`): both are
        # then painted in one frame
        event.stop()
        self.post_message(self.Picked(self.purpose, self.choices[event.option_index][1]))

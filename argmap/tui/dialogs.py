"""Modal screens: the key help (`?`) and the picker used by the actor and tag filters."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

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
    ("ctrl+p", "command palette: every action by name"),
    ("?", "this help"),
    ("q", "quit"),
)


#: the key line at the bottom (a fixed line: Textual's Footer rebuilds itself on every focus
#: change, which costs more than the key that caused it)
KEY_HINTS = Text.assemble(*(
    part for key, name in (
        ("/", "search"), ("⌫", "back"), ("a", "actor"), ("t", "tag"),
        ("s", "semantics"), ("d", "diagnostics"), ("e", "edit"), ("r", "render"), ("?", "help"),
        ("^p", "palette"), ("q", "quit"),
    ) for part in ((f" {key} ", "bold reverse"), (f" {name} ", ""))
))


class HelpScreen(ModalScreen[None]):
    """Every key, in a box over the browser; any of escape, q, ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for key, meaning in KEYS:
            table.add_row(key, meaning)
        with Vertical(id="help-box"):
            yield Static("argmap browse — keys", classes="dialog-title")
            yield Static(table)
            yield Static("escape closes", classes="dialog-hint")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


class PickScreen(ModalScreen["str | None"]):
    """Choose one value from a list (Enter); the first choice clears the filter."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    #: the value returned for the "show everything" choice
    CLEAR = ""

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = [("(everything)", self.CLEAR), *choices]
        self.current = current or self.CLEAR

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            yield Static(self.title_text, classes="dialog-title")
            yield OptionList(
                *(Option(label, id=f"v{i}") for i, (label, _) in enumerate(self.choices)),
                id="pick-list",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for _, value in self.choices]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)

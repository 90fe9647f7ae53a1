"""The diagnostics panel: parse and check findings; Enter jumps to the line."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...errors import Diagnostic, Severity
from ...printable import visible
from .options import VI_KEYS

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}


def diagnostic_line(diagnostic: Diagnostic) -> Text:
    """One finding on one line: `12:5 error[code] message — hint`."""
    span = diagnostic.span
    text = Text(f"{span.line}:{span.column} ", style="dim")
    text.append(diagnostic.severity.value, style=_STYLES[diagnostic.severity])
    text.append(f"[{diagnostic.code}] ", style="dim")
    text.append(visible(diagnostic.message, newlines=False))
    if diagnostic.hint:
        text.append(visible(f" — {diagnostic.hint}", newlines=False), style="italic dim")
    return text


class DiagnosticsPanel(OptionList):
    """Findings about the map; selecting one asks to jump to its line."""

    BINDINGS: ClassVar[list[BindingType]] = VI_KEYS

    class Jump(Message):
        """Move to the node written at `line` of the map."""

        def __init__(self, diagnostic: Diagnostic) -> None:
            self.diagnostic = diagnostic
            super().__init__()

    class Resized(Message):
        """The panel's size changed (what is placed above it may have to move)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.diagnostics: list[Diagnostic] = []

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())

    def show(self, diagnostics: list[Diagnostic]) -> None:
        """Replace the findings listed."""
        self.diagnostics = list(diagnostics)
        self.clear_options()
        if not self.diagnostics:
            self.add_option(Option(Text("No problems found.", style="green"), disabled=True))
            return
        self.add_options([Option(diagnostic_line(d)) for d in self.diagnostics])
        self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.diagnostics:
            self.post_message(self.Jump(self.diagnostics[event.option_index]))

"""The search line at the bottom: incremental search over node titles and texts."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An `Input` that closes on Escape; the screen searches as the text changes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close search")]

    class Closed(Message):
        """The user left the search line (Escape)."""

    def action_close(self) -> None:
        self.post_message(self.Closed())

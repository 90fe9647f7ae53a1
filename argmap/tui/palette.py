"""The browser's entries in Textual's command palette (ctrl+p): every action by name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from textual.app import SystemCommand

from .screens import BrowserScreen


class AppActions(Protocol):
    """The app's actions the palette offers (`ArgmapApp`'s)."""

    def action_cycle_overlay(self) -> None: ...
    def action_edit(self) -> None: ...
    def action_render(self) -> None: ...
    def action_open_drawing(self) -> None: ...
    def action_cycle_round(self) -> None: ...
    def action_reload(self) -> None: ...


def browser_commands(b: BrowserScreen, app: AppActions) -> Iterable[SystemCommand]:
    """A command for each key of the browser screen `b` and of `app`, with the key in its
    help."""
    yield SystemCommand("Search", "Search titles and texts (/)", b.action_search)
    yield SystemCommand("Next hit", "Next search hit (n)", b.action_next_hit)
    yield SystemCommand("Previous hit", "Previous search hit (N)", b.action_previous_hit)
    yield SystemCommand("Back", "Go back before the last jump (backspace)", b.action_back)
    yield SystemCommand("Filter by actor", "Show one actor's nodes (a)", b.action_filter_actor)
    yield SystemCommand("Filter by tag", "Show nodes with a tag (t)", b.action_filter_tag)
    yield SystemCommand("Cycle semantics overlay",
                        "none, grounded, preferred, strength (s)", app.action_cycle_overlay)
    yield SystemCommand("Diagnostics", "Show the diagnostics panel (d)", b.action_diagnostics)
    yield SystemCommand("Edit", "Open $EDITOR at the node's line (e)", app.action_edit)
    yield SystemCommand("Render to SVG", "Render the focused neighbourhood (r)",
                        app.action_render)
    yield SystemCommand("Open the drawing", "Open the last drawing in the desktop's viewer (o)",
                        app.action_open_drawing)
    yield SystemCommand("Next round", "The map as it stood after the next round (R)",
                        app.action_cycle_round)
    yield SystemCommand("Reload", "Read the file again now", app.action_reload)
    yield SystemCommand("Help", "Every key (?)", b.action_help)

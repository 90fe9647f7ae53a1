"""What the browser shows, held by the app and read by its screen.

State flows down: `ArgmapApp` owns one `BrowserState` and changes it (a reload, an overlay
computed, the checks done), then tells its `BrowserScreen` to show it again; the screen only
reads it. Events flow up as Textual messages and actions. So the screens need not import
the app, nor the app reach into the screens' widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic
from ..model import Map
from .live import file_lines
from .outline_model import OutlineModel
from .overlay import Overlay


@dataclass(eq=False)
class BrowserState:
    """The map shown, its outline model, diagnostics and overlay, and the lines of its files."""

    map: Map
    #: the file the map was read from (None: not read from a file)
    path: str | None
    model: OutlineModel
    diagnostics: list[Diagnostic] = field(default_factory=list)
    overlay: Overlay = field(default_factory=Overlay)
    #: the overlay being computed, if any
    overlay_pending: str | None = None
    #: `map` is the first part of the map at `path` (argmap/tui/preview.py)
    preview: bool = False
    #: set once the checks and lookups have been started (after the first paint)
    background_started: bool = False
    #: the round the browser shows the map after (`R`); None: the whole map
    round: int | None = None
    #: the lines of the files read so far, by path
    lines: dict[str, list[str]] = field(default_factory=dict)
    #: the last drawing `r` made (`o` opens it)
    drawing: Path | None = None

    def read_lines(self, path: str) -> list[str]:
        """The lines of `path` as loaded; empty while the map's own file is still being read
        in the background (a big file would hold up the first screen)."""
        if path not in self.lines:
            if path == self.path and (self.preview or not self.background_started):
                return []
            self.lines[path] = file_lines(path)
        return self.lines[path]

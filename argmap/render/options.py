"""What a drawing shows and how: the render options shared by `render`, `watch` and the TUI."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError
from ..model import Map

RANKDIRS = ("BT", "TB", "LR", "RL")
GROUPINGS = ("section", "actor", "none")


@dataclass(frozen=True)
class RenderOptions:
    """Options of one drawing. `focus` is a node title; `actors` / `tags` keep matching nodes;
    `round` draws the map as it stood after that round (argmap/analyze/replay.py)."""

    rankdir: str = "BT"
    show_text: bool = True
    wrap: int = 34
    group_by: str = "section"
    focus: str | None = None
    depth: int = 2
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    legend: bool = True
    round: int | None = None

    def validated(self, map_: Map) -> "RenderOptions":
        """Self, after checking every option against the map; raises UsageError otherwise."""
        if self.rankdir not in RANKDIRS:
            raise UsageError(f"--rankdir must be one of {', '.join(RANKDIRS)}, not {self.rankdir!r}")
        if self.group_by not in GROUPINGS:
            raise UsageError(f"--group-by must be one of {', '.join(GROUPINGS)}, not {self.group_by!r}")
        if self.wrap < 8:
            raise UsageError(f"--wrap must be at least 8 columns, not {self.wrap}")
        if self.depth < 0:
            raise UsageError(f"--depth must be 0 or more, not {self.depth}")
        if self.round is not None and (isinstance(self.round, bool) or not isinstance(self.round, int)
                                       or self.round < 0):
            raise UsageError(f"--round must be a whole number, 0 or more, not {self.round!r}")
        if self.focus is not None and map_.node_by_title(self.focus) is None:
            raise UsageError(f"--focus: no node titled {self.focus!r} in the map")
        unknown = [a for a in self.actors if a not in map_.actors]
        if unknown:
            known = ", ".join(sorted(map_.actors)) or "none"
            raise UsageError(f"--actor: unknown actor {unknown[0]!r} (actors: {known})")
        return self

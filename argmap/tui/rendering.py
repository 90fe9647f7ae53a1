"""`r` in the browser: draw the focused neighbourhood (or the whole map) to an SVG file."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ..errors import ArgmapError
from ..model import Map


def render_path(map_path: str | None, focus: str | None) -> Path:
    """Where the drawing goes: the temp folder, named after the map and the focused title."""
    stem = Path(map_path).stem if map_path else "map"
    if focus is not None:
        stem += "-" + (re.sub(r"[^A-Za-z0-9]+", "-", focus).strip("-").lower()[:40] or "node")
    return Path(tempfile.gettempdir()) / "argmap" / f"{stem}.svg"


def render_svg(map_: Map, focus: str | None, path: Path) -> tuple[str, bool]:
    """Draw `focus` (a title) and its neighbours to depth 2, or the whole map, to `path`.

    Returns the message to show, and whether the drawing was made (a drawing that fails is
    reported in the message).
    """
    from ..render import (
        render_to_file,  # (here: Graphviz's modules are needed only on `r`)
    )

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        render_to_file(map_, str(path), focus=focus, depth=2)
    except (ArgmapError, OSError, ValueError) as exc:
        return f"render failed: {exc}", False
    what = f"{focus} and its neighbours" if focus else "the map"
    return f"rendered {what} to {path}", True

"""From a map to a file: DOT text, then the drawing, written atomically (never a partial file)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Sequence

from ..errors import UsageError
from ..files import atomic_write
from ..model import Map
from .binary import DotBinary, find_binary, layout
from .dot import Overlay, build_dot
from .options import RenderOptions

FORMATS = ("svg", "png", "pdf", "dot")


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The output format: `explicit` if given, else the file's extension."""
    fmt = (explicit or Path(path).suffix.lstrip(".")).lower()
    if fmt == "gv":
        fmt = "dot"
    if fmt not in FORMATS:
        raise UsageError(
            f"{path}: cannot tell the format from the name; use a .svg, .png, .pdf or .dot "
            "file or --format"
        )
    return fmt


def render_bytes(
    map_: Map,
    fmt: str,
    options: RenderOptions | None = None,
    *,
    overlays: Sequence[Overlay] = (),
    binary: DotBinary | None = None,
) -> bytes:
    """The drawing of `map_` in `fmt` (svg, png, pdf, or dot for the DOT source itself)."""
    dot_text = build_dot(map_, options, overlays)
    if fmt == "dot":
        return dot_text.encode("utf-8")
    return layout(binary or find_binary(), dot_text, fmt)


def render_to_file(
    map_: Map,
    path: str | Path,
    *,
    focus: str | None = None,
    depth: int = 2,
    options: RenderOptions | None = None,
    binary: DotBinary | None = None,
) -> Path:
    """Draw `map_` to `path` (format from the extension), written atomically; returns the path.

    `focus` (a node title) and `depth` draw only that node's neighbourhood.
    """
    target = Path(path)
    base = options or RenderOptions()
    if focus is not None:
        base = dataclasses.replace(base, focus=focus, depth=depth)
    data = render_bytes(map_, format_for(target), base, binary=binary)
    atomic_write(target, data)
    return target

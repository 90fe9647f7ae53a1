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
from .fit import candidates, fit_to_page
from .options import RenderOptions
from .ports import drawn_dot

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


#: pixels per inch of a PNG laid out for a page: sharp when printed, or on a high-density screen
PAGE_DPI = {"a4": 200, "letter": 200, "slide": 144, "screen": 192}
SIZE_DPI = 200


def render_bytes(
    map_: Map,
    fmt: str,
    options: RenderOptions | None = None,
    *,
    overlays: Sequence[Overlay] = (),
    binary: DotBinary | None = None,
) -> bytes:
    """The drawing of `map_` in `fmt` (svg, png, pdf, or dot for the DOT source itself).

    With a page in `options` (`page` or `size`) the layout is chosen to fit it first
    (argmap/render/fit.py). Drawn with a Graphviz program (any format but DOT without a
    `binary`), a first layout spreads the arrowheads into crowded nodes (argmap/render/ports.py).
    """
    options = options or RenderOptions()
    if options.page_size is not None:
        binary = binary or find_binary()
        tried = candidates(options)
        options = fit_to_page(map_, options, binary, overlays).options if len(tried) > 1 else tried[0]
    if fmt == "dot" and binary is None:
        return build_dot(map_, options, overlays).encode("utf-8")
    binary = binary or find_binary()
    dot_text = drawn_dot(map_, options, binary, overlays)
    if fmt == "dot":
        return dot_text.encode("utf-8")
    dpi = None if options.page_size is None else (SIZE_DPI if options.size else PAGE_DPI[options.page])
    return layout(binary, dot_text, fmt, dpi=dpi)


def render_svg(
    map_: Map,
    options: RenderOptions | None = None,
    *,
    overlays: Sequence[Overlay] = (),
    binary: DotBinary | None = None,
) -> str:
    """The drawing of `map_` as SVG text: the one entry point for pages and notebooks that
    embed a drawing (`RenderOptions(page="screen")` lays it out for a screen)."""
    return render_bytes(map_, "svg", options, overlays=overlays, binary=binary).decode("utf-8")


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

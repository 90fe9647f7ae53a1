"""Drawing maps with Graphviz: model -> DOT (dot.py) -> SVG / PNG / PDF (binary.py).

    >>> from argmap.render import render_to_file            # doctest: +SKIP
    >>> render_to_file(argmap.parse_file("maps/x.argmap"), "x.svg", focus="Claim", depth=1)
"""

from .binary import DotBinary, find_binary, layout
from .dot import build_dot
from .fit import fit_to_page
from .options import PAGES, RenderOptions
from .output import FORMATS, format_for, render_bytes, render_svg, render_to_file

__all__ = [
    "DotBinary",
    "FORMATS",
    "PAGES",
    "RenderOptions",
    "build_dot",
    "find_binary",
    "fit_to_page",
    "format_for",
    "layout",
    "render_bytes",
    "render_svg",
    "render_to_file",
]

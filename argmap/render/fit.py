"""Laying a drawing out to fit a page: try a few layouts with the Graphviz program, keep the best.

A page (`--page a4`, `--size W,H`) is a shape in inches. The drawing is scaled down to fit it,
so what a reader gets is the size of its smallest text once scaled. For each candidate — the
rank direction (BT: conclusions on top; LR: reasons on the left) and the wrap width, each only
when the user left it open — argmap builds the DOT, asks the program for the drawing's size
(`-Tplain`, no drawing made) and computes

    smallest text on the page = smallest font in the DOT x min(1, page width / width,
                                                                page height / height)

The candidate with the largest (to 0.1 pt) wins; among equals that must shrink, the one whose
aspect ratio is nearest the page's (by log ratio); then the first tried (BT before LR, the
default wrap 34 first), so a map that fits the page as it is keeps the usual drawing.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from typing import Sequence

from ..model import Map
from .binary import DotBinary, drawing_size
from .dot import Overlay, build_dot
from .options import RenderOptions

#: rank directions and wrap widths tried when the user chose none
TRIED_RANKDIRS = ("BT", "LR")
TRIED_WRAPS = (34, 26, 20, 16, 44)  # the default first: it wins whenever it fits as well
#: the usual floor for printed text (pt): smaller is hard to read
READABLE_PT = 6.0
_FONT_SIZE = re.compile(r'(?:fontsize|POINT-SIZE)="(\d+(?:\.\d+)?)"')


def smallest_font(dot_text: str) -> float:
    """The smallest font size (pt) a DOT text of argmap's asks for (its node default included)."""
    return min((float(size) for size in _FONT_SIZE.findall(dot_text)), default=14.0)


@dataclass(frozen=True)
class Fit:
    """One candidate layout: its options, its natural size (pt) and its smallest font (pt)."""

    options: RenderOptions
    width: float
    height: float
    font: float

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def scale(self, page: tuple[float, float]) -> float:
        """How much the drawing shrinks to fit `page` (inches); 1 when it fits as it is."""
        return min(1.0, page[0] * 72 / self.width, page[1] * 72 / self.height)

    def smallest_text(self, page: tuple[float, float]) -> float:
        """The height (pt) of the drawing's smallest text once it fits `page`."""
        return self.font * self.scale(page)

    def score(self, page: tuple[float, float]) -> tuple[float, float]:
        """Larger is better: the smallest text, then (for a drawing that must shrink) the aspect."""
        shrunk = self.scale(page) < 1
        return (round(self.smallest_text(page), 1),
                -abs(math.log(self.aspect * page[1] / page[0])) if shrunk else 0.0)


def candidates(options: RenderOptions) -> list[RenderOptions]:
    """The layouts to try: every open choice of rank direction and wrap, compactly spaced."""
    rankdirs = (options.rankdir,) if options.rankdir else TRIED_RANKDIRS
    wraps = (options.wrap,) if options.wrap else TRIED_WRAPS
    return [dataclasses.replace(options, rankdir=r, wrap=w, compact=True) for r in rankdirs for w in wraps]


def measure(map_: Map, options: RenderOptions, binary: DotBinary, overlays: Sequence[Overlay] = ()) -> Fit:
    """The natural size and smallest font of the drawing `options` gives."""
    dot_text = build_dot(map_, options, overlays)
    width, height = drawing_size(binary, dot_text)
    return Fit(options, width, height, smallest_font(dot_text))


def fit_to_page(map_: Map, options: RenderOptions, binary: DotBinary,
                overlays: Sequence[Overlay] = ()) -> Fit:
    """The best candidate layout for `options.page_size` (see the module's docstring); without a
    page, the options as given (their defaults filled in)."""
    page = options.page_size
    if page is None:
        return measure(map_, options.validated(map_), binary, overlays)
    fits = [measure(map_, candidate, binary, overlays) for candidate in candidates(options)]
    return max(fits, key=lambda fit: fit.score(page))  # max keeps the first of equals

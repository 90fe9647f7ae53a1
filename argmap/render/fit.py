"""Laying a drawing out to fit a page: try a few layouts with the Graphviz program, keep the best.

A page (`--page a4`, `--size W,H`) is a shape in inches. The drawing is scaled down to fit it,
so what a reader gets is the size of its smallest text once scaled. For each candidate — the
rank direction (BT: conclusions on top; LR: reasons on the left), the wrap width and, for a
printed page, its orientation (portrait or landscape), each only when the user left it open —
argmap builds the DOT, asks the program for the drawing's size (`-Tplain`, no drawing made)
and computes

    smallest text on the page = smallest font in the DOT x min(1, page width / width,
                                                                page height / height)

The candidate with the largest (to 0.1 pt) wins; among equals that must shrink, the one whose
aspect ratio is nearest its page's (by log ratio); then the first tried (BT before LR, the
default wrap 34 first, portrait before landscape), so a map that fits the page as it is keeps
the usual drawing.

When no candidate of the whole drawing reaches READABLE_PT, the fit leaves things out, in the
order of TRIMS — node texts (titles stay: they are what a figure shows), then tags, then the
boxes around sections — and keeps the first of these levels whose best candidate reaches it.
When even the leanest cannot, nothing is left out (a smaller text is not worth a poorer
figure; draw less instead). `trim=False` keeps everything.

Graphviz sets the legend (the graph label) above the laid-out nodes, so a drawing is as wide
as the wider of the two and as high as both together: each layout is measured once without
its legend, and each legend (one per orientation: a portrait page stacks it narrower) alone.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Sequence

from ..model import Map
from .binary import DotBinary, drawing_size
from .dot import ENVELOPE, Overlay, build_dot, build_legend_dot
from .options import ORIENTATIONS, PRINT_PAGES, RenderOptions
from .ports import drawn_dot

#: rank directions and wrap widths tried when the user chose none
TRIED_RANKDIRS = ("BT", "LR")
TRIED_WRAPS = (34, 26, 20, 16, 44)  # the default first: it wins whenever it fits as well
#: wrap widths tried for titles only (texts left out): short lines, narrow boxes
TITLE_WRAPS = (20, 16, 12)
#: the usual floor for printed text (pt): smaller is hard to read
READABLE_PT = 6.0
#: what a fit may leave out, in this order: (what the note calls it, the options that do it)
TRIMS: tuple[tuple[str, dict[str, object]], ...] = (
    ("texts", {"show_text": False}),
    ("tags", {"show_tags": False}),
    ("boxes", {"group_by": "none"}),
)
#: Graphviz programs run at once while measuring
WORKERS = max(1, min(4, os.cpu_count() or 1))
#: the margin Graphviz adds around a drawing (pt, each side): a page holds it too
PAD_PT = float(ENVELOPE["pad"]) * 72
_FONT_SIZE = re.compile(r'(?:fontsize|POINT-SIZE)="?(\d+(?:\.\d+)?)')


def smallest_font(dot_text: str) -> float:
    """The smallest font size (pt) a DOT text of argmap's asks for (its node default included)."""
    return min((float(size) for size in _FONT_SIZE.findall(dot_text)), default=14.0)


@dataclass(frozen=True)
class Fit:
    """One candidate layout: its options, its natural size (pt, its margins included), its
    smallest font (pt) and what it leaves out of the map (`TRIMS` names: "texts", "tags",
    "section boxes")."""

    options: RenderOptions
    width: float
    height: float
    font: float
    left_out: tuple[str, ...] = ()

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def scale(self, page: tuple[float, float]) -> float:
        """How much the drawing shrinks to fit `page` (inches); 1 when it fits as it is."""
        return min(1.0, page[0] * 72 / self.width, page[1] * 72 / self.height)

    def smallest_text(self, page: tuple[float, float]) -> float:
        """The height (pt) of the drawing's smallest text once it fits `page`."""
        return self.font * self.scale(page)

    @property
    def text_on_page(self) -> float:
        """The smallest text (pt) on the page the options lay the drawing out for."""
        page = self.options.page_size
        return self.font if page is None else self.smallest_text(page)

    def score(self) -> tuple[float, float]:
        """Larger is better: the smallest text on its page, then (for a drawing that must
        shrink) the aspect."""
        page = self.options.page_size
        if page is None:
            return (self.font, 0.0)
        shrunk = self.scale(page) < 1
        return (round(self.smallest_text(page), 1),
                -abs(math.log(self.aspect * page[1] / page[0])) if shrunk else 0.0)

    @property
    def readable(self) -> bool:
        """True when no text is under READABLE_PT on the page (to 0.1 pt)."""
        return self.score()[0] >= READABLE_PT


def levels(options: RenderOptions) -> list[tuple[tuple[str, ...], RenderOptions]]:
    """(what is left out, the options): the map whole, then with each further TRIM that
    changes something (none without `options.trim`)."""
    found: list[tuple[tuple[str, ...], RenderOptions]] = [((), options)]
    for name, change in TRIMS if options.trim else ():
        left_out, current = found[-1]
        if all(getattr(current, key) == value for key, value in change.items()):
            continue  # already so (--no-text, --group-by none)
        name = f"{current.group_by} boxes" if name == "boxes" else name
        found.append(((*left_out, name), dataclasses.replace(current, **change)))  # type: ignore[arg-type]
    return found


def layouts(options: RenderOptions) -> list[RenderOptions]:
    """The layouts of one level: every open choice of rank direction, wrap and (for a printed
    page) orientation, compactly spaced, nothing more to leave out."""
    rankdirs = (options.rankdir,) if options.rankdir else TRIED_RANKDIRS
    wraps = (options.wrap,) if options.wrap else TRIED_WRAPS if options.show_text else TITLE_WRAPS
    turnable = options.orientation is None and options.size is None and options.page in PRINT_PAGES
    orientations = ORIENTATIONS if turnable else (options.orientation,)
    return [dataclasses.replace(options, rankdir=r, wrap=w, orientation=o, compact=True, trim=False)
            for r in rankdirs for w in wraps for o in orientations]


def candidates(options: RenderOptions) -> list[RenderOptions]:
    """Every layout a fit of `options` may try, at every level."""
    return [layout for _, level in levels(options) for layout in layouts(level)]


def measure(map_: Map, options: RenderOptions, binary: DotBinary, overlays: Sequence[Overlay] = (),
            left_out: tuple[str, ...] = ()) -> Fit:
    """The natural size and smallest font of the drawing `options` gives, as argmap draws it
    (legend and spread arrowheads included)."""
    dot_text = drawn_dot(map_, options, binary, overlays)
    width, height = drawing_size(binary, dot_text)
    return Fit(options, width + 2 * PAD_PT, height + 2 * PAD_PT, smallest_font(dot_text), left_out)


class Measurer:
    """The quick measure of candidate layouts: each drawing without its legend and each legend
    alone, every distinct DOT text laid out once, several at a time."""

    def __init__(self, map_: Map, binary: DotBinary, overlays: Sequence[Overlay]) -> None:
        self.map, self.binary, self.overlays = map_, binary, overlays
        self.sizes: dict[str, tuple[float, float]] = {}

    def fits(self, options: list[RenderOptions], left_out: tuple[str, ...]) -> list[Fit]:
        """A Fit of each of `options` (one level's layouts, leaving `left_out` out)."""
        parts = []  # (drawing without its legend, the legend alone or None) per candidate
        for candidate in options:
            # without its legend, a layout is the same held either way: measured once
            bare = dataclasses.replace(candidate, legend=False, orientation=None)
            drawing = build_dot(self.map, bare, self.overlays)
            legend = build_legend_dot(self.map, candidate, self.overlays)
            parts.append((drawing, legend))
        todo = list(dict.fromkeys(t for pair in parts for t in pair if t is not None and t not in self.sizes))
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            self.sizes.update(zip(todo, pool.map(lambda text: drawing_size(self.binary, text), todo)))
        fits = []
        for candidate, (drawing, legend) in zip(options, parts):
            width, height = self.sizes[drawing]
            font = smallest_font(drawing)
            if legend is not None:
                legend_width, legend_height = self.sizes[legend]
                width, height = max(width, legend_width), height + legend_height
                font = min(font, smallest_font(legend))
            fits.append(Fit(candidate, width + 2 * PAD_PT, height + 2 * PAD_PT, font, left_out))
        return fits


def fit_to_page(map_: Map, options: RenderOptions, binary: DotBinary,
                overlays: Sequence[Overlay] = ()) -> Fit:
    """The best candidate layout for `options.page_size` (see the module's docstring), measured
    as drawn; without a page, the options as given (their defaults filled in)."""
    if options.page_size is None:
        return measure(map_, options.validated(map_), binary, overlays)
    options.validated(map_)
    measurer = Measurer(map_, binary, overlays)
    steps = levels(options)
    best: dict[int, Fit] = {}

    def best_of(level: int) -> Fit:
        """The level's best layout by the quick measure (each layout and legend apart)."""
        if level not in best:
            left_out, level_options = steps[level]
            fits = measurer.fits(layouts(level_options), left_out)
            best[level] = max(fits, key=Fit.score)  # max keeps the first of equals
        return best[level]

    def drawn(fit: Fit) -> Fit:
        """`fit` measured as argmap draws it: spreading the arrowheads moves things a little."""
        return measure(map_, fit.options, binary, overlays, fit.left_out)

    last = len(steps) - 1
    for level in range(last + 1):
        if level == 1 and not best_of(last).readable:
            break  # leaving things out would not make it readable: keep the whole
        if best_of(level).readable:
            fit = drawn(best_of(level))
            if fit.readable:
                return fit
    return drawn(best_of(0))

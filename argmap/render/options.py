"""What a drawing shows and how: the render options shared by `render`, `watch` and the TUI."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..errors import UsageError, suggest
from ..model import Map
from .focus import focused_node

RANKDIRS = ("BT", "TB", "LR", "RL")
GROUPINGS = ("section", "actor", "none")
#: how reconstructions are drawn (argmap/render/reconstruction.py): listed in the argument's box,
#: as nodes and junctions, or not at all
PCS_MODES = ("inline", "expanded", "hidden")
DEFAULT_PCS = "inline"
DEFAULT_RANKDIR = "BT"
DEFAULT_WRAP = 34
#: the page `argmap render` and `argmap.render` lay a drawing out for unless told otherwise
DEFAULT_PAGE = "a4"
#: page name -> (width, height) in inches, and what the shape is for
PAGES: dict[str, tuple[float, float]] = {
    "a4": (8.27, 11.69),      # a figure on a printed A4 page (portrait)
    "letter": (8.5, 11.0),    # a figure on a printed US Letter page (portrait)
    "slide": (13.33, 7.5),    # a 16:9 presentation slide
    "screen": (15.0, 9.375),  # a 16:10 laptop screen or browser window (1440 x 900 px)
}
PAGE_CHOICES = (*PAGES, "none")
#: pages a fit may turn on their side (a printed page can be held either way)
PRINT_PAGES = ("a4", "letter")
ORIENTATIONS = ("portrait", "landscape")


@dataclass(frozen=True)
class RenderOptions:
    """Options of one drawing. `focus` is a node title or id (`[T]`, `<T>`); `actors` / `tags`
    keep matching nodes; `round` draws the map as it stood after that round
    (argmap/analyze/replay.py). `page` (a name of PAGES) or `size` (inches) is the shape the
    drawing is laid out to fit (argmap/render/fit.py), held as `orientation` says (None: as
    PAGES gives it); `rankdir`, `wrap` and, for a print page, `orientation` left at None are
    chosen then (without a page: BT and 34), and with `trim` the fit may leave out texts, tags
    and boxes (`show_text`, `show_tags`, `group_by`). `compact` draws with less space between
    nodes. `pcs` is how reconstructions are drawn (PCS_MODES); `critical_questions` lists the
    questions each scheme's use leaves open."""

    rankdir: str | None = None
    show_text: bool = True
    show_tags: bool = True
    wrap: int | None = None
    group_by: str = "section"
    focus: str | None = None
    depth: int = 2
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    legend: bool = True
    round: int | None = None
    page: str = "none"
    size: tuple[float, float] | None = None
    orientation: str | None = None
    trim: bool = True
    compact: bool = False
    pcs: str = DEFAULT_PCS
    critical_questions: bool = False

    @property
    def page_size(self) -> tuple[float, float] | None:
        """The shape to fit, in inches (width, height), or None: the drawing's own size."""
        shape = self.size if self.size is not None else PAGES.get(self.page)
        if shape is None or self.orientation is None:
            return shape
        short, long = sorted(shape)
        return (long, short) if self.orientation == "landscape" else (short, long)

    def validated(self, map_: Map) -> "RenderOptions":
        """Self with `rankdir` / `wrap` defaults filled in, after checking every option against
        the map; raises UsageError otherwise."""
        resolved = dataclasses.replace(self, rankdir=self.rankdir or DEFAULT_RANKDIR,
                                       wrap=DEFAULT_WRAP if self.wrap is None else self.wrap)
        if resolved.rankdir not in RANKDIRS:
            raise UsageError(f"--rankdir must be one of {', '.join(RANKDIRS)}, not {self.rankdir!r}")
        if self.group_by not in GROUPINGS:
            raise UsageError(f"--group-by must be one of {', '.join(GROUPINGS)}, not {self.group_by!r}")
        if self.pcs not in PCS_MODES:
            raise UsageError(f"--pcs must be one of {', '.join(PCS_MODES)}, not {self.pcs!r}")
        if self.page not in PAGE_CHOICES:
            raise UsageError(f"--page must be one of {', '.join(PAGE_CHOICES)}, not {self.page!r}")
        if self.orientation is not None and self.orientation not in ORIENTATIONS:
            raise UsageError(f"--orientation must be one of {', '.join(ORIENTATIONS)}, not {self.orientation!r}")
        if self.size is not None and (len(self.size) != 2 or min(self.size) <= 0):
            raise UsageError(f"--size must be two positive numbers of inches, W,H, not {self.size!r}")
        if resolved.wrap < 8:  # type: ignore[operator]
            raise UsageError(f"--wrap must be at least 8 columns, not {self.wrap}")
        if self.depth < 0:
            raise UsageError(f"--depth must be 0 or more, not {self.depth}")
        if self.round is not None and (isinstance(self.round, bool) or not isinstance(self.round, int)
                                       or self.round < 0):
            raise UsageError(f"--round must be a whole number, 0 or more, not {self.round!r}")
        if self.focus is not None:
            focused_node(map_, self.focus)  # raises, with "did you mean", for an unknown one
        unknown = [a for a in self.actors if a not in map_.actors]
        if unknown:
            known = ", ".join(sorted(map_.actors)) or "none"
            raise UsageError(f"--actor: unknown actor {unknown[0]!r} (actors: {known})")
        used_tags = {tag for node in map_.nodes.values() for tag in node.tags}
        missing = [t for t in self.tags if t not in used_tags]
        if missing:
            close = suggest(missing[0], used_tags)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            known = ", ".join(sorted(used_tags)) or "none"
            raise UsageError(f"--tag: no node carries the tag {missing[0]!r}{hint} (tags: {known})")
        return resolved

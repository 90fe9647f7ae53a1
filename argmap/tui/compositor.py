"""A Textual compositor whose layouts see every change made since the last one.

Textual's `Compositor` keeps a map of where every widget is, and a layout (`reflow`) compares
the new map with the old one to know what to repaint and which widgets were shown or hidden.
The map is also rebuilt lazily, outside any layout, once it is out of date (a widget off the
screen asked for a repaint: the browser's closed boxes wait above it), whenever anything asks
where a widget is. A rebuild between a change (a widget shown or hidden, a notification gone)
and the next layout took the change in already: the layout compared the new map with itself,
saw nothing, and painted nothing. In a terminal, the search line appeared only at its cursor's
first blink, a second after `/`, and a closed panel or an expired notification stayed drawn.

`LayoutCompositor` keeps the map of the last layout aside when the map is rebuilt lazily, and
compares the next layout with that one.
"""

from __future__ import annotations

from textual._compositor import Compositor, CompositorMap, ReflowResult
from textual.geometry import Size
from textual.widget import Widget


class LayoutCompositor(Compositor):
    """A `Compositor` whose `reflow` compares with the last layout, not a lazy rebuild."""

    def __init__(self) -> None:
        super().__init__()
        #: the map of the last layout, kept while a lazy rebuild stands in for it
        self._laid_out: CompositorMap | None = None

    @property
    def full_map(self) -> CompositorMap:
        """The map of every widget (rebuilt if out of date; the last layout's kept aside)."""
        if self._full_map_invalidated and self._laid_out is None and self.root is not None:
            self._laid_out = self._full_map
        return Compositor.full_map.fget(self)  # type: ignore[attr-defined]

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        """Lay out `parent`; what changed is found against the last layout."""
        if self._laid_out is not None:
            self._full_map, self._laid_out = self._laid_out, None
        return super().reflow(parent, size)

    def clear(self) -> None:
        super().clear()
        self._laid_out = None

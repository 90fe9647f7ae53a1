"""The outline's scroll bar, painted again only when what it shows changed."""

from __future__ import annotations

from typing import Self

from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from .._textual_internals import drop_pending_repaint


class SteadyScrollBar(ScrollBar):
    """Textual repaints a widget's scroll bar after every layout of the screen and every
    change of the widget's style (each focus change), and renders it again each time
    (3-5 ms for the outline's, and often a frame of its own). This one ignores a repaint
    while nothing it is drawn from has changed (its size, the window it shows, whether it
    is grabbed or under the mouse, its colours), and hands back what it painted last."""

    _painted: tuple[object, ...] | None = None
    _strips: list[Strip] = []

    def _look(self) -> tuple[object, ...]:
        """Everything the bar's rows are drawn from."""
        parent = self.parent
        styles = parent.styles if parent is not None else self.styles
        return (
            self.size, self.window_virtual_size, self.window_size, self.position,
            self.thickness, self.vertical, self.grabbed, self.mouse_over,
            styles.scrollbar_background, styles.scrollbar_color,
            styles.scrollbar_background_hover, styles.scrollbar_color_hover,
            styles.scrollbar_background_active, styles.scrollbar_color_active,
            parent.background_colors if parent is not None else None,
            self.screen.styles.scrollbar_color.a, self.renderer,
        )

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        """Textual's refresh, but a plain repaint of a bar that would look the same is
        skipped."""
        if (not (regions or layout or recompose) and self._painted is not None
                and self.is_mounted and self._painted[1:] == self._look()):
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The bar's rows in `crop`, rendered again only when they would differ."""
        painted = (crop, *self._look())
        if painted != self._painted:
            self._strips = super().render_lines(crop)
            self._painted = painted
            # A repaint asked for while the screen was laid out for this very frame (the
            # outline's rows changed) is done now: without this, Textual would paint a
            # frame of its own for it next (3-5 ms).
            drop_pending_repaint(self)
        return self._strips

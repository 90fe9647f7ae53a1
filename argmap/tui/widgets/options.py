"""An option list that keeps what it rendered while its width stays the same."""

from __future__ import annotations

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList


#: j and k move in a list as in the outline (Textual's lists take only the arrows)
VI_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
]


class SteadyOptionList(OptionList):
    """Textual's `OptionList` forgets every option it rendered on each Resize event, also
    one that only changes its height (the relations list grows and shrinks with the node
    shown) or reports the width it already had (a box laid out for the first time): it
    then renders them all again in a second frame. An option's rendering depends on the
    width alone, so this one forgets them only for a new width."""

    #: the outer width (what a Resize event reports) the options were last rendered at
    _rendered_width = -1

    def render_lines(self, crop: Region) -> list[Strip]:
        """Textual's, noting the width the options are rendered at."""
        self._rendered_width = self.outer_size.width
        return super().render_lines(crop)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width == self._rendered_width:
            # (OptionList's own handler, after this one in the MRO, would clear its caches)
            event.prevent_default()

"""Every private Textual name the browser relies on, and nowhere else.

Textual's public API does not cover what the browser needs to keep a key under a frame at
100,000 nodes (docs/tui.md, "Textual internals"): the rest of `argmap.tui` calls only the
functions and classes here, and `tests/test_textual_internals.py` checks that each name used
here still exists with the shape used (a new Textual release fails that test, not the
browser) and that no other module of argmap touches a private Textual name.

Checked against Textual 8.2 (pyproject.toml pins the minor version).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual import events
from textual._compositor import Compositor, CompositorMap, ReflowResult
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Tree
from textual.widgets._tree import TOGGLE_STYLE

if TYPE_CHECKING:
    from textual.widgets.tree import TreeNode

__all__ = [
    "TREE_TOGGLE_STYLE", "FocusChangeHook", "LayoutCompositor", "SizeUpdateHook",
    "cached_tree_row", "clear_tree_rows", "dirty_regions", "drop_pending_repaint",
    "grow_tree_row_cache", "invalidate_compositor_map", "node_hover", "node_selected",
    "own_vertical_scrollbar", "refresh_tree_node", "repaint_pending", "screen_compositor",
    "send_pending_refreshes", "textual_tree_row", "tree_lines", "use_layout_compositor",
]


# --- the compositor ------------------------------------------------------------------------
# Relies on: `textual._compositor.Compositor` (its `reflow(parent, size)`, the `full_map`
# property, `_full_map`, `_full_map_invalidated`, `root`, `clear()`), `CompositorMap`,
# `ReflowResult`, and the screen keeping its compositor in `Screen._compositor`.


class LayoutCompositor(Compositor):
    """A `Compositor` whose layouts see every change made since the last one.

    Textual's `Compositor` keeps a map of where every widget is, and a layout (`reflow`)
    compares the new map with the old one to know what to repaint and which widgets were
    shown or hidden. The map is also rebuilt lazily, outside any layout, once it is out of
    date (a widget off the screen asked for a repaint: the browser's closed boxes wait above
    it), whenever anything asks where a widget is. A rebuild between a change (a widget shown
    or hidden, a notification gone) and the next layout took the change in already: the
    layout compared the new map with itself, saw nothing, and painted nothing. In a terminal,
    the search line appeared only at its cursor's first blink, a second after `/`, and a
    closed panel or an expired notification stayed drawn.

    This one keeps the map of the last layout aside when the map is rebuilt lazily, and
    compares the next layout with that one. (Textual has no public hook for either.)
    """

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


def use_layout_compositor(screen: Screen) -> LayoutCompositor:
    """Give `screen` a `LayoutCompositor` (call in its `__init__`, before it is mounted).
    Relies on the screen's compositor being `Screen._compositor`."""
    compositor = LayoutCompositor()
    screen._compositor = compositor
    return compositor


def screen_compositor(screen: Screen) -> Compositor:
    """The compositor of `screen` (`Screen._compositor`; for the tests of the law above)."""
    return screen._compositor


def dirty_regions(compositor: Compositor) -> set[Region]:
    """The regions the compositor will paint next (`Compositor._dirty_regions`; tests)."""
    return compositor._dirty_regions


def invalidate_compositor_map(compositor: Compositor) -> None:
    """Mark the compositor's map out of date, as a repaint off the screen does
    (`Compositor._full_map_invalidated`; the tests of the law above)."""
    compositor._full_map_invalidated = True


# --- refreshes -------------------------------------------------------------------------------
# Relies on: `Widget._repaint_required`, `Widget._layout_required` (flags a `refresh` sets)
# and `Widget._check_refresh()` (what a widget runs when its queue is idle: it posts the
# repaint and layout to the screen).


def send_pending_refreshes(widget: Widget) -> None:
    """Hand the screen now the repaint or layout `widget` asked for, instead of when the
    widget's own message queue is next idle (the screen would paint a frame before it)."""
    if widget._repaint_required or widget._layout_required:
        widget._check_refresh()


def repaint_pending(widget: Widget) -> bool:
    """Whether `widget` asked for a repaint not yet sent (`Widget._repaint_required`)."""
    return widget._repaint_required


def drop_pending_repaint(widget: Widget) -> None:
    """Forget the repaint `widget` asked for (it has just painted what it would paint):
    clears `Widget._repaint_required`."""
    widget._repaint_required = False


# --- widget hooks ----------------------------------------------------------------------------


class SizeUpdateHook:
    """Mixin for a `Widget`: a say in Textual's `Widget._size_updated(size, virtual_size,
    container_size, layout)`, which runs after every layout of the screen (Textual has no
    public hook there).

    `size_update_needed` may skip it (it repaints the scroll bars every time);
    `SIZE_UPDATE_LAYOUT = False` sets the virtual size without asking for a second layout
    (as Textual itself does when the layout comes from scrolling).
    """

    #: False: a new virtual size does not lay the screen out again
    SIZE_UPDATE_LAYOUT = True

    def size_update_needed(self, size: Size, virtual_size: Size, container_size: Size) -> bool:
        """Whether Textual's update runs for this layout (it does by default)."""
        return True

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        if not self.size_update_needed(size, virtual_size, container_size):
            return False
        return super()._size_updated(  # type: ignore[misc]
            size, virtual_size, container_size, layout and self.SIZE_UPDATE_LAYOUT)


class FocusChangeHook:
    """Mixin for a `Widget`: Textual's own handling of Focus and Blur (`Widget._on_focus`,
    `Widget._on_blur`: set `has_focus`, refresh, tell the parent) runs inside the context
    `focus_changing()` returns, so the widget can tell a refresh caused by a focus change.

    Textual calls the handler of every class in the MRO; `prevent_default` stops it calling
    Widget's again after this one.
    """

    def focus_changing(self) -> AbstractContextManager[None]:
        """The context the focus change runs in (none by default)."""
        return nullcontext()

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()
        with self.focus_changing():
            super()._on_focus(event)  # type: ignore[misc]

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        with self.focus_changing():
            super()._on_blur(event)  # type: ignore[misc]


def own_vertical_scrollbar(widget: Widget, make: Callable[[], ScrollBar]) -> ScrollBar:
    """`widget`'s vertical scroll bar, made by `make` on first use as Textual makes its own
    (`Widget.vertical_scrollbar`): kept in `Widget._vertical_scrollbar`, hidden, and started
    with `App._start_widget(parent, widget)`. Textual has no public way to give a widget a
    scroll bar of another class."""
    if widget._vertical_scrollbar is None:
        bar = make()
        bar.display = False
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar


# --- Tree ------------------------------------------------------------------------------------
# Relies on: `Tree._tree_lines` (the shown rows: `_TreeLine` with `path`, `last`),
# `Tree._line_cache` (an LRU cache with `get`, item assignment, `grow`, `clear`),
# `Tree._clear_line_cache()`, `Tree._refresh_node(node)`, `Tree._updates`,
# `Tree._pseudo_class_state`, `Tree._render_line(y, x1, x2, base_style)` (tests),
# `TreeNode._hover`, `_selected`, `_updates`, and `textual.widgets._tree.TOGGLE_STYLE`.

#: the style Tree gives a row's expand icon (its meta makes a click on it toggle the row)
TREE_TOGGLE_STYLE: Style = TOGGLE_STYLE


def tree_lines(tree: Tree[Any]) -> list[Any]:
    """The rows `tree` shows, in order (each with the `path` of nodes from the root down to
    it, and `last`); built if out of date."""
    return tree._tree_lines


def node_hover(node: TreeNode[Any]) -> bool:
    """Whether the mouse is over `node`'s row (`TreeNode._hover`)."""
    return node._hover


def node_selected(node: TreeNode[Any]) -> bool:
    """Whether `node` is the cursor's (`TreeNode._selected`)."""
    return node._selected


def cached_tree_row(tree: Tree[Any], y: int, width: int, paint: Callable[[int], Strip]) -> Strip:
    """Row `y` of `tree` (`y` < the number of rows), `width` wide, from Tree's own cache of
    rows under Tree's own key (so that every change Tree knows of makes it new), painted by
    `paint(y)` when it is not there. A copy of what `Tree._render_line` does around its
    painting."""
    path = tree._tree_lines[y].path
    is_hover = tree.hover_line >= 0 and any(node._hover for node in path)
    key = (y, is_hover, width, tree._updates, tree._pseudo_class_state,
           tuple(node._updates for node in path))
    cache = tree._line_cache
    strip = cache.get(key)
    if strip is None:
        strip = cache[key] = paint(y)
    return strip


def textual_tree_row(tree: Tree[Any], y: int, x1: int, x2: int, base_style: Style) -> Strip:
    """Row `y` as Textual's `Tree` paints it (`Tree._render_line`; the tests compare)."""
    return Tree._render_line(tree, y, x1, x2, base_style)


def clear_tree_rows(tree: Tree[Any]) -> None:
    """Forget every row `tree` painted, and its list of rows (`Tree._clear_line_cache`)."""
    tree._clear_line_cache()


def grow_tree_row_cache(tree: Tree[Any], height: int) -> None:
    """Let `tree`'s cache of rows hold at least `height` rows (`Tree._line_cache.grow`), as
    Tree does on a resize."""
    tree._line_cache.grow(height)


def refresh_tree_node(tree: Tree[Any], node: TreeNode[Any]) -> None:
    """Repaint the rows of `node` on screen (`Tree._refresh_node`)."""
    tree._refresh_node(node)

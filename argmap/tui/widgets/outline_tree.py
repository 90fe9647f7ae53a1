"""The outline on the left: a Textual `Tree` whose children are added when a node expands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import ClassVar, Self

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import PseudoClasses
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...model import NodeEntry
from .._textual_internals import (
    FocusChangeHook,
    SizeUpdateHook,
    cached_tree_row,
    clear_tree_rows,
    grow_tree_row_cache,
    own_vertical_scrollbar,
    refresh_tree_node,
    tree_lines,
)
from ..outline_model import Item, OutlineModel, Row
from ..overlay import Overlay
from .labels import actor_colors, row_label
from .row_painter import RowPainter
from .scroll_bar import SteadyScrollBar

#: rows the outline opens by itself when it is (re)built, in screens of the outline: the
#: first range of each long list, then the sections, then the shallow entries, breadth first,
#: until they fill this many screens (the rows further down stay closed until expanded).
#: Each row costs about 0.1 ms to add.
AUTO_EXPAND_SCREENS = 2
#: ... but at least this many rows (a small terminal, or the outline not laid out yet)
AUTO_EXPAND_MIN = 80
#: row labels kept for the rebuilds after a filter (beyond this the outline starts again)
MAX_KEPT_LABELS = 20_000


class OutlineTree(FocusChangeHook, SizeUpdateHook, Tree[Row]):
    """Sections, claims and their reasons; loads each level lazily from an `OutlineModel`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("l", "expand_node", "Expand", show=False),
        Binding("h", "collapse_node", "Collapse", show=False),
        Binding("right", "expand_node", "Expand", show=False),
        Binding("left", "collapse_node", "Collapse", show=False),
    ]

    #: set while the outline gains or loses the focus (see `refresh`)
    _focus_changing = False
    #: depth of nested `batch` blocks, and what they asked for: None (nothing), a repaint
    #: (False) or a layout (True)
    _batching = 0
    _batched_layout: bool | None = None

    def __init__(self, **kwargs) -> None:
        super().__init__("map", **kwargs)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3
        self.model: OutlineModel | None = None
        self.overlay = Overlay()
        self._colors: dict[str, str] = {}
        self._loaded: set[int] = set()
        self._paint_style = Style()
        self._painted_look: tuple[Style, ...] = ()
        self._sized_width = -1
        self._placed: tuple[Size, Size, Size] | None = None
        self._painter = RowPainter(self)
        self._labels: dict[tuple[object, ...], tuple[Text, object]] = {}

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Textual's vertical scroll bar (made on first use, as Textual makes it), one that
        is not rendered again for every repaint it is asked for (`SteadyScrollBar`)."""
        return own_vertical_scrollbar(self, lambda: SteadyScrollBar(
            vertical=True, name="vertical", thickness=self.scrollbar_size_vertical))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The outline's keys are off while a box is open over it (the browser screen's
        `open_box`)."""
        return getattr(self.screen, "open_box", None) is None

    # --- painting --------------------------------------------------------------------------
    # Tree answers every change of style (focus, blur) by rebuilding its list of lines,
    # laying out the whole screen and painting every row again, and asks for its base style
    # once per row painted: that made each Tab cost more than 100 ms. Here the outline looks
    # the same focused or not but for its border and cursor row (argmap.tcss), so a focus
    # change repaints the cursor's rows; any other change of style repaints them all.

    def get_pseudo_class_state(self) -> PseudoClasses:
        """Tree's key for its cached rows, without focus (it changes only the cursor's rows,
        which `notify_style_update` redraws)."""
        return super().get_pseudo_class_state()._replace(focus=False)

    def _look(self) -> tuple[Style, ...]:
        """The styles every row is painted with (not the cursor's)."""
        return (self.rich_style, *(self.get_component_rich_style(name, partial=True) for name in (
            "tree--guides", "tree--guides-hover", "tree--label", "tree--highlight",
            "tree--highlight-line")))

    def notify_style_update(self) -> None:
        """Redraw the cursor's rows; the others only if their look changed (`render_lines`)."""
        super(Tree, self).notify_style_update()  # Tree's own version is the costly one
        self._refresh_cursor_rows()

    def _refresh_cursor_rows(self) -> None:
        if self.cursor_node is not None:
            self.cursor_node.refresh()  # a new cache key for the rows under the cursor
            refresh_tree_node(self, self.cursor_node)

    # Gaining or losing the focus, Textual repaints the whole widget (three times: asked to
    # focus, its new style, the focus event); here only the cursor's rows change.
    def focus_changing(self) -> AbstractContextManager[None]:
        """The Focus and Blur events are handled with only the cursor's rows repainted."""
        return self._cursor_rows_only()

    def focus(self, scroll_visible: bool = True) -> Self:
        """Take the focus (Textual repaints the whole widget when asked to)."""
        with self._cursor_rows_only():
            return super().focus(scroll_visible)

    @contextmanager
    def _cursor_rows_only(self) -> Iterator[None]:
        self._focus_changing = True
        try:
            yield
        finally:
            self._focus_changing = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        """Textual's refresh, but a whole repaint asked for by a focus change repaints the
        cursor's rows only, and those asked for in a `batch` are made once, at its end."""
        if self._focus_changing and not (regions or layout or recompose):
            self._refresh_cursor_rows()
            return self
        if self._batching and not (regions or recompose):
            self._batched_layout = bool(self._batched_layout) or layout
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Add, remove and expand many rows with one refresh (Tree refreshes the widget and
        asks for a layout of the screen for every row added, and both cost more than the
        row itself)."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._batched_layout is not None:
                layout, self._batched_layout = self._batched_layout, None
                super().refresh(layout=layout)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the rows in `crop`, reading the base style once for all of them; forget the
        rows painted before if the look changed (a new theme: everything is repainted then)."""
        self._paint_style = self.rich_style
        look = self._look()  # here, not on a style change: component styles come after it
        if look != self._painted_look:
            self._painted_look = look
            clear_tree_rows(self)
        self._painter.start_pass()
        return super().render_lines(crop)

    def on_resize(self, event: events.Resize) -> None:
        # Taller or shorter (a panel opened below): the rows stay as they are. Tree's own
        # handler (after this one in the MRO) rebuilds them all and lays out the screen
        # again; it runs for a new width.
        if event.size.width == self._sized_width:
            event.prevent_default()
            grow_tree_row_cache(self, event.size.height)
            self.refresh()
        self._sized_width = event.size.width

    def size_update_needed(self, size: Size, virtual_size: Size, container_size: Size) -> bool:
        """Textual's update after each layout of the screen, skipped when the outline's
        size, its container's and its rows' (its virtual size) are what they were: it
        repaints the scroll bar every time (3-5 ms), whatever moved elsewhere."""
        placed = (size, container_size, self.virtual_size)
        if placed == self._placed:
            return False
        self._placed = placed
        return True

    def render_line(self, y: int) -> Strip:
        """Paint row `y` of the view."""
        scroll_x, scroll_y = self.scroll_offset
        return self.paint_row(y + scroll_y, scroll_x, scroll_x + self.size.width,
                              self._paint_style)

    def paint_row(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """Row `y` of the outline, cropped to `x1`-`x2`: cached under Tree's own key, and
        painted by a `RowPainter` (Tree's own way costs three times as much)."""
        width = self.size.width
        if y >= len(tree_lines(self)):
            return Strip.blank(width, base_style)
        strip = cached_tree_row(
            self, y, width, lambda row: self._painter.paint(row, width, base_style))
        return strip.crop(x1, x2)

    # --- filling ---------------------------------------------------------------------------

    def show_model(self, model: OutlineModel, overlay: Overlay) -> None:
        """Replace the whole outline with `model`; opens the first levels within a budget."""
        with self.batch(), self.opening():
            if model is not self.model or overlay is not self.overlay:
                self._labels.clear()
            self.model, self.overlay = model, overlay
            self._colors = actor_colors(model.map)
            self._loaded = set()
            self.root.remove_children()  # (Tree.clear would keep the old nodes in its index)
            self.move_cursor(None)  # the cursor's row is gone with them
            self.root.expand()
            self.load_children(self.root)
            budget = max(AUTO_EXPAND_MIN, AUTO_EXPAND_SCREENS * self.size.height)
            queue = list(self.root.children)
            while queue and budget > 0:
                node = queue.pop(0)
                row = node.data
                if row is None or not node.allow_expand or (
                        row.kind == "range" and row.start > 0):  # only the first range opens
                    continue
                if row.kind == "entry" and _depth(node) > 3:
                    continue
                self.load_children(node)
                if row.kind == "range":  # the first range of a long list: always open
                    node.expand()
                    queue.extend(node.children)
                    continue
                if len(node.children) > budget:
                    continue
                budget -= len(node.children)
                node.expand()
                queue.extend(node.children)

    @contextmanager
    def opening(self) -> Iterator[None]:
        """Expand rows whose children the outline adds itself (`load_children` first), without
        Tree's `NodeExpanded` messages: each goes up through the outline, the panes, the
        screen and the app, and a rebuild after a filter opens 50 or so rows (200 messages,
        about 10 ms for nothing: `on_tree_node_expanded` would only find them loaded)."""
        with self.prevent(Tree.NodeExpanded):
            yield

    def load_children(self, node: TreeNode[Row]) -> None:
        """Add the children of `node` once (called on expand, and before revealing)."""
        if node.id in self._loaded or self.model is None:
            return
        self._loaded.add(node.id)
        rows = self.model.roots() if node is self.root else self.model.children(node.data)
        with self.batch():
            for row in rows:
                node.add(self._label(row), row, allow_expand=self.model.has_children(row))

    def _label(self, row: Row) -> Text:
        """The row's label; a node entry's or a section's is made once for the outline's
        model and overlay, and kept: the outline rebuilt after a filter gives the rows it
        showed before the same labels, which the row painter then does not render again."""
        assert self.model is not None
        context = self.model.is_context(row)
        key: tuple[object, ...] | None = (
            (id(row.entry), context) if row.entry is not None
            else (row.section,) if row.kind == "section" else None)
        found = self._labels.get(key) if key is not None else None
        if found is not None:
            return found[0]
        label = row_label(self.model.map, row, self._colors, self.overlay)
        if context:
            label.stylize("dim")  # shown for what is below it, not a match of the filter
        if key is not None:
            if len(self._labels) >= MAX_KEPT_LABELS:
                self._labels.clear()
            self._labels[key] = (label, row.entry)  # (the entry kept: its id stays its own)
        return label

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Row]) -> None:
        self.load_children(event.node)

    def process_label(self, label: str | Text) -> Text:
        """A label as it is: ours are one line of `Text` already (Tree copies every label to
        cut it at its first line)."""
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    def get_label_width(self, node: TreeNode[Row]) -> int:
        """The label's width without rendering it (Tree asks for every row on each change)."""
        label = node.label
        width = label.cell_len if isinstance(label, Text) else len(str(label))
        return width + (len(self.ICON_NODE) if node.allow_expand else 0)

    def relabel(self, overlay: Overlay) -> None:
        """Redraw every loaded row (after the overlay changed)."""
        self.overlay = overlay
        self._labels.clear()
        if self.model is None:
            return
        for node in self.loaded_nodes():
            if node.data is not None:
                node.set_label(self._label(node.data))

    def loaded_nodes(self) -> list[TreeNode[Row]]:
        """Every tree node added so far (shown or under a collapsed row), in outline order."""
        found: list[TreeNode[Row]] = []
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(node.children))
        return found

    # --- moving ----------------------------------------------------------------------------

    def reveal(self, entry: NodeEntry) -> TreeNode[Row] | None:
        """Open the rows above `entry` and put the cursor on it; None if it is filtered out."""
        with self.batch(), self.opening():
            if self.model is None:
                return None
            node = self.root
            for item in self.model.path_to(entry):
                child = self._child_for(node, item)
                if child is None:
                    return None
                node.expand()
                node = child
            self.move_to(node)
            return node

    def move_to(self, node: TreeNode[Row]) -> None:
        """Put the cursor on `node` and scroll it into view (once the outline is laid out:
        before, it has no height, and Textual would scroll any row but the first to the
        top, so the outline opened with its first row, the first section, scrolled off)."""
        _ = self.last_line  # rebuilds the line index so the node knows its line
        if not self.size.height:
            self.cursor_line = node.line  # (move_cursor would scroll)
            self.call_after_refresh(self.scroll_to_cursor)
            return
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    def scroll_to_cursor(self) -> None:
        """Scroll the cursor's row into view, if it is not in view."""
        if self.cursor_line >= 0:
            self.scroll_to_line(self.cursor_line, animate=False)

    def move_to_first_entry(self) -> None:
        """Put the cursor on the first node entry shown (else on the first row)."""
        stack = list(reversed(self.root.children))
        first = stack[-1] if stack else None
        while stack:
            node = stack.pop()
            if node.data is not None and node.data.kind == "entry":
                first = node
                break
            if node.is_expanded:
                stack.extend(reversed(node.children))
        if first is not None:
            self.move_to(first)

    def _child_for(self, parent: TreeNode[Row], item: Item) -> TreeNode[Row] | None:
        self.load_children(parent)
        children = parent.children
        if children and children[0].data is not None and children[0].data.kind == "range":
            position = next((i for i, x in enumerate(children[0].data.items) if x is item), None)
            if position is None:
                return None
            for child in children:
                assert child.data is not None
                if child.data.start <= position < child.data.stop:
                    child.expand()
                    return self._child_for(child, item)
            return None
        for child in children:
            row = child.data
            if row is not None and (row.entry is item or row.section == item
                                    or row.included is item):
                return child
        return None

    # Jumps by a page or to an end move at once: no scrolling animation to wait for.
    def action_page_down(self) -> None:
        self._jump_lines(self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self._jump_lines(-(self.scrollable_content_region.height - 1))

    def action_scroll_home(self) -> None:
        self._jump_lines(-self.last_line - 1)

    def action_scroll_end(self) -> None:
        self._jump_lines(self.last_line + 1)

    def _jump_lines(self, delta: int) -> None:
        self.cursor_line = max(0, min(self.last_line, max(self.cursor_line, 0) + delta))
        self.scroll_to_line(self.cursor_line, animate=False)

    def action_expand_node(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def action_collapse_node(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_to(node.parent)


def _depth(node: TreeNode[Row]) -> int:
    """How many levels below the (hidden) root `node` sits; top level is 1."""
    depth = 0
    while node.parent is not None:
        depth, node = depth + 1, node.parent
    return depth

"""Painting the outline's rows: what Textual's `Tree` paints for a row, in a third of the
time.

Tree builds each row as one Rich `Text` (guides, expand icon, label), renders it through the
console and caches the result under the row's line number, so any change to the outline (a
row expanded, the view scrolled) renders every row on screen again: 15-20 ms for a screen
on the build machine. Rendering the label is most of that, and a label does not depend on
where its row is: `RowPainter` renders each label once (per look of the row: cursor, hover)
into segments without the line's style, and makes a row from the guides, those segments, the
line's style (which carries the line number for the mouse) and the node's id by style
addition. Rich styles add associatively, so the segments are the ones Tree would have made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import NULL_STYLE, Style
from rich.text import Text
from textual.strip import Strip

from .._textual_internals import (
    TREE_TOGGLE_STYLE,
    node_hover,
    node_selected,
    tree_lines,
)

if TYPE_CHECKING:
    from textual.widgets import Tree

#: labels kept rendered; beyond this the cache starts again (a screen needs 40 or so)
MAX_LABELS = 4000


class RowPainter:
    """Paints rows of one `Tree`; `start_pass` before each batch of rows (it reads the
    tree's component styles once, not three times per row)."""

    def __init__(self, tree: Tree[Any]) -> None:
        self.tree = tree
        self._labels: dict[tuple[Any, ...], tuple[list[tuple[str, Style]], int, Text]] = {}
        self._guides: dict[tuple[Style, bool], tuple[str, str, str, str]] = {}
        self._look: tuple[Any, ...] = ()
        self._cursor = NULL_STYLE

    def start_pass(self) -> None:
        """Read the styles the rows are painted with (forgetting rendered labels if the
        look changed)."""
        tree = self.tree
        hidden = tuple(tree.get_component_styles(name).color.a == 0 for name in (
            "tree--guides", "tree--guides-hover", "tree--guides-selected"))
        base = tree.get_component_rich_style("tree--guides", partial=True)
        look = (
            hidden, base,
            base + tree.get_component_rich_style("tree--guides-hover", partial=True),
            base + tree.get_component_rich_style("tree--guides-selected", partial=True),
            tree.get_component_rich_style("tree--label", partial=True),
            tree.get_component_rich_style("tree--highlight", partial=True),
            tree.get_component_rich_style("tree--highlight-line"),
            tree.show_guides, tree.guide_depth,
        )
        # (the cursor's style changes with the focus; rendered labels are kept by style)
        self._cursor = tree.get_component_rich_style("tree--cursor", partial=False)
        if look != self._look:
            self._look = look
            self._labels.clear()
            self._guides.clear()

    def paint(self, y: int, width: int, base_style: Style) -> Strip:
        """Row `y` of the tree (its line number in the whole outline), `width` cells wide at
        least, on `base_style`."""
        tree = self.tree
        (hidden_base, hidden_hover, hidden_selected), base_guide, hover_guide, \
            selected_guide, label_look, highlight, highlight_line, _, _ = self._look
        cursor = self._cursor
        line = tree_lines(tree)[y]
        is_hover = tree.hover_line >= 0 and any(node_hover(node) for node in line.path)
        line_style = (highlight_line if is_hover else base_style) + Style(meta={"line": y})

        pieces: list[tuple[str, Style]] = []
        hover = node_hover(line.path[0])
        selected = node_selected(line.path[0]) and tree.has_focus
        guide_style, hidden = base_guide, True
        last = line.path[-1]
        for node in line.path[1:]:
            hidden = hidden_base
            if hover:
                guide_style, hidden = hover_guide, hidden_hover
            if selected:
                guide_style, hidden = selected_guide, hidden_selected
            space, vertical, _, _ = self._guide_strings(guide_style, hidden)
            if node is not last:
                pieces.append((space if node.is_last else vertical, guide_style))
            hover = hover or node_hover(node)
            selected = (selected or node_selected(node)) and tree.has_focus
        if len(line.path) > 1:
            _, _, terminator, cross = self._guide_strings(guide_style, hidden)
            pieces.append((terminator if line.last else cross, guide_style))

        label_style = label_look
        if tree.hover_line == y:
            label_style += highlight
        if tree.cursor_line == y:
            label_style += cursor
        label, label_width = self._label(last.label, label_style)
        node_meta = Style(meta={"node": last.id})  # (Tree puts it last on the label)

        segments = [Segment(text, line_style + style) for text, style in pieces]
        used = sum(cell_len(text) for text, _ in pieces) + label_width
        if last.allow_expand:
            icon = tree.ICON_NODE_EXPANDED if last.is_expanded else tree.ICON_NODE
            segments.append(Segment(icon, line_style + TREE_TOGGLE_STYLE + node_meta))
            used += cell_len(icon)
        # line + label + node id, added as line + node id + label: the same style (addition
        # is associative, and the node id, only meta, commutes with a label's styles, which
        # have none), one addition less per piece of label
        line_node = line_style + node_meta
        segments.extend(Segment(text, line_node + style) for text, style in label)
        pad = max(tree.virtual_size.width, width) - used
        if pad:  # (as Textual pads a row: a blank of `pad` cells, an empty one if negative)
            segments.append(Segment(" " * pad, line_style))
        return Strip(segments)

    def _label(self, label: Text, style: Style) -> tuple[list[tuple[str, Style]], int]:
        """`label` rendered in the row's look `style` (plain, cursor, hover), without the
        line's style, the expand icon and the node's id (`paint` adds them). Kept by label
        object, not by row: a row made again with the same label (the outline rebuilt after
        a filter, the label kept by the outline) is not rendered again."""
        key = (id(label), style)
        found = self._labels.get(key)
        if found is None:
            if len(self._labels) >= MAX_LABELS:
                self._labels.clear()
            console = self.tree.app.console
            if label.spans:
                parts = [(text, seg_style) for text, seg_style, _ in label.render(console)]
            else:  # (Rich renders a text without spans without its own style)
                parts = [(label.plain, console.get_style(label.style, default=NULL_STYLE))]
            # `style` comes last, as if the whole label were stylized with it
            rendered = [(text, seg_style + style if seg_style else style)
                        for text, seg_style in parts]
            # the label is kept in the entry: its id is not reused while the entry stands
            found = self._labels[key] = (rendered, label.cell_len, label)
        return found[0], found[1]

    def _guide_strings(self, style: Style, hidden: bool) -> tuple[str, str, str, str]:
        """Space, vertical, terminator and cross, as `Tree` draws them in `style`."""
        found = self._guides.get((style, hidden))
        if found is None:
            tree = self.tree
            if tree.show_guides and not hidden:
                lines = tree.LINES["default"]
                if style.bold:
                    lines = tree.LINES["bold"]
                elif style.underline2:
                    lines = tree.LINES["double"]
            else:
                lines = ("  ", "  ", "  ", "  ")
            depth = max(0, tree.guide_depth - 2)
            found = self._guides[(style, hidden)] = tuple(  # type: ignore[assignment]
                f"{chars[0]}{chars[1] * depth} " for chars in lines)
        return found


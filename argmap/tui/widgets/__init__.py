"""The browser's widgets: outline tree, detail pane, diagnostics panel, search line."""

from .detail import DetailPane, RelationList
from .diagnostics import DiagnosticsPanel
from .outline_tree import OutlineTree
from .search_bar import SearchBar

__all__ = ["DetailPane", "DiagnosticsPanel", "OutlineTree", "RelationList", "SearchBar"]

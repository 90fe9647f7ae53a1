"""The outline: sections (nested by level) holding the titled nodes defined under them.

A node's children in the outline are the titled nodes written under it; untitled nodes and
references are left out, and whatever they hold moves up to the nearest shown ancestor.
"""

from __future__ import annotations

from lsprotocol import types

from ..model import NodeEntry, NodeKind, SectionEntry
from .document import Snapshot, title_token

_KIND = {
    NodeKind.CLAIM: types.SymbolKind.String,
    NodeKind.ARGUMENT: types.SymbolKind.Function,
    NodeKind.EVIDENCE: types.SymbolKind.Constant,
}


def _last_line(entry: NodeEntry) -> int:
    """The last line an entry's subtree is written on (iterative: any depth is fine)."""
    stack, last = [entry], entry.span.end_line
    while stack:
        current = stack.pop()
        last = max(last, current.span.end_line)
        stack.extend(current.children)
    return last


def _node_symbols(snapshot: Snapshot, entries: tuple[NodeEntry, ...]) -> list[types.DocumentSymbol]:
    out: list[types.DocumentSymbol] = []
    pending = [(entry, out) for entry in reversed(entries)]
    while pending:
        entry, siblings = pending.pop()
        node = snapshot.map.nodes.get(entry.node)
        shown = not entry.is_reference and node is not None and node.title is not None
        if not shown or entry.span.path != snapshot.path:
            pending.extend((child, siblings) for child in reversed(entry.children))
            continue
        lines = snapshot.lines
        columns = title_token(lines.line(entry.span.line), node.span.column) or (1, 1)
        last = _last_line(entry)
        symbol = types.DocumentSymbol(
            name=node.title,
            detail=node.kind.value,
            kind=_KIND.get(node.kind, types.SymbolKind.String),
            range=types.Range(lines.to_lsp(entry.span.line, 1), lines.to_lsp(last, len(lines.line(last)) + 1)),
            selection_range=lines.range_at(entry.span.line, *columns),
            children=[],
        )
        siblings.append(symbol)
        pending.extend((child, symbol.children) for child in reversed(entry.children))
    return out


def document_symbols(snapshot: Snapshot) -> list[types.DocumentSymbol]:
    """Sections and titled nodes as a tree, in document order."""
    m, lines = snapshot.map, snapshot.lines
    top: list[types.DocumentSymbol] = []
    open_sections: list[tuple[int, types.DocumentSymbol]] = []  # (level, symbol)

    def container() -> list[types.DocumentSymbol]:
        return open_sections[-1][1].children if open_sections else top

    for entry in m.document:
        if entry.span.path != snapshot.path:
            continue
        if isinstance(entry, SectionEntry):
            section = m.sections[entry.section]
            while open_sections and open_sections[-1][0] >= section.level:
                open_sections.pop()
            heading = lines.range_at(entry.span.line, 1, len(lines.line(entry.span.line)) + 1)
            symbol = types.DocumentSymbol(section.title or "(untitled section)", types.SymbolKind.Namespace,
                                          heading, heading, detail="#" * section.level, children=[])
            container().append(symbol)
            open_sections.append((section.level, symbol))
        elif isinstance(entry, NodeEntry):
            nodes = _node_symbols(snapshot, (entry,))
            container().extend(nodes)
            for _, section_symbol in open_sections:  # a section reaches to its last node
                if nodes and nodes[-1].range.end.line > section_symbol.range.end.line:
                    section_symbol.range = types.Range(section_symbol.range.start, nodes[-1].range.end)
    return top

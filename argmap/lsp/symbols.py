"""The outline: sections (nested by level) holding the titled nodes defined under them.

A node's children in the outline are the titled nodes written under it; untitled nodes and
references are left out, and whatever they hold moves up to the nearest shown ancestor. An
argument's reconstruction is listed under it in full: every numbered statement (titled or
not, defined or referred to) and, before the statement it concludes, each inference line.
"""

from __future__ import annotations

from lsprotocol import types

from ..model import Map, NodeEntry, NodeKind, SectionEntry
from .document import Snapshot, title_token

#: deeper nodes are listed beside their ancestor at this depth (clients and JSON encoders
#: recurse over the tree, and Python's recursion limit is about 1,000)
MAX_DEPTH = 64

_KIND = {
    NodeKind.CLAIM: types.SymbolKind.String,
    NodeKind.ARGUMENT: types.SymbolKind.Function,
    NodeKind.EVIDENCE: types.SymbolKind.Constant,
    NodeKind.QUESTION: types.SymbolKind.Event,
}


def _last_lines(entries: tuple[NodeEntry, ...]) -> dict[int, int]:
    """id(entry) → the last line its subtree is written on (one pass, iterative: any depth)."""
    last: dict[int, int] = {}
    stack = [(entry, False) for entry in entries]
    while stack:
        entry, children_done = stack.pop()
        if children_done:
            last[id(entry)] = max([entry.span.end_line, *(last[id(c)] for c in entry.children)])
        else:
            stack.append((entry, True))
            stack.extend((child, False) for child in entry.children)
    return last


#: characters of an untitled statement's text shown as its name
STATEMENT_NAME = 40


def _statement_name(m: Map, entry: NodeEntry) -> str:
    """`(N) Title`, or `(N) the start of its text` for an untitled statement."""
    node = m.nodes.get(entry.node)
    name = node.title if node is not None and node.title is not None else (node.plain_text if node else "")
    if len(name) > STATEMENT_NAME:
        name = name[: STATEMENT_NAME - 1] + "…"
    return f"{entry.marker} {name}".rstrip()


def _inference_symbol(snapshot: Snapshot, entry: NodeEntry) -> types.DocumentSymbol | None:
    """The symbol of the inference line written before statement `entry`, if it has one."""
    where = entry.inference
    reconstruction = snapshot.map.reconstructions.get(where.argument) if where is not None else None
    if where is None or reconstruction is None or where.span.path != snapshot.path:
        return None
    inference = reconstruction.inferences[where.index]
    whole = snapshot.lines.range_at(where.span.line, 1, len(snapshot.lines.line(where.span.line)) + 1)
    return types.DocumentSymbol(name=inference.line, kind=types.SymbolKind.Operator, range=whole,
                                selection_range=whole, detail=inference.summary or "inference", children=[])


def _node_symbols(snapshot: Snapshot, entries: tuple[NodeEntry, ...]) -> list[types.DocumentSymbol]:
    out: list[types.DocumentSymbol] = []
    last_lines = _last_lines(entries)
    pending = [(entry, out, 0) for entry in reversed(entries)]
    while pending:
        entry, siblings, depth = pending.pop()
        node = snapshot.map.nodes.get(entry.node)
        statement = entry.marker is not None and entry.marker.startswith("(")
        shown = node is not None and (statement or (not entry.is_reference and node.title is not None))
        if not shown or entry.span.path != snapshot.path:
            pending.extend((child, siblings, depth) for child in reversed(entry.children))
            continue
        lines = snapshot.lines
        if statement:
            inference = _inference_symbol(snapshot, entry)
            if inference is not None:
                siblings.append(inference)
            columns = (entry.span.column, len(lines.line(entry.span.line)) + 1)
        else:
            columns = title_token(lines.line(entry.span.line), node.span.column) or (1, 1)
        last = last_lines[id(entry)]
        symbol = types.DocumentSymbol(
            name=_statement_name(snapshot.map, entry) if statement else node.title,
            detail=f"{node.kind.value} (refers)" if statement and entry.is_reference else node.kind.value,
            kind=_KIND.get(node.kind, types.SymbolKind.String),
            range=types.Range(lines.to_lsp(entry.span.line, 1), lines.to_lsp(last, len(lines.line(last)) + 1)),
            selection_range=lines.range_at(entry.span.line, *columns),
            children=[],
        )
        siblings.append(symbol)
        below, depth = (symbol.children, depth + 1) if depth < MAX_DEPTH else (siblings, depth)
        pending.extend((child, below, depth) for child in reversed(entry.children))
    return out


def _section_end(snapshot: Snapshot, heading_line: int, next_heading: int | None) -> types.Position:
    """The end of a section: its last non-blank line before the next heading that closes it."""
    lines = snapshot.lines
    last = (next_heading or len(lines.lines) + 1) - 1
    while last > heading_line and not lines.line(last).strip():
        last -= 1
    return lines.to_lsp(last, len(lines.line(last)) + 1)


def document_symbols(snapshot: Snapshot) -> list[types.DocumentSymbol]:
    """Sections and titled nodes as a tree, in document order."""
    m, lines = snapshot.map, snapshot.lines
    top: list[types.DocumentSymbol] = []
    open_sections: list[tuple[int, int, types.DocumentSymbol]] = []  # (level, heading line, symbol)

    def close(until_level: int, next_heading: int | None) -> None:
        while open_sections and open_sections[-1][0] >= until_level:
            _, heading, symbol = open_sections.pop()
            symbol.range = types.Range(symbol.range.start, _section_end(snapshot, heading, next_heading))

    for entry in m.document:
        if entry.span.path != snapshot.path:
            continue
        container = open_sections[-1][2].children if open_sections else top
        if isinstance(entry, SectionEntry):
            section = m.sections[entry.section]
            close(section.level, entry.span.line)
            container = open_sections[-1][2].children if open_sections else top
            heading = lines.range_at(entry.span.line, 1, len(lines.line(entry.span.line)) + 1)
            symbol = types.DocumentSymbol(section.title or "(untitled section)", types.SymbolKind.Namespace,
                                          heading, heading, detail="#" * section.level, children=[])
            container.append(symbol)
            open_sections.append((section.level, entry.span.line, symbol))
        elif isinstance(entry, NodeEntry):
            container.extend(_node_symbols(snapshot, (entry,)))
    close(0, None)
    return top

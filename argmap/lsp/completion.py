"""Completion of titles after `[` and `<`, actors after `@`, sources after `^`, tags after `#`.

Names come from the last parsed version of the document; the text before the cursor comes
from the current one, so completion works while a large file is still being re-parsed. Long
lists are filtered by what was typed and cut to `LIMIT` items (marked incomplete, so the
client asks again as the user types).
"""

from __future__ import annotations

import re
from typing import Iterable

from lsprotocol import types

from ..format import format_tag, title_syntax
from ..model import Map, NodeKind
from .positions import LineIndex

LIMIT = 200

# what the text before the cursor ends with → (kind, the typed part)
_TRIGGERS = [
    ("actor", re.compile(r"(?<!\S)@([\w-]*)$")),
    ("source", re.compile(r"(?<!\S)\^([\w-]*)$")),
    ("tag", re.compile(r"(?<!\S)#(\(?[^)\s]*)$")),
    ("claim", re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)$")),
    ("argument", re.compile(r"(?<![\\<])<((?:[^>\\<]|\\.)*)$")),
]

_KINDS = {
    "actor": types.CompletionItemKind.Variable,
    "source": types.CompletionItemKind.Reference,
    "tag": types.CompletionItemKind.Keyword,
    "claim": types.CompletionItemKind.Value,
    "argument": types.CompletionItemKind.Function,
}


def trigger(prefix: str) -> tuple[str, str] | None:
    """What is being completed at the end of `prefix` (the line up to the cursor), if anything."""
    for kind, pattern in _TRIGGERS:
        match = pattern.search(prefix)
        if match:
            return kind, match.group(1)
    return None


def _tags(m: Map, line: int, column: int) -> list[str]:
    """Every tag written in the map, except the one being typed at (line, column)."""
    written = (u for u in m.usages if u.kind == "tag")
    return list(dict.fromkeys(u.name for u in written
                              if (u.span.line, u.span.column, u.span.path) != (line, column, m.path)))


def _candidates(m: Map, kind: str, tags: list[str]) -> Iterable[tuple[str, str, str]]:
    """(label, text to insert, detail) for every name of a kind."""
    if kind == "actor":
        return ((a.id, a.id, a.name) for a in m.actors.values())
    if kind == "source":
        return ((s.id, s.id, s.citation) for s in m.sources.values())
    if kind == "tag":
        return ((t, format_tag(t)[1:], "tag") for t in tags)
    wanted = {NodeKind.ARGUMENT} if kind == "argument" else {NodeKind.CLAIM, NodeKind.EVIDENCE}
    return (
        (n.title, title_syntax(n.kind, n.title)[1:], n.plain_text[:80])
        for n in m.nodes.values()
        if n.title is not None and n.kind in wanted
    )


def complete(m: Map, lines: LineIndex, position: types.Position) -> types.CompletionList:
    """The completion list at a position."""
    line, column = lines.from_lsp(position)
    text = lines.line(line)
    found = trigger(text[: column - 1])
    if found is None:
        return types.CompletionList(is_incomplete=False, items=[])
    kind, typed = found
    sigil_column = column - len(typed) - 1  # where the `#`, `@`, `^`, `[` or `<` is
    start = column - len(typed)
    end = column
    closing = {"claim": "]", "argument": ">"}.get(kind)
    if kind == "tag" and typed.startswith("("):
        closing, typed = ")", typed[1:]  # `#(two wo` → filter on "two wo", replace "(two wo"
    if closing and text[column - 1 : column] == closing:
        end += 1  # the editor already closed the bracket: replace it with ours
    edit_range = lines.range_at(line, start, end)
    needle = typed.lower()
    tags = _tags(m, line, sigil_column) if kind == "tag" else []
    matches = [c for c in _candidates(m, kind, tags) if needle in c[0].lower()]
    matches.sort(key=lambda c: (not c[0].lower().startswith(needle), c[0].lower()))
    items = [
        types.CompletionItem(
            label=label,
            kind=_KINDS[kind],
            detail=detail,
            filter_text=insert,
            text_edit=types.TextEdit(edit_range, insert),
        )
        for label, insert, detail in matches[:LIMIT]
    ]
    return types.CompletionList(is_incomplete=len(matches) > LIMIT, items=items)

"""Completion of titles after `[` and `<`, actors after `@`, sources after `^`, tags after `#`,
scheme names after `{scheme:` (the map's catalogue), on an inference line the rules the map
already uses after `-- ` and the numbers of the statements above after `{uses: [`, and of the keyword heads (`question:`,
`evidence:`) where a node starts.

Names come from the last parsed version of the document; the text before the cursor comes
from the current one, so completion works while a large file is still being re-parsed. Long
lists are filtered by what was typed and cut to `LIMIT` items (marked incomplete, so the
client asks again as the user types).
"""

from __future__ import annotations

import re
from typing import Iterable

from lsprotocol import types

from ..language.vocabulary import HEAD_KEYWORDS, MARKER_PATTERN
from ..language.write.format import format_tag, title_syntax
from ..model import Map, NodeKind
from .positions import LineIndex

LIMIT = 50
DETAIL = 60  # characters of a node's text shown next to its title

# what the text before the cursor ends with → (kind, the typed part)
_TRIGGERS = [
    # on an inference line (`-- rule {meta} --`): its `uses` list, or the rule after `-- `
    ("uses", re.compile(r"^[ \t]*--[^{}]*\{[^{}]*(?<![\w-])uses:[ \t]*\[(?:[ \t]*\d+[ \t]*,)*[ \t]*(\d*)$")),
    ("rule", re.compile(r"^[ \t]*-- ((?:(?!--|//)[^{}])*)$")),
    ("scheme", re.compile(r"\{[^{}]*(?<![\w-])scheme:[ \t]*([\w-]*)$")),
    ("actor", re.compile(r"(?<!\S)@([\w-]*)$")),
    ("source", re.compile(r"(?<!\S)\^([\w-]*)$")),
    ("tag", re.compile(r"(?<=\s)#(\([^)]*|[\w-]*)$")),  # not at column 1: that is a heading
    ("claim", re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)$")),
    ("argument", re.compile(r"(?<![\\<])<((?:[^>\\<]|\\.)*)$")),
    # the start of a node: the line so far is blanks, maybe a marker and a {…} block, then a word
    ("keyword", re.compile(rf"^[ \t]*(?:(?:{MARKER_PATTERN})[ \t]+(?:\{{[^{{}}]*\}}[ \t]*)?)?([a-z]*)$")),
]

_KINDS = {
    "actor": types.CompletionItemKind.Variable,
    "source": types.CompletionItemKind.Reference,
    "tag": types.CompletionItemKind.Keyword,
    "claim": types.CompletionItemKind.Value,
    "argument": types.CompletionItemKind.Function,
    "keyword": types.CompletionItemKind.Keyword,
    "scheme": types.CompletionItemKind.EnumMember,
    "uses": types.CompletionItemKind.Reference,
    "rule": types.CompletionItemKind.Operator,
}
#: what each keyword head starts, shown next to it
_KEYWORD_DETAILS = {NodeKind.EVIDENCE: "evidence: factual backing (cite a ^source)",
                    NodeKind.QUESTION: "question: asks, asserts nothing (no reason for or against)"}


def trigger(prefix: str) -> tuple[str, str] | None:
    """What is being completed at the end of `prefix` (the line up to the cursor), if anything."""
    for kind, pattern in _TRIGGERS:
        match = pattern.search(prefix)
        if match:
            typed = match.group(1)
            if kind == "keyword" and not (typed or prefix.strip()):
                return None  # a blank line: nothing asked yet
            if kind == "keyword" and not any(k.startswith(typed) for k in HEAD_KEYWORDS.values()):
                return None
            return kind, typed
    return None


def _tags(m: Map, line: int, column: int) -> list[str]:
    """Every tag written in the map, except the one being typed at (line, column)."""
    written = (u for u in m.usages if u.kind == "tag")
    return list(dict.fromkeys(u.name for u in written
                              if (u.span.line, u.span.column, u.span.path) != (line, column, m.path)))


def _rules(m: Map, line: int) -> list[str]:
    """Every inference rule named in the map, except on line `line` (the one being typed)."""
    return list(dict.fromkeys(i.rule for r in m.reconstructions.values() for i in r.inferences
                              if i.rule and (i.span.line, i.span.path) != (line, m.path)))


def _statements_above(m: Map, line: int) -> list[tuple[str, object]]:
    """(number, node) of the statements written above `line` in the reconstruction nearest above it."""
    best: tuple[int, list[tuple[str, object]]] = (0, [])
    for reconstruction in m.reconstructions.values():
        above = [(str(n), m.nodes.get(node_id)) for n, (node_id, span)
                 in enumerate(zip(reconstruction.statements, reconstruction.statement_spans), start=1)
                 if span.path == m.path and span.line < line]
        nearest = max((s.line for s in reconstruction.statement_spans if s.path == m.path and s.line < line),
                      default=0)
        if above and nearest > best[0]:
            best = (nearest, above)
    return best[1]


def _names(m: Map, kind: str, tags: list[str]) -> Iterable[tuple[str, object]]:
    """(label, what it names) for every name of a kind; cheap: details come later, for the few shown."""
    if kind == "actor":
        return ((a.id, a) for a in m.actors.values())
    if kind == "source":
        return ((s.id, s) for s in m.sources.values())
    if kind == "tag":
        return ((t, t) for t in tags)
    if kind == "keyword":
        return ((keyword, node_kind) for node_kind, keyword in HEAD_KEYWORDS.items())
    if kind == "scheme":
        from ..schemes.uses import map_catalogue

        return ((ident, scheme) for ident, scheme in map_catalogue(m)[0].schemes.items())
    # `[Title]` names claims, evidence and questions alike; `<Title>` arguments
    wanted = {NodeKind.ARGUMENT} if kind == "argument" else set(NodeKind) - {NodeKind.ARGUMENT}
    return ((n.title, n) for n in m.nodes.values() if n.title is not None and n.kind in wanted)


def _item(kind: str, label: str, named: object, edit_range: types.Range) -> types.CompletionItem:
    """The completion item of one name."""
    if kind == "tag":
        insert, detail = format_tag(label)[1:], "tag"
    elif kind == "rule":
        insert, detail = label, "inference rule"
    elif kind == "uses":
        insert, detail = label, (named.title or named.plain_text) if named else ""  # type: ignore[attr-defined]
    elif kind == "keyword":
        insert, detail = f"{label}: ", _KEYWORD_DETAILS.get(named, label)  # type: ignore[call-overload]
    elif kind == "scheme":
        insert, detail = label, named.name  # type: ignore[attr-defined]
    elif kind in ("actor", "source"):
        insert, detail = label, getattr(named, "name", None) or getattr(named, "citation", "")
    else:
        insert = title_syntax(named.kind, label)[1:]  # type: ignore[attr-defined]
        detail = named.plain_text  # type: ignore[attr-defined]
    return types.CompletionItem(
        label=label,
        kind=_KINDS[kind],
        detail=detail[:DETAIL] if detail else None,
        filter_text=insert if insert != label and kind != "keyword" else None,
        text_edit=types.TextEdit(edit_range, insert),
    )


def complete(m: Map, line_text: str, position: types.Position,
             encoding: str = types.PositionEncodingKind.Utf16) -> types.CompletionList:
    """The completion list at `position`, whose line reads `line_text` (as the client has it)."""
    line = LineIndex(line_text, encoding)  # one line: conversions on it, then moved to `position.line`
    _, column = line.from_lsp(types.Position(0, position.character))
    text = line.line(1)
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
    one_line = line.range_at(1, start, end)
    edit_range = types.Range(types.Position(position.line, one_line.start.character),
                             types.Position(position.line, one_line.end.character))
    needle = typed.lower()
    tags = _tags(m, position.line + 1, sigil_column) if kind == "tag" else []
    if kind == "uses":
        listed = set(re.findall(r"\d+", text[: start - 1].rsplit("[", 1)[1]))
        names: Iterable[tuple[str, object]] = [(n, node) for n, node in _statements_above(m, position.line + 1)
                                               if n not in listed]
    elif kind == "rule":
        names = ((rule, rule) for rule in _rules(m, position.line + 1))
    else:
        names = _names(m, kind, tags)
    matches = [(label, named) for label, named in names
               if (label.startswith(needle) if kind in ("keyword", "uses") else needle in label.lower())]
    if kind != "uses":  # statements stay in their order
        matches.sort(key=lambda c: (not c[0].lower().startswith(needle), c[0].lower()))
    items = [_item(kind, label, named, edit_range) for label, named in matches[:LIMIT]]
    return types.CompletionList(is_incomplete=len(matches) > LIMIT, items=items)

"""Quick fixes: replace an undefined title, actor or source by one of the nearest known names.

The suggestions come from the diagnostics themselves (`Diagnostic.suggestions`, sent to the
client in `data`); a client that does not echo `data` back gets them from the last parse.
"""

from __future__ import annotations

from lsprotocol import types

from ..language.write.format import title_syntax
from ..model import NodeKind
from .document import Snapshot

FIXABLE = ("undefined-node", "unknown-actor", "unknown-source")


def _replacement(suggestion: str) -> str:
    """A suggestion (`[Title]`, `<Title>`, `@id`, `^id`) written with the escapes it needs."""
    if suggestion[:1] == "[" and suggestion[-1:] == "]":
        return title_syntax(NodeKind.CLAIM, suggestion[1:-1])
    if suggestion[:1] == "<" and suggestion[-1:] == ">":
        return title_syntax(NodeKind.ARGUMENT, suggestion[1:-1])
    return suggestion


def _suggestions(snapshot: Snapshot, diagnostic: types.Diagnostic) -> list[str]:
    data = diagnostic.data
    if isinstance(data, dict) and isinstance(data.get("suggestions"), list):
        return [s for s in data["suggestions"] if isinstance(s, str)]
    for known in snapshot.diagnostics:  # the client dropped `data`: find it by code and place
        if known.code == diagnostic.code and snapshot.lines.range_of(known.span) == diagnostic.range:
            return list(known.suggestions)
    return []


def code_actions(snapshot: Snapshot, params: types.CodeActionParams) -> list[types.CodeAction]:
    """A quick fix per suggestion of every fixable diagnostic in the request's context."""
    actions = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.code not in FIXABLE:
            continue
        for rank, suggestion in enumerate(_suggestions(snapshot, diagnostic)):
            text = _replacement(suggestion)
            actions.append(types.CodeAction(
                title=f"Change to {text}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=rank == 0,
                edit=types.WorkspaceEdit(changes={params.text_document.uri: [types.TextEdit(diagnostic.range, text)]}),
            ))
    return actions

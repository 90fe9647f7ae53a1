"""Quick fixes: replace an undefined title, actor or source by one of the nearest known names;
answer an open critical question with a new node under its argument.

The suggestions come from the diagnostics themselves (`Diagnostic.suggestions`, sent to the
client in `data`); a client that does not echo `data` back gets them from the last parse.
"""

from __future__ import annotations

import re

from lsprotocol import types

from ..language.write.format import escape_text, title_syntax
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
        if diagnostic.code == "unanswered-critical-question":
            actions += answer_actions(snapshot, diagnostic, params.text_document.uri)
            continue
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


#: what an open question's message says (argmap.schemes.check): the argument and the question
_OPEN_QUESTION = re.compile(r"^(.+?) \([a-z0-9-]+\) leaves (CQ[0-9]+) open, an? [a-z]+ question: (.*)$", re.S)


def answer_actions(snapshot: Snapshot, diagnostic: types.Diagnostic, uri: str) -> list[types.CodeAction]:
    """For an open critical question: add a node under the argument that answers it, one that
    defends the argument (`+`) and one that raises the question against it (`-`)."""
    found = _OPEN_QUESTION.match(diagnostic.message)
    node = snapshot.map.nodes.get(found.group(1)) if found else None
    if node is None or node.span.path != snapshot.map.path or node.span.line < 1:
        return []
    lines = snapshot.text.replace("\r\n", "\n").split("\n")
    head = lines[node.span.line - 1]
    depth = len(head) - len(head.lstrip(" \t"))
    after = node.span.line  # the line (0-based) after the argument's text and children
    for number in range(node.span.line, len(lines)):
        text = lines[number]
        if text.strip() and len(text) - len(text.lstrip(" \t")) <= depth:
            break
        if text.strip():
            after = number + 1
    question, asks = found.group(2), found.group(3)
    indent = head[:depth] + "  "
    actions = []
    for marker, how in (("+", "defends it"), ("-", "raises it")):
        line = f"{indent}{marker} {escape_text('Answer to ' + question + ': ' + asks)} {{answers: {question}}}"
        if after < len(lines):
            where, line = types.Position(after, 0), line + "\n"
        else:  # the last line of a file without a final line break
            end = len(lines[-1]) + 1
            where, line = snapshot.lines.range_at(len(lines), end, end).start, "\n" + line
        actions.append(types.CodeAction(
            title=f"Answer {question} with a node that {how}",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(types.Range(where, where), line)]}),
        ))
    return actions

"""Quick fixes: replace an undefined title, actor or source by one of the nearest known names;
answer an open critical question with a new node under its argument (or inference).

The suggestions come from the diagnostics themselves (`Diagnostic.suggestions`, sent to the
client in `data`); a client that does not echo `data` back gets them from the last parse.
"""

from __future__ import annotations

import re

from lsprotocol import types

from ..language.write.format import escape_text, title_syntax
from ..errors import Span
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
    """For an open critical question: add a node that answers it, one that defends the use and
    one that raises the question against it — under the argument (`+`, `-`), or for an
    inference line under the statement it concludes (`+`, and `_`: an undercut)."""
    found = _OPEN_QUESTION.match(diagnostic.message)
    anchor = _anchor(snapshot, found.group(1)) if found else None
    if anchor is None or anchor[0].path != snapshot.map.path or anchor[0].line < 1:
        return []
    span, raise_marker = anchor
    lines = snapshot.text.replace("\r\n", "\n").split("\n")
    head = lines[span.line - 1]
    depth = len(head) - len(head.lstrip(" \t"))
    after = span.line  # the line (0-based) after the anchor's text and children
    for number in range(span.line, len(lines)):
        text = lines[number]
        if text.strip() and len(text) - len(text.lstrip(" \t")) <= depth:
            break
        if text.strip():
            after = number + 1
    question, asks = found.group(2), found.group(3)
    indent = head[:depth] + "  "
    actions = []
    for marker, how in (("+", "defends it"), (raise_marker, "raises it")):
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


_INFERENCE = re.compile(r"^(.+)\(([0-9]+)\)$", re.S)


def _anchor(snapshot: Snapshot, name: str) -> tuple[Span, str] | None:
    """Where the answers to a use named `name` go, and the marker that raises a question there:
    the argument's line (`-`), or for `<A>(N)` the line of statement N of `<A>` (`_`)."""
    m = snapshot.map
    if name in m.nodes:
        return m.nodes[name].span, "-"
    found = _INFERENCE.match(name)
    reconstruction = m.reconstructions.get(found.group(1)) if found else None
    number = int(found.group(2)) if found else 0
    if reconstruction is None or not 1 <= number <= len(reconstruction.statement_spans):
        return None
    return reconstruction.statement_spans[number - 1], "_"

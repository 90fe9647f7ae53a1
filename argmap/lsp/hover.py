"""Hover: what a title, actor, source or tag stands for, as Markdown.

For a node: kind, full text, actors, sources, tags, metadata and — when analysis is
available — its status and strength (argmap.analyze.analyze_map) and why it has that status
(the short grounded explanation of argmap.analyze.explain).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from ..model import Map, Node
from ..printable import visible
from .document import Snapshot

if TYPE_CHECKING:
    from ..schemes.uses import Use


def _code(identifier: str) -> str:
    """An actor or source ID (letters, digits, `_`, `-`: nothing to escape) as inline code."""
    return f"`{identifier}`"


_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")  # markup anywhere in a line
# markup only at the start of a line: a heading, a list item, a setext underline, a numbered item
_LINE_START = re.compile(r"^([ \t]*)(?:([#+=-])|(\d+)(?=[.)]))")


def _escape_line_start(match: re.Match) -> str:
    indent, marker, number = match.groups()
    return indent + ("\\" + marker if marker else number + "\\")


def _escape(text: str, starts_line: bool = False) -> str:
    """Markdown-escape map text so that it shows as written (it is data, not markup), its
    control characters escaped (`\\x1b`, printable.visible) first. Only what can start markup
    there is escaped, so that a client showing the Markdown as it is (Neovim before 0.10, eglot
    without markdown-mode) shows prose with few backslashes. `starts_line`: the text begins a
    line of the hover (else it goes on after other text)."""
    lines = _INLINE.sub(r"\\\1", visible(text)).split("\n")
    return "\n".join(line if index == 0 and not starts_line else _LINE_START.sub(_escape_line_start, line)
                     for index, line in enumerate(lines))


_STATUS = {"in": "in — it stands", "out": "out — it is defeated", "undec": "undecided"}


def _analysis_lines(result: Any, node_id: str) -> list[str]:
    """Status and strength of a node from an `Analysis` (missing parts are left out)."""
    out = []
    status = getattr(result, "status", None)
    value = status.get(node_id) if isinstance(status, dict) else None
    if value is not None:
        semantics = getattr(result, "semantics", "")
        out.append(f"**status** ({_escape(str(semantics))}): {_escape(_STATUS.get(value, str(value)))}")
    strength = getattr(result, "strength", None)
    value = strength.get(node_id) if isinstance(strength, dict) else None
    if isinstance(value, (int, float)):
        out.append(f"**strength**: {value:.2f}")
    return out


def describe_node(m: Map, node: Node, analysis: Any | None, why: str | None = None) -> str:
    """The hover text of a node (`why`: the short explanation of its status)."""
    text = _escape(node.text, starts_line=True).replace("\n", "  \n")  # its lines as hard line breaks
    lines = [f"**{_escape(node.label)}** — {node.kind.value}", "", text]
    if node.actors:
        names = [f"{_escape(m.actors[a].name)} ({_code('@' + a)})" if a in m.actors else _code("@" + a)
                 for a in node.actors]
        lines += ["", "said by " + ", ".join(names)]
    for source_id in node.sources:
        source = m.sources.get(source_id)
        citation = _escape(source.citation) if source is not None else "(not declared)"
        lines += ["", f"{_code('^' + source_id)} {citation}"]
    if node.tags:
        lines += ["", "tags: " + ", ".join(_escape("#" + t) for t in node.tags)]
    if node.meta:
        lines += ["", ", ".join(f"{_escape(k)}: {_escape(str(v))}" for k, v in node.meta.items())]
    lines += _scheme_lines(m, node)
    if analysis is not None:
        extra = _analysis_lines(analysis, node.id)
        if extra:
            lines += ["", " · ".join(extra)]
        if why:
            lines += ["", f"**why**: {_escape(why)}"]
    return "\n".join(lines)


def _scheme_lines(m: Map, node: Node) -> list[str]:
    """The schemes a node and its inference lines name, each with its critical questions and
    their status (open, defended, raised)."""
    from ..schemes.uses import find_uses, map_catalogue, uses_schemes

    if not uses_schemes(m):
        return []
    lines: list[str] = []
    for use in find_uses(m, map_catalogue(m)[0]):
        if use.owner == node.id:
            lines += _use_lines(use, "" if use.inference is None else f"{_escape(use.label[len(node.id):])} ")
    return lines


def _use_lines(use: Use, where: str) -> list[str]:
    """A use's scheme (after `where`), with each critical question and its status."""
    if use.scheme is None:
        return ["", f"{where}scheme {_escape(str(use.name))}: not in the catalogue"]
    lines = ["", f"{where}**scheme**: {_escape(use.scheme.name)} ({_code(use.scheme.id)}); critical questions:", ""]
    return lines + [f"- {q.id} ({q.type}, {use.status(q.id)}): {_escape(q.text)}" for q in use.scheme.questions]


def _inference_hover(snapshot: Snapshot, line: int) -> tuple[str, types.Range] | None:
    """The hover of an inference line (1-based `line`): what it infers, and its scheme's
    questions; None if no inference line is written there."""
    m = snapshot.map
    for argument, reconstruction in m.reconstructions.items():
        for index, inference in enumerate(reconstruction.inferences):
            if inference.span.line != line or inference.span.path != snapshot.path:
                continue
            uses = ", ".join(f"({n})" for n in inference.uses) or "nothing"
            lines = [f"**{_escape(inference.line)}** — inference of {_escape(argument)}: from {uses} "
                     f"to ({inference.conclusion})"]
            if inference.scheme is not None:
                from ..schemes.uses import find_uses, map_catalogue

                use = next(u for u in find_uses(m, map_catalogue(m)[0])
                           if u.owner == argument and u.inference == index)
                lines += _use_lines(use, "")
            whole = snapshot.lines.range_at(line, 1, len(snapshot.lines.line(line)) + 1)
            return "\n".join(lines), whole
    return None


def _describe_declared(kind: str, name: str, label: str, meta: dict, count: int) -> str:
    lines = [f"**{_escape(label)}** — {kind} {_code(name)}"]
    if meta:
        lines += ["", ", ".join(f"{_escape(k)}: {_escape(str(v))}" for k, v in meta.items())]
    lines += ["", f"used on {count} node{'s' if count != 1 else ''}"]
    return "\n".join(lines)


_OWN_MARKUP = re.compile(r"\\(.)|\*\*|`")  # an escape, or the markup the hover adds itself


def plain_text(markdown: str) -> str:
    """A hover's Markdown as plain text: its own markup (bold, code, hard line breaks) dropped,
    the escapes of the map's text undone (every `*`, backtick and backslash of map text is
    escaped, so the ones left are the hover's own)."""
    return _OWN_MARKUP.sub(lambda match: match[1] or "", markdown).replace("  \n", "\n")


def reads_markdown(capabilities: types.ClientCapabilities) -> bool:
    """Whether a client takes Markdown hovers: yes, unless it lists the formats it reads
    (eglot does, without Markdown when markdown-mode is not installed) and Markdown is not
    among them."""
    hover_capabilities = capabilities.text_document.hover if capabilities.text_document else None
    formats = hover_capabilities.content_format if hover_capabilities else None
    return not formats or types.MarkupKind.Markdown in formats


def hover(snapshot: Snapshot, position: types.Position, markdown: bool = True) -> types.Hover | None:
    """The hover for the name under the cursor, None where there is none; in Markdown, or with
    `markdown` false in plain text."""
    occurrence = snapshot.occurrence_at(position)
    if occurrence is None:
        found = _inference_hover(snapshot, position.line + 1)
        return None if found is None else types.Hover(_content(found[0], markdown), found[1])
    m = snapshot.map
    if occurrence.kind == "node":
        node = m.nodes.get(occurrence.name)
        text = (describe_node(m, node, snapshot.analysis, snapshot.why(node.id)) if node
                else f"{_escape(occurrence.name)} is not defined")
    elif occurrence.kind in ("actor", "source"):
        table = m.actors if occurrence.kind == "actor" else m.sources
        item = table.get(occurrence.name)
        attribute = occurrence.kind + "s"
        count = sum(occurrence.name in getattr(n, attribute) for n in m.nodes.values())
        if item is None:
            text = f"{_code(occurrence.name)} is not a declared {occurrence.kind}"
        else:
            label = item.name if occurrence.kind == "actor" else item.citation
            text = _describe_declared(occurrence.kind, item.id, label, item.meta, count)
    else:
        count = sum(occurrence.name in n.tags for n in m.nodes.values())
        text = f"tag {_escape('#' + occurrence.name)} — on {count} node{'s' if count != 1 else ''}"
    return types.Hover(contents=_content(text, markdown), range=snapshot.range_of(occurrence))


def _content(text: str, markdown: bool) -> types.MarkupContent:
    return (types.MarkupContent(types.MarkupKind.Markdown, text) if markdown
            else types.MarkupContent(types.MarkupKind.PlainText, plain_text(text)))

"""Hover: what a title, actor, source or tag stands for, as Markdown.

For a node: kind, full text, actors, sources, tags, metadata and — when analysis is
available — its status and strength (argmap.analyze.analyze_map) and why it has that status
(the short grounded explanation of argmap.analyze.explain).
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from ..model import Map, Node
from ..printable import visible
from .document import Snapshot


def _code(identifier: str) -> str:
    """An actor or source ID (letters, digits, `_`, `-`: nothing to escape) as inline code."""
    return f"`{identifier}`"


def _escape(text: str) -> str:
    """Markdown-escape map text so that it shows as written (it is data, not markup), its
    control characters escaped (`\\x1b`, printable.visible) first."""
    special = "\\`*_{}[]<>()#+-.!|~&"
    return "".join("\\" + ch if ch in special else ch for ch in visible(text))


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
    lines = [f"**{_escape(node.label)}** — {node.kind.value}", "", _escape(node.text).replace("\n", "  \n")]
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
    """The scheme a node names, with each critical question and its status (open, defended, raised)."""
    from ..schemes.uses import SCHEME_KEY, find_uses, map_catalogue

    if SCHEME_KEY not in node.meta:
        return []
    use = next((u for u in find_uses(m, map_catalogue(m)[0]) if u.owner == node.id), None)
    if use is None or use.scheme is None:
        return ["", f"scheme {_escape(str(node.meta[SCHEME_KEY]))}: not in the catalogue"]
    lines = ["", f"**scheme**: {_escape(use.scheme.name)} ({_code(use.scheme.id)}); critical questions:", ""]
    lines += [f"- {q.id} ({q.type}, {use.status(q.id)}): {_escape(q.text)}" for q in use.scheme.questions]
    return lines


def _describe_declared(kind: str, name: str, label: str, meta: dict, count: int) -> str:
    lines = [f"**{_escape(label)}** — {kind} {_code(name)}"]
    if meta:
        lines += ["", ", ".join(f"{_escape(k)}: {_escape(str(v))}" for k, v in meta.items())]
    lines += ["", f"used on {count} node{'s' if count != 1 else ''}"]
    return "\n".join(lines)


def hover(snapshot: Snapshot, position: types.Position) -> types.Hover | None:
    """The hover for the name under the cursor, None where there is none."""
    occurrence = snapshot.occurrence_at(position)
    if occurrence is None:
        return None
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
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, text),
        range=snapshot.range_of(occurrence),
    )

"""Model -> Mermaid flowchart, for GitHub, GitLab and Obsidian, which draw it in Markdown.

Node ids are generated (`n1`, `n2`, …), never titles, and every label goes through `label()`,
which turns the characters Mermaid reads as syntax into entities (`#quot;`, `#35;`, …), so no
title or text can break out of its string; `%`, `{` and `}` too, in labels and in the `%%`
comments alike, since Mermaid reads a `%%{init: …}%%` directive anywhere in the text (inside a
label or a comment as well): map text can never reconfigure the diagram. Subgraph ids are the
`sN` the reader makes (any other id, as an import may give, is replaced by one). Sections become subgraphs, an actor's side (the
actor's `side` metadata, else the actor) a node colour, the relation kind the arrow's shape and
colour. An undercut of a relation points at a small junction node on that relation.

Losses (`argmap.export.losses`, recorded when a `losses` list is passed): map metadata other
than the title, actors (a side is only a colour), which actor said a node, tags, citations,
sources, node and relation metadata, relation weights and co-premise groups (each premise gets
its own arrow).
"""

from __future__ import annotations

import json
import re

from ..model import Map, Node, NodeKind, Relation, RelationKind
from ..sides import Sides

#: characters Mermaid would read as syntax inside a quoted label, and their entity
_ENTITIES = {
    '"': "#quot;",
    "#": "#35;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "\\": "#92;",
    "|": "#124;",
    "%": "#37;",
    "{": "#123;",
    "}": "#125;",
}
#: the map title in the front matter: a JSON string (YAML reads it) without `%`, `{`, `}`
_TITLE_ESCAPES = str.maketrans({"%": "\\u0025", "{": "\\u007b", "}": "\\u007d"})
_SUBGRAPH_ID = re.compile(r"s[0-9]+")
_SHAPES = {NodeKind.CLAIM: '["{}"]', NodeKind.ARGUMENT: '("{}")', NodeKind.EVIDENCE: '[/"{}"/]',
           NodeKind.QUESTION: '{{{{"{}"}}}}'}  # a hexagon: {{"…"}}
_ARROWS = {
    RelationKind.SUPPORT: "-->",
    RelationKind.ATTACK: "--x",
    RelationKind.UNDERCUT: "-.-x",
    RelationKind.CONTRADICTION: "x--x",
    RelationKind.REPHRASE: "-.-",  # a dotted line, no arrowhead: no support, no attack
}
_LINK_STYLES = {
    RelationKind.SUPPORT: "stroke:#2e7d32,stroke-width:2px",
    RelationKind.ATTACK: "stroke:#c62828,stroke-width:2px",
    RelationKind.UNDERCUT: "stroke:#6a1b9a,stroke-width:2px,stroke-dasharray:4 3",
    RelationKind.CONTRADICTION: "stroke:#e65100,stroke-width:3px",
    RelationKind.REPHRASE: "stroke:#8a8a8a,stroke-width:1px,stroke-dasharray:3 3",
}


def label(text: str) -> str:
    """Text made safe for a double-quoted Mermaid label (entities; line breaks as <br/>)."""
    out = []
    for char in text:
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char == "\n":
            out.append("<br/>")
        elif ord(char) < 32 or char in "\u2028\u2029":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def _node_label(node: Node) -> str:
    if node.title is None:
        return label(node.text)
    return f"<b>{label(node.title)}</b><br/>{label(node.plain_text)}" if node.text else label(
        node.title
    )


#: what a Mermaid flowchart shows of a map (see `argmap.export.losses.FEATURES`)
KEEPS = frozenset({"node-text", "node-kind", "node-title", "node-section", "section",
                   "support", "attack", "undercut", "contradiction", "rephrase"})


def _record_losses(map: Map, losses: list | None) -> None:
    if losses is None:
        return
    from dataclasses import replace

    from .losses import unkept

    rest = {key: value for key, value in map.metadata.items() if key != "title"}
    unkept(replace(map, metadata=rest), losses, keeps=KEEPS)


def map_to_mermaid(map: Map, losses: list | None = None) -> str:
    """The map as a Mermaid `flowchart BT` (reasons below the claims they bear on); what it
    cannot show is appended to `losses` when given."""
    _record_losses(map, losses)
    ids = {node_id: f"n{i}" for i, node_id in enumerate(map.nodes, 1)}
    sides = Sides(map)
    lines = []
    if map.title:
        title = json.dumps(map.title, ensure_ascii=False).translate(_TITLE_ESCAPES)
        lines += ["---", f"title: {title}", "---"]
    lines.append("flowchart BT")

    by_section: dict[str | None, list[Node]] = {}
    for node in map.nodes.values():
        section = node.section if node.section in map.sections else None
        by_section.setdefault(section, []).append(node)

    def node_line(node: Node, indent: str) -> str:
        side = sides.of_node(node)
        css = f"side{side.number}" if side is not None else node.kind.value
        return f"{indent}{ids[node.id]}{_SHAPES[node.kind].format(_node_label(node))}:::{css}"

    def emit_section(section_id: str | None, indent: str) -> None:
        for node in by_section.get(section_id, ()):
            lines.append(node_line(node, indent))
        for child in map.sections.values():
            if child.parent == section_id and section_id is not None:
                emit_subgraph(child.id, indent)

    def emit_subgraph(section_id: str, indent: str) -> None:
        section = map.sections[section_id]
        lines.append(f'{indent}subgraph {subgraph_ids[section_id]}["{label(section.title)}"]')
        emit_section(section_id, indent + "  ")
        lines.append(f"{indent}end")

    subgraph_ids = {sid: sid if _SUBGRAPH_ID.fullmatch(sid) else f"section{n}"
                    for n, sid in enumerate(map.sections, 1)}
    emit_section(None, "  ")
    for section in map.sections.values():
        if section.parent is None or section.parent not in map.sections:
            emit_subgraph(section.id, "  ")

    links: dict[RelationKind, list[int]] = {kind: [] for kind in RelationKind}
    undercut = {r.target for r in map.relations.values() if r.targets_relation}
    count = 0

    def link(src: str, arrow: str, dst: str, kind: RelationKind) -> None:
        nonlocal count
        lines.append(f"  {src} {arrow} {dst}")
        links[kind].append(count)
        count += 1

    def endpoint(relation: Relation, ident: str) -> str | None:
        if ident in ids:
            return ids[ident]
        if ident in undercut and ident in map.relations:
            return f"j_{ident}"
        return None

    for relation in map.relations.values():
        src, dst = endpoint(relation, relation.source), endpoint(relation, relation.target)
        if src is None or dst is None:
            continue  # a dangling reference: `argmap check` reports it
        if relation.id in undercut:
            lines.append(f'  j_{relation.id}((" "))')
            link(src, "---", f"j_{relation.id}", relation.kind)
            link(f"j_{relation.id}", _ARROWS[relation.kind], dst, relation.kind)
        else:
            link(src, _ARROWS[relation.kind], dst, relation.kind)

    lines.append("  classDef claim fill:#ffffff,stroke:#37474f")
    lines.append("  classDef argument fill:#eceff1,stroke:#37474f")
    lines.append("  classDef evidence fill:#fafafa,stroke:#37474f,stroke-dasharray:3 3")
    if any(node.kind is NodeKind.QUESTION for node in map.nodes.values()):
        lines.append("  classDef question fill:#fffde7,stroke:#37474f")
    for side in sides.all:
        lines.append(f"  %% side{side.number}: {label(' '.join(side.name.split()))}")
        lines.append(f"  classDef side{side.number} fill:{side.fill},stroke:{side.tone}")
    for kind, numbers in links.items():
        if numbers:
            lines.append(f"  linkStyle {','.join(str(n) for n in numbers)} {_LINK_STYLES[kind]}")
    return "\n".join(lines) + "\n"

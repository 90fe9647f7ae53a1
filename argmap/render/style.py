"""The look of a map: one colour per side (or actor), node shapes per kind, edge styles, legend.

Colours come in pairs: a pale fill for a node's background and a strong tone for its border and
for the legend swatch. Greens and reds are kept for relations (support / attack), so a side's
colour is never mistaken for an edge's meaning.
"""

from __future__ import annotations

from ..errors import RenderError
from ..model import Node, NodeKind, RelationKind
from ..sides import NEUTRAL, Side, Sides
from .labels import SMALL_SIZE, escape_html, small
from .statements import Html

FONT = "Helvetica"
#: space between nodes and ranks and inside nodes (inches): roomy by default, compact on a page
SPACING = {
    "roomy": {"nodesep": "0.3", "ranksep": "0.45", "margin": "0.12,0.06"},
    "compact": {"nodesep": "0.15", "ranksep": "0.3", "margin": "0.08,0.04"},
}

NEUTRAL_ARGUMENT_FILL = "#efefec"
EVIDENCE_FILL = "#f6f6f1"

#: relation kind -> (colour, DOT edge attributes)
EDGE_STYLES: dict[RelationKind, dict[str, str]] = {
    RelationKind.SUPPORT: {"color": "#2e7d32", "arrowhead": "normal", "penwidth": "1.4"},
    RelationKind.ATTACK: {"color": "#c62828", "arrowhead": "tee", "penwidth": "1.6"},
    RelationKind.UNDERCUT: {"color": "#c62828", "arrowhead": "tee", "style": "dashed", "penwidth": "1.4"},
    RelationKind.CONTRADICTION: {
        "color": "#9c1c5b", "dir": "both", "arrowhead": "normal", "arrowtail": "normal",
        "penwidth": "1.6",
    },
    # no support, no attack: a grey dashed line with no head (the same claim in other words)
    RelationKind.REPHRASE: {"color": "#8a8a8a", "style": "dashed", "dir": "none", "arrowhead": "none",
                            "penwidth": "1.2"},
}
#: relation kind -> (a sketch of the edge in plain ASCII, which every font has; its meaning)
EDGE_WORDS = {
    RelationKind.SUPPORT: ("----&gt;", "supports"),
    RelationKind.ATTACK: ("----|", "attacks"),
    RelationKind.UNDERCUT: ("- - -|", "undercuts an inference"),
    RelationKind.CONTRADICTION: ("&lt;----&gt;", "contradict each other"),
    RelationKind.REPHRASE: ("- - - -", "restates (in other words)"),
}


def node_attributes(node: Node, palette: Sides) -> dict[str, str]:
    """Shape, fill and border of a node by its kind and side."""
    fill, tone = palette.colors(node)
    if node.kind is NodeKind.CLAIM:
        return {"shape": "box", "style": "rounded,filled", "fillcolor": fill, "color": tone}
    if node.kind is NodeKind.ARGUMENT:
        fill = NEUTRAL_ARGUMENT_FILL if fill == NEUTRAL[0] else fill
        return {"shape": "box", "style": "filled", "fillcolor": fill, "color": tone, "penwidth": "2"}
    if node.kind is NodeKind.EVIDENCE:
        return {"shape": "note", "style": "filled", "fillcolor": EVIDENCE_FILL, "color": tone}
    if node.kind is NodeKind.QUESTION:  # a hexagon: no other kind is drawn so, in colour or in grey
        return {"shape": "hexagon", "style": "filled", "fillcolor": fill, "color": tone, "margin": "0.05,0.04"}
    raise RenderError(f"no style for node kind {node.kind!r}")


def _swatch(fill: str, tone: str, *, border: int = 1, rounded: bool = False) -> str:
    style = ' STYLE="rounded"' if rounded else ""
    return (f'<TD BGCOLOR="{fill}" COLOR="{tone}" BORDER="{border}"{style} WIDTH="22" HEIGHT="12"'
            f' FIXEDSIZE="TRUE"> </TD>')


#: node kind -> (legend swatch, words)
KIND_WORDS = {
    NodeKind.CLAIM: (_swatch("#ffffff", "#6f6f6f", rounded=True), "claim"),
    NodeKind.ARGUMENT: (_swatch(NEUTRAL_ARGUMENT_FILL, "#6f6f6f", border=2), "argument"),
    NodeKind.EVIDENCE: (_swatch(EVIDENCE_FILL, "#6f6f6f"), "evidence (folded corner)"),
    # an HTML cell cannot be a hexagon: a "?" in a box stands for it
    NodeKind.QUESTION: ('<TD BORDER="1" COLOR="#6f6f6f" WIDTH="22" HEIGHT="12" FIXEDSIZE="TRUE">'
                        f'<FONT POINT-SIZE="{SMALL_SIZE}"><B>?</B></FONT></TD>', "question (hexagon)"),
}


def _group(heading: str, rows: list[str]) -> str:
    """One column of the legend: a grey heading over its rows."""
    head = f'<TR><TD COLSPAN="2" ALIGN="LEFT">{small(heading, "#777777")}</TD></TR>'
    return ('<TD VALIGN="TOP"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">'
            + head + "".join(rows) + "</TABLE></TD>")


def legend_label(
    title: str | None,
    parties: list[Side],
    node_kinds: list[NodeKind],
    relation_kinds: list[RelationKind],
    footnotes: list[tuple[int, str]],
    extra_rows: list[str],
    *,
    weighted: bool = False,
    focus: str | None = None,
    per_row: int = 5,
    structure_rows: list[str] | None = None,
) -> Html | None:
    """The legend, placed as the graph label: the map's title over columns for sides, node
    kinds, relations, analysis overlays and sources (only what the drawing shows); `weighted`
    explains line widths, `focus` (a title) the double border of the focused node; at most
    `per_row` columns side by side (a drawing fitted to a portrait page takes 2: a narrow legend);
    `structure_rows` explain reconstructions and scheme badges (reconstruction.py), under the
    node kinds."""
    sides = []
    for party in parties:
        label = f"<B>{escape_html(party.name)}</B>"
        if party.actor_names != (party.name,):
            label += " " + small(escape_html(", ".join(party.actor_names)), "#555555")
        sides.append(f'<TR>{_swatch(party.fill, party.tone)}<TD ALIGN="LEFT">{label}</TD></TR>')
    # claims alone need no key: the shapes only tell something when kinds are mixed
    shown_kinds = node_kinds if set(node_kinds) - {NodeKind.CLAIM} else []
    kinds = [f'<TR>{KIND_WORDS[k][0]}<TD ALIGN="LEFT">{KIND_WORDS[k][1]}</TD></TR>' for k in shown_kinds]
    if focus is not None:
        kinds.append(f'<TR><TD BORDER="3" STYLE="rounded" COLOR="#6f6f6f" WIDTH="22" HEIGHT="12" FIXEDSIZE="TRUE">'
                     f' </TD><TD ALIGN="LEFT">double border: the focus, {escape_html(focus)}</TD></TR>')
    kinds.extend(structure_rows or [])  # in the same column: a legend wider than `per_row` grows a row
    relations = []
    for kind in relation_kinds:
        glyph, word = EDGE_WORDS[kind]
        color = EDGE_STYLES[kind]["color"]
        relations.append(f'<TR><TD ALIGN="LEFT"><FONT COLOR="{color}"><B>{glyph}</B></FONT></TD>'
                         f'<TD ALIGN="LEFT"><FONT COLOR="{color}">{word}</FONT></TD></TR>')
    if weighted:  # a thin and a thick bar: what the width of a weighted relation's line says
        bars = ('<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="0"><TR><TD HEIGHT="1" WIDTH="9" BGCOLOR="#555555">'
                '</TD><TD HEIGHT="4" WIDTH="9" BGCOLOR="#555555"></TD></TR></TABLE>')
        relations.append(f'<TR><TD ALIGN="LEFT">{bars}</TD><TD ALIGN="LEFT">line width: weight, thin 0 to thick 1'
                         '</TD></TR>')
    sources = [f'<TR><TD ALIGN="RIGHT">{small(f"[{number}]", "#555555")}</TD>'
               f'<TD ALIGN="LEFT">{small(escape_html(citation), "#333333")}</TD></TR>'
               for number, citation in footnotes]
    columns = [_group(heading, rows) for heading, rows in (
        ("SIDES", sides), ("NODES", kinds), ("RELATIONS", relations), ("ANALYSIS", extra_rows),
        ("SOURCES", sources)) if rows]
    if not columns and not title:
        return None
    lines = [columns[i : i + per_row] for i in range(0, len(columns), per_row)]
    body = "".join(f"<TR>{''.join(line)}</TR>" for line in lines)
    span = max(1, max(map(len, lines), default=1))
    head = (f'<TR><TD COLSPAN="{span}" ALIGN="LEFT"><FONT POINT-SIZE="18">'
            f"<B>{escape_html(title)}</B></FONT></TD></TR>") if title else ""
    return Html('<TABLE BORDER="1" COLOR="#d5d5d0" STYLE="rounded" CELLBORDER="0" CELLSPACING="6"'
                f' CELLPADDING="2" BGCOLOR="#fcfcfa">{head}{body}</TABLE>')

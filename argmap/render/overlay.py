"""Analysis overlays: mark each node with its status, show its gradual strength as a bar.

An overlay answers three questions for the DOT builder — extra node attributes, extra label
rows, extra legend rows — so adding one is a small class here. The analysis itself comes from
`argmap.analyze.analyze_map(map, semantics)` (`.status`: node id -> in/out/undec,
`.strength`: node id -> float in 0..1), imported only when an overlay is asked for.
"""

from __future__ import annotations

from typing import Mapping

from ..model import Map
from .dot import Overlay
from .labels import SMALL_SIZE, escape_html

#: status -> (badge fill, badge text colour, badge word, node border style). The status has its
#: own channels, used for nothing else: an achromatic badge (black / light grey / white, apart
#: in lightness, so the same in greyscale and for colour-blind readers) with a word, and the
#: node border's line style; the border keeps its side's colour, the edges keep green and red.
#: tests/test_render_palette.py checks them under simulated colour-vision deficiencies.
STATUS_STYLE = {
    "in": ("#111111", "#ffffff", "IN", "bold"),
    "out": ("#ffffff", "#111111", "OUT", "dashed"),
    "undec": ("#c4c4c4", "#111111", "UNDECIDED", "dotted"),
}
#: the frame of every badge: dark, so that a badge shows on any side's fill
BADGE_FRAME = "#111111"
#: the border's width under a status (its style: STATUS_STYLE)
STATUS_PENWIDTH = "2.5"
BAR_WIDTH = 60


def _badge(fill: str, ink: str, word: str) -> str:
    """The status word on its badge (a thin dark frame, so that the white one shows on white)."""
    text = f'<FONT POINT-SIZE="{SMALL_SIZE}" COLOR="{ink}"><B>{word}</B></FONT>'
    return (f'<TABLE BORDER="1" COLOR="{BADGE_FRAME}" CELLPADDING="1" CELLSPACING="0">'
            f'<TR><TD BGCOLOR="{fill}">{text}</TD></TR></TABLE>')


class StatusOverlay:
    """Each node's status under one semantics: a badge and the line style of its border."""

    def __init__(self, semantics: str, status: Mapping[str, str]) -> None:
        self.semantics = semantics
        self.status = {node: str(value).lower() for node, value in status.items()}

    def node_attributes(self, node_id: str) -> dict[str, str]:
        style = STATUS_STYLE.get(self.status.get(node_id, ""))
        return {"style": style[3], "penwidth": STATUS_PENWIDTH} if style else {}

    def label_rows(self, node_id: str) -> list[str]:
        style = STATUS_STYLE.get(self.status.get(node_id, ""))
        if style is None:
            return []
        return [f'<TR><TD ALIGN="RIGHT">{_badge(*style[:3])}</TD></TR>']

    def legend_rows(self) -> list[str]:
        rows = []
        for fill, ink, word, border in STATUS_STYLE.values():
            rows.append(f"<TR><TD>{_badge(fill, ink, word)}</TD>"
                        f'<TD ALIGN="LEFT">{word.lower()} ({escape_html(self.semantics)}), '
                        f"{border} border</TD></TR>")
        return rows


class StrengthOverlay:
    """A small bar and a number under each node: its gradual strength in 0..1."""

    def __init__(self, strength: Mapping[str, float]) -> None:
        self.strength = {node: max(0.0, min(1.0, float(value))) for node, value in strength.items()}

    def node_attributes(self, node_id: str) -> dict[str, str]:
        return {}

    def label_rows(self, node_id: str) -> list[str]:
        if node_id not in self.strength:
            return []
        value = self.strength[node_id]
        filled = max(1, round(BAR_WIDTH * value))
        cells = f'<TD WIDTH="{filled}" HEIGHT="5" BGCOLOR="#37474f"></TD>'
        if filled < BAR_WIDTH:
            cells += f'<TD WIDTH="{BAR_WIDTH - filled}" HEIGHT="5" BGCOLOR="#d5d9dc"></TD>'
        bar = f'<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>{cells}</TR></TABLE>'
        number = f'<FONT POINT-SIZE="{SMALL_SIZE}" COLOR="#37474f">{value:.2f}</FONT>'
        return [f'<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLPADDING="0" CELLSPACING="2"><TR>'
                f"<TD>{bar}</TD><TD>{number}</TD></TR></TABLE></TD></TR>"]

    def legend_rows(self) -> list[str]:
        return ['<TR><TD BGCOLOR="#37474f" WIDTH="22" HEIGHT="5" FIXEDSIZE="TRUE"> </TD>'
                '<TD ALIGN="LEFT">strength (gradual, 0 to 1)</TD></TR>']


def overlays_for(map_: Map, labels: str | None = None, strength: bool = False,
                 round: int | None = None) -> list[Overlay]:  # noqa: A002
    """The overlays asked for on the command line, computed by argmap.analyze (with `round`:
    on the map as it stood after that round)."""
    if labels is None and not strength:
        return []
    from ..analyze import (
        analyze_map,  # clingo and friends: only when an overlay is asked for
    )

    if round is not None:
        from ..analyze.replay import map_after_round

        map_ = map_after_round(map_, round)

    result = analyze_map(map_, labels or "grounded", limit=1)  # statuses only, not every extension
    overlays: list[Overlay] = []
    if labels is not None:
        overlays.append(StatusOverlay(labels, result.status))
    if strength:
        overlays.append(StrengthOverlay(result.strength))
    return overlays

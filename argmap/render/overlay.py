"""Analysis overlays: colour each node by its status, show its gradual strength as a bar.

An overlay answers three questions for the DOT builder — extra node attributes, extra label
rows, extra legend rows — so adding one is a small class here. The analysis itself comes from
`argmap.analyze.analyze_map(map, semantics)` (`.status`: node id -> in/out/undec,
`.strength`: node id -> float in 0..1), imported only when an overlay is asked for.
"""

from __future__ import annotations

from typing import Mapping

from ..model import Map
from .dot import Overlay
from .labels import escape_html

#: status -> (border colour, badge text)
STATUS_STYLE = {
    "in": ("#1b7f3b", "IN"),
    "out": ("#b71c1c", "OUT"),
    "undec": ("#c77c00", "UNDECIDED"),
}
BAR_WIDTH = 60


class StatusOverlay:
    """A thick border and a badge in the colour of each node's status under one semantics."""

    def __init__(self, semantics: str, status: Mapping[str, str]) -> None:
        self.semantics = semantics
        self.status = {node: str(value).lower() for node, value in status.items()}

    def node_attributes(self, node_id: str) -> dict[str, str]:
        style = STATUS_STYLE.get(self.status.get(node_id, ""))
        return {"color": style[0], "penwidth": "3"} if style else {}

    def label_rows(self, node_id: str) -> list[str]:
        style = STATUS_STYLE.get(self.status.get(node_id, ""))
        if style is None:
            return []
        badge = f'<FONT POINT-SIZE="8" COLOR="white"><B>{style[1]}</B></FONT>'
        return [f'<TR><TD ALIGN="RIGHT"><TABLE BORDER="0" CELLPADDING="1" CELLSPACING="0">'
                f'<TR><TD BGCOLOR="{style[0]}">{badge}</TD></TR></TABLE></TD></TR>']

    def legend_rows(self) -> list[str]:
        rows = []
        for color, word in STATUS_STYLE.values():
            rows.append(f'<TR><TD BGCOLOR="{color}" WIDTH="22" HEIGHT="12" FIXEDSIZE="TRUE"> </TD>'
                        f'<TD ALIGN="LEFT">{word.lower()} ({escape_html(self.semantics)})</TD></TR>')
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
        number = f'<FONT POINT-SIZE="8" COLOR="#37474f">{value:.2f}</FONT>'
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

"""Spreading arrowheads: the edges into one node enter at different points of its side.

Graphviz aims every edge at a node's centre, so the arrowheads of several reasons of one claim
crowd into one spot of its border. A first layout (`-Tplain`) tells where each edge comes from;
the edges into a node that has three or more are then given head ports along the side they
enter by (under BT the bottom: west, south-west, south, south-east, east), in the order of their
tails across the drawing, so that they do not cross on the way in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from ..model import Map
from .binary import DotBinary, plain_layout
from .dot import Overlay, build_dot
from .options import DEFAULT_RANKDIR, RenderOptions

#: rank direction -> the compass points of the side edges enter by, in drawing order (left to
#: right, or top to bottom), and whether tails are ordered by x (else by y, top first)
ENTRY_SIDES: dict[str, tuple[tuple[str, ...], bool]] = {
    "BT": (("w", "sw", "s", "se", "e"), True),
    "TB": (("w", "nw", "n", "ne", "e"), True),
    "LR": (("n", "nw", "w", "sw", "s"), False),
    "RL": (("n", "ne", "e", "se", "s"), False),
}
#: a node with this many edges coming in gets its heads spread
CROWDED = 3
_EDGE = re.compile(r"^\s*([a-z]\d+) -> ([a-z]\d+) \[", re.M)
_PLAIN_NODE = re.compile(r"^node (\S+) (\S+) (\S+) ", re.M)


def spread_heads(dot_text: str, plain_text: str, rankdir: str) -> dict[tuple[str, str], str]:
    """(tail, head) -> head port for the edges into crowded map nodes (`n…`), from a first
    layout of `dot_text` (`plain_text`, Graphviz's `-Tplain` output)."""
    where = {name: (float(x), float(y)) for name, x, y in _PLAIN_NODE.findall(plain_text)}
    points, by_x = ENTRY_SIDES[rankdir]
    incoming: dict[str, list[str]] = defaultdict(list)
    for tail, head in _EDGE.findall(dot_text):
        if head.startswith("n") and tail in where and tail not in incoming[head]:
            incoming[head].append(tail)
    ports: dict[tuple[str, str], str] = {}
    for head, tails in incoming.items():
        if len(tails) < CROWDED:
            continue
        tails.sort(key=lambda t: where[t][0] if by_x else -where[t][1])
        if len(tails) == CROWDED:
            chosen = points[1:4]
        else:
            last = len(points) - 1  # the ends of the side and evenly between (some then share)
            chosen = tuple(points[round(i * last / (len(tails) - 1))] for i in range(len(tails)))
        ports.update({(tail, head): port for tail, port in zip(tails, chosen)})
    return ports


def drawn_dot(map_: Map, options: RenderOptions, binary: DotBinary, overlays: Sequence[Overlay] = ()) -> str:
    """The DOT text argmap draws `map_` by: `build_dot`'s, laid out once (`-Tplain`) to spread
    the arrowheads into crowded nodes, and built again with those head ports."""
    dot_text = build_dot(map_, options, overlays)
    ports = spread_heads(dot_text, plain_layout(binary, dot_text), options.rankdir or DEFAULT_RANKDIR)
    return build_dot(map_, options, overlays, head_ports=ports) if ports else dot_text

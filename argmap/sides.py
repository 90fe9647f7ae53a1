"""The sides of a debate and their colours, for every stage that shows them (drawings, Mermaid,
the terminal browser).

Actors that share a `{side: …}` value form one side; an actor without one (or with an empty
one) is a side of its own, keyed by its id and shown by its name. Sides are numbered in the
order they first appear among the declared actors and take their colours from one palette;
`{color: "#b22222"}` on an actor picks its side's colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Map, Node

#: (pale fill, strong tone) for the sides, in the order sides first appear in the map
SIDE_COLORS: tuple[tuple[str, str], ...] = (
    ("#dbe8f7", "#1f5fa8"),  # blue
    ("#fde6cc", "#c05a00"),  # orange
    ("#ebe0f3", "#6a3d9a"),  # purple
    ("#d9eeee", "#00727a"),  # teal
    ("#f1e4d6", "#7b4f2c"),  # brown
    ("#fadbe8", "#b0306a"),  # pink
    ("#ececd2", "#77740f"),  # olive
    ("#e2e6ea", "#455a64"),  # slate
)
#: the same hues bright enough for a dark terminal (Rich colour names), side by side
TERMINAL_COLORS: tuple[str, ...] = ("deep_sky_blue1", "orange1", "medium_purple1", "dark_cyan",
                                    "light_salmon3", "hot_pink", "gold3", "light_slate_grey")
#: (fill, tone) of a node no side speaks for
NEUTRAL = ("#ffffff", "#6f6f6f")

_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Side:
    """One side: `key` is its `side` value (or the lone actor's id), `name` what to show,
    `number` its place (from 0); `fill`/`tone` its colours in drawings, `terminal` in a terminal;
    `actors` the ids of the actors who speak for it."""

    key: str
    name: str
    number: int
    fill: str
    tone: str
    terminal: str
    actors: tuple[str, ...]
    actor_names: tuple[str, ...]


def _pale(tone: str, keep: float = 0.18) -> str:
    """`tone` mixed with white: the fill that goes with a strong colour."""
    channels = (int(tone[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02x}" for c in channels)


class Sides:
    """The sides of one map, and which side each actor and node belongs to."""

    def __init__(self, map_: Map) -> None:
        groups: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for actor in map_.actors.values():
            side = actor.meta.get("side")
            key = str(side) if side not in (None, "") else actor.id
            names.setdefault(key, str(side) if side not in (None, "") else actor.name)
            groups.setdefault(key, []).append(actor.id)
        self.all: list[Side] = []
        self._by_actor: dict[str, Side] = {}
        for number, (key, actor_ids) in enumerate(groups.items()):
            fill, tone = SIDE_COLORS[number % len(SIDE_COLORS)]
            chosen = [str(map_.actors[a].meta.get("color", "")) for a in actor_ids]
            own = next((c for c in chosen if _HEX_COLOR.fullmatch(c)), None)
            if own is not None:
                fill, tone = _pale(own), own
            terminal = TERMINAL_COLORS[number % len(TERMINAL_COLORS)] if own is None else own
            side = Side(key, names[key], number, fill, tone, terminal, tuple(actor_ids),
                        tuple(map_.actors[a].name for a in actor_ids))
            self.all.append(side)
            self._by_actor.update({a: side for a in actor_ids})

    def of_actor(self, actor_id: str) -> Side | None:
        return self._by_actor.get(actor_id)

    def of_node(self, node: Node) -> Side | None:
        """The side of a node's first declared actor, if any."""
        return next((self._by_actor[a] for a in node.actors if a in self._by_actor), None)

    def colors(self, node: Node) -> tuple[str, str]:
        """(fill, tone) of a node: its side's, else neutral."""
        side = self.of_node(node)
        return (side.fill, side.tone) if side is not None else NEUTRAL

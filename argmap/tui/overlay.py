"""The semantics overlay: what the outline shows next to each node (status or strength).

Analysis lives in `argmap.analyze` (`analyze_map(map, semantics)` with `.status`, node id ->
in/out/undec, and `.strength`, node id -> float). It is imported only when an overlay is
chosen (it is not needed before); an analysis that gives up (`ArgmapError`: out of time, a
semantics it does not know) is reported in the overlay's `error`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ArgmapError
from ..model import Map

#: the overlays `s` cycles through, in order
OVERLAYS: tuple[str, ...] = ("none", "grounded", "preferred", "strength")
#: seconds an overlay's analysis may take
TIMEOUT = 30.0


def next_overlay(current: str) -> str:
    """The overlay after `current` in the cycle."""
    return OVERLAYS[(OVERLAYS.index(current) + 1) % len(OVERLAYS)]


@dataclass(frozen=True, slots=True)
class Overlay:
    """Analysis results for one overlay; `error` says why there are none."""

    name: str = "none"
    status: dict[str, str] = field(default_factory=dict)
    strength: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    #: computed on the map as it stood after this round (None: the whole map)
    round: int | None = None

    @property
    def shows_status(self) -> bool:
        return self.name in ("grounded", "preferred") and bool(self.status)

    @property
    def shows_strength(self) -> bool:
        return self.name == "strength" and bool(self.strength)


def compute_overlay(map_: Map, name: str, round: int | None = None) -> Overlay:  # noqa: A002
    """Run the analysis `name` needs (an analysis that gives up sets `error`), on the map as
    it stood after `round` if one is given."""
    if name == "none":
        return Overlay(round=round)
    from ..analyze import analyze_map  # (here: the analysis is needed only once one is shown)

    if round is not None:
        from ..analyze.replay import map_after_round

        map_ = map_after_round(map_, round)

    semantics = "grounded" if name == "strength" else name
    try:
        # the status is all the overlay needs: enumerate at most one extension, and give up
        # rather than keep the overlay waiting forever
        result = analyze_map(map_, semantics, limit=1, timeout=TIMEOUT)
    except ArgmapError as exc:
        return Overlay(name, error=f"{semantics} analysis failed: {exc}", round=round)
    status = {str(k): str(v) for k, v in result.status.items()}
    strength = {str(k): float(v) for k, v in result.strength.items()}
    return Overlay(name, status, strength, round=round)

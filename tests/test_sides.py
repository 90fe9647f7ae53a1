"""The sides of a debate: one grouping and one palette for drawings, Mermaid and the browser."""

from __future__ import annotations

import argmap
from argmap.export.mermaid import map_to_mermaid
from argmap.render.dot import build_dot
from argmap.sides import SIDE_COLORS, Sides
from argmap.tui.widgets.labels import actor_colors

MAP = """\
actor a: Anna {side: East}
actor b: Boris {side: East}
actor c: Carla
actor d: Dora {side: ""}
[X]: x @a
  - [Y]: y @c
  + [Z]: z @d
"""


def test_actors_sharing_a_side_share_it_and_a_lone_actor_is_keyed_by_its_id() -> None:
    sides = Sides(argmap.parse(MAP))
    assert [(s.key, s.name, s.actors) for s in sides.all] == [
        ("East", "East", ("a", "b")), ("c", "Carla", ("c",)), ("d", "Dora", ("d",))]
    assert [(s.fill, s.tone) for s in sides.all] == list(SIDE_COLORS[:3])


def test_every_front_end_colours_a_side_the_same_way() -> None:
    m = argmap.parse(MAP)
    sides = Sides(m)
    mermaid = map_to_mermaid(m)
    dot = build_dot(m)
    for side in sides.all:
        assert f"classDef side{side.number} fill:{side.fill},stroke:{side.tone}" in mermaid
        assert side.fill in dot
    colors = actor_colors(m)
    assert colors["a"] == colors["b"] != colors["c"]
    assert colors["c"] == sides.of_actor("c").terminal

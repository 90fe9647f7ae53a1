"""The actor and tag filters: what the pickers offer and which entries they keep."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Map, Node


def actor_choices(map_: Map) -> list[tuple[str, str]]:
    """`(label, actor id)` for every actor of the map, in declaration order."""
    return [(f"{actor.name} (@{actor.id})", actor.id) for actor in map_.actors.values()]


def tag_choices(map_: Map) -> list[tuple[str, str]]:
    """`(label, tag)` for every tag used in the map, sorted."""
    tags = sorted({tag for node in map_.nodes.values() for tag in node.tags})
    return [(f"#{tag}", tag) for tag in tags]


def node_filter(actor: str | None, tag: str | None) -> Callable[[Node], bool] | None:
    """A test for nodes said by `actor` and tagged `tag` (None: that filter is off); None when
    both are off."""
    if actor is None and tag is None:
        return None

    def keep(node: Node) -> bool:
        return (actor is None or actor in node.actors) and (tag is None or tag in node.tags)

    return keep

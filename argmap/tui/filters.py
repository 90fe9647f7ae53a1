"""The actor and tag filters: what the pickers offer and which entries they keep."""

from __future__ import annotations

from typing import Callable

from ..model import Map, NodeEntry


def actor_choices(map_: Map) -> list[tuple[str, str]]:
    """`(label, actor id)` for every actor of the map, in declaration order."""
    return [(f"{actor.name} (@{actor.id})", actor.id) for actor in map_.actors.values()]


def tag_choices(map_: Map) -> list[tuple[str, str]]:
    """`(label, tag)` for every tag used in the map, sorted."""
    tags = sorted({tag for node in map_.nodes.values() for tag in node.tags})
    return [(f"#{tag}", tag) for tag in tags]


def node_filter(map_: Map, actor: str | None, tag: str | None
                ) -> Callable[[NodeEntry], bool] | None:
    """A test for entries whose node is `actor`'s and has `tag` (None: that filter is off);
    None when both are off."""
    if actor is None and tag is None:
        return None
    nodes = map_.nodes

    def keep(entry: NodeEntry) -> bool:
        node = nodes.get(entry.node)
        return node is not None and (actor is None or actor in node.actors) and (
            tag is None or tag in node.tags)

    return keep

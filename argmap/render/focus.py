"""The node `--focus` names: a title, or an id as `analyze --query` takes it (`[Title]`, `<Title>`)."""

from __future__ import annotations

from ..errors import UsageError, suggest
from ..model import Map, Node


def focused_node(map_: Map, key: str) -> Node:
    """The node `key` names (its id, or its title); raises UsageError with "did you mean"."""
    key = key.strip()
    node = map_.nodes.get(key) or map_.node_by_title(key)
    if node is not None:
        return node
    known = {(n.title or n.id).casefold(): n.title or n.id for n in map_.nodes.values()}
    close = list(dict.fromkeys(known[c] for c in suggest(key.casefold(), list(known))))
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise UsageError(f"--focus: no node titled {key!r} in the map{hint}")

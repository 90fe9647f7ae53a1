"""Lookups over a whole map that do not depend on how the outline shows it: the text search,
the relations touching a node, the tags used. Each is built once, on first use (or by
`prepare_map_index`, which the app runs in the background after the first screen)."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import overload

from ..model import Map, Node, Relation
from .filters import tag_choices


class SearchHits(Sequence[str]):
    """The ids of the nodes a search found, in map order, each looked up when asked for.

    A search that finds most of a big map would otherwise make a list of 100,000 ids for
    every letter typed, and Python's young garbage collections would walk it again and
    again for as long as it is young. The positions are kept in an array (nothing for the
    collector to walk).
    """

    __slots__ = ("_positions", "_ids")

    def __init__(self, positions: array, ids: list[str]) -> None:
        self._positions = positions
        self._ids = ids

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._ids[i] for i in self._positions[index]]
        return self._ids[self._positions[index]]

    def __repr__(self) -> str:
        return f"SearchHits({list(self)!r})"


class MapIndex:
    """Search, relations by node and tag choices for one map."""

    def __init__(self, map_: Map) -> None:
        self.map = map_
        self._haystack: list[str] | None = None
        self._node_ids: list[str] = []
        self._last_search: tuple[str, Sequence[int]] = ("", ())
        self._touching: dict[str, list[Relation]] | None = None
        self._tag_choices: list[tuple[str, str]] | None = None
        self._by_actor: dict[str, list[Node]] | None = None
        self._by_tag: dict[str, list[Node]] = {}

    def prepare_map_index(self) -> None:
        """Build every lookup now."""
        self.search("")
        self._build_touching()
        self.tag_choices()
        self.nodes_with(None, None)

    def nodes_with(self, actor: str | None, tag: str | None) -> list[Node]:
        """Nodes that may be said by `actor` and tagged `tag`: the shorter of the lists of
        those said by `actor` and those tagged `tag` (None: no condition; neither: every
        node). A filter still tests each one for both."""
        if self._by_actor is None:
            by_actor: dict[str, list[Node]] = {}
            by_tag: dict[str, list[Node]] = {}
            for node in self.map.nodes.values():
                for name in node.actors:
                    by_actor.setdefault(name, []).append(node)
                for name in node.tags:
                    by_tag.setdefault(name, []).append(node)
            self._by_tag, self._by_actor = by_tag, by_actor  # (the test is on _by_actor)
        lists = [found.get(key, []) for found, key in ((self._by_actor, actor), (self._by_tag, tag))
                 if key is not None]
        return min(lists, key=len) if lists else list(self.map.nodes.values())

    def search(self, query: str) -> SearchHits:
        """Ids of the nodes whose title or text contains `query` (any case), in map order.

        Typing one more letter only looks again at the previous hits.
        """
        if self._haystack is None:
            self._haystack = [
                f"{node.title or ''}\n{node.text}".casefold() for node in self.map.nodes.values()
            ]
            self._node_ids = list(self.map.nodes)
        needle = query.casefold()
        if not needle:
            return SearchHits(array("l"), self._node_ids)
        last_needle, last_hits = self._last_search
        texts = self._haystack
        if last_needle and needle.startswith(last_needle):
            hits = array("l", [i for i in last_hits if needle in texts[i]])
        else:
            hits = array("l", [i for i, text in enumerate(texts) if needle in text])
        self._last_search = (needle, hits)
        return SearchHits(hits, self._node_ids)

    def relations_of(self, node_id: str) -> list[Relation]:
        """Relations from or to `node_id`, and undercuts of the inferences it takes part in.

        Until `prepare` has built the index, one pass over the relations answers.
        """
        if self._touching is None:
            return [r for r in self.map.relations.values() if node_id in self._ends(r)]
        return self._touching.get(node_id, [])

    def _ends(self, relation: Relation) -> tuple[str, ...]:
        """The nodes `relation` touches (an undercut: its source and the inference's ends)."""
        if not relation.targets_relation:
            return (relation.source, relation.target)
        undercut = self.map.relations.get(relation.target)
        return (relation.source,) + ((undercut.source, undercut.target) if undercut else ())

    def _build_touching(self) -> None:
        if self._touching is None:
            touching: dict[str, list[Relation]] = {}
            for relation in self.map.relations.values():
                for end in dict.fromkeys(self._ends(relation)):
                    touching.setdefault(end, []).append(relation)
            self._touching = touching

    def tag_choices(self) -> list[tuple[str, str]]:
        """The tag picker's choices, found once (a pass over every node)."""
        if self._tag_choices is None:
            self._tag_choices = tag_choices(self.map)
        return self._tag_choices

"""Lookups over a whole map that do not depend on how the outline shows it: the text search,
the relations touching a node, the tags used. Each is built once, on first use (or by
`prepare_map_index`, which the app runs in the background after the first screen)."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import ClassVar, overload

from ..model import Map, Node, Relation
from .filters import tag_choices


class SearchHits(Sequence[str]):
    """The ids of the nodes a search found, in map order, found when first asked for.

    A key that types a letter only needs the first hit to jump to (`first`, a cheap scan);
    the whole list (for n/N and the count) is found by `positions`, which the browser asks
    for after it painted the jump. A search that finds most of a big map would make a list
    of 100,000 ids: the positions are kept in an array (nothing for the garbage collector
    to walk), the ids looked up when asked for.
    """

    __slots__ = ("needle", "_index", "_base", "_positions")
    NONE: ClassVar[SearchHits]  # no search

    def __init__(self, index: MapIndex | None, needle: str,
                 base: SearchHits | None = None) -> None:
        self.needle = needle
        self._index = index
        self._base = base  # the search this one narrows, if its hits are found first
        self._positions: array | None = array("l") if not needle else None

    @property
    def ready(self) -> bool:
        """Whether the whole list is found already (`positions` then costs nothing)."""
        return self._positions is not None

    def positions(self) -> array:
        """Positions in map order of every hit (found now if not yet)."""
        if self._positions is None:
            base, index = self._base, self._index
            assert index is not None  # (only an empty search has none, and its list is found)
            self._positions = index._scan(self.needle, base.positions()
                                                if base is not None and base.ready else None)
            self._base = None
        return self._positions

    def first(self, start: int = 0) -> int | None:
        """Position of the first hit at or after position `start`, without finding them all."""
        if self._positions is not None:
            at = bisect_left(self._positions, start)
            return self._positions[at] if at < len(self._positions) else None
        assert self._index is not None
        return self._index._first(self.needle, start)

    def index_of(self, position: int) -> int:
        """Which hit (0, 1, ...) the node at `position` is; -1 if it is not one."""
        positions = self.positions()
        at = bisect_left(positions, position)
        return at if at < len(positions) and positions[at] == position else -1

    def id_at(self, position: int) -> str:
        """The id of the node at `position` in map order."""
        assert self._index is not None
        return self._index._node_ids[position]

    def __len__(self) -> int:
        return len(self.positions())

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self.id_at(i) for i in self.positions()[index]]
        return self.id_at(self.positions()[index])

    def __repr__(self) -> str:
        return f"SearchHits({list(self)!r})"


SearchHits.NONE = SearchHits(None, "")


class MapIndex:
    """Search, relations by node and tag choices for one map."""

    def __init__(self, map_: Map) -> None:
        self.map = map_
        self._haystack: list[str] | None = None
        self._node_ids: list[str] = []
        self._joined = ""
        self._starts = array("q")
        self._last_search: SearchHits | None = None
        self._touching: dict[str, list[Relation]] | None = None
        self._tag_choices: list[tuple[str, str]] | None = None
        self._by_actor: dict[str, list[Node]] | None = None
        self._by_tag: dict[str, list[Node]] = {}

    def prepare_map_index(self) -> None:
        """Build every lookup now."""
        self._build_haystack()
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
        """Nodes whose title or text contains `query` (any case), in map order. The list is
        found when first asked for; typing one more letter then looks only at the previous
        hits, if those were found."""
        self._build_haystack()
        needle = query.casefold()
        if not needle:
            return SearchHits(self, "")
        last = self._last_search
        base = last if last is not None and needle.startswith(last.needle) else None
        self._last_search = hits = SearchHits(self, needle, base)
        return hits

    def _build_haystack(self) -> None:
        """Every node's title and text in lower case: one string per node, and all of them
        joined (with offsets) for finding the first hit in one `str.find`."""
        if self._haystack is None:
            texts = [f"{node.title or ''}\n{node.text}".casefold()
                     for node in self.map.nodes.values()]
            starts, offset = array("q"), 0
            for text in texts:
                starts.append(offset)
                offset += len(text) + 1
            self._joined, self._starts = "\0".join(texts), starts
            self._node_ids = list(self.map.nodes)
            self._haystack = texts

    def _first(self, needle: str, start: int) -> int | None:
        """Position of the first node at or after `start` whose text holds `needle`."""
        if "\0" in needle:  # could match across two nodes in the joined text
            return next((i for i in range(start, len(self._node_ids))
                         if needle in self._haystack[i]), None)  # type: ignore[index]
        if start >= len(self._starts):
            return None
        at = self._joined.find(needle, self._starts[start])
        return None if at < 0 else bisect_right(self._starts, at) - 1

    def _scan(self, needle: str, within: array | None) -> array:
        """Positions of every node whose text holds `needle` (among `within`, if given)."""
        texts = self._haystack
        assert texts is not None
        if within is not None:
            return array("l", [i for i in within if needle in texts[i]])
        return array("l", [i for i, text in enumerate(texts) if needle in text])

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

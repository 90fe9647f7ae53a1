"""The outline the browser shows, read lazily from `Map.document`.

The outline is sections, then the node entries written under them, then each entry's
children (supporters, attackers, undercutters...). Nothing is built ahead of time: a tree
node asks `children(row)` when it is expanded. A long list of children (a section with
50,000 top-level claims) is split into `range` rows of at most `CHUNK` rows each, so no
expansion ever adds more than `CHUNK` tree nodes.

The files merged in with `include` appear where they are included, as a row per file holding
what that file writes (see `included.py`).

Finding where a node lives (for search, following a relation, keeping the cursor across a
reload) needs the parent of every entry; that index is built on first use.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..model import IncludeEntry, Map, Node, NodeEntry, SectionEntry
from .filters import node_filter
from .included import Container, IncludedFile, IncludedOutlines
from .map_index import MapIndex

#: most rows one expansion adds; longer child lists are split into ranges (the first range
#: of a long list opens with the outline: each row costs about 0.1 ms to add)
CHUNK = 100
#: what `prepare_filters` may keep: this many entries for each entry of the outline
FILTER_BUDGET = 4

#: a raw child in the outline: a node entry, a section id or an included file
Item = NodeEntry | str | IncludedFile
#: what a filter keeps: node entries by identity (`id`), sections and included files as such
Kept = set[int | Container]


@dataclass(frozen=True, eq=False, slots=True)
class Row:
    """One line of the outline: a `section`, a node `entry`, an `include`d file, or a
    `range` of a long list."""

    kind: str
    section: str | None = None
    included: IncludedFile | None = None
    entry: NodeEntry | None = None
    items: Sequence[Item] = ()
    start: int = 0
    stop: int = 0

    @property
    def node_id(self) -> str | None:
        return self.entry.node if self.entry is not None else None


class OutlineModel(MapIndex):
    """Sections and node entries of one map, with lazy children, filters and lookups."""

    def __init__(self, map_: Map) -> None:
        super().__init__(map_)
        self._keep: Callable[[Node], bool] | None = None
        self._kept: Kept | None = None
        #: with a round shown: the nodes and relations there after it (`show_round`)
        self._present: tuple[dict, dict] | None = None
        self._round: int | None = None
        self._section_items: dict[Container, list[Item]] = {None: []}
        outside = set(map_.included)
        for section in map_.sections.values():
            self._section_items.setdefault(section.id, [])
            if section.parent is not None or section.span.path not in outside:
                self._section_items.setdefault(section.parent, []).append(section.id)
        included = IncludedOutlines(map_, self._section_items)
        current: str | None = None
        for entry in map_.document:
            if isinstance(entry, SectionEntry):
                current = entry.section
            elif isinstance(entry, NodeEntry):
                self._section_items.setdefault(current, []).append(entry)
            elif isinstance(entry, IncludeEntry):
                here = included.add(entry, map_.path)
                if here is not None:
                    self._section_items.setdefault(current, []).append(here)
                    self._section_items[here].extend(included.top_sections_of(here))
        #: the container each section or included file is listed in
        self._container_of: dict[Container, Container] = {}
        for container, items in self._section_items.items():
            items.sort(key=self._order)
            for item in items:
                if not isinstance(item, NodeEntry):
                    self._container_of[item] = container
        self._parents: dict[int, Item | None] | None = None
        #: the entries kept by the filter of one actor or one tag, by (actor, tag)
        self._kept_by_filter: dict[tuple[str | None, str | None], Kept] = {}
        self._definitions: dict[str, NodeEntry] = {}
        self._uses: dict[str, list[NodeEntry]] = {}
        self._by_relation: dict[str, NodeEntry] = {}
        #: per file: the lines entries start on, sorted, and those entries
        self._lines: dict[str | None, tuple[list[int], list[NodeEntry]]] = {}

    def _order(self, item: Item) -> tuple[int, int]:
        """A container's own nodes first (as written), then its sections and included files
        in the order of their lines."""
        if isinstance(item, NodeEntry):
            return (0, 0)
        span = item.span if isinstance(item, IncludedFile) else self.map.sections[item].span
        return (1, span.line)

    # --- rows -------------------------------------------------------------------------------

    def roots(self) -> list[Row]:
        """The rows at the top of the outline."""
        return self._rows(self._visible(self._section_items[None]), 0, None)

    def children(self, row: Row) -> list[Row]:
        """The rows shown when `row` is expanded."""
        if row.kind == "range":
            return self._rows(row.items, row.start, row.stop)
        if row.kind in ("section", "include"):
            return self._rows(self._visible(self._section_items.get(_container(row), [])), 0, None)
        assert row.entry is not None
        return self._rows(self._visible(row.entry.children), 0, None)

    def has_children(self, row: Row) -> bool:
        """True when expanding `row` shows something (asked for every row added: it stops
        at the first item kept, where `children` filters a whole list)."""
        if row.kind == "range":
            return True
        if row.kind in ("section", "include"):
            return self._any_visible(self._section_items.get(_container(row), []))
        assert row.entry is not None
        return self._any_visible(row.entry.children)

    def _rows(self, items: Sequence[Item], start: int, stop: int | None) -> list[Row]:
        stop = len(items) if stop is None else stop
        if stop - start <= CHUNK:
            return [self._row(items[i]) for i in range(start, stop)]
        size = CHUNK
        while (stop - start) > size * CHUNK:
            size *= CHUNK
        return [
            Row("range", items=items, start=s, stop=min(s + size, stop))
            for s in range(start, stop, size)
        ]

    @staticmethod
    def _row(item: Item) -> Row:
        if isinstance(item, str):
            return Row("section", section=item)
        if isinstance(item, IncludedFile):
            return Row("include", included=item)
        return Row("entry", entry=item)

    # --- filters ----------------------------------------------------------------------------

    def set_filter(self, keep: Callable[[Node], bool] | None,
                   candidates: Iterable[Node] | None = None) -> None:
        """Show only the entries of nodes for which `keep` is true, and the entries above them;
        only `candidates` (default: every node) are tested."""
        self._keep = keep
        self._kept = None if keep is None else self._matching_entries(keep, candidates)

    def filter_by(self, actor: str | None, tag: str | None) -> None:
        """Show only the nodes said by `actor` and tagged `tag` (None: either filter off), and
        the entries above them (found once per actor and tag: see `prepare_filters`)."""
        keep = node_filter(actor, tag)
        if keep is None:  # every node shown: none to test (a list of them all costs 5 ms at
            self.set_filter(None)  # 100,000 nodes, for a key that clears a filter)
            return
        kept = self._kept_by_filter.get((actor, tag))
        if kept is None:
            self.set_filter(keep, self.nodes_with(actor, tag))
            if actor is None or tag is None:
                assert self._kept is not None
                self._kept_by_filter[(actor, tag)] = self._kept
        else:
            self._keep, self._kept = keep, kept

    def prepare_filters(self) -> None:
        """Find now the entries each actor's filter and each tag's keeps (a walk from every
        use of their nodes up to the top: 20-30 ms each at 100,000 nodes, the most of what
        applying a filter costs), while what they keep stays under `FILTER_BUDGET` times the
        number of entries; the others, and an actor and a tag together, are found when
        asked for."""
        budget = FILTER_BUDGET * len(self._index())
        choices = [(actor, None) for actor in self.map.actors]
        choices += [(None, tag) for _, tag in self.tag_choices()]
        for actor, tag in choices:
            if budget <= 0:
                break
            if (actor, tag) not in self._kept_by_filter:
                kept = self._matching_entries(node_filter(actor, tag), self.nodes_with(actor, tag))
                self._kept_by_filter[(actor, tag)] = kept
                budget -= len(kept)

    def show_round(self, number: int | None) -> None:
        """Show only the entries there after round `number` (None: every entry): an entry
        whose node, or whose relation to the entry above, came later is left out, and with
        it everything below it."""
        if number == self._round:
            return
        self._round = number
        if number is None:
            self._present = None
            return
        from ..analyze.replay import map_after_round  # (only once a round is shown)

        then = map_after_round(self.map, number)
        self._present = (then.nodes, then.relations)

    def _there(self, item: Item) -> bool:
        if self._present is None or not isinstance(item, NodeEntry):
            return True
        nodes, relations = self._present
        return item.node in nodes and (item.relation is None or item.relation in relations
                                       or item.relation not in self.map.relations)

    def is_context(self, row: Row) -> bool:
        """True for an entry shown only because something below it matches the filter."""
        if self._keep is None or row.entry is None:
            return False
        node = self.map.nodes.get(row.entry.node)
        return node is None or not self._keep(node)

    def _matching_entries(self, keep: Callable[[Node], bool],
                          candidates: Iterable[Node] | None = None) -> Kept:
        """The entries (by identity) that match or have a matching descendant, and the
        sections and included files that hold one: from each use of a matching node up to
        the top (visiting only what is kept, not the whole outline)."""
        parents = self._index()
        kept: Kept = set()
        for node in self.map.nodes.values() if candidates is None else candidates:
            if not keep(node):
                continue
            for entry in self._uses.get(node.id, ()):
                item: Item | None = entry
                while isinstance(item, NodeEntry) and id(item) not in kept:
                    kept.add(id(item))
                    item = parents.get(id(item))
                while item is not None and not isinstance(item, NodeEntry) and item not in kept:
                    kept.add(item)
                    item = self._container_of.get(item)
        return kept

    def _visible(self, items: Sequence[Item]) -> Sequence[Item]:
        kept = self._kept
        if self._present is not None:
            items = [item for item in items if self._there(item)]
        if kept is None:
            return items
        return [item for item in items
                if (id(item) if isinstance(item, NodeEntry) else item) in kept]

    def _any_visible(self, items: Sequence[Item]) -> bool:
        kept = self._kept
        if kept is None:
            return any(self._there(item) for item in items) if self._present is not None else bool(items)
        return any((id(item) if isinstance(item, NodeEntry) else item) in kept and self._there(item)
                   for item in items)

    # --- lookups ----------------------------------------------------------------------------

    def _index(self) -> dict[int, Item | None]:
        """Parent of every entry (by identity), built once on first use."""
        if self._parents is not None:
            return self._parents
        parents: dict[int, Item | None] = {}
        definitions: dict[str, NodeEntry] = {}
        uses: dict[str, list[NodeEntry]] = {}
        by_relation: dict[str, NodeEntry] = {}
        lines: dict[str | None, list[tuple[int, NodeEntry]]] = {}
        for section, items in self._section_items.items():
            stack = [(item, section) for item in reversed(items) if isinstance(item, NodeEntry)]
            while stack:
                entry, parent = stack.pop()
                parents[id(entry)] = parent
                uses.setdefault(entry.node, []).append(entry)
                if not entry.is_reference:
                    definitions.setdefault(entry.node, entry)
                if entry.relation is not None:
                    by_relation.setdefault(entry.relation, entry)
                lines.setdefault(entry.span.path, []).append((entry.span.line, entry))
                stack.extend((child, entry) for child in reversed(entry.children))
        for in_file in lines.values():
            in_file.sort(key=lambda pair: pair[0])
        # assigned last: a second thread building the same index at once is harmless
        self._definitions, self._by_relation, self._uses = definitions, by_relation, uses
        self._lines = {path: ([n for n, _ in pairs], [e for _, e in pairs])
                       for path, pairs in lines.items()}
        self._parents = parents
        return parents

    def prepare_jumps(self) -> None:
        """Build now what showing the map at a given node needs: the index of the entries and
        the relations by node (the rest is built by `prepare`)."""
        self._index()
        self._build_touching()

    def prepare(self) -> None:
        """Build every lookup now (the app does this in the background after the first
        screen, so the first search or jump does not pay for it)."""
        self._index()
        self.prepare_map_index()
        self.prepare_filters()

    def contains(self, entry: NodeEntry) -> bool:
        """True when `entry` is one of this map's entries (not one of an older version)."""
        return id(entry) in self._index()

    def definition(self, node_id: str) -> NodeEntry | None:
        """The entry defining `node_id` in this outline; None if it is defined elsewhere."""
        self._index()
        return self._definitions.get(node_id)

    def entry_for_node(self, node_id: str) -> NodeEntry | None:
        """The entry where `node_id` is defined (or, failing that, the first that uses it)."""
        self._index()
        found = self._definitions.get(node_id)
        if found is None:
            uses = self._uses.get(node_id)
            found = min(uses, key=lambda e: e.span.line) if uses else None
        return found

    def entry_for_relation(self, relation_id: str) -> NodeEntry | None:
        """The entry whose line writes relation `relation_id`."""
        self._index()
        return self._by_relation.get(relation_id)

    def entry_at_line(self, line: int, path: str | None = None) -> NodeEntry | None:
        """The last entry starting at or before `line` of file `path` (default: the map's
        own) — where a diagnostic points."""
        self._index()
        starts, entries = self._lines.get(path if path is not None else self.map.path, ([], []))
        at = bisect_right(starts, line)
        return entries[at - 1] if at else None

    def path_to(self, entry: NodeEntry) -> list[Item]:
        """The chain of items from the top of the outline down to `entry` (inclusive)."""
        parents = self._index()
        chain: list[Item] = [entry]
        parent = parents.get(id(entry))
        while parent is not None:
            chain.append(parent)
            parent = (
                parents.get(id(parent)) if isinstance(parent, NodeEntry)
                else self._container_of.get(parent)
            )
        chain.reverse()
        return chain



def _container(row: Row) -> Container:
    """The section id or included file whose items `row` shows."""
    return row.included if row.kind == "include" else row.section

"""The outline of the files a map merges in with `include`.

A `Map` keeps the document (the written outline) of the including file only; the nodes and
relations of an included file are in its graph, but not how that file arranges them. So each
included file is read again on its own, and its entries are given the merged map's ids: a
node or relation is matched by the file and line it is written on (an untitled node's `_N` and
every `rN` are numbered differently in a file read alone), a section likewise.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ArgmapError, Span
from ..model import IncludeEntry, Map, NodeEntry, SectionEntry

#: where a line is written: (file, line)
Place = tuple[str | None, int]


@dataclass(frozen=True, eq=False, slots=True)
class IncludedFile:
    """An outline row holding what one included file writes (`path` as the map names it)."""

    path: str
    span: Span

    @property
    def name(self) -> str:
        return Path(self.path).name


#: a container of outline items: a section id, an included file, or None (the top)
Container = str | IncludedFile | None


class IncludedOutlines:
    """Reads the included files of `map_` and files their entries under `items`."""

    def __init__(self, map_: Map, items: dict[Container, list]) -> None:
        self.map = map_
        self.items = items
        self._paths = {_key(path): path for path in map_.included}
        self._seen: set[str] = set()
        self._node_at: dict[Place, str] = {}
        self._relation_at: dict[Place, str] = {}
        self._section_at: dict[Place, str] = {}
        if map_.included:
            self._index_places()

    def _index_places(self) -> None:
        inside = set(self.map.included)
        for node in self.map.nodes.values():
            if node.span.path in inside:
                self._node_at[(node.span.path, node.span.line)] = node.id
        for relation in self.map.relations.values():
            if relation.span.path in inside:
                self._relation_at[(relation.span.path, relation.span.line)] = relation.id
        for section in self.map.sections.values():
            if section.span.path in inside:
                self._section_at[(section.span.path, section.span.line)] = section.id

    def add(self, entry: IncludeEntry, including: str | None) -> IncludedFile | None:
        """The row for `include` line `entry` of file `including`, its content filed under it;
        None if the file is not one the map merged in (missing, a cycle) or cannot be read."""
        base = Path(including).parent if including else Path.cwd()
        path = self._paths.get(_key(str(base / entry.path)))
        if path is None or path in self._seen:
            return None
        self._seen.add(path)
        from ..language.read.parse import parse_file

        try:
            part = parse_file(path)
        except (ArgmapError, OSError):
            return None
        here = IncludedFile(path, entry.span)
        current: Container = here
        self.items.setdefault(here, [])
        for written in part.document:
            if isinstance(written, SectionEntry):
                current = self._section_at.get((path, written.span.line), current)
            elif isinstance(written, NodeEntry):
                self.items.setdefault(current, []).append(self._merged(written, path))
            elif isinstance(written, IncludeEntry):
                nested = self.add(written, path)
                if nested is not None:
                    self.items.setdefault(current, []).append(nested)
        return here

    def top_sections_of(self, included: IncludedFile) -> list[str]:
        """The top-level sections written in the included file (they go under its row)."""
        return [s.id for s in self.map.sections.values()
                if s.parent is None and s.span.path == included.path]

    def _merged(self, entry: NodeEntry, path: str) -> NodeEntry:
        """`entry` (read alone) with the merged map's node and relation ids."""
        place = (path, entry.span.line)
        node = entry.node if entry.is_reference else self._node_at.get(place, entry.node)
        relation = self._relation_at.get(place) if entry.marker is not None else None
        return replace(entry, node=node, relation=relation,
                       children=tuple(self._merged(child, path) for child in entry.children))


def _key(path: str) -> str:
    """One spelling per file, to match an `include` line with the map's `included`."""
    try:
        return str(Path(path).resolve())
    except OSError:
        return path

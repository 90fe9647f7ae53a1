"""Rename a title, actor or source everywhere it is written in the document."""

from __future__ import annotations

import re

from lsprotocol import types

from ..errors import ArgmapError
from ..language.write.format import title_syntax
from .document import Occurrence, Snapshot

_IDENT = re.compile(r"[A-Za-z_][\w-]*")
RENAMABLE = ("node", "actor", "source")


class RenameRefused(ArgmapError):
    """The new name cannot be used (its message says why)."""


def prepare(snapshot: Snapshot, position: types.Position) -> types.PrepareRenamePlaceholder | None:
    """The range and current name under the cursor, None if nothing there can be renamed."""
    occurrence = snapshot.occurrence_at(position)
    if occurrence is None or occurrence.kind not in RENAMABLE:
        return None
    if occurrence.kind == "node":
        node = snapshot.map.nodes.get(occurrence.name)
        if node is None or node.title is None:
            return None
        return types.PrepareRenamePlaceholder(snapshot.range_of(occurrence), node.title)
    return types.PrepareRenamePlaceholder(snapshot.range_of(occurrence, name_only=True), occurrence.name)


def _new_title(snapshot: Snapshot, occurrence: Occurrence, new_name: str) -> str:
    """The text that replaces each `[Title]` token, after checking the new title can be used."""
    node = snapshot.map.nodes.get(occurrence.name)
    if node is None or node.title is None:
        raise RenameRefused(f"{occurrence.name} is not defined, so it cannot be renamed")
    opening, closing = occurrence.name[0], occurrence.name[-1]
    title = new_name.strip()  # the rename box shows the title without its brackets
    if not title or "\n" in title or "\r" in title:
        raise RenameRefused("a title needs some text, on one line")
    new_id = f"{opening}{title}{closing}"
    if new_id != occurrence.name and new_id in snapshot.map.nodes:
        raise RenameRefused(f"{new_id} is already defined")
    return title_syntax(node.kind, title)


def rename(snapshot: Snapshot, position: types.Position, new_name: str) -> types.WorkspaceEdit | None:
    """Edits renaming the name under the cursor; raises RenameRefused for an unusable name."""
    occurrence = snapshot.occurrence_at(position)
    if occurrence is None or occurrence.kind not in RENAMABLE:
        return None
    if occurrence.kind == "node":
        replacement, whole = _new_title(snapshot, occurrence, new_name), True
    else:
        replacement, whole = new_name.strip().lstrip("@^"), False
        if not _IDENT.fullmatch(replacement):
            raise RenameRefused(f"{replacement!r} is not a valid {occurrence.kind} ID "
                                "(a letter or '_', then letters, digits, '_' or '-')")
        table = snapshot.map.actors if occurrence.kind == "actor" else snapshot.map.sources
        if replacement != occurrence.name and replacement in table:
            raise RenameRefused(f"{occurrence.kind} {replacement!r} already exists")
    edits = [
        types.TextEdit(snapshot.range_of(o, name_only=not whole), replacement)
        for o in snapshot.occurrences.of(occurrence.kind, occurrence.name)
    ]
    return types.WorkspaceEdit(changes={snapshot.uri: edits})

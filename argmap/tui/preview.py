"""The first part of a large map, read at once, so that the browser opens on it while the
whole map is read in the background (a 100,000-node map, 12 MB, takes seconds to read).
"""

from __future__ import annotations

import os

from ..language.read.parse import parse
from ..language.read.scan import front_matter, normalize_newlines
from ..model import Map

#: a map file from this size on opens on a preview (about 0.25 s to read a MB)
PREVIEW_FROM_BYTES = 1_000_000
#: about how many lines the preview holds: several screens of the outline, read in ~50 ms
PREVIEW_LINES = 2_000
#: how much of the file is read for the preview, at most (2,000 lines are about 250,000)
PREVIEW_CHARS = 1_000_000


def preview_text(text: str, lines: int | None = None) -> str | None:
    """The lines of `text` before the first top-level line (one starting at column 1) after
    its first `lines` lines (`PREVIEW_LINES`), or after the first line past its front matter,
    so that every entry of the preview is whole; None when there is no such line (a short
    text)."""
    text = normalize_newlines(text)
    lines = PREVIEW_LINES if lines is None else lines
    position = len(front_matter(text)) - 1  # the front matter's last line break (or -1)
    for _ in range(max(1, lines - text.count("\n", 0, position + 1))):
        position = text.find("\n", position + 1)
        if position < 0:
            return None
    while True:  # on to the next line that starts an entry
        start = position + 1
        if start >= len(text):
            return None
        if text[start] not in " \t\n":
            return text[:start]
        position = text.find("\n", start)
        if position < 0:
            return None


def preview_map(path: str) -> Map | None:
    """The map of the first part of the file `path` (see `preview_text`); None if the file
    is small (or cannot be cut, or read: the whole map's reading then says why). Only the
    first `PREVIEW_CHARS` characters are read."""
    try:
        if os.path.getsize(path) < PREVIEW_FROM_BYTES:
            return None
        # universal newlines: CRLF and CR read as LF, as the parser reads them
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            text = handle.read(PREVIEW_CHARS)
    except OSError:
        return None
    if text.startswith("---") and not front_matter(text):
        return None  # its front matter goes on past what was read (or is never closed)
    head = preview_text(text)
    return None if head is None else parse(head, path)

"""Quick diagnostics for a large document while its full parse is still running.

The edited region is found by comparing the last parsed lines with the current ones (common
prefix and suffix). Findings of the last snapshot outside it are kept, moved by the number
of lines added or removed; inside it, only the lines that changed are read again, for syntax
errors (each line of the format can be read alone). The full parse and check replace these
as soon as they are done.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import Diagnostic
from ..language.read.scan import read_lines
from .document import Snapshot

#: documents with fewer lines are parsed in full within about 0.2 s: no provisional pass
MIN_LINES = 500
#: an edited region larger than this is not worth a provisional pass
MAX_REGION = 200


def edited_region(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """(prefix, old_end, new_end): lines [prefix, old_end) of `old` became [prefix, new_end) of `new`."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, len(new) - suffix


def _touches_front_matter(lines: list[str], prefix: int) -> bool:
    """True if the edit starting at 0-based line `prefix` may be inside the front matter
    (which is read as a whole, not line by line)."""
    if lines[0].rstrip(" \t") != "---":
        return False
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip(" \t") == "---"), None)
    return closing is None or closing >= prefix


def provisional_diagnostics(snapshot: Snapshot, new_lines: list[str]) -> list[Diagnostic] | None:
    """The snapshot's findings carried over to the current text plus syntax errors of the
    edited lines; None when a provisional pass makes no sense (small file, big or front-matter edit)."""
    old_lines = snapshot.lines.lines
    if len(new_lines) < MIN_LINES:
        return None
    prefix, old_end, new_end = edited_region(old_lines, new_lines)
    if prefix < 1 or new_end - prefix > MAX_REGION or _touches_front_matter(new_lines, prefix):
        return None
    shift = new_end - old_end
    kept = []
    for diagnostic in snapshot.diagnostics:
        span = diagnostic.span
        if span.path != snapshot.path:
            continue
        if span.end_line <= prefix:
            kept.append(diagnostic)
        elif span.line > old_end:
            kept.append(replace(diagnostic, span=replace(span, line=span.line + shift, end_line=span.end_line + shift)))
    if new_end > prefix:
        _, errors = read_lines("\n".join(new_lines[prefix:new_end]), snapshot.path)
        kept.extend(replace(d, span=replace(d.span, line=d.span.line + prefix, end_line=d.span.end_line + prefix))
                    for d in errors)
    return kept

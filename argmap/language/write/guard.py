"""fmt's guard (as black's `assert_equivalent` and `assert_stable`): the text fmt writes must
read back as the very map it was made from, and format again to itself; otherwise nothing is
written and the user is asked to report the bug."""

from __future__ import annotations

from ...errors import FormatterBug
from ...model import Map
from . import format as _format

def format_checked(m: Map, path: str | None) -> str:
    """The canonical text of `m` (read from `path`), checked to mean exactly `m` and to be a
    fixed point of formatting; raises `FormatterBug` if it is not."""
    from ..read.parse import parse

    text = _format.format_map(m)
    back = parse(text, path)
    if any(d.is_error for d in back.diagnostics) or back != m:
        problem = "would change the map's meaning"
    elif _format.format_map(back) != text:
        problem = "is not stable (formatting it again changes it)"
    else:
        return text
    raise FormatterBug(f"{path or 'standard input'}: internal error: the formatted text {problem}; "
                       "nothing was written. This is a bug in argmap: please report it with the output of "
                       "'argmap --version' and the file (or the smallest part of it that shows the problem)")

"""`include "file"`: where an included file is, whether it may be read, and reading it into
the same graph as the including map (positions keep their own file).

The reader of a file's lines is handed in by the caller (nesting.read_file), so that reading
an include does not import back the module that reads includes."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable

from ...errors import Span, UsageError
from ...files import kind_of, read_text
from ...printable import control_characters
from .graph import GraphBuilder
from .scan import iter_lines, normalize_newlines

#: includes nest at most this deep (the map's own file is level 1), and one map reads at most
#: MAX_FILES included files in all: a deeper chain or a larger tree is refused (include-limit),
#: never a RecursionError or an exponential read of files that include each other many times
MAX_DEPTH = 64
MAX_FILES = 1000

#: reads one file's (line, text) pairs into a builder: `nesting.read_file`
FileReader = Callable[[GraphBuilder, Iterable[tuple], str, str | None, bool], None]


def read_include(builder: GraphBuilder, including: str | None, name: str, span: Span, read_file: FileReader) -> None:
    """Read the file `name` (relative to the including map `including`) into `builder` with
    `read_file`, or report why not (include-outside, include-cycle, include-not-found,
    include-unreadable, include-limit)."""

    target = _resolve(builder, including, name, span)
    if target is None:
        return
    absolute, shown = target
    try:
        text, diagnostics = read_text(absolute)
    except UsageError as exc:
        builder.report("include-unreadable", f"included file {name!r} cannot be read: {exc}", span,
                       "include a regular .argmap file")
        return
    text = normalize_newlines(text)
    builder.diagnostics.extend(diagnostics)
    builder.diagnostics.extend(control_characters(text, shown))
    builder.included.append(shown)
    builder.including = builder.including + (absolute,)
    read_file(builder, iter_lines(text, shown, builder.diagnostics), text, shown, False)
    builder.including = builder.including[:-1]


def _resolve(b: GraphBuilder, including: str | None, name: str, span: Span) -> tuple[str, str] | None:
    """(absolute path, path to show) of an included file, or None after reporting why not."""
    from pathlib import Path  # here: only a map with includes needs it

    try:
        base = Path(including).resolve().parent if including else Path.cwd()
        target = (base / name).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop (Python 3.11 raises RuntimeError)
        b.report("include-unreadable", f"included file {name!r} cannot be read: a symbolic link loop",
                 span, "include a regular .argmap file")
        return None
    if not name or os.path.isabs(name) or not target.is_relative_to(base):
        b.report("include-outside", f"include {name!r} leaves the folder of the including map",
                 span, "include files in the same folder or below it")
        return None
    key = str(target)
    if key in b.including:
        b.report("include-cycle", f"include {name!r} includes a file that is already being read",
                 span, "remove one include of the cycle")
        return None
    if len(b.including) >= MAX_DEPTH or len(b.included) >= MAX_FILES:
        b.report("include-limit", f"include {name!r} goes past the limit of {MAX_DEPTH} nested includes "
                 f"or {MAX_FILES} included files in one map", span, "include fewer files, less deeply")
        return None
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        b.report("include-not-found", f"included file {name!r} does not exist",
                 span, f"looked for {target}")
        return None
    except OSError as exc:
        b.report("include-unreadable", f"included file {name!r} cannot be read: {exc.strerror or exc}",
                 span, "include a regular .argmap file")
        return None
    if not stat.S_ISREG(mode):
        b.report("include-unreadable", f"included file {name!r} is {kind_of(mode)}, not a map file",
                 span, "include a regular .argmap file")
        return None
    shown = os.path.normpath(os.path.join(os.path.dirname(including), name)) if including else name
    return key, shown



"""`include "file"`: where an included file is, whether it may be read, and reading it into
the same graph as the including map (positions keep their own file).

The reader of a file's lines is handed in by the caller (nesting.read_file), so that reading
an include does not import back the module that reads includes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ...errors import Span, UsageError
from ...files import read_text
from ...printable import control_characters
from .graph import GraphBuilder
from .scan import iter_lines, normalize_newlines

#: reads one file's (line, text) pairs into a builder: `nesting.read_file`
FileReader = Callable[[GraphBuilder, Iterable[tuple], str, str | None, bool], None]


def read_include(builder: GraphBuilder, including: str | None, name: str, span: Span, read_file: FileReader) -> None:
    """Read the file `name` (relative to the including map `including`) into `builder` with
    `read_file`, or report why not (include-outside, include-cycle, include-not-found)."""

    target = _resolve(builder, including, name, span)
    if target is None:
        return
    absolute, shown = target
    try:
        text, diagnostics = read_text(absolute)
    except UsageError as exc:
        builder.report("include-not-found", str(exc), span)
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
    base = Path(including).resolve().parent if including else Path.cwd()
    target = (base / name).resolve()
    if not name or os.path.isabs(name) or not target.is_relative_to(base):
        b.report("include-outside", f"include {name!r} leaves the folder of the including map",
                 span, "include files in the same folder or below it")
        return None
    key = str(target)
    if key in b.including:
        b.report("include-cycle", f"include {name!r} includes a file that is already being read",
                 span, "remove one include of the cycle")
        return None
    if not target.is_file():
        b.report("include-not-found", f"included file {name!r} does not exist",
                 span, f"looked for {target}")
        return None
    shown = os.path.normpath(os.path.join(os.path.dirname(including), name)) if including else name
    return key, shown



"""Importers: one module per foreign format, each `read_<format>(text, path) -> Map`.

An importer builds the graph view of a `Map` (nodes, relations, actors, sources, sections,
metadata) with `document=()`; `argmap.format_map` writes it as canonical .argmap text. What a
format says that argmap cannot hold is reported as a warning `Diagnostic` in `Map.diagnostics`,
with the position in the imported file; a file that cannot be read at all raises
`argmap.errors.ImportFailed` carrying its diagnostics.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..errors import UsageError
from ..model import Map

#: format -> "module:function" with signature (text: str, path: str | None) -> Map
IMPORTERS: dict[str, str] = {
    "json": "argmap.importers.json:read_json",
    "argdown": "argmap.importers.argdown:read_argdown",
    "aif": "argmap.importers.aif:read_aif",
    "af": "argmap.importers.iccma:read_af",
    "tgf": "argmap.importers.iccma:read_tgf",
    "i23": "argmap.importers.iccma:read_i23",
    "apx": "argmap.importers.iccma:read_apx",
    "kialo": "argmap.importers.kialo:read_kialo",
}
#: file name endings -> format (longest first, so `.aif.json` is AIF)
EXTENSIONS: dict[str, str] = {
    ".aif.json": "aif",
    ".aif": "aif",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".json": "json",
    ".af": "af",
    ".tgf": "tgf",
    ".i23": "i23",
    ".apx": "apx",
}


def importer(fmt: str) -> Callable[[str, str | None], Map]:
    """The reader function for `fmt`; UsageError for an unknown format."""
    if fmt not in IMPORTERS:
        raise UsageError(f"cannot import {fmt!r}; formats: {', '.join(IMPORTERS)}")
    module, _, function = IMPORTERS[fmt].partition(":")
    return getattr(importlib.import_module(module), function)


def detect_format(path: str, text: str) -> str | None:
    """The format of a foreign file from its name (JSON: from its content), else, for a name
    not ending in .argmap, from its content (`argmap.importers.sniff`); None if neither."""
    from .sniff import looks_like_aif, sniff

    name = path.lower()
    for ending, fmt in EXTENSIONS.items():
        if name.endswith(ending):
            if fmt == "json" and looks_like_aif(text):
                return "aif"
            return fmt
    if name.endswith(".argmap"):
        return None
    return sniff(text)


def resolve_format(path: str, text: str, fmt: str | None = None, *,
                   how: str = "say --from argmap to read it as one") -> str:
    """The format to read `path` in: `fmt`, else its ending, else its content; "argmap" for an
    .argmap file and for standard input. A file of any other name whose content is no known
    format is a UsageError (never silently read as a map); `how` says what to do instead."""
    if fmt:
        return fmt
    found = detect_format(path, text)
    if found is not None:
        return found
    if path == "-" or path.lower().endswith(".argmap"):
        return "argmap"
    import os

    ending = os.path.splitext(path)[1]
    what = f"ending {ending}" if ending else "no ending"
    raise UsageError(f"{path}: not an .argmap file ({what}) nor a format argmap recognises by its "
                     f"content; {how}")


def read_map(path: str, fmt: str | None = None, *,
             how: str = "say --from argmap to read it as one") -> tuple[Map, str]:
    """Read a map in any format argmap knows: `fmt`, else from the file name, else from its
    content (`resolve_format`: a file of an unknown kind is a UsageError saying `how` to read it).

    Returns the map and the text it was read from. Raises UsageError when the file cannot be
    read, ImportFailed when a foreign file cannot be understood.
    """
    from ..files import read_text

    text, decode_problems = read_text(path)
    name = None if path == "-" else path
    result = map_from_text(text, name, resolve_format(path, text, fmt, how=how))
    if decode_problems:
        from dataclasses import replace

        result = replace(result, diagnostics=tuple(decode_problems) + result.diagnostics)
    return result, text


def map_from_text(text: str, path: str | None, fmt: str) -> Map:
    """The map `text` in `fmt` holds ("argmap" parses it), checked against the model's
    invariants as every import is; raises ImportFailed when it cannot be understood."""
    if fmt == "argmap":
        from ..language.read.parse import parse

        return parse(text, path)
    from .validate import validated

    return validated(importer(fmt)(text, path), writable=False)

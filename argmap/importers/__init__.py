"""Importers: one module per foreign format, each `read_<format>(text, path) -> Map`.

An importer builds the graph view of a `Map` (nodes, relations, actors, sources, sections,
metadata) with `document=()`; `argmap.format_map` writes it as canonical .argmap text. What a
format says that argmap cannot hold is reported as a warning `Diagnostic` in `Map.diagnostics`,
with the position in the imported file; a file that cannot be read at all raises
`argmap.errors.ImportFailed` carrying its diagnostics.
"""

from __future__ import annotations

import importlib
import json as json_module  # not `json`: the submodule argmap.importers.json takes that name
from collections.abc import Callable

from ..errors import UsageError
from ..model import Map

#: format -> "module:function" with signature (text: str, path: str | None) -> Map
IMPORTERS: dict[str, str] = {
    "json": "argmap.importers.json:read_json",
    "argdown": "argmap.importers.argdown:read_argdown",
    "aif": "argmap.importers.aif:read_aif",
}
#: file name endings -> format (longest first, so `.aif.json` is AIF)
EXTENSIONS: dict[str, str] = {
    ".aif.json": "aif",
    ".aif": "aif",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".json": "json",
}


def importer(fmt: str) -> Callable[[str, str | None], Map]:
    """The reader function for `fmt`; UsageError for an unknown format."""
    if fmt not in IMPORTERS:
        raise UsageError(f"cannot import {fmt!r}; formats: {', '.join(IMPORTERS)}")
    module, _, function = IMPORTERS[fmt].partition(":")
    return getattr(importlib.import_module(module), function)


def detect_format(path: str, text: str) -> str | None:
    """The format of a foreign file from its name (JSON: from its content); None if .argmap."""
    name = path.lower()
    for ending, fmt in EXTENSIONS.items():
        if name.endswith(ending):
            if fmt == "json" and _looks_like_aif(text):
                return "aif"
            return fmt
    return None


def _looks_like_aif(text: str) -> bool:
    try:
        data = json_module.loads(text)
    except ValueError:
        return False
    nodes = data.get("nodes") if isinstance(data, dict) else None
    return data.get("format") != "argmap" and isinstance(nodes, list) and (
        not nodes or isinstance(nodes[0], dict) and "nodeID" in nodes[0]
    )


def read_map(path: str, fmt: str | None = None) -> tuple[Map, str]:
    """Read a map in any format argmap knows: `fmt`, else from the file name, else .argmap.

    Returns the map and the text it was read from. Raises UsageError when the file cannot be
    read, ImportFailed when a foreign file cannot be understood.
    """
    from ..files import read_text
    from ..language.read.parse import parse

    text, decode_problems = read_text(path)
    name = None if path == "-" else path
    fmt = fmt or detect_format(path, text)
    if fmt is None or fmt == "argmap":
        result = parse(text, name)
    else:
        result = importer(fmt)(text, name)
    if decode_problems:
        from dataclasses import replace

        result = replace(result, diagnostics=tuple(decode_problems) + result.diagnostics)
    return result, text

"""`argmap export MAP --to FORMAT [-o OUT]`: write a map as JSON, Mermaid, Argdown, AIF, ICCMA."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from ..errors import ImportFailed, UsageError
from ..model import Map
from ._common import has_errors, print_diagnostics

DESCRIPTION = """\
Write a map in another format. The input is an .argmap file or any format 'argmap import'
reads (.argdown, .json, .aif.json). The format comes from --to, else from the -o file name;
without -o the result goes to standard output. See docs/interchange.md.

  argmap export maps/lavrov-blinken.argmap --to mermaid
  argmap export maps/lavrov-blinken.argmap -o map.json
  argmap export debate.argdown --to json -o debate.json
"""

#: format -> "module:function" with signature (map: Map) -> str
EXPORTERS: dict[str, str] = {
    "json": "argmap.export.json:map_to_json",
    "mermaid": "argmap.export.mermaid:map_to_mermaid",
    "argdown": "argmap.export.argdown:map_to_argdown",
    "aif": "argmap.export.aif:map_to_aif",
    "i23": "argmap.analyze.iccma:map_to_i23",
    "apx": "argmap.analyze.iccma:map_to_apx",
}
#: output file endings -> format (longest first)
EXTENSIONS: dict[str, str] = {
    ".aif.json": "aif",
    ".json": "json",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".aif": "aif",
    ".i23": "i23",
    ".apx": "apx",
}


def exporter(fmt: str) -> Callable[[Map], str]:
    """The writer for `fmt`, imported when asked; UsageError if unknown or not installed."""
    if fmt not in EXPORTERS:
        raise UsageError(f"unknown format {fmt!r}; formats: {', '.join(EXPORTERS)}")
    module_name, _, function = EXPORTERS[fmt].partition(":")
    try:
        function_object = getattr(importlib.import_module(module_name), function)
    except (ModuleNotFoundError, AttributeError):
        raise UsageError(
            f"the {fmt} exporter ({EXPORTERS[fmt]}) is not available in this argmap"
        ) from None
    return function_object


def output_format(to: str | None, output: str | None) -> str:
    """--to if given, else the format the output file's name ends in."""
    if to:
        return to
    if output:
        for ending, fmt in EXTENSIONS.items():
            if output.lower().endswith(ending):
                return fmt
        raise UsageError(f"cannot tell the format from {output!r}; say --to {'|'.join(EXPORTERS)}")
    raise UsageError(f"say which format: --to {'|'.join(EXPORTERS)} (or -o FILE with its ending)")


def read_input(path: str, fmt: str | None, command: str) -> Map | None:
    """Read a map in any known format and print its diagnostics; None if it cannot be read."""
    from ..importers import read_map

    try:
        result, text = read_map(path, fmt)
    except ImportFailed as exc:
        print_diagnostics(exc.diagnostics)
        print(f"argmap {command}: {exc}", file=sys.stderr)
        return None
    print_diagnostics(result.diagnostics, sources={None if path == "-" else path: text})
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", metavar="MAP", help="map file (.argmap, .argdown, .json, .aif.json; '-' stdin)")
    parser.add_argument("--to", choices=list(EXPORTERS), help="output format")
    parser.add_argument("--from", dest="source_format", choices=["argmap", "json", "argdown", "aif"],
                        help="input format (default: from the file name, else .argmap)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")


def run(args: argparse.Namespace) -> int:
    from ..files import atomic_write

    fmt = output_format(args.to, args.output)
    write = exporter(fmt)
    result = read_input(args.map, args.source_format, "export")
    if result is None:
        return 1
    if has_errors(result.diagnostics):
        print(f"{args.map}: not exported: fix the errors above first", file=sys.stderr)
        return 1
    output = write(result)
    if args.output:
        atomic_write(args.output, output)
    else:
        sys.stdout.write(output)
    return 0

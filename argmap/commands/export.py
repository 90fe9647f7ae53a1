"""`argmap export MAP --to FORMAT [-o OUT]`: write a map as JSON, Mermaid, Argdown, AIF, ICCMA,
GraphML or a web page."""

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
reads (.argdown, .json, .aif.json, .af, .tgf, .i23, .apx, Kialo .txt). The format comes from
--to, else from the -o file name; without -o the result goes to standard output. What the
output format cannot hold is reported per kind, with counts (every element with --verbose);
--strict makes any loss an error and writes nothing. See docs/interchange.md.

  argmap export maps/lavrov-blinken.argmap --to mermaid
  argmap export maps/lavrov-blinken.argmap -o map.json
  argmap export debate.argdown --to json -o debate.json
  argmap export maps/lavrov-blinken.argmap -o map.graphml --with-analysis
  argmap export instance.af --to tgf --strict
  argmap export maps/lavrov-blinken.argmap -o map.html        # a web page, works offline
  argmap export maps/lavrov-blinken.argmap --to html --embed  # a fragment for your own page
"""

#: format -> "module:function" with signature (map: Map) -> str
EXPORTERS: dict[str, str] = {
    "json": "argmap.export.json:map_to_json",
    "mermaid": "argmap.export.mermaid:map_to_mermaid",
    "argdown": "argmap.export.argdown:map_to_argdown",
    "aif": "argmap.export.aif:map_to_aif",
    "i23": "argmap.export.iccma:map_to_i23",
    "apx": "argmap.export.iccma:map_to_apx",
    "af": "argmap.export.iccma:map_to_af",
    "tgf": "argmap.export.iccma:map_to_tgf",
    "graphml": "argmap.export.graphml:map_to_graphml",
    "html": "argmap.export.html:map_to_html",
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
    ".af": "af",
    ".tgf": "tgf",
    ".graphml": "graphml",
    ".html": "html",
    ".htm": "html",
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


def read_input(path: str, fmt: str | None, command: str, *, verbose: bool = True,
               how: str = "say --from argmap to read it as one") -> Map | None:
    """Read a map in any known format and print its diagnostics (warnings summarised per code
    unless `verbose`); None if it cannot be read."""
    from ..importers import read_map
    from ._losses import print_read_diagnostics

    try:
        result, text = read_map(path, fmt, how=how)
    except ImportFailed as exc:
        print_diagnostics(exc.diagnostics)
        print(f"argmap {command}: {exc}", file=sys.stderr)
        return None
    print_read_diagnostics(result.diagnostics, sources={None if path == "-" else path: text}, verbose=verbose)
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..importers import IMPORTERS
    from ._losses import add_loss_arguments

    parser.add_argument("map", metavar="MAP", help="map file (.argmap or any format 'argmap import' reads; '-' stdin)")
    parser.add_argument("--to", choices=list(EXPORTERS), help="output format")
    parser.add_argument("--from", dest="source_format", choices=["argmap", *IMPORTERS],
                        help="input format (default: from the file name, else from its content)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    parser.add_argument("--with-analysis", action="store_true",
                        help="graphml: add each node's grounded label (in / out / undecided)")
    parser.add_argument("--embed", action="store_true",
                        help="html: write a fragment to paste into a page of your own, not a whole page")
    add_loss_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ..files import atomic_write

    fmt = output_format(args.to, args.output)
    write = exporter(fmt)
    from ..export.losses import call_writer
    from ._losses import print_losses, refuse_if_strict

    verbose, strict = getattr(args, "verbose", False), getattr(args, "strict", False)
    result = read_input(args.map, args.source_format, "export", verbose=verbose)
    if result is None:
        return 1
    if has_errors(result.diagnostics):
        print(f"{args.map}: not exported: fix the errors above first", file=sys.stderr)
        return 1
    if getattr(args, "with_analysis", False):
        if fmt != "graphml":
            raise UsageError("--with-analysis goes with --to graphml")
        from ..export.graphml import map_to_graphml

        def write(m: Map, losses: list | None = None) -> str:  # noqa: F811 - the writer, with analysis
            return map_to_graphml(m, losses, with_analysis=True)
    if getattr(args, "embed", False):
        if fmt != "html":
            raise UsageError("--embed goes with --to html")
        from ..export.html import map_to_html_fragment as write  # noqa: F811 - the fragment writer
    output, losses = call_writer(write, result)
    warnings = sum(not d.is_error and d.severity.value == "warning" for d in result.diagnostics)
    print_losses(losses, fmt, verbose=verbose)
    if refuse_if_strict(strict, warnings, len(losses), args.map):
        return 1
    if args.output:
        atomic_write(args.output, output)
    else:
        sys.stdout.write(output)
    return 0

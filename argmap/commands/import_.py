"""`argmap import FILE [-o OUT.argmap]`: turn Argdown, AIF or argmap JSON into an .argmap map."""

from __future__ import annotations

import argparse
import sys

from .export import read_input

DESCRIPTION = """\
Read a map written in another format and write it as canonical .argmap text. The format
comes from --from, else from the file name (.argdown, .aif.json / .aif, .json; JSON that is AIF
is recognised by its content). What the source says that argmap cannot hold is reported as a
warning with its file:line:col. See docs/interchange.md.

  argmap import debate.argdown -o debate.argmap
  argmap import corpus.aif.json -o corpus.argmap
  argmap import map.json --from json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="file to import ('-' for standard input)")
    parser.add_argument("--from", dest="source_format", choices=["json", "argdown", "aif"],
                        help="input format (default: from the file name)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output .argmap file (default: stdout)")


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..files import atomic_write
    from ..language.write.format import format_map
    from ..importers import detect_format

    if args.source_format is None and not detect_format(args.file, "") and args.file != "-":
        raise UsageError(f"cannot tell the format of {args.file!r}; say --from json|argdown|aif")
    if args.source_format is None and args.file == "-":
        raise UsageError("reading standard input: say --from json|argdown|aif")
    result = read_input(args.file, args.source_format, "import")
    if result is None:
        return 1
    output = format_map(result)
    if args.output:
        atomic_write(args.output, output)
        print(f"{args.output}: {len(result.nodes)} nodes, {len(result.relations)} relations",
              file=sys.stderr)
    else:
        sys.stdout.write(output)
    return 0

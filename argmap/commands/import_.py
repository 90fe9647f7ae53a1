"""`argmap import FILE [-o OUT.argmap]`: turn Argdown, AIF or argmap JSON into an .argmap map."""

from __future__ import annotations

import argparse
import sys

from .export import read_input

DESCRIPTION = """\
Read a map written in another format and write it as canonical .argmap text. The format
comes from --from, else from the file name (.argdown, .aif.json / .aif, .json, .af, .tgf,
.i23, .apx), else from the content (AIF JSON, ICCMA 'p af N', apx facts, TGF, a Kialo export's
'Discussion Title:'). What the source says that argmap cannot hold is reported as a warning
with its file:line:col, one line per kind (--verbose: every one); --strict makes any warning
an error and writes nothing. See docs/interchange.md.

  argmap import debate.argdown -o debate.argmap
  argmap import corpus.aif.json -o corpus.argmap
  argmap import map.json --from json
  argmap import discussion.txt -o discussion.argmap      (a Kialo export)
  argmap import instance.af -o instance.argmap           (ICCMA 2023)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..importers import IMPORTERS
    from ._losses import add_loss_arguments

    parser.add_argument("file", metavar="FILE", help="file to import ('-' for standard input)")
    parser.add_argument("--from", dest="source_format", choices=list(IMPORTERS),
                        help="input format (default: from the file name, else from its content)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output .argmap file (default: stdout)")
    add_loss_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..files import atomic_write
    from ..importers import IMPORTERS
    from ..language.write.format import format_map
    from ._losses import refuse_if_strict

    choices = "|".join(IMPORTERS)
    if args.source_format is None and args.file == "-":
        raise UsageError(f"reading standard input: say --from {choices}")
    if args.source_format is None and args.file.lower().endswith(".argmap"):
        raise UsageError(f"{args.file} is an .argmap map already (import reads other formats)")
    verbose, strict = getattr(args, "verbose", False), getattr(args, "strict", False)
    result = read_input(args.file, args.source_format, "import", verbose=verbose,
                        how=f"cannot tell its format; say --from {choices}")
    if result is None:
        return 1
    if any(d.is_error for d in result.diagnostics):
        print(f"{args.file}: not imported: fix the errors above first", file=sys.stderr)
        return 1
    warnings = sum(d.severity.value == "warning" for d in result.diagnostics)
    if refuse_if_strict(strict, warnings, 0, args.file):
        return 1
    from ..importers.validate import unwritable_diagnostics
    from .export import print_diagnostics

    unwritable = unwritable_diagnostics(result)
    if unwritable:  # never write a map that reads back as another one
        print_diagnostics(unwritable)
        print(f"{args.file}: not imported: {len(unwritable)} value(s) .argmap text cannot hold (listed above)",
              file=sys.stderr)
        return 1
    output = format_map(result)
    if args.output:
        atomic_write(args.output, output)
        print(f"{args.output}: {len(result.nodes)} nodes, {len(result.relations)} relations",
              file=sys.stderr)
    else:
        sys.stdout.write(output)
    return 0

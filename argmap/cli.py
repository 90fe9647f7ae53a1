"""The `argmap` command line: `main(argv) -> exit code`, one thin module per sub-command.

Each sub-command lives in `argmap/commands/<module>.py` and provides `HELP` (one line),
`DESCRIPTION` (the --help text), `add_arguments(parser)` and `run(args) -> int`. Modules import
their heavy libraries inside `run`, so `argmap --help` and `argmap check` start fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from typing import Sequence

from . import __version__
from .errors import ArgmapError

#: commands that keep running (an app, a server, a watcher): they keep the cycle collector on
LONG_RUNNING = frozenset({"browse", "lsp", "watch"})

#: sub-command name -> module in argmap.commands, in the order --help lists them
COMMANDS: dict[str, str] = {
    "check": "check",
    "fmt": "fmt",
    "analyze": "analyze",
    "render": "render",
    "watch": "watch",
    "doctor": "doctor",
    "export": "export",
    "import": "import_",
    "browse": "browse",
    "lsp": "lsp",
}

EPILOG = """\
examples:
  argmap check maps/lavrov-blinken.argmap
  argmap fmt --check maps/*.argmap
  argmap analyze maps/lavrov-blinken.argmap --semantics preferred
  argmap render maps/lavrov-blinken.argmap -o map.svg

Run 'argmap COMMAND --help' for the options of one command.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Map, check, analyse and draw arguments and debates written as .argmap text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(f"argmap.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"argmap.commands.{module_name}":
                continue  # a command not built yet
            raise
        command = sub.add_parser(
            name,
            help=module.HELP,
            description=getattr(module, "DESCRIPTION", module.HELP),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 findings, 2 usage or I/O error)."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 2
    if args.command not in LONG_RUNNING:
        # a short-lived command builds one model and exits: collecting cycles (the model has
        # none) would only rescan it, at up to a fifth of the run time on large maps
        gc.disable()
    try:
        return int(args.run(args))
    except ArgmapError as exc:
        print(f"argmap {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        gc.enable()

"""The `argmap` command line: `main(argv) -> exit code`, one thin module per sub-command.

`COMMANDS` below is the one table of sub-commands: name -> (module in `argmap/commands/`,
one-line help). `argmap --help` lists it without importing any command module, and
`argmap COMMAND ...` imports and builds only that command's parser. Each module provides
`DESCRIPTION` (the --help text), `add_arguments(parser)` and `run(args) -> int`, and imports
its heavy libraries inside `run`, so that `argmap --version`, `--help` and `check` start fast
(bench/startup.py measures them; tests/test_startup.py holds what each command may import).
This module imports nothing of argmap but `__version__` until a command runs.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__

TYPE_CHECKING = False  # not typing's: the CLI does not import typing before a command needs it
if TYPE_CHECKING:
    from collections.abc import Sequence

#: sub-command name -> (module in argmap.commands, one-line help), in the order --help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "report syntax errors, undefined references and other problems"),
    "fmt": ("fmt", "rewrite maps in canonical layout (comments and meaning kept)"),
    "analyze": ("analyze", "say which claims stand (Dung semantics), how strong they are, and how each actor fared"),
    "explain": ("explain", "say why one node is in, out or undecided, and how its strength is made"),
    "diff": ("diff", "what changed between two versions of a map, and whether the outcome did (status, strength, by actor)"),
    "render": ("render", "draw a map as SVG, PNG, PDF or DOT (Graphviz)"),
    "watch": ("watch", "re-draw a map on every save (keeps the last good drawing on errors)"),
    "doctor": ("doctor", "show which Graphviz program is used and check that drawing works"),
    "export": ("export", "write a map as JSON, Mermaid, Argdown, AIF, GraphML, ICCMA (af, tgf, i23, apx) or a web page"),
    "import": ("import_", "turn an Argdown, AIF, argmap JSON, ICCMA or Kialo file into an .argmap map"),
    "browse": ("browse", "browse a map in the terminal: outline, details, search, analysis overlay"),
    "lsp": ("lsp", "run the language server (LSP over stdio) for editors"),
    "schemes": ("schemes", "list the argumentation schemes and their critical questions, or show one"),
}

EPILOG = """\
examples:
  argmap check maps/lavrov-blinken.argmap
  argmap fmt --check maps/*.argmap
  argmap analyze maps/lavrov-blinken.argmap --semantics preferred
  argmap render maps/lavrov-blinken.argmap -o map.svg

Run 'argmap COMMAND --help' for the options of one command.
"""


def command_name(argv: Sequence[str]) -> str | None:
    """The sub-command argv names: its first argument that is not an option (the top level
    has no option taking a value), None if there is none."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the whole command line, with the options of `command` only: every other
    sub-command is listed (name and help, from `COMMANDS`) but not imported."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Map, check, analyse and draw arguments and debates written as .argmap text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_line) in COMMANDS.items():
        if name != command:
            sub.add_parser(name, help=help_line, add_help=False)  # listed; never parsed
            continue
        import importlib

        module = importlib.import_module(f"argmap.commands.{module_name}")  # a break here fails
        parser_ = sub.add_parser(
            name,
            help=help_line,
            description=module.DESCRIPTION,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(parser_)
        parser_.set_defaults(run=module.run)
    return parser


def _unknown_command(parser: argparse.ArgumentParser, name: str) -> None:
    """argparse's error for an unknown sub-command, with the nearest names (exits 2)."""
    from .errors import suggest

    close = suggest(name, list(COMMANDS))
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    choices = ", ".join(repr(c) for c in COMMANDS)
    parser.error(f"argument COMMAND: invalid choice: {name!r} (choose from {choices}){hint}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 findings, 2 usage or I/O error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = command_name(argv)
    parser = build_parser(command)
    if command is not None and command not in COMMANDS:
        _unknown_command(parser, command)
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 2
    from ._speed.gc import command_collector
    from .errors import ArgmapError

    with command_collector(args.command):
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

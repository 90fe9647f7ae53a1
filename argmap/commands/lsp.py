"""`argmap lsp`: run the language server on standard input/output (for editors)."""

from __future__ import annotations

import argparse

from ..errors import UsageError

DESCRIPTION = """\
Run the argmap language server on standard input and output. Editors start it themselves;
see docs/editors.md for Neovim, VS Code, Helix and Emacs. It reports parse and check
diagnostics as you type, and offers an outline, go to definition, references, completion,
hover, rename, formatting and quick fixes.

  argmap lsp                  what an editor runs
  argmap lsp --log lsp.log    also write the server's log to a file (for bug reports)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--stdio", action="store_true",
                        help="talk over stdin/stdout (the default; accepted because many editors pass it)")
    parser.add_argument("--debounce", type=float, default=None, metavar="SECONDS",
                        help="quiet time after a change before the map is checked again (default 0.1)")
    parser.add_argument("--log", metavar="FILE", help="write the server log to FILE")


def run(args: argparse.Namespace) -> int:
    import logging
    import sys

    from ..lsp.features import DEBOUNCE, create_server

    debounce = DEBOUNCE if args.debounce is None else args.debounce
    if not 0 <= debounce <= 10:
        raise UsageError(f"--debounce must be between 0 and 10 seconds, not {debounce}")
    if args.log:
        try:
            logging.basicConfig(filename=args.log, level=logging.INFO,
                                format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        except OSError as exc:
            raise UsageError(f"{args.log}: cannot write the log: {exc.strerror or exc}") from None
    # the parse runs in a worker thread: hand the interpreter back to requests every 1 ms
    # (default 5 ms) so that completion stays quick while a large map is parsed again
    sys.setswitchinterval(0.001)
    server = create_server(debounce)
    server.start_io()
    # the LSP: `exit` after `shutdown` exits 0, without it 1 (pygls's own sys.exit is lost
    # when its writer closes asynchronously)
    return 0 if getattr(server.protocol, "_shutdown", False) else 1

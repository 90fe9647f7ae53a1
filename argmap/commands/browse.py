"""`argmap browse MAP`: read a map in the terminal (a Textual app)."""

from __future__ import annotations

import argparse

HELP = "browse a map in the terminal: outline, details, search, analysis overlay"
DESCRIPTION = """\
Open MAP in an interactive terminal browser: the outline of sections and claims with their
reasons, the details of the node under the cursor, search, actor and tag filters, the
acceptability or strength overlay, diagnostics, and live reload when the file changes.

Press ? inside the browser for every key. A map with errors still opens with what could be
read; the diagnostics panel (d) lists the problems.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `argmap browse`."""
    parser.add_argument("map", metavar="MAP", help="the .argmap file to open")
    parser.add_argument(
        "--no-watch", action="store_true", help="do not reload when the file changes"
    )


#: files from this size on take a noticeable time to read (about 0.3 s a MB): say so meanwhile
READING_NOTICE_BYTES = 1_000_000


def say_reading(path: str) -> None:
    """On a terminal, say that a large map is being read (the browser's screen comes after)."""
    import os
    import sys

    try:
        size = os.path.getsize(path)
    except OSError:
        return  # load_map says what is wrong
    if size >= READING_NOTICE_BYTES and sys.stderr.isatty():
        print(f"argmap browse: reading {path} ({size / 1e6:.1f} MB)…", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Parse MAP (a missing or unreadable file is a usage error), then run the browser."""
    from ..errors import UsageError
    from ._common import load_map

    if args.map == "-":
        raise UsageError("browse needs a file: standard input is the keyboard here")
    say_reading(args.map)
    map_ = load_map(args.map)  # raises UsageError when the file cannot be read

    import gc

    from ..tui.app import ArgmapApp

    gc.freeze()  # the map is immutable: keep the cycle collector from walking it again and again

    ArgmapApp(map_, args.map, poll_interval=0 if args.no_watch else 0.5).run()
    return 0

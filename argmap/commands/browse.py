"""`argmap browse MAP`: read a map in the terminal (a Textual app)."""

from __future__ import annotations

import argparse

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


def run(args: argparse.Namespace) -> int:
    """Parse MAP (a missing or unreadable file is a usage error), then run the browser."""
    from ..errors import UsageError
    from ._common import load_map

    if args.map == "-":
        raise UsageError("browse needs a file: standard input is the keyboard here")
    if not args.map.lower().endswith(".argmap"):
        load_map(args.map)  # a file of an unknown kind: UsageError saying so
        raise UsageError(f"{args.map}: browse opens .argmap files (it re-reads the file as it changes); "
                         f"convert it first: argmap import {args.map} -o MAP.argmap")
    from ..tui.preview import preview_map

    # a large map opens on its first part, read at once; the whole map follows
    preview = preview_map(args.map)
    map_ = preview if preview is not None else load_map(args.map)  # UsageError: cannot be read

    from .._speed.gc import freeze
    from ..tui.app import ArgmapApp

    freeze()  # the map is immutable: keep the cycle collector from walking it again and again

    ArgmapApp(map_, args.map, poll_interval=0 if args.no_watch else 0.5, preview=preview is not None).run()
    return 0

"""`argmap watch MAP -o OUT.svg`: draw again on every save; a broken save keeps the last drawing."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Iterable, TextIO

from ..errors import ArgmapError
from ..language.report import plural
from .render import add_render_options, drawn_count, options_from_args

DESCRIPTION = """\
Draw MAP to OUT now and again every time MAP (or a file it includes) is saved. A save with
syntax errors prints them and leaves the last good drawing in place; fix the file and the
drawing follows. Stop with Ctrl-C. Takes every drawing option of 'argmap render'.

  argmap watch maps/x.argmap -o x.svg
  argmap watch maps/x.argmap -o x.png --rankdir LR --focus "No NATO troops"
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", metavar="MAP", help="the map file to watch")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the drawing to keep up to date")
    parser.add_argument("--format", choices=("svg", "png", "pdf", "dot"), help="default: from OUT's extension")
    add_render_options(parser)


class Redrawer:
    """Draws one map to one file; each `redraw()` reports what happened and never raises."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        from ..render import find_binary, format_for
        from ..render.binary import require_format

        self.args = args
        self.out = out
        self.fmt = args.format or format_for(args.output)
        self.binary = None if self.fmt == "dot" else find_binary(args.dot_binary)
        if self.binary is not None:
            require_format(self.binary, self.fmt)  # fail now, not on every save
        self.watched: set[Path] = {Path(args.map).resolve()}
        self.read_as: dict[Path, tuple[int, int, int] | None] = {}

    def redraw(self) -> bool:
        """Parse and draw; on errors print them and keep the previous drawing. True if drawn."""
        from ..files import atomic_write
        from ..render import render_bytes
        from ..render.overlay import overlays_for
        from ._common import load_map, print_diagnostics

        started = time.perf_counter()
        stamp = time.strftime("%H:%M:%S")
        self.read_as = self._stats()
        try:
            map_ = load_map(self.args.map)
            self.watched = {Path(self.args.map).resolve(), *(Path(p).resolve() for p in map_.included)}
            errors = [d for d in map_.diagnostics if d.is_error]
            if errors:
                print_diagnostics(errors, stream=self.out)
                print(f"[{stamp}] {self.args.map}: {plural(len(errors), 'error')}; kept the last good drawing",
                      file=self.out, flush=True)
                return False
            overlays = overlays_for(map_, self.args.labels, self.args.strength, self.args.round)
            options = options_from_args(self.args)
            data = render_bytes(map_, self.fmt, options, overlays=overlays, binary=self.binary)
            atomic_write(self.args.output, data)
        except ArgmapError as exc:
            print(f"[{stamp}] error: {exc}; kept the last good drawing", file=self.out, flush=True)
            return False
        elapsed = (time.perf_counter() - started) * 1000
        print(f"[{stamp}] {self.args.output}: drawn ({drawn_count(map_, options)}, {elapsed:.0f} ms)",
              file=self.out, flush=True)
        return True

    def _stats(self) -> dict[Path, tuple[int, int, int] | None]:
        """Each watched file's inode, size and modification time (None: missing)."""
        found: dict[Path, tuple[int, int, int] | None] = {}
        for path in self.watched:
            try:
                info = path.stat()
                found[path] = (info.st_ino, info.st_size, info.st_mtime_ns)
            except OSError:
                found[path] = None
        return found

    def changed_since_drawn(self) -> bool:
        """True if a watched file changed since the last `redraw()` read it."""
        return self._stats() != self.read_as

    def concerns(self, changed_paths: Iterable[str]) -> bool:
        """True if any changed path is the map or one of its includes."""
        return any(Path(p).resolve() in self.watched for p in changed_paths)


def watch_loop(redrawer: Redrawer, batches: Iterable[set[tuple[object, str]]]) -> int:
    """Draw once, then once per batch of changes that touches the map. Watching begins only
    when the first batch is asked for, after the first drawing: a save made in between is seen
    by comparing the files with what was drawn when that batch comes. Returns the exit code."""
    redrawer.redraw()
    first = True
    for batch in batches:
        if redrawer.concerns(path for _, path in batch) or (first and redrawer.changed_since_drawn()):
            redrawer.redraw()
        first = False
    return 0


def run(args: argparse.Namespace) -> int:
    import watchfiles

    from ..files import require_map_file

    require_map_file(args.map)
    redrawer = Redrawer(args, sys.stderr)
    print(f"watching {args.map} -> {args.output} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    # watch folders, not files: editors save by writing a new file and renaming it
    folders = sorted({str(Path(args.map).resolve().parent)})
    try:
        # yield_on_timeout: a first (empty) batch comes soon after watching has begun
        changes = watchfiles.watch(*folders, debounce=200, recursive=True, yield_on_timeout=True, rust_timeout=500)
        return watch_loop(redrawer, changes)
    except KeyboardInterrupt:
        print("stopped watching", file=sys.stderr)
        return 0

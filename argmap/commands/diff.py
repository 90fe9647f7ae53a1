"""`argmap diff OLD NEW`: what changed between two versions of a map, and whether the outcome did."""

from __future__ import annotations

import argparse
import json
import sys

from ..analyze.framework import SEMANTICS
from ..errors import UsageError

DESCRIPTION = """\
Compare two versions of a map by meaning, not by lines: nodes (by title; untitled nodes by
text) and relations (by kind, source and target) added, removed or changed, then the outcome:
which nodes changed status under each --semantics (default grounded) and whose DF-QuAD
strength moved by more than --threshold, grouped by actor. Either file may be in any format
argmap reads; /dev/null stands for an empty map.

Exit status: 0 the outcome is the same, 1 it changed (for CI), 2 errors (a map with errors,
a file that cannot be read). Called by git as an external diff driver (7 or 9 arguments:
path old-file old-hex old-mode new-file new-hex new-mode [new-path message]; or with
--git-external-diff) it exits 0 whatever changed, as git expects. See docs/analysis.md.

examples:
  argmap diff old.argmap maps/lavrov-blinken.argmap
  argmap diff old.argmap new.argmap --semantics grounded --semantics preferred --json
  git show HEAD~1:maps/x.argmap | argmap diff - maps/x.argmap
  git difftool -y -x 'argmap diff' HEAD~1 -- maps/x.argmap
  GIT_EXTERNAL_DIFF='argmap diff --git-external-diff' git diff HEAD~1 -- maps/x.argmap
"""

#: git's external diff calling conventions: the number of arguments it passes
GIT_ARGUMENTS = (1, 7, 9)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `argmap diff`."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="OLD NEW (map files, '-' for stdin, /dev/null for none), or the "
                             "arguments git passes an external diff driver")
    parser.add_argument("--semantics", action="append", choices=SEMANTICS, metavar="S",
                        help="compare the status under S (repeatable; default grounded): "
                             + ", ".join(SEMANTICS))
    parser.add_argument("--threshold", type=float, default=None, metavar="T",
                        help="report strength deltas larger than T (default 0.05)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--git-external-diff", action="store_true",
                        help="the files are git's external diff arguments (also detected from "
                             "their number: 7, or 9 for a rename)")
    parser.add_argument("--timeout", type=float, metavar="S", help="time limit of each analysis")


def _empty(path: str):  # noqa: ANN202 - a Map
    from ..model import Map

    return Map(path=path)


def _load(file: str, shown_as: str | None = None):  # noqa: ANN202 - a Map
    """The map in `file`; `shown_as` is the name to read it by (its format, its includes, the
    positions of its errors): git's temporary copy of an old version goes by the real path."""
    from ._common import load_map

    if file == "/dev/null":
        return _empty(shown_as or file)
    if shown_as is None or shown_as == file:
        return load_map(file)
    from ..errors import Diagnostic, ImportFailed, Span
    from ..files import read_text
    from ..importers import importer, resolve_format
    from ..language.read.parse import parse
    from ..model import Map

    text, problems = read_text(file)
    try:
        fmt = resolve_format(shown_as, text)
        found = parse(text, shown_as) if fmt == "argmap" else importer(fmt)(text, shown_as)
    except ImportFailed as exc:
        return Map(path=shown_as, diagnostics=exc.diagnostics or (
            Diagnostic("import-failed", str(exc), Span(shown_as, 1, 1, 1, 2)),))
    if problems:
        from dataclasses import replace

        found = replace(found, diagnostics=tuple(problems) + found.diagnostics)
    return found


def run(args: argparse.Namespace) -> int:
    """Compare two versions and print the diff; the exit status says whether the outcome changed."""
    if args.threshold is not None and args.threshold < 0:
        raise UsageError("--threshold must be 0 or more")
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    count = len(args.files)
    git = args.git_external_diff or count in (7, 9)
    if git and count not in GIT_ARGUMENTS:
        raise UsageError(f"git passes an external diff 1, 7 or 9 arguments, not {count}")
    if not git and count != 2:
        raise UsageError(f"give two files, OLD and NEW (or git's 7 arguments), not {count}")
    if git:
        return _git(args)
    return _compare(args, args.files[0], args.files[1], _load(args.files[0]), _load(args.files[1]))


def _compare(args: argparse.Namespace, old_name: str, new_name: str, old, new,  # noqa: ANN001
             title: str | None = None) -> int:
    from rich.console import Console

    from ..analyze.diff import THRESHOLD, diff_json, diff_maps, print_diff
    from ._common import has_errors, print_diagnostics

    broken = [m for m in (old, new) if has_errors(m.diagnostics)]
    for map_ in broken:
        print_diagnostics(map_.diagnostics)
    if broken:
        names = " and ".join(m.path or "-" for m in broken)
        print(f"argmap diff: {names}: fix the errors above first", file=sys.stderr)
        return 2
    threshold = THRESHOLD if args.threshold is None else args.threshold
    result = diff_maps(old, new, args.semantics or ("grounded",), threshold=threshold,
                       timeout=args.timeout)
    if args.json:
        print(json.dumps(diff_json(old_name, new_name, old, new, result), indent=2, ensure_ascii=False))
    else:
        print_diff(Console(highlight=False, soft_wrap=True), old, new, result, title)
    return 1 if result.outcome_changed else 0


def _git(args: argparse.Namespace) -> int:
    """git's external diff: `path old-file old-hex old-mode new-file new-hex new-mode`, and for
    a rename `new-path message` after them; one argument for an unmerged path. Always 0 (git
    stops at a driver that fails), unless a file cannot be read at all."""
    files = args.files
    if len(files) == 1:
        print(f"argmap diff: {files[0]}: unmerged, not compared")
        return 0
    path, old_file, new_file = files[0], files[1], files[4]
    new_path = files[7] if len(files) == 9 else path
    old, new = _load(old_file, path), _load(new_file, new_path)
    title = f"argmap diff a/{path} b/{new_path}"
    from ._common import has_errors

    if any(has_errors(m.diagnostics) for m in (old, new)):
        return _text_diff(title, path, old_file, new_file, new_path)
    _compare(args, path, new_path, old, new, title)
    return 0


def _text_diff(title: str, path: str, old_file: str, new_file: str, new_path: str) -> int:
    """A version with errors cannot be compared by meaning: say so and show the lines."""
    import difflib

    from ..files import read_text

    def lines(file: str) -> list[str]:
        return [] if file == "/dev/null" else read_text(file)[0].splitlines(keepends=True)

    print(title)
    print(f"argmap diff: a version of {path} has errors (argmap check shows them); the lines that changed:")
    sys.stdout.writelines(difflib.unified_diff(lines(old_file), lines(new_file), f"a/{path}", f"b/{new_path}"))
    return 0

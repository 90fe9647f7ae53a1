"""`argmap fmt FILE...`: rewrite maps in canonical layout, losing nothing."""

from __future__ import annotations

import argparse
import sys

from ..files import atomic_write, decode, in_file_style, read_bytes
from ..language.read.parse import parse
from ..language.report import plural
from ..language.write.guard import format_checked
from ._common import expand_paths, print_diagnostics

DESCRIPTION = """\
Rewrite each map in canonical layout: two spaces per level, one space after a marker,
annotations in the order @actors #tags ^sources {meta}, comments and blank-line groups kept,
and the file's line breaks (LF, or CRLF if its first line ends so) and byte order mark kept.
The file is replaced atomically. A file with errors is left untouched (run 'argmap check').

  argmap fmt maps/*.argmap          rewrite in place
  argmap fmt --check maps/*.argmap  exit 1 if any file would change (for CI)
  argmap fmt --diff map.argmap      show the change, write nothing
  argmap fmt - < in.argmap          read standard input, write standard output
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="map files or folders ('-' for stdin → stdout)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    mode.add_argument("--diff", action="store_true", help="write nothing; print a unified diff")


def _only_argmap(path: str, text: str) -> None:
    """fmt rewrites .argmap text only: a file of another kind is a UsageError, never reformatted."""
    from ..errors import UsageError
    from ..importers import resolve_format

    if path == "-" or path.lower().endswith(".argmap"):
        return
    fmt = resolve_format(path, text, how="fmt formats .argmap files only")
    if fmt != "argmap":
        raise UsageError(f"{path}: a {fmt} file, not .argmap: fmt formats .argmap files only "
                         f"(argmap import {path} -o MAP.argmap converts it)")


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in expand_paths(args.files):
        name = None if path == "-" else path
        data = read_bytes(path)
        text, decode_errors = decode(data, name)
        _only_argmap(path, text)
        m = parse(text, name)
        errors = [d for d in list(decode_errors) + list(m.diagnostics) if d.is_error]
        if errors:
            print_diagnostics(errors, sources={name: text})
            print(f"{path}: not formatted: fix the {plural(len(errors), 'error')} above first", file=sys.stderr)
            status = 1
            continue
        formatted = in_file_style(format_checked(m, name), data)
        if path == "-" and not (args.check or args.diff):
            sys.stdout.write(formatted.decode("utf-8"))
            continue
        changed = formatted != data
        if args.diff and changed:
            import difflib

            sys.stdout.writelines(difflib.unified_diff(
                _lines(data), _lines(formatted),
                fromfile=f"{path} (original)", tofile=f"{path} (formatted)"))
        if args.check or args.diff:
            if changed:
                status = max(status, 1)
                if args.check:
                    print(f"{path}: would be reformatted", file=sys.stderr)
            continue
        if changed:
            atomic_write(path, formatted)
            print(f"{path}: formatted", file=sys.stderr)
    return status


def _lines(data: bytes) -> list[str]:
    """The lines of a file for the diff (split at LF, as the parser splits them), a carriage
    return shown as '\\r' and a missing last line break said as diff says it: a change of
    line breaks alone would otherwise look like no change at all."""
    lines = data.decode("utf-8", errors="replace").split("\n")
    last = lines.pop()  # "" when the file ends with a line break
    shown = [line.replace("\r", "\\r") + "\n" for line in lines]
    if last:
        shown.append(last.replace("\r", "\\r") + "\n\\ No newline at end of file\n")
    return shown

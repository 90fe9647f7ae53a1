"""`argmap check FILE...`: report every problem in one pass, like a compiler."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from ..api import check
from ..errors import Severity
from ..language.report import counted, plural
from ._common import expand_paths, load_map, print_diagnostics

DESCRIPTION = """\
Read each map and report every problem found, as

  maps/x.argmap:12:5: error[undefined-node]: [Tittle] is used but never defined

followed by the line, a caret and a hint. A map that states expected outcomes
({expect: in}, {expect-strength: 0.4..0.7}) and has no other error is analysed, and each
outcome that does not hold is an error[expectation-failed]. Exit status: 0 when no file has
errors (warnings are allowed unless --strict), 1 otherwise, 2 when a file cannot be read.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="map files or folders ('-' reads standard input)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people (default), json for tools")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings as errors, and information (open critical questions) as warnings")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors, no warnings or summary")


def run(args: argparse.Namespace) -> int:
    failed = False
    report: list[dict] = []
    for path in expand_paths(args.files):
        m = load_map(path)
        found = check(m)  # with the expected outcomes, analysed only for maps that state some
        if args.strict:  # information (an open critical question) becomes a warning
            found = [replace(d, severity=Severity.WARNING) if d.severity is Severity.INFO else d for d in found]
        if args.quiet:
            found = [d for d in found if d.is_error]
        errors = sum(d.is_error for d in found)
        warnings = sum(d.severity is Severity.WARNING for d in found)
        failed |= errors > 0 or (args.strict and warnings > 0)
        if args.format == "json":
            report.append({"path": path, "errors": errors, "warnings": warnings,
                           "diagnostics": [d.to_dict() for d in found]})
            continue
        print_diagnostics(found, stream=sys.stdout)
        if not args.quiet:
            notes = sum(d.severity is Severity.INFO for d in found)
            status = counted(found) if errors or warnings else "ok" + (f", {plural(notes, 'note')}" if notes else "")
            print(f"{path}: {status} ({plural(len(m.nodes), 'node')}, {plural(len(m.relations), 'relation')})")
    if args.format == "json":
        import json

        json.dump(report if len(report) != 1 else report[0], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    return 1 if failed else 0

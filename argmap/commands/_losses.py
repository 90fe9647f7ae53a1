"""The one place the command line reports what a conversion did not keep.

Reading: errors are printed in full; warnings (what an importer could not hold, each at its
file:line:col) are summarised one line per code with the count and the first place, unless
`verbose`. Writing: the exporter's `Loss`es (`argmap.export.losses`) are summarised per code
("warning[relation-weight]: 12 relation weights not kept by i23 (--verbose lists them)"), or
listed one per element with `verbose`. With `strict`, any warning or loss is an error: the
command prints why and exits 1 without writing anything.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from ..errors import Diagnostic, Severity
from ..export.losses import Loss, summary
from ._common import print_diagnostics


def _by_code(items: Iterable, key) -> dict[str, list]:  # noqa: ANN001
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def print_read_diagnostics(diagnostics: Sequence[Diagnostic], *, sources: dict | None = None,
                           verbose: bool = False, stream: TextIO | None = None) -> int:
    """Print what reading a file found; returns the number of warnings."""
    out = stream or sys.stderr
    errors = [d for d in diagnostics if d.is_error]
    warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
    others = [d for d in diagnostics if not d.is_error and d.severity is not Severity.WARNING]
    print_diagnostics(errors, stream=out, sources=sources)
    if verbose:
        print_diagnostics(warnings + others, stream=out, sources=sources)
        return len(warnings)
    for code, group in _by_code(warnings, lambda d: d.code).items():
        if len(group) == 1:
            print_diagnostics(group, stream=out, sources=sources)
        else:
            first = group[0]
            out.write(f"{first.span}: warning[{code}]: {first.message} "
                      f"(and {len(group) - 1} more like it; --verbose lists them)\n")
    return len(warnings)


def print_losses(losses: Sequence[Loss], fmt: str, *, verbose: bool = False,
                 stream: TextIO | None = None) -> int:
    """Print what the writer for `fmt` could not keep; returns the number of losses."""
    out = stream or sys.stderr
    for code, group in _by_code(losses, lambda loss: loss.code).items():
        if verbose or len(group) == 1:
            for loss in group:
                out.write(f"warning[{code}]: {loss.element}: {loss.message} (writing {fmt})\n")
        else:
            out.write(f"warning[{code}]: {summary(code, len(group), fmt)} (--verbose lists them)\n")
    return len(losses)


def refuse_if_strict(strict: bool, warnings: int, losses: int, path: str, *, stream: TextIO | None = None) -> bool:
    """With --strict and anything lost: say so and return True (the caller writes nothing)."""
    if not strict or not (warnings or losses):
        return False
    parts = []
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''} reading it")
    if losses:
        parts.append(f"{losses} element{'s' if losses != 1 else ''} not kept by the output format")
    print(f"{path}: error: --strict: {' and '.join(parts)}; nothing written", file=stream or sys.stderr)
    return True


def add_loss_arguments(parser) -> None:  # noqa: ANN001 - argparse parser
    parser.add_argument("--verbose", action="store_true",
                        help="list every warning and every element the conversion does not keep")
    parser.add_argument("--strict", action="store_true",
                        help="any warning or loss is an error: exit 1 and write nothing")

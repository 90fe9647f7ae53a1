"""Diagnostics as a person reads them: like a compiler, with the line and a caret under it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import Diagnostic, Severity
from ..printable import visible

_COLORS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}
_RESET = "\033[0m"
_MAX_SHOWN = 160  # columns of context shown around a position on very long lines


def _source_lines(path: str | None, sources: Mapping[str | None, str], cache: dict) -> list[str]:
    if path not in cache:
        text = sources.get(path)
        if text is None and path is not None:
            from ..errors import UsageError
            from ..files import read_bytes

            try:
                text = read_bytes(path).decode("utf-8-sig", errors="replace")
            except UsageError:
                text = ""
        # split as the reader splits (at LF only): str.splitlines also splits at \x0c, \x1c,
        # U+0085, U+2028 ..., which would show another line than the one a position names
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
        cache[path] = text.split("\n")
    return cache[path]


def _excerpt(line: str, column: int, width: int) -> tuple[str, int, int]:
    """Cut a long line around `column`; returns the shown text, caret offset and caret width.
    Control characters are shown escaped (printable.visible), the caret still under its place."""
    line = line.replace("\t", " ")
    start = max(0, column - 1 - _MAX_SHOWN // 2) if len(line) > _MAX_SHOWN else 0
    shown = line[start : start + _MAX_SHOWN]
    prefix = "…" if start else ""
    suffix = "…" if start + _MAX_SHOWN < len(line) else ""
    width = max(1, min(width, len(shown) - (column - 1 - start)))
    at = column - 1 - start
    before, marked, after = visible(shown[:at]), visible(shown[at : at + width]), visible(shown[at + width :])
    return prefix + before + marked + after + suffix, len(prefix) + len(before), max(1, len(marked))


def format_diagnostic(
    diagnostic: Diagnostic,
    sources: Mapping[str | None, str] | None = None,
    *,
    color: bool = False,
    _cache: dict | None = None,
) -> str:
    """One diagnostic: `path:line:col: error[code]: message`, the line, a caret, the hint."""
    cache = {} if _cache is None else _cache
    span = diagnostic.span
    severity = diagnostic.severity.value
    if color:
        severity = f"{_COLORS[diagnostic.severity]}{severity}{_RESET}"
    out = [visible(f"{span}: ", newlines=False) + f"{severity}[{diagnostic.code}]: "
           + visible(diagnostic.message, newlines=False) + "\n"]
    lines = _source_lines(span.path, sources or {}, cache)
    if 1 <= span.line <= len(lines):
        width = span.end_column - span.column if span.end_line == span.line else 1
        shown, offset, width = _excerpt(lines[span.line - 1], span.column, width)
        gutter = f"{span.line:>5} | "
        out.append(f"{gutter}{shown}\n")
        out.append(" " * (len(gutter) - 2) + "| " + " " * offset + "^" * width + "\n")
    if diagnostic.hint:
        out.append(f"      = hint: {visible(diagnostic.hint, newlines=False)}\n")
    return "".join(out)


def format_diagnostics(
    diagnostics: Iterable[Diagnostic],
    sources: Mapping[str | None, str] | None = None,
    *,
    color: bool = False,
) -> str:
    """All diagnostics, in order, each as `format_diagnostic` prints it."""
    cache: dict = {}
    return "".join(format_diagnostic(d, sources, color=color, _cache=cache) for d in diagnostics)


def plural(count: int, noun: str) -> str:
    """'1 node', '2 nodes'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def counted(diagnostics: Iterable[Diagnostic]) -> str:
    """'2 errors, 1 warning' (', 3 notes' when there is information): how many of each there are, in words."""
    found = list(diagnostics)
    errors = sum(d.is_error for d in found)
    notes = sum(d.severity is Severity.INFO for d in found)
    return (f"{plural(errors, 'error')}, {plural(sum(d.severity is Severity.WARNING for d in found), 'warning')}"
            + (f", {plural(notes, 'note')}" if notes else ""))

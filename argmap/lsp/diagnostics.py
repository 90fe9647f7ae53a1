"""argmap diagnostics → LSP diagnostics (code, severity, hint, and suggestions for quick fixes).

Findings inside included files are summed up on the `include` line that brings them in.
"""

from __future__ import annotations

import os

from lsprotocol import types

from ..errors import Diagnostic, Severity
from ..language.report import plural
from ..model import IncludeEntry
from .document import Snapshot
from .positions import LineIndex

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def to_lsp(diagnostic: Diagnostic, lines: LineIndex) -> types.Diagnostic:
    """One diagnostic for the client; the hint goes on a second line of the message."""
    message = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
    tags = [types.DiagnosticTag.Unnecessary] if diagnostic.code.startswith("unused-") else None
    data = {"suggestions": list(diagnostic.suggestions)} if diagnostic.suggestions else None
    return types.Diagnostic(
        range=lines.range_of(diagnostic.span),
        message=message,
        severity=_SEVERITY.get(diagnostic.severity, types.DiagnosticSeverity.Error),
        code=diagnostic.code,
        source="argmap",
        tags=tags,
        data=data,
    )


def _include_summaries(snapshot: Snapshot, foreign: list[Diagnostic]) -> list[types.Diagnostic]:
    """One diagnostic per `include` line for the findings in the files it brings in."""
    includes = [e for e in snapshot.map.document if isinstance(e, IncludeEntry) and e.span.path == snapshot.path]
    if not includes or snapshot.path is None:
        return []
    folder = os.path.dirname(snapshot.path)
    by_file = {os.path.normpath(os.path.join(folder, e.path)): e for e in includes}
    grouped: dict[int, list[Diagnostic]] = {}
    for finding in foreign:
        entry = by_file.get(os.path.normpath(finding.span.path or ""), includes[0])  # deeper includes: the first
        grouped.setdefault(id(entry), []).append(finding)
    out = []
    for entry in includes:
        found = grouped.get(id(entry))
        if not found:
            continue
        worst = min(found, key=lambda d: list(Severity).index(d.severity))
        listed = "; ".join(f"{os.path.basename(d.span.path or '')}:{d.span.line}:{d.span.column} {d.message}"
                           for d in found[:3])
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        out.append(types.Diagnostic(
            range=snapshot.lines.range_of(entry.span),
            message=f"{plural(len(found), 'problem')} in the included file: {listed}{more}",
            severity=_SEVERITY[worst.severity], code="included-file", source="argmap"))
    return out


def document_diagnostics(snapshot: Snapshot) -> list[types.Diagnostic]:
    """The diagnostics of this document, plus a summary on each `include` line of the
    findings in the file it includes."""
    own = [to_lsp(d, snapshot.lines) for d in snapshot.diagnostics if d.span.path == snapshot.path]
    foreign = [d for d in snapshot.diagnostics if d.span.path != snapshot.path]
    return own + _include_summaries(snapshot, foreign) if foreign else own

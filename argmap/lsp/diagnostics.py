"""argmap diagnostics → LSP diagnostics (code, severity, hint, and suggestions for quick fixes)."""

from __future__ import annotations

from lsprotocol import types

from ..errors import Diagnostic, Severity
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


def document_diagnostics(snapshot: Snapshot) -> list[types.Diagnostic]:
    """The diagnostics that belong to this document (findings in included files are left out)."""
    return [to_lsp(d, snapshot.lines) for d in snapshot.diagnostics if d.span.path == snapshot.path]

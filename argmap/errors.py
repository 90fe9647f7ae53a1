"""Positions and diagnostics: what every stage reports about the text a person wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from collections.abc import Iterable


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A region of a file. Lines and columns are 1-based; the end is exclusive."""

    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path or '<input>'}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view: path, line, column, end_line, end_column."""
        return {"path": self.path, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a stable kebab-case code, a message, a hint, and where it is."""

    code: str
    message: str
    span: Span
    severity: Severity = Severity.ERROR
    hint: str = ""
    #: nearest alternatives (for "did you mean"); editors turn these into quick fixes
    suggestions: tuple[str, ...] = field(default=())

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view (the shape of `argmap check --format json`)."""
        return {
            **self.span.to_dict(),
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "suggestions": list(self.suggestions),
        }


def in_reading_order(diagnostics: Iterable[Diagnostic], main_path: str | None) -> list[Diagnostic]:
    """`diagnostics` as a reader meets them: the main file's first, then each other file's (by
    path), each by line and column; findings at one place keep their order (the sort is stable)."""
    return sorted(diagnostics, key=lambda d: (d.span.path != main_path, d.span.path or "", d.span.line, d.span.column))


def suggest(name: str, known: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """The names in `known` nearest to `name`, nearest first (for "did you mean")."""
    import difflib

    return tuple(difflib.get_close_matches(name, list(known), n=n, cutoff=0.6))


class ArgmapError(Exception):
    """Base of every error argmap raises on purpose (bad input is a Diagnostic, not this)."""


class UsageError(ArgmapError):
    """The caller asked for something that cannot be done (bad option, missing file, ...)."""


class RenderError(ArgmapError):
    """Drawing failed: no Graphviz binary, an unsupported format, a layout error."""


class FormatRefused(ArgmapError):
    """A map with errors was asked to be formatted: fmt never guesses."""


class FormatterBug(FormatRefused):
    """fmt's own output would read back as another map (or format again differently): a bug in
    argmap, caught before anything is written."""


class ImportFailed(ArgmapError):
    """A file in a foreign format could not be read; carries diagnostics when it has them."""

    def __init__(self, message: str, diagnostics: tuple[Diagnostic, ...] = ()) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics

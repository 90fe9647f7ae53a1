"""argmap: map, check, analyse and draw arguments and debates written as plain text.

    >>> import argmap
    >>> m = argmap.parse("[A]: It rains.\\n  - [B]: The sky is clear.\\n")
    >>> [r.kind.value for r in m.relations.values()]
    ['attack']
"""

from .check import CHECKS, check
from .errors import ArgmapError, Diagnostic, Severity, Span, UsageError
from .format import format_map, format_text
from .model import (
    Actor,
    Map,
    Node,
    NodeEntry,
    NodeKind,
    Relation,
    RelationKind,
    Section,
    Source,
    Usage,
    Usages,
)
from .parse import parse, parse_bytes, parse_file

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ArgmapError",
    "CHECKS",
    "Diagnostic",
    "Map",
    "Node",
    "NodeEntry",
    "NodeKind",
    "Relation",
    "RelationKind",
    "Section",
    "Severity",
    "Source",
    "Span",
    "Usage",
    "Usages",
    "UsageError",
    "check",
    "format_map",
    "format_text",
    "parse",
    "parse_bytes",
    "parse_file",
]


def __getattr__(name: str):  # noqa: ANN202 - lazy: networkx is an optional extra
    if name == "to_networkx":
        from .export.networkx import to_networkx

        return to_networkx
    if name == "from_networkx":
        from .importers.networkx import from_networkx

        return from_networkx
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")

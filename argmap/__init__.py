"""argmap: map, check, analyse and draw arguments and debates written as plain text.

    >>> import argmap
    >>> m = argmap.parse("[A]: It rains.\\n  - [B]: The sky is clear.\\n")
    >>> [r.kind.value for r in m.relations.values()]
    ['attack']

`import argmap` imports nothing but this file: each name of `__all__` is imported from its
module the first time it is used (PEP 562), so that `argmap --version` and `argmap check`
do not pay for the parser's Lark, nor for Textual, Graphviz, clingo or pygls.

The functions of `argmap.api` (docs/python.md) are here too. Three share their name with a
subpackage — `analyze`, `render`, `export` — so `argmap.analyze` is the subpackage, as
`import argmap.analyze.debate` needs, and calling it calls `argmap.api.analyze`.
"""

from __future__ import annotations

import sys as _sys

TYPE_CHECKING = False  # not typing's: `import argmap` does not import typing either

__version__ = "0.1.0"

#: each name of `__all__` -> the module that defines it (tests/test_startup.py holds the two equal)
_WHERE: dict[str, str] = {
    "Actor": "argmap.model",
    "ArgmapError": "argmap.errors",
    "CHECKS": "argmap.language.check",
    "Diagnostic": "argmap.errors",
    "Map": "argmap.model",
    "Node": "argmap.model",
    "NodeEntry": "argmap.model",
    "NodeKind": "argmap.model",
    "Relation": "argmap.model",
    "RelationKind": "argmap.model",
    "Section": "argmap.model",
    "Severity": "argmap.errors",
    "Source": "argmap.model",
    "Span": "argmap.errors",
    "Usage": "argmap.model",
    "Usages": "argmap.model",
    "UsageError": "argmap.errors",
    "analyze": "argmap.api",
    "check": "argmap.api",
    "debate_report": "argmap.api",
    "diff": "argmap.api",
    "explain": "argmap.api",
    "Explanation": "argmap.api",
    "export": "argmap.api",
    "import_": "argmap.api",
    "render": "argmap.api",
    "format_map": "argmap.language.write.format",
    "format_text": "argmap.language.write.format",
    "parse": "argmap.language.read.parse",
    "parse_bytes": "argmap.language.read.parse",
    "parse_file": "argmap.language.read.parse",
    "to_networkx": "argmap.export.networkx",
    "from_networkx": "argmap.importers.networkx",
}

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
    "Explanation",
    "analyze",
    "check",
    "debate_report",
    "diff",
    "explain",
    "export",
    "import_",
    "render",
    "format_map",
    "format_text",
    "parse",
    "parse_bytes",
    "parse_file",
    "from_networkx",
    "to_networkx",
]

if TYPE_CHECKING:  # what type checkers and editors see; at run time these are lazy
    from typing import Any

    from .api import Explanation, analyze, check, debate_report, diff, explain, export, import_, render
    from .errors import ArgmapError, Diagnostic, Severity, Span, UsageError
    from .export.networkx import to_networkx
    from .importers.networkx import from_networkx
    from .language.check import CHECKS
    from .language.read.parse import parse, parse_bytes, parse_file
    from .language.write.format import format_map, format_text
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


_NOT_PUBLIC = {"annotations", "TYPE_CHECKING"}
#: the functions of argmap.api named like a subpackage: the subpackage, called, runs the function
_CALLED_AS_PACKAGE = ("analyze", "export", "render")


class _CallablePackage(type(_sys)):
    """A subpackage that, called, runs the function of argmap.api of its name."""

    @property
    def __wrapped__(self) -> Any:  # the function, whose signature `inspect.signature` shows
        import importlib

        return getattr(importlib.import_module("argmap.api"), self.__name__.rpartition(".")[2])

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.__wrapped__(*args, **kwargs)


class _Package(type(_sys)):
    """argmap itself: a subpackage of `_CALLED_AS_PACKAGE` becomes callable when Python binds it
    here (on its first import, whoever imports it)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _CALLED_AS_PACKAGE and type(value) is type(_sys):
            value.__class__ = _CallablePackage
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (then kept here)."""
    module_name = _WHERE.get(name)
    if module_name is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    import importlib

    if name in _CALLED_AS_PACKAGE:
        return importlib.import_module(f"argmap.{name}")  # bound here (and made callable) by Python
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names (loaded or not), `__version__` and the submodules imported so far."""
    return sorted({*__all__, "__version__", *(k for k in globals() if k[0] != "_" and k not in _NOT_PUBLIC)})

"""One exception tree: every error argmap raises on purpose derives from `ArgmapError`.

Read from the source (ast): each exception class argmap defines must derive from an argmap error,
and a `raise` of a built-in exception is allowed only where Python's own protocols call for it
(the list below says why each is kept).
"""

from __future__ import annotations

import ast
import builtins

from helpers import ROOT

from argmap.errors import ArgmapError

PACKAGE = ROOT / "argmap"
BUILTIN_ERRORS = {name for name, value in vars(builtins).items()
                  if isinstance(value, type) and issubclass(value, BaseException)}
#: (module path, exception) raised on purpose, and why it is not an ArgmapError
ALLOWED = {
    ("argmap/model.py", "ValueError"): "a Node constructed with a title its id does not carry: a programming error",
    ("argmap/model.py", "TypeError"): "the shared empty metadata refuses to change, as a frozen mapping would",
    ("argmap/model.py", "IndexError"): "Usages is a Sequence",
    ("argmap/language/write/format.py", "TypeError"): "a document entry of a type the model does not have",
    ("argmap/_speed/fast_init.py", "TypeError"): "the same error a dataclass __init__ raises",
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":
            continue
        yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _raised_name(node: ast.Raise) -> str | None:
    exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
    return exc.id if isinstance(exc, ast.Name) else None


def test_every_exception_class_argmap_defines_is_an_argmap_error() -> None:
    import importlib

    for path, tree in _modules():
        module = importlib.import_module(path[:-3].replace("/", ".").removesuffix(".__init__"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                cls = getattr(module, node.name, None)
                if isinstance(cls, type) and issubclass(cls, BaseException):
                    assert issubclass(cls, ArgmapError), f"{path}: {node.name} is not an ArgmapError"


def test_no_builtin_exception_is_raised_on_purpose_but_the_allowed_ones() -> None:
    found = set()
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and node.exc is not None:
                name = _raised_name(node)
                if name in BUILTIN_ERRORS and name not in ("AssertionError", "NotImplementedError", "AttributeError",
                                                            "KeyboardInterrupt", "SystemExit", "StopIteration"):
                    found.add((path, name))
    assert found - set(ALLOWED) == set()

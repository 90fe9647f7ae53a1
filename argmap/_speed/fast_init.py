"""Quick construction of frozen dataclasses, for the parser's hot path.

A frozen dataclass's generated `__init__` sets each field through `object.__setattr__`, which
makes a `Span` cost about a microsecond and a `Node` three; a 50,000-node map makes several
hundred thousand of them. `maker(cls)` returns a function taking every field positionally (no
defaults, no `__post_init__`) that fills a plain twin of the class (the same slots, not
frozen) with ordinary attribute stores and then gives it its real class — an assignment
CPython allows only between classes of the same layout, and checks. The result is an
ordinary instance of `cls`, frozen from then on, made three times faster. Should the class
switch be refused, the slots are set through their descriptors instead.
tests/test_fast_init.py holds `maker(cls)(*values) == cls(*values)` for every class the parser
makes. `remaker(cls)` is the same for `dataclasses.replace`: a copy with some fields changed.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
TYPE_CHECKING = False  # not typing's: reading a map does not import typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """A function `make(field1, field2, …)` → a `cls` instance, all fields positional.

    Only for slotted dataclasses without `__post_init__` (checked here, once).
    """
    if not is_dataclass(cls) or "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"maker() needs a slotted dataclass without __post_init__, not {cls!r}")
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    twin = _twin(cls)
    if twin is not None:
        scope["_twin"] = twin
        body = "".join(f"    obj.{name} = {name}\n" for name in names)
        source = f"def make({', '.join(names)}):\n    obj = _new(_twin)\n{body}    obj.__class__ = _cls\n    return obj\n"
    else:
        scope.update({f"_set_{name}": cls.__dict__[name].__set__ for name in names})
        body = "".join(f"    _set_{name}(obj, {name})\n" for name in names)
        source = f"def make({', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n"
    exec(source, scope)  # noqa: S102 - the source is built from the field names above, nothing else
    make = scope["make"]
    make.__doc__ = f"A {cls.__name__} from all its fields, positionally: {', '.join(names)}."
    make.__qualname__ = f"maker({cls.__name__})"
    return make


def _twin(cls: type) -> type | None:
    """A class with the same slots as `cls` and nothing else, whose instances may become
    instances of `cls`; None if CPython will not switch between them."""
    if cls.__bases__ != (object,):
        return None
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
    try:
        object.__new__(twin).__class__ = cls
    except TypeError:
        return None
    return twin


_KEEP = object()


def remaker(cls: type[T]) -> Callable[..., T]:
    """A function `remake(obj, field=value, …)` → a copy of `obj` with those fields changed,
    like `dataclasses.replace` (fields by keyword only), made through `maker(cls)`."""
    make = maker(cls)
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    scope: dict[str, Any] = {"_make": make, "_KEEP": _KEEP}
    keywords = ", ".join(f"{name}=_KEEP" for name in names)
    values = ", ".join(f"obj.{name} if {name} is _KEEP else {name}" for name in names)
    exec(f"def remake(obj, *, {keywords}):\n    return _make({values})\n", scope)  # noqa: S102 - field names only
    remake = scope["remake"]
    remake.__doc__ = f"A copy of a {cls.__name__} with the fields given by keyword changed."
    remake.__qualname__ = f"remaker({cls.__name__})"
    return remake

"""The one place argmap reaches past clingo's public Python API: a model's shown numbers.

Listing extensions spends nearly all its time turning solver atoms into argument numbers.
The public route (`model.symbols(shown=True)`, then `symbol.number` or
`symbol.arguments[0].number`) makes a Python object and two or three C calls per atom. Here
one C call copies a model's shown symbols into a buffer, and the numbers are read out of it
at C speed: a clingo symbol is 64 bits, and a number is the tag `1 << 48` with the value in
the low 32 bits (clingo 5's `Symbol` layout, checked below against `clingo.Number`). The
programs of `dung.py` show numbers only (`#show X : in(X).`).

`shown_numbers(model)` returns None when the fast route is not available (another clingo
build, a big-endian machine, a symbol that is not a number); the caller then takes the
public route. `tests/test_clingo_internals.py` checks that the fast route is taken with the
pinned clingo and agrees with the public API, and that no other module of argmap touches a
private clingo name.
"""

from __future__ import annotations

import sys
from typing import Any

import clingo

try:
    from clingo._internal import _ffi, _lib  # private: the cffi handle of clingo's C API

    _SHOWN = _lib.clingo_show_type_shown
except (ImportError, AttributeError):  # pragma: no cover - another clingo build
    _ffi = _lib = None

#: the high 32 bits of a number symbol, as the bytes of a native uint32
_NUMBER_HIGH = (1 << 16).to_bytes(4, sys.byteorder)


def _layout_holds() -> bool:
    """Numbers are `1 << 48 | value as uint32`, on a little-endian machine."""
    if _ffi is None or sys.byteorder != "little":
        return False
    try:
        return all(clingo.Number(k)._rep == (1 << 48) | (k & 0xFFFFFFFF)
                   for k in (0, 1, 7, 65535, 2**31 - 1, -1, -(2**31)))
    except AttributeError:  # pragma: no cover - Symbol without _rep
        return False


AVAILABLE = _layout_holds()


class _Capacity:
    """The buffer size the last model needed: a model's symbols are computed afresh by each
    of clingo's two calls (size, then copy), so the size call is skipped while it fits."""

    value = 0


def shown_numbers(model: clingo.Model) -> list[int] | None:
    """The numbers a model shows, in clingo's order; None when the fast route cannot say."""
    if not AVAILABLE:
        return None
    rep: Any = model._rep
    buffer = _ffi.new("clingo_symbol_t[]", _Capacity.value)  # zeroed: no symbol is 0
    if not _Capacity.value or not _lib.clingo_model_symbols(rep, _SHOWN, buffer,
                                                            _Capacity.value):
        size_p = _ffi.new("size_t*")  # too small (clingo refuses to copy): ask, and grow
        if not _lib.clingo_model_symbols_size(rep, _SHOWN, size_p):
            return None
        if size_p[0] == 0:
            return []
        _Capacity.value = max(size_p[0], 2 * _Capacity.value)
        buffer = _ffi.new("clingo_symbol_t[]", _Capacity.value)
        if not _lib.clingo_model_symbols(rep, _SHOWN, buffer, _Capacity.value):
            return None
    halves = memoryview(_ffi.buffer(buffer)).cast("i")  # (low, high) int32 pairs
    high = halves[1::2].tobytes()
    count = high.count(_NUMBER_HIGH)  # the symbols copied: numbers, then the zeroed rest
    rest = 4 * (_Capacity.value - count)
    if (high[:4 * count] != _NUMBER_HIGH * count or high.count(0) != rest + 3 * count
            or halves[2 * count::2].tobytes().count(0) != rest):
        return None  # a symbol that is not a number
    return halves[0:2 * count:2].tolist()

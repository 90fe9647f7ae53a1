"""Lark's reading of the `{…}` blocks and front matter entries the fast paths (meta.py) leave
to it: lists, errors, anything unusual. Imported on the first such block or entry, so that a
map of plain metadata loads no Lark; tests/test_read_meta.py holds the two readings equal.
"""

from __future__ import annotations

from lark import Transformer
from lark.exceptions import UnexpectedInput

from ...model import MetaValue
from ..grammar import parser
from .scalars import SCALARS


def read_block(raw: str) -> tuple[tuple[tuple[str, MetaValue, int], ...], tuple[str, int] | None]:
    """The (key, value, key offset) pairs of a `{…}` block, or an error (message, offset)."""
    try:
        tree = parser().parse(raw, start="meta")
    except UnexpectedInput as exc:
        offset = max(0, (getattr(exc, "column", 1) or 1) - 1)
        token = getattr(exc, "token", None)
        shown = repr(str(token)) if token is not None and str(token) else repr(raw[offset:offset + 1])
        return (), (f"unexpected {shown} in a metadata block", offset)
    pairs = []
    for pair in tree.children[1:]:
        if pair is not None:
            key, value = pair.children
            pairs.append((str(key), VALUES.transform(value) if hasattr(value, "data") else value, key.column - 1))
    return tuple(pairs), None


def read_front_matter_entry(text: str) -> tuple[str, MetaValue] | None:
    """`key: value` → (key, value); None when the grammar's `fm_entry` does not read it."""
    try:
        return VALUES.transform(parser().parse(text, start="fm_entry"))
    except UnexpectedInput:
        return None


# --- metadata values: the grammar's value rules → Python values ----------------------------


class _Values(Transformer):
    """Metadata values: the `value` rules of the grammar → Python values."""

    def string(self, children: list) -> str:
        return SCALARS["STRING"](str(children[0]))

    def number(self, children: list) -> int | float:
        return SCALARS["NUMBER"](str(children[0]))

    def boolean(self, children: list) -> bool:
        return SCALARS["BOOL"](str(children[0]))

    def bare(self, children: list) -> str:
        return SCALARS["BARE"](str(children[0]))

    def list(self, children: list) -> list:
        return [c for c in children if c is not None]

    def fm_entry(self, children: list) -> tuple:
        key, value = children
        return str(key), value


VALUES = _Values()

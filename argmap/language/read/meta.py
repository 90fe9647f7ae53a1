"""`{key: value, …}` blocks and front matter entries → Python values.

`read_meta` reads a block on a line; `front_matter_entries` the `key: value` lines of a front
matter. The grammar's `meta` and `fm_entry` rules say what they are; Lark reads them, except
for the common blocks, which take a fast path:


Lark takes about a millisecond to read a metadata block; a large map has hundreds of different
ones (every `{score: 0.37}` is its own). Most hold only keys and plain values (quoted text,
numbers, true/false, bare words). For those, a few regular expressions built from the grammar's
own terminals (KEY, STRING, NUMBER, BOOL, BARE and the ignored blanks) read the block token by
token as Lark's contextual lexer would: at each place only the terminals the parser accepts
there, tried in Lark's order, the first that matches taken (an atomic group: no backtracking
into another reading). Anything else (lists, errors, anything unusual) is left to Lark, which
also words the errors. tests/test_read_meta.py holds the two equal on random blocks.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass
from typing import Iterator

from lark import Transformer
from lark.exceptions import UnexpectedInput

from ...model import MetaValue
from ..grammar import parser
from ..portable_regex import portable
from .tables import RULES, TERMINALS, in_lexer_order
from .tables import blanks as ignored
from ..vocabulary import unescape

_KEY = re.compile(r"[A-Za-z_][\w-]*")

@dataclass(slots=True)
class MetaBlock:
    """A `{key: value}` block on line `line`; `positions` holds each key's (column, end column).

    `error` is (message, column) when the block could not be read; `values` is then empty.
    """

    values: dict[str, MetaValue]
    positions: dict[str, tuple[int, int]]
    line: int
    column: int
    end_column: int
    error: tuple[str, int] | None = None


#: a pair read: key, its raw value token, which terminal it is, the key's offset in the block
RawPair = tuple[str, str, str, int]


def _value() -> str:
    """A scalar value: the terminals of the rule `value` that are a value alone (STRING, NUMBER,
    BOOL, BARE), in the order Lark's lexer tries them, each a group named by its terminal."""
    scalars = {symbols[0] for _, symbols in RULES["value"] if len(symbols) == 1}
    return "(?>" + "|".join(f"(?P<{name}>{TERMINALS[name]})" for name in in_lexer_order(scalars)) + ")"


@functools.lru_cache(maxsize=1)
def _expressions() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The opening brace, one pair (key, colon, value), a comma, the closing brace; each
    followed by the blanks Lark ignores."""
    blanks = ignored()
    value = _value()
    pair = rf"(?P<key>(?>{TERMINALS['KEY']})){blanks}:{blanks}{value}{blanks}"
    return (re.compile(portable(r"\{" + blanks)), re.compile(portable(pair)), re.compile(portable("," + blanks)),
            re.compile(r"\}\Z"))


def read_plain_block(raw: str) -> list[RawPair] | None:
    """The pairs of a `{…}` block of plain values, as raw tokens; None if the block holds
    anything else or is not well formed (Lark then reads it)."""
    opening, pair, comma, closing = _expressions()
    start = opening.match(raw)
    if start is None:
        return None
    position = start.end()
    pairs: list[RawPair] = []
    while True:
        found = pair.match(raw, position)
        if found is None:
            break
        kind = found.lastgroup
        assert kind is not None
        pairs.append((found.group("key"), found.group(kind), kind, found.start("key")))
        position = found.end()
        separator = comma.match(raw, position)
        if separator is None:
            break
        position = separator.end()
    return pairs if closing.match(raw, position) else None


def read_meta(raw: str, line_no: int, column: int) -> MetaBlock:
    """A `{…}` block (without trailing blanks) at `column` of line `line_no`."""
    pairs, error = _read_meta(raw)
    end = column + len(raw)
    if error is not None:
        message, offset = error
        return MetaBlock({}, {}, line_no, column, end, (message, column + offset))
    values = {key: (copy.deepcopy(value) if isinstance(value, list) else value) for key, value, _ in pairs}
    positions = {key: (column + offset, column + offset + len(key)) for key, _, offset in pairs}
    return MetaBlock(values, positions, line_no, column, end)


@functools.lru_cache(maxsize=4096)
def _read_meta(raw: str) -> tuple[tuple[tuple[str, MetaValue, int], ...], tuple[str, int] | None]:
    """The (key, value, key offset) pairs of a `{…}` block, or an error (message, offset).
    Blocks of plain values take the fast path (`read_plain_block`); Lark reads the rest."""
    plain = read_plain_block(raw)
    if plain is not None:
        return tuple((key, _SCALARS[kind](token), offset) for key, token, kind, offset in plain), None
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
            pairs.append((str(key), _VALUES.transform(value) if hasattr(value, "data") else value, key.column - 1))
    return tuple(pairs), None


# --- metadata values: the grammar's value tokens → Python values ----------------------------


def _string(token: str) -> str:
    """A STRING token (quotes, then maybe blanks) → its text."""
    return unescape(token.rstrip(" \t")[1:-1])


def _number(token: str) -> int | float:
    try:
        return int(token)
    except ValueError:
        return float(token)


def _boolean(token: str) -> bool:
    return token == "true"


def _bare(token: str) -> str:
    """A bare word (or words) → its text, without the blanks after it."""
    return unescape(token.rstrip())


#: the value of each scalar terminal's token
_SCALARS = {"STRING": _string, "NUMBER": _number, "BOOL": _boolean, "BARE": _bare}


class _Values(Transformer):
    """Metadata values: the `value` rules of the grammar → Python values."""

    def string(self, children: list) -> str:
        return _string(str(children[0]))

    def number(self, children: list) -> int | float:
        return _number(str(children[0]))

    def boolean(self, children: list) -> bool:
        return _boolean(str(children[0]))

    def bare(self, children: list) -> str:
        return _bare(str(children[0]))

    def list(self, children: list) -> list:
        return [c for c in children if c is not None]

    def fm_entry(self, children: list) -> tuple:
        key, value = children
        return str(key), value


_VALUES = _Values()


def read_front_matter_entry(text: str) -> tuple[str, MetaValue]:
    """`key: value` → (key, value); raises UnexpectedInput when it is not that."""
    return _VALUES.transform(parser().parse(text, start="fm_entry"))


def front_matter_entries(block: str) -> Iterator[tuple[int, str, MetaValue, str | None]]:
    """Each `key: value` line of a front matter token: (line offset, key, value, error or None)."""
    lines = block.split("\n")
    for offset, text in enumerate(lines[1:-1], start=1):
        if not text.strip() or text.lstrip().startswith("//"):
            continue
        try:
            key, value = read_front_matter_entry(text)
        except UnexpectedInput:
            key_part, colon, rest = text.partition(":")
            if colon and _KEY.fullmatch(key_part.strip()):  # a value that is not a metadata
                yield offset, key_part.strip(), rest.strip(), None  # value: its text, as YAML would
            else:
                yield offset, "", None, f"cannot read front matter line {text.strip()!r}"
            continue
        yield offset, key, value, None

"""`{key: value, …}` blocks and front matter entries → Python values.

`read_meta` reads a block on a line; `front_matter_entries` the `key: value` lines of a front
matter. The grammar's `meta` and `fm_entry` rules say what they are; Lark reads them
(lark_meta.py), except for the common blocks and entries, which take a fast path:


Lark takes about a millisecond to read a metadata block; a large map has hundreds of different
ones (every `{score: 0.37}` is its own). Most hold only keys and plain values (quoted text,
numbers, true/false, bare words). For those, a few regular expressions built from the grammar's
own terminals (KEY, STRING, NUMBER, BOOL, BARE and the ignored blanks) read the block token by
token as Lark's contextual lexer would: at each place only the terminals the parser accepts
there, tried in Lark's order, the first that matches taken (an atomic group: no backtracking
into another reading). Anything else (lists, errors, anything unusual) is left to Lark, which
also words the errors. A front matter entry of a plain value (or none) is read the same way
by one expression. tests/test_read_meta.py holds the two equal on random blocks and entries.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...model import MetaValue
from ..portable_regex import portable
from .scalars import SCALARS
from .tables import RULES, TERMINALS, in_lexer_order
from .tables import blanks as ignored

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
def _expressions() -> tuple[re.Pattern[str], ...]:
    """The opening brace, one pair (key, colon, value), a comma, the closing brace, each
    followed by the blanks Lark ignores; and a whole front matter entry (key, colon, maybe a
    value) with the blanks around its tokens."""
    blanks = ignored()
    value = _value()
    pair = rf"(?P<key>(?>{TERMINALS['KEY']})){blanks}:{blanks}{value}{blanks}"
    entry = rf"{blanks}(?P<key>(?>{TERMINALS['KEY']})){blanks}:{blanks}(?:{value}{blanks})?+\Z"
    return (re.compile(portable(r"\{" + blanks)), re.compile(portable(pair)), re.compile(portable("," + blanks)),
            re.compile(r"\}\Z"), re.compile(portable(entry)))


def read_plain_block(raw: str) -> list[RawPair] | None:
    """The pairs of a `{…}` block of plain values, as raw tokens; None if the block holds
    anything else or is not well formed (Lark then reads it)."""
    opening, pair, comma, closing, _ = _expressions()
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
        return tuple((key, SCALARS[kind](token), offset) for key, token, kind, offset in plain), None
    from .lark_meta import read_block  # Lark, only for the blocks the fast path leaves

    return read_block(raw)


def read_front_matter_entry(text: str) -> tuple[str, MetaValue] | None:
    """`key: value` → (key, value), as the grammar's `fm_entry` reads it; None if it does not.
    An entry of a plain value (or none) takes the fast path; Lark reads the rest."""
    found = _expressions()[4].match(text)
    if found is not None:
        kind = found.lastgroup
        return found.group("key"), (None if kind == "key" else SCALARS[kind](found.group(kind)))
    from .lark_meta import (
        read_front_matter_entry as lark_entry,  # lists, errors, anything unusual
    )

    return lark_entry(text)


def front_matter_entries(block: str) -> Iterator[tuple[int, str, MetaValue, str | None]]:
    """Each `key: value` line of a front matter block: (line offset, key, value, error or None)."""
    lines = block.split("\n")
    for offset, text in enumerate(lines[1:-1], start=1):
        if not text.strip() or text.lstrip().startswith("//"):
            continue
        entry = read_front_matter_entry(text)
        if entry is None:
            key_part, colon, rest = text.partition(":")
            if colon and _KEY.fullmatch(key_part.strip()):  # a value that is not a metadata
                yield offset, key_part.strip(), rest.strip(), None  # value: its text, as YAML would
            else:
                yield offset, "", None, f"cannot read front matter line {text.strip()!r}"
            continue
        key, value = entry
        yield offset, key, value, None

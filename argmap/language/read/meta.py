"""The fast path for `{key: value, …}` blocks of plain values, with Lark's parser as the fallback.

Lark takes about a millisecond to read a metadata block; a large map has hundreds of different
ones (every `{score: 0.37}` is its own). Most hold only keys and plain values (quoted text,
numbers, true/false, bare words). For those, a few regular expressions built from the grammar's
own terminals (KEY, STRING, NUMBER, BOOL, BARE and the ignored blanks) read the block token by
token as Lark's contextual lexer would: at each place only the terminals the parser accepts
there, tried in Lark's order, the first that matches taken (an atomic group: no backtracking
into another reading). Anything else (lists, errors, anything unusual) is left to Lark, which
also words the errors. tests/test_fastmeta.py holds the two equal on random blocks.
"""

from __future__ import annotations

import functools
import re

from ..grammar import parser
from ..portable_regex import portable

#: a pair read: key, its raw value token, which terminal it is, the key's offset in the block
RawPair = tuple[str, str, str, int]


@functools.lru_cache(maxsize=1)
def _expressions() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The opening brace, one pair (key, colon, value), a comma, the closing brace; each
    followed by the blanks Lark ignores."""
    terminals = {t.name: t.pattern.to_regexp() for t in parser().terminals}
    blanks = "(?:" + "|".join(terminals[name] for name in parser().lexer_conf.ignore) + ")*+"
    # the terminals a value may be, in the order Lark's lexer tries them (priority, then width…)
    order = sorted((t for t in parser().terminals if t.name in ("STRING", "NUMBER", "BOOL", "BARE")),
                   key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    value = "(?>" + "|".join(f"(?P<{t.name}>{terminals[t.name]})" for t in order) + ")"
    pair = rf"(?P<key>(?>{terminals['KEY']})){blanks}:{blanks}{value}{blanks}"
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

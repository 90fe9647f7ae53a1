"""The metadata fast paths read every block and front matter entry they accept exactly as
Lark's parser does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput
from helpers import ALL_MAPS as MAPS

import argmap
from argmap.language.read.meta import read_plain_block
from argmap.language.grammar import parser
from argmap.language.read.lark_meta import VALUES as _VALUES
from argmap.language.read.meta import _expressions, _read_meta, front_matter_entries, read_front_matter_entry
from argmap.language.read.scalars import SCALARS as _SCALARS


def lark_pairs(raw: str):  # noqa: ANN201 - list of pairs | str
    """What Lark makes of a block: (key, value, key offset) pairs, or the name of the error."""
    try:
        tree = parser().parse(raw, start="meta")
    except UnexpectedInput as exc:
        return type(exc).__name__
    return [(str(k), _VALUES.transform(v) if hasattr(v, "data") else v, k.column - 1)
            for k, v in (p.children for p in tree.children[1:] if p is not None)]


def assert_agrees(raw: str) -> bool:
    """The law: where the fast path reads a block, Lark reads the same pairs. True if it took it."""
    plain = read_plain_block(raw)
    if plain is not None:
        fast = [(key, _SCALARS[kind](token), offset) for key, token, kind, offset in plain]
        assert fast == lark_pairs(raw), raw
    return plain is not None


def test_every_block_of_the_example_maps() -> None:
    blocks = {b for path in MAPS for b in re.findall(r"\{[^{}\n]*\}", path.read_text(encoding="utf-8"))}
    taken = sum(assert_agrees(block) for block in blocks)
    assert blocks and taken >= len(blocks) * 0.9  # and it is the common path


_PIECES = st.sampled_from([
    "{", "}", "a", "key", "k-2", "_", ":", ",", " ", "  ", "\t", '"x"', '"a \\" b"', '"', "1", "-2.5", "1e3",
    ".5", "+3", "1.", "true", "false", "truex", "1x", "word", "two words", "\\,", "\\{", "\\", "[", "]",
    "\u00a0", "\f", "é", "null", "//", "#t", "@a",
])


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_random_blocks_from_pieces(text: str) -> None:
    assert_agrees(text)
    assert_agrees("{" + text + "}")


@given(st.text(max_size=40).filter(lambda s: "\n" not in s))
def test_random_text(text: str) -> None:
    assert_agrees("{" + text + "}")


def test_quoted_text_with_blanks_after_it_keeps_its_last_character() -> None:
    # the STRING token carries the blanks after the closing quote; both paths drop them
    assert _read_meta('{a: "x"  , b: "y"\t}') == ((("a", "x", 1), ("b", "y", 11)), None)
    assert lark_pairs('{a: "x"  , b: [ "y"  ]}') == [("a", "x", 1), ("b", ["y"], 11)]
    m = argmap.parse('---\ntitle: "T"  \n---\n[A]: a {note: "n"  }\n')
    assert m.title == "T" and m.nodes["[A]"].meta == {"note": "n"}


# --- front matter entries -------------------------------------------------------------------


def lark_entry(text: str):  # noqa: ANN201 - (key, value) | str
    """What Lark makes of a front matter entry: (key, value), or the name of the error."""
    try:
        return _VALUES.transform(parser().parse(text, start="fm_entry"))
    except UnexpectedInput as exc:
        return type(exc).__name__


def assert_entry_agrees(text: str) -> bool:
    """Where the fast path reads an entry, Lark reads the same; either way `read_front_matter_entry`
    gives Lark's reading (None for an error). True if the fast path took it."""
    fast = _expressions()[4].match(text)
    lark = lark_entry(text)
    assert read_front_matter_entry(text) == (lark if isinstance(lark, tuple) else None), text
    return fast is not None


def test_every_front_matter_entry_of_the_example_maps() -> None:
    from argmap.language.read.scan import front_matter

    entries = [line for path in MAPS for line in front_matter(path.read_text(encoding="utf-8")).split("\n")[1:-2]
               if line.strip() and not line.lstrip().startswith("//")]
    assert entries and all(assert_entry_agrees(line) for line in entries)


_ENTRY_PIECES = st.sampled_from([
    "title", "k-2", "_", "1a", ":", " ", "  ", "\t", "\u00a0", '"x"', '"a \\" b"', '"', "1", "-2.5", "1e3", "true",
    "falsey", "word", "two words", "../a/b.txt", "\\,", "\\", "[", "]", "[1, 2]", ",", "{", "}", "é", "//", "#t",
])


@given(st.lists(_ENTRY_PIECES, max_size=10).map("".join))
def test_random_front_matter_entries(text: str) -> None:
    assert_entry_agrees(text)
    assert_entry_agrees("key: " + text)


def test_a_bad_front_matter_line_is_reported_as_before() -> None:
    block = "---\ntitle: T\nnot an entry\nlist: [1, 2]\nodd: {x\n---"
    assert list(front_matter_entries(block)) == [
        (1, "title", "T", None), (2, "", None, "cannot read front matter line 'not an entry'"),
        (3, "list", [1, 2], None), (4, "odd", "{x", None)]

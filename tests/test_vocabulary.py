"""The grammar agrees with argmap/language/vocabulary.py, the one place the words are listed:
its MARKER terminal accepts exactly `MARKERS`, its titles are the title patterns, its keyword heads are exactly `HEAD_KEYWORDS`,
and every node rule reads as a kind of `NODE_KINDS`."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.language.grammar import parser
from argmap.language.vocabulary import (
    ARGUMENT_TITLE_PATTERN,
    CLAIM_TITLE_PATTERN,
    HEAD_KEYWORDS,
    INWARD_MARKER,
    MARKERS,
    NODE_KINDS,
    OUTWARD_MARKER,
)
from argmap.model import NodeKind, RelationKind


def _terminal(name: str) -> re.Pattern[str]:
    (terminal,) = [t for t in parser().terminals if t.name == name]
    return re.compile(terminal.pattern.to_regexp())


def test_the_marker_terminal_accepts_exactly_the_vocabulary_markers() -> None:
    marker = _terminal("MARKER")
    for spelling in MARKERS:
        assert marker.fullmatch(spelling + " "), spelling
        assert marker.fullmatch(spelling), spelling  # at the end of a line (reported as missing-node)
    punctuation = "+-_&<>=~*!|:.^%$/"
    candidates = {"".join(p) for n in (1, 2, 3) for p in itertools.product(punctuation, repeat=n)}
    accepted = {c for c in candidates if marker.fullmatch(c + " ")}
    assert accepted == set(MARKERS)


def test_every_relation_kind_has_a_marker_and_each_canonical_marker_means_its_kind() -> None:
    assert set(INWARD_MARKER) == set(RelationKind)
    for kind, spelling in [*INWARD_MARKER.items(), *OUTWARD_MARKER.items()]:
        assert MARKERS[spelling].kind is kind
        assert MARKERS[spelling].canonical == spelling
    assert MARKERS["="].kind is RelationKind.REPHRASE and MARKERS["="].inward


def test_keyword_heads_are_the_grammar_terminals() -> None:
    names = {t.name for t in parser().terminals}
    heads = {n.rsplit("_", 1)[0] for n in names if n.endswith(("_COLON", "_TITLED")) and n != "_COLON"}
    assert heads == {keyword.upper() for keyword in HEAD_KEYWORDS.values()}
    for kind, keyword in HEAD_KEYWORDS.items():
        assert NODE_KINDS[keyword] is kind
        assert _terminal(f"{keyword.upper()}_COLON").fullmatch(f"{keyword}: ")
        assert _terminal(f"{keyword.upper()}_TITLED").match(f"{keyword} [T]: x")


def test_every_node_kind_can_be_written() -> None:
    assert set(NODE_KINDS.values()) == set(NodeKind)


@given(st.text(st.sampled_from(list("ab ]>[<\\:") + ["\n"]), max_size=12))
def test_the_grammar_s_titles_are_the_vocabulary_s(inside: str) -> None:
    for pattern, terminal, (opening, closing) in ((CLAIM_TITLE_PATTERN, "TITLE", "[]"),
                                                  (ARGUMENT_TITLE_PATTERN, "ARG_TITLE", "<>")):
        text = opening + inside + closing
        ours = re.match(pattern, text)
        theirs = _terminal(terminal).match(text)
        assert (ours and ours.group()) == (theirs and theirs.group().rstrip(" \t")), (terminal, text)

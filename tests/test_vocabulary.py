"""The language's words are written once (argmap/language/vocabulary.py); the grammar, which
Lark reads and cannot import them, must say the same."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.language.grammar import parser
from argmap.language.vocabulary import ARGUMENT_TITLE_PATTERN, CLAIM_TITLE_PATTERN, MARKERS

TERMINALS = {t.name: re.compile(t.pattern.to_regexp()) for t in parser().terminals}


def test_the_grammar_reads_exactly_the_vocabulary_s_markers() -> None:
    marker = TERMINALS["MARKER"]
    for spelling in MARKERS:
        found = marker.match(spelling + " ")
        assert found is not None and found.group().rstrip() == spelling, spelling
    candidates = {a + b for a in "+-_<>&=*~" for b in ["", *"+-_<>&=*~"]}
    read = {c for c in candidates if (m := marker.match(c + " ")) and m.group().rstrip() == c}
    assert read == set(MARKERS)


@given(st.text(st.sampled_from(list("ab ]>[<\\:") + ["\n"]), max_size=12))
def test_the_grammar_s_titles_are_the_vocabulary_s(inside: str) -> None:
    for pattern, terminal, (opening, closing) in ((CLAIM_TITLE_PATTERN, "TITLE", "[]"),
                                                  (ARGUMENT_TITLE_PATTERN, "ARG_TITLE", "<>")):
        text = opening + inside + closing
        ours = re.match(pattern, text)
        theirs = TERMINALS[terminal].match(text)
        assert (ours and ours.group()) == (theirs and theirs.group().rstrip(" \t")), (terminal, text)

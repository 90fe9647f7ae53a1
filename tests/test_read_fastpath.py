"""The fast path reads every line it accepts exactly as Lark's parser does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput
from helpers import ALL_MAPS as MAPS
from strategies import maps

import argmap
from argmap.language.read.fastpath import fast_line
from argmap.language.grammar import parser
from argmap.language.read.lines import LineBuilder


def lark_line(text: str):  # noqa: ANN201 - Line | str
    """What Lark makes of one line: its Line, or the name of the error."""
    try:
        return LineBuilder().transform(parser().parse(text, start="line"))
    except UnexpectedInput as exc:
        return type(exc).__name__


def assert_agrees(text: str) -> bool:
    """The law: where the fast path gives a Line, Lark gives the same one. True if it took it."""
    fast = fast_line(text, 1)
    if fast is not None:
        assert fast == lark_line(text), text
    return fast is not None


def test_every_line_of_the_example_maps() -> None:
    taken = total = 0
    for path in MAPS:
        for text in path.read_text(encoding="utf-8").splitlines():
            if text.strip() and not text.startswith("---"):
                total += 1
                taken += assert_agrees(text)
    assert taken > total * 0.8  # and it is the common path


@given(maps())
def test_every_line_of_formatted_generated_maps(m: argmap.Map) -> None:
    for text in argmap.format_map(m).splitlines():
        if text.strip():
            assert_agrees(text)


_PIECES = st.sampled_from([
    "[A]", "[A]:", "<B>", "<B>:", "evidence", "evidence:", "evidence [E]:", "question", "question:",
    "question [Q]:", "+", "-", "_", "><", "&", "=", "==", "=>",
    "+>", "->", "_>", "<+", "<-", "{w: 1}", "{", "}", "@x", "^s", "#t", "#(a b)", "//", "// c",
    "text", "more words", "\\#", "\\@", "\\[", "actor x:", "# ", "---", " ", "  ", "\t", "\u00a0", ":", ",",
])


@given(st.lists(_PIECES, max_size=8).map("".join))
def test_random_lines_from_syntax_pieces(text: str) -> None:
    assert_agrees(text)


@given(st.text(max_size=60).filter(lambda s: "\n" not in s and "\r" not in s))
def test_random_text(text: str) -> None:
    assert_agrees(text)


def test_question_and_rephrase_lines_take_the_fast_path() -> None:
    for text in ("question: Is it?", "question [Q]: Is it? #t", "  + question [Q]: Is it?  // c",
                 "= [B]: in other words", "  = {w: 1} question: again?", "= plain", "question[Q]:x"):
        assert assert_agrees(text), text
    for text in ("question", "question [Q]", "= ", "="):  # not node lines the fast path takes: Lark says
        assert_agrees(text)

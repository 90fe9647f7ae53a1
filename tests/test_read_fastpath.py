"""The fast path reads every line it accepts exactly as Lark's parser does: node lines,
comments, section headings, actor and source declarations; and the front matter block is
what the grammar's FRONT_MATTER token is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput
from helpers import ALL_MAPS as MAPS
from strategies import maps

import argmap
from argmap.language.read import tables
from argmap.language.read.fastpath import DECLARATIONS, fast_line
from argmap.language.grammar import parser
from argmap.language.read.scan import front_matter
from argmap.language.read.lark_lines import LineBuilder


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
        text = path.read_text(encoding="utf-8")
        for line in text[len(front_matter(text)):].splitlines():
            if line.strip():
                total += 1
                taken += assert_agrees(line)
    assert taken > total * 0.95  # and it is the common path


def test_the_flagship_map_takes_the_fast_path_throughout() -> None:
    text = (MAPS[0].parent / "lavrov-blinken.argmap").read_text(encoding="utf-8")
    left = [line for line in text[len(front_matter(text)):].splitlines() if line.strip() and fast_line(line, 1) is None]
    assert left == []


def test_the_declarations_it_reads_have_only_optional_parts_after_the_head() -> None:
    # what fastpath._declarations assumes of the rules: each part after the head may be left out
    for rule in DECLARATIONS:
        heads = {symbols[0] for alias, symbols in tables.RULES["line"] if alias == rule}
        assert len(heads) == 1
        expansions = {tuple(s.name for s in r.expansion) for r in parser().rules if r.alias == rule}
        assert (heads.pop(),) in expansions, rule


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

#: the pieces of section headings and declarations, and some that do not belong in them
_DECLARATION_HEADS = st.sampled_from(["# ", "## ", "###### ", "####### ", "#", "actor a:", "actor a-1 : ", "source s:",
                                      "source  _s:\t", "actor 1a:", "source:", "  # ", "actor a", "include "])
_DECLARATION_PIECES = st.sampled_from([
    "Name", "two words", '"cite"', '"a \\" b"', '"', "{k: v}", "{k: \"x\", n: 1}", "{", "}", "{bad", "//", "// c",
    "/", "\\{", "\\", "@x", "#t", "^s", "[A]", ":", " ", "  ", "\t", "\u00a0", "\u3000", "é", "+", "-", "#",
])


@given(_DECLARATION_HEADS, st.lists(_DECLARATION_PIECES, max_size=8).map("".join))
def test_random_declarations_and_headings(head: str, rest: str) -> None:
    assert_agrees(head + rest)


def test_declarations_and_headings_of_the_common_forms_take_the_fast_path() -> None:
    for text in ["# Introduction", "## Red Lines: What? // note", "actor us: United States {side: US, role: state}",
                 'source article: "Lavrov Warns" {kind: "news analysis", file: ../a.txt}', "source s: a book",
                 "actor a:", "  source s: // later", "###### \\{x\\}"]:
        assert assert_agrees(text), text


_FRONT_MATTER_LINES = st.lists(st.sampled_from(["title: T", "---", "--- ", "---x", " ---", "", "  ", "a: [1, 2]",
                                                "// c", "\t", "----", "-- -"]), max_size=6)


@given(_FRONT_MATTER_LINES, st.sampled_from(["---", "---  ", "--- \t"]), st.sampled_from(["", "\n", "\n[A]: a\n"]))
def test_the_front_matter_block_is_the_grammars_front_matter_token(lines: list[str], opening: str, after: str) -> None:
    text = "\n".join([opening, *lines, "---"]) + after
    block = front_matter(text)
    assert block  # the last line closes it, if no line before did
    tokens = parser().parse(block, start="start").children
    assert [(t.type, t.value) for t in tokens] == [("FRONT_MATTER", block[:-1])]



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

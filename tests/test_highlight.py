"""The Pygments lexer: every construct gets its token type, nothing is lost, no Error tokens,
and it marks @actor / ^source / #tag exactly where the parser reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pygments.lexers import find_lexer_class_for_filename, get_lexer_by_name
from pygments.token import Comment, Error, Generic, Keyword, Name, Number, Operator, Punctuation, String
from helpers import ALL_MAPS as MAPS

import argmap
from argmap.language.highlight import ArgmapLexer, positioned_tokens


def tokens(text: str) -> list[tuple[object, str]]:
    return [(kind, value) for _, kind, value in ArgmapLexer().get_tokens_unprocessed(text)]


def test_registered_through_the_entry_point() -> None:
    assert isinstance(get_lexer_by_name("argmap"), ArgmapLexer)
    assert find_lexer_class_for_filename("debate.argmap") is ArgmapLexer


@pytest.mark.parametrize(
    "text, expected",
    [
        ("// a comment\n", [(Comment.Single, "// a comment")]),
        ("---\ntitle: T: x\n---\n", [(Comment.Preproc, "---"), (Name.Attribute, "title"), (String, "T: x")]),
        ("## Red lines // why\n", [(Generic.Heading, "##"), (Generic.Heading, "Red lines"), (Comment.Single, "// why")]),
        ("actor lavrov: Sergey Lavrov {side: Russia}\n",
         [(Keyword.Declaration, "actor"), (Name.Variable, "lavrov"), (Name.Attribute, "side"), (String, "Russia")]),
        ('source art: "A, b" {url: "https://x"}\n',
         [(Keyword.Declaration, "source"), (Name.Variable, "art"), (String.Double, '"A, b"'),
          (String.Double, '"https://x"')]),
        ('include "part.argmap"\n', [(Keyword.Namespace, "include"), (String.Double, '"part.argmap"')]),
        ("[No troops]: Russia objects. @lavrov #red-line #(two words) ^art\n",
         [(Name.Class, "[No troops]"), (Punctuation, ":"), (Name.Decorator, "@lavrov"),
          (Name.Tag, "#red-line"), (Name.Tag, "#(two words)"), (Name.Label, "^art")]),
        ("<Why>: because.\n", [(Name.Function, "<Why>")]),
        ("[A]: a\n  - {weight: 0.8, ok: true, xs: [1, b]} evidence [E]: e\n",
         [(Operator, "-"), (Name.Attribute, "weight"), (Number, "0.8"), (Keyword.Constant, "true"),
          (Number, "1"), (String, "b"), (Keyword, "evidence"), (Name.Class, "[E]")]),
        ("[A]: a\n  >< [B]\n  <+ <C>\n  _> [D]\n  & x\n",
         [(Operator, "><"), (Name.Class, "[B]"), (Operator, "<+"), (Name.Function, "<C>"), (Operator, "_>"),
          (Operator, "&")]),
        ("[A]: a\n  = question [Q]: Is it? #t\nquestion: Why?\n",
         [(Operator, "="), (Keyword, "question"), (Name.Class, "[Q]"), (Name.Tag, "#t")]),
        ("a \\#not-a-tag and \\@no \\[x\n", [(String.Escape, "\\#"), (String.Escape, "\\@"), (String.Escape, "\\[")]),
        ("[A]: text   // trailing\n", [(Comment.Single, "// trailing")]),
    ],
)
def test_each_construct_gets_its_token_type(text: str, expected: list) -> None:
    found = tokens(text)
    for pair in expected:
        assert pair in found, (pair, found)


def test_text_in_the_middle_of_a_line_is_not_a_title_or_marker() -> None:
    found = tokens("plain text with [brackets] - and <angles>\n")
    assert not [v for k, v in found if k in (Name.Class, Name.Function, Operator)]


def test_unterminated_front_matter_is_not_front_matter() -> None:
    assert (Comment.Preproc, "---") not in tokens("---\ntitle: x\n")


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_no_error_tokens_on_the_maps(path: Path) -> None:
    assert not [v for k, v in tokens(path.read_text(encoding="utf-8")) if k in Error]


_ANNOTATIONS = {Name.Decorator: "actor", Name.Label: "source", Name.Tag: "tag"}


def _positions(text: str) -> set[tuple[str, int, int, int]]:
    """(kind, line, column, length) of every annotation token, 1-based like the model."""
    return {(_ANNOTATIONS[kind], line, column, len(value))
            for line, column, kind, value in positioned_tokens(text) if kind in _ANNOTATIONS}


def test_positioned_tokens_count_lines_and_columns() -> None:
    text = "---\ntitle: x\n---\n[A]: a @ana\n  + [B]: b #t\n"
    lines = text.split("\n")
    for line, column, _, value in positioned_tokens(text):
        assert lines[line - 1][column - 1 :].startswith(value.split("\n")[0])
    assert (4, 8, Name.Decorator, "@ana") in set(positioned_tokens(text))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_annotations_are_where_the_parser_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    m = argmap.parse(text, str(path))
    parsed = {(u.kind, u.span.line, u.span.column, u.span.end_column - u.span.column)
              for u in m.usages if u.kind != "node" and u.span.path == str(path)}
    assert parsed and _positions(text) == parsed


_PIECES = st.sampled_from(["[", "]", "<", ">", "{", "}", "@a", "^s", "#t", "#(", ")", "//", "\\", "\n", " ",
                           "\t", ":", ",", '"', "---\n", "# ", "+ ", "- ", "><", "actor a: ", "evidence", "question", "= ",
                           "include ", "true", "0.5", "😀", "\r\n", "x"])


@given(st.one_of(st.text(), st.lists(_PIECES, max_size=40).map("".join)))
def test_tokens_cover_the_input_exactly(text: str) -> None:
    pieces = list(ArgmapLexer().get_tokens_unprocessed(text))
    assert "".join(value for _, _, value in pieces) == text
    offsets = [index for index, _, _ in pieces]
    assert offsets == [sum(len(v) for _, _, v in pieces[:i]) for i in range(len(pieces))]
    assert not [v for _, k, v in pieces if k in Error]


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_highlighting_keeps_the_lines_of_the_file(text: str) -> None:
    text = text.replace("\r", "") + "\n"
    assert "".join(value for _, value in ArgmapLexer().get_tokens(text)) == text


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_positioned_tokens_point_at_their_text(text: str) -> None:
    lines = text.split("\n")
    for line, column, _, value in positioned_tokens(text):
        assert lines[line - 1][column - 1 :].startswith(value.split("\n")[0])

"""The grammar's fast terminal forms read exactly what their plain forms read.

TEXT and LABEL (grammars/argmap.lark) are written as runs of characters and blanks, the fastest
form for Python's re; the plain forms below say the same thing word by word, as a person would
write it. For any string, both match the same prefix (or both none).
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from argmap.grammar import parser

_WORD_TEXT = r"(?:[^\s\\]++|\\[^\n]?+)++"
_STARTS_ANNOTATION = r"@[^\W\d]|\^[^\W\d]|#[\w(-]|\{|\/\/"
PLAIN = {
    # words separated by blanks, no word starting an annotation or a comment; trailing blanks
    "TEXT": rf"(?!{_STARTS_ANNOTATION}){_WORD_TEXT}(?:[ \t]++(?!{_STARTS_ANNOTATION}){_WORD_TEXT})*+[ \t]*+",
    # the same, where only '{' and '//' may not start a word
    "LABEL": rf"(?!\{{|\/\/){_WORD_TEXT}(?:[ \t]++(?!\{{|\/\/){_WORD_TEXT})*+[ \t]*+",
}
FAST = {t.name: re.compile(t.pattern.to_regexp()) for t in parser().terminals if t.name in PLAIN}

#: characters that matter to these terminals, and some that do not
_ALPHABET = st.sampled_from(list("ab1_-@^#{}()/\\:[] \t") + ["\n", "\r", "\u00a0", "\u2003", "\x1c", "é", "\u3000"])


def _same(name: str, text: str) -> None:
    plain, fast = re.compile(PLAIN[name]).match(text), FAST[name].match(text)
    assert (plain and plain.end()) == (fast and fast.end()), (name, text)


@given(st.lists(_ALPHABET, max_size=30).map("".join))
@example("word word @actor #tag")
@example("a@b a#b a{b} a//b /x #  @1 ^2 \\@x \\ y")
@example("text\u00a0more")
@example("  leading blank")
def test_text_reads_as_its_plain_form(text: str) -> None:
    _same("TEXT", text)


@given(st.lists(_ALPHABET, max_size=30).map("".join))
@example("Section title {meta} // comment")
@example("a{b /c //d")
def test_label_reads_as_its_plain_form(text: str) -> None:
    _same("LABEL", text)


def test_the_blanks_they_stop_at_are_exactly_unicode_white_space_but_space_and_tab() -> None:
    for code in range(0x3001):
        char = chr(code)
        stops = FAST["TEXT"].match("a" + char + "b").end() == 1
        assert stops == (char.isspace() and char not in " \t") or char in "\\", repr(char)

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

_WORD_TEXT = r"(?>(?:(?>[^\s\\]+)|\\(?>[^\n]?))+)"
_STARTS_ANNOTATION = r"@[^\W\d]|\^[^\W\d]|#[\w(-]|\{|\/\/"
PLAIN = {
    # words separated by blanks, no word starting an annotation or a comment; trailing blanks
    "TEXT": rf"(?!{_STARTS_ANNOTATION}){_WORD_TEXT}(?>(?:(?>[ \t]+)(?!{_STARTS_ANNOTATION}){_WORD_TEXT})*)(?>[ \t]*)",
    # the same, where only '{' and '//' may not start a word
    "LABEL": rf"(?!\{{|\/\/){_WORD_TEXT}(?>(?:(?>[ \t]+)(?!\{{|\/\/){_WORD_TEXT})*)(?>[ \t]*)",
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


# --- no possessive quantifiers ---------------------------------------------------------------
# Python's re matched `X*+`, `X++`, `X?+` wrongly before 3.11.5 (CPython gh-106052: Debian 12's
# python3 is 3.11.2): `re.fullmatch("(?:ab?c)*+", "a")` matched. The documented equivalent
# atomic groups `(?>X*)` were right from 3.11.0, so every expression argmap reads maps with is
# written with those. This test runs on any 3.11, so it must look at the patterns, not results.


def _possessive_repeats(pattern: str) -> int:
    """How many possessive quantifiers the parsed `pattern` holds."""
    from re import _constants, _parser  # the parser re.compile uses

    def walk(node: object) -> int:  # a SubPattern is a list of (opcode, argument) pairs
        if isinstance(node, _parser.SubPattern):
            return sum((op is _constants.POSSESSIVE_REPEAT) + walk(argument) for op, argument in node.data)
        if isinstance(node, (list, tuple)):
            return sum(walk(item) for item in node)
        return 0

    return walk(_parser.parse(pattern))


def _reading_patterns() -> dict[str, str]:
    """Every expression argmap matches with: the grammar's terminals, the fast paths' (built
    from them), and each module's compiled patterns."""
    import importlib
    import pkgutil

    import argmap
    from argmap import fastlines, fastmeta

    patterns = {f"terminal {t.name}": t.pattern.to_regexp() for t in parser().terminals}
    patterns["fast node line"] = fastlines._expressions()[0].pattern
    patterns.update((f"fast meta {i}", p.pattern) for i, p in enumerate(fastmeta._expressions()))
    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        if not info.name.endswith("__main__"):
            module = importlib.import_module(info.name)
            patterns.update((f"{info.name}.{name}", value.pattern) for name, value in vars(module).items()
                            if isinstance(value, re.Pattern))
    return patterns


def test_the_walk_finds_possessive_quantifiers() -> None:
    assert _possessive_repeats(r"a*+b(?:c|d++)") == 2
    assert _possessive_repeats(r"(?>a*)b(?:c|(?>d+))") == 0


def test_no_expression_that_reads_maps_uses_possessive_quantifiers() -> None:
    patterns = _reading_patterns()
    assert {"terminal TEXT", "fast node line", "argmap.lines._ITEM"} <= set(patterns)
    assert {name: n for name, pattern in patterns.items() if (n := _possessive_repeats(pattern))} == {}


def test_atomic_groups_match_what_the_buggy_possessive_form_should() -> None:
    # the case of gh-106052, in the form argmap uses: right on every Python 3.11
    assert re.fullmatch(r"(?>(?:ab?c)*)", "a") is None
    assert FAST["TEXT"].match(r"words and\@more @actor").end() == len(r"words and\@more ")

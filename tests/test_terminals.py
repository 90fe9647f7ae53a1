"""The grammar's fast terminal forms read exactly what their plain forms read.

TEXT and LABEL (grammars/argmap.lark) are written as runs of characters and blanks, the fastest
form for Python's re; the plain forms below say the same thing word by word, as a person would
write it. For any string, both match the same prefix (or both none).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from argmap.language.grammar import START_SYMBOLS, grammar_text, parser
from argmap.language.portable_regex import POSSESSIVE_GROUPS_WORK, atomic_groups, portable, portable_grammar

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
    plain, fast = re.compile(portable(PLAIN[name])).match(text), FAST[name].match(text)
    assert (plain and plain.end()) == (fast and fast.end()), (name, text)


@given(st.lists(_ALPHABET, max_size=30).map("".join))
@example("word word @actor #tag")
@example("a@b a#b a{b} a//b /x #  @1 ^2 \\@x \\ y")
@example("text\u00a0more")
@example("  leading blank")
@example("\\ @x \\ #y \\ {z \\ //c")  # after an escaped blank a word goes on
def test_text_reads_as_its_plain_form(text: str) -> None:
    _same("TEXT", text)


@given(st.lists(_ALPHABET, max_size=30).map("".join))
@example("Section title {meta} // comment")
@example("a{b /c //d")
@example("\\ {")  # found by Hypothesis: an escaped blank, then a brace
def test_label_reads_as_its_plain_form(text: str) -> None:
    _same("LABEL", text)


def test_the_blanks_they_stop_at_are_exactly_unicode_white_space_but_space_and_tab() -> None:
    for code in range(0x3001):
        char = chr(code)
        stops = FAST["TEXT"].match("a" + char + "b").end() == 1
        assert stops == (char.isspace() and char not in " \t") or char in "\\", repr(char)


# --- possessive quantifiers on groups (argmap/language/portable_regex.py) ------------------------------------


def _possessive_groups(pattern: str) -> int:
    """How many possessive quantifiers on more than one character `pattern` holds."""
    from re import _compiler, _constants, _parser  # what re.compile uses

    def walk(node: object) -> int:  # a SubPattern is a list of (opcode, argument) pairs
        if isinstance(node, _parser.SubPattern):
            return sum((op is _constants.POSSESSIVE_REPEAT and not _compiler._simple(argument[2])) + walk(argument)
                       for op, argument in node.data)
        if isinstance(node, (list, tuple)):
            return sum(walk(item) for item in node)
        return 0

    return walk(_parser.parse(pattern))


def _expressions() -> dict[str, str]:
    """Every expression the parse matches with, as written: the grammar's terminals and the
    fast paths' (built from them)."""
    from argmap.language.read import fastpath, meta

    patterns = {f"terminal {t.name}": t.pattern.to_regexp() for t in parser().terminals}
    patterns["fast node line"] = fastpath._expressions()[0].pattern
    patterns.update((f"fast meta {i}", p.pattern) for i, p in enumerate(meta._expressions()))
    return patterns


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?:ab?c)*+", r"(?>(?:ab?c)*)"),
    (r"(?:(a|b)++c)?+", r"(?>(?:(?>(a|b)+)c)?)"),
    (r"(b){2,3}+x", r"(?>(b){2,3})x"),
    (r"[ \t]*+a++", r"[ \t]*+a++"),  # a run of one character or class: never affected
    (r"[()]++\(a\)++[]a)]*+", r"[()]++\(a\)++[]a)]*+"),  # parentheses in classes, escaped
    (r"(a)+\+(a)*?(a)++", r"(a)+\+(a)*?(?>(a)+)"),  # greedy, lazy: untouched
])
def test_atomic_groups_rewrites_possessive_groups_only(pattern: str, expected: str) -> None:
    assert atomic_groups(pattern) == expected


def test_the_walk_counts_possessive_groups() -> None:
    assert _possessive_groups(r"(?:ab?c)*+x(?:c|(?:dd|e)++)") == 2
    assert _possessive_groups(r"[ab]*+(?>(?:ab?c)*)b(?:c|d++)") == 0


def test_the_atomic_form_is_right_where_the_possessive_one_was_not() -> None:
    # CPython gh-106052: before 3.11.5 the possessive form matched here
    assert re.fullmatch(atomic_groups(r"(?:ab?c)*+"), "a") is None


def test_the_expressions_have_possessive_groups_that_old_pythons_need_rewritten() -> None:
    written = _expressions()
    assert {"terminal TEXT", "terminal TITLE", "fast node line", "fast meta 1"} <= set(written)
    # what argmap uses: possessive groups only where this Python matches them right
    assert any(map(_possessive_groups, written.values())) == POSSESSIVE_GROUPS_WORK
    assert not any(_possessive_groups(atomic_groups(p)) for p in written.values())


def test_the_rewritten_grammar_has_no_possessive_groups() -> None:
    from lark import Lark

    text = grammar_text()
    assert portable_grammar(text, needed=False) is text
    rewritten = Lark(portable_grammar(text, needed=True), parser="lalr", lexer="contextual", start=START_SYMBOLS)
    terminals = {t.name: t.pattern.to_regexp() for t in rewritten.terminals}
    assert terminals.keys() == {t.name for t in parser().terminals}
    assert {name for name, p in terminals.items() if _possessive_groups(p)} == set()
    assert terminals["TEXT"] != parser().get_terminal("TEXT").pattern.to_regexp() or not POSSESSIVE_GROUPS_WORK


_REWRITTEN = {name: (re.compile(p), re.compile(atomic_groups(p))) for name, p in _expressions().items()}


@pytest.mark.skipif(not POSSESSIVE_GROUPS_WORK, reason="the possessive forms match wrongly on this Python")
@given(st.sampled_from(sorted(_REWRITTEN)), st.lists(_ALPHABET | st.sampled_from(["evidence", "+ ", "[T]:", "<A>",
                                                                                  "{k: 1}", "@al", "#t", "//"]),
                                                     max_size=20).map("".join))
@example("terminal TITLE", "[a\\]b\\]]: c")
@example("fast node line", "  + {weight: 0.5} [T]: text @al #(two words) {k: \"v\"} // note")
def test_the_rewritten_expressions_match_what_the_written_ones_do(name: str, text: str) -> None:
    written, rewritten = _REWRITTEN[name]
    found, again = written.match(text), rewritten.match(text)
    assert (found and found.span()) == (again and again.span()), (name, text)
    assert (found and found.groups()) == (again and again.groups())

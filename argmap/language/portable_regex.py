"""Possessive quantifiers that mean the same on every Python 3.11.

argmap's expressions (the grammar's terminals, the fast paths built from them) use possessive
quantifiers, the fastest form for Python's re. Before Python 3.11.5, re matched a possessive
quantifier on a group wrongly (CPython gh-106052, gh-100061): `re.fullmatch("(?:ab?c)*+", "a")`
matched, and a 3,000-node map read on Debian 12's python3 (3.11.2) came out as 105 nodes and
syntax errors. On those Pythons `portable` rewrites each `(…)Q+` as the documented equivalent
atomic group `(?>(…)Q)`, which they match right; a possessive run of one character or class
(`[ \\t]*+`, matched by a loop of its own) was never affected and stays. On 3.11.5 and later the
expressions are used as written: the atomic form is slower there (capture marks are saved on
entering an atomic group: +20% for the node-line expression).
"""

from __future__ import annotations

import re
import sys

#: whether this Python matches possessive quantifiers on groups right
POSSESSIVE_GROUPS_WORK = sys.version_info >= (3, 11, 5)

_QUANTIFIER = re.compile(r"[*+?]|\{\d*(?:,\d*)?\}")
#: a terminal of a Lark grammar written as a regular expression on one line: `NAME.2: /…/flags`
_TERMINAL = re.compile(r"^([A-Z_][A-Z0-9_]*(?:\.-?\d+)?[ \t]*:[ \t]*/)(.*)(/[imslux]*)[ \t]*$", re.MULTILINE)


def atomic_groups(pattern: str) -> str:
    """`pattern` with every possessive quantifier on a group (`(…)*+`, `(…)++`, `(…)?+`,
    `(…){m,n}+`) written as the atomic group `(?>(…)*)` etc., which means the same."""
    out: list[str] = []
    opened: list[int] = []  # where in `out` each open group starts
    in_class = False
    i, end = 0, len(pattern)
    while i < end:
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif in_class:
            in_class = char != "]"
            out.append(char)
            i += 1
        elif char == "[":
            in_class = True
            start = i
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            if pattern[i:i + 1] == "]":  # a ']' first in a class is literal
                i += 1
            out.append(pattern[start:i])
        elif char == "(":
            opened.append(len(out))
            out.append(char)
            i += 1
        elif char == ")":
            start = opened.pop()
            out.append(char)
            i += 1
            quantifier = _QUANTIFIER.match(pattern, i)
            if quantifier is not None and pattern[quantifier.end():quantifier.end() + 1] == "+":
                group = "".join(out[start:])
                del out[start:]
                out.append(f"(?>{group}{quantifier.group()})")
                i = quantifier.end() + 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def portable(pattern: str) -> str:
    """`pattern` as this Python matches it right (see the module's docstring)."""
    return pattern if POSSESSIVE_GROUPS_WORK else atomic_groups(pattern)


def portable_grammar(grammar: str, *, needed: bool = not POSSESSIVE_GROUPS_WORK) -> str:
    """A Lark grammar's text with `atomic_groups` applied to each regular-expression terminal
    when this Python needs it (`needed`)."""
    if not needed:
        return grammar
    return _TERMINAL.sub(lambda m: m[1] + atomic_groups(m[2]) + m[3], grammar)

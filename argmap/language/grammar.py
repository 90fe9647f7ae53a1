"""The one place that builds the Lark parser for grammars/argmap.lark (built once, cached).

The grammar is found next to the package in a checkout (`grammars/argmap.lark`) and inside the
package when installed from a wheel (`argmap/_grammars/argmap.lark`). Pure Lark: with this
grammar's coarse tokens lark-cython measured no faster here, and its errors carry less detail.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from lark import Lark
    from lark.lexer import TerminalDef

from ..errors import ArgmapError
from .portable_regex import portable_grammar

#: start symbols: a whole file, one line (per-line error recovery), a {…} block, a front-matter entry
START_SYMBOLS = ["start", "line", "meta", "fm_entry"]


def grammar_path(name: str = "argmap.lark") -> Path:
    """Where a grammar file is: inside the installed package, else in the checkout."""
    from pathlib import Path

    return Path(_grammar_file(name))


def _grammar_file(name: str) -> str:
    # os.path, not importlib.resources and pathlib, which cost a few ms to import: this runs on
    # every `argmap check` (a zipped install is not supported, as before)
    packaged = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "_grammars", name)
    if os.path.isfile(packaged):  # installed from a wheel
        return packaged
    checkout = os.path.join(os.path.dirname(os.path.realpath(__file__)), os.pardir, os.pardir, "grammars", name)
    if os.path.isfile(checkout):
        return os.path.normpath(checkout)
    raise ArgmapError(f"grammar {name!r} is missing from the argmap installation (reinstall argmap)")


def in_lexer_order(terminals: Iterable[TerminalDef]) -> list[TerminalDef]:
    """`terminals` in the order Lark's lexer tries them: priority, then the longest possible
    match, then the longest pattern text, then the name (lark's `TraditionalLexer` sort)."""
    return sorted(terminals, key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))


def grammar_text(name: str = "argmap.lark") -> str:
    with open(_grammar_file(name), encoding="utf-8") as file:
        return file.read()


@functools.lru_cache(maxsize=None)
def parser() -> Lark:
    """The LALR parser with the contextual lexer (its tables cached on disk by Lark); its
    terminals rewritten where this Python matches possessive quantifiers wrongly."""
    from lark import Lark  # imported here: `import argmap.language.grammar` stays cheap

    return Lark(
        portable_grammar(grammar_text()),
        parser="lalr",
        lexer="contextual",
        start=START_SYMBOLS,
        maybe_placeholders=True,
        cache=True,  # Lark keeps the built tables in the temp folder: ~4x faster start
    )

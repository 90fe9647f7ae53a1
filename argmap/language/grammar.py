"""The one place that builds the Lark parser for grammars/argmap.lark (built once, cached).

The grammar is found next to the package in a checkout (`grammars/argmap.lark`) and inside the
package when installed from a wheel (`argmap/_grammars/argmap.lark`). Pure Lark: with this
grammar's coarse tokens lark-cython measured no faster here, and its errors carry less detail.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from lark import Lark

from .portable_regex import portable_grammar

#: start symbols: a whole file, one line (per-line error recovery), a {…} block, a front-matter entry
START_SYMBOLS = ["start", "line", "meta", "fm_entry"]


def grammar_path(name: str = "argmap.lark") -> Path:
    """Where a grammar file is: inside the installed package, else in the checkout."""
    packaged = resources.files("argmap") / "_grammars" / name
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "grammars" / name
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(f"grammar {name!r} is missing from the argmap installation")


def grammar_text(name: str = "argmap.lark") -> str:
    return grammar_path(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def parser() -> Lark:
    """The LALR parser with the contextual lexer (its tables cached on disk by Lark); its
    terminals rewritten where this Python matches possessive quantifiers wrongly."""
    return Lark(
        portable_grammar(grammar_text()),
        parser="lalr",
        lexer="contextual",
        start=START_SYMBOLS,
        maybe_placeholders=True,
        cache=True,  # Lark keeps the built tables in the temp folder: ~4x faster start
    )

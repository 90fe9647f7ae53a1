"""The one place that builds the Lark parser for grammars/argmap.lark (built once, cached).

The grammar is found next to the package in a checkout (`grammars/argmap.lark`) and inside the
package when installed from a wheel (`argmap/_grammars/argmap.lark`). lark-cython is used when
it is installed (`pip install argmap[fast]`), pure Lark otherwise; both give the same tokens.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from lark import Lark, Transformer

#: start symbols: a whole file, one line (per-line error recovery), one front-matter entry
START_SYMBOLS = ["start", "line", "fm_entry"]


def grammar_path(name: str = "argmap.lark") -> Path:
    """Where a grammar file is: inside the installed package, else in the checkout."""
    packaged = resources.files("argmap") / "_grammars" / name
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "grammars" / name
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(f"grammar {name!r} is missing from the argmap installation")


def grammar_text(name: str = "argmap.lark") -> str:
    return grammar_path(name).read_text(encoding="utf-8")


def _plugins() -> dict:
    try:
        import lark_cython  # type: ignore[import-untyped]
    except ImportError:
        return {}
    return {"_plugins": lark_cython.plugins}


@functools.lru_cache(maxsize=None)
def parser(transformer: type[Transformer] | None = None) -> Lark:
    """The LALR parser, optionally with an inline transformer class (no tree is built then)."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        start=START_SYMBOLS,
        maybe_placeholders=True,
        transformer=transformer() if transformer is not None else None,
        **_plugins(),
    )

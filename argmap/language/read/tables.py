"""The grammar's terminals and rules as the fast paths use them: from `_derived.py`, which
`python -m argmap.language.read.derive` writes from grammars/argmap.lark (see derive.py), so
that reading the common lines loads no Lark."""

from __future__ import annotations

from collections.abc import Collection

from ._derived import IGNORED, LEXER_ORDER, RULES, TERMINALS

__all__ = ["IGNORED", "RULES", "TERMINALS", "blanks", "in_lexer_order"]


def in_lexer_order(names: Collection[str]) -> list[str]:
    """The terminals `names` in the order Lark's lexer tries them."""
    return [name for name in LEXER_ORDER if name in names]


def blanks() -> str:
    """Any run of the blanks Lark ignores between tokens (possessive: Lark never gives any back)."""
    return "(?:" + "|".join(IGNORED) + ")*+"

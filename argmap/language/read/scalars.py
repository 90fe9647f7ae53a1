"""The grammar's scalar value tokens (STRING, NUMBER, BOOL, BARE) → Python values, for the
fast paths (meta.py) and Lark's reading (lark_meta.py) alike."""

from __future__ import annotations

from ..vocabulary import unescape


def _string(token: str) -> str:
    """A STRING token (quotes, then maybe blanks) → its text."""
    return unescape(token.rstrip(" \t")[1:-1])


def _number(token: str) -> int | float:
    try:
        return int(token)
    except ValueError:
        return float(token)


def _boolean(token: str) -> bool:
    return token == "true"


def _bare(token: str) -> str:
    """A bare word (or words) → its text, without the blanks after it."""
    return unescape(token.rstrip())


#: the value of each scalar terminal's token
SCALARS = {"STRING": _string, "NUMBER": _number, "BOOL": _boolean, "BARE": _bare}

"""Metadata values written back as text that reads back as the same value."""

from __future__ import annotations

import math
import re

from ...model import MetaValue

_BARE_SAFE = re.compile(r"[^\s,{}\[\]\"\\](?:[^,{}\[\]\"\\\n]*[^\s,{}\[\]\"\\])?")
_NUMBER_LIKE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def format_value(value: MetaValue) -> str:
    """A metadata value as text that reads back as the same value."""
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    text = str(value)
    if _BARE_SAFE.fullmatch(text) and " " not in text and not _NUMBER_LIKE.fullmatch(text) \
            and text not in ("true", "false") and "//" not in text:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

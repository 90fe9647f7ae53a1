"""Metadata values: reading front matter entries, writing values back as text."""

from __future__ import annotations

import math
import re
from typing import Iterator

from lark.exceptions import UnexpectedInput

from ..model import MetaValue

_BARE_SAFE = re.compile(r"[^\s,{}\[\]\"\\](?:[^,{}\[\]\"\\\n]*[^\s,{}\[\]\"\\])?")
_KEY = re.compile(r"[A-Za-z_][\w-]*")
_NUMBER_LIKE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def front_matter_entries(block: str) -> Iterator[tuple[int, str, MetaValue, str | None]]:
    """Each `key: value` line of a front matter token: (line offset, key, value, error or None)."""
    from .read.lines import read_front_matter_entry

    lines = block.split("\n")
    for offset, text in enumerate(lines[1:-1], start=1):
        if not text.strip() or text.lstrip().startswith("//"):
            continue
        try:
            key, value = read_front_matter_entry(text)
        except UnexpectedInput:
            key_part, colon, rest = text.partition(":")
            if colon and _KEY.fullmatch(key_part.strip()):  # a value that is not a metadata
                yield offset, key_part.strip(), rest.strip(), None  # value: its text, as YAML would
            else:
                yield offset, "", None, f"cannot read front matter line {text.strip()!r}"
            continue
        yield offset, key, value, None


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

"""DOT statements written fast and strictly: every attribute value is a quoted string or an
HTML label argmap built itself (`Html`), every identifier is one argmap generated.

The `graphviz` package quotes each value through several regular expressions; on a
1,000-node map that alone costs more than the whole 5% budget of argmap's share of a render,
so the statements are written here and handed to `graphviz.Digraph` as its verbatim body.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

_SAFE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class Html(str):
    """An HTML-like label built by argmap from escaped text: written as `<...>`, unquoted."""

    __slots__ = ()


def quote(value: str) -> str:
    """A DOT value: an `Html` label as is, anything else as a double-quoted string.

    Only `"` needs escaping inside a DOT string; backslashes in map text were already made
    inert by `labels.escape_attribute`, and argmap's own values contain none.
    """
    if isinstance(value, Html):
        return f"<{value}>"
    return '"' + value.replace('"', '\\"') + '"'


@lru_cache(maxsize=1024)  # styles repeat: one per kind of node or edge and side
def _style(items: tuple[tuple[str, str], ...]) -> str:
    return " ".join(f"{key}={quote(value)}" for key, value in items)


def attributes(attrs: Mapping[str, str], *, label: Html | None = None, tooltip: str | None = None) -> str:
    """`[label=<…> key="value" … tooltip="…"]`; keys are argmap's own attribute names."""
    parts = [] if label is None else [f"label=<{label}>"]
    if attrs:
        parts.append(_style(tuple(attrs.items())))
    if tooltip is not None:
        parts.append("tooltip=" + quote(tooltip))
    return "[" + " ".join(parts) + "]"


def node(node_id: str, attrs: Mapping[str, str], *, label: Html | None = None, tooltip: str | None = None) -> str:
    """One node statement."""
    assert _SAFE_ID.match(node_id), node_id
    return f"{node_id} {attributes(attrs, label=label, tooltip=tooltip)}"


def edge(tail: str, head: str, attrs: Mapping[str, str], classes: str) -> str:
    """One edge statement; `classes` (argmap's own words) tells which relations it draws."""
    assert _SAFE_ID.match(tail) and _SAFE_ID.match(head), (tail, head)
    return f'{tail} -> {head} [{_style(tuple(attrs.items()))} class="{classes}"]'


def subgraph_open(name: str, attrs: Mapping[str, str]) -> list[str]:
    """The first lines of a subgraph (a cluster when `name` starts with `cluster`)."""
    assert _SAFE_ID.match(name), name
    return [f"subgraph {name} {{"] + [f"{key}={quote(value)}" for key, value in attrs.items()]

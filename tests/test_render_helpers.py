"""Helpers for the render tests (no tests here): read back the DOT argmap writes.

Used by the render tests only. It relies on argmap's own DOT layout (one statement per line,
`class="kind relN ..."` on every edge segment), not on a general DOT parser.
"""

from __future__ import annotations

import re

NODE = re.compile(r"^\s*(n\d+) \[label=<", re.M)
JUNCTION = re.compile(r'^\s*([gj]\d+) \[.*class="junction"', re.M)
EDGE = re.compile(r"^\s*([a-z]\d+) -> ([a-z]\d+) \[(.*)\]$", re.M)
CLASS = re.compile(r'class=(?:"([^"]*)"|(\w+))')


def node_ids(dot: str) -> list[str]:
    """The DOT ids of drawn map nodes, in order."""
    return NODE.findall(dot)


def junction_ids(dot: str) -> list[str]:
    return JUNCTION.findall(dot)


def edges(dot: str) -> list[tuple[str, str, str, list[str]]]:
    """(tail, head, attributes, classes) of every edge segment."""
    found = []
    for tail, head, attrs in EDGE.findall(dot):
        match = CLASS.search(attrs)
        classes = (match.group(1) or match.group(2)).split() if match else []
        found.append((tail, head, attrs, classes))
    return found


def segments_of(dot: str, relation_number: int) -> list[tuple[str, str]]:
    """The (tail, head) segments that draw relation number N (its position in the map, from 1)."""
    tag = f"rel{relation_number}"
    return [(t, h) for t, h, _, classes in edges(dot) if tag in classes]

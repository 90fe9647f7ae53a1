"""Recognise a foreign format by its content (for files whose name does not say).

`sniff(text)` looks at the start of the text only and answers a format name of
`argmap.importers.IMPORTERS`, or None. It is conservative: .argmap text must never be taken for
another format, so each test asks for what that format's files always start with.
"""

from __future__ import annotations

import json
import re

_HEAD = 64 * 1024  # look at this much of the text at most
_AF_HEADER = re.compile(r"p\s+af\s+\d+\s*$")
_APX_FACT = re.compile(r"(arg|att)\s*\(")
_TGF_NODE = re.compile(r"[^\s\[\]<>:{}]+(\s+.*)?")
_TGF_EDGE = re.compile(r"\S+\s+\S+.*")


def _meaningful(lines: list[str], comment: str) -> list[str]:
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith(comment)]


def sniff(text: str) -> str | None:
    """The format the text is written in, judged from its first lines; None if unknown."""
    head = text[:_HEAD].lstrip("\ufeff")
    lines = head.splitlines()
    if len(text) > _HEAD and lines:
        lines = lines[:-1]  # the last line may be cut
    first = next((line.strip() for line in lines if line.strip()), "")
    if first.startswith("Discussion Title:"):
        return "kialo"
    if first.startswith(("{", "[")) and _json_kind(text) is not None:
        return _json_kind(text)
    af_lines = _meaningful(lines, "#")
    if af_lines and _AF_HEADER.fullmatch(af_lines[0]):
        return "af"
    apx_lines = _meaningful(lines, "%")
    if apx_lines and _APX_FACT.match(apx_lines[0]):
        return "apx"
    if _is_tgf(lines):
        return "tgf"
    return None


def _json_kind(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    if _aif_data(data):
        return "aif"
    return "json" if data.get("format") == "argmap" else None


def _is_tgf(lines: list[str]) -> bool:
    stripped = [line.strip() for line in lines if line.strip()]
    if "#" not in stripped:
        return False
    split = stripped.index("#")
    nodes, edges = stripped[:split], stripped[split + 1:]
    return bool(nodes or edges) and all(_TGF_NODE.fullmatch(n) for n in nodes) and all(
        _TGF_EDGE.fullmatch(e) for e in edges)


def looks_like_aif(text: str) -> bool:
    """True for JSON text that holds an AIF graph (AIFdb, OVA or xAIF), not argmap's own JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return _aif_data(data)


def _aif_data(data: object) -> bool:
    """An AIF graph at the top level (AIFdb, argmap) or under `AIF` (OVA, xAIF)."""
    from .aif_shape import find_graph

    return find_graph(data) is not None

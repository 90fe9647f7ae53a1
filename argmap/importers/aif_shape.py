"""The AIF graph inside a JSON file, as the tools that write it lay it out.

* AIFdb nodesets and `argmap export --to aif`: the graph at the top level
  (`{"nodes": [...], "edges": [...], "locutions": [...], "participants": [...]}`);
* OVA saves and xAIF (the exchange format of the ARG-tech pipelines) wrap the same graph:
  `{"AIF": {...}, "OVA": {layout}, "text": ..., "dialog": ...}` (some xAIF writers spell the
  key `aif`). The layout and the analysed text are not part of the argument graph.

`find_graph` answers the graph and the path of keys to it (for positions in the file);
`check_graph` lists what makes it unreadable, each at its element, so that reading never
stops at the first bad node with a traceback.
"""

from __future__ import annotations

from typing import Any

#: the keys OVA and xAIF keep the AIF graph under
WRAPPERS = ("AIF", "aif")


def is_graph(data: object) -> bool:
    """True for an AIF graph: an object with a `nodes` list of objects with a `nodeID`."""
    if not isinstance(data, dict) or data.get("format") == "argmap":
        return False
    nodes = data.get("nodes")
    return isinstance(nodes, list) and (not nodes or isinstance(nodes[0], dict) and "nodeID" in nodes[0])


def find_graph(data: object) -> tuple[dict[str, Any], list[str]] | None:
    """The AIF graph in `data` and the keys leading to it; None when there is none."""
    if is_graph(data):
        return data, []  # type: ignore[return-value]
    if isinstance(data, dict):
        for key in WRAPPERS:
            if is_graph(data.get(key)):
                return data[key], [key]
    return None


def _ident(value: object) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def check_graph(graph: dict[str, Any]) -> list[tuple[str, list[str | int]]]:
    """What makes `graph` unreadable: (message, where) for each bad element, in file order."""
    problems: list[tuple[str, list[str | int]]] = []
    for key in ("nodes", "edges", "locutions", "participants"):
        value = graph.get(key)
        if value is not None and not isinstance(value, list):
            problems.append((f"'{key}' is {type(value).__name__}, not a list", [key]))
    if problems:
        return problems
    for index, node in enumerate(graph.get("nodes") or []):
        if not isinstance(node, dict):
            problems.append((f"node {index} is not an object", ["nodes", index]))
        elif not _ident(node.get("nodeID")):
            problems.append((f"node {index} has no nodeID (a string or a number)", ["nodes", index]))
        elif not isinstance(node.get("type", ""), str) or not isinstance(node.get("text", ""), (str, type(None))):
            problems.append((f"node {node['nodeID']}: 'type' and 'text' must be strings", ["nodes", index]))
    for index, edge in enumerate(graph.get("edges") or []):
        if not isinstance(edge, dict):
            problems.append((f"edge {index} is not an object", ["edges", index]))
        elif not (_ident(edge.get("fromID")) and _ident(edge.get("toID"))):
            name = edge.get("edgeID", index)
            problems.append((f"edge {name} needs a fromID and a toID (strings or numbers)", ["edges", index]))
    for key, ident in (("locutions", "nodeID"), ("participants", "participantID")):
        for index, item in enumerate(graph.get(key) or []):
            if not isinstance(item, dict):
                problems.append((f"{key[:-1]} {index} is not an object", [key, index]))
            elif not _ident(item.get(ident)):
                problems.append((f"{key[:-1]} {index} has no {ident}", [key, index]))
    return problems

"""What the graph exports (networkx, GraphML) share: junctions for undercut relations and
the grounded label of each node.

A graph of nodes has no place for a relation that targets a relation (an undercut of `rN`).
Both exports give each undercut relation `rN` a *junction node* with the id `rN` and
`element: "relation"` (every map node has `element: "node"`); the undercut is an edge to the
junction, the undercut relation stays an edge of its own from its source to its target. So
every relation is exactly one edge, and `from_networkx` reads the junction back as the target
`rN`. Filter on `element` to drop junctions before graph algorithms that should not see them.
"""

from __future__ import annotations

from ..model import Map


def junctions(map_: Map) -> list[str]:
    """The ids of the relations some relation targets (each gets a junction node), in order."""
    targeted = {r.target for r in map_.relations.values() if r.targets_relation}
    return [rid for rid in map_.relations if rid in targeted]


def grounded_labels(map_: Map) -> dict[str, str]:
    """Node id -> grounded label (`in` / `out` / `undec`) of the map's framework (as `argmap
    analyze` computes it, `status:` assumptions applied); `question` for a question, which is
    no argument of it."""
    from ..analyze.framework import translate
    from ..analyze.grounded import grounded_labelling

    mf = translate(map_)
    labels = grounded_labelling(mf.af)
    found = {node_id: labels[mf.af.index(node_id)] for node_id in mf.node_ids}
    return {node_id: found.get(node_id, "question") for node_id in map_.nodes} if mf.questions else found

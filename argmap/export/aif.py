"""Model -> AIF JSON (the Argument Interchange Format of AIFdb and OVA).

Every node becomes an I-node (information). A support — or a group of co-premises with the
same target — becomes one RA-node (inference) with edges premise -> RA -> conclusion; an attack a
CA-node (conflict) premise -> CA -> target; a contradiction two CA-nodes named "Contradiction",
one each way; an undercut a CA-node aimed at the RA-node of the inference it undercuts (or, for
an argument's own inference, at the argument, named "Undercut"). A node said by a known actor
gets a locution: an L-node ("Name: text") with a YA-node ("Asserting") to its I-node, an entry
in `locutions` and the actor in `participants`. Titles and node kinds ride along as extra `title` and `kind` keys
on I-nodes, which AIF readers ignore and `argmap import` reads back.
"""

from __future__ import annotations

import json

from ..model import Map, NodeKind, Relation, RelationKind

#: AIF scheme names argmap writes and reads back
DEFAULT_INFERENCE = "Default Inference"
DEFAULT_CONFLICT = "Default Conflict"
CONTRADICTION = "Contradiction"
UNDERCUT = "Undercut"
ASSERTING = "Asserting"


class _Graph:
    """Collects AIF nodes and edges with ids counted from 1."""

    def __init__(self, timestamp: str) -> None:
        self.nodes: list[dict[str, object]] = []
        self.edges: list[dict[str, object]] = []
        self.timestamp = timestamp

    def node(self, aif_type: str, text: str, **extra: object) -> str:
        node_id = str(len(self.nodes) + 1)
        self.nodes.append(
            {"nodeID": node_id, "text": text, "type": aif_type, "timestamp": self.timestamp, **extra}
        )
        return node_id

    def edge(self, source: str, target: str) -> None:
        edge_id = str(len(self.edges) + 1)
        self.edges.append({"edgeID": edge_id, "fromID": source, "toID": target, "formEdgeID": None})


def _timestamp(map: Map) -> str:
    date = str(map.metadata.get("date", ""))
    if len(date) == 10 and date[4] == "-" and date[7] == "-":
        return f"{date} 00:00:00"
    return "1970-01-01 00:00:00"


def _reasons(map: Map) -> list[list[Relation]]:
    """Supports grouped into linked reasons (same group and target); others one by one."""
    reasons: list[list[Relation]] = []
    groups: dict[tuple[str, str], list[Relation]] = {}
    for relation in map.relations.values():
        if relation.kind is RelationKind.SUPPORT and relation.group is not None:
            key = (relation.group, relation.target)
            if key not in groups:
                groups[key] = []
                reasons.append(groups[key])
            groups[key].append(relation)
        else:
            reasons.append([relation])
    return reasons


def map_to_aif_dict(map: Map, losses: list | None = None) -> dict[str, object]:
    """The AIF dictionary: nodes, edges, locutions and participants. Rephrases are not
    written yet (left out, each recorded in `losses` when given)."""
    from .losses import note

    graph = _Graph(_timestamp(map))
    ids: dict[str, str] = {}
    for node in map.nodes.values():
        extra: dict[str, object] = {"title": node.title} if node.title is not None else {}
        if node.kind is not NodeKind.CLAIM:
            extra["kind"] = node.kind.value
        if node.kind is NodeKind.QUESTION:
            note(losses, "node-kind", node.id, "a question: written as an I-node of kind 'question', read back as a claim")
        ids[node.id] = graph.node("I", node.text, **extra)
    scheme_of: dict[str, str] = {}  # relation id -> its RA/CA node
    pending: list[Relation] = []  # relations whose target is another relation
    for reason in _reasons(map):
        first = reason[0]
        if first.kind is RelationKind.REPHRASE:  # not a conflict: no CA-node (MA-nodes to come)
            note(losses, "rephrase", first.id, f"{first.source} rephrases {first.target}: not written; left out")
            continue
        if first.targets_relation:
            pending.append(first)
            continue
        if first.source not in ids or first.target not in ids:
            continue  # dangling: `argmap check` reports it
        if first.kind is RelationKind.SUPPORT:
            scheme = graph.node("RA", DEFAULT_INFERENCE)
            for relation in reason:
                graph.edge(ids[relation.source], scheme)
                scheme_of[relation.id] = scheme
            graph.edge(scheme, ids[first.target])
            continue
        name = {RelationKind.ATTACK: DEFAULT_CONFLICT, RelationKind.UNDERCUT: UNDERCUT}.get(
            first.kind, CONTRADICTION
        )
        scheme = scheme_of[first.id] = graph.node("CA", name)
        graph.edge(ids[first.source], scheme)
        graph.edge(scheme, ids[first.target])
        if first.kind is RelationKind.CONTRADICTION:
            back = graph.node("CA", CONTRADICTION)
            graph.edge(ids[first.target], back)
            graph.edge(back, ids[first.source])
    for relation in pending:  # undercuts of inferences: CA -> the inference's RA
        if relation.source in ids and relation.target in scheme_of:
            scheme = scheme_of[relation.id] = graph.node("CA", DEFAULT_CONFLICT)
            graph.edge(ids[relation.source], scheme)
            graph.edge(scheme, scheme_of[relation.target])

    participants = {actor_id: n for n, actor_id in enumerate(map.actors, 1)}
    locutions = []
    for node in map.nodes.values():
        for actor_id in node.actors:
            if actor_id not in participants:
                continue
            name = map.actors[actor_id].name
            locution = graph.node("L", f"{name}: {node.plain_text}")
            assertion = graph.node("YA", ASSERTING)
            graph.edge(locution, assertion)
            graph.edge(assertion, ids[node.id])
            locutions.append(
                {"nodeID": locution, "personID": str(participants[actor_id]),
                 "timestamp": graph.timestamp, "start": None, "end": None, "source": None}
            )
    people = []
    for actor_id, number in participants.items():
        first, _, last = map.actors[actor_id].name.rpartition(" ")
        people.append(
            {"participantID": str(number), "firstname": first or last,
             "surname": last if first else "", "argmapID": actor_id}
        )
    return {"nodes": graph.nodes, "edges": graph.edges, "locutions": locutions,
            "participants": people}


def map_to_aif(map: Map, losses: list | None = None) -> str:
    """The map as AIF JSON text (what it leaves out recorded in `losses` when given)."""
    return json.dumps(map_to_aif_dict(map, losses), ensure_ascii=False, indent=2) + "\n"

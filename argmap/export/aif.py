"""Model -> AIF JSON (the Argument Interchange Format of AIFdb, OVA and arguebuf).

In AIF's own fields: every node is an I-node. A support — or a group of co-premises with the
same target, a linked argument — is one RA-node (inference) with edges premise -> RA ->
conclusion; an attack (or a linked group of attackers) a CA-node (conflict); a contradiction
two CA-nodes named "Contradiction", one each way; an undercut a CA-node aimed at the scheme
node of the relation it undercuts (for an argument's own inference, a CA-node named
"Undercut" aimed at the argument); a rephrase an MA-node ("Default Rephrase") from the
restating node to the restated one. A relation's `scheme` metadata names its scheme node, else
the `scheme` of the argument it comes from, a catalogue id written by its AIF name
(`expert-opinion` as "Argument From Expert Opinion": `argmap.schemes.aif_names`). A node said by a known actor gets a locution per speaker:
an L-node ("Name : text"), a YA-node (its illocution: "Asserting", "Pure Questioning" for a
question, or the node's `illocution` metadata) to its I-node, an entry in `locutions` (with the
node's `timestamp` metadata, else the map's date) and the actor in `participants`; a question
nobody is said to ask still gets an L-node and a Pure Questioning YA-node, so that AIF tools
see it asked.

A premise-conclusion structure writes each inference as an RA-node (named by the scheme its
line names, else "Default Inference") from the I-nodes of the statements it uses to the
I-node of the one it concludes; an undercut written under that statement is a CA-node aimed at
that RA-node. So an AIF tool sees the structure as linked inferences.

Everything else (ids and titles, node kinds, tags, sources, sections, metadata, weights, groups,
actor ids and metadata) travels in the `argmap` extension (`argmap.export.aif_extension`),
which other AIF tools ignore and `argmap import` reads back into an equal model. With
`extension=False` the writer reports each of those as a loss; in both modes a relation whose
ends are not in the map is reported and left out.
"""

from __future__ import annotations

import json

from ..model import Map, NodeKind, Relation, RelationKind
from .aif_extension import KEY, extension as make_extension
from .losses import note, unkept

#: AIF scheme and illocution names argmap writes and reads back
DEFAULT_INFERENCE = "Default Inference"
DEFAULT_CONFLICT = "Default Conflict"
DEFAULT_REPHRASE = "Default Rephrase"
CONTRADICTION = "Contradiction"
UNDERCUT = "Undercut"
ASSERTING = "Asserting"
PURE_QUESTIONING = "Pure Questioning"
#: what AIF itself keeps (the `losses.FEATURES` reported with `extension=False`)
AIF_KEEPS = frozenset({"actor", "node-text", "node-actors", "support", "attack", "undercut",
                       "contradiction", "rephrase", "relation-group"})


class _Graph:
    """Collects AIF nodes and edges with ids counted from 1."""

    def __init__(self, timestamp: str) -> None:
        self.nodes: list[dict[str, object]] = []
        self.edges: list[dict[str, object]] = []
        self.timestamp = timestamp

    def node(self, aif_type: str, text: str, timestamp: str | None = None) -> str:
        node_id = str(len(self.nodes) + 1)
        self.nodes.append({"nodeID": node_id, "text": text, "type": aif_type,
                           "timestamp": timestamp or self.timestamp})
        return node_id

    def edge(self, source: str, target: str) -> None:
        edge_id = str(len(self.edges) + 1)
        self.edges.append({"edgeID": edge_id, "fromID": source, "toID": target, "formEdgeID": None})


def _timestamp(map_: Map) -> str:
    date = str(map_.metadata.get("date", ""))
    if len(date) == 10 and date[4] == "-" and date[7] == "-":
        return f"{date} 00:00:00"
    return "1970-01-01 00:00:00"


def _reasons(map_: Map) -> list[list[Relation]]:
    """Linked reasons (supports or attacks of one group and target) together; others one by one."""
    reasons: list[list[Relation]] = []
    groups: dict[tuple[RelationKind, str, str], list[Relation]] = {}
    for relation in map_.relations.values():
        if relation.kind in (RelationKind.SUPPORT, RelationKind.ATTACK) and relation.group is not None:
            key = (relation.kind, relation.group, relation.target)
            if key not in groups:
                groups[key] = []
                reasons.append(groups[key])
            groups[key].append(relation)
        else:
            reasons.append([relation])
    return reasons


def _scheme_name(relation: Relation, named: dict[str, str]) -> str:
    """The name of the relation's scheme node; `named` holds the AIF names of the relations
    that name a scheme (`argmap.schemes.aif_names.relation_schemes`)."""
    if relation.kind is RelationKind.CONTRADICTION:
        return CONTRADICTION
    if relation.kind is RelationKind.UNDERCUT and not relation.targets_relation:
        return UNDERCUT
    if relation.id in named:
        return named[relation.id]
    return {RelationKind.SUPPORT: DEFAULT_INFERENCE, RelationKind.REPHRASE: DEFAULT_REPHRASE}.get(
        relation.kind, DEFAULT_CONFLICT)


_TYPE = {RelationKind.SUPPORT: "RA", RelationKind.REPHRASE: "MA"}


def _write_inferences(map_: Map, graph: _Graph, ids: dict[str, str]) -> tuple[dict[tuple[str, int], str], dict[str, str]]:
    """RA-nodes for the inferences of the reconstructions: (argument, index) -> its RA-node, and
    undercut relation id -> the RA-node it is aimed at."""
    from ..schemes.aif_names import inference_schemes

    named = inference_schemes(map_)
    written: dict[tuple[str, int], str] = {}
    undercut: dict[str, str] = {}
    for argument, reconstruction in map_.reconstructions.items():
        for index, inference in enumerate(reconstruction.inferences):
            premises = [ids.get(reconstruction.statement(n)) for n in inference.uses]
            conclusion = ids.get(reconstruction.statement(inference.conclusion))
            if not premises or None in premises or conclusion is None:
                continue  # nothing to infer from, or a statement not in the map: check reports it
            scheme = graph.node("RA", named.get((argument, index), DEFAULT_INFERENCE))
            for premise in dict.fromkeys(premises):
                graph.edge(premise, scheme)
            graph.edge(scheme, conclusion)
            written[(argument, index)] = scheme
            undercut.update((rid, scheme) for rid in inference.undercuts)
    return written, undercut


def _write_relations(map_: Map, graph: _Graph, ids: dict[str, str], losses: list | None,
                     aimed: dict[str, str]) -> dict[str, list[str]]:
    """Scheme nodes for the relations; relation id -> its scheme node ids. `aimed` holds the
    undercuts of inferences of reconstructions and the RA-nodes they are aimed at."""
    from ..schemes.aif_names import relation_schemes

    schemes: dict[str, list[str]] = {}
    named = relation_schemes(map_)
    waiting = _reasons(map_)
    while waiting:
        later = []
        for reason in waiting:
            first = reason[0]
            target = schemes.get(first.target, [None])[0] if first.targets_relation else ids.get(first.target)
            target = aimed.get(first.id, target)
            if target is None and first.targets_relation and first.target in map_.relations:
                later.append(reason)  # its target relation is not written yet
                continue
            if target is None or first.source not in ids:
                for relation in reason:
                    note(losses, relation.kind.value, relation.id, f"{relation.source} {relation.kind.value}s "
                         f"{relation.target}, which is not in the map; left out")
                continue
            name = named.get(first.id, DEFAULT_CONFLICT) if first.id in aimed else _scheme_name(first, named)
            scheme = graph.node(_TYPE.get(first.kind, "CA"), name)
            for relation in reason:
                graph.edge(ids[relation.source], scheme)
                schemes[relation.id] = [scheme]
            graph.edge(scheme, target)
            if first.kind is RelationKind.CONTRADICTION:
                back = graph.node("CA", CONTRADICTION)
                graph.edge(ids[first.target], back)
                graph.edge(back, ids[first.source])
                schemes[first.id].append(back)
        if len(later) == len(waiting):  # relations aimed at each other in a ring: not writable
            for reason in later:
                for relation in reason:
                    note(losses, relation.kind.value, relation.id, f"{relation.source} {relation.kind.value}s "
                         f"{relation.target}, a relation that could not be written; left out")
            break
        waiting = later
    return schemes


def _write_speakers(map_: Map, graph: _Graph, ids: dict[str, str]) -> tuple[list, list]:
    participants = {actor_id: n for n, actor_id in enumerate(map_.actors, 1)}
    locutions = []
    for node in map_.nodes.values():
        question = node.kind is NodeKind.QUESTION
        stamp = node.meta.get("timestamp")
        stamp = stamp if isinstance(stamp, str) and stamp else None
        speakers = [a for a in node.actors if a in participants]
        said = node.meta.get("illocution")  # one for all speakers, or one each (as imported)
        each = said if isinstance(said, list) and len(said) == len(node.actors) else [said] * len(node.actors)
        how = {a: i for a, i in zip(node.actors, each) if isinstance(i, str) and i.strip()}
        for actor_id in speakers or ([None] if question else []):
            illocution = PURE_QUESTIONING if question else how.get(actor_id, ASSERTING)
            text = node.plain_text if actor_id is None else f"{map_.actors[actor_id].name} : {node.plain_text}"
            locution = graph.node("L", text, stamp)
            assertion = graph.node("YA", illocution, stamp)
            graph.edge(locution, assertion)
            graph.edge(assertion, ids[node.id])
            if actor_id is not None:
                locutions.append({"nodeID": locution, "personID": str(participants[actor_id]),
                                  "timestamp": stamp or graph.timestamp, "start": None, "end": None,
                                  "source": None})
    people = []
    for actor_id, number in participants.items():
        first, _, last = map_.actors[actor_id].name.rpartition(" ")
        people.append({"participantID": str(number), "firstname": first or last,
                       "surname": last if first else "", "argmapID": actor_id})
    return locutions, people


def map_to_aif_dict(map_: Map, losses: list | None = None, *, extension: bool = True) -> dict[str, object]:
    """The AIF dictionary: nodes, edges, locutions, participants and (unless `extension` is
    False) the `argmap` extension."""
    graph = _Graph(_timestamp(map_))
    ids = {node.id: graph.node("I", node.text) for node in map_.nodes.values()}
    inferences, aimed = _write_inferences(map_, graph, ids)
    schemes = _write_relations(map_, graph, ids, losses, aimed)
    locutions, people = _write_speakers(map_, graph, ids)
    data: dict[str, object] = {"nodes": graph.nodes, "edges": graph.edges, "locutions": locutions,
                               "participants": people}
    if extension:
        data[KEY] = make_extension(map_, {n: i for n, i in ids.items()}, schemes, inferences)
    else:
        found: list = []
        unkept(map_, found, keeps=AIF_KEEPS)
        for loss in found:  # questions are AIF's own (Pure Questioning); their kind is kept
            if not (loss.code == "node-kind" and map_.nodes[loss.element].kind is NodeKind.QUESTION):
                note(losses, loss.code, loss.element, loss.message)
    return data


def map_to_aif(map_: Map, losses: list | None = None, *, extension: bool = True) -> str:
    """The map as AIF JSON text (see `map_to_aif_dict`)."""
    return json.dumps(map_to_aif_dict(map_, losses, extension=extension), ensure_ascii=False, indent=2) + "\n"

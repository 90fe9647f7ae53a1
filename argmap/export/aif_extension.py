"""The `argmap` extension of an exported AIF graph: what AIF has no place for.

AIF tools read `nodes`, `edges`, `locutions` and `participants` and ignore other top-level
keys, so `argmap export --to aif` writes what AIF cannot say under one more key, `"argmap"`,
and `argmap import` reads it back, giving an equal model:

    "argmap": {
      "version": 1,
      "metadata": {...},                                  # the map's front matter
      "actors":   [{"id", "name", "meta"}],               # ids, full names, metadata
      "sources":  [{"id", "citation", "meta"}],
      "sections": [{"id", "title", "level", "parent"}],
      "nodes":    {"<I-node id>": {"id", "kind", "actors", "tags", "sources", "meta", "section"}},
      "relations": [{"id", "kind", "source", "target", "group", "weight", "meta",
                     "aif": ["<RA/CA/MA node id>", ...]}],
      "reconstructions": [...]                            # as in argmap's JSON, and each
    }                                                     # inference's RA-node as "aif"

Node texts are not repeated: the I-node's `text` is the node's text (so an edit made in OVA
shows). `relations[].source`/`target` are argmap ids (a node id, or `rN` for an undercut of a
relation); `aif` names the scheme nodes the relation is written as (a contradiction has two,
one each way; co-premises share one). Empty fields are left out.
"""

from __future__ import annotations

from ..model import Map, Reconstruction, Relation
from .json import reconstruction_to_dict

KEY = "argmap"
VERSION = 1


def _node_entry(map_: Map, node_id: str) -> dict[str, object]:
    node = map_.nodes[node_id]
    entry: dict[str, object] = {"id": node.id, "kind": node.kind.value}
    for name, value in (("actors", list(node.actors)), ("tags", list(node.tags)),
                        ("sources", list(node.sources)), ("meta", dict(node.meta))):
        if value:
            entry[name] = value
    if node.section is not None:
        entry["section"] = node.section
    return entry


def _relation_entry(relation: Relation, schemes: list[str]) -> dict[str, object]:
    entry: dict[str, object] = {"id": relation.id, "kind": relation.kind.value,
                                "source": relation.source, "target": relation.target, "aif": schemes}
    if relation.group is not None:
        entry["group"] = relation.group
    if relation.weight is not None:
        entry["weight"] = relation.weight
    if relation.meta:
        entry["meta"] = dict(relation.meta)
    return entry


def _reconstruction_entry(reconstruction: Reconstruction, inferences: dict[tuple[str, int], str]) -> dict[str, object]:
    entry = reconstruction_to_dict(reconstruction)
    for index, inference in enumerate(entry["inferences"]):  # type: ignore[arg-type]
        if (reconstruction.argument, index) in inferences:
            inference["aif"] = inferences[(reconstruction.argument, index)]
    return entry


def extension(map_: Map, inodes: dict[str, str], schemes: dict[str, list[str]],
              inferences: dict[tuple[str, int], str]) -> dict[str, object]:
    """The extension object for `map_`: `inodes` maps node ids to their I-node ids, `schemes`
    relation ids to the scheme nodes written for them (relations not written are left out),
    `inferences` (argument, index) to the RA-node of each inference of a reconstruction."""
    ext: dict[str, object] = {"version": VERSION}
    if map_.metadata:
        ext["metadata"] = dict(map_.metadata)
    if map_.actors:
        ext["actors"] = [{"id": a.id, "name": a.name, **({"meta": dict(a.meta)} if a.meta else {})}
                         for a in map_.actors.values()]
    if map_.sources:
        ext["sources"] = [{"id": s.id, "citation": s.citation, **({"meta": dict(s.meta)} if s.meta else {})}
                          for s in map_.sources.values()]
    if map_.sections:
        ext["sections"] = [{"id": s.id, "title": s.title, "level": s.level, "parent": s.parent}
                           for s in map_.sections.values()]
    ext["nodes"] = {inode: _node_entry(map_, node_id) for node_id, inode in inodes.items()}
    ext["relations"] = [_relation_entry(map_.relations[rid], ids) for rid, ids in schemes.items()]
    if map_.reconstructions:
        ext["reconstructions"] = [_reconstruction_entry(r, inferences) for r in map_.reconstructions.values()]
    return ext

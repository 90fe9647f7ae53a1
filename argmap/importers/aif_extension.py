"""Reading back the `argmap` extension of an AIF file (see `argmap.export.aif_extension`).

The extension is checked as a whole: one that does not have the shape argmap writes is
reported (`aif-bad-extension`) and ignored, and the AIF graph is read as any other. Elements
of a valid extension whose AIF nodes are gone (deleted in another tool) are reported
(`aif-extension-stale`) and left out; AIF nodes the extension does not name (added in another
tool) are read from AIF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ArgmapError
from ..model import Actor, Node, NodeKind, Reconstruction, Relation, RelationKind, Section, Source, node_ref
from .json import reconstruction_from_dict

_IDENT = re.compile(r"[A-Za-z_][\w-]*")
_NODE_ID = re.compile(r"(\[.+\]|<.+>|_\d+)", re.S)
_RELATION_ID = re.compile(r"r\d+")


class BadExtension(ArgmapError):
    """The extension is not what argmap writes (the message says where)."""


def _need(condition: bool, message: str) -> None:
    if not condition:
        raise BadExtension(message)


def _meta(value: object, where: str) -> dict:
    _need(value is None or isinstance(value, dict), f"{where}: 'meta' is not an object")
    return dict(value or {})


def _strings(value: object, where: str) -> tuple[str, ...]:
    _need(value is None or isinstance(value, list) and all(isinstance(v, str) for v in value),
          f"{where}: not a list of strings")
    return tuple(value or ())


@dataclass
class Extension:
    metadata: dict = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    #: I-node id -> the node without its text (the I-node's text is the node's text)
    nodes: dict[str, Node] = field(default_factory=dict)
    #: (relation, the scheme node ids it is written as)
    relations: list[tuple[Relation, list[str]]] = field(default_factory=list)
    #: premise-conclusion structures, as argmap's JSON holds them
    reconstructions: list[Reconstruction] = field(default_factory=list)
    #: per reconstruction, inference index -> the RA-node it is written as
    inference_nodes: list[dict[int, str]] = field(default_factory=list)


def read_extension(data: Any) -> Extension:
    """The extension object `data` as model pieces; BadExtension when it is malformed."""
    _need(isinstance(data, dict), "not an object")
    _need(data.get("version") == 1, f"version {data.get('version')!r} is not 1")
    ext = Extension(metadata=_meta(data.get("metadata"), "metadata"))
    for i, a in enumerate(data.get("actors") or []):
        _need(isinstance(a, dict) and isinstance(a.get("id"), str) and bool(_IDENT.fullmatch(a["id"]))
              and isinstance(a.get("name"), str), f"actors[{i}]: needs an id and a name")
        ext.actors[a["id"]] = Actor(a["id"], a["name"], _meta(a.get("meta"), f"actors[{i}]"))
    for i, s in enumerate(data.get("sources") or []):
        _need(isinstance(s, dict) and isinstance(s.get("id"), str) and isinstance(s.get("citation"), str),
              f"sources[{i}]: needs an id and a citation")
        ext.sources[s["id"]] = Source(s["id"], s["citation"], _meta(s.get("meta"), f"sources[{i}]"))
    for i, s in enumerate(data.get("sections") or []):
        _need(isinstance(s, dict) and isinstance(s.get("id"), str) and isinstance(s.get("title"), str)
              and isinstance(s.get("level"), int) and (s.get("parent") is None or isinstance(s["parent"], str)),
              f"sections[{i}]: needs an id, a title and a level")
        ext.sections[s["id"]] = Section(s["id"], s["title"], s["level"], s.get("parent"))
    nodes = data.get("nodes") or {}
    _need(isinstance(nodes, dict), "'nodes' is not an object")
    seen: set[str] = set()
    for inode, n in nodes.items():
        where = f"nodes[{inode!r}]"
        _need(isinstance(n, dict) and isinstance(n.get("id"), str) and bool(_NODE_ID.fullmatch(n["id"])),
              f"{where}: needs a node id")
        _need(n.get("kind") in {k.value for k in NodeKind}, f"{where}: unknown kind {n.get('kind')!r}")
        kind, ident = NodeKind(n["kind"]), n["id"]
        title = None if ident.startswith("_") else ident[1:-1]
        _need(title is None or node_ref(kind, title) == ident and ident not in seen,
              f"{where}: id {ident!r} does not fit kind {kind.value} (or is taken)")
        _need(ident not in seen, f"{where}: id {ident!r} is taken")
        _need(n.get("section") is None or isinstance(n["section"], str), f"{where}: bad section")
        seen.add(ident)
        ext.nodes[str(inode)] = Node(ident, kind, title, "", actors=_strings(n.get("actors"), where),
                                     tags=_strings(n.get("tags"), where),
                                     sources=_strings(n.get("sources"), where),
                                     meta=_meta(n.get("meta"), where), section=n.get("section"))
    relations = data.get("relations") or []
    _need(isinstance(relations, list), "'relations' is not a list")
    taken: set[str] = set()
    for i, r in enumerate(relations):
        where = f"relations[{i}]"
        _need(isinstance(r, dict) and isinstance(r.get("id"), str) and bool(_RELATION_ID.fullmatch(r["id"]))
              and r["id"] not in taken, f"{where}: needs a new relation id rN")
        _need(r.get("kind") in {k.value for k in RelationKind}, f"{where}: unknown kind {r.get('kind')!r}")
        _need(isinstance(r.get("source"), str) and isinstance(r.get("target"), str), f"{where}: needs ends")
        _need(r.get("group") is None or isinstance(r["group"], str), f"{where}: bad group")
        weight = r.get("weight")
        _need(weight is None or isinstance(weight, (int, float)) and not isinstance(weight, bool),
              f"{where}: bad weight")
        schemes = _strings(r.get("aif"), where)
        _need(bool(schemes), f"{where}: names no AIF node")
        taken.add(r["id"])
        ext.relations.append((Relation(r["id"], RelationKind(r["kind"]), r["source"], r["target"],
                                       r.get("group"), None if weight is None else float(weight),
                                       _meta(r.get("meta"), where)), list(schemes)))
    for i, r in enumerate(data.get("reconstructions") or []):
        try:
            ext.reconstructions.append(reconstruction_from_dict(r))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BadExtension(f"reconstructions[{i}]: {type(exc).__name__}: {exc}") from None
        written = {index: inference["aif"] for index, inference in enumerate(r["inferences"]) if "aif" in inference}
        _need(all(isinstance(v, str) for v in written.values()), f"reconstructions[{i}]: 'aif' is no node id")
        ext.inference_nodes.append(written)
    return ext

"""A map as an ICCMA abstract framework: `af` / `i23`, `tgf`, `apx`, with what is lost.

The framework is `argmap.analyze.framework.translate(map)` (the one `argmap analyze` solves):
every node is an argument; an attack is an attack; a contradiction an attack each way; an
undercut an attack on the node it undercuts or, for an undercut of a relation, on that
relation's *inference argument* (named `rN`); co-premises become an inference argument `rN`
attacked by `not p` per premise; supports add no attacks. A framework holds names and attacks
only, so every writer here records (see `argmap.export.losses`):

* `support`: each support (dropped), `undercut` / `contradiction` / `relation-group`: each one
  translated (the message says into what), `argument-added`: each argument that is no node of
  the map (`rN`, `not [A]`, `assume not [A]`);
* `question`: each question (no argument: dropped), with each relation into or out of one
  (under its kind's code: dropped); `rephrase`: each rephrase (dropped);
* the texts, kinds, speakers, tags, citations, metadata and sections of nodes, relation weights
  and metadata, the map's metadata, actors and sources.

Names (node ids) travel: i23/af in `# i name` comments, apx as atoms or `% name` comments, tgf
as labels; `argmap.importers.iccma` reads them back.
"""

from __future__ import annotations

import re

from ..analyze.framework import Framework, MapFramework, translate
from ..analyze.iccma import framework_to_apx, framework_to_i23
from ..model import Map, RelationKind
from .losses import note, unkept

#: what an abstract framework keeps of a map (kinds it translates are recorded by `_losses`)
KEEPS = frozenset({"node-title", "attack", "support", "undercut", "contradiction", "relation-group"})


def _losses(map_: Map, mf: MapFramework, losses: list | None, fmt: str) -> None:
    if losses is None:
        return
    af = mf.af
    unkept(map_, losses, keeps=KEEPS)  # rephrases among them: not kept
    for question in mf.questions:
        note(losses, "question", question, f"{question} is a question: it asserts nothing, so {fmt} has no "
             "argument for it; dropped")
    skipped = set(mf.left_out)
    for relation in map_.relations.values():
        if relation.id in skipped:
            if relation.kind is not RelationKind.REPHRASE:
                why = "it undercuts a relation left out" if relation.targets_relation else "a relation of a question"
                note(losses, relation.kind.value, relation.id,
                     f"{relation.source} {relation.kind.value}s {relation.target}: {why}; dropped")
            continue
        if relation.kind is RelationKind.SUPPORT:
            note(losses, "support", relation.id,
                 f"{relation.source} supports {relation.target}: {fmt} has attacks only; dropped")
        elif relation.kind is RelationKind.UNDERCUT:
            into = (f"an attack on the inference argument {relation.target}" if relation.targets_relation
                    else f"an attack on {relation.target}")
            note(losses, "undercut", relation.id, f"undercut by {relation.source}: written as {into}")
        elif relation.kind is RelationKind.CONTRADICTION:
            note(losses, "contradiction", relation.id,
                 f"{relation.source} contradicts {relation.target}: written as two attacks, one each way")
        if relation.group is not None:
            note(losses, "relation-group", relation.id,
                 f"co-premise {relation.source} of group {relation.group}: written through an inference "
                 "argument and a 'not' argument per premise")
    nodes = set(map_.nodes)
    for name in af.names:
        if name not in nodes:
            note(losses, "argument-added", name, f"argument {name!r} is no node of the map (added by the translation)")


def _framework(map_: Map, losses: list | None, fmt: str) -> Framework:
    mf = translate(map_)
    _losses(map_, mf, losses, fmt)
    return mf.af


def map_to_af(map_: Map, losses: list | None = None) -> str:
    """The map's framework as an ICCMA 2023 `.af` file (names in `# i name` comments)."""
    return framework_to_i23(_framework(map_, losses, "af"))


def map_to_i23(map_: Map, losses: list | None = None) -> str:
    """The same text as `map_to_af` (ICCMA 2023 calls the format i23 too)."""
    return framework_to_i23(_framework(map_, losses, "i23"))


def map_to_apx(map_: Map, losses: list | None = None) -> str:
    """The map's framework as ASPARTIX facts."""
    return framework_to_apx(_framework(map_, losses, "apx"))


_PLAIN = re.compile(r"[^\s#]+")


def framework_to_tgf(af: Framework) -> str:
    """Trivial graph format: plain names (no spaces, no `#`) as ids; otherwise ids 1..N with the
    name as the TGF label (`3 [Some title]`), which ICCMA readers taking the first word ignore."""
    plain = all(_PLAIN.fullmatch(n) for n in af.names) and len(set(af.names)) == len(af.names)
    ids = list(af.names) if plain else [str(i) for i in range(1, af.size + 1)]
    lines = list(ids) if plain else [f"{i} {' '.join(n.split())}" for i, n in zip(ids, af.names)]
    lines.append("#")
    lines.extend(f"{ids[s]} {ids[t]}" for s, t in af.attacks())
    return "\n".join(lines) + "\n"


def map_to_tgf(map_: Map, losses: list | None = None) -> str:
    """The map's framework as TGF (the ICCMA 2015-2019 format)."""
    return framework_to_tgf(_framework(map_, losses, "tgf"))

"""AIF scheme nodes -> relations: RA (inference), CA (conflict), MA (rephrase), PA (preference).

* RA: each I-node premise supports each I-node conclusion; several premises are one linked
  reason (one co-premise group).
* CA: an attack; a contradiction when named "Contradiction" (both directions fold into one);
  an undercut when it points at a scheme node (RA/CA/MA: the inference it attacks) or is named
  "Undercut".
* MA: a rephrase, source = the I-node that restates (edge I -> MA), target = the one restated
  (MA -> I), the direction AIFdb and DialAM write.
* PA: a preference between two I-nodes is node metadata `preferred_over` (the labels of the
  dispreferred) on the preferred one; between two relations, relation metadata `preferred_over`
  ("source -> target" of the dispreferred); anything else is reported, not kept.

Every relation keeps its scheme name as metadata `scheme`: a catalogue scheme's AIF name as its
id ("Argument From Expert Opinion" → `expert-opinion`), any other name as written ("Default
Inference", "Expert Opinion": `argmap.schemes.aif_names`), and the illocutions anchored in it (TA -> YA -> RA: "Arguing") as
`illocution`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..export.aif import CONTRADICTION, UNDERCUT
from ..model import Relation, RelationKind
from ..schemes.aif_names import scheme_of_aif
from .aif_dialogue import one_or_list

SCHEMES = ("RA", "CA", "MA")


class Schemes:
    def __init__(self, reader: Any, skip: set[str], of_scheme: dict[str, str],
                 new_id: Callable[[], str]) -> None:
        self.r, self.skip, self.of_scheme, self.new_id = reader, skip, of_scheme, new_id
        self.relations: dict[str, Relation] = {}

    def meta(self, scheme: str) -> dict:
        name = self.r.text[scheme]
        meta: dict = {"scheme": scheme_of_aif(name) if self.r.kind[scheme] in ("RA", "CA") else name}
        said = self.r.dialogue.said.get(scheme)
        if said and said.illocutions:
            meta["illocution"] = one_or_list(said.illocutions)
        return meta

    def add(self, scheme: str, kind: RelationKind, source: str, target: str,
            group: str | None = None) -> str:
        rid = self.new_id()
        self.relations[rid] = Relation(rid, kind, source, target, group, meta=self.meta(scheme))
        self.of_scheme.setdefault(scheme, rid)
        return rid

    def targets(self, scheme: str) -> list[str]:
        """What `scheme` concludes or attacks (an edge into a PA-node is that preference's)."""
        return [t for t in self.r.out.get(scheme, []) if self.r.kind.get(t) != "PA"]

    def ends(self, scheme: str) -> tuple[list[str], list[str]] | None:
        """The I-node premises and the conclusions of `scheme`; None (reported) if it has none."""
        r = self.r
        premises = [r.ids[n] for n in r.into.get(scheme, []) if n in r.ids]
        targets = self.targets(scheme)
        if not premises or not targets:
            r.warn("aif-incomplete-scheme", f"{r.kind[scheme]}-node {scheme} ({r.text[scheme]!r}) has "
                   f"no {'premise' if not premises else 'conclusion'}; left out", r.place(scheme))
            return None
        return premises, targets

    def read(self) -> dict[str, Relation]:
        r = self.r
        conflicts: list[str] = []
        for scheme, kind in r.kind.items():
            if kind not in SCHEMES or scheme in self.skip:
                continue
            ends = self.ends(scheme)
            if ends is None:
                continue
            premises, targets = ends
            if kind == "CA":
                conflicts.append(scheme)
                continue
            relation = RelationKind.SUPPORT if kind == "RA" else RelationKind.REPHRASE
            group = f"g{scheme}" if kind == "RA" and len(premises) > 1 else None
            for target in targets:
                if target not in r.ids:
                    r.warn("aif-scheme-target", f"{kind}-node {scheme} concludes {r.kind.get(target)}-node "
                           f"{target}, not a proposition; argmap cannot hold that", r.place(scheme))
                    continue
                for premise in premises:
                    self.add(scheme, relation, premise, r.ids[target], group)
        self.conflicts(conflicts)
        return self.relations

    def conflicts(self, waiting: list[str]) -> None:
        """Conflicts with claims first, then those aimed at inferences and conflicts
        (undercuts), repeated while one still waits for the scheme it attacks."""
        folded: dict[frozenset[str], str] = {}
        while waiting:
            later = [s for s in waiting if not self.conflict(s, folded)]
            if len(later) == len(waiting):
                for scheme in later:
                    self.r.warn("aif-scheme-target", f"CA-node {scheme} attacks something that is neither "
                                "a proposition nor an inference; left out", self.r.place(scheme))
                return
            waiting = later

    def conflict(self, scheme: str, folded: dict[frozenset[str], str]) -> bool:
        r = self.r
        premises = [r.ids[n] for n in r.into.get(scheme, []) if n in r.ids]
        targets = self.targets(scheme)
        if any(t not in r.ids and t not in self.of_scheme for t in targets):
            return False
        name = r.text[scheme]
        for target in targets:
            for premise in premises:
                if target not in r.ids:
                    self.add(scheme, RelationKind.UNDERCUT, premise, self.of_scheme[target])
                elif name == CONTRADICTION:
                    pair = frozenset((premise, r.ids[target]))
                    if pair in folded:
                        self.of_scheme.setdefault(scheme, folded[pair])
                    else:
                        folded[pair] = self.add(scheme, RelationKind.CONTRADICTION, premise, r.ids[target])
                elif name == UNDERCUT:
                    self.add(scheme, RelationKind.UNDERCUT, premise, r.ids[target])
                else:
                    self.add(scheme, RelationKind.ATTACK, premise, r.ids[target])
        return True


def read_preferences(reader: Any, node_meta: dict[str, dict], relations: dict[str, Relation],
                     of_scheme: dict[str, str]) -> None:
    """PA-nodes into `preferred_over` metadata (`node_meta`: node id -> its metadata dict)."""
    r = reader
    for pa, kind in r.kind.items():
        if kind != "PA":
            continue
        better, worse = r.into.get(pa, []), r.out.get(pa, [])
        if better and worse and all(n in r.ids for n in better + worse):
            labels = [r.label(r.ids[n]) for n in worse]
            for n in better:
                meta = node_meta[r.ids[n]]
                meta["preferred_over"] = list(meta.get("preferred_over", [])) + labels
        elif better and worse and all(n in of_scheme for n in better + worse):
            labels = []
            for n in worse:
                rel = relations[of_scheme[n]]
                labels.append(f"{r.label(rel.source)} -> {r.label(rel.target)}")
            for n in better:
                rel = relations[of_scheme[n]]
                meta = dict(rel.meta)
                meta["preferred_over"] = list(meta.get("preferred_over", [])) + labels
                relations[rel.id] = Relation(rel.id, rel.kind, rel.source, rel.target, rel.group,
                                             rel.weight, meta)
        else:
            r.warn("aif-preference-not-kept", f"PA-node {pa} ({r.text[pa]!r}) prefers something argmap "
                   "has no place for (not two propositions, not two inferences); left out", r.place(pa))

"""An outline for a map that has only a graph (an import): which node is written under which.

Every support, attack and contradiction is written under its target; an undercut of a
relation under the line that wrote that relation; an undercut of a node as `_>` under the
undercutter; co-premises (one `group`) as `&` lines right after their first premise. Nodes that
support or attack nothing are the roots; a node met again is written as a reference.

Only a titled node can be referred to: an untitled node that would be written in more than one
place (the premise of two relations, a co-premise, a node of another section), and an untitled
argument (.argmap writes an argument only as `<Title>`), first gets a title made from its text
and is renamed everywhere (titles.py), so the graph comes back the same up to that renaming.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ...model import (
    ActorEntry,
    InferenceEntry,
    Map,
    NodeEntry,
    NodeKind,
    RelationKind,
    SectionEntry,
    SourceEntry,
    Trivia,
)
from ..vocabulary import CO_PREMISE, INWARD_MARKER, OUTWARD_MARKER
from .titles import with_titles


def with_document(m: Map) -> Map:
    """`m` with a synthesized `document`; its graph view unchanged, except that untitled
    nodes the outline must refer to (or that only a title can write) get titles (titles.py)."""
    laid = _laid_out(m)
    untitled = {n.id for n in m.nodes.values() if n.title is None}
    if not untitled:
        return laid
    needed = {e.node for e in laid.walk() if e.is_reference and e.node in untitled}
    # an argument, and a claim without text, have no untitled form in the language
    needed |= {n for n in untitled if m.nodes[n].kind is NodeKind.ARGUMENT
               or m.nodes[n].kind is NodeKind.CLAIM and not m.nodes[n].text.strip()}
    if not needed:
        return laid
    # renaming keeps every order the layout follows, so the outline is the same one
    return _laid_out(with_titles(m, needed))


def _laid_out(m: Map) -> Map:
    under_node: dict[str, list] = defaultdict(list)  # target node -> relations written under it
    under_relation: dict[str, list] = defaultdict(list)  # relation -> undercuts of it
    outgoing_undercuts: dict[str, list] = defaultdict(list)
    written_under = set()
    placed_under: dict[str, str] = {}  # a node -> the first node it is written under
    for r in m.relations.values():
        if r.kind is RelationKind.UNDERCUT:
            if r.targets_relation:
                under_relation[r.target].append(r)
                written_under.add(r.source)
                undercut = m.relations.get(r.target)
                if undercut is not None:  # written under the line of that relation
                    placed_under.setdefault(r.source, undercut.target)
            else:
                outgoing_undercuts[r.source].append(r)
        else:
            under_node[r.target].append(r)
            written_under.add(r.source)
            placed_under.setdefault(r.source, r.target)
    # a reconstruction: its statements written under the argument, the undercuts of each
    # inference under the statement it concludes
    inference_undercuts: dict[tuple[str, int], list[str]] = defaultdict(list)
    for argument, reconstruction in m.reconstructions.items():
        for number, statement in enumerate(reconstruction.statements, start=1):
            written_under.add(statement)
            placed_under.setdefault(statement, argument)
        for inference in reconstruction.inferences:
            for rid in inference.undercuts:
                undercut = m.relations.get(rid)
                if undercut is not None:
                    inference_undercuts[argument, inference.conclusion].append(rid)
                    outgoing_undercuts[undercut.source].remove(undercut)
                    written_under.add(undercut.source)
    defined: set[str] = set()

    def statements(argument: str) -> list[tuple[str, str, None]]:
        reconstruction = m.reconstructions.get(argument)
        return [] if reconstruction is None else [
            (statement, f"({number})", None) for number, statement in enumerate(reconstruction.statements, start=1)]

    def inference_above(argument: str, marker: str | None) -> InferenceEntry | None:
        if marker is None or marker[:1] != "(":
            return None
        number = int(marker[1:-1])
        for index, inference in enumerate(m.reconstructions[argument].inferences):
            if inference.conclusion == number:
                return InferenceEntry(argument, index)
        return None

    def build(node_id: str, marker: str | None, relation: str | None) -> NodeEntry:
        # iterative post-order build, so deep graphs cannot exhaust the stack
        section = m.nodes[node_id].section
        root = [node_id, marker, relation, None, [], None]
        stack = [root]
        while stack:
            frame = stack[-1]
            if frame[3] is None:
                nid = frame[0]
                # a node of another section is defined under its own heading, referenced here
                is_ref = nid in defined or m.nodes[nid].section != section
                if not is_ref:
                    defined.add(nid)
                kids = []
                if frame[1] is not None and frame[1][:1] == "(":  # a statement of the argument above
                    argument = stack[-2][0]
                    frame[5] = inference_above(argument, frame[1])
                    kids += [(m.relations[u].source, INWARD_MARKER[RelationKind.UNDERCUT], u)
                             for u in inference_undercuts.get((argument, int(frame[1][1:-1])), ())]
                if frame[2] is not None:
                    kids += [(u.source, INWARD_MARKER[RelationKind.UNDERCUT], u.id) for u in under_relation.get(frame[2], ())]
                if not is_ref:
                    kids += statements(nid)
                    seen_groups: set[str] = set()
                    for r in under_node.get(nid, ()):
                        mk = INWARD_MARKER[r.kind]
                        if r.group is not None:
                            if r.group in seen_groups:
                                continue
                            seen_groups.add(r.group)
                            group = [g for g in under_node[nid] if g.group == r.group]
                            kids.append((group[0].source, mk, group[0].id))
                            kids += [(g.source, CO_PREMISE, g.id) for g in group[1:]]
                        else:
                            kids.append((r.source, mk, r.id))
                    kids += [(u.target, OUTWARD_MARKER[RelationKind.UNDERCUT], u.id) for u in outgoing_undercuts.get(nid, ())]
                frame[3] = (is_ref, iter(kids))
            is_ref, kids = frame[3]
            nxt = next(kids, None)
            if nxt is not None:
                stack.append([nxt[0], nxt[1], nxt[2], None, [], None])
                continue
            stack.pop()
            entry = NodeEntry(frame[0], is_ref, frame[1], frame[2], tuple(frame[4]), Trivia(), inference=frame[5])
            if stack:
                stack[-1][4].append(entry)
            else:
                return entry
        raise AssertionError("unreachable")

    document: list = [ActorEntry(a) for a in m.actors] + [SourceEntry(s) for s in m.sources]
    by_section: dict[str | None, list[str]] = defaultdict(list)
    for node in m.nodes.values():
        by_section[node.section].append(node.id)
    for section in [None, *m.sections]:
        if section is not None:
            document.append(SectionEntry(section, Trivia(blank_before=True)))
        members = by_section.get(section, [])
        # roots first; then what is only reached from elsewhere, or only through cycles
        for node_id in [n for n in members if n not in written_under] + members:
            if node_id not in defined:
                start = _top_of(node_id, placed_under, defined, m)
                document.append(replace(build(start, None, None), trivia=Trivia(blank_before=True)))
    return replace(m, document=tuple(document))


def _top_of(node_id: str, placed_under: dict[str, str], defined: set[str], m: Map) -> str:
    """Walk up from a node to where writing should start, so it is defined where it belongs
    (under its conclusion) rather than at the top level; stops at a cycle or another section."""
    seen = {node_id}
    current = node_id
    while True:
        parent = placed_under.get(current)
        if parent is None or parent in seen or parent in defined or m.nodes[parent].section != m.nodes[node_id].section:
            return current
        seen.add(parent)
        current = parent

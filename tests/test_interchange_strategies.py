"""Hypothesis strategies for whole maps, shared by the interchange round-trip tests.

The maps are valid graph views: ids follow the model's rules, relations join existing nodes,
undercuts target existing relations or arguments, co-premise groups share a target.
"""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import (
    Actor,
    Map,
    Node,
    NodeKind,
    Relation,
    RelationKind,
    Section,
    Source,
)

# text with the characters that mean something in .argmap, Argdown, Mermaid, JSON or HTML
_SPECIAL = "[]<>{}#@^*_/\\\"'&|`+-()=:;,.!?%~$"
WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÄéß你" + _SPECIAL + "0123456789"),
    min_size=1,
    max_size=8,
)
LINE = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n".join)
# a title starts with a letter or digit (Argdown reads `<-x>` as a relation marker)
TITLE = st.from_regex(r"[a-z\u00c4\u00e90-9][a-z\u00c4\u00e90-9'?!.,-]{0,7}"
                      r"( [a-z\u00c4\u00e90-9][a-z\u00c4\u00e90-9'?!.,-]{0,7}){0,2}", fullmatch=True)
IDENT = st.from_regex(r"[a-z][a-z0-9_-]{0,6}", fullmatch=True)
META_VALUE = st.one_of(
    st.integers(-1000, 1000),
    st.floats(0, 1, allow_nan=False).map(lambda x: round(x, 3)),
    st.booleans(),
    LINE,
    st.lists(st.one_of(st.integers(0, 9), WORD), max_size=3),
)
META = st.dictionaries(st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True), META_VALUE,
                       max_size=2)


@st.composite
def maps(draw: st.DrawFn, *, with_meta: bool = True) -> Map:
    """A random, well-formed map (graph view only; document empty)."""
    actor_ids = draw(st.lists(IDENT, max_size=3, unique=True))
    actors = {
        a: Actor(a, draw(LINE.filter(lambda s: "\n" not in s)), draw(META) if with_meta else {})
        for a in actor_ids
    }
    source_ids = draw(st.lists(IDENT, max_size=2, unique=True))
    sources = {s: Source(s, draw(LINE), draw(META) if with_meta else {}) for s in source_ids}
    section_count = draw(st.integers(0, 3))
    sections: dict[str, Section] = {}
    for i in range(1, section_count + 1):
        parent = f"s{i - 1}" if i > 1 and draw(st.booleans()) else None
        level = sections[parent].level + 1 if parent else 1
        sections[f"s{i}"] = Section(f"s{i}", draw(TITLE), level, parent)
    nodes: dict[str, Node] = {}
    untitled = 0
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(list(NodeKind)))
        title = draw(st.one_of(st.none(), TITLE))
        if title is None:
            untitled += 1
            node_id = f"_{untitled}"
        else:
            node_id = f"<{title}>" if kind is NodeKind.ARGUMENT else f"[{title}]"
            if node_id in nodes:
                continue
        nodes[node_id] = Node(
            id=node_id,
            kind=kind,
            title=title,
            text=draw(TEXT),
            actors=tuple(draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=2)))
            if actor_ids else (),
            tags=tuple(draw(st.lists(st.from_regex(r"[a-z][a-z-]{0,5}( [a-z]{1,4})?",
                                                    fullmatch=True), unique=True, max_size=2))),
            sources=tuple(draw(st.lists(st.sampled_from(source_ids), unique=True, max_size=1)))
            if source_ids else (),
            meta=draw(META) if with_meta else {},
            section=draw(st.sampled_from([None, *sections])),
        )
    ids = list(nodes)
    titled = [n for n in ids if nodes[n].title is not None]
    placed: set[str] = set()  # untitled sources already written under a parent
    relations: dict[str, Relation] = {}
    for _ in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(list(RelationKind)))
        source = draw(st.sampled_from(ids))
        # what any outline (.argmap or Argdown) can write: an untitled node sits under one
        # parent; its other relations are arrows, which need a titled target
        node_targets = titled if nodes[source].title is None else ids
        if kind is RelationKind.UNDERCUT:
            # an argument's own inference is undercut by reference (`_> <Title>`): titled only
            targets = [n for n in titled if nodes[n].kind is NodeKind.ARGUMENT]
            if nodes[source].title is not None:
                targets += [r for r in relations if relations[r].kind is not RelationKind.UNDERCUT]
            elif source not in placed:  # written under the undercut relation's line
                targets += [r for r, rel in relations.items() if rel.kind is not RelationKind.UNDERCUT
                            and rel.source in titled and rel.target in titled]
        else:
            targets = list(node_targets)
        targets = [t for t in targets if t != source]
        if not targets:
            continue
        target = draw(st.sampled_from(targets))
        ends = {(source, target), (target, source)} if kind is RelationKind.CONTRADICTION else {
            (source, target)}
        if any(r.kind is kind and (r.source, r.target) in ends for r in relations.values()):
            continue  # the same relation twice is one relation
        if nodes[source].title is None:
            placed.add(source)
        rid = f"r{len(relations) + 1}"
        weight = draw(st.one_of(st.none(), st.floats(0, 1).map(lambda x: round(x, 2))))
        group = draw(st.sampled_from([None, "g1"])) if kind is RelationKind.SUPPORT else None
        relations[rid] = Relation(rid, kind, source, target, group, weight if with_meta else None,
                                  draw(META) if with_meta else {})
    metadata = {"title": draw(LINE)} if draw(st.booleans()) else {}
    if with_meta:
        metadata.update(draw(META))
    return Map(metadata=metadata, actors=actors, sources=sources, sections=sections,
               nodes=nodes, relations=relations)


def node_key(m: Map, node_id: str) -> str:
    """A node's identity across formats that renumber untitled nodes: its id, else its text."""
    node = m.nodes.get(node_id)
    return node_id if node is None or node.title is not None else f"_:{node.text}"


def shape(m: Map, *, linked: bool = False) -> tuple[list, list]:
    """Nodes (key, kind, title) and relations (kind, source, target) with untitled keyed by text.

    `linked`: an undercut of one co-premise is an undercut of the whole linked reason (as in
    AIF, where the reason is one RA-node), so name it by the reason's first relation.
    """
    first_of_group: dict[tuple[str, str], Relation] = {}
    for r in m.relations.values():
        if r.group is not None:
            first_of_group.setdefault((r.group, r.target), r)

    nodes = sorted((node_key(m, n.id), n.kind.value, n.title or "") for n in m.nodes.values())

    def end(ident: str) -> str:
        if ident in m.relations:
            r = m.relations[ident]
            if linked and r.group is not None:
                r = first_of_group[(r.group, r.target)]
            return "({} {} -> {})".format(r.kind.value, *ends(r))
        return node_key(m, ident)

    def ends(r: Relation) -> tuple[str, str]:
        pair = (node_key(m, r.source), end(r.target))
        # a contradiction is an attack both ways: which end is written first says nothing
        return tuple(sorted(pair)) if r.kind is RelationKind.CONTRADICTION else pair

    relations = sorted((r.kind.value, *ends(r)) for r in m.relations.values())
    return nodes, relations

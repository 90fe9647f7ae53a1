"""Hypothesis strategies for argmap models and texts (shared by the property tests).

`maps()` draws a graph-view `Map` (document left empty, as an import would give): nodes of
every kind with texts and titles full of characters that need escaping, unicode, every
relation kind including undercuts of relations and of arguments, co-premise groups, cycles,
sections, actors, sources and metadata of every value type.
"""

from __future__ import annotations

import string
from dataclasses import replace

from hypothesis import strategies as st

from argmap.model import Actor, Map, Node, NodeKind, Relation, RelationKind, Section, Source

# characters that mean something in the format, plus letters, digits and some unicode
_SPECIAL = "@#^{}[]<>\\/\"&+-_:,()*!?.'`~|=;%$"
_ALPHABET = string.ascii_letters + string.digits + _SPECIAL + "éßЖ中😀 "

words = st.text(alphabet=_ALPHABET, min_size=1, max_size=30).map(lambda s: " ".join(s.split())).filter(bool)
texts = st.lists(words, min_size=1, max_size=3).map("\n".join)
titles = st.text(alphabet=_ALPHABET.replace("\n", ""), min_size=1, max_size=20).map(
    lambda s: " ".join(s.split())
).filter(bool)
idents = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
keys = st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True)
scalars = st.one_of(
    st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(float),
    st.booleans(),
    st.text(alphabet=_ALPHABET, max_size=15).filter(lambda s: "\n" not in s),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3))
metas = st.dictionaries(keys, values, max_size=3)
tags = st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), titles)


@st.composite
def maps(draw, max_nodes: int = 10) -> Map:  # noqa: ANN001
    actor_ids = draw(st.lists(idents, unique=True, max_size=3))
    source_ids = draw(st.lists(idents, unique=True, max_size=3))
    actors = {a: Actor(a, draw(words), draw(metas)) for a in actor_ids}
    sources = {s: Source(s, draw(words), draw(metas)) for s in source_ids}
    sections: dict[str, Section] = {}
    open_sections: list[Section] = []  # headings nest by level, as in a document
    for i in range(1, draw(st.integers(0, 3)) + 1):
        level = draw(st.integers(1, (open_sections[-1].level if open_sections else 0) + 1))
        while open_sections and open_sections[-1].level >= level:
            open_sections.pop()
        parent = open_sections[-1].id if open_sections else None
        section = Section(f"s{i}", draw(words), level, parent)
        sections[section.id] = section
        open_sections.append(section)

    nodes: dict[str, Node] = {}
    untitled = 0
    for _ in range(draw(st.integers(1, max_nodes))):
        kind = draw(st.sampled_from(list(NodeKind)))
        title = draw(titles) if kind is NodeKind.ARGUMENT else draw(st.none() | titles)
        if title is None:
            untitled += 1
            node_id = f"_{untitled}"
        else:
            node_id = f"<{title}>" if kind is NodeKind.ARGUMENT else f"[{title}]"
            if node_id in nodes:
                continue
        text = draw(texts) if title is None else draw(st.just("") | texts)
        nodes[node_id] = Node(
            node_id, kind, title, text,
            actors=tuple(draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=2))) if actor_ids else (),
            tags=tuple(draw(st.lists(tags, unique=True, max_size=2))),
            sources=tuple(draw(st.lists(st.sampled_from(source_ids), unique=True, max_size=2))) if source_ids else (),
            meta=draw(metas),
            section=draw(st.sampled_from([None] + list(sections))),
        )
    ids = list(nodes)
    relations: dict[str, Relation] = {}
    groups = 0
    # An untitled node cannot be referenced, so it must stand at one place only: either a leaf
    # (the source of one relation, whose target has a title and lies in the same section, and
    # the target of none) or a root (the source of none).
    role: dict[str, str] = {}
    titled = [i for i in ids if not i.startswith("_")]
    for _ in range(draw(st.integers(0, 2 * len(ids)))):
        kind = draw(st.sampled_from(list(RelationKind)))
        source = draw(st.sampled_from(ids))
        if source.startswith("_"):
            if source in role or not titled:
                continue
            role[source] = "leaf"
        relation_meta = draw(metas | st.builds(lambda w: {"weight": w}, st.sampled_from([0.0, 0.25, 1.0])))
        weight = relation_meta.get("weight")
        weight = float(weight) if isinstance(weight, (int, float)) and not isinstance(weight, bool) else None
        rid = f"r{len(relations) + 1}"
        if kind is RelationKind.UNDERCUT:
            targets = [r for r in relations.values() if r.kind is not RelationKind.UNDERCUT]
            target = draw(st.sampled_from([r.id for r in targets] + [i for i in ids if i.startswith("<")] or ids))
            if target.startswith("[") or target.startswith("_"):
                continue  # an undercut needs an inference: a relation or an argument
            if source.startswith("_") and target.startswith("r"):  # written under that relation
                nodes[source] = replace(nodes[source], section=nodes[relations[target].target].section)
            relations[rid] = Relation(rid, kind, source, target, None, weight, relation_meta)
            continue
        target = draw(st.sampled_from(titled if source.startswith("_") else ids))
        if target.startswith("_"):
            if role.setdefault(target, "root") != "root":
                continue
        if source.startswith("_"):
            nodes[source] = replace(nodes[source], section=nodes[target].section)
        group = None
        if kind in (RelationKind.SUPPORT, RelationKind.ATTACK) and draw(st.booleans()):
            # a co-premise: join an earlier premise of the same kind and target
            partners = [r for r in relations.values() if r.kind is kind and r.target == target]
            if partners:
                partner = partners[-1]
                if partner.group is None:
                    groups += 1
                    partner_group = f"g{groups}"
                    relations[partner.id] = Relation(partner.id, partner.kind, partner.source, partner.target,
                                                     partner_group, partner.weight, partner.meta)
                else:
                    partner_group = partner.group
                group = partner_group
        relations[rid] = Relation(rid, kind, source, target, group, weight, relation_meta)
    metadata = draw(metas)
    return Map(metadata=metadata, actors=actors, sources=sources, sections=sections, nodes=nodes,
               relations=relations)

"""Hypothesis strategies for argmap models and texts (shared by the property tests).

`maps()` draws a graph-view `Map` (document left empty, as an import would give): nodes of
every kind with texts and titles full of characters that need escaping, unicode, every
relation kind including undercuts of relations and of arguments, co-premise groups, cycles,
sections, actors, sources and metadata of every value type.

`outline_maps()` draws maps that any outline (.argmap or Argdown) can write, for the interchange
round trips: ids follow the model's rules, relations join existing nodes, undercuts target
existing relations or arguments, co-premise groups share a target, an untitled node has one
parent. `node_key` and `shape` compare maps across formats that renumber untitled nodes.

`graph_maps()` draws graph-only maps (an AIF or Argdown import) in which an untitled node is
used in several places: the premise of several relations, a co-premise (relations sharing a
`group`), the target of relations, the source or target of undercuts of relations. `same_graph`
compares two maps up to the renaming of untitled nodes into titled ones.

`reconstructed_maps()` draws outline maps with premise-conclusion structures.

`frameworks()` draws abstract argumentation frameworks (Dung).
"""

from __future__ import annotations

import string
from dataclasses import replace

from hypothesis import strategies as st

from argmap.analyze.framework import Framework
from argmap.model import (
    Actor,
    Inference,
    Map,
    Node,
    NodeKind,
    Reconstruction,
    Relation,
    RelationKind,
    Section,
    Source,
)

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
#: relations that draw no inference, so an undercut cannot target them (docs/format.md)
_NOT_INFERENCES = (RelationKind.UNDERCUT, RelationKind.REPHRASE)
tags = st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), titles)


def _related(relations: dict[str, Relation], kind: RelationKind, source: str, target: str) -> bool:
    """Whether `source` already relates to `target` so (a contradiction: either way round)."""
    ends = {(source, target), (target, source)} if kind is RelationKind.CONTRADICTION else {(source, target)}
    return any(r.kind is kind and (r.source, r.target) in ends for r in relations.values())


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
            # an inference, to undercut: no undercut, and no rephrase (it infers nothing)
            targets = [r for r in relations.values() if r.kind not in _NOT_INFERENCES]
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
    reconstructions = draw(_reconstructions(nodes, relations, untitled))
    metadata = draw(metas)
    return Map(metadata=metadata, actors=actors, sources=sources, sections=sections, nodes=nodes,
               relations=relations, reconstructions=reconstructions)


rules = st.one_of(st.just(""), words)


@st.composite
def _reconstructions(draw, nodes: dict[str, Node], relations: dict[str, Relation],  # noqa: ANN001
                     untitled: int) -> dict[str, Reconstruction]:
    """Premise-conclusion structures for some arguments of `nodes`: fresh statement nodes
    (added to `nodes`, in the argument's section) and titled claims of the map, inferences with
    rules, `uses` written or not, schemes, and undercuts (added to `relations`)."""
    result: dict[str, Reconstruction] = {}
    claims = [i for i, n in nodes.items() if i.startswith("[") and n.kind is NodeKind.CLAIM]
    for argument in [i for i in nodes if i.startswith("<")]:
        if not draw(st.booleans()):
            continue
        section = nodes[argument].section
        statements: list[str] = []
        for _ in range(draw(st.integers(2, 5))):
            if claims and draw(st.booleans()):
                statements.append(draw(st.sampled_from(claims)))
            else:
                untitled += 1
                statements.append(f"_{untitled}")
                nodes[statements[-1]] = Node(statements[-1], NodeKind.CLAIM, None, draw(texts), section=section)
        # each conclusion after at least one statement; the last statement concludes
        cuts = sorted(draw(st.sets(st.integers(2, len(statements) - 1), max_size=2))) if len(statements) > 2 else []
        inferences = []
        previous = 0
        for conclusion in [*cuts, len(statements)]:
            default = tuple(range(max(previous, 1), conclusion))
            meta: dict = draw(st.just({}) | st.builds(lambda s: {"scheme": s}, idents))
            uses = default
            if draw(st.booleans()):
                uses = tuple(draw(st.lists(st.integers(1, conclusion - 1), min_size=1, max_size=3, unique=True)))
                meta["uses"] = list(uses)
            undercuts: tuple[str, ...] = ()
            if draw(st.booleans()):
                untitled += 1
                undercutter = f"_{untitled}"
                nodes[undercutter] = Node(undercutter, NodeKind.CLAIM, None, draw(texts), section=section)
                rid = f"r{len(relations) + 1}"
                relations[rid] = Relation(rid, RelationKind.UNDERCUT, undercutter, argument)
                undercuts = (rid,)
            inferences.append(Inference(draw(rules), uses, conclusion, meta, undercuts))
            previous = conclusion
        result[argument] = Reconstruction(argument, tuple(statements), tuple(inferences))
    return result


# --- interchange: maps every outline format can write ----------------------------------------

# text with the characters that mean something in .argmap, Argdown, Mermaid, JSON or HTML
_OUTLINE_SPECIAL = "[]<>{}#@^*_/\\\"'&|`+-()=:;,.!?%~$"
WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÄéß你" + _OUTLINE_SPECIAL + "0123456789"),
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
def outline_maps(draw: st.DrawFn, *, with_meta: bool = True) -> Map:
    """A random, well-formed map that any outline (.argmap or Argdown) can write (graph view only)."""
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
                targets += [r for r in relations if relations[r].kind not in _NOT_INFERENCES]
            elif source not in placed:  # written under the undercut relation's line
                targets += [r for r, rel in relations.items() if rel.kind not in _NOT_INFERENCES
                            and rel.source in titled and rel.target in titled]
        else:
            targets = list(node_targets)
        targets = [t for t in targets if t != source]
        if not targets:
            continue
        target = draw(st.sampled_from(targets))
        if _related(relations, kind, source, target):
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


@st.composite
def reconstructed_maps(draw: st.DrawFn) -> Map:
    """An `outline_maps()` map (no metadata) in which some arguments have premise-conclusion
    structures (as `maps()` draws them), for the interchange of reconstructions."""
    m = draw(outline_maps(with_meta=False))
    nodes, relations = dict(m.nodes), dict(m.relations)
    if not any(n.startswith("<") for n in nodes):
        title = draw(TITLE)
        nodes[f"<{title}>"] = Node(f"<{title}>", NodeKind.ARGUMENT, title, draw(TEXT))
    untitled = sum(1 for n in nodes if n.startswith("_"))
    reconstructions = draw(_reconstructions(nodes, relations, untitled))
    return replace(m, nodes=nodes, relations=relations, reconstructions=reconstructions)


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


# --- graph-only maps whose untitled nodes are used more than once -------------------------


@st.composite
def graph_maps(draw: st.DrawFn, max_nodes: int = 7) -> Map:
    """A graph-only map (no document) whose untitled nodes have several parents, co-premises
    and undercuts of relations: what an import gives, which no outline can write without
    referring to an untitled node more than once."""
    actor_ids = draw(st.lists(IDENT, max_size=2, unique=True))
    actors = {a: Actor(a, draw(LINE.filter(lambda s: "\n" not in s))) for a in actor_ids}
    sections = {f"s{i}": Section(f"s{i}", draw(TITLE), 1) for i in range(1, draw(st.integers(0, 2)) + 1)}
    nodes: dict[str, Node] = {}
    untitled_texts: set[str] = set()
    for _ in range(draw(st.integers(2, max_nodes))):
        kind = draw(st.sampled_from(list(NodeKind)))
        title = draw(st.one_of(st.none(), st.none(), TITLE))
        text = draw(TEXT)
        if title is None:
            if text in untitled_texts:  # untitled nodes are told apart by their text
                continue
            untitled_texts.add(text)
            node_id = f"_{sum(1 for n in nodes if n.startswith('_')) + 1}"
        else:
            node_id = f"<{title}>" if kind is NodeKind.ARGUMENT else f"[{title}]"
            if node_id in nodes:
                continue
        nodes[node_id] = Node(
            node_id, kind, title, text,
            actors=tuple(draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=1)))
            if actor_ids else (),
            tags=tuple(draw(st.lists(st.from_regex(r"[a-z][a-z-]{0,5}", fullmatch=True), unique=True,
                                     max_size=1))),
            meta=draw(st.one_of(st.just({}), META)),
            section=draw(st.sampled_from([None, *sections])),
        )
    ids = list(nodes)
    relations: dict[str, Relation] = {}
    groups = 0
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(list(RelationKind)))
        source = draw(st.sampled_from(ids))
        if kind is RelationKind.UNDERCUT:
            targets = [r for r, rel in relations.items() if rel.kind not in _NOT_INFERENCES]
            targets += [n for n in ids if nodes[n].kind is NodeKind.ARGUMENT]
        else:
            targets = list(ids)
        targets = [t for t in targets if t != source]
        if not targets:
            continue
        target = draw(st.sampled_from(targets))
        if _related(relations, kind, source, target):
            continue  # the same relation twice is one relation
        if kind is RelationKind.CONTRADICTION and any(
                r.kind is RelationKind.CONTRADICTION and {r.source, r.target} == {source, target}
                for r in relations.values()):
            continue
        group = None
        partners = [r for r in relations.values() if r.kind is kind and r.target == target
                    and kind in (RelationKind.SUPPORT, RelationKind.ATTACK)]
        if partners and draw(st.booleans()):  # a co-premise of an earlier premise
            partner = partners[-1]
            if partner.group is None:
                groups += 1
                relations[partner.id] = replace(partner, group=f"g{groups}")
                partner = relations[partner.id]
            group = partner.group
        weight = draw(st.one_of(st.none(), st.sampled_from([0.25, 0.5, 1.0])))
        rid = f"r{len(relations) + 1}"
        relations[rid] = Relation(rid, kind, source, target, group, weight,
                                  {"weight": weight} if weight is not None else {})
    return Map(actors=actors, sections=sections, nodes=nodes, relations=relations)


def _signature(node: Node) -> tuple:
    return (node.kind.value, node.text, node.actors, node.tags, node.sources,
            tuple(sorted((k, repr(v)) for k, v in node.meta.items())))


def graph_view(m: Map, titled: set[str], *, groups: bool = True, weights: bool = True) -> tuple[list, list]:
    """Nodes as (key, kind, text, actors, tags, sources, meta) and relations as (kind, source
    key, target key, co-premises, weight), sorted. A node's key is its id when that id is in
    `titled` (the titled ids of the map compared against), else its signature: so an untitled
    node that a writer gave a title compares equal to the untitled original. A relation's
    target key is the key of the relation it undercuts, when it undercuts one; its co-premises
    are the keys of the sources of its group (same group, same target)."""

    def key(node_id: str) -> object:
        node = m.nodes.get(node_id)
        if node is None or node_id in titled:
            return node_id
        return ("untitled", *_signature(node))

    def core(r: Relation, depth: int = 0) -> tuple:
        source = key(r.source)
        if r.target in m.relations and depth < 5:
            target: object = ("relation", core(m.relations[r.target], depth + 1))
        else:
            target = key(r.target)
        if r.kind is RelationKind.CONTRADICTION:
            source, target = sorted((source, target), key=repr)
        return (r.kind.value, source, target)

    nodes = sorted((repr(key(n.id)), *map(repr, _signature(n))) for n in m.nodes.values())
    relations = []
    for r in m.relations.values():
        partners = None
        if groups and r.group is not None:
            partners = tuple(sorted(repr(key(g.source)) for g in m.relations.values()
                                    if g.group == r.group and g.target == r.target))
        relations.append(repr((*core(r), partners, r.weight if weights else None)))
    return nodes, sorted(relations)


def same_graph(original: Map, back: Map, *, groups: bool = True, weights: bool = True) -> bool:
    """True if `back` has `original`'s graph up to renaming untitled nodes to titled ones
    (titled nodes keep their ids; co-premise groups and weights compared unless switched off)."""
    titled = {n.id for n in original.nodes.values() if n.title is not None}
    renamed = [n for n in back.nodes.values() if n.title is not None and n.id not in titled]
    untitled_before = sum(1 for n in original.nodes.values() if n.title is None)
    untitled_after = sum(1 for n in back.nodes.values() if n.title is None)
    return (untitled_before == untitled_after + len(renamed)
            and graph_view(original, titled, groups=groups, weights=weights)
            == graph_view(back, titled, groups=groups, weights=weights))


# --- abstract argumentation frameworks -------------------------------------------------------


@st.composite
def frameworks(draw: st.DrawFn, max_size: int = 8, min_size: int = 0) -> Framework:
    """A framework of min_size..max_size arguments named "0", "1", ... with any attacks (self-attacks too)."""
    n = draw(st.integers(min_size, max_size))
    pairs = [(a, b) for a in range(n) for b in range(n)]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=3 * n, unique=True)) if n else []
    return Framework([str(i) for i in range(n)], attacks)


def without_questions_and_rephrases(m: Map) -> Map:
    """`m` as Argdown holds it: no rephrases (left out, reported as `rephrase`), questions as
    claims (written as statements, reported as `node-kind`)."""
    nodes = {k: replace(n, kind=NodeKind.CLAIM) if n.kind is NodeKind.QUESTION else n for k, n in m.nodes.items()}
    return replace(m, nodes=nodes, relations={k: r for k, r in m.relations.items()
                                              if r.kind is not RelationKind.REPHRASE})

"""Laws of the DOT for any model: one DOT node per drawn model node, one edge path per relation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.model import Actor, Map, Node, NodeKind, Relation, RelationKind, Section
from argmap.errors import UsageError
from argmap.render import RenderOptions, build_dot
from tests.test_render_helpers import edges, node_ids, segments_of

TAGS = ("a", "b")


@st.composite
def models(draw: st.DrawFn) -> Map:
    """Maps with every node kind, sections, actors, linked reasons and undercuts of both kinds."""
    count = draw(st.integers(1, 8))
    kinds = draw(st.lists(st.sampled_from(list(NodeKind)), min_size=count, max_size=count))
    sections = {"s1": Section("s1", "One", 1), "s2": Section("s2", "Two", 2, parent="s1")}
    actors = {"x": Actor("x", "X", {"side": "P"}), "y": Actor("y", "Y")}
    nodes: dict[str, Node] = {}
    for i, kind in enumerate(kinds):
        titled = draw(st.booleans())
        node_id = (f"<N{i}>" if kind is NodeKind.ARGUMENT else f"[N{i}]") if titled else f"_{i}"
        nodes[node_id] = Node(
            node_id, kind, f"N{i}" if titled else None, f"text {i}",
            actors=tuple(draw(st.lists(st.sampled_from(sorted(actors)), max_size=2, unique=True))),
            tags=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True))),
            section=draw(st.sampled_from([None, "s1", "s2"])),
        )
    ids = list(nodes)
    relations: dict[str, Relation] = {}
    for _ in range(draw(st.integers(0, 10))):
        rid = f"r{len(relations) + 1}"
        source = draw(st.sampled_from(ids))
        kind = draw(st.sampled_from(list(RelationKind)))
        earlier = list(relations.values())
        if kind is RelationKind.UNDERCUT and earlier and draw(st.booleans()):
            target = draw(st.sampled_from(earlier)).id
            relations[rid] = Relation(rid, kind, source, target)
            continue
        target = draw(st.sampled_from(ids))
        if kind in (RelationKind.SUPPORT, RelationKind.ATTACK) and draw(st.booleans()):
            group = f"{rid}g"
            relations[rid] = Relation(rid, kind, source, target, group=group)
            for _ in range(draw(st.integers(1, 2))):
                co = f"r{len(relations) + 1}"
                relations[co] = Relation(co, kind, draw(st.sampled_from(ids)), target, group=group)
            continue
        relations[rid] = Relation(rid, kind, source, target)
    return Map(actors=actors, sections=sections, nodes=nodes, relations=relations)


def options() -> st.SearchStrategy[RenderOptions]:
    return st.builds(
        RenderOptions,
        group_by=st.sampled_from(["section", "actor", "none"]),
        actors=st.sampled_from([(), ("x",), ("y",)]),
        tags=st.sampled_from([(), ("a",)]),
    )


def dot_or_tag_error(map_: Map, opts: RenderOptions) -> str | None:
    """The DOT, or None when a --tag is carried by no node (that is an error, said plainly)."""
    if set(opts.tags) - {tag for node in map_.nodes.values() for tag in node.tags}:
        with pytest.raises(UsageError, match="no node carries the tag"):
            build_dot(map_, opts)
        return None
    return build_dot(map_, opts)


def expected_nodes(map_: Map, opts: RenderOptions) -> list[str]:
    """The drawn nodes, computed directly from the filter definitions."""
    keep = [n for n in map_.nodes.values()
            if (not opts.actors or set(opts.actors) & set(n.actors))
            and (not opts.tags or set(opts.tags) & set(n.tags))]
    return [n.id for n in keep]


def is_drawn(map_: Map, relation: Relation, drawn: set[str]) -> bool:
    target = map_.relations.get(relation.target)
    target_drawn = is_drawn(map_, target, drawn) if target else relation.target in drawn
    return relation.source in drawn and target_drawn


@given(models(), options())
def test_one_dot_node_per_drawn_model_node(map_: Map, opts: RenderOptions) -> None:
    dot = dot_or_tag_error(map_, opts)
    if dot is None:
        return
    dot_ids = {f"n{i}": node_id for i, node_id in enumerate(map_.nodes, 1)}
    drawn = [dot_ids[n] for n in node_ids(dot)]  # clusters change the order, never the count
    assert sorted(drawn) == sorted(expected_nodes(map_, opts))


@given(models(), options())
def test_one_edge_path_per_relation(map_: Map, opts: RenderOptions) -> None:
    dot = dot_or_tag_error(map_, opts)
    if dot is None:
        return
    number = {node_id: f"n{i}" for i, node_id in enumerate(map_.nodes, 1)}
    drawn = set(expected_nodes(map_, opts))
    paths: dict[str, list[str]] = {}
    for position, relation in enumerate(map_.relations.values(), 1):
        segments = segments_of(dot, position)
        if not is_drawn(map_, relation, drawn):
            assert segments == []
            continue
        # the segments chain into one path that starts at the source node
        path = [number[relation.source]]
        remaining = list(segments)
        while remaining:
            step = next(s for s in remaining if s[0] == path[-1])
            remaining.remove(step)
            path.append(step[1])
        assert 1 <= len(segments) <= 2
        paths[relation.id] = path
    for relation_id, path in paths.items():
        relation = map_.relations[relation_id]
        if relation.target in map_.relations:
            # an undercut ends on the junction that lies on the path of what it undercuts
            target_path = paths[relation.target]
            assert path[-1] == target_path[1] and len(target_path) == 3
        else:
            assert path[-1] == number[relation.target]
    assert len(edges(dot)) == len({(t, h, tuple(c)) for t, h, _, c in edges(dot)})


@given(st.text(), st.integers(8, 60))
def test_wrapping_keeps_every_character_within_the_width(text: str, width: int) -> None:
    from argmap.render.labels import _one_line, wrap_lines

    lines = wrap_lines(text, width)
    assert all(1 <= len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(_one_line(text).split())  # nothing lost
    assert all(line == line.strip() for line in lines)

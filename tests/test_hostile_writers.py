"""Writers never write a different map: model → writer → reader gives the same model, or the
writer refuses with a clear error naming the element (docs/safety.md, "Imports").

Hostile values are drawn from all of Unicode with the characters that mean something in the
language (line breaks of every kind, `{ } [ ] # @ ^ % < > "`) and put into one place of a map
drawn by `strategies.maps()`: a front-matter key or value, a metadata key, a tag, an actor's id
or name, a section title, a citation, a title or a text.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import maps, same_graph
from test_roundtrip import graph_view

import argmap
from argmap.errors import ArgmapError, ImportFailed
from argmap.export.json import map_to_json
from argmap.importers.json import read_json
from argmap.model import Actor, Map, Node, NodeKind, Section, Source

HOSTILE_CHARS = "\n\r\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x00\x1b\t {}[]#@^%<>\"\\/:,-+_&=()\xa0\u3000"
hostile = st.text(st.one_of(st.sampled_from(HOSTILE_CHARS), st.characters(), st.sampled_from("ab")),
                  min_size=0, max_size=12)


def _words(text: str) -> str:
    """White space between words is not significant in the language's texts and labels."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def normalised(m: Map) -> Map:
    nodes = {k: replace(n, text=_words(n.text)) for k, n in m.nodes.items()}
    actors = {k: replace(a, name=_words(a.name)) for k, a in m.actors.items()}
    sources = {k: replace(s, citation=" ".join(s.citation.split())) for k, s in m.sources.items()}
    sections = {k: replace(s, title=_words(s.title)) for k, s in m.sections.items()}
    return replace(m, nodes=nodes, actors=actors, sources=sources, sections=sections)


@st.composite
def hostile_maps(draw: st.DrawFn) -> Map:
    m = draw(maps(max_nodes=4))
    value = draw(hostile)
    place = draw(st.sampled_from(["fm-value", "fm-key", "node-meta-key", "node-meta-value", "tag",
                                  "actor-id", "actor-name", "section", "citation", "text", "title",
                                  "relation-meta-key"]))
    node_id = draw(st.sampled_from(sorted(m.nodes)))
    node = m.nodes[node_id]
    if place == "fm-value":
        return replace(m, metadata={**m.metadata, "title": value})
    if place == "fm-key":
        return replace(m, metadata={**m.metadata, value: "x"})
    if place == "node-meta-key":
        return replace(m, nodes={**m.nodes, node_id: replace(node, meta={**node.meta, value: 1})})
    if place == "node-meta-value":
        return replace(m, nodes={**m.nodes, node_id: replace(node, meta={**node.meta, "note": value})})
    if place == "tag":
        tags = tuple(dict.fromkeys((*node.tags, value)))
        return replace(m, nodes={**m.nodes, node_id: replace(node, tags=tags)})
    if place == "actor-id":
        actors = {**m.actors, value: Actor(value, "Someone")}
        return replace(m, actors=actors, nodes={**m.nodes, node_id: replace(node, actors=(*node.actors, value))})
    if place == "actor-name":
        return replace(m, actors={**m.actors, "hostile": Actor("hostile", value)})
    if place == "section":
        return replace(m, sections={**m.sections, "s9": Section("s9", value, 1)},
                       nodes={**m.nodes, node_id: replace(node, section="s9")})
    if place == "citation":
        return replace(m, sources={**m.sources, "hostile": Source("hostile", value)})
    if place == "text":
        return replace(m, nodes={**m.nodes, node_id: replace(node, text=value or "x")})
    if place == "relation-meta-key" and m.relations:
        rid = sorted(m.relations)[0]
        relation = m.relations[rid]
        return replace(m, relations={**m.relations, rid: replace(relation, meta={**relation.meta, value: 1})})
    # a titled claim with a hostile title
    title = value or "x"
    return replace(m, nodes={**m.nodes, f"[{title}]": Node(f"[{title}]", NodeKind.CLAIM, title, "text")})


SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@given(hostile_maps())
@SETTINGS
def test_the_argmap_writer_gives_the_same_model_or_refuses(m: Map) -> None:
    try:
        text = argmap.format_map(m)
    except ArgmapError as exc:
        assert "cannot write" in str(exc)
        return
    again = argmap.parse(text)
    assert [d for d in again.diagnostics if d.is_error] == [], text
    before, after = normalised(m), normalised(again)
    # declarations and front matter exactly; the graph up to untitled nodes given titles
    # (write/titles.py: an untitled node used in another section is written by a title)
    assert graph_view(after)[:4] == graph_view(before)[:4], text
    assert same_graph(before, after), text


@given(hostile_maps())
@SETTINGS
def test_the_json_writer_gives_the_same_model_or_a_refusal(m: Map) -> None:
    try:
        text = map_to_json(m)
    except ArgmapError as exc:
        assert str(exc)
        return
    json.loads(text)
    try:
        again = read_json(text)
    except ImportFailed as exc:  # what the model cannot hold is refused on reading, never changed
        assert exc.diagnostics and all(d.message for d in exc.diagnostics)
        return
    assert graph_view(again) == graph_view(m), text


def test_a_front_matter_value_with_a_line_break_is_refused_not_written_as_a_statement() -> None:
    m = Map(metadata={"title": "x\n---\n[Injected]: pwned"})
    with pytest.raises(ArgmapError, match="metadata"):
        argmap.format_map(m)


@pytest.mark.parametrize("relations", [
    {"r1": ("[B]", "[A]")},                 # an endpoint that is not a node
    {"r1": ("[A]", "r2"), "r2": ("[A]", "r1")},  # undercuts in a cycle
])
def test_format_map_refuses_a_graph_it_cannot_lay_out(relations: dict) -> None:
    from argmap.model import Relation, RelationKind

    rels = {rid: Relation(rid, RelationKind.UNDERCUT if target.startswith("r") else RelationKind.SUPPORT,
                          source, target) for rid, (source, target) in relations.items()}
    m = Map(nodes={"[A]": Node("[A]", NodeKind.CLAIM, "A", "a")}, relations=rels)
    with pytest.raises(ArgmapError, match="r1"):
        argmap.format_map(m)

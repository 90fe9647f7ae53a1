"""argmap -> AIF -> argmap gives an equal model; AIF alone keeps what it has a place for.

The exported AIF carries argmap's `argmap` extension (ids, kinds, tags, sources, sections,
metadata, weights, groups); the graph view read back equals the map written (Hypothesis over
every kind of node and relation). Without the extension the writer reports what it lost.
"""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from strategies import maps, outline_maps, shape

import argmap
from argmap.export.aif import map_to_aif, map_to_aif_dict
from argmap.export.losses import Losses
from argmap.importers.aif import read_aif
from argmap.model import NodeKind, RelationKind


def graph_view(m: argmap.Map) -> argmap.Map:
    return replace(m, document=(), trailing_comments=())


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_round_trip_gives_an_equal_model(m: argmap.Map) -> None:
    losses = Losses()
    text = map_to_aif(m, losses)
    back = read_aif(text)
    assert back.diagnostics == ()
    assert graph_view(back) == graph_view(m)
    # what AIF+extension cannot hold: only relations whose ends are not in the map
    assert {loss.code for loss in losses} <= {k.value for k in RelationKind}


@given(outline_maps())
def test_the_aif_part_alone_keeps_the_argument_graph(m: argmap.Map) -> None:
    data = map_to_aif_dict(m)
    del data["argmap"]
    back = read_aif(json.dumps(data))
    assert back.diagnostics == ()
    plain = lambda x: sorted((k, r, t) for k, r, t in shape(x, linked=True)[1])  # noqa: E731
    texts = lambda x: sorted(n.text for n in x.nodes.values())  # noqa: E731
    assert texts(back) == texts(m)
    def kinds(x: argmap.Map) -> list:  # relation kinds and ends, compared by node text
        text_of = {n.id: n.text for n in x.nodes.values()}
        def end(e: str) -> str:
            return text_of.get(e) or "(" + x.relations[e].kind.value + ")"
        return sorted((r.kind.value, end(r.source), end(r.target)) if r.kind is not RelationKind.CONTRADICTION
                      else (r.kind.value, *sorted((end(r.source), end(r.target)))) for r in x.relations.values())
    assert kinds(back) == kinds(m), plain(m)
    questions = lambda x: sorted(n.text for n in x.nodes.values() if n.kind is NodeKind.QUESTION)  # noqa: E731
    assert questions(back) == questions(m)
    speakers = lambda x: sorted((n.text, tuple(sorted(x.actors[a].name for a in n.actors)))  # noqa: E731
                                for n in x.nodes.values())
    assert speakers(back) == speakers(m)


def test_without_the_extension_the_writer_reports_what_aif_cannot_hold() -> None:
    m = argmap.parse("""---
title: T
---
source s1: A book
# Part
evidence [E]: seen. #tag ^s1 {weight: 2}
  + [C]: so. {x: 1}
""")
    losses = Losses()
    map_to_aif(m, losses, extension=False)
    codes = losses.codes()
    assert {"metadata", "source", "section", "node-kind", "node-title", "node-tags",
            "node-sources", "node-meta"} <= set(codes)
    losses = Losses()
    back = read_aif(map_to_aif(m, losses))
    assert list(losses) == [] and graph_view(back) == graph_view(m)


def test_a_relation_with_a_missing_end_is_a_loss_not_a_silent_drop() -> None:
    m = argmap.parse("[A]: a\n  + [B]: b\n")
    rel = next(iter(m.relations.values()))
    m = replace(m, relations={rel.id: replace(rel, target="[Gone]")})
    losses = Losses()
    data = map_to_aif_dict(m, losses)
    assert [(loss.code, loss.element) for loss in losses] == [("support", rel.id)]
    assert [n["type"] for n in data["nodes"]] == ["I", "I"]


def test_every_example_map_comes_back_equal() -> None:
    from helpers import MAPS

    for path in MAPS:
        m = argmap.parse(path.read_text("utf-8"), str(path))
        losses = Losses()
        back = read_aif(map_to_aif(m, losses))
        assert back.diagnostics == () and list(losses) == [], path
        assert graph_view(back) == replace(graph_view(m), document=()), path


RECONSTRUCTED = """\
[Concern]: Russia has reason for concern.
  + <Growth>: NATO's growth threatens Russia.
    (1) [Grew]: NATO grew eastward.
    (2) [Rule]: An alliance that grows toward a state threatens it.
    -- modus ponens {scheme: cause-to-effect} --
    (3) [Threat]: NATO threatens Russia.
      _ [Other causes]: Russia's own policy explains it.
"""


def _by_text(data: dict) -> tuple[dict, list]:
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    return nodes, [(nodes[e["fromID"]], nodes[e["toID"]]) for e in data["edges"]]


def test_an_inference_is_an_ra_node_from_its_premises_to_its_conclusion() -> None:
    data = map_to_aif_dict(argmap.parse(RECONSTRUCTED))
    nodes, edges = _by_text(data)
    (ra,) = [n for n in nodes.values() if n["text"] == "Argument From Cause To Effect"]
    assert ra["type"] == "RA"
    assert sorted(a["text"] for a, b in edges if b is ra and a["type"] == "I") == ["An alliance that grows toward a state threatens it.",
                                                                "NATO grew eastward."]
    assert [b["text"] for a, b in edges if a is ra] == ["NATO threatens Russia."]
    (ca,) = [b for a, b in edges if a["text"] == "Russia's own policy explains it."]
    assert ca["type"] == "CA" and [b for a, b in edges if a is ca] == [ra]  # the undercut is aimed at the inference
    (entry,) = data["argmap"]["reconstructions"]
    assert entry["inferences"][0]["aif"] == ra["nodeID"]


def test_without_the_extension_an_inference_reads_as_linked_supports_that_another_can_undercut() -> None:
    data = map_to_aif_dict(argmap.parse(RECONSTRUCTED))
    del data["argmap"]
    back = read_aif(json.dumps(data))
    assert back.diagnostics == () and back.reconstructions == {}
    text = {n.id: n.text for n in back.nodes.values()}
    supports = [r for r in back.relations.values() if r.kind is RelationKind.SUPPORT
                and text[r.target] == "NATO threatens Russia."]
    assert sorted(text[r.source] for r in supports) == ["An alliance that grows toward a state threatens it.",
                                                         "NATO grew eastward."]
    assert len({r.group for r in supports}) == 1 and supports[0].group is not None
    assert {r.meta["scheme"] for r in supports} == {"cause-to-effect"}
    (undercut,) = [r for r in back.relations.values() if r.kind is RelationKind.UNDERCUT]
    assert undercut.target in {r.id for r in supports}


def test_an_inference_changed_in_another_tool_leaves_its_reconstruction_out_with_a_warning() -> None:
    m = argmap.parse(RECONSTRUCTED)
    data = map_to_aif_dict(m)
    ra = data["argmap"]["reconstructions"][0]["inferences"][0]["aif"]
    grew = next(n["nodeID"] for n in data["nodes"] if n["text"] == "NATO grew eastward.")
    data["edges"] = [e for e in data["edges"] if not (e["toID"] == ra and e["fromID"] == grew)]  # a premise dropped
    back = read_aif(json.dumps(data))
    assert [d.code for d in back.diagnostics] == ["aif-extension-stale"]
    assert "no longer joins the statements" in back.diagnostics[0].message
    assert back.reconstructions == {}
    text = {n.id: n.text for n in back.nodes.values()}
    assert [text[r.source] for r in back.relations.values()
            if r.kind is RelationKind.SUPPORT and text[r.target] == "NATO threatens Russia."] == [
        "An alliance that grows toward a state threatens it."]
    assert read_aif(map_to_aif(m)).reconstructions == m.reconstructions

"""networkx and GraphML: the graph view for researchers, undercuts as junction nodes."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.cli import main
from argmap.errors import UsageError
from argmap.export.graphml import map_to_graphml
from argmap.export.losses import Losses
from strategies import maps

MAP = """\
---
title: Rain & <weather>
---
actor ann: Ann {side: wet}

# Sky

[A]: It "rains" & pours. @ann #weather {certainty: 0.5}
  + {weight: 0.7} [B]: Clouds.
    _ [C]: It is night.
  - <D>: Dry ground.
"""


def graph_view(m: argmap.Map) -> tuple:
    return (m.metadata, m.actors, m.sources, m.sections, m.nodes, m.relations)


@pytest.fixture
def small() -> argmap.Map:
    return argmap.parse(MAP, "small.argmap")


def test_to_networkx_carries_everything(small) -> None:
    g = argmap.to_networkx(small)
    assert isinstance(g, nx.MultiDiGraph)
    a = g.nodes["[A]"]
    assert (a["kind"], a["text"], a["actors"], a["tags"], a["meta"]) == (
        "claim", 'It "rains" & pours.', ("ann",), ("weather",), {"certainty": 0.5})
    assert g.nodes["<D>"]["kind"] == "argument"
    support = g.edges["[B]", "[A]", "r1"]
    assert (support["kind"], support["weight"]) == ("support", 0.7)
    # the undercut of r1 points at r1's junction node
    assert g.nodes["r1"]["element"] == "relation"
    assert g.edges["[C]", "r1", "r2"]["kind"] == "undercut"
    assert g.graph["actors"]["ann"]["name"] == "Ann"
    assert "grounded" not in a


def test_with_analysis_gives_grounded_labels(small) -> None:
    g = argmap.to_networkx(small, with_analysis=True)
    assert {n: d["grounded"] for n, d in g.nodes(data=True) if d["element"] == "node"} == {
        "[A]": "out", "[B]": "in", "[C]": "in", "<D>": "in"}


def test_round_trip_small(small) -> None:
    assert graph_view(argmap.from_networkx(argmap.to_networkx(small))) == graph_view(small)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_round_trip_property(m: argmap.Map) -> None:
    assert graph_view(argmap.from_networkx(argmap.to_networkx(m))) == graph_view(m)


def test_from_plain_digraph() -> None:
    g = nx.DiGraph()
    g.add_edge(1, 2, kind="attack")
    g.add_edge(3, 2)
    m = argmap.from_networkx(g)
    assert set(m.nodes) == {"[1]", "[2]", "[3]"}
    assert {(r.source, r.kind.value, r.target) for r in m.relations.values()} == {
        ("[1]", "attack", "[2]"), ("[3]", "support", "[2]")}
    with pytest.raises(UsageError, match="directed"):
        argmap.from_networkx(nx.Graph())


def test_missing_networkx_names_the_extra(monkeypatch, small) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(UsageError, match=r"argmap\[networkx\]"):
        argmap.to_networkx(small)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        argmap.no_such_thing  # noqa: B018


def test_graphml_is_valid_typed_and_escaped(small) -> None:
    text = map_to_graphml(small, with_analysis=True)
    root = ET.fromstring(text)  # well-formed despite " & < >
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k for k in root.findall("g:key", ns)}
    assert keys["e_weight"].get("attr.type") == "double"
    used = {d.get("key") for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")}
    assert used <= set(keys)  # every data has a declared key


def test_graphml_read_by_networkx(small, tmp_path: Path) -> None:
    path = tmp_path / "m.graphml"
    path.write_text(map_to_graphml(small, with_analysis=True), "utf-8")
    g = nx.read_graphml(path)
    by_id = {d["argmap_id"]: d for _, d in g.nodes(data=True)}
    assert by_id["[A]"]["text"] == 'It "rains" & pours.'
    assert json.loads(by_id["[A]"]["actors"]) == ["ann"]
    assert by_id["[A]"]["grounded"] == "out"
    assert by_id["r1"]["element"] == "relation"
    weights = [d["weight"] for _, _, d in g.edges(data=True) if "weight" in d]
    assert weights == [0.7]
    assert json.loads(g.graph["metadata"])["title"] == "Rain & <weather>"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_graphml_keeps_every_text(m: argmap.Map) -> None:
    losses = Losses()
    root = ET.fromstring(map_to_graphml(m, losses))
    texts = [d.text or "" for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")
             if d.get("key") == "n_text"]
    assert texts == [n.text for n in m.nodes.values()]
    assert not losses


def test_graphml_control_characters_are_reported() -> None:
    m = argmap.Map(nodes={"[A]": argmap.Node("[A]", argmap.NodeKind.CLAIM, text="bell\x07")})
    losses = Losses()
    ET.fromstring(map_to_graphml(m, losses))
    assert [(loss.code, loss.element) for loss in losses] == [("xml-character", "[A]")]


def test_cli_graphml(tmp_path: Path) -> None:
    src = tmp_path / "m.argmap"
    src.write_text(MAP, "utf-8")
    out = tmp_path / "m.graphml"
    assert main(["export", str(src), "-o", str(out), "--with-analysis", "--strict"]) == 0
    assert "n_grounded" in out.read_text("utf-8")
    assert main(["export", str(src), "--to", "json", "--with-analysis"]) == 2  # graphml only

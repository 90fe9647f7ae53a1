"""Bad AIF: a clear message with the element's place, never a traceback."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.errors import ImportFailed
from argmap.export.aif import map_to_aif_dict
from argmap.importers.aif import read_aif


@pytest.mark.parametrize("data, says", [
    ({"nodes": "x"}, "not an AIF graph"),
    ({"nodes": [{"nodeID": "1", "type": "I", "text": "a"}, 7]}, "node 1 is not an object"),
    ({"nodes": [{"nodeID": "1", "type": "I"}, {"type": "I"}]}, "node 1 has no nodeID"),
    ({"nodes": [{"nodeID": "1", "type": ["I"]}]}, "'type' and 'text' must be strings"),
    ({"nodes": [{"nodeID": "1"}], "edges": [{"edgeID": "e9", "fromID": "1"}]}, "edge e9 needs"),
    ({"nodes": [{"nodeID": "1"}], "edges": {}}, "'edges' is dict"),
    ({"nodes": [{"nodeID": "1"}], "locutions": [{"personID": "1"}]}, "locution 0 has no nodeID"),
    ({"AIF": {"nodes": [{"nodeID": "1"}], "edges": [5]}, "OVA": {}}, "edge 0 is not an object"),
])
def test_a_malformed_graph_is_an_error_at_its_element(data: dict, says: str) -> None:
    text = json.dumps(data, indent=1)
    with pytest.raises(ImportFailed) as info:
        read_aif(text, "bad.json")
    messages = " | ".join(d.message for d in info.value.diagnostics) + str(info.value)
    assert says in messages
    if "is not an object" not in says and says != "not an AIF graph" and "'edges'" not in says:
        assert any(d.span.line > 1 for d in info.value.diagnostics)  # at the element, not the top


def test_dangling_edges_duplicates_and_unknown_types_are_warnings() -> None:
    text = json.dumps({"nodes": [
        {"nodeID": "1", "type": "I", "text": "a"}, {"nodeID": "1", "type": "I", "text": "again"},
        {"nodeID": "2", "type": "RA", "text": "Default Inference"}, {"nodeID": "3", "type": "Q", "text": "?"},
    ], "edges": [{"edgeID": "e1", "fromID": "1", "toID": "2"}, {"edgeID": "e2", "fromID": "2", "toID": "9"}]},
        indent=1)
    m = read_aif(text, "w.json")
    codes = [d.code for d in m.diagnostics]
    assert codes.count("aif-duplicate-node") == 1 and "aif-unknown-node-type" in codes
    assert "aif-dangling-edge" in codes and "aif-incomplete-scheme" in codes
    assert any("e2" in d.message for d in m.diagnostics)


def test_a_broken_extension_is_reported_and_the_aif_read_alone() -> None:
    data = map_to_aif_dict(argmap.parse("[A]: a\n  + [B]: b\n"))
    data["argmap"]["nodes"]["1"]["kind"] = "opinion"
    m = read_aif(json.dumps(data))
    assert [d.code for d in m.diagnostics] == ["aif-bad-extension"]
    assert sorted(n.text for n in m.nodes.values()) == ["a", "b"] and len(m.relations) == 1


def test_an_extension_outlived_by_an_edit_in_another_tool_is_reported() -> None:
    data = map_to_aif_dict(argmap.parse("[A]: a\n  + [B]: b\n  - [C]: c\n"))
    gone = next(n["nodeID"] for n in data["nodes"] if n["text"] == "c")
    data["nodes"] = [n for n in data["nodes"] if n["nodeID"] != gone]
    data["edges"] = [e for e in data["edges"] if gone not in (e["fromID"], e["toID"])]
    data["nodes"].append({"nodeID": "99", "type": "I", "text": "added in OVA"})
    m = read_aif(json.dumps(data))
    assert {d.code for d in m.diagnostics} == {"aif-extension-stale", "aif-incomplete-scheme"}
    assert set(m.nodes) == {"[A]", "[B]", "_1"} and m.nodes["_1"].text == "added in OVA"
    assert [(r.source, r.target) for r in m.relations.values()] == [("[B]", "[A]")]


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 30) | st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "TA",
                                                                        "PA", "1", "2", "x : y", ""]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["nodeID", "type", "text", "fromID", "toID", "edgeID", "personID", "participantID",
                         "nodes", "edges", "locutions", "participants", "AIF", "argmap", "version"]),
        inner, max_size=5),
    max_leaves=30)


@given(st.fixed_dictionaries({"nodes": st.lists(_json, max_size=6)}, optional={
    "edges": st.lists(_json, max_size=6), "locutions": _json, "participants": _json, "argmap": _json}))
def test_no_input_gives_a_traceback(data: dict) -> None:
    try:
        m = read_aif(json.dumps(data))
    except ImportFailed as exc:
        assert exc.diagnostics
    else:
        assert isinstance(m, argmap.Map)

"""AIF as it is actually written: AIFdb nodesets, OVA saves and xAIF (tests/fixtures/aif/).

Speakers come from locutions (L -> YA -> I), illocutions and locution timestamps become node
metadata, Pure Questioning makes a question, MA nodes rephrases, scheme names relation
metadata, PA nodes preference metadata; what is not kept is one warning code per kind.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.importers import detect_format
from argmap.importers.aif import read_aif
from argmap.importers.sniff import looks_like_aif, sniff
from argmap.model import NodeKind, RelationKind

FIXTURES = Path(__file__).parent / "fixtures" / "aif"


def read(name: str):  # noqa: ANN201
    path = FIXTURES / name
    return read_aif(path.read_text("utf-8"), str(path))


def by_text(m, text: str):  # noqa: ANN001, ANN201
    return next(n for n in m.nodes.values() if n.text == text)


def test_aifdb_nodeset_speakers_come_from_locutions_and_l_node_names() -> None:
    m = read("aifdb-nodeset.json")  # no `participants`: names from "Name : what they said"
    assert {a.id: a.name for a in m.actors.values()} == {
        "fiona-bruce": "Fiona Bruce", "andy-burnham": "Andy Burnham", "jacob-rees-mogg": "Jacob Rees-Mogg"}
    assert by_text(m, "the NHS is in crisis now").actors == ("andy-burnham",)
    assert by_text(m, "funding has never been higher").actors == ("jacob-rees-mogg",)


def test_aifdb_illocutions_timestamps_and_locutions_are_node_metadata() -> None:
    m = read("aifdb-nodeset.json")
    now = by_text(m, "the NHS is in crisis now")
    assert now.meta["illocution"] == "Asserting" and now.meta["timestamp"] == "2019-11-28 20:00:09"
    assert now.meta["locution"] == "Yes, the NHS is in crisis now"
    assert "locution" not in by_text(m, "waiting lists have never been longer").meta  # the same words
    asked = by_text(m, "the NHS is in crisis")
    assert asked.kind is NodeKind.QUESTION and asked.meta["illocution"] == "Pure Questioning"
    rhetorical = by_text(m, "money isn't the problem")  # asks to assert: stays a claim
    assert rhetorical.kind is NodeKind.CLAIM and rhetorical.meta["illocution"] == "Rhetorical Questioning"


def test_aifdb_schemes_rephrases_and_preferences() -> None:
    m = read("aifdb-nodeset.json")
    text = {n.id: n.text for n in m.nodes.values()}
    got = {(r.kind, text[r.source], text[r.target]): r.meta for r in m.relations.values()}
    rephrase = got[(RelationKind.REPHRASE, "the NHS is in crisis now", "the NHS is in crisis")]
    assert rephrase == {"scheme": "Default Rephrase", "illocution": "Restating"}
    support = got[(RelationKind.SUPPORT, "waiting lists have never been longer", "the NHS is in crisis now")]
    assert support == {"scheme": "expert-opinion", "illocution": "Arguing"}  # the catalogue's AIF name: its id
    attack = got[(RelationKind.ATTACK, "funding has never been higher", "the NHS is in crisis now")]
    assert attack == {"scheme": "Default Conflict", "illocution": "Disagreeing"}
    assert len(got) == 3
    assert by_text(m, "funding has never been higher").meta["preferred_over"] == [
        "waiting lists have never been longer"]


def test_aifdb_only_transitions_are_reported_one_code() -> None:
    m = read("aifdb-nodeset.json")
    assert [d.code for d in m.diagnostics] == ["aif-transition-not-kept"] * 3
    assert all(d.span.line > 1 for d in m.diagnostics)


@pytest.mark.parametrize("name", ["ova.json", "xaif.json"])
def test_ova_and_xaif_wrap_the_graph_under_aif(name: str) -> None:
    text = (FIXTURES / name).read_text("utf-8")
    assert looks_like_aif(text) and sniff(text) == "aif" and detect_format(name, text) == "aif"
    assert detect_format("saved-from-ova", text) == "aif"
    m = read(name)
    assert len(m.actors) == 2 and len(m.relations) == {"ova.json": 2, "xaif.json": 1}[name]
    assert all(n.actors for n in m.nodes.values())
    assert all(d.code == "aif-transition-not-kept" for d in m.diagnostics)
    line = (FIXTURES / name).read_text("utf-8").splitlines()
    for d in m.diagnostics:  # positions inside the "AIF" object
        assert '"nodeID"' in line[d.span.line] or "{" in line[d.span.line - 1]


def test_ova_participants_name_the_speakers() -> None:
    m = read("ova.json")
    assert {a.name for a in m.actors.values()} == {"Ann Lee", "Bob"}
    bridge = by_text(m, "we should build the bridge")
    assert bridge.actors == ("ann-lee",)
    support = next(r for r in m.relations.values() if r.kind is RelationKind.SUPPORT)
    assert support.meta["scheme"] == "practical-reasoning"  # read through the catalogue
    undercut = next(r for r in m.relations.values() if r.kind is RelationKind.UNDERCUT)
    assert undercut.target == support.id  # CA -> RA: an undercut of that inference


def test_xaif_integer_ids_and_questions() -> None:
    m = read("xaif.json")
    question = by_text(m, "funding is the issue")
    assert question.kind is NodeKind.QUESTION and question.actors == ("dan",)
    assert m.diagnostics == ()


def test_ova_save_was_an_error_before() -> None:
    """Regression: an OVA save leaked `KeyError: 'actors'`; now it reads."""
    m = read("ova.json")
    assert len(m.nodes) == 3


def test_speaker_names_become_valid_actor_ids() -> None:
    text = json.dumps({"nodes": [
        {"nodeID": "1", "text": "3rd Speaker (Chair) : Order!", "type": "L"},
        {"nodeID": "2", "text": "Asserting", "type": "YA"},
        {"nodeID": "3", "text": "order", "type": "I"},
        {"nodeID": "4", "text": "José Ñúñez : sí", "type": "L"},
        {"nodeID": "5", "text": "Asserting", "type": "YA"},
        {"nodeID": "6", "text": "yes", "type": "I"},
    ], "edges": [{"fromID": a, "toID": b} for a, b in (("1", "2"), ("2", "3"), ("4", "5"), ("5", "6"))]})
    m = read_aif(text)
    import re
    assert all(re.fullmatch(r"[A-Za-z_][\w-]*", a) for a in m.actors)
    assert {a.name for a in m.actors.values()} == {"3rd Speaker (Chair)", "José Ñúñez"}


def test_an_illocution_anchored_in_a_locution_on_an_inference_is_relation_metadata() -> None:
    pairs = (("1", "2"), ("2", "3"), ("4", "3"), ("3", "5"))
    m = read_aif(json.dumps({"nodes": [
        {"nodeID": "1", "type": "L", "text": "Ann : x, so y"}, {"nodeID": "2", "type": "YA", "text": "Arguing"},
        {"nodeID": "3", "type": "RA", "text": "Default Inference"}, {"nodeID": "4", "type": "I", "text": "x"},
        {"nodeID": "5", "type": "I", "text": "y"}], "edges": [{"fromID": a, "toID": b} for a, b in pairs]}))
    assert [r.meta for r in m.relations.values()] == [{"scheme": "Default Inference", "illocution": "Arguing"}]
    assert m.diagnostics == ()


def test_a_preference_between_inferences_is_relation_metadata() -> None:
    pairs = (("1", "3"), ("3", "2"), ("4", "5"), ("5", "2"), ("3", "6"), ("6", "5"), ("7", "8"), ("8", "1"))
    m = read_aif(json.dumps({"nodes": [
        {"nodeID": "1", "type": "I", "text": "a"}, {"nodeID": "2", "type": "I", "text": "c"},
        {"nodeID": "3", "type": "RA", "text": "Default Inference"}, {"nodeID": "4", "type": "I", "text": "b"},
        {"nodeID": "5", "type": "RA", "text": "Default Inference"},
        {"nodeID": "6", "type": "PA", "text": "Default Preference"},
        {"nodeID": "7", "type": "TA", "text": "Default Transition"},
        {"nodeID": "8", "type": "PA", "text": "Default Preference"}],
        "edges": [{"fromID": a, "toID": b} for a, b in pairs]}))
    preferred = [r.meta.get("preferred_over") for r in m.relations.values()]
    assert preferred == [["b -> c"], None]
    assert sorted(d.code for d in m.diagnostics) == ["aif-preference-not-kept", "aif-transition-not-kept"]

"""AIF: the export loads in an independent reader (arguebuf), and the importer reports what it skips."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.errors import ImportFailed
from argmap.export.aif import map_to_aif, map_to_aif_dict
from argmap.importers.aif import read_aif

MAP = """actor ann: Ann Lee
actor bob: Bob
[A]: It rains. @ann
  + [B]: The street is wet. @bob
  & [C]: Streets get wet only from rain.
  - [D]: A tanker spilled water.
    _ [E]: Tankers never spill.
  >< [F]: It does not rain.
"""


def test_export_shape_i_ra_ca_and_locutions() -> None:
    data = map_to_aif_dict(argmap.parse(MAP))
    types = [n["type"] for n in data["nodes"]]
    assert types.count("I") == 6
    assert types.count("RA") == 1  # the two co-premises make one inference
    assert types.count("CA") == 4  # attack, undercut, contradiction both ways
    assert types.count("L") == 2 and types.count("YA") == 2
    assert {p["argmapID"] for p in data["participants"]} == {"ann", "bob"}
    ra = next(n["nodeID"] for n in data["nodes"] if n["type"] == "RA")
    assert len([e for e in data["edges"] if e["toID"] == ra]) == 2


def test_import_reads_speakers_groups_and_undercuts() -> None:
    m = read_aif(map_to_aif(argmap.parse(MAP)))
    assert m.nodes["[A]"].actors == ("ann",) and m.nodes["[B]"].actors == ("bob",)
    supports = [r for r in m.relations.values() if r.kind.value == "support"]
    assert len(supports) == 2 and supports[0].group == supports[1].group is not None
    undercut = next(r for r in m.relations.values() if r.kind.value == "undercut")
    assert m.relations[undercut.target].source == "[D]"


def test_arguebuf_reads_our_export_with_the_same_graph() -> None:
    import arguebuf  # in the test extra (pyproject.toml): this check runs, it never skips

    data = map_to_aif_dict(argmap.parse(MAP))
    graph = arguebuf.load.aif(data)
    atoms = {n.plain_text for n in graph.atom_nodes.values()}
    assert atoms == {n.text for n in argmap.parse(MAP).nodes.values()}
    schemes = [type(n.scheme).__name__ for n in graph.scheme_nodes.values()]
    assert schemes.count("Support") == 1 and schemes.count("Attack") == 4


def test_what_is_not_kept_is_a_warning_at_its_line() -> None:
    text = json.dumps({
        "nodes": [
            {"nodeID": "1", "text": "p", "type": "I"},
            {"nodeID": "2", "text": "q", "type": "I"},
            {"nodeID": "3", "text": "Default Transition", "type": "TA"},
        ],
        "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "2"}],
        "locutions": [{"nodeID": "9", "personID": "77"}],
    }, indent=1)
    m = read_aif(text, "c.json")
    found = {(d.code, d.span.line) for d in m.diagnostics}
    ta_id_line = next(i for i, ln in enumerate(text.splitlines(), 1) if '"nodeID": "3"' in ln)
    assert ("aif-transition-not-kept", ta_id_line - 1) in found  # the line of the TA node's "{"
    assert any(code == "aif-dangling-locution" for code, _ in found)
    assert len(m.nodes) == 2 and m.relations == {}


def test_not_an_aif_graph_is_an_error() -> None:
    with pytest.raises(ImportFailed):
        read_aif('{"edges": []}', "x.json")
    with pytest.raises(ImportFailed) as info:
        read_aif('{"nodes": [', "x.json")
    assert info.value.diagnostics[0].span.line == 1


RICH = """actor ann: Ann Lee
actor bob: Bob
[A]: It rains. @ann
  + {scheme: "Expert Opinion"} [B]: The street is wet. @bob
  - [D]: A tanker spilled water. @bob
question [Q]: Does it rain? @bob
"""


def _rich() -> argmap.Map:
    """RICH without the `question` and `=` syntax (on another branch): built in the model."""
    from dataclasses import replace

    from argmap.model import Node, NodeKind, Relation, RelationKind

    m = argmap.parse(RICH.replace("question [Q]", "[Q]"))
    q = m.nodes["[Q]"]
    nodes = {**m.nodes, "[Q]": Node("[Q]", NodeKind.QUESTION, "Q", q.text, actors=q.actors)}
    relations = {**m.relations, "r9": Relation("r9", RelationKind.REPHRASE, "[B]", "[Q]")}
    return replace(m, nodes=nodes, relations=relations)


def test_arguebuf_sees_i_nodes_schemes_rephrases_and_names() -> None:
    import arguebuf

    m = _rich()
    data = map_to_aif_dict(m)
    graph = arguebuf.load.aif(data)
    assert {n.plain_text for n in graph.atom_nodes.values()} == {n.text for n in m.nodes.values()}
    schemes = sorted(type(n.scheme).__name__ for n in graph.scheme_nodes.values())
    assert schemes == ["Attack", "Rephrase", "Support"]
    support = next(n for n in graph.scheme_nodes.values() if type(n.scheme).__name__ == "Support")
    assert support.scheme.value == "Expert Opinion"  # arguebuf knows the scheme by its AIF name
    # arguebuf's AIF reader skips locutions; the speakers are AIF's own L -> YA -> I chains
    kinds = {n["nodeID"]: n for n in data["nodes"]}
    chains = [(kinds[e["fromID"]]["text"], kinds[f["toID"]]["text"], kinds[e["toID"]]["text"])
              for e in data["edges"] for f in data["edges"]
              if kinds[e["fromID"]]["type"] == "L" and e["toID"] == f["fromID"]]
    assert ("Bob : Does it rain?", "Does it rain?", "Pure Questioning") in chains
    assert ("Ann Lee : It rains.", "It rains.", "Asserting") in chains
    assert {(p["firstname"], p["surname"]) for p in data["participants"]} == {("Ann", "Lee"), ("Bob", "")}


def test_arguebuf_reads_the_ova_and_xaif_fixtures_like_argmap() -> None:
    import arguebuf
    from pathlib import Path

    for name in ("ova.json", "xaif.json"):
        text = (Path(__file__).parent / "fixtures" / "aif" / name).read_text("utf-8")
        graph = arguebuf.load.xaif(json.loads(text))
        m = read_aif(text)
        assert {n.plain_text for n in graph.atom_nodes.values()} == {n.text for n in m.nodes.values()}


def test_pure_aif_reads_back_questions_rephrases_and_schemes() -> None:
    m = _rich()
    data = map_to_aif_dict(m)
    del data["argmap"]
    back = read_aif(json.dumps(data))
    assert back.diagnostics == ()
    kinds = sorted((n.text, n.kind.value) for n in back.nodes.values())
    assert ("Does it rain?", "question") in kinds
    assert sorted(r.kind.value for r in back.relations.values()) == ["attack", "rephrase", "support"]
    support = next(r for r in back.relations.values() if r.kind.value == "support")
    assert support.meta["scheme"] == "Expert Opinion"

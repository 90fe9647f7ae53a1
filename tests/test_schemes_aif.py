"""AIF scheme names through the catalogue: an RA/CA-node named by a catalogue scheme's AIF name
reads as that scheme's id and is written back by that name; other names travel as written."""

from __future__ import annotations

import json

import argmap
from argmap.export.aif import map_to_aif_dict
from argmap.importers.aif import read_aif
from argmap.schemes.aif_names import aif_of_scheme, scheme_of_aif
from argmap.schemes.catalogue import builtin
from argmap.schemes.uses import find_uses


def _aif(*schemes: tuple[str, str]) -> str:
    """A nodeset: a conclusion, and per (type, name) one premise joined to it by that scheme node."""
    nodes = [{"nodeID": "1", "text": "The bridge is safe.", "type": "I"}]
    edges = []
    for n, (kind, name) in enumerate(schemes):
        premise, scheme = str(10 + 2 * n), str(11 + 2 * n)
        nodes += [{"nodeID": premise, "text": f"Reason {n}.", "type": "I"},
                  {"nodeID": scheme, "text": name, "type": kind}]
        edges += [{"edgeID": f"a{n}", "fromID": premise, "toID": scheme},
                  {"edgeID": f"b{n}", "fromID": scheme, "toID": "1"}]
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


NAMES = [("RA", "Argument From Expert Opinion"), ("RA", "Expert Opinion"), ("RA", "Argument From Witchcraft"),
         ("RA", "Default Inference"), ("RA", "Practical Reasoning"), ("CA", "Argument From Negative Consequences"),
         ("CA", "Default Conflict")]


def _written_names(aif: dict) -> list[tuple[str, str]]:
    return sorted((n["type"], n["text"]) for n in aif["nodes"] if n["type"] in ("RA", "CA"))


def test_catalogue_names_read_as_ids_others_as_written() -> None:
    m = read_aif(_aif(*NAMES))
    assert [r.meta["scheme"] for r in m.relations.values()] == [
        "expert-opinion", "Expert Opinion", "Argument From Witchcraft", "Default Inference",
        "practical-reasoning", "negative-consequences", "Default Conflict"]
    uses = {u.owner: u.scheme.id for u in find_uses(m, builtin())}
    assert sorted(uses.values()) == ["expert-opinion", "expert-opinion", "negative-consequences",
                                     "practical-reasoning"]  # an alias is the scheme too


def test_aif_to_argmap_text_to_aif_keeps_every_name() -> None:
    m = read_aif(_aif(*NAMES))
    text = argmap.format_map(m)
    assert "{scheme: expert-opinion}" in text
    back = map_to_aif_dict(argmap.parse(text), extension=False)
    assert _written_names(back) == sorted(NAMES)


def test_an_arguments_scheme_names_its_inferences_in_aif() -> None:
    m = argmap.parse("[C]: The bridge is safe.\n  + <Engineer>: She says so. {scheme: expert-opinion}\n"
                     "  - <Cost>: It would ruin us. {scheme: negative consequences}\n"
                     "  + {scheme: sign} [Dry]: The road is dry.\n  + <Odd>: x {scheme: not-a-scheme}\n")
    aif = map_to_aif_dict(m, extension=False)
    assert _written_names(aif) == [("CA", "Argument From Negative Consequences"), ("RA", "Argument From Expert Opinion"),
                                   ("RA", "Argument From Sign"), ("RA", "Default Inference")]
    back = read_aif(json.dumps(aif))
    assert sorted(r.meta["scheme"] for r in back.relations.values()) == [
        "Default Inference", "expert-opinion", "negative-consequences", "sign"]


def test_with_the_extension_the_scheme_stays_on_the_argument() -> None:
    m = argmap.parse("[C]: c\n  + <Engineer>: She says so. {scheme: expert-opinion}\n")
    back = read_aif(json.dumps(map_to_aif_dict(m)))
    assert back.nodes["<Engineer>"].meta == {"scheme": "expert-opinion"}
    assert [r.meta for r in back.relations.values()] == [{}]


def test_every_catalogue_scheme_goes_there_and_back() -> None:
    for scheme in builtin().schemes.values():
        assert scheme_of_aif(aif_of_scheme(scheme.id)) == scheme.id
    assert scheme_of_aif("Default Inference") == "Default Inference" == aif_of_scheme("Default Inference")

"""Round trips through Argdown and AIF keep what those formats can say."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from strategies import node_key, outline_maps, shape

import argmap
from argmap.export.aif import map_to_aif
from argmap.export.argdown import map_to_argdown
from argmap.importers.aif import read_aif
from argmap.importers.argdown import read_argdown
from argmap.export.losses import Losses
from argmap.model import NodeKind, RelationKind


def as_kept(m: argmap.Map, losses: list) -> argmap.Map:
    """`m` as a writer says it kept it: its reported rephrases left out, its reported
    questions read back as claims (neither Argdown nor argmap's AIF reader has them yet). The
    losses must be exactly those."""
    rephrases = {r.id for r in m.relations.values() if r.kind is RelationKind.REPHRASE}
    questions = {n.id for n in m.nodes.values() if n.kind is NodeKind.QUESTION}
    reported = {(loss.code, loss.element) for loss in losses if loss.code in ("rephrase", "node-kind")}
    assert reported == {("rephrase", r) for r in rephrases} | {("node-kind", q) for q in questions}
    nodes = {k: replace(n, kind=NodeKind.CLAIM) if k in questions else n for k, n in m.nodes.items()}
    return replace(m, nodes=nodes, relations={k: r for k, r in m.relations.items() if k not in rephrases})


@given(outline_maps())
def test_argdown_round_trip_keeps_nodes_kinds_titles_and_relations(m: argmap.Map) -> None:
    losses = Losses()
    text = map_to_argdown(m, losses)
    back = read_argdown(text)
    assert shape(back) == shape(as_kept(m, losses)), text
    assert [d for d in back.diagnostics] == [], text


@given(outline_maps())
def test_argdown_round_trip_keeps_texts_tags_actors_and_metadata(m: argmap.Map) -> None:
    back = read_argdown(map_to_argdown(m))

    def contents(x: argmap.Map) -> list[str]:
        return sorted(repr((node_key(x, n.id), n.text, n.tags, n.actors, n.sources, n.meta))
                      for n in x.nodes.values())

    assert contents(back) == contents(m)
    assert back.metadata == m.metadata
    assert back.actors == m.actors and back.sources == m.sources


@given(outline_maps())
def test_aif_round_trip_keeps_claims_supports_and_attacks(m: argmap.Map) -> None:
    losses = Losses()
    back = read_aif(map_to_aif(m, losses))
    assert back.diagnostics == ()
    assert list(losses) == []  # AIF holds questions and rephrases (tests/test_aif_roundtrip.py: all of a map)
    assert shape(back, linked=True) == shape(m, linked=True)
    def speakers(x: argmap.Map) -> list[tuple[str, tuple[str, ...]]]:  # travel as locutions
        return sorted((node_key(x, n.id), n.actors) for n in x.nodes.values())

    assert speakers(back) == speakers(m)
    assert {a.name for a in back.actors.values()} == {a.name for a in m.actors.values()}


def test_aif_contradiction_is_two_conflicts_folded_back_into_one() -> None:
    m = argmap.parse("[A]: a\n  >< [B]: b\n")
    aif = map_to_aif(m)
    assert aif.count('"Contradiction"') == 2
    back = read_aif(aif)
    assert [(r.kind, r.source, r.target) for r in back.relations.values()] == [
        (RelationKind.CONTRADICTION, "[B]", "[A]")]

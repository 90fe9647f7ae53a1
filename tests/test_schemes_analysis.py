"""`analyze --critical-questions` against what its translation says (docs/analysis.md): an
open exception or premise question takes the argument's inferences out, which is the same,
for every other node and every semantics, as the map without those inferences' attacks."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import graph_maps, reconstructed_maps
from test_lsp_schemes import INFERENCE_TEXT

import argmap
from argmap.analyze.analysis import analyze_map
from argmap.model import Map, RelationKind, inference_name
from argmap.schemes.catalogue import builtin
from argmap.schemes.translate import QUESTION_KEY, TYPE_KEY, with_open_questions
from argmap.schemes.uses import find_uses

SCHEMES = sorted(builtin().schemes)
SEMANTICS = ("grounded", "complete", "preferred", "stable")


@st.composite
def schemed_maps(draw: st.DrawFn) -> Map:
    """A graph map where some nodes name a scheme and some answer questions."""
    m = draw(graph_maps())
    nodes = {}
    for node_id, node in m.nodes.items():
        meta = {k: v for k, v in node.meta.items() if k not in ("scheme", "answers")}
        if draw(st.integers(0, 2)) == 0:
            meta["scheme"] = draw(st.sampled_from(SCHEMES))
        if draw(st.integers(0, 2)) == 0:
            meta["answers"] = draw(st.lists(st.sampled_from(["CQ1", "CQ2", "CQ3", "CQ4"]), min_size=1, max_size=2))
        nodes[node_id] = replace(node, meta=meta)
    relations = {rid: replace(r, meta={k: v for k, v in r.meta.items() if k not in ("scheme", "answers")})
                 for rid, r in m.relations.items()}
    return replace(m, nodes=nodes, relations=relations)


def _without_doubted_attacks(m: Map) -> Map:
    """`m` without the attacks (whole linked reasons) of uses with an open exception or premise question."""
    doubted = set()
    for use in find_uses(m, builtin()):
        if use.scheme is not None and any(q.type != "assumption" for q in use.open_questions()):
            for rid in use.inferences:
                r = m.relations[rid]
                if r.kind is RelationKind.ATTACK:
                    doubted.add((r.group or r.id, r.target))
    keep = {rid: r for rid, r in m.relations.items() if (r.group or r.id, r.target) not in doubted}
    return replace(m, relations=keep)


@settings(max_examples=40)
@given(schemed_maps(), st.sampled_from(SEMANTICS))
def test_open_questions_take_the_inference_out(m: Map, semantics: str) -> None:
    translated = with_open_questions(m)
    after = analyze_map(translated, semantics, limit=0)
    plain = analyze_map(_without_doubted_attacks(m), semantics, limit=0)
    assert {n: after.status[n] for n in m.nodes} == plain.status
    for node_id in set(translated.nodes) - set(m.nodes):  # exceptions stand, unshown premises do not
        node = translated.nodes[node_id]
        assert after.status[node_id] == ("in" if node.meta[TYPE_KEY] == "exception" else "out")
        assert node.meta[QUESTION_KEY].startswith("CQ")
    doubted = {rid for use in find_uses(m, builtin()) if use.scheme is not None
               and any(q.type != "assumption" for q in use.open_questions()) for rid in use.inferences}
    for reason in after.framework.reasons:
        if doubted & set(reason.relations) and reason.target in m.nodes:
            assert reason.inference is not None and after.inferences[reason.inference] == "out"
    assert set(m.relations) <= set(translated.relations)


@given(schemed_maps())
def test_only_open_exception_and_premise_questions_add_anything(m: Map) -> None:
    translated = with_open_questions(m)
    expected = sum(1 for use in find_uses(m, builtin()) if use.scheme is not None and use.inferences
                   for q in use.open_questions() if q.type != "assumption")
    assert len(translated.nodes) - len(m.nodes) == expected
    assert (translated is m) == (expected == 0)


def test_the_translation_of_one_argument() -> None:
    m = argmap.parse("""\
[Bridge unsafe]: The bridge is unsafe.
  - <Engineer>: The engineer says it is safe. {scheme: expert-opinion}
    + [Civil]: She is a civil engineer. {answers: [CQ1, CQ2, CQ3]}
    - [Paid]: She was paid by the builder. {answers: CQ4}
""")
    assert analyze_map(m).status["[Bridge unsafe]"] == "in"  # [Paid] already takes <Engineer> out
    calm = argmap.parse(argmap.format_map(m).replace("    - [Paid]: She was paid by the builder. {answers: CQ4}\n", ""))
    assert analyze_map(calm).status["[Bridge unsafe]"] == "out"
    doubted = with_open_questions(calm)  # CQ4 and CQ5 are open exceptions; CQ6 an assumption
    assert sorted(n for n in doubted.nodes if n not in calm.nodes) == ["[CQ4 of <Engineer>]", "[CQ5 of <Engineer>]"]
    undercuts = [r for r in doubted.relations.values() if r.kind is RelationKind.UNDERCUT]
    assert [(r.source, r.target) for r in undercuts] == [("[CQ4 of <Engineer>]", "r1"), ("[CQ5 of <Engineer>]", "r1")]
    result = analyze_map(doubted)
    assert result.status["[Bridge unsafe]"] == "in" and result.status["<Engineer>"] == "in"
    assert result.inferences["r1"] == "out"


def test_an_open_premise_question_is_an_unshown_co_premise() -> None:
    m = argmap.parse("[Stay home]: Stay home.\n  - <Rain>: The sky is grey. {scheme: sign}\n    - [Sun]: x {answers: CQ2}\n")
    doubted = with_open_questions(m)  # sign: CQ1 is an assumption, CQ2 answered: nothing
    assert doubted is m
    m = argmap.parse("[Stay home]: Stay home.\n  - <Rain>: The sky is grey. {scheme: slippery-slope}\n"
                     "    + [Steps]: s {answers: [CQ1, CQ2, CQ4]}\n")
    doubted = with_open_questions(m)  # CQ3, a premise question, is open
    implicit = doubted.nodes["[CQ3 of <Rain>]"]
    assert implicit.meta["status"] == "rejected"
    rel = next(r for r in doubted.relations.values() if r.source == implicit.id)
    assert (rel.kind, rel.target, rel.group) == (RelationKind.ATTACK, "[Stay home]", doubted.relations["r1"].group)
    assert rel.group is not None
    assert analyze_map(m).status["[Stay home]"] == "out" and analyze_map(doubted).status["[Stay home]"] == "in"


@st.composite
def schemed_reconstructions(draw: st.DrawFn) -> Map:
    """A map with premise-conclusion structures where some inference lines name a scheme."""
    m = draw(reconstructed_maps())
    reconstructions = {}
    for argument, reconstruction in m.reconstructions.items():
        inferences = tuple(replace(i, meta={**i.meta, "scheme": draw(st.sampled_from(SCHEMES))})
                           if draw(st.booleans()) else i for i in reconstruction.inferences)
        reconstructions[argument] = replace(reconstruction, inferences=inferences)
    return replace(m, reconstructions=reconstructions)


@settings(max_examples=40)
@given(schemed_reconstructions(), st.sampled_from(SEMANTICS))
def test_an_open_question_of_an_inference_line_takes_that_inference_out(m: Map, semantics: str) -> None:
    translated = with_open_questions(m)
    before, after = analyze_map(m, semantics, limit=0), analyze_map(translated, semantics, limit=0)
    assert {n: after.status[n] for n in m.nodes} == before.status  # an inference only supports
    for use in find_uses(m, builtin()):
        if use.inference is None or use.scheme is None or not m.reconstructions[use.owner].inferences[use.inference].uses:
            continue
        now = translated.reconstructions[use.owner].inferences[use.inference]  # renumbered by premise questions
        name = inference_name(use.owner, now.conclusion)
        doubted = any(q.type != "assumption" for q in use.open_questions())
        assert (after.inferences[name] == "out") if doubted else (after.inferences[name] == before.inferences[use.label])


def test_the_translation_of_an_inference_line() -> None:
    m = argmap.parse(INFERENCE_TEXT)
    doubted = with_open_questions(m)  # CQ1 an assumption, CQ2 a premise, CQ3 an exception
    assert sorted(n for n in doubted.nodes if n not in m.nodes) == ["[CQ2 of <Growth>(3)]", "[CQ3 of <Growth>(3)]"]
    (inference,) = doubted.reconstructions["<Growth>"].inferences
    assert doubted.reconstructions["<Growth>"].statements == ("[Grew]", "[Rule]", "[CQ2 of <Growth>(3)]", "[Threat]")
    assert (inference.uses, inference.conclusion) == ((1, 2, 3), 4)
    (undercut,) = (doubted.relations[rid] for rid in inference.undercuts)
    assert (undercut.kind, undercut.source, undercut.target) == (RelationKind.UNDERCUT, "[CQ3 of <Growth>(3)]", "<Growth>")
    assert analyze_map(m).inferences["<Growth>(3)"] == "in"
    result = analyze_map(doubted)
    assert result.inferences["<Growth>(4)"] == "out" and result.status["[CQ2 of <Growth>(3)]"] == "out"
    assert analyze_map(doubted).strength["[Concern]"] < analyze_map(m).strength["[Concern]"]

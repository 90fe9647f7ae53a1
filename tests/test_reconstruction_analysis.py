"""How a reconstruction enters the framework (docs/analysis.md): as its flattened supports.

The law: a map with premise-conclusion structures gives every node, and every inference, the
same grounded label as the same map with each inference written out as ordinary relations —
its premises as co-premises of a support of its conclusion (the last inference's, of the
argument), its undercuts undercutting that support.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from strategies import maps

import argmap
from argmap.analyze.framework import translate
from argmap.model import inference_name
from argmap.analyze.grounded import grounded_labelling
from argmap.model import Map, Relation, RelationKind


def flattened(m: Map) -> tuple[Map, dict[str, str]]:
    """`m` without reconstructions, each inference written as supports; and the name of each
    inference argument of `m` → the name of its flattened reason's inference (where it has one)."""
    relations = dict(m.relations)
    names: dict[str, str] = {}
    groups = 0
    for argument, pcs in m.reconstructions.items():
        for inference in pcs.inferences:
            premises = list(dict.fromkeys(pcs.statement(n) for n in inference.uses))
            if not premises:
                continue
            target = argument if inference.conclusion == len(pcs.statements) else pcs.statement(inference.conclusion)
            group = None
            if len(premises) > 1:
                groups += 1
                group = f"flat{groups}"
            first = f"r{len(relations) + 1}"
            for premise in premises:
                rid = f"r{len(relations) + 1}"
                relations[rid] = Relation(rid, RelationKind.SUPPORT, premise, target, group)
            for rid in inference.undercuts:
                relations[rid] = replace(relations[rid], target=first)
            if group is not None or inference.undercuts:
                names[inference_name(argument, inference.conclusion)] = first
    return replace(m, relations=relations, reconstructions={}), names


def _labels(m: Map) -> dict[str, str]:
    af = translate(m).af
    return dict(zip(af.names, grounded_labelling(af)))


@given(maps())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_a_reconstruction_labels_as_its_flattened_supports(m: Map) -> None:
    flat, names = flattened(m)
    reconstructed, written_out = _labels(m), _labels(flat)
    for node in m.nodes:
        if node in written_out:
            assert reconstructed[node] == written_out[node], node
    for name, flat_name in names.items():
        assert reconstructed[name] == written_out[flat_name], name


_MAP = """\
[C]: c
  + <A>: a
    (1) [P]: p
    (2) [Q]: q
    -- rule --
    (3) [M]: m
    ----
    (4) [C]
      _ [U]: u
"""


def _grounded(text: str) -> dict[str, str]:
    m = argmap.parse(text)
    assert [d for d in argmap.check(m) if d.is_error] == []
    return _labels(m)


def test_an_attack_on_a_premise_defeats_the_inference_that_uses_it() -> None:
    labels = _grounded(_MAP.replace("    (2) [Q]: q\n", "    (2) [Q]: q\n      - [Not Q]: not q\n"))
    assert labels["[Q]"] == "out"
    assert labels["<A>(3)"] == "out"
    assert labels["<A>(4)"] == "out"  # an undercut of it, unanswered


def test_an_undercut_under_a_conclusion_attacks_that_inference_only() -> None:
    labels = _grounded(_MAP)
    assert labels["<A>(4)"] == "out" and labels["<A>(3)"] == "in"
    assert labels["<A>"] == "in"  # the argument node itself is not attacked: the undercut is of its inference
    unanswered = _grounded(_MAP.replace("      _ [U]: u\n", ""))
    assert unanswered["<A>(4)"] == "in"

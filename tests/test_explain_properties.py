"""Every explanation checked against the definitions (argmap/analyze/explain/).

* grounded: the labelling is the grounded one; an `in` argument's tree lists every attacker,
  each `out` through an attacker that is `in` in the tree, down to unattacked leaves (so the
  tree's `in` arguments form an admissible set); an `out` argument's names an attacker that is
  `in`; an `undec` argument's is a chain of undecided attackers ending on an attack cycle;
* credulous preferred: the witness is admissible, holds the argument and is of least size
  (brute force); "none" exactly when no admissible set holds it;
* sceptical preferred: the counterexample is a preferred extension (maximal admissible, by
  brute force) without the argument; "accepted" exactly when every preferred extension has it;
* DF-QuAD: the contributions recombine to the strength (within 1e-9), on random maps.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import frameworks, maps
from test_dung_properties import Brute

from argmap.analyze import analyze_map
from argmap.analyze.explain import MapExplainer, render, summary
from argmap.analyze.explain.gradual import explain_strength, shares
from argmap.analyze.explain.grounded import (ATTACKED, DEFENDED, REPEATED, UNATTACKED,
                                              UNDECIDED, GroundedExplainer, Step)
from argmap.analyze.explain.preferred import (GROUNDED_ATTACK, SELF_ATTACK, credulous,
                                              sceptical)
from argmap.analyze.framework import Framework
from argmap.analyze.gradual import GradualReason, aggregate
from argmap.analyze.grounded import grounded_labelling


def _steps(root: Step) -> list[tuple[Step, Step | None]]:
    """Every (step, parent) of a tree, depth first."""
    out, stack = [], [(root, None)]
    while stack:
        step, parent = stack.pop()
        out.append((step, parent))
        stack.extend((c, step) for c in reversed(step.children))
    return out


def check_decided_tree(af: Framework, explainer: GroundedExplainer, root: Step) -> None:
    attacks = set(af.attacks())
    attackers = af.attackers()
    labels = grounded_labelling(af)
    steps = _steps(root)
    expanded = {s.argument for s, _ in steps if s.reason != REPEATED}
    for step, parent in steps:
        assert step.status == labels[step.argument]
        assert not step.truncated
        if parent is not None:  # each child attacks its parent
            assert (step.argument, parent.argument) in attacks
        if step.reason == UNATTACKED:
            assert step.status == "in" and not attackers[step.argument] and not step.children
        elif step.reason == DEFENDED:
            assert step.status == "in"
            assert {c.argument for c in step.children} == set(attackers[step.argument])
            assert all(c.status == "out" for c in step.children)
        elif step.reason == ATTACKED:
            assert step.status == "out" and len(step.children) == 1
            assert step.children[0].status == "in"  # an out node's explanation names an in attacker
        else:
            assert step.reason == REPEATED and not step.children
            assert step.argument in expanded  # explained elsewhere in the same tree
        if not step.children and step.reason != REPEATED:  # a leaf: unattacked
            assert step.reason == UNATTACKED
    # every attacker in the tree is attacked by an in-node of the tree
    tree_in = {s.argument for s, _ in steps if s.status == "in"}
    for step, _ in steps:
        if step.status == "out":
            assert any((d, step.argument) in attacks for d in tree_in)
    if root.status == "in":  # the tree's in-nodes defend the root: an admissible set
        brute = Brute(af)
        members = frozenset(tree_in)
        assert root.argument in members
        assert brute.conflict_free(members) and brute.defends_all(members)


@given(frameworks())
def test_grounded_explanations_follow_the_definition(af: Framework) -> None:
    explainer = GroundedExplainer(af)
    labels = grounded_labelling(af)
    assert explainer.labels == labels
    attacks = set(af.attacks())
    for arg in range(af.size):
        explanation = explainer.explain(arg)
        root = explanation.root
        assert root.argument == arg and root.status == labels[arg]
        if labels[arg] != "undec":
            assert explanation.cycle == ()
            check_decided_tree(af, explainer, root)
            continue
        # undecided: no attacker is in; a chain of undecided attackers ends on a cycle
        assert not any(labels[b] == "in" for b, t in attacks if t == arg)
        chain = [root]
        while chain[-1].children:
            (child,) = chain[-1].children
            assert (child.argument, chain[-1].argument) in attacks
            chain.append(child)
        assert all(s.status == "undec" for s in chain)
        assert chain[-1].reason == REPEATED
        assert all(s.reason == UNDECIDED for s in chain[:-1])
        path = [s.argument for s in chain[:-1]]
        assert chain[-1].argument in path
        cycle = explanation.cycle
        assert cycle and cycle == tuple(path[path.index(chain[-1].argument):])
        for k in range(len(cycle)):
            assert (cycle[(k + 1) % len(cycle)], cycle[k]) in attacks


@given(frameworks(min_size=1), st.integers(0, 3))
def test_depth_cuts_the_tree_and_marks_it(af: Framework, depth: int) -> None:
    explainer = GroundedExplainer(af)
    for arg in range(af.size):
        steps = [s for s, _ in _steps(explainer.explain(arg, depth).root)]
        full = [s for s, _ in _steps(explainer.explain(arg).root)]
        assert len(steps) <= len(full)
        if len(steps) < len(full):
            assert any(s.truncated for s in steps)


def test_a_long_chain_is_explained_without_recursion() -> None:
    n = 5001  # 0 <- 1 <- 2 <- ... <- n-1: in, out, in, ... from the end
    af = Framework([str(i) for i in range(n)], [(i + 1, i) for i in range(n - 1)])
    root = GroundedExplainer(af).explain(0).root
    assert root.status == "in" and len(_steps(root)) == n


@given(frameworks(max_size=7, min_size=1), st.data())
def test_credulous_witness_is_a_least_admissible_set_holding_the_argument(
        af: Framework, data: st.DataObject) -> None:
    arg = data.draw(st.integers(0, af.size - 1))
    brute = Brute(af)
    holding = [s for s in brute.admissible if arg in s]
    verdict = credulous(af, arg)
    assert verdict.decided and verdict.accepted == bool(holding)
    assert verdict.accepted == any(arg in p for p in brute.preferred)
    if holding:
        witness = verdict.witness
        assert witness is not None and arg in witness and verdict.least
        assert brute.conflict_free(witness) and brute.defends_all(witness)
        assert len(witness) == min(len(s) for s in holding)
    else:
        assert verdict.witness is None
        if verdict.why_not == SELF_ATTACK:
            assert (arg, arg) in brute.attacks
        elif verdict.why_not == GROUNDED_ATTACK:
            assert grounded_labelling(af)[arg] == "out"


@given(frameworks(max_size=7, min_size=1), st.data())
def test_sceptical_counterexample_is_a_preferred_extension_without_the_argument(
        af: Framework, data: st.DataObject) -> None:
    arg = data.draw(st.integers(0, af.size - 1))
    brute = Brute(af)
    verdict = sceptical(af, arg)
    assert verdict.decided
    every = all(arg in p for p in brute.preferred)
    assert verdict.accepted == every
    if every:
        assert verdict.counterexample is None and verdict.status == "in"
    else:
        counter = verdict.counterexample
        assert counter in brute.preferred and arg not in counter
        # a preferred extension is a maximal admissible set
        assert not any(counter < s for s in brute.admissible)
        attacked_by_all = all(arg in brute.attacked(p) for p in brute.preferred)
        assert verdict.status == ("out" if attacked_by_all else "undec")


def test_shares_add_up_to_the_aggregate() -> None:
    for values in ([], [0.0], [0.3], [0.5, 0.5], [1.0, 0.2, 1.0], [0.9, 0.1, 0.4], [2.0, -1.0]):
        assert math.isclose(sum(shares(values)), aggregate(values), abs_tol=1e-12)
    assert shares([0.5, 0.5]) == shares([0.5, 0.5])[::-1]  # no order: equal values, equal shares
    assert shares([1.0, 0.3]) == [1.0, 0.0]


@settings(max_examples=40)
@given(maps(max_nodes=8))
def test_df_quad_contributions_recombine_to_the_strength(map_) -> None:
    explainer = MapExplainer(map_)
    items, index, base, kept, reasons, fixed, result = explainer._gradual_graph()
    analysis = analyze_map(map_)
    for node_id in explainer.mf.node_ids:  # the same strengths as the analysis
        assert result.values[index[node_id]] == analysis.strength[node_id]
    for item in items:
        part = explainer.strength(item)
        inputs = sum(len(r.premises) + 1 for r in reasons if r.target == index[item])
        if part["fixed"] is None:
            attack = sum(c["share"] for c in part["contributions"] if c["kind"] == "attack")
            support = sum(c["share"] for c in part["contributions"] if c["kind"] == "support")
            assert math.isclose(attack, part["attack"], abs_tol=1e-12)
            assert math.isclose(support, part["support"], abs_tol=1e-12)
        if result.rounds == 0:  # acyclic: each strength computed once, from settled inputs
            assert abs(part["recombined"] - part["strength"]) <= 1e-9
        elif result.converged:  # the last round moved nothing by more than 1e-9
            assert abs(part["recombined"] - part["strength"]) <= 1e-9 * (1 + inputs)


def test_df_quad_contributions_on_a_small_example() -> None:
    reasons = [GradualReason(True, (1,), 0), GradualReason(False, (2,), 0)]
    got = explain_strength(0, [0.5, 0.4, 0.7], reasons, [0.65, 0.4, 0.7])
    # va = 0.4 < vs = 0.7: σ = 0.5 + 0.5·0.3 = 0.65; attack −0.5·0.4, support +0.5·0.7
    assert math.isclose(got.recombined, 0.65)
    assert [round(c.effect, 12) for c in got.contributions] == [-0.2, 0.35]


@settings(max_examples=40)
@given(maps(max_nodes=8))
def test_every_argument_of_any_map_is_explained_in_words(map_) -> None:
    explainer = MapExplainer(map_)
    analysis = analyze_map(map_)
    for name in explainer.af.names:
        assert explainer.words(name)
    for node_id in explainer.mf.node_ids:
        data = explainer.explain(node_id)
        assert data["status"] == analysis.status[node_id]
        assert summary(data) and render(data, explainer.words)
        strength = explainer.explain(node_id, "df-quad")
        assert render(strength, explainer.words)

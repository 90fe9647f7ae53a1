"""The DOT argmap writes for each visual feature: ids, shapes, edges, junctions, clusters, filters."""

from __future__ import annotations

import dataclasses

import pytest

import argmap
from argmap.errors import RenderError, UsageError
from argmap.model import Node, NodeKind
from argmap.render import RenderOptions, build_dot
from argmap.render.dot import DotBuilder
from argmap.render.overlay import StatusOverlay, StrengthOverlay
from tests.test_render_helpers import edges, junction_ids, node_ids, segments_of

DEBATE = """\
---
title: A small debate
---
actor ann: Ann {side: Pro}
actor bob: Bob {side: Con}
actor cy: Cy {side: Pro}
source paper: "A paper"

# Main

[Claim]: The main claim. @ann #core
  + [Reason]: A reason for it. @cy
    & [Premise two]: Needed together with the reason. @ann
  - [Objection]: An objection. @bob ^paper
    _ [Undercutter]: The objection does not bear on the claim. @ann
  >< [Opposite]: The opposite claim. @bob

## Sub

evidence [Data]: Some data. ^paper
  +> [Objection]
"""


def dot_of(text: str, **options) -> str:
    return build_dot(argmap.parse(text), RenderOptions(**options))


def test_node_ids_are_generated_never_titles() -> None:
    dot = dot_of(DEBATE)
    assert node_ids(dot) == [f"n{i}" for i in range(1, 8)]
    for title in ("Claim", "Reason", "Objection"):
        assert f"\n\t{title}" not in dot and f"-> {title}" not in dot


def test_shape_by_node_kind_and_colour_by_side() -> None:
    m = argmap.parse(DEBATE + "<Arg>: An argument. @bob\n")
    dot = build_dot(m)
    lines = {n: line for n in node_ids(dot) for line in dot.splitlines() if line.strip().startswith(n + " [")}
    claim, data, arg = lines["n1"], lines["n7"], lines["n8"]
    assert 'style="rounded,filled"' in claim and 'shape="box"' in claim
    assert 'shape="note"' in data and 'class="evidence"' in data
    assert 'penwidth="2"' in arg and 'class="argument"' in arg
    pro, con = '#1f5fa8', '#c05a00'  # first and second side colours
    assert f'color="{pro}"' in lines["n1"] and f'color="{pro}"' in lines["n2"]  # ann and cy share Pro
    assert f'color="{con}"' in lines["n4"]


def test_unknown_node_kind_is_an_explicit_error() -> None:
    m = argmap.parse("[A]: a\n")
    odd = dataclasses.replace(m.nodes["[A]"], kind="mystery")  # type: ignore[arg-type]
    broken = dataclasses.replace(m, nodes={"[A]": odd})
    with pytest.raises(RenderError, match="kind"):
        build_dot(broken)


def test_support_attack_and_contradiction_edges() -> None:
    dot = dot_of("[A]: a\n  + [B]: b\n  - [C]: c\n  >< [D]: d\n")
    by_class = {classes[0]: attrs for _, _, attrs, classes in edges(dot)}
    assert "#2e7d32" in by_class["support"] and 'arrowhead="normal"' in by_class["support"]
    assert "#c62828" in by_class["attack"] and 'arrowhead="tee"' in by_class["attack"]
    assert 'dir="both"' in by_class["contradiction"]
    assert ("n2", "n1") in segments_of(dot, 1)  # B -> A, reasons point at what they support


def test_undercut_ends_on_a_junction_of_the_edge_it_undercuts() -> None:
    dot = dot_of("[A]: a\n  - [B]: b\n    _ [C]: c\n")
    assert junction_ids(dot) == ["j1"]
    assert segments_of(dot, 1) == [("n2", "j1"), ("j1", "n1")]
    assert segments_of(dot, 2) == [("n3", "j1")]
    undercut = [attrs for _, _, attrs, classes in edges(dot) if "undercut" in classes]
    assert undercut and 'style="dashed"' in undercut[0]
    into = [attrs for t, h, attrs, _ in edges(dot) if (t, h) == ("n2", "j1")]
    assert 'arrowhead="none"' in into[0]  # the arrowhead is on the junction's outgoing edge only


def test_co_premises_meet_in_one_linked_reason() -> None:
    dot = dot_of("[A]: a\n  + [B]: b\n  & [C]: c\n")
    assert junction_ids(dot) == ["g1"]
    assert segments_of(dot, 1) == [("n2", "g1"), ("g1", "n1")]
    assert sorted(segments_of(dot, 2)) == [("g1", "n1"), ("n3", "g1")]
    assert sum(1 for t, h, _, _ in edges(dot) if (t, h) == ("g1", "n1")) == 1


def test_sections_are_nested_clusters_and_grouping_can_change() -> None:
    dot = dot_of(DEBATE)
    assert "subgraph cluster_s1 {" in dot and "subgraph cluster_s2 {" in dot
    assert dot.index("cluster_s2") > dot.index("cluster_s1")
    assert "<B>Main</B>" in dot and "<B>Sub</B>" in dot
    assert "subgraph cluster" not in dot_of(DEBATE, group_by="none")
    by_actor = dot_of(DEBATE, group_by="actor")
    assert by_actor.count("subgraph cluster_a") == 3 and "<B>Bob</B>" in by_actor


def test_legend_has_title_sides_relations_and_footnotes() -> None:
    dot = dot_of(DEBATE)
    assert "A small debate" in dot and "<B>Pro</B>" in dot and "<B>Con</B>" in dot
    assert "Ann, Cy" in dot
    for word in ("supports", "attacks", "undercuts an inference", "contradict each other"):
        assert word in dot
    assert "[1]" in dot and "A paper" in dot
    assert "A small debate" not in dot_of(DEBATE, legend=False)


def test_no_text_shows_titles_only_and_wrap_width_applies() -> None:
    text = "[T]: " + "word " * 30 + "\n"
    label, tooltip = dot_of(text, show_text=False).split("tooltip=")  # the tooltip keeps the text
    assert "<B>T</B>" in label and "word" not in label and tooltip.startswith('"word word')
    assert "tooltip=" not in dot_of(text)  # the text is in the label
    narrow, wide = dot_of(text, wrap=10), dot_of(text, wrap=60)
    assert narrow.count("<BR/>") > wide.count("<BR/>") > 0


def test_tags_are_shown_small_and_grey() -> None:
    dot = dot_of("[A]: a #core #(two words)\n")
    assert '<FONT POINT-SIZE="10" COLOR="#8a8a8a"><I>#core  #(two words)</I></FONT>' in dot


def test_long_tags_wrap_whole_and_no_text_is_smaller_than_the_floor() -> None:
    from argmap.render.fit import smallest_font
    from argmap.render.labels import SMALL_SIZE

    dot = dot_of("[A]: a #(energy security) #(public opinion) #law\n", wrap=24)
    assert "#(energy security)<BR/>#(public opinion)  #law" in dot
    assert smallest_font(dot) == SMALL_SIZE


def test_focus_and_depth_keep_the_neighbourhood() -> None:
    chain = "[A]: a\n  + [B]: b\n    + [C]: c\n      + [D]: d\n"
    assert len(node_ids(dot_of(chain, focus="A", depth=1))) == 2
    assert len(node_ids(dot_of(chain, focus="B", depth=1))) == 3
    assert len(node_ids(dot_of(chain, focus="A", depth=3))) == 4
    with pytest.raises(UsageError, match="no node titled"):
        dot_of(chain, focus="Nope")


def test_actor_and_tag_filters() -> None:
    assert len(node_ids(dot_of(DEBATE, actors=("bob",)))) == 2
    assert len(node_ids(dot_of(DEBATE, tags=("core",)))) == 1
    with pytest.raises(UsageError, match="unknown actor"):
        dot_of(DEBATE, actors=("zed",))


def test_an_undercut_is_hidden_with_the_relation_it_undercuts() -> None:
    dot = dot_of("[A]: a\n  - [B]: b\n    _ [C]: c\n", actors=(), tags=(), focus="C", depth=0)
    assert node_ids(dot) == ["n3"] and edges(dot) == []


def test_relation_weight_sets_the_line_width() -> None:
    dot = dot_of("[A]: a\n  + {weight: 1} [B]: b\n  + {weight: 0} [C]: c\n")
    widths = [attrs for _, _, attrs, _ in edges(dot)]
    assert 'penwidth="3.00"' in widths[0] and 'penwidth="0.60"' in widths[1]


def test_bad_options_are_usage_errors() -> None:
    m = argmap.parse("[A]: a\n")
    for bad in (RenderOptions(rankdir="XX"), RenderOptions(group_by="x"), RenderOptions(wrap=2),
                RenderOptions(depth=-1)):
        with pytest.raises(UsageError):
            build_dot(m, bad)


def test_overlays_add_attributes_rows_and_legend() -> None:
    m = argmap.parse("[A]: a\n  - [B]: b\n")
    status = StatusOverlay("grounded", {"[A]": "out", "[B]": "in"})
    strength = StrengthOverlay({"[A]": 0.25, "[B]": 1.0})
    dot = DotBuilder(m, RenderOptions().validated(m), [status, strength]).build()
    a_line = next(line for line in dot.splitlines() if line.strip().startswith("n1 ["))
    # the status is a line style added to the shape's, the border keeps its colour
    assert 'style="rounded,filled,dashed"' in a_line and 'color="#6f6f6f"' in a_line and ">OUT<" in a_line
    assert '<TD WIDTH="15" HEIGHT="5"' in a_line and ">0.25<" in a_line
    assert "in (grounded)" in dot and "strength (gradual" in dot


def test_label_overlay_uses_the_analysis() -> None:
    from argmap.render.overlay import overlays_for

    m = argmap.parse("[A]: a\n  - [B]: b\n")
    (status,) = overlays_for(m, "grounded")
    assert status.status == {"[A]": "out", "[B]": "in"}
    with pytest.raises(UsageError):
        overlays_for(m, "no-such-semantics")


def test_kinds_not_drawn_are_left_out_of_the_legend() -> None:
    dot = dot_of("[A]: a\n  + [B]: b\n")
    assert "supports" in dot and "attacks" not in dot


def test_node_model_kinds_all_have_a_method() -> None:
    builder = DotBuilder(argmap.parse("[A]: a\n"), RenderOptions())
    for kind in NodeKind:
        node = Node(id="[X]", kind=kind, title="X", text="x")
        assert "shape" in getattr(builder, kind.value)(node)


def test_node_kinds_are_keyed_only_when_mixed() -> None:
    assert "NODES" not in dot_of("[A]: a\n  + [B]: b\n")
    mixed = dot_of("[A]: a\n  + evidence: data\n")
    assert "NODES" in mixed and "evidence (folded corner)" in mixed and "argument" not in mixed


def test_an_actor_can_choose_its_sides_colour_and_bad_colours_are_ignored() -> None:
    text = ('actor ru: Russia {side: Russia, color: "#b22222"}\nactor us: US {side: US, color: "red; x"}\n'
            "[A]: a @ru\n  - [B]: b @us\n")
    lines = {line.split()[0]: line for line in dot_of(text).splitlines() if " [label=" in line}
    # 255 - (255 - c) * 0.18 per channel: b2 -> f1, 22 -> d7
    assert 'color="#b22222"' in lines["n1"] and 'fillcolor="#f1d7d7"' in lines["n1"]
    assert 'color="#c05a00"' in lines["n2"]  # the second palette colour, not the bad value


ROUNDS = """\
---
title: Rounds
---
[A]: a {round: 1}
  - [B]: b {round: 2}
    _ [U]: u {round: 3}
  + {round: 3} [C]: c
  + [D]: d
  & [E]: e {round: 2}
"""


def test_round_draws_the_map_as_it_stood_after_that_round() -> None:
    after = {n: dot_of(ROUNDS, round=n) for n in (0, 1, 2, 3)}
    # [C] and [D] have no round: there from the start; their relations wait for [A] (and
    # the co-premise [E]), the support of [C] for its own round 3, the undercut for [U]
    assert [len(node_ids(after[n])) for n in (0, 1, 2, 3)] == [2, 3, 5, 6]
    assert edges(after[1]) == []
    assert len(segments_of(after[2], 1)) == 1 and segments_of(after[2], 3) == []
    assert segments_of(after[2], 4) and segments_of(after[2], 5)  # the linked reason, whole
    assert segments_of(after[3], 2) and segments_of(after[3], 3)
    assert "Rounds (after round 2)" in after[2] and "after round" not in dot_of(ROUNDS)
    assert after[3].replace(" (after round 3)", "") == dot_of(ROUNDS)  # everything is there by 3
    with pytest.raises(UsageError, match="not in the map yet after round 1"):
        dot_of(ROUNDS, round=1, focus="B")
    with pytest.raises(UsageError, match="--round"):
        dot_of(ROUNDS, round=-1)


def test_round_overlays_analyse_the_map_of_that_round() -> None:
    from argmap.render.overlay import overlays_for

    m = argmap.parse(ROUNDS)
    (status,) = overlays_for(m, "grounded", round=1)
    assert status.status == {"[A]": "in", "[C]": "in", "[D]": "in"}
    (status,) = overlays_for(m, "grounded", round=2)
    assert status.status["[A]"] == "out"


def test_crowded_heads_are_spread_along_the_side_edges_enter_by() -> None:
    from argmap.render.ports import spread_heads

    dot = "\tn2 -> n1 [x]\n\tn3 -> n1 [x]\n\tn4 -> n1 [x]\n\tn5 -> n6 [x]\n\tn7 -> n6 [x]\n"
    plain = "graph 1 9 9\n" + "".join(f"node {name} {x} 1 1 1 x\n" for name, x in
                                     (("n2", 5), ("n3", 1), ("n4", 3), ("n5", 1), ("n7", 2)))
    # three edges into n1 (their tails left to right: n3, n4, n2); two into n6 is no crowd
    assert spread_heads(dot, plain, "BT") == {("n3", "n1"): "sw", ("n4", "n1"): "s", ("n2", "n1"): "se"}
    assert spread_heads(dot, plain, "TB")[("n3", "n1")] == "nw"
    five = "".join(f"\tn{i} -> n1 [x]\n" for i in range(2, 7))
    five_plain = "graph 1 9 9\n" + "".join(f"node n{i} {i} 1 1 1 x\n" for i in range(2, 7))
    assert list(spread_heads(five, five_plain, "BT").values()) == ["w", "sw", "s", "se", "e"]


def test_render_bytes_gives_the_ports_to_graphviz() -> None:
    from argmap.render import render_bytes

    m = argmap.parse("[A]: a\n  + [B]: b\n  + [C]: c\n  - [D]: d\n")
    assert "headport" not in build_dot(m)
    svg = render_bytes(m, "svg")
    assert b"<svg" in svg
    from argmap.render import find_binary

    dot = render_bytes(m, "dot", binary=find_binary()).decode()
    assert sorted(line.split("headport=")[1][:4] for line in dot.splitlines() if "headport" in line) == \
        ['"s" ', '"se"', '"sw"']


def test_an_undercut_within_one_box_may_sit_level_with_the_inference() -> None:
    inside = dot_of("# S\n[A]: a\n  + [B]: b\n    _ [C]: c\n")
    assert 'minlen="0" class="undercut' in inside
    across = dot_of("# S\n[C]: c\n# T\n[A]: a\n  + [B]: b\n    _ [C]\n")
    assert 'class="undercut' in across and "minlen" not in across
    assert 'minlen="0"' in dot_of("# S\n[C]: c\n# T\n[A]: a\n  + [B]: b\n    _ [C]\n", group_by="none")

"""Question nodes (`question: …`, `question [Title]: …`) and rephrase relations (`= child`)
through every stage: reading with positions, writing, checking, analysis, drawing."""

from __future__ import annotations

import textwrap

import pytest
from helpers import parse_clean

import argmap
from argmap.analyze.analysis import analyze_map
from argmap.analyze.debate import debate_report
from argmap.errors import Span
from argmap.language.read.parse import parse
from argmap.language.write.format import escape_text, format_map
from argmap.model import Map, Node, NodeKind, Relation, RelationKind

TEXT = textwrap.dedent("""\
    [NATO]: NATO is a defensive alliance.
      = [Defensive]: NATO exists to defend its members.
      - question: Is NATO a defensive alliance?
      + question [Who]: Who attacked whom? #open
    question [Q]: Why did NATO grow?
      = [Why grow]: What made NATO grow?
""")


def test_questions_and_rephrases_read_with_their_positions() -> None:
    m = parse_clean(TEXT)
    question = m.nodes["_1"]
    assert question.kind is NodeKind.QUESTION and question.text == "Is NATO a defensive alliance?"
    assert question.span == Span(None, 3, 3, 3, 44)  # an untitled node: its whole line, marker first
    titled = m.nodes["[Who]"]
    assert titled.kind is NodeKind.QUESTION and titled.title == "Who" and titled.tags == ("open",)
    assert titled.span == Span(None, 4, 14, 4, 45)  # the title on
    assert m.nodes["[Q]"].kind is NodeKind.QUESTION and m.nodes["[Q]"].span == Span(None, 5, 10, 5, 33)
    rephrase = m.relations["r1"]
    assert (rephrase.kind, rephrase.source, rephrase.target) == (RelationKind.REPHRASE, "[Defensive]", "[NATO]")
    assert rephrase.span == Span(None, 2, 3, 2, 52)  # the whole child line, marker first
    last = m.relations["r4"]
    assert (last.kind, last.source, last.target) == (RelationKind.REPHRASE, "[Why grow]", "[Q]")
    usages = [(u.name, u.span.line, u.span.column) for u in m.usages if u.kind == "node"]
    assert usages == []  # definitions only: no references


def test_fmt_writes_both_constructs_canonically_and_idempotently() -> None:
    messy = TEXT.replace("question [Who]", "question[Who]").replace("= [Defensive]", "=   [Defensive]")
    once = argmap.format_text(messy)
    assert once == TEXT
    assert argmap.format_text(once) == once


def test_a_question_and_a_rephrase_survive_a_graph_only_round_trip() -> None:
    """layout.py writes a rephrase under its target with `=`."""
    m = parse_clean(TEXT)
    graph_only = Map(nodes=dict(m.nodes), relations=dict(m.relations))
    text = format_map(graph_only)
    assert "  = [Defensive]: NATO exists to defend its members." in text.splitlines()
    again = parse_clean(text)
    assert again.nodes == m.nodes and again.relations == m.relations


@pytest.mark.parametrize("text", ["question: not a question", "question [x]: no", "= starts with an equals sign",
                                  "=", "question:"])
def test_plain_text_that_would_read_as_a_question_or_a_rephrase_is_escaped(text: str) -> None:
    m = Map(nodes={"[T]": Node("[T]", NodeKind.CLAIM, "T", "t"), "_1": Node("_1", NodeKind.CLAIM, None, text)},
            relations={"r1": Relation("r1", RelationKind.SUPPORT, "_1", "[T]")})
    written = format_map(m)
    assert escape_text(text) != text
    back = parse_clean(written)
    assert back.nodes["_1"].kind is NodeKind.CLAIM and back.nodes["_1"].text == text
    top = parse_clean(escape_text(text) + "\n")  # at the top level too
    assert top.nodes["_1"].kind is NodeKind.CLAIM and top.nodes["_1"].text == text


def test_an_undercut_under_a_rephrase_is_reported() -> None:
    m = parse("[A]: a\n  = [B]: b\n    _ [C]: no inference to undercut\n")
    (diagnostic,) = m.diagnostics
    assert diagnostic.code == "undercut-without-inference" and diagnostic.is_error
    assert "restates its parent" in diagnostic.message and diagnostic.span.line == 3
    assert [r.kind for r in m.relations.values()] == [RelationKind.REPHRASE]


def test_an_argument_written_as_a_rephrase_can_still_have_its_own_inference_undercut() -> None:
    m = parse_clean("[A]: a\n  = <B>: b\n    _ [C]: c\n")
    assert [(r.kind, r.target) for r in m.relations.values()] == [
        (RelationKind.REPHRASE, "[A]"), (RelationKind.UNDERCUT, "<B>")]


def test_a_rephrase_is_no_co_premise() -> None:
    for text in ("[A]: a\n  = [B]: b\n  & [C]: c\n", "[A]: a\n  = [B]: b\n    & [C]: c\n"):
        m = parse(text)
        assert [d.code for d in m.diagnostics] == ["co-premise-without-sibling"], text


# --- check ------------------------------------------------------------------------------------


def _codes(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in argmap.check(parse(textwrap.dedent(text)))]


def test_a_question_as_a_reason_is_a_warning() -> None:
    found = argmap.check(parse(TEXT))
    assert [(d.code, d.span.line, d.severity.value) for d in found] == [
        ("question-as-reason", 3, "warning"), ("question-as-reason", 4, "warning")]
    assert "a question asserts nothing; it cannot support or attack" in found[0].message
    assert _codes("""\
        [A]: a
          >< question: Really?
        question [Q]: Why?
          >< [B]: b
        [D]: d
          +> question [E]: e?  // D supports E: a reason for a question is fine
          -> [F]: f
            _ question: undercut?
        """) == [("question-as-reason", 2), ("question-as-reason", 4), ("question-as-reason", 8)]


def test_questions_may_be_rephrased_answered_and_attacked() -> None:
    """What points at a question, and rephrases of any kinds of node, are fine."""
    assert _codes("""\
        question [Q]: Should NATO grow?
          = question: Ought NATO to expand?
          + [Yes]: Yes, it should.
          - [No]: The question is loaded.
          = <A>: an argument restating it
        [C]: a claim
          = evidence: restated as evidence ^s
        source s: "S"
        """) == []


def test_a_self_rephrase_is_a_self_relation() -> None:
    assert _codes("[A]: a\n  = [A]\n") == [("self-relation", 2)]
    assert "rephrases itself" in argmap.check(parse("[A]: a\n  = [A]\n"))[0].message


def test_an_undercut_of_a_rephrase_in_an_import_is_reported() -> None:
    m = Map(nodes={f"[{t}]": Node(f"[{t}]", NodeKind.CLAIM, t, t) for t in "ABC"},
            relations={"r1": Relation("r1", RelationKind.REPHRASE, "[B]", "[A]"),
                       "r2": Relation("r2", RelationKind.UNDERCUT, "[C]", "r1")})
    assert [d.code for d in argmap.check(m)] == ["empty-undercut"]


# --- analysis ---------------------------------------------------------------------------------

ANALYSED = textwrap.dedent("""\
    [A]: a claim
      - question [Q]: Is A true?
      = [B]: a in other words
      - [C]: an objection
    question [Open]: Nothing relates to this question.
    [D]: d
      + [Open]
""")


@pytest.mark.parametrize("semantics", ["grounded", "preferred", "stable"])
def test_a_question_is_no_argument_and_never_in(semantics: str) -> None:
    m = parse_clean(ANALYSED)
    result = analyze_map(m, semantics)
    # [Open] is unattacked: were it an argument it would be `in`; [Q] attacks [A]: left out
    assert result.status["[Open]"] == result.status["[Q]"] == "question"
    assert list(result.status) == list(m.nodes)  # every node, in map order
    assert "[Open]" not in result.strength and "[Q]" not in result.strength
    assert all("[Open]" not in e and "[Q]" not in e for e in result.extensions)
    mf = result.framework
    assert mf is not None and "[Q]" not in mf.af.names and "[Open]" not in mf.af.names
    assert mf.questions == ("[Q]", "[Open]") and mf.left_out == ("r1", "r2", "r4")
    # [C]'s attack alone decides [A]; the question's attack and the rephrase add nothing
    assert (result.status["[A]"], result.status["[C]"], result.status["[B]"]) == ("out", "in", "in")
    assert result.status["[D]"] == "in" and result.strength["[D]"] == 0.5  # the question's support is left out


def test_a_rephrase_is_ignored_by_the_semantics_and_listed() -> None:
    m = parse_clean(ANALYSED)
    without = parse_clean(ANALYSED.replace("  = [B]: a in other words\n", "") + "[B]: a in other words\n")
    with_rephrase, plain = analyze_map(m), analyze_map(without)
    assert with_rephrase.status == {n: plain.status[n] for n in with_rephrase.status}
    assert with_rephrase.strength == {n: plain.strength[n] for n in with_rephrase.strength}
    assert with_rephrase.rephrases == {"[A]": ("[B]",)} and plain.rephrases == {}


def test_the_analysis_report_shows_questions_and_rephrases(tmp_path) -> None:
    import json
    import subprocess
    import sys

    path = tmp_path / "q.argmap"
    path.write_text(ANALYSED, encoding="utf-8")
    run = [sys.executable, "-m", "argmap", "analyze", str(path)]
    data = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout)
    assert data["labels"]["[Q]"] == "question" and "[Q]" not in data["strength"]
    assert data["rephrases"] == {"[A]": ["[B]"]}
    text = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "question" in text and "[A] is restated by [B]" in text
    refused = subprocess.run([*run, "--assume", "Q=accepted"], capture_output=True, text=True)
    assert refused.returncode != 0 and "asserts nothing" in refused.stderr


def test_debate_reports_leave_questions_out() -> None:
    m = parse_clean("actor a: A\nactor b: B\n[A]: a @a\n  - question [Q]: Really? @b\n  - [C]: c @b\n")
    report = debate_report(m)
    ann, bob = report.actors
    assert ann.claims == ("[A]",) and bob.claims == ("[C]",)
    assert [e.attacker for e in ann.attacks_received] == ["[C]"]


def test_iccma_reports_questions_and_rephrases_as_losses() -> None:
    from argmap.export.iccma import map_to_i23
    from argmap.export.losses import Losses

    losses = Losses()
    text = map_to_i23(parse_clean(ANALYSED), losses)
    assert "[Q]" not in text and "[Open]" not in text
    codes = {(loss.code, loss.element) for loss in losses}
    assert {("question", "[Q]"), ("question", "[Open]"), ("rephrase", "r2"), ("attack", "r1"),
            ("support", "r4")} <= codes


# --- render -----------------------------------------------------------------------------------


def test_a_question_and_a_rephrase_have_their_own_look() -> None:
    from argmap.render.dot import build_dot
    from argmap.render.style import EDGE_STYLES, KIND_WORDS, node_attributes
    from argmap.sides import Sides

    m = parse_clean("[A]: a\n  = [B]: b\n  - question [Q]: Why?\n")
    shapes = {kind: node_attributes(Node("[X]", kind, "X", "x"), Sides(m))["shape"] for kind in NodeKind}
    assert shapes[NodeKind.QUESTION] == "hexagon" and list(shapes.values()).count("hexagon") == 1
    rephrase = EDGE_STYLES[RelationKind.REPHRASE]
    assert rephrase["style"] == "dashed" and rephrase["arrowhead"] == "none" and rephrase["dir"] == "none"
    assert all(style != rephrase for kind, style in EDGE_STYLES.items() if kind is not RelationKind.REPHRASE)
    dot = build_dot(m)
    assert 'shape="hexagon"' in dot and 'dir="none"' in dot and "rephrase rel1" in dot
    assert KIND_WORDS[NodeKind.QUESTION][1] in dot and "restates (in other words)" in dot  # in the legend


# --- TUI and LSP ------------------------------------------------------------------------------


def test_the_tui_shows_a_question_badge_and_rephrases_in_the_detail_pane() -> None:
    from argmap.tui.overlay import Overlay
    from argmap.tui.widgets.detail import relation_choice
    from argmap.tui.widgets.labels import KIND_GLYPHS, RELATION_STYLES, STATUS_BADGES, entry_label

    assert set(KIND_GLYPHS) == set(NodeKind) and set(RELATION_STYLES) == set(RelationKind)
    assert "question" in STATUS_BADGES
    m = parse_clean(TEXT)
    rephrase = m.relations["r1"]
    assert relation_choice(m, rephrase, "[Defensive]") == ("→ restates NATO", "[NATO]")
    assert relation_choice(m, rephrase, "[NATO]") == ("← restated by Defensive", "[Defensive]")
    (root,) = [e for e in m.document if getattr(e, "node", None) == "[NATO]"]
    question_entry = root.children[2]
    label = entry_label(m, question_entry, {}, Overlay())
    assert label.plain.startswith("+ ? Who")


def test_lsp_completes_the_question_keyword_and_question_titles() -> None:
    from lsprotocol import types

    from argmap.lsp.completion import complete, trigger

    m = parse_clean(TEXT)
    assert trigger("  - qu") == ("keyword", "qu") and trigger("que") == ("keyword", "que")
    assert trigger("") is None and trigger("Some text") is None and trigger("  + x") is None
    items = complete(m, "  + qu", types.Position(3, 6)).items
    assert [(i.label, i.text_edit.new_text) for i in items] == [("question", "question: ")]
    assert items[0].kind is types.CompletionItemKind.Keyword
    assert {i.label for i in complete(m, "  + ", types.Position(3, 4)).items} == {"question", "evidence"}
    titles = {i.label for i in complete(m, "  - [W", types.Position(3, 6)).items}
    assert "Who" in titles and "Why grow" in titles  # questions share the [Title] namespace


def test_lsp_hover_names_the_kind_of_a_question() -> None:
    from argmap.lsp.hover import describe_node

    m = parse_clean(TEXT)
    assert describe_node(m, m.nodes["[Q]"], None).startswith("**Q** — question")
    text = describe_node(m, m.nodes["[Q]"], analyze_map(m))
    assert "question" in text and "strength" not in text

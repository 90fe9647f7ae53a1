"""Argdown import: one small document per construct of Argdown's syntax."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES

from argmap.errors import Severity
from argmap.importers.argdown import read_argdown
from argmap.model import NodeKind, RelationKind

ARGDOWN = FIXTURES / "argdown"


def rels(m) -> set[tuple[str, str, str]]:
    return {(r.kind.value, r.source, r.target) for r in m.relations.values()}


def warnings(m) -> list[str]:
    return [d.code for d in m.diagnostics if d.severity is Severity.WARNING]


def test_statements_span_lines_until_a_blank_line() -> None:
    m = read_argdown("This is a statement.\nIt goes on.\n\nAnother one.\n")
    assert [n.text for n in m.nodes.values()] == ["This is a statement.\nIt goes on.", "Another one."]
    assert list(m.nodes) == ["_1", "_2"]


def test_titles_and_equivalence_classes() -> None:
    m = read_argdown("[Letter]: A is first.\n\n[Letter]: A is first.\n\n[Letter]\n")
    assert list(m.nodes) == ["[Letter]"]
    assert m.nodes["[Letter]"].text == "A is first."
    assert warnings(m) == []


def test_differently_worded_member_is_kept_with_a_warning() -> None:
    m = read_argdown("[L]: A is first.\n\n[L]: First comes A.\n")
    assert m.nodes["[L]"].text == "A is first."
    assert m.nodes["[L]"].meta["argdown-members"] == ["First comes A."]
    (diagnostic,) = m.diagnostics
    assert diagnostic.code == "argdown-member" and diagnostic.span.line == 3


def test_reference_before_definition_and_arguments() -> None:
    m = read_argdown("[God]: God exists.\n  + <Onto>\n\n<Onto>: The ontological proof.\n")
    assert m.nodes["<Onto>"].kind is NodeKind.ARGUMENT
    assert m.nodes["<Onto>"].text == "The ontological proof."
    assert rels(m) == {("support", "<Onto>", "[God]")}


def test_mentions_stay_in_the_text() -> None:
    m = read_argdown("[N]: God is dead.\n\nI doubt @[N] and @<Arg> make sense.\n")
    assert m.nodes["_1"].text == "I doubt @[N] and @<Arg> make sense."
    assert m.relations == {}


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ("+", ("support", "<b>", "[a]")),
        ("<+", ("support", "<b>", "[a]")),
        ("-", ("attack", "<b>", "[a]")),
        ("<-", ("attack", "<b>", "[a]")),
        ("+>", ("support", "[a]", "<b>")),
        ("->", ("attack", "[a]", "<b>")),
        ("_>", ("undercut", "[a]", "<b>")),
        ("><", ("contradiction", "<b>", "[a]")),
    ],
)
def test_every_relation_form(marker: str, expected: tuple[str, str, str]) -> None:
    m = read_argdown(f"[a]: A.\n    {marker} <b>: B.\n")
    assert rels(m) == {expected}


def test_undercut_under_a_top_level_argument_targets_the_argument() -> None:
    m = read_argdown("<a>: A.\n  _ <b>: B.\n  <_ <c>: C.\n")
    assert rels(m) == {("undercut", "<b>", "<a>"), ("undercut", "<c>", "<a>")}


def test_undercut_under_a_relation_line_targets_that_relation() -> None:
    m = read_argdown("[s]: S.\n  + <a>: A.\n    _ <b>: B.\n")
    support = next(r for r in m.relations.values() if r.kind is RelationKind.SUPPORT)
    undercut = next(r for r in m.relations.values() if r.kind is RelationKind.UNDERCUT)
    assert (undercut.source, undercut.target) == ("<b>", support.id)


def test_nested_relation_lists_find_their_parent_by_indentation() -> None:
    text = "s1\n    + <a>\n        - <b>\n            + <c>\n        + <d>\n    - <e>\n"
    m = read_argdown(text)
    assert rels(m) == {
        ("support", "<a>", "_1"), ("attack", "<b>", "<a>"), ("support", "<c>", "<b>"),
        ("support", "<d>", "<a>"), ("attack", "<e>", "_1"),
    }


def test_relation_child_text_continues_on_following_lines() -> None:
    m = read_argdown("[s]: S.\n  + <a>: Arguments can\n  span lines.\n  - <b>: B.\n")
    assert m.nodes["<a>"].text == "Arguments can\nspan lines."
    assert rels(m) == {("support", "<a>", "[s]"), ("attack", "<b>", "[s]")}


def test_headings_become_nested_sections() -> None:
    m = read_argdown("# H1\n\n<A1>: a\n\n## H2\n\n[S1]: s\n\n# H3\n\n[S2]: t\n")
    assert [(s.id, s.title, s.level, s.parent) for s in m.sections.values()] == [
        ("s1", "H1", 1, None), ("s2", "H2", 2, "s1"), ("s3", "H3", 1, None)]
    assert (m.nodes["<A1>"].section, m.nodes["[S1]"].section, m.nodes["[S2]"].section) == (
        "s1", "s2", "s3")


def test_tags_including_bracketed_ones() -> None:
    m = read_argdown("This is tagged.\n#hyphen-tag #another\n#(bracketed tag!)\n")
    assert m.nodes["_1"].tags == ("hyphen-tag", "another", "bracketed tag!")
    assert m.nodes["_1"].text == "This is tagged."


def test_inline_and_block_data() -> None:
    m = read_argdown('[N]: God is dead. {sources: ["Nietzsche", "Mainländer"], year: 1882}\n\n'
                     "[N] {\nlinks:\n    - https://example.org/a\n    - b\nok: true\n}\n")
    meta = m.nodes["[N]"].meta
    assert meta["sources"] == ["Nietzsche", "Mainländer"] and meta["year"] == 1882
    assert meta["links"] == ["https://example.org/a", "b"] and meta["ok"] is True


def test_front_matter_is_metadata() -> None:
    m = read_argdown("===\ntitle: Argdown vs editors\nauthor: Christian\n===\n\n[A]: a\n")
    assert m.metadata == {"title": "Argdown vs editors", "author": "Christian"}


def test_comments_are_ignored_and_urls_kept() -> None:
    text = ("<A1>: a // a line comment\n\n/*\nmulti\nline\n*/\n\n<!--\nhtml\n-->\n"
            "<a>: <!-- inside --> Now the description, see https://example.org/x.\n")
    m = read_argdown(text)
    assert m.nodes["<A1>"].text == "a"
    assert m.nodes["<a>"].text == "Now the description, see https://example.org/x."
    assert len(m.nodes) == 2


def test_a_comment_line_does_not_end_a_block() -> None:
    m = read_argdown("[s]: S.\n// note\n  + <a>: A.\n")
    assert rels(m) == {("support", "<a>", "[s]")}


def test_premise_conclusion_structure_of_a_titled_argument() -> None:
    text = ("<Teleological proof>\n\n(1) The world seems designed.\n(2) [Best]: Design explains"
            " it best.\n-----\n(3) A designer exists.\n(4) The designer is God.\n----\n"
            "(5) [God]: God exists.\n")
    m = read_argdown(text)
    pcs = m.reconstructions["<Teleological proof>"]
    assert pcs.statements == ("_1", "[Best]", "_2", "_3", "[God]")
    # step 1 uses (1) and (2) for the intermediary conclusion (3); step 2 uses (3) and (4)
    assert [(i.uses, i.conclusion) for i in pcs.inferences] == [((1, 2), 3), ((3, 4), 5)]
    # the argument supports its main conclusion; the statements relate to nothing else
    assert rels(m) == {("support", "<Teleological proof>", "[God]")}
    assert warnings(m) == []


def test_anonymous_pcs_supports_the_conclusion_directly() -> None:
    m = read_argdown("(1) s1\n(2) s2\n----\n(3) s3\n")
    assert rels(m) == {("support", "_1", "_3"), ("support", "_2", "_3")}


def test_expanded_inference_rules_and_undercut_of_an_inference() -> None:
    text = ("<a>\n\n(1) All humans are mortal.\n(2) Socrates is human.\n--\nModus Ponens "
            "{logic: deductive, uses: [1, 2]}\n--\n    <_ <b>: Not all.\n(3) Socrates is mortal.\n")
    m = read_argdown(text)
    (inference,) = m.reconstructions["<a>"].inferences
    assert (inference.rule, inference.meta, inference.uses) == ("Modus Ponens", {"logic": "deductive", "uses": [1, 2]},
                                                                (1, 2))
    (undercut,) = inference.undercuts
    assert ("undercut", "<b>", "<a>") in rels(m) and m.relations[undercut].source == "<b>"


def test_uses_data_says_which_statements_an_inference_uses() -> None:
    m = read_argdown("<a>\n\n(1) p\n(2) q\n(3) r\n--\n{uses: [1, 3]}\n--\n(4) c\n")
    assert m.reconstructions["<a>"].inferences[0].uses == (1, 3)


def test_relations_below_pcs_statements() -> None:
    m = read_argdown("<a>\n\n(1) s1\n    <- <b>: B.\n(2) s2\n-----\n(3) s3\n    +> [t1]\n")
    assert ("attack", "<b>", "_1") in rels(m) and ("support", "_3", "[t1]") in rels(m)


def test_strict_mode_makes_statement_attacks_contradictions() -> None:
    m = read_argdown("===\nmodel:\n    mode: strict\n===\n\n[A]: a\n  - [B]: b\n  + <C>: c\n")
    assert rels(m) == {("contradiction", "[B]", "[A]"), ("support", "<C>", "[A]")}


def test_lists_hold_statements() -> None:
    m = read_argdown("* [N]: God is dead.\n* [I]: The world is designed.\n\n1. third\n2. fourth\n")
    assert [n.text for n in m.nodes.values()] == [
        "God is dead.", "The world is designed.", "third", "fourth"]


def test_what_cannot_be_held_is_a_positioned_warning() -> None:
    text = "# Heading #tag\n\n[A]: a\n\n----\n\n[B] stray words\n{broken: [1, }\n"
    m = read_argdown(text, "w.argdown")
    found = {(d.code, d.span.line) for d in m.diagnostics}
    assert ("argdown-heading-data", 1) in found
    assert ("argdown-inference", 5) in found
    assert ("argdown-reference-text", 7) in found
    assert ("argdown-data", 8) in found
    assert all(d.span.path == "w.argdown" for d in m.diagnostics)


def test_escaped_characters_are_text() -> None:
    m = read_argdown(r"Not a \#tag, not \{data\} and \[not a title\]" + "\n")
    assert m.nodes["_1"].text == "Not a #tag, not {data} and [not a title]"
    assert m.nodes["_1"].tags == ()


@pytest.mark.parametrize("path", sorted(ARGDOWN.glob("*.argdown")), ids=lambda p: p.name)
def test_fixture_documents_read_without_warnings(path: Path) -> None:
    m = read_argdown(path.read_text("utf-8"), str(path))
    assert m.nodes and warnings(m) == []


# --- Argdown as people write it (each found against Argdown's own CLI) -----------------------


def test_a_fragment_in_a_link_target_is_no_tag() -> None:
    m = read_argdown("[C]: Read [the guide](https://argdown.org/syntax/#relations) first. #docs\n")
    assert m.nodes["[C]"].text == "Read [the guide](https://argdown.org/syntax/#relations) first."
    assert m.nodes["[C]"].tags == ("docs",)


def test_an_empty_numbered_statement_keeps_the_reconstruction() -> None:
    m = read_argdown("<Arg>\n\n(1) First.\n(2) Second.\n----\n(3) \n  -> [Other]: else\n")
    conclusion = next(n for n in m.nodes.values() if n.id.startswith("_") and n.text == "")
    assert ("support", "<Arg>", conclusion.id) in rels(m)
    assert ("attack", conclusion.id, "[Other]") in rels(m)
    assert warnings(m) == ["argdown-empty-statement"]


def test_dedent_to_a_width_no_level_has_joins_the_enclosing_level() -> None:
    # Argdown's lexer: `-> G` at 4 closes the levels 10, 8 and 6 and belongs to level 2
    m = read_argdown("A\n  + B\n  - C\n      <+ D\n        <- E\n          +> F\n    -> G\n")
    assert ("attack", "_1", "_7") in rels(m)


def test_tabs_and_mixed_indentation_count_characters() -> None:
    m = read_argdown("[A]: a\n\t+ <B>: b\n\t\t- <C>: c\n  \t+ <D>: d\n\t-> [E]: e\n")
    assert rels(m) == {("support", "<B>", "[A]"), ("attack", "<C>", "<B>"),
                       ("support", "<D>", "<C>"), ("attack", "[A]", "[E]")}


def test_text_may_start_on_the_line_after_the_title() -> None:
    m = read_argdown("[T]:\n  The text starts here.\n  + <A>:\n    The argument text.\n")
    assert m.nodes["[T]"].text == "The text starts here."
    assert m.nodes["<A>"].text == "The argument text."


def test_inference_rules_on_the_inference_line() -> None:
    m = read_argdown("<A>\n\n(1) First\n(2) Second\n-- Modus Ponens --\n(3) Third\n")
    (inference,) = m.reconstructions["<A>"].inferences
    assert (inference.rule, inference.meta) == ("Modus Ponens", {})
    assert [n.text for n in m.nodes.values() if n.kind is NodeKind.CLAIM] == ["First", "Second", "Third"]


def test_relations_under_list_items() -> None:
    m = read_argdown("  1. First item\n  2. Second item\n    + Some crazy stuff\n")
    assert rels(m) == {("support", "_3", "_2")}


def test_a_heading_runs_on_to_the_blank_line() -> None:
    m = read_argdown("## Relations between\n@[H1] and the\nEvidence {isGroup: false}\n\n[S]: s\n")
    assert [s.title for s in m.sections.values()] == ["Relations between @[H1] and the Evidence"]
    assert list(m.nodes) == ["[S]"]


def test_undercut_under_a_conclusion_undercuts_the_inference() -> None:
    m = read_argdown("<a>\n\n(1) s1\n(2) s2\n-----\n(3) s3\n    <_ <b>\n    +> <c>\n")
    assert ("undercut", "<b>", "<a>") in rels(m)
    assert len(m.reconstructions["<a>"].inferences[0].undercuts) == 1
    assert ("support", "_3", "<c>") in rels(m)


def test_logical_symbol_shortcodes_become_symbols() -> None:
    m = read_argdown(".A.x.E.y: F(x) .->. G(y), e.g. here\n")
    assert m.nodes["_1"].text == "∀x∃y: F(x) → G(y), e.g. here"


def test_front_matter_plain_scalars_may_go_on_over_lines() -> None:
    m = read_argdown("===\ntitle: A Stylized Reconstruction\n    That Goes On\nmodel:\n    mode: strict\n===\n\n"
                     "[A]: a\n  - [B]: b\n")
    assert m.metadata["title"] == "A Stylized Reconstruction That Goes On"
    assert rels(m) == {("contradiction", "[B]", "[A]")}


def test_include_reads_the_partial_files(tmp_path: Path) -> None:
    (tmp_path / "_part.argdown").write_text("[P]: from the part\n  + <Q>: q\n", encoding="utf-8")
    main = tmp_path / "main.argdown"
    main.write_text("[M]: main\n\n@include(_part.argdown)\n\n@include(missing.argdown)\n", encoding="utf-8")
    m = read_argdown(main.read_text(encoding="utf-8"), str(main))
    assert "[P]" in m.nodes and ("support", "<Q>", "[P]") in rels(m)
    (diagnostic,) = m.diagnostics
    assert diagnostic.code == "argdown-include" and diagnostic.span.line == 5


@pytest.mark.parametrize(("text", "meta"), [
    ('{x: "y}z"}', {"x": "y}z"}),               # a quoted value holds a brace
    ("{x: 'a}b'}", {"x": "a}b"}),
    ('{x: "a\\"}b"}', {"x": 'a"}b'}),            # an escaped quote does not end the string
    ("{x: it's}", {"x": "it's"}),               # a quote inside a plain value opens nothing
    ('{x: y"z}', {"x": 'y"z'}),
    ("{x: it's, y: '}'}", {"x": "it's", "y": "}"}),
    ('{x: {y: "}"}}', {"x": '{"y": "}"}'}),     # nested: a mapping is kept as its JSON text
])
def test_a_data_block_ends_at_its_own_brace_not_one_inside_a_string(text: str, meta: dict) -> None:
    # YAML flow data, as Argdown reads it: a quote that starts a value opens a string
    m = read_argdown(f"[A]: a {text}\n")
    assert m.diagnostics == ()
    assert m.nodes["[A]"].meta == meta and m.nodes["[A]"].text == "a"


@pytest.mark.parametrize("key", ["a{b", "a}b"])
def test_a_quoted_key_with_a_brace_is_read_whole(key: str) -> None:
    from argmap.importers.yaml_data import parse_flow

    m = read_argdown(f'[A]: a {{"{key}": 1}}\n')
    assert m.nodes["[A]"].meta == parse_flow(f'{{"{key}": 1}}') == {key: 1}

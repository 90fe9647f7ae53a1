"""Reconstructions and schemes in a drawing: `--pcs inline|expanded|hidden`, the scheme badge
and `--critical-questions` (argmap/render/reconstruction.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.errors import UsageError
from argmap.model import Inference, Map, Node, NodeKind, Reconstruction, Relation, RelationKind
from argmap.render import RenderOptions, build_dot, find_binary, layout
from argmap.render.reconstruction import list_only, short_name
from tests.test_render_helpers import edges, node_ids
from tests.test_render_security import HOSTILE, SVG_ELEMENTS, SVG_NS, normal, texts_of

FLAGSHIP = Path(__file__).parent.parent / "maps" / "lavrov-blinken.argmap"

# (1) and (2) give (3), which with (4) gives (5); [P] and [C] are related elsewhere, the rest not
SMALL = """\
<A>: An argument. {scheme: expert-opinion}
  (1) [P]: A premise related elsewhere.
  (2) An unrelated premise.
  -- modus ponens {uses: [1, 2]} --
  (3) [M]: An intermediate step.
  (4) Another unrelated premise.
  -- {scheme: established-rule} --
  (5) [C]: The conclusion.
    _ [U]: An undercutter.
  +> [C]

[Q]: Something else.
  - [P]
"""


def small_map(text: str = SMALL) -> Map:
    m = argmap.parse(text)
    assert not [d for d in m.diagnostics if d.is_error], m.diagnostics
    return m


def dot_of(m: Map, **options: object) -> str:
    return build_dot(m, RenderOptions(**options))


def dot_id(m: Map, node_id: str) -> str:
    return f"n{list(m.nodes).index(node_id) + 1}"


def label_of(dot: str, dot_node: str) -> str:
    found = re.search(rf"^\s*{dot_node} \[label=<(.*)>", dot, re.M)
    assert found, dot_node
    return found.group(1)


def untitled(m: Map, text: str) -> str:
    return next(n.id for n in m.nodes.values() if n.text == text)


def svg_of(dot: str) -> ET.Element:
    return ET.fromstring(layout(find_binary(), dot, "svg"))


def test_list_only_is_the_statements_nothing_else_relates_to() -> None:
    m = small_map()
    assert list_only(m) == {"[M]", untitled(m, "An unrelated premise."), untitled(m, "Another unrelated premise.")}


def test_inline_lists_the_structure_in_the_box_and_drops_the_list_only_nodes() -> None:
    m = small_map()
    dot = dot_of(m)  # inline is the default
    drawn = set(node_ids(dot))
    assert drawn == {dot_id(m, n) for n in ("<A>", "[P]", "[C]", "[U]", "[Q]")}
    box = label_of(dot, dot_id(m, "<A>"))
    rows = re.findall(r'<TD ALIGN="RIGHT" VALIGN="TOP">\((\d)\)</TD><TD ALIGN="LEFT" BALIGN="LEFT">(.*?)</TD>', box)
    assert [number for number, _ in rows] == ["1", "2", "3", "4", "5"]
    words = dict(rows)
    assert words["1"] == "<B>P</B>"  # a node of its own: its title only
    assert words["2"] == "An unrelated premise."
    assert words["3"] == "<B>M</B><BR/>An intermediate step."  # drawn only here: title and text
    assert words["5"] == "<B>C</B>"
    inference_lines = re.findall(r'<FONT POINT-SIZE="10" COLOR="#555555">(-- .*? --)</FONT>', box)
    assert inference_lines == ["-- modus ponens --", "-- &#171;Established rule&#187; --"]
    pairs = {(t, h) for t, h, _, _ in edges(dot)}
    assert pairs == {(dot_id(m, "<A>"), dot_id(m, "[C]")), (dot_id(m, "[P]"), dot_id(m, "[Q]")),
                     (dot_id(m, "[U]"), dot_id(m, "<A>"))}  # the undercut onto the argument
    assert "the argumentation scheme it follows" in dot and "its premises, inferences, conclusions" in dot
    shown = normal(texts_of(svg_of(dot)))
    assert "(2)" in shown and "Another unrelated premise." in shown and "modus ponens" in shown


def test_expanded_draws_statements_and_inference_junctions() -> None:
    m = small_map()
    dot = dot_of(m, pcs="expanded")
    assert set(node_ids(dot)) == {dot_id(m, n) for n in m.nodes}
    assert "(1)" not in label_of(dot, dot_id(m, "<A>"))
    n = {node: dot_id(m, node) for node in m.nodes}
    first, second = untitled(m, "An unrelated premise."), untitled(m, "Another unrelated premise.")
    segments = {(t, h): classes for t, h, _, classes in edges(dot)}
    assert {pair for pair, classes in segments.items() if classes == ["inference"]} == {
        (n["[P]"], "i1"), (n[first], "i1"), ("i1", n["[M]"]),  # the intermediate conclusion
        (n["[M]"], "i2"), (n[second], "i2"), ("i2", n["<A>"]),  # the main one ends on the argument
    }
    assert segments[(n["[U]"], "i2")][0] == "undercut"  # the undercut ends on its inference
    assert (n["<A>"], n["[C]"]) in segments and not any(c == ["concludes"] for c in segments.values())
    assert re.search(r'i2 \[.*xlabel=<<FONT POINT-SIZE="10" COLOR="#555555">&#171;Established rule&#187;</FONT>>',
                     dot)
    assert "an inference of an argument" in dot and "the argument concludes" in dot
    root = svg_of(dot)
    assert "modus ponens" in normal(texts_of(root))


def test_expanded_concludes_when_the_argument_does_not_support_its_conclusion() -> None:
    m = small_map(SMALL.replace("  +> [C]\n", ""))
    dot = dot_of(m, pcs="expanded")
    concludes = [(t, h) for t, h, _, classes in edges(dot) if classes == ["concludes"]]
    assert concludes == [(dot_id(m, "<A>"), dot_id(m, "[C]"))]
    assert "(1)" not in dot_of(m, pcs="hidden")


def test_hidden_draws_no_structure_but_keeps_the_badge() -> None:
    m = small_map()
    dot = dot_of(m, pcs="hidden")
    assert set(node_ids(dot)) == {dot_id(m, n) for n in ("<A>", "[P]", "[C]", "[U]", "[Q]")}
    box = label_of(dot, dot_id(m, "<A>"))
    assert "(1)" not in box and "modus ponens" not in dot
    assert "&#171;Expert opinion&#187;" in box
    assert not [e for e in edges(dot) if e[3] in (["inference"], ["concludes"])]
    svg_of(dot)  # the bundled engine draws it


def test_titles_only_leaves_the_lists_out_with_the_texts() -> None:
    m = small_map()
    dot = dot_of(m, show_text=False)
    assert "(1)" not in dot and dot_id(m, "[M]") not in node_ids(dot)


def test_focus_reaches_the_statements_of_an_argument() -> None:
    m = small_map()
    dot = dot_of(m, pcs="expanded", focus="<A>", depth=1)
    assert {dot_id(m, "[M]"), dot_id(m, "[P]")} <= set(node_ids(dot))
    assert dot_id(m, "[Q]") not in node_ids(dot)


def test_badge_names_the_catalogue_scheme_or_the_name_as_written() -> None:
    assert short_name("Argument from expert opinion") == "Expert opinion"
    assert short_name("Argument from an established rule") == "Established rule"
    assert short_name("Practical reasoning") == "Practical reasoning"
    m = small_map("<A>: An argument. {scheme: my-own-scheme}\n  +> [C]: A claim.\n[D]: No scheme.\n")
    dot = dot_of(m)
    assert "&#171;my-own-scheme&#187;" in label_of(dot, dot_id(m, "<A>"))
    assert "&#171;" not in label_of(dot, dot_id(m, "[D]"))
    assert "&#171;" not in dot_of(small_map("[D]: No scheme.\n  + <B>: No scheme either.\n"))


def test_critical_questions_only_on_request_and_only_the_open_ones() -> None:
    answered = SMALL + "\n[Expert]: E is an expert. {answers: CQ1}\n  +> <A>\n"
    m = small_map(answered)
    box = label_of(dot_of(m, critical_questions=True), dot_id(m, "<A>"))
    assert "CQ1" not in box.split("(1)")[0]  # answered by [Expert]
    assert "CQ2 Is E an expert in the field" in box
    # the inference line's scheme (established rule) lists its questions under its line
    rule_line = box.index("&#171;Established rule&#187;")
    assert "CQ1 " in box[rule_line:]
    assert "CQ2" not in label_of(dot_of(m), dot_id(m, "<A>"))
    expanded = label_of(dot_of(m, pcs="expanded", critical_questions=True), dot_id(m, "<A>"))
    assert "-- &#171;Established rule&#187; -- (5):" in expanded and "CQ2 Is E an expert" in expanded


def test_an_unknown_mode_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UsageError, match="--pcs must be one of inline, expanded, hidden"):
        dot_of(small_map(), pcs="bogus")
    with pytest.raises(SystemExit) as exit_:
        main(["render", str(FLAGSHIP), "--pcs", "bogus", "--format", "dot"])
    assert exit_.value.code == 2 and "invalid choice: 'bogus'" in capsys.readouterr().err


def test_the_command_and_the_api_take_the_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "small.argmap"
    path.write_text(SMALL, encoding="utf-8")
    assert main(["render", str(path), "--page", "none", "--pcs", "expanded", "--format", "dot"]) == 0
    assert re.search(r"^\s*i1 \[", capsys.readouterr().out, re.M)
    dot = argmap.render(small_map(), "dot", page="none", pcs="hidden", critical_questions=True).decode()
    assert "CQ2" in dot and "(1)" not in dot


@pytest.mark.parametrize("mode", ["inline", "expanded", "hidden"])
def test_the_flagship_renders_in_each_mode(mode: str) -> None:
    m = argmap.parse_file(str(FLAGSHIP))
    root = ET.fromstring(argmap.render(m, "svg", pcs=mode, page="none"))
    shown = normal(texts_of(root))
    assert ("(2)" in shown) == (mode == "inline")
    assert ("Growth is a threat" in shown) == (mode != "hidden")  # list only: in the list, or a node
    assert "Expansion threat" in shown


def hostile_reconstruction(text: str) -> Map:
    """An argument whose statements (titled and not), rule and scheme name are all `text`."""
    premise, conclusion = Node(f"[{text}]", NodeKind.CLAIM, text, text), Node(f"[{text}!]", NodeKind.CLAIM)
    nodes = {n.id: n for n in (Node("<A>", NodeKind.ARGUMENT, "A", text), premise,
                               Node("_1", NodeKind.CLAIM, None, text), conclusion, Node("[X]", NodeKind.CLAIM))}
    inference = Inference(text, (1, 2), 3, {"scheme": text})
    reconstruction = Reconstruction("<A>", (premise.id, "_1", conclusion.id), (inference,))
    relations = {"r1": Relation("r1", RelationKind.SUPPORT, premise.id, "[X]")}
    return Map(nodes=nodes, relations=relations, reconstructions={"<A>": reconstruction})


@pytest.mark.parametrize("mode", ["inline", "expanded", "hidden"])
def test_hostile_statements_and_rules_stay_text(mode: str) -> None:
    for text in HOSTILE:
        dot = build_dot(hostile_reconstruction(text), RenderOptions(wrap=400, pcs=mode))
        root = svg_of(dot)
        tags = {e.tag.removeprefix(SVG_NS) for e in root.iter()}
        assert tags <= SVG_ELEMENTS, (text, tags - SVG_ELEMENTS)
        assert not any(name.lower().startswith("on") for e in root.iter() for name in e.attrib)
        shown = normal(texts_of(root))
        assert normal(text) in shown
        if mode != "hidden":  # the rule and the scheme, as written, on the inference line
            assert normal(f"{text} «{text}»") in shown, text

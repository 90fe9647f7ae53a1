"""Mermaid: no text breaks out of its label; sides and relation kinds are told apart."""

from __future__ import annotations

import re

from hypothesis import given
from strategies import TEXT, maps  # maps: the shared model strategy, every kind of content

import argmap
from argmap.export.mermaid import label, map_to_mermaid

NODE_LINE = re.compile(r'^\s*(n\d+)(\["[^"]*"\]|\("[^"]*"\)|\[/"[^"]*"/\]|\{\{"[^"]*"\}\}):::[a-z0-9]+$')
LINK_LINE = re.compile(r"^\s*(n\d+|j_r\d+) (-->|--x|-\.-x|x--x|---|-\.-) (n\d+|j_r\d+)$")
OTHER_LINE = re.compile(
    r'^(---|title: ".*"|flowchart BT|\s*subgraph s\d+\["[^"]*"\]|\s*end|\s*j_r\d+\(\(" "\)\)'
    r"|\s*classDef [a-z0-9]+ [^\n]+|\s*%% side\d+: [^\n]*|\s*linkStyle [\d,]+ [^\n]+)$"
)


@given(TEXT)
def test_label_has_no_quote_newline_or_markup(text: str) -> None:
    escaped = label(text)
    assert not set('"\n<>`|\\') & set(escaped.replace("<br/>", ""))
    assert "#" not in re.sub(r"#(quot|amp|lt|gt|\d+);", "", escaped)


@given(maps())
def test_every_line_of_a_random_map_is_well_formed(m: argmap.Map) -> None:
    text = map_to_mermaid(m)
    for line in text.splitlines():
        assert NODE_LINE.match(line) or LINK_LINE.match(line) or OTHER_LINE.match(line), line
    assert sum(1 for ln in text.splitlines() if NODE_LINE.match(ln)) == len(m.nodes)


def test_hostile_title_stays_in_its_string() -> None:
    title = 'A"] --> x'
    m = argmap.Map(nodes={f"[{title}]": argmap.Node(
        f"[{title}]", argmap.NodeKind.CLAIM, title, 'end"] ; click n1 call alert() %% <script>')})
    text = map_to_mermaid(m)
    node = next(ln for ln in text.splitlines() if ln.strip().startswith("n1"))
    assert NODE_LINE.match(node)
    assert "<script>" not in text and "alert()" in node


def test_kinds_and_sides_are_distinguishable() -> None:
    m = argmap.parse(
        "actor a: Ann {side: Red}\nactor b: Bob {side: Blue}\n"
        "[A]: a @a\n  + [B]: b @a\n  - [C]: c @b\n    _ [D]: d\n  >< [E]: e\n"
    )
    text = map_to_mermaid(m)
    assert "-->" in text and "--x" in text and "-.-x" in text and "x--x" in text
    assert ":::side0" in text and ":::side1" in text
    assert "%% side0: Red" in text and "%% side1: Blue" in text
    styles = [ln for ln in text.splitlines() if ln.strip().startswith("linkStyle")]
    assert len({ln.split(" ", 3)[-1] for ln in styles}) == len(styles) == 4


def test_questions_are_hexagons_and_rephrases_plain_dotted_lines() -> None:
    text = map_to_mermaid(argmap.parse("[A]: a\n  = [B]: b\n  - question [Q]: Why?\n"))
    lines = text.splitlines()
    assert '  n3{{"<b>Q</b><br/>Why?"}}:::question' in lines
    assert "  n2 -.- n1" in lines and "  n3 --x n1" in lines
    assert "  linkStyle 0 stroke:#8a8a8a,stroke-width:1px,stroke-dasharray:3 3" in lines

"""Text from a map is data: it never breaks out of a DOT label, never becomes SVG markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model import Actor, Map, Node, NodeKind, Relation, RelationKind, Section, Source
from argmap.render import RenderOptions, build_dot, find_binary, layout

HOSTILE = [
    "<script>alert(1)</script>",
    '" ] { } \\ & < > ; -- -> digraph { node [shape=box] }',
    '</TD></TR></TABLE>> ; x [label="pwn"',
    '<B>bold</B> <FONT COLOR="red">x</FONT> <IMG SRC="/etc/passwd"/>',
    "line1\nline2\\nline3\\l \\N \\G",
    "&amp; &lt; &#x41; &bogus; ]]> <![CDATA[x]]>",
    "subgraph node edge graph strict digraph",
    "ends with a backslash \\",
    'onload="alert(1)" <svg onload=alert(1)>',
    "not XML \ufffe\uffff\x00\x1b[31m chars",
]
SVG_ELEMENTS = {"svg", "g", "title", "path", "polygon", "polyline", "text", "ellipse", "a",
                "defs", "linearGradient", "radialGradient", "stop", "image"}
SVG_NS = "{http://www.w3.org/2000/svg}"


def hostile_map(texts: list[str]) -> Map:
    """A map whose every written string (titles, texts, tags, names, citations) is hostile."""
    nodes, relations = {}, {}
    actors = {f"a{i}": Actor(f"a{i}", t, {"side": t + " side"}) for i, t in enumerate(texts)}
    sources = {f"s{i}": Source(f"s{i}", t) for i, t in enumerate(texts)}
    sections = {"s1": Section("s1", texts[0], 1)}
    for i, text in enumerate(texts):
        kind = (NodeKind.CLAIM, NodeKind.ARGUMENT, NodeKind.EVIDENCE)[i % 3]
        node_id = f"[{text}]" if kind is not NodeKind.ARGUMENT else f"<{text}>"
        nodes[node_id] = Node(node_id, kind, text, text, actors=(f"a{i}",), tags=(text,),
                              sources=(f"s{i}",), section="s1" if i % 2 else None)
    ids = list(nodes)
    for i in range(1, len(ids)):
        kind = list(RelationKind)[i % 4] if i % 4 != 2 else RelationKind.SUPPORT
        relations[f"r{i}"] = Relation(f"r{i}", kind, ids[i], ids[i - 1])
    return Map(metadata={"title": texts[1]}, actors=actors, sources=sources, sections=sections,
               nodes=nodes, relations=relations)


def svg_of(map_: Map, show_text: bool = True) -> ET.Element:
    svg = layout(find_binary(), build_dot(map_, RenderOptions(wrap=400, show_text=show_text)), "svg")
    return ET.fromstring(svg)


def texts_of(root: ET.Element) -> str:
    return "\n".join("".join(e.itertext()) for e in root.iter(SVG_NS + "text"))


def normal(text: str) -> str:
    """Text as a drawing shows it: no control characters or zero-width spaces, one-spaced."""
    return " ".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufffe\uffff]", "", text).split())


def test_hostile_text_renders_as_literal_text_only() -> None:
    root = svg_of(hostile_map(HOSTILE))
    tags = {e.tag.removeprefix(SVG_NS) for e in root.iter()}
    assert tags <= SVG_ELEMENTS, tags - SVG_ELEMENTS
    for element in root.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib)
    shown = normal(texts_of(root))
    for text in HOSTILE:
        assert normal(text) in shown  # the title, drawn literally, on one line (wrap is wide)


def test_hostile_text_is_the_tooltip_literally() -> None:
    root = svg_of(hostile_map(HOSTILE), show_text=False)  # --no-text puts the text in tooltips
    titles = {a.get("{http://www.w3.org/1999/xlink}title") for a in root.iter(SVG_NS + "a")}
    for text in HOSTILE:
        assert normal(text) in {normal(t or "") for t in titles}


def test_hostile_ids_never_reach_dot_identifiers() -> None:
    dot = build_dot(hostile_map(HOSTILE))
    statements = re.findall(r"^\s*([^\s\[]+)(?: -> ([^\s\[]+))? \[", dot, re.M)
    idents = {i for pair in statements for i in pair if i}
    assert idents and all(re.fullmatch(r"[ngj]\d+|node|edge|graph", i) for i in idents), idents


@given(st.lists(st.text(min_size=1, max_size=40), min_size=2, max_size=4))
@settings(max_examples=25)
def test_any_text_gives_valid_dot_and_svg(texts: list[str]) -> None:
    texts = [t if t.strip() else "x" + t for t in texts]
    texts = [f"{t} {i}" for i, t in enumerate(texts)]  # distinct node ids
    root = svg_of(hostile_map(texts))
    assert {e.tag.removeprefix(SVG_NS) for e in root.iter()} <= SVG_ELEMENTS


def test_layout_runs_without_a_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    seen = {}
    real = subprocess.run

    def spy(argv, **kwargs):  # noqa: ANN001, ANN202
        seen.update(argv=argv, shell=kwargs.get("shell", False))
        return real(argv, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    layout(find_binary(), "digraph { a }", "svg")
    assert isinstance(seen["argv"], list) and seen["shell"] is False

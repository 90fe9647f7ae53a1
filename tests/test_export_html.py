"""`argmap export --to html`: the page's own parts, without a browser (tests/test_export_html_browser.py
opens it in one): the Content-Security-Policy allows exactly the inline script and styles, the
embedded data is escaped and reads back, nothing in the file is fetched, the drawing keeps
only what a drawing needs, and the command's errors are clear."""

from __future__ import annotations

import base64
import html
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import FLAGSHIP, ROOT, parse_clean

import argmap
from argmap.cli import main
from argmap.errors import RenderError
from argmap.export.html import asset, map_to_html, policy
from argmap.export.html_data import link_of, page_data, script_json
from argmap.export.html_svg import clean_svg

HOSTILE = ROOT / "tests" / "hostile" / "html" / "html-titles.argmap"


class Parts(HTMLParser):
    """The page's elements (tag, attributes) and the text inside each script and style element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.inline: list[tuple[str, dict[str, str | None], str]] = []
        self._open: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))
            self.inline.append((tag, dict(attrs), ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            tag, attrs, text = self.inline[-1]
            self.inline[-1] = (tag, attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open[0]:
            self._open = None


def parts(page: str) -> Parts:
    parser = Parts()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def flagship_page() -> str:
    return map_to_html(argmap.parse_file(FLAGSHIP))


@pytest.fixture(scope="module")
def hostile_map() -> argmap.Map:
    m = argmap.parse_file(HOSTILE)
    assert not [d for d in m.diagnostics if d.is_error], m.diagnostics
    return m


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_allows_exactly_the_inline_script_and_styles(flagship_page: str) -> None:
    found = parts(flagship_page)
    metas = [a for t, a in found.elements if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1 and metas[0]["content"] == policy()
    directives = dict(d.strip().split(" ", 1) for d in policy().split(";"))
    assert directives["default-src"] == "'none'"
    scripts = [text for tag, attrs, text in found.inline if tag == "script" and attrs.get("type") is None]
    styles = [text for tag, _, text in found.inline if tag == "style"]
    assert directives["script-src"].split() == [_sha(text) for text in scripts]
    assert sorted(directives["style-src"].split()) == sorted(_sha(text) for text in styles)
    assert "unsafe" not in policy() and "*" not in policy()
    for fetching in ("img-src", "connect-src", "font-src", "frame-src", "object-src", "base-uri", "form-action"):
        assert directives[fetching] == "'none'", fetching
    assert directives["require-trusted-types-for"] == "'script'"


def test_nothing_in_the_page_is_fetched(flagship_page: str) -> None:
    # no attribute that loads or links anything, and no address but the SVG namespace
    for tag, attrs in parts(flagship_page).elements:
        assert not {"src", "href", "srcset", "action", "poster", "data"} & set(attrs), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    addresses = set(re.findall(r"[a-z][a-z0-9+.-]*://[^\s\"'<>)]*", flagship_page, re.I))
    assert addresses == {"http://www.w3.org/2000/svg"}
    assert "@import" not in flagship_page and "url(" not in flagship_page


@pytest.mark.parametrize("name", ["view.js", "view.css", "page.css"])
def test_no_asset_can_end_its_element_early(name: str) -> None:
    text = asset(name).lower()
    assert text.strip()
    assert "</script" not in text and "</style" not in text and "<!--" not in text and "<script" not in text


def test_the_data_is_escaped_and_reads_back(hostile_map: argmap.Map) -> None:
    page = map_to_html(hostile_map)
    (data,) = [text for tag, attrs, text in parts(page).inline if attrs.get("type") == "application/json"]
    assert not set(data) & {"<", ">", "&", "\u2028", "\u2029"}
    read = json.loads(data)
    assert [n["title"] for n in read["nodes"]] == [n.title for n in hostile_map.nodes.values()]
    assert [n["text"] for n in read["nodes"]] == [n.text for n in hostile_map.nodes.values()]
    assert read["title"] == hostile_map.title
    # no element but the page's own came from the map's text
    tags = [tag for tag, _ in parts(page).elements]
    assert "img" not in tags and "a" not in tags and "b" not in tags and tags.count("script") == 2
    assert "<title>&lt;/title&gt;&lt;script&gt;" in page


def test_a_lone_surrogate_stays_json_not_invalid_utf8() -> None:
    text = script_json({"t": "a\ud800b</script>"})
    assert json.loads(text) == {"t": "a\ud800b</script>"}
    text.encode("utf-8")  # would raise on a raw surrogate


@pytest.mark.parametrize(("url", "link"), [
    ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
    ("http://example.org", "http://example.org"),
    ("mailto:desk@example.org", "mailto:desk@example.org"),
    ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox(1)", None),
    ("//example.org/x", None),
    ("https://exa mple.org", None),
    ("https://example.org/\nx", None),
    (42, None),
])
def test_only_http_and_mailto_addresses_become_links(url: object, link: str | None) -> None:
    assert link_of(url) == link


def test_the_hostile_sources_are_no_links(hostile_map: argmap.Map) -> None:
    links = {s["id"]: s["link"] for s in page_data(hostile_map)["sources"]}
    assert links == {"evil": None, "sneaky": None, "data": None, "good": "https://example.org/report?a=1&b=2",
                     "mail": "mailto:desk@example.org"}


def test_each_node_of_the_drawing_is_the_node_of_the_data() -> None:
    # the page links drawing and data by position (html_svg): node K of the drawing must show
    # the title of the map's K-th node
    m = argmap.parse_file(FLAGSHIP)
    page = map_to_html(m)
    groups = re.findall(r'<g class="node [a-z]+" data-node="(\d+)">(.*?)</g>', page)
    assert len(groups) == len(m.nodes)
    nodes = list(m.nodes.values())
    for index, body in groups:
        shown = html.unescape(" ".join(re.findall(r">([^<]*)</text>", body)))
        first_word = nodes[int(index)].title.split()[0]
        assert first_word in shown, (index, nodes[int(index)].title, shown)


def test_the_analysis_is_the_one_argmap_computes() -> None:
    from argmap.analyze import analyze_map

    m = argmap.parse_file(FLAGSHIP)
    data = page_data(m)
    grounded, preferred = analyze_map(m), analyze_map(m, "preferred")
    for node, item in zip(m.nodes.values(), data["nodes"]):
        assert item["grounded"] == grounded.status[node.id]
        assert item["preferred"] == preferred.status[node.id]
        assert item["credulous"] == any(node.id in e for e in preferred.extensions)
        assert item["strength"] == pytest.approx(grounded.strength[node.id], abs=1e-4)
    by_title = {n["title"]: n for n in data["nodes"]}
    assert by_title["Free choice"]["grounded"] == "in" and by_title["No NATO troops"]["grounded"] == "out"


def test_a_question_has_no_status_and_no_strength() -> None:
    m = parse_clean("""\
        question [Q]: Should we?
          + [A]: Yes.
        """)
    (question, _) = page_data(m)["nodes"]
    assert question["grounded"] == question["preferred"] == "question"
    assert question["strength"] is None and question["credulous"] is None


SVG = """<?xml version="1.0"?><!DOCTYPE svg><!-- a comment -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
<script>alert(2)</script><style>* { background: url(https://example.org/x) }</style>
<g class="node claim" onclick="alert(3)" style="fill: url(https://example.org/y)"><title>n1</title>
<a xlink:href="javascript:alert(4)" href="javascript:alert(5)"><path d="M0,0" fill="red"/>
<rect fill="URL (https://example.org/p)" stroke="red"/>
<text x="1" y="2" font-size="11">&lt;b&gt; &amp; \u202eevil</text></a>
<image href="https://example.org/z.png"/><foreignObject><div>x</div></foreignObject></g>
<g class="edge support rel1"><title>n1-&gt;n2</title><path d="M1,1"/></g>
<g class="cluster"><title>cluster_s1</title></g>
</svg>"""


def test_the_drawing_keeps_shapes_and_text_and_nothing_else() -> None:
    out = clean_svg(SVG, nodes=1, sections=1, relations=1)
    for gone in ("script", "style", "onload", "onclick", "href", "javascript", "image", "foreignObject",
                 "example.org", "<title", "<!--", "DOCTYPE", "<a", "\u202e"):
        assert gone not in out, gone
    assert '<g class="node claim" data-node="0">' in out
    assert '<g class="edge support rel1" data-relations="0">' in out
    assert '<g class="cluster" data-section="0">' in out
    assert '<path d="M0,0" fill="red"></path>' in out  # what the link wrapped is kept
    assert '<rect stroke="red"></rect>' in out
    assert "&lt;b&gt; &amp; evil</text>" in out


@pytest.mark.parametrize(("svg", "message"), [
    ("<svg", "no SVG"),
    ("<html/>", "root is not"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><g class="node"><title>n9</title></g></svg>', "node 'n9'"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><g class="node"><title>[A]</title></g></svg>', r"node '\[A\]'"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><g class="edge rel7"><title>e</title></g></svg>', "relation"),
])
def test_a_drawing_that_does_not_match_the_map_is_refused(svg: str, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        clean_svg(svg, nodes=1, sections=0, relations=1)


def test_the_same_map_gives_the_same_page(flagship_page: str) -> None:
    assert map_to_html(argmap.parse_file(FLAGSHIP)) == flagship_page


def test_export_writes_the_page_and_the_fragment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page, piece = tmp_path / "map.html", tmp_path / "piece.html"
    assert main(["export", str(FLAGSHIP), "-o", str(page)]) == 0
    assert main(["export", str(FLAGSHIP), "--to", "html", "--embed", "-o", str(piece)]) == 0
    whole, fragment = page.read_text("utf-8"), piece.read_text("utf-8")
    assert whole.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in whole
    assert not fragment.startswith("<!DOCTYPE") and "<html" not in fragment and "<head" not in fragment
    assert [t for t, _ in parts(fragment).elements].count("argmap-map") == 1 and "customElements.define" in fragment
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-", fragment)
    assert fragment in whole.replace("<argmap-map data-focus>", "<argmap-map>")
    assert capsys.readouterr().err == ""


def test_embed_goes_with_html_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(FLAGSHIP), "--to", "json", "--embed"]) == 2
    assert "--embed goes with --to html" in capsys.readouterr().err


def test_a_page_that_cannot_be_written_leaves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "map.html"
    folder.mkdir()
    assert main(["export", str(FLAGSHIP), "-o", str(folder)]) != 0
    err = capsys.readouterr().err
    assert "is a directory" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [folder] and not list(folder.iterdir())


def test_a_map_with_errors_writes_no_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.argmap"
    bad.write_text("[A]: a\n  + [B]: b\n  + [B]: other\n", "utf-8")
    assert main(["export", str(bad), "-o", str(tmp_path / "bad.html")]) == 1
    assert "not exported" in capsys.readouterr().err
    assert not (tmp_path / "bad.html").exists()


def test_places_name_files_relative_to_the_map_never_absolute() -> None:
    m = argmap.parse_file(ROOT / "maps" / "syntax-tour.argmap")
    places = {n["defined"].rsplit(":", 1)[0] for n in page_data(m)["nodes"]}
    assert places == {"syntax-tour.argmap", "parts/tour-part.argmap"}
    assert all(re.fullmatch(r"[\w./-]+:[1-9][0-9]*", n["defined"]) for n in page_data(m)["nodes"])

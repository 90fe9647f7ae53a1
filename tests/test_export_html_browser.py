"""The exported web page in a real browser: headless Chromium driven by Playwright.

Each test opens a page `argmap export --to html` wrote, from a file:// URL, and records every
request, console message, page error and dialog. The flagship map's page must load with no
console error and no request but its own file; a click or Tab + Enter on a node opens its
panel (sources, relations to follow); a filter hides the other nodes; the semantics switch
recolours without a reload; the keyboard zooms and pans. The hostile map (tests/hostile/html/)
must show no dialog and no element made from its text. `pytest --regen` also writes the
screenshot docs/rendering.md shows (docs/html-page.png).

The tests skip, saying why, without Chromium (`/usr/bin/chromium`, or $ARGMAP_CHROMIUM) or
Playwright for Python (the `test` extra); CI installs both (.ci/run).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest
from helpers import FLAGSHIP, ROOT

import argmap
import golden
from argmap.export.html import map_to_html

HOSTILE = ROOT / "tests" / "hostile" / "html" / "html-titles.argmap"
SCREENSHOT = ROOT / "docs" / "html-page.png"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
VIEW = "document.querySelector('argmap-map').shadowRoot"


def _chromium() -> str | None:
    return os.environ.get("ARGMAP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium, or set ARGMAP_CHROMIUM): "
                    "the HTML page was not tested in a browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]'): "
                    "the HTML page was not tested in a browser")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        yield launched
        launched.close()


class Visit:
    """One page opened in the browser, with what it did: requests, console lines, errors, dialogs."""

    def __init__(self, browser: Any, path: Path, width: int = 1400, height: int = 860) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.context.route("**/*", lambda route: route.continue_() if route.request.url == self.url
                           else route.abort())
        self.page.goto(self.url)
        self.page.wait_for_function(f"() => {VIEW} !== null && {VIEW}.querySelector('.viewport svg') !== null",
                                    timeout=10_000)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node(self, index: int) -> Any:
        return self.page.locator(f"argmap-map g[data-node='{index}']")

    def panel_title(self) -> str:
        return self.page.locator("argmap-map .panel h2").inner_text()

    def view_box(self) -> list[float]:
        return [float(n) for n in self.js(f"{VIEW}.querySelector('.viewport svg').getAttribute('viewBox')").split()]

    def quiet(self) -> None:
        """Nothing went wrong: no console error or warning, no page error, no dialog, no request
        but the page's own file."""
        assert self.console == [] and self.errors == [] and self.dialogs == []
        assert set(self.requests) == {self.url}


def _export(m: argmap.Map, folder: Path, name: str = "map.html") -> Path:
    path = folder / name
    path.write_text(map_to_html(m), "utf-8")
    return path


@pytest.fixture(scope="module")
def flagship() -> argmap.Map:
    return argmap.parse_file(FLAGSHIP)


@pytest.fixture()
def visit(browser: Any, flagship: argmap.Map, tmp_path: Path) -> Iterator[Visit]:
    opened = Visit(browser, _export(flagship, tmp_path))
    yield opened
    opened.context.close()


def _index(m: argmap.Map, title: str) -> int:
    return list(m.nodes).index(m.node_by_title(title).id)


def test_the_page_loads_with_no_error_and_no_request(visit: Visit, flagship: argmap.Map) -> None:
    assert visit.js(f"{VIEW}.querySelectorAll('g[data-node][tabindex]').length") == len(flagship.nodes)
    assert visit.page.locator("argmap-map .panel h2").inner_text() == flagship.title
    assert visit.page.title() == flagship.title
    visit.quiet()


def test_a_click_on_a_node_shows_its_sources_and_relations(visit: Visit, flagship: argmap.Map) -> None:
    index = _index(flagship, "Statement after the talks")
    visit.node(index).click()
    assert visit.panel_title() == "Statement after the talks"
    citation = flagship.sources["article"].citation
    assert citation in visit.page.locator("argmap-map .panel .sources").inner_text()
    assert "supports" in visit.page.locator("argmap-map .panel .outgoing").inner_text()
    assert "lavrov-blinken.argmap:" in visit.page.locator("argmap-map .panel .where").inner_text()
    # follow the relation: the panel shows the node it leads to
    visit.page.locator("argmap-map .panel .outgoing button.follow").first.click()
    assert visit.panel_title() == "No NATO troops"
    assert "IN" not in visit.page.locator("argmap-map .panel .status-grounded").inner_text().split()
    assert visit.page.locator("argmap-map .panel .status-grounded").inner_text().split()[1] == "OUT"
    visit.quiet()


def test_a_filter_hides_the_other_nodes(visit: Visit, flagship: argmap.Map) -> None:
    visit.page.locator("argmap-map select.filter-actor").select_option(label="Antony Blinken (United States)")
    opacity = visit.js(f"""() => [...{VIEW}.querySelectorAll('g[data-node]')].map(
        g => [Number(g.dataset.node), Number(getComputedStyle(g).opacity), g.getAttribute('tabindex')])""")
    said = {i for i, node in enumerate(flagship.nodes.values()) if "blinken" in node.actors}
    assert said and len(said) < len(flagship.nodes)
    for index, value, tabindex in opacity:
        if index in said:
            assert value == 1 and tabindex == "0", index
        else:
            assert value < 0.2 and tabindex == "-1", index
    visit.page.locator("argmap-map select.filter-actor").select_option(value="")
    assert visit.js(f"{VIEW}.querySelectorAll('g.filtered').length") == 0
    visit.quiet()


def _ring(visit: Visit, index: int) -> dict[str, str]:
    return visit.js(f"""i => {{ const g = {VIEW}.querySelector(`g[data-node="${{i}}"]`);
        const ring = getComputedStyle(g.querySelector('.ring'));
        return {{display: ring.display, stroke: ring.stroke, dash: ring.strokeDasharray,
                 badge: g.querySelector('.pill-text').textContent,
                 shape: getComputedStyle(g.querySelector('path, polygon')).opacity}}; }}""", index)


def test_the_semantics_switch_recolours_without_a_reload(visit: Visit, flagship: argmap.Map) -> None:
    accepted, defeated = _index(flagship, "Free choice"), _index(flagship, "No NATO troops")
    visit.js("window.__still_here = true")
    plain = _ring(visit, accepted)
    assert plain["display"] == "none" and plain["badge"] == ""
    visit.page.locator("argmap-map input[value=grounded]").check()
    good, bad = _ring(visit, accepted), _ring(visit, defeated)
    assert good["display"] != "none" and bad["display"] != "none"
    assert (good["badge"], bad["badge"]) == ("IN", "OUT")
    assert (good["stroke"], good["dash"]) != (bad["stroke"], bad["dash"])
    assert float(bad["shape"]) < 1 == float(good["shape"])
    visit.page.locator("argmap-map input[value=preferred]").check()
    assert (_ring(visit, accepted)["badge"], _ring(visit, defeated)["badge"]) == ("IN ALL", "IN NONE")
    visit.page.locator("argmap-map input[value=strength]").check()
    strength = argmap_strength(flagship, "No NATO troops")
    assert _ring(visit, defeated)["badge"] == f"{strength:.2f}"
    visit.page.locator("argmap-map input[value=none]").check()
    assert _ring(visit, defeated)["display"] == "none"
    assert visit.js("window.__still_here") is True
    visit.quiet()


def argmap_strength(m: argmap.Map, title: str) -> float:
    from argmap.analyze import analyze_map

    return analyze_map(m).strength[m.node_by_title(title).id]


def test_the_keyboard_reaches_nodes_and_moves_the_view(visit: Visit, flagship: argmap.Map) -> None:
    page = visit.page
    assert visit.js(f"{VIEW}.activeElement && {VIEW}.activeElement.classList.contains('viewport')")
    fitted = visit.view_box()
    page.keyboard.press("+")
    zoomed = visit.view_box()
    assert zoomed[2] < fitted[2] * 0.9
    page.keyboard.press("ArrowLeft")
    assert visit.view_box()[0] < zoomed[0]
    page.keyboard.press("0")
    assert visit.view_box() == pytest.approx(fitted, abs=0.05)
    page.keyboard.press("Tab")
    focused = visit.js(f"{VIEW}.activeElement.getAttribute('data-node')")
    assert focused is not None
    page.keyboard.press("Enter")
    node = list(flagship.nodes.values())[int(focused)]
    assert visit.panel_title() == node.label
    page.keyboard.press("Tab")
    second = visit.js(f"{VIEW}.activeElement.getAttribute('data-node')")
    assert second is not None and second != focused
    page.keyboard.press("Escape")
    assert visit.panel_title() == flagship.title
    visit.quiet()


def test_the_mouse_wheel_zooms_and_a_drag_pans(visit: Visit) -> None:
    page = visit.page
    box = page.locator("argmap-map .viewport").bounding_box()
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    fitted = visit.view_box()
    page.mouse.move(*middle)
    page.mouse.wheel(0, -400)
    page.wait_for_function(f"() => Number({VIEW}.querySelector('.viewport svg').getAttribute('viewBox').split(' ')[2]) < {fitted[2] * 0.8}")
    zoomed = visit.view_box()
    page.mouse.down()
    page.mouse.move(middle[0] + 120, middle[1] + 60, steps=6)
    page.mouse.up()
    moved = visit.view_box()
    assert moved[0] < zoomed[0] and moved[1] < zoomed[1] and moved[2] == pytest.approx(zoomed[2])
    visit.page.locator("argmap-map button.fit").click()
    assert visit.view_box() == pytest.approx(fitted, abs=0.05)
    visit.quiet()


def test_search_finds_titles_and_texts(visit: Visit, flagship: argmap.Map) -> None:
    visit.page.locator("argmap-map input.search").fill("nato")
    expected = [i for i, n in enumerate(flagship.nodes.values())
                if "nato" in (n.title or "").lower() or "nato" in n.text.lower()]
    assert visit.page.locator("argmap-map .count").inner_text() == f"{len(expected)} found"
    found = visit.js(f"[...{VIEW}.querySelectorAll('g.hit')].map(g => Number(g.dataset.node)).sort((a, b) => a - b)")
    assert found == expected
    visit.page.locator("argmap-map input.search").press("Enter")
    assert visit.panel_title() == list(flagship.nodes.values())[expected[0]].label
    visit.quiet()


def _deep(visit: Visit, selector: str) -> int:
    return visit.js(f"document.querySelectorAll({selector!r}).length + {VIEW}.querySelectorAll({selector!r}).length")


def test_the_hostile_map_stays_text(browser: Any, tmp_path: Path) -> None:
    m = argmap.parse_file(HOSTILE)
    visit = Visit(browser, _export(m, tmp_path))
    try:
        assert visit.page.title() == m.title
        for index, node in enumerate(m.nodes.values()):
            visit.node(index).click()
            shown = re.sub("[\u202a-\u202e\u2066-\u2069]", lambda c: f"U+{ord(c.group()):04X}", node.title)
            assert visit.js(f"{VIEW}.querySelector('.panel h2').textContent") == shown
            assert visit.js(f"{VIEW}.querySelector('.panel .node-text').textContent") == re.sub(
                "[\u202a-\u202e\u2066-\u2069]", lambda c: f"U+{ord(c.group()):04X}", node.text)
            links = visit.js(f"[...{VIEW}.querySelectorAll('.panel a')].map(a => a.getAttribute('href'))")
            wanted = [link for s in node.sources
                      if (link := m.sources[s].meta.get("url")) in ("https://example.org/report?a=1&b=2",
                                                                    "mailto:desk@example.org")]
            assert links == wanted
        for marker in ("img", "b", "svg svg", "iframe", "object", "embed", "[onerror]", "[onload]", "[onmouseover]"):
            assert _deep(visit, marker) == 0, marker
        assert _deep(visit, "script") == 2  # the page's own: its data and its code
        visit.quiet()
    finally:
        visit.context.close()


def test_two_fragments_work_in_a_page_with_its_own_policy(browser: Any, flagship: argmap.Map, tmp_path: Path) -> None:
    from argmap.export.html import map_to_html_fragment

    piece = map_to_html_fragment(flagship)
    allowed = re.search(r"(script-src 'sha256-[^']+'); (style-src 'sha256-[^']+')", piece)
    assert allowed is not None
    policy = f"default-src 'none'; {allowed[1]}; {allowed[2]}"
    host = tmp_path / "host.html"
    host.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'
                    f' content="{policy}"><title>Host</title></head><body><h1>My blog</h1><p>Before.</p>'
                    f"{piece}<p>Between.</p>{piece}<p>After.</p></body></html>", "utf-8")
    visit = Visit(browser, host)
    try:
        second = visit.page.locator("argmap-map").nth(1)
        second.locator(f"g[data-node='{_index(flagship, 'Free choice')}']").click()
        assert second.locator(".panel h2").inner_text() == "Free choice"
        # the first map, its own view, is untouched
        assert visit.page.locator("argmap-map").nth(0).locator(".panel h2").inner_text() == flagship.title
        second.locator("input[value=grounded]").check()
        assert visit.page.locator("argmap-map").nth(0).locator("input[value=none]").is_checked()
        assert visit.page.locator("body > h1").inner_text() == "My blog"
        assert visit.js("getComputedStyle(document.querySelector('argmap-map')).height") == "640px"
        assert _deep(visit, "script") == 4  # each fragment's data and code
        visit.quiet()
    finally:
        visit.context.close()


def test_a_screenshot_shows_the_map(visit: Visit, flagship: argmap.Map, tmp_path: Path) -> None:
    page = visit.page
    page.locator("argmap-map input[value=grounded]").check()
    node = visit.node(_index(flagship, "Free choice"))
    box = node.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -900)
    page.wait_for_timeout(100)
    node.click()
    shot = tmp_path / "page.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000  # a blank page of this size is ~10 kB
    if golden.REGEN:
        SCREENSHOT.write_bytes(data)
    visit.quiet()

"""A large map opens on its first part (argmap/tui/preview.py); the whole map follows."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.language.read.parse import parse, parse_file
from argmap.tui import preview
from argmap.tui.app import ArgmapApp
from argmap.tui.screens import BrowserScreen

SIZE = (120, 40)


def debate(claims: int) -> str:
    """A map of `claims` top-level claims, each with a reason (one continued over two lines,
    a comment above it) and an objection referring to the next claim, defined further down."""
    lines = ["---", "title: A long debate", "---", "", "actor ann: Ann", "", "# Claims", ""]
    for i in range(claims):
        lines += [f"// claim {i}", f"[C{i}]: claim {i} @ann #t{i % 3}",
                  f"  + [R{i}]: a reason for {i}", "    that goes on", f"  - [C{i + 1}]"]
    lines.append(f"[C{claims}]: the last claim")
    return "\n".join(lines) + "\n"


@given(st.integers(1, 120))
def test_a_preview_holds_whole_entries_of_the_map(lines: int) -> None:
    """Every node of a preview is the map's own node, with all its text, and every relation
    between two nodes of the preview is one of the map's."""
    text = debate(30)
    head = preview.preview_text(text, lines)
    assert head is not None and text.startswith(head) and head.endswith("\n")
    assert head.count("\n") >= lines  # at least as many lines as asked for
    part, whole = parse(head), parse(text)
    assert set(part.nodes) <= set(whole.nodes)
    for node_id, node in part.nodes.items():
        assert (node.kind, node.text, node.actors, node.tags) == (
            whole.nodes[node_id].kind, whole.nodes[node_id].text, whole.nodes[node_id].actors,
            whole.nodes[node_id].tags)
    ends = {(r.kind, r.source, r.target) for r in whole.relations.values()}
    assert {(r.kind, r.source, r.target) for r in part.relations.values()} <= ends


def test_no_preview_of_a_short_map_and_none_cut_in_its_front_matter() -> None:
    assert preview.preview_text(debate(3), 10_000) is None
    front = "---\n" + "".join(f"k{i}: v\n" for i in range(50)) + "---\n"
    text = front + "[A]: a\n  + [B]: b\n[C]: c\n"
    assert preview.preview_text(text, 10) == front + "[A]: a\n  + [B]: b\n"  # past the front matter
    assert preview.preview_text(text, 54) == front + "[A]: a\n  + [B]: b\n"  # [A] entire
    assert preview.preview_text(text, 55) is None  # nothing left to cut before


def test_only_a_large_file_has_a_preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "debate.argmap"
    path.write_text(debate(200), encoding="utf-8")
    assert preview.preview_map(str(path)) is None  # under PREVIEW_FROM_BYTES
    monkeypatch.setattr(preview, "PREVIEW_FROM_BYTES", 1000)
    monkeypatch.setattr(preview, "PREVIEW_LINES", 50)
    part = preview.preview_map(str(path))
    assert part is not None and 5 < len(part.nodes) < 30
    assert preview.preview_map(str(tmp_path / "missing.argmap")) is None  # the full read says why
    monkeypatch.setattr(preview, "PREVIEW_CHARS", 2_000)  # only the file's start is read
    crlf = tmp_path / "crlf.argmap"
    crlf.write_bytes(debate(200).encode().replace(b"\n", b"\r\n"))
    part = preview.preview_map(str(crlf))
    assert part is not None and set(part.nodes) <= set(parse_file(str(crlf)).nodes) and part.nodes
    front = tmp_path / "front.argmap"
    front.write_text("---\n" + "".join(f"k{i}: v\n" for i in range(500)) + "---\n" + debate(10), "utf-8")
    assert preview.preview_map(str(front)) is None  # its front matter goes on past the start read


def test_the_browser_opens_on_a_preview_and_shows_the_whole_map_once_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BrowserScreen, "DETAIL_DELAY", 0)
    path = tmp_path / "debate.argmap"
    path.write_text(debate(200), encoding="utf-8")
    head = preview.preview_text(path.read_text(encoding="utf-8"), 40)
    part = parse(head, str(path))
    assert part.diagnostics  # its last objection refers to a claim further down
    let_read = threading.Event()

    def slow_loader(name: str):
        let_read.wait(10)  # the whole map is read once the test says so
        return parse_file(name)

    async def until(test) -> None:
        for _ in range(250):
            if test():
                return
            await asyncio.sleep(0.02)

    async def scenario() -> None:
        app = ArgmapApp(part, str(path), poll_interval=0, preview=True, loader=slow_loader)
        said: list[str] = []
        app.notify = lambda message, **kwargs: said.append(message)
        async with app.run_test(size=SIZE) as pilot:
            status = app.browser.query_one("#status")
            assert f"the first {len(part.nodes)} nodes · reading the whole map" in str(status.render())
            assert app.diagnostics == []  # not the preview's: they are no errors of the map
            await pilot.press("j", "j", "s")  # the grounded overlay, on the preview
            await until(lambda: app.overlay.name == "grounded")
            assert set(app.overlay.status) == set(part.nodes)
            here = app.browser.current_entry().node
            let_read.set()
            await until(lambda: not app.preview)
            await pilot.pause()
            whole = parse_file(str(path))
            assert set(app.map.nodes) == set(whole.nodes)
            assert app.browser.current_entry().node == here  # the cursor stayed on its node
            assert "reading" not in str(status.render()) and "401 nodes" in str(status.render())
            assert app.diagnostics == list(whole.diagnostics) and said == []  # no note
            await until(lambda: app.overlay_pending is None and len(app.overlay.status) > len(part.nodes))
            assert app.overlay.name == "grounded" and set(app.overlay.status) == set(whole.nodes)
            # the lookups follow: the tags picker
            await until(lambda: app.browser.query_one("#tag-box").choices[1:])
            assert [v for _, v in app.browser.query_one("#tag-box").choices[1:]] == ["t0", "t1", "t2"]

    asyncio.run(scenario())

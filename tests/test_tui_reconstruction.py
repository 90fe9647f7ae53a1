"""The browser and reconstructions: the detail pane of an argument lists its numbered
statements and inference lines, Enter follows a statement to its node, and an argument with
a scheme shows its critical questions with their status (at 80×24 and 120×40)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from test_tui_app import cursor_node, sample_app
from test_tui_first_hour import SIZES, screen_lines

from argmap.tui.screens import BrowserScreen
from argmap.tui.widgets import RelationList

TEXT = """\
[Tours help]: Tours help.
  + <Tours work>: A tour teaches. {scheme: example}
    (1) [Tours teach]: Tours teach.
    (2) Shown once.
    -- modus ponens {uses: [1, 2]} --
    (3) [Tours help]
    - [Odd case]: One odd tour. {answers: CQ1}
"""


@pytest.fixture(autouse=True)
def detail_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BrowserScreen, "DETAIL_DELAY", 0)


@pytest.mark.parametrize("size", SIZES)
def test_the_detail_pane_shows_and_follows_a_reconstruction(size: tuple[int, int], tmp_path: Path) -> None:
    async def scenario() -> None:
        app = sample_app(tmp_path, TEXT)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            app.browser.jump_to_node("<Tours work>")
            await pilot.pause()
            listing = app.browser.query_one("#reconstruction", RelationList)
            assert listing.display and listing.option_count == 4
            assert "CQ1 raised" in app.browser.query_one("#detail-questions").render().plain
            await pilot.press("tab", "tab")
            assert listing.has_focus and listing.highlighted == 0
            await pilot.pause()
            screen = "\n".join(screen_lines(app))  # the pane scrolls the focused list into view
            assert "(1) Tours teach" in screen and "-- modus ponens --" in screen
            await pilot.press("j", "j", "enter")  # the inference line is skipped: (3)
            assert cursor_node(app) == "[Tours help]"
            assert not app.browser.query_one("#reconstruction", RelationList).display

    asyncio.run(scenario())


def test_the_questions_carry_the_status_check_finds() -> None:
    import argmap
    from argmap.tui.widgets.reconstruction import critical_questions

    m = argmap.parse(TEXT)
    lines = critical_questions(m, m.nodes["<Tours work>"]).plain.splitlines()
    assert lines[0].startswith("scheme ")
    assert lines[1].split()[:2] == ["CQ1", "raised"]
    assert all(line.split()[1] == "open" for line in lines[2:])
    assert critical_questions(m, m.nodes["[Tours teach]"]).plain == ""


def test_the_questions_of_an_inference_line_are_listed_under_its_number() -> None:
    import argmap
    from argmap.tui.widgets.reconstruction import critical_questions

    m = argmap.parse("<Lights>: The lights are off.\n  (1) [Dark]: The windows are dark.\n"
                     "  -- {scheme: sign} --\n  (2) [Nobody home]: Nobody is home.\n"
                     "    _ [Asleep]: They may be asleep. {answers: CQ2}\n")
    text = critical_questions(m, m.nodes["<Lights>"]).plain
    assert text.splitlines()[0] == "(2) scheme Argument from sign"
    assert [line.split()[:2] for line in text.splitlines()[1:]] == [["CQ1", "open"], ["CQ2", "raised"]]

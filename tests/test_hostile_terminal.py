"""Terminal escapes in map text (tests/hostile/terminal/): the language refuses them with a
`control-character` finding, and no human-readable output sends one to the terminal — each
is shown escaped (`\\x1b`); Rich markup in a title prints literally."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from helpers import ROOT

HOSTILE = ROOT / "tests" / "hostile" / "terminal"
MAP = HOSTILE / "escapes.argmap"
JSON_MAP = HOSTILE / "escapes.json"
#: a character a terminal acts on: C0 but tab and line feed, DEL, C1
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def argmap(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, timeout=60,
                          cwd=ROOT, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "TERM": "xterm"})


def assert_inert(output: bytes) -> str:
    """`output` is UTF-8 holding no character a terminal acts on; returns it decoded."""
    text = output.decode("utf-8")  # strict: a lone C1 byte is not UTF-8 either
    assert CONTROL.findall(text) == [], text
    return text


def test_the_language_refuses_control_characters_at_their_position() -> None:
    result = argmap("check", "--format", "json", str(MAP))
    assert result.returncode == 1
    found = [(d["line"], d["column"], d["code"], d["severity"], d["message"])
             for d in json.loads(result.stdout)["diagnostics"]]
    esc, bel = "control character \\x1b in the text", "control character \\x07 in the text"
    assert found == [
        (1, 13, "control-character", "error", esc), (1, 37, "control-character", "error", bel),
        (1, 41, "control-character", "error", esc), (1, 46, "control-character", "error", bel),
        (1, 57, "control-character", "error", esc), (2, 8, "control-character", "error", esc),
        (3, 13, "control-character", "error", esc), (3, 28, "control-character", "error", bel),
        (4, 17, "control-character", "error", "control character U+009B in the text"),
    ]


def test_check_shows_the_excerpt_escaped_with_the_caret_under_the_character() -> None:
    result = argmap("check", str(MAP))
    assert result.returncode == 1
    text = assert_inert(result.stdout)
    assert ("tests/hostile/terminal/escapes.argmap:2:8: error[control-character]: "
            "control character \\x1b in the text\n"
            "    2 | [Clear \\x1b[2J]: screen cleared @al\n"
            "      |        ^^^^\n") in text


@pytest.mark.parametrize("command", [
    ["check"], ["fmt", "--check"], ["fmt", "--diff"], ["analyze"], ["analyze", "--json"],
    ["render", "--format", "dot"], ["export", "--to", "mermaid"], ["export", "--to", "json"],
    ["export", "--to", "argdown"],
])
def test_no_command_prints_a_control_character(command: list[str]) -> None:
    result = argmap(*command, str(MAP))
    assert result.returncode != 0  # the map has errors: every command refuses it
    assert_inert(result.stdout)
    assert "\\x1b" in assert_inert(result.stderr + result.stdout)


def test_analyze_tables_show_map_text_escaped_and_never_as_markup() -> None:
    result = argmap("analyze", str(JSON_MAP))
    assert result.returncode == 0, result.stderr
    text = assert_inert(result.stdout + result.stderr)
    assert "│ [Clear \\x1b[2J]  │" in text
    assert "│ [[bold]x[/bold]] │" in text  # markup in a title prints as written
    assert "Al\\x1b]8;;javascript:alert(1)\\x07ice (@al): 3 claims" in text


def test_explain_shows_map_text_escaped() -> None:
    result = argmap("explain", str(JSON_MAP), "[Clear \x1b[2J]")
    assert result.returncode == 0, result.stderr
    assert "[Clear \\x1b[2J]" in assert_inert(result.stdout)


def test_the_browser_and_the_language_server_show_control_characters_escaped() -> None:
    from argmap.lsp.hover import describe_node
    from argmap.tui.overlay import Overlay
    from argmap.tui.widgets.detail import describe
    from argmap.tui.widgets.labels import shorten
    from argmap.importers import read_map

    map_ = read_map(str(JSON_MAP))[0]
    node = map_.nodes["[Clear \x1b[2J]"]
    grounded = Overlay("grounded", {n: "in" for n in map_.nodes})  # the detail pane's why line too
    for shown in (describe(map_, node, Overlay()).plain, describe(map_, node, grounded).plain,
                  shorten(node.label), describe_node(map_, map_.nodes["[Clip]"], None)):
        assert CONTROL.findall(shown) == [], shown
    assert shorten(node.label) == "Clear \\x1b[2J"
    assert "\\\\x1b\\]52;c;aGVsbG8=\\\\x07 clipboard" in describe_node(map_, map_.nodes["[Clip]"], None)


def test_a_bidirectional_control_is_a_warning_and_shown_escaped(tmp_path) -> None:
    # "Trojan Source": U+202E shows the rest of the line backwards, U+2066..2069 isolate it
    path = tmp_path / "bidi.argmap"
    path.write_text("[A]: pay \u202eeulav\u202c now\n  + [B]: isolated \u2067text\u2069\n"
                    "[\u202eC]: a title\n  - [A]\n", "utf-8")
    result = argmap("check", "--format", "json", str(path))
    found = [(d["line"], d["column"], d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [(1, 10, "bidi-control", "warning"), (1, 16, "bidi-control", "warning"),
                     (2, 19, "bidi-control", "warning"), (2, 24, "bidi-control", "warning"),
                     (3, 2, "bidi-control", "warning")]
    assert result.returncode == 0
    for args in (["check", str(path)], ["analyze", str(path)], ["explain", str(path), "[\u202eC]"]):
        shown = argmap(*args).stdout.decode("utf-8")
        assert re.findall("[\u202a-\u202e\u2066-\u2069]", shown) == [], args
        assert "\\u202e" in shown, (args, shown)  # the source line, the title in a table, the explanation

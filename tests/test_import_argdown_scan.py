"""The fast Argdown scanner reads every line exactly as Lark's parser of the grammar does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from helpers import FIXTURES, bench_module
from strategies import outline_maps

from argmap.export.argdown import map_to_argdown
from argmap.importers.argdown_scan import lines_lark, scan_lines


def view(lines: list) -> list:
    return [(kind, [(t.type, str(t.value), t.line, t.column, t.end_line, t.end_column)
                    for t in tokens], blank) for kind, tokens, blank in lines]


PIECES = st.sampled_from([
    "[T]: ", "[T]", "<A>: ", "<A>", "  + ", "    - ", "  <_ ", "  _> ", "  >< ", "(1) ", "----",
    "--", "# ", "## H ", "* ", "1. ", "text", " more words", " #tag", " #(two words)",
    " {a: 1}", " {\nb: 2\n}", " // note", " /* c */ ", "<!-- h -->", "\\#", " https://x.org/a",
    " @[T]", " a < b > c", " {", " /", "\n", "\n\n", "===\ntitle: x\n===\n", "[L](http://l)",
])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_scanner_agrees_with_lark_on_argdown_pieces(text: str) -> None:
    assert view(scan_lines(text)) == view(lines_lark(text))


@given(outline_maps())
def test_scanner_agrees_with_lark_on_exported_maps(m) -> None:
    text = map_to_argdown(m)
    assert view(scan_lines(text)) == view(lines_lark(text))


@pytest.mark.parametrize("path", sorted((FIXTURES / "argdown").glob("*.argdown")), ids=lambda p: p.name)
def test_scanner_agrees_with_lark_on_fixtures(path: Path) -> None:
    text = path.read_text("utf-8")
    assert view(scan_lines(text)) == view(lines_lark(text))


def test_scanner_agrees_with_lark_on_the_benchmark_document() -> None:
    text = bench_module("argdown").generate(0.02)
    assert view(scan_lines(text)) == view(lines_lark(text))

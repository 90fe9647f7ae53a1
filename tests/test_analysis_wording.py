"""Counts in words in what the analysis says ("2 claims", "1 extension", never "2 claim(s)"):
issue 18's "fix what a user met", for every message of argmap/analyze and its commands."""

from __future__ import annotations

import re

from helpers import ROOT

from argmap.analyze.dung import EnumerationTimeout

SOURCES = [*sorted((ROOT / "argmap" / "analyze").rglob("*.py")),
           *(ROOT / "argmap" / "commands" / f"{name}.py" for name in ("analyze", "explain", "diff"))]


def test_no_message_counts_with_a_bracketed_plural() -> None:
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in SOURCES
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\w\(s\)", line)]
    assert found == []


def test_a_timeout_says_how_many_extensions_in_words() -> None:
    assert str(EnumerationTimeout(1)) == "time limit reached after 1 extension"
    assert str(EnumerationTimeout(3)) == "time limit reached after 3 extensions"

"""Every ```argmap example in docs/*.md is a tested fixture: it parses, `check` finds no error
in it, and `argmap fmt` leaves it as it is (a formatter's examples are its fixed points).

An example that shows an error on purpose says so on the line before its fence:
`<!-- argmap: error -->`; it must then have an error. A fence inside a longer fence (an
example of a Markdown file) is the outer block's text, not an example.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT

import argmap

DOCS = sorted((ROOT / "docs").glob("*.md"))
ERROR_MARK = "<!-- argmap: error -->"
_FENCE = re.compile(r"^(`{3,}|~{3,})[ \t]*([\w-]*)")


def examples(text: str) -> list[tuple[int, str, bool]]:
    """(line of the opening fence, the example's text, marked as an error example) for each
    top-level ```argmap block of a Markdown text."""
    found = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        fence, info = match.group(1), match.group(2)
        end = index + 1
        while end < len(lines) and not (lines[end].startswith(fence[0] * len(fence))
                                        and not lines[end].strip(fence[0] + " \t")):
            end += 1
        if info == "argmap":
            marked = index > 0 and lines[index - 1].strip() == ERROR_MARK
            found.append((index + 1, "\n".join(lines[index + 1:end]) + "\n", marked))
        index = end + 1
    return found


CASES = [(f"{path.name}:{line}", body, marked) for path in DOCS
         for line, body, marked in examples(path.read_text(encoding="utf-8"))]


def test_the_reader_finds_the_examples_and_skips_nested_fences() -> None:
    text = "a\n```argmap\n[A]: a\n```\n````markdown\n```argmap\n[B] b\n```\n````\n" \
           f"{ERROR_MARK}\n```argmap\n[C] c\n```\n"
    assert examples(text) == [(2, "[A]: a\n", False), (11, "[C] c\n", True)]


def test_format_md_has_examples() -> None:
    assert sum(name.startswith("format.md") for name, _, _ in CASES) >= 8


@pytest.mark.parametrize("name,body,marked", CASES, ids=[c[0] for c in CASES])
def test_a_docs_example_reads_checks_and_is_a_fixed_point_of_fmt(name: str, body: str, marked: bool) -> None:
    m = argmap.parse(body, str(ROOT / "docs" / "example.argmap"))
    errors = [f"{d.span.line}:{d.span.column} {d.code}: {d.message}" for d in argmap.check(m) if d.is_error]
    if marked:
        assert errors, f"{name} is marked as an error example but has no error"
        return
    assert errors == []
    assert argmap.format_map(m) == body, f"{name} is not in the form argmap fmt writes"

"""One mistake, one message: tests/fixtures/cascades.txt lists, for each mistake a writer
made, every finding `check` must give (docs/format.md promises no cascading errors)."""

from __future__ import annotations

import pytest
from helpers import FIXTURES

import argmap


def _cases() -> list[tuple[str, str, list[str]]]:
    cases = []
    for block in (FIXTURES / "cascades.txt").read_text(encoding="utf-8").split("\n=== ")[1:]:
        header, _, body = block.partition("\n")
        source, _, expected = body.partition("~~~\n")
        cases.append((header.strip(), source, [line for line in expected.splitlines() if line.strip()]))
    return cases


CASES = _cases()


@pytest.mark.parametrize("header,source,expected", CASES, ids=[c[0] for c in CASES])
def test_one_mistake_gives_the_findings_listed(header: str, source: str, expected: list[str]) -> None:
    found = argmap.check(argmap.parse(source, "case.argmap"))
    assert [f"{d.code} at {d.span.line}:{d.span.column}" for d in found] == expected


def test_an_indented_top_level_line_says_remove_the_indentation() -> None:
    found = argmap.check(argmap.parse("[A]: a\n  + [B]: b\n [C]: c\n"))
    assert [(d.code, "remove the indentation" in (d.hint or "")) for d in found] == [("unexpected-indent", True)]


def test_a_reference_with_annotations_keeps_them_and_says_where_they_go() -> None:
    m = argmap.parse("actor x: X\n[A]: a\n  + [B]: b\n[C]: c\n  - [B] @x\n")
    [finding] = argmap.check(m)
    assert "reference" in finding.message and "where the title is defined" in (finding.hint or "")
    assert m.nodes["[B]"].actors == ("x",)
    assert [(r.source, r.kind.value, r.target) for r in m.relations.values()] == [
        ("[B]", "support", "[A]"), ("[B]", "attack", "[C]")]

"""Provisional diagnostics for large documents: the edited region, and findings that match
what the full parse and check will say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.lsp.document import Snapshot
from argmap.lsp.provisional import MIN_LINES, edited_region, provisional_diagnostics

LINES = st.lists(st.sampled_from(["a", "b", "c", ""]), max_size=12)


@given(LINES, LINES)
def test_edited_region_rebuilds_the_new_lines(old: list[str], new: list[str]) -> None:
    prefix, old_end, new_end = edited_region(old, new)
    assert old[:prefix] == new[:prefix] and old[old_end:] == new[new_end:]
    assert new == new[:prefix] + new[prefix:new_end] + old[old_end:]
    assert prefix <= old_end <= len(old) and prefix <= new_end <= len(new)


def _big_map(extra: str = "") -> list[str]:
    lines = ["actor ana: Ana", ""]
    for i in range(MIN_LINES // 2 + 10):
        lines += [f"[Claim {i}]: Text {i}. @ana", f"  + [Reason {i}]: Because {i}."]
    lines += ["[Claim 0]", "  - [Missing]", ""]
    return lines


def _key(diagnostics: list) -> set[tuple[str, int, int]]:
    return {(d.code, d.span.line, d.span.column) for d in diagnostics}


def test_provisional_findings_are_the_full_findings_after_an_insertion() -> None:
    old = _big_map()
    snapshot = Snapshot("u", 1, "\n".join(old), None)
    assert [d.code for d in snapshot.diagnostics] == ["undefined-node"]
    middle = len(old) // 2 + 1  # after a claim line
    new = old[:middle] + ["  + [Fresh]: fine", "  - [Broken]: text @ana more words", "  + plain"] + old[middle:]
    quick = provisional_diagnostics(snapshot, new)
    full = argmap.check(argmap.parse("\n".join(new)))
    assert quick is not None and _key(quick) == _key(full)
    assert {d.code for d in quick} == {"undefined-node", "text-after-annotation"}


def test_findings_in_the_edited_lines_are_dropped_and_later_ones_move_up() -> None:
    old = _big_map()
    snapshot = Snapshot("u", 1, "\n".join(old), None)
    new = old[:5] + old[7:]  # two lines removed
    quick = provisional_diagnostics(snapshot, new)
    assert quick is not None
    (moved,) = quick
    assert moved.span.line == snapshot.diagnostics[0].span.line - 2


def test_no_provisional_pass_for_small_files_or_front_matter_edits() -> None:
    small = Snapshot("u", 1, "[A]: a\n", None)
    assert provisional_diagnostics(small, ["[A]: b", ""]) is None
    old = ["---", "title: T", "---"] + _big_map()
    snapshot = Snapshot("u", 1, "\n".join(old), None)
    assert provisional_diagnostics(snapshot, old[:1] + ["title: U"] + old[2:]) is None
    assert provisional_diagnostics(snapshot, old[:10] + ["[X]: y"] + old[10:]) is not None

"""Kialo text exports: thesis, Pro/Con at any depth, -> See references, CRLF, bad lines."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.errors import ImportFailed
from argmap.importers import detect_format
from argmap.importers.kialo import read_kialo
from argmap.model import RelationKind

KIALO = """\
Discussion Title: Should cars be banned from city centres?

1. Cars should be banned from city centres.
1.1. Pro: Air quality would improve.
1.1.1. Con: Buses pollute too.
1.1.2. Pro: Studies show \\[lower\\] NO2 levels
in car-free zones (see [the study](https://example.org/a)).
1.2. Con: Shops would lose customers.
1.2.1. Con: -> See 1.1.1.
1.3. Pro: -> See 1.1.2.
"""


def edges(m: argmap.Map) -> set[tuple[str, str, str]]:
    number = {n.id: n.meta["kialo"] for n in m.nodes.values()}
    return {(number[r.source], r.kind.value, number[r.target]) for r in m.relations.values()}


def test_claims_supports_attacks_and_title() -> None:
    m = read_kialo(KIALO, "cars.txt")
    assert m.title == "Should cars be banned from city centres?"
    assert len(m.nodes) == 5  # the two references are no nodes of their own
    assert edges(m) == {
        ("1.1.", "support", "1."), ("1.1.1.", "attack", "1.1."), ("1.1.2.", "support", "1.1."),
        ("1.2.", "attack", "1."), ("1.1.1.", "attack", "1.2."), ("1.1.2.", "support", "1."),
    }
    assert not m.diagnostics


def test_multi_line_text_and_escapes() -> None:
    m = read_kialo(KIALO)
    node = next(n for n in m.nodes.values() if n.meta["kialo"] == "1.1.2.")
    assert node.text == ("Studies show [lower] NO2 levels\n"
                         "in car-free zones (see [the study](https://example.org/a)).")
    assert (node.span.line, node.span.column) == (6, 13)


def test_deep_nesting() -> None:
    lines = ["Discussion Title: Deep", "", "1. Root"]
    number = "1."
    for depth in range(1, 25):
        number += "1."
        lines.append(f"{number} {'Pro' if depth % 2 else 'Con'}: level {depth}")
    m = read_kialo("\n".join(lines) + "\n")
    assert len(m.nodes) == 25 and len(m.relations) == 24
    assert [r.kind for r in m.relations.values()][:2] == [RelationKind.SUPPORT, RelationKind.ATTACK]


def test_crlf_and_bom_like_lf(tmp_path: Path) -> None:
    path = tmp_path / "cars.txt"
    path.write_bytes(b"\xef\xbb\xbf" + KIALO.replace("\n", "\r\n").encode())
    m, _ = argmap.importers.read_map(str(path))
    assert edges(m) == edges(read_kialo(KIALO)) and m.title.endswith("centres?")
    assert all("\r" not in n.text for n in m.nodes.values())


@pytest.mark.parametrize(("line", "code", "column"), [
    ("1.4.1. Pro: Orphan.", "kialo-no-parent", 13),
    ("1.5. Con: -> See 9.9.", "kialo-unknown-reference", 11),
    ("1.6. A neutral claim.", "kialo-no-stance", 6),
    ("2.1. Pro: Elsewhere.", "kialo-number", 1),
    ("1.7. Pro:", "kialo-empty", 10),
])
def test_bad_lines_are_warnings_with_positions(line: str, code: str, column: int) -> None:
    m = read_kialo(KIALO + line + "\n", "k.txt")
    found = [d for d in m.diagnostics if d.code == code]
    assert found, [d.code for d in m.diagnostics]
    assert (found[0].span.line, found[0].span.column) == (11, column)


def test_not_kialo_is_an_error_with_position() -> None:
    with pytest.raises(ImportFailed) as info:
        read_kialo("Title: x\n\n1. y\n", "k.txt")
    assert info.value.diagnostics[0].span.line == 1
    with pytest.raises(ImportFailed, match="no thesis"):
        read_kialo("Discussion Title: x\n\n", "k.txt")


def test_import_by_content_and_round_trip(tmp_path: Path, capsys) -> None:
    path = tmp_path / "cars.txt"
    path.write_text(KIALO, "utf-8")
    assert detect_format(str(path), KIALO) == "kialo"
    out = tmp_path / "cars.argmap"
    assert main(["import", str(path), "-o", str(out), "--strict"]) == 0
    again = argmap.parse(out.read_text("utf-8"), str(out))
    assert not [d for d in again.diagnostics if d.is_error]
    assert edges(again) == edges(read_kialo(KIALO))
    assert again.title == "Should cars be banned from city centres?"
    assert main(["check", str(path)]) == 0  # check reads it too (by content)
    assert main(["import", str(path), "--from", "kialo"]) == 0


def test_cli_bad_kialo_file_exits_1_and_writes_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("Discussion Title: x\n\n", "utf-8")
    out = tmp_path / "bad.argmap"
    assert main(["import", str(path), "--from", "kialo", "-o", str(out)]) == 1
    assert not out.exists()
    assert "bad.txt:" in capsys.readouterr().err

"""`include "file"`: merged content, positions in their own file, cycles and escapes refused."""

from __future__ import annotations

from pathlib import Path

from helpers import write_map as _write

import argmap


def test_included_content_is_merged_with_its_own_positions(tmp_path: Path) -> None:
    _write(tmp_path, "parts/facts.argmap", "actor x: X\n\n[Fact]: A fact. @x\n")
    main = _write(tmp_path, "main.argmap", 'include "parts/facts.argmap"\n[Claim]: c\n  + [Fact]\n')
    m = argmap.parse_file(main)
    assert argmap.check(m) == []
    fact = m.nodes["[Fact]"]
    assert fact.span.path is not None and fact.span.path.endswith("parts/facts.argmap")
    assert fact.span.line == 3
    assert m.nodes["[Claim]"].span.path == str(main)
    assert "x" in m.actors and len(m.relations) == 1
    assert any(p.endswith("facts.argmap") for p in m.included)


def test_fmt_keeps_the_include_line_and_not_the_included_content(tmp_path: Path) -> None:
    _write(tmp_path, "part.argmap", "[Fact]: A fact.\n")
    main = _write(tmp_path, "main.argmap", 'include "part.argmap"\n\n[Claim]: c\n  + [Fact]\n')
    text = argmap.format_map(argmap.parse_file(main))
    assert text == 'include "part.argmap"\n\n[Claim]: c\n  + [Fact]\n'


def test_include_cycle_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "a.argmap", 'include "b.argmap"\n[A]: a\n')
    _write(tmp_path, "b.argmap", 'include "a.argmap"\n[B]: b\n')
    m = argmap.parse_file(tmp_path / "a.argmap")
    cycle = [d for d in m.diagnostics if d.code == "include-cycle"]
    assert len(cycle) == 1 and cycle[0].span.path.endswith("b.argmap")
    assert {"[A]", "[B]"} <= set(m.nodes)


def test_include_may_not_leave_the_maps_folder(tmp_path: Path) -> None:
    _write(tmp_path, "secret.argmap", "[S]: s\n")
    main = _write(tmp_path, "maps/main.argmap", 'include "../secret.argmap"\ninclude "/etc/passwd"\n')
    m = argmap.parse_file(main)
    assert [d.code for d in m.diagnostics] == ["include-outside", "include-outside"]
    assert "[S]" not in m.nodes


def test_missing_include_is_an_error_with_its_position(tmp_path: Path) -> None:
    main = _write(tmp_path, "main.argmap", '[A]: a\ninclude "nope.argmap"\n')
    d = argmap.parse_file(main).diagnostics
    assert [(x.code, x.span.line, x.span.column) for x in d] == [("include-not-found", 2, 9)]


def test_errors_in_an_included_file_name_that_file(tmp_path: Path) -> None:
    _write(tmp_path, "part.argmap", "[Bad] colon missing\n")
    main = _write(tmp_path, "main.argmap", 'include "part.argmap"\n')
    d = argmap.parse_file(main).diagnostics
    assert d and d[0].code == "missing-colon" and d[0].span.path.endswith("part.argmap")

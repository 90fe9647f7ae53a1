"""Bad input gets diagnostics (or just works), never a traceback or a RecursionError."""

from __future__ import annotations

import pytest

import argmap
from argmap.cli import main


def _codes(m: argmap.Map) -> set[str]:
    return {d.code for d in argmap.check(m)}


def test_empty_file_is_an_empty_map() -> None:
    m = argmap.parse("")
    assert m.nodes == {} and argmap.check(m) == []
    assert argmap.format_map(m) == ""


def test_binary_garbage_gives_diagnostics_not_a_traceback() -> None:
    data = bytes(range(256)) * 40 + b"\x00\xff{[<@#^" * 100
    m = argmap.parse_bytes(data, "garbage.argmap")
    assert "invalid-utf8" in {d.code for d in m.diagnostics}
    argmap.check(m)


def test_invalid_utf8_is_reported_at_its_line_and_column() -> None:
    m = argmap.parse_bytes(b"[A]: fine\n[B]: caf\xe9\n", "x.argmap")
    bad = [d for d in m.diagnostics if d.code == "invalid-utf8"]
    assert [(d.span.line, d.span.column) for d in bad] == [(2, 9)]
    assert "[B]" in m.nodes  # the rest of the file is still read


def test_two_thousand_levels_of_nesting() -> None:
    lines = ["[N0]: root"] + ["  " * i + f"+ [N{i}]: level {i}" for i in range(1, 2001)]
    m = argmap.parse("\n".join(lines) + "\n")
    assert len(m.nodes) == 2001 and len(m.relations) == 2000
    assert argmap.check(m) == []
    text = argmap.format_map(m)
    assert text.count("\n") == 2001


@pytest.mark.parametrize("char,codes", [("[", ["unclosed-title"]), ("<", ["unclosed-title"]), ("(", [])])
def test_hundred_thousand_opening_brackets_on_one_line_are_text(char: str, codes: list[str]) -> None:
    m = argmap.parse(char * 100_000 + "\n", "brackets.argmap")
    assert [d.code for d in argmap.check(m)] == codes  # a warning at most, never an error
    assert [n.text for n in m.nodes.values()] == [char * 100_000]


def test_hundred_thousand_opening_braces_are_one_unterminated_block() -> None:
    m = argmap.parse("{" * 100_000 + "\n", "braces.argmap")
    assert [(d.code, d.span.line, d.span.column) for d in argmap.check(m)] == [("unterminated-metadata", 1, 1)]


def test_ten_megabyte_single_line() -> None:
    m = argmap.parse("[Long]: " + "word " * 2_000_000 + "\n")
    assert len(m.nodes["[Long]"].text) > 9_000_000
    assert argmap.check(m) == []


def test_tabs_mixed_with_spaces_are_an_error() -> None:
    m = argmap.parse("[A]: a\n\t+ [B]: b\n  + [C]: c\n")
    assert "mixed-indentation" in _codes(m)


def test_tab_indentation_alone_is_fine() -> None:
    m = argmap.parse("[A]: a\n\t+ [B]: b\n\t\t+ [C]: c\n")
    assert argmap.check(m) == [] and len(m.relations) == 2


def test_unterminated_brace_is_reported_and_the_rest_is_read() -> None:
    m = argmap.parse("[A]: a {score: 0.5\n[B]: b\n  - [C]: c\n", "x.argmap")
    assert "unterminated-metadata" in _codes(m)
    assert {"[B]", "[C]"} <= set(m.nodes) and len(m.relations) == 1


def test_bom_and_windows_line_endings_just_work() -> None:
    text = "\ufeff---\r\ntitle: T\r\n---\r\n[A]: a\r\n  + [B]: b\r\n"
    m = argmap.parse(text)
    assert argmap.check(m) == [] and m.title == "T" and len(m.relations) == 1
    assert argmap.parse_bytes(text.encode("utf-8")) == m


def test_every_syntax_error_of_a_file_is_reported_in_one_pass() -> None:
    bad = "[A]: a {x\n" * 3 + "[B] b\n" * 3 + "[C]: ok\n"
    m = argmap.parse(bad, "x.argmap")
    lines = sorted(d.span.line for d in m.diagnostics)
    assert lines == [1, 2, 3, 4, 5, 6]
    assert "[C]" in m.nodes


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02", b"\xff\xfe[A]", b"{" * 1000, b"\t" * 50 + b"+"])
def test_cli_check_on_bad_files_exits_cleanly(tmp_path, capsys, content: bytes) -> None:  # noqa: ANN001
    path = tmp_path / "bad.argmap"
    path.write_bytes(content)
    code = main(["check", str(path)])
    assert code in (0, 1)
    out = capsys.readouterr().out
    assert "Traceback" not in out


def test_cli_missing_file_is_a_clear_error(capsys) -> None:  # noqa: ANN001
    assert main(["check", "does/not/exist.argmap"]) == 2
    assert "no such file" in capsys.readouterr().err

"""ICCMA files as they are named: .af (2023), .tgf (2019), .i23, .apx; unknown kinds refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.errors import ImportFailed, UsageError
from argmap.export.iccma import map_to_af, map_to_apx, map_to_tgf
from argmap.importers import detect_format, read_map, resolve_format
from argmap.importers.iccma import read_af, read_apx, read_tgf
from argmap.importers.sniff import sniff

# ICCMA 2023 input format: "p af n" header, one attack "a b" per line, "#" comment lines
AF = "p af 4\n# generated for a test\n1 2\n2 3\n3 2\n4 4\n"
# ICCMA 2019 tgf: argument names, a "#" line, attack lines
TGF = "a1\na2\na3\n#\na1 a2\na2 a3\na3 a2\n"
APX = "arg(a).\narg(b).  % plain comment\narg(c).\natt(a,b).\natt(b,c).\n"


def framework(m: argmap.Map) -> tuple[set[str], set[tuple[str, str]]]:
    names = {n.title for n in m.nodes.values()}
    return names, {(m.nodes[r.source].title, m.nodes[r.target].title) for r in m.relations.values()}


def test_read_af_gives_claims_and_attacks() -> None:
    m = read_af(AF, "x.af")
    names, attacks = framework(m)
    assert names == {"1", "2", "3", "4"}
    assert attacks == {("1", "2"), ("2", "3"), ("3", "2"), ("4", "4")}
    assert all(n.kind is argmap.NodeKind.CLAIM for n in m.nodes.values())
    assert all(r.kind is argmap.RelationKind.ATTACK for r in m.relations.values())
    assert m.relations["r1"].span.line == 3


def test_read_tgf_and_apx() -> None:
    assert framework(read_tgf(TGF)) == ({"a1", "a2", "a3"}, {("a1", "a2"), ("a2", "a3"), ("a3", "a2")})
    assert framework(read_apx(APX)) == ({"a", "b", "c"}, {("a", "b"), ("b", "c")})


@pytest.mark.parametrize(("text", "where", "code"), [
    ("p af x\n", (1, 1), "iccma-header"),
    ("1 2\n", (1, 1), "iccma-header"),
    ("p af 2\n1 2 3\n", (2, 1), "iccma-attack"),
    ("p af 2\n1 3\n", (2, 3), "iccma-argument"),
    ("", (1, 1), "iccma-header"),
])
def test_bad_af_names_the_place(text: str, where: tuple[int, int], code: str) -> None:
    with pytest.raises(ImportFailed) as info:
        read_af(text, "bad.af")
    (diagnostic,) = info.value.diagnostics
    assert (diagnostic.span.line, diagnostic.span.column) == where and diagnostic.code == code


def test_tgf_undeclared_argument_is_a_warning_and_added() -> None:
    m = read_tgf("a\n#\na b\n", "t.tgf")
    assert "[b]" in m.nodes
    assert [(d.code, d.span.line, d.span.column) for d in m.diagnostics] == [("iccma-undeclared", 3, 3)]


def test_apx_bad_fact_raises_with_position() -> None:
    with pytest.raises(ImportFailed) as info:
        read_apx("arg(a).\natt(a).\n", "x.apx")
    assert info.value.diagnostics[0].span.line == 2


def test_sniffing_by_content() -> None:
    assert sniff(AF) == "af"
    assert sniff("# comment first\np af 1\n") == "af"
    assert sniff(TGF) == "tgf"
    assert sniff(APX) == "apx"
    assert sniff("Discussion Title: X\n\n1. Thesis\n") == "kialo"
    for argmap_text in ("[A]: x\n  - [B]: y\n", "# Heading\n[A]: x\n", "hello world\n", ""):
        assert sniff(argmap_text) is None
    assert detect_format("instance.txt", AF) == "af"
    assert detect_format("m.argmap", AF) is None  # the ending wins


def test_unknown_kind_is_refused_not_read_as_a_map(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\n", "utf-8")
    with pytest.raises(UsageError, match=r"notes.txt: not an .argmap file \(ending .txt\)"):
        resolve_format(str(notes), notes.read_text())
    for command in (["check"], ["analyze"], ["render"], ["export", "--to", "json"]):
        assert main([*command, str(notes)]) == 2
        err = capsys.readouterr().err
        assert "not an .argmap file" in err and "ok" not in capsys.readouterr().out
    # said explicitly, it is read as a map
    assert main(["export", str(notes), "--from", "argmap", "--to", "json"]) == 0


def test_check_reads_an_af_file_as_a_framework(tmp_path: Path, capsys) -> None:
    path = tmp_path / "inst.af"
    path.write_text(AF.replace("4 4\n", "4 1\n"), "utf-8")
    assert main(["check", str(path)]) == 0
    assert "(4 nodes, 4 relations)" in capsys.readouterr().out
    looped = tmp_path / "loop.af"
    looped.write_text(AF, "utf-8")  # a self-attack is kept: check warns of it as it does in any map
    assert main(["check", str(looped)]) == 0
    assert "loop.af:6:1: warning[self-attack]" in capsys.readouterr().out
    bad = tmp_path / "bad.af"
    bad.write_text("p af 1\n1 2\n", "utf-8")
    assert main(["check", str(bad)]) == 1
    assert "bad.af:2:3: error[iccma-argument]" in capsys.readouterr().out


def test_sniffed_af_without_its_ending(tmp_path: Path, capsys) -> None:
    path = tmp_path / "inst.txt"
    path.write_text(AF.replace("4 4\n", "4 1\n"), "utf-8")
    assert main(["check", str(path)]) == 0
    assert "(4 nodes, 4 relations)" in capsys.readouterr().out


@pytest.mark.parametrize(("ending", "write"), [(".af", map_to_af), (".tgf", map_to_tgf), (".apx", map_to_apx)])
def test_round_trip_through_argmap_text(tmp_path: Path, ending: str, write) -> None:
    """af -> argmap -> af gives the same framework (names and attacks)."""
    source = {".af": AF, ".tgf": TGF, ".apx": APX}[ending]
    path = tmp_path / f"inst{ending}"
    path.write_text(source, "utf-8")
    first, _ = read_map(str(path))
    text = argmap.format_map(first)
    again = argmap.parse(text, "x.argmap")
    assert not again.diagnostics
    assert framework(again) == framework(first)
    out = tmp_path / f"back{ending}"
    assert main(["export", str(path), "-o", str(out)]) == 0  # directly
    assert framework(read_map(str(out))[0]) == framework(first)
    (tmp_path / "x.argmap").write_text(text, "utf-8")
    assert main(["export", str(tmp_path / "x.argmap"), "-o", str(out), "--strict"]) == 0
    back, _ = read_map(str(out))
    assert framework(back) == framework(first)


def test_names_with_spaces_survive_af_and_tgf() -> None:
    m = argmap.parse("[It rains]: wet\n  - [Sky is clear]: dry\n")
    for write, read in ((map_to_af, read_af), (map_to_tgf, read_tgf), (map_to_apx, read_apx)):
        assert framework(read(write(m))) == ({"It rains", "Sky is clear"}, {("Sky is clear", "It rains")})


def test_export_and_import_choices_come_from_the_tables(capsys) -> None:
    from argmap.commands.export import EXPORTERS
    from argmap.importers import IMPORTERS

    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = capsys.readouterr().out
    assert all(fmt in text for fmt in IMPORTERS)
    assert {"af", "tgf"} <= set(EXPORTERS)


def test_browse_refuses_other_files(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("just notes\n", "utf-8")
    assert main(["browse", str(notes)]) == 2
    assert "not an .argmap file" in capsys.readouterr().err
    inst = tmp_path / "inst.af"
    inst.write_text(AF, "utf-8")
    assert main(["browse", str(inst)]) == 2
    assert "argmap import" in capsys.readouterr().err


def test_fmt_never_rewrites_other_files(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("just   notes\n", "utf-8")
    inst = tmp_path / "inst.af"
    inst.write_text(AF, "utf-8")
    for path, before in ((notes, "just   notes\n"), (inst, AF)):
        assert main(["fmt", str(path)]) == 2
        assert path.read_text("utf-8") == before
    assert "fmt formats .argmap files only" in capsys.readouterr().err

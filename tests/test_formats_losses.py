"""Loss reporting: each writer names what its format cannot hold; --verbose, --strict."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.export.iccma import map_to_af, map_to_apx, map_to_i23, map_to_tgf
from argmap.export.losses import FEATURES, Losses, call_writer, summary
from argmap.export.mermaid import map_to_mermaid

# one of everything: metadata, actor, source, section, node text/kind/actors/tags/sources/meta,
# every relation kind, a co-premise group, a weight, relation metadata
FULL = """\
---
title: Full
date: 2024-01-01
lang: en
---
actor ann: Ann {side: wet}
source paper: A paper

# Weather

[A]: It rains. @ann #weather ^paper {certainty: 0.5}
  + {weight: 0.7} [B]: Clouds.
  - {note: odd} <Dry>: The ground is dry. {certainty: 1}
    _ [C]: It is night.
  + [D]: Wet streets.
    & [E]: No cleaning.
  >< [F]: It does not rain.
  + [G]: Forecast.
    _ [H]: The forecast is often wrong.
  = [R]: Water falls from the sky.
question [Q]: Will it stop?
  + [S]: The sky clears.
"""


@pytest.fixture
def full() -> argmap.Map:
    m = argmap.parse(FULL, "full.argmap")
    assert not [d for d in m.diagnostics if d.is_error]
    return m


def codes(write, m) -> dict[str, int]:
    losses = Losses()
    write(m, losses)
    return losses.codes()


FRAMEWORK_LOSES = {"metadata", "actor", "source", "section", "node-text", "node-kind", "node-actors",
                   "node-tags", "node-sources", "node-meta", "node-section", "support", "undercut",
                   "contradiction", "relation-group", "relation-weight", "relation-meta", "argument-added",
                   "rephrase", "question"}


@pytest.mark.parametrize("write", [map_to_af, map_to_i23, map_to_apx, map_to_tgf])
def test_frameworks_report_everything_but_names_and_attacks(write, full) -> None:
    found = codes(write, full)
    assert set(found) == FRAMEWORK_LOSES
    assert found["support"] == 5  # B, D, E, G; S (supports a question, so left out)
    assert found["undercut"] == 2 and found["contradiction"] == 1
    assert found["rephrase"] == 1 and found["question"] == 1


def test_mermaid_reports_what_a_flowchart_cannot_show(full) -> None:
    found = codes(map_to_mermaid, full)
    assert set(found) == {"metadata", "actor", "source", "node-actors", "node-tags", "node-sources",
                          "node-meta", "relation-group", "relation-weight", "relation-meta"}
    assert found["metadata"] == 2  # date, lang: the title is drawn


def test_loss_elements_and_messages(full) -> None:
    losses = Losses()
    map_to_i23(full, losses)
    by = {(loss.code, loss.element): loss.message for loss in losses}
    weight = [e for c, e in by if c == "relation-weight"]
    assert len(weight) == 1 and "0.7" in by[("relation-weight", weight[0])]
    assert ("node-text", "[A]") in by and ("actor", "ann") in by
    undercuts = [m for (c, _), m in by.items() if c == "undercut"]
    assert any("inference argument" in m for m in undercuts)


def test_plain_call_still_works_and_nothing_lost_for_a_pure_framework() -> None:
    m = argmap.parse("[A]:\n  - [B]:\n")
    assert map_to_af(m).startswith("p af 2")
    text, losses = call_writer(map_to_af, m)
    assert text.startswith("p af 2") and list(losses) == []


def test_every_writer_feature_is_counted_in_words() -> None:
    for code in FEATURES:
        assert "loss" not in summary(code, 2, "x")  # every code has a noun
    assert summary("relation-weight", 12, "i23") == "12 relation weights not kept as they are by i23"


@pytest.fixture
def full_file(tmp_path: Path) -> Path:
    path = tmp_path / "full.argmap"
    path.write_text(FULL, "utf-8")
    return path


def test_cli_summarises_per_code(full_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.i23"
    assert main(["export", str(full_file), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning[support]: 5 supports not kept as they are by i23 (--verbose lists them)" in err
    assert "warning[relation-weight]: r" in err  # a single loss is listed with its element
    assert out.read_text().startswith("p af")


def test_cli_verbose_lists_every_element(full_file: Path, capsys) -> None:
    assert main(["export", str(full_file), "--to", "mermaid", "--verbose"]) == 0
    err = capsys.readouterr().err
    assert "warning[node-tags]: [A]: tags weather (writing mermaid)" in err
    assert "--verbose lists them" not in err


def test_cli_strict_writes_nothing(full_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.mmd"
    assert main(["export", str(full_file), "-o", str(out), "--strict"]) == 1
    assert not out.exists()
    assert "--strict" in capsys.readouterr().err


def test_cli_strict_passes_when_nothing_is_lost(tmp_path: Path) -> None:
    src = tmp_path / "pure.argmap"
    src.write_text("[A]:\n  - [B]:\n", "utf-8")
    out = tmp_path / "pure.af"
    assert main(["export", str(src), "-o", str(out), "--strict"]) == 0
    assert out.read_text().startswith("p af 2")


def test_import_strict_refuses_on_warnings(tmp_path: Path, capsys) -> None:
    src = tmp_path / "dup.af"
    src.write_text("p af 2\n1 2\n1 2\n", "utf-8")
    out = tmp_path / "dup.argmap"
    assert main(["import", str(src), "-o", str(out), "--strict"]) == 1
    assert not out.exists()
    assert main(["import", str(src), "-o", str(out)]) == 0
    assert "dup.af:3:1: warning[iccma-duplicate-attack]" in capsys.readouterr().err


def test_import_warnings_summarised_unless_verbose(tmp_path: Path, capsys) -> None:
    src = tmp_path / "dup.af"
    src.write_text("p af 2\n1 2\n1 2\n1 2\n1 2\n", "utf-8")
    assert main(["import", str(src)]) == 0
    err = capsys.readouterr().err
    assert "(and 2 more like it; --verbose lists them)" in err
    assert main(["import", str(src), "--verbose"]) == 0
    assert capsys.readouterr().err.count("warning[iccma-duplicate-attack]") == 3

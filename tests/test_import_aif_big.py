"""A 1,300-node AIFdb-style nodeset (bench/aif.py): warnings are one code per kind, and
`argmap import` prints a handful of lines for them (with --verbose, every one)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import bench_module

from argmap.cli import main
from argmap.importers.aif import read_aif

CODES = {"aif-transition-not-kept", "aif-unknown-node-type", "aif-dangling-edge", "aif-locution-not-kept"}


def test_a_big_nodeset_has_one_code_per_kind_of_warning() -> None:
    data = bench_module("aif").nodeset(1300)
    assert len(data["nodes"]) >= 1300
    m = read_aif(json.dumps(data, indent=1), "big.json")
    assert {d.code for d in m.diagnostics} == CODES
    assert len(m.diagnostics) > 200
    # what is kept: every speaker, and the propositions and relations of the dialogue
    assert {a.name for a in m.actors.values()} == set(bench_module("aif").SPEAKERS)
    assert all(n.actors for n in m.nodes.values())
    kinds = {r.kind.value for r in m.relations.values()}
    assert kinds == {"support", "attack", "rephrase"}
    assert any(r.meta.get("scheme") == "expert-opinion" for r in m.relations.values())
    assert sum("preferred_over" in n.meta for n in m.nodes.values()) > 10


def test_import_prints_one_line_per_kind_and_verbose_lists_every_one(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.json"  # no MA nodes: the .argmap writer learns `=` on another branch
    big.write_text(json.dumps(bench_module("aif").nodeset(1300, rephrases=False), indent=1), "utf-8")
    assert main(["import", str(big), "-o", str(tmp_path / "big.argmap")]) == 0
    err = capsys.readouterr().err.splitlines()
    warnings = [line for line in err if "warning[" in line]
    assert len(warnings) == len(CODES) and len(err) <= 12, err
    assert all("--verbose lists them" in line for line in warnings)
    assert main(["import", str(big), "--verbose", "-o", str(tmp_path / "big.argmap")]) == 0
    listed = [line for line in capsys.readouterr().err.splitlines() if "warning[" in line]
    assert len(listed) == len(read_aif(big.read_text("utf-8")).diagnostics)

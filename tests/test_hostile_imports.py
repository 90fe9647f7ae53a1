"""Imports write the input's map or refuse it (docs/safety.md, "Imports").

Each case of tests/hostile/imports/ (expected.txt: the exit code, the diagnostic's code and
the element its message names) is imported with `-o`: a refusal exits 1, names the element,
prints no traceback and writes nothing; an import that succeeds writes a map that reads back
without errors, passes `check` and has the imported graph. The JSON cases are written by
make_cases.py from one valid export.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_roundtrip import graph_view

import argmap
from argmap.cli import main
from argmap.importers import read_map

HERE = Path(__file__).parent / "hostile" / "imports"
CASES = [line.split() for line in (HERE / "expected.txt").read_text("utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize(("name", "exit_code", "code", "element"), CASES, ids=[c[0] for c in CASES])
def test_an_import_is_the_input_or_a_clear_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    name: str, exit_code: str, code: str, element: str) -> None:
    out = tmp_path / "out.argmap"
    status = main(["import", str(HERE / name), "-o", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert status == int(exit_code), err
    assert f"[{code}]" in err and element in err, err
    if status:
        assert not out.exists(), "a refused import wrote its output"
        assert f"{HERE / name}:" in err  # the position is in the imported file
        return
    written = argmap.parse(out.read_text("utf-8"), str(out))
    assert not [d for d in written.diagnostics if d.is_error]
    assert main(["check", str(out)]) == 0
    imported, _ = read_map(str(HERE / name))
    assert graph_view(written) == graph_view(imported)


def test_the_cases_are_up_to_date() -> None:
    """make_cases.py writes every JSON case listed, and expected.txt lists every case."""
    listed = {c[0] for c in CASES}
    present = {p.name for p in HERE.iterdir() if p.suffix in (".json", ".argdown")}
    assert listed == present


@pytest.mark.parametrize("name", [c[0] for c in CASES if c[0].endswith(".json") and c[1] == "1"])
def test_the_validator_refuses_what_the_schema_refuses(name: str) -> None:
    """Without the schema, the model's invariants (and the writer) refuse each JSON case too."""
    import json

    from argmap.importers.json import _duplicate_ids, dict_to_map
    from argmap.importers.validate import violations

    data = json.loads((HERE / name).read_text("utf-8"))
    if _duplicate_ids(data):
        return
    assert violations(dict_to_map(data, name)), name

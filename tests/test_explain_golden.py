"""Golden explanations of the flagship's key claims (maps/lavrov-blinken.argmap): `argmap
explain` under grounded, preferred (credulous and sceptical) and DF-QuAD, as text and JSON.

The files are made from the map: after an intended change of the map or of the output,
regenerate them with `.venv/bin/python -m pytest -p no:xdist --regen tests/test_explain_golden.py`
and read the diff. Beyond the files, each explanation must agree with the analysis itself.
"""

from __future__ import annotations

import json
import re

import pytest
from golden import assert_golden
from helpers import FLAGSHIP, ROOT

from argmap.analyze import analyze_map
from argmap.cli import main
from argmap.language.read.parse import parse_file

GOLDEN = ROOT / "tests" / "golden" / "analysis" / "explain"
#: Russia's red line (out: Blinken's free choice stands), the contested threat (undecided: the
#: even cycle with Blinken's counterclaim) and Blinken's free choice (in: unattacked)
KEY_CLAIMS = ("[No NATO troops]", "[NATO threat]", "[Free choice]")
SEMANTICS = ("grounded", "preferred", "df-quad")


def _slug(node: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", node.lower()).strip("-")


def _explain(capsys: pytest.CaptureFixture[str], node: str, semantics: str, *extra: str) -> str:
    code = main(["explain", "maps/lavrov-blinken.argmap", node, "--semantics", semantics, *extra])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


@pytest.mark.parametrize("node", KEY_CLAIMS)
def test_key_claims_explained(node: str, capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in the output as a user in the repository types them
    texts, data = [], {}
    for semantics in SEMANTICS:
        texts.append(f"$ argmap explain maps/lavrov-blinken.argmap '{node}' --semantics {semantics}\n"
                     + _explain(capsys, node, semantics))
        data[semantics] = json.loads(_explain(capsys, node, semantics, "--json"))
    assert_golden(GOLDEN / f"{_slug(node)}.txt", "\n".join(texts))
    assert_golden(GOLDEN / f"{_slug(node)}.json",
                  json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("node", KEY_CLAIMS)
def test_the_explanations_agree_with_the_analysis(node: str, capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    map_ = parse_file(FLAGSHIP)
    grounded, preferred = analyze_map(map_), analyze_map(map_, "preferred", limit=0)
    explained = {s: json.loads(_explain(capsys, node, s, "--json")) for s in SEMANTICS}
    text = json.dumps(explained)
    assert f'"{grounded.status[node]}"' in json.dumps(explained["grounded"])
    assert f'"{preferred.status[node]}"' in json.dumps(explained["preferred"])
    assert f"{grounded.strength[node]:.3f}" in _explain(capsys, node, "df-quad")
    assert node in text

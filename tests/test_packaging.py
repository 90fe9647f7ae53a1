"""The wheel ships the grammar, and argmap finds it when installed (not only in a checkout)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (path,) = out.glob("argmap-*.whl")
    return path


def test_wheel_contains_the_grammars_and_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "argmap/_grammars/argmap.lark" in names
    assert "argmap/cli.py" in names
    assert {f"argmap/export/html_assets/{name}" for name in ("view.js", "view.css", "page.css")} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "argmap = argmap.cli:main" in text


def test_installed_wheel_parses_without_the_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import argmap, argmap.language.grammar as g;"
        "m = argmap.parse('[A]: a\\n  + [B]: b\\n');"
        "assert len(m.relations) == 1, m.diagnostics;"
        "from argmap.export.html import asset; assert 'customElements' in asset('view.js');"
        "print(g.grammar_path())"
    )
    # run from an empty folder with only the extracted wheel first on the path
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(str(site))

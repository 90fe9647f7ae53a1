"""Paths and small helpers shared by the test files (Hypothesis strategies are in strategies.py)."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType

from argmap.language.read.parse import parse
from argmap.model import Map

#: the repository's root folder
ROOT = Path(__file__).resolve().parent.parent
#: the example maps at the top of maps/ (each drawn, analysed and exported on its own)
MAPS = sorted((ROOT / "maps").glob("*.argmap"))
#: every example map, with the parts that others include (maps/parts/)
ALL_MAPS = sorted((ROOT / "maps").rglob("*.argmap"))
#: the flagship map of the README
FLAGSHIP = ROOT / "maps" / "lavrov-blinken.argmap"
#: hand-written inputs and expectations (tests/fixtures/)
FIXTURES = ROOT / "tests" / "fixtures"


def bench_module(name: str) -> ModuleType:
    """A script of bench/ (e.g. "generate" for bench/generate.py) loaded as a module, sys.path untouched."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None, name
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def parse_clean(text: str) -> Map:
    """The map of `text` (dedented), which must parse without any diagnostic."""
    map_ = parse(textwrap.dedent(text))
    assert not map_.diagnostics, map_.diagnostics
    return map_


def write_map(folder: Path, name: str, text: str) -> Path:
    """`text` saved as folder/name (UTF-8); its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path

"""DOT goldens: every map in maps/ and one small case per visual feature, compared as text.

Regenerate after an intended change to the drawing, then review the diff:

    .venv/bin/pytest --regen tests/test_render_golden.py    (or `make regen` for every golden)

Cases live in tests/golden/render/cases/NAME.argmap (a first line `// options: {json}` sets
RenderOptions); their DOT is NAME.dot beside them. Maps' DOT is in tests/golden/render/maps/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import assert_golden
from helpers import MAPS, ROOT

import argmap
from argmap.render import RenderOptions, build_dot

GOLDEN = ROOT / "tests" / "golden" / "render"
CASES = sorted((GOLDEN / "cases").glob("*.argmap"))


def options_of(path: Path) -> RenderOptions:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    if first.startswith("// options:"):
        return RenderOptions(**json.loads(first.removeprefix("// options:")))
    return RenderOptions()


def check_golden(source: Path, golden: Path) -> None:
    m = argmap.parse_file(str(source))
    assert not [d for d in m.diagnostics if d.is_error], f"{source} has errors"
    dot = build_dot(m, options_of(source))
    assert_golden(golden, dot)


def test_there_are_cases_and_maps() -> None:
    assert len(CASES) >= 8 and MAPS


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case_golden(case: Path) -> None:
    check_golden(case, case.with_suffix(".dot"))


@pytest.mark.parametrize("map_path", MAPS, ids=[m.stem for m in MAPS])
def test_map_golden(map_path: Path) -> None:
    check_golden(map_path, GOLDEN / "maps" / f"{map_path.stem}.dot")


def test_every_golden_has_its_source() -> None:
    stale = [g.name for g in (GOLDEN / "maps").glob("*.dot") if not (ROOT / "maps" / f"{g.stem}.argmap").exists()]
    stale += [g.name for g in (GOLDEN / "cases").glob("*.dot") if not g.with_suffix(".argmap").exists()]
    assert not stale, f"goldens without a source (delete them): {stale}"


@pytest.mark.parametrize("map_path", MAPS, ids=[m.stem for m in MAPS])
def test_map_svg_through_the_real_binary_holds_every_title(map_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from argmap.render import find_binary, layout

    m = argmap.parse_file(str(map_path))
    svg = layout(find_binary(), build_dot(m, RenderOptions(wrap=300)), "svg")
    root = ET.fromstring(svg)
    texts = {"".join(e.itertext()).strip() for e in root.iter("{http://www.w3.org/2000/svg}text")}
    titles = {" ".join(n.title.split()) for n in m.nodes.values() if n.title is not None}
    assert titles and titles <= texts, titles - texts

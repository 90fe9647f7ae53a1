"""Mermaid directives from map text (tests/hostile/mermaid/): `%%{init: …}%%` in a title, a
section, node text or an actor's side never reaches the output as a directive — not in a label,
not in a `%%` comment (Mermaid's directive scanner reads those too), not in the front matter."""

from __future__ import annotations

import re
from dataclasses import replace

from helpers import ROOT

from argmap.export.mermaid import map_to_mermaid
from argmap.language.read.parse import parse_file

HOSTILE = ROOT / "tests" / "hostile" / "mermaid"


def assert_no_directive(out: str) -> None:
    assert "{" not in out and "}" not in out, out
    # the only %% left are the exporter's own comment markers, at the start of a line
    assert [line for line in out.splitlines() if "%" in line and not re.match(r"  %% side\d+: [^%]*$", line)] == []


def test_map_text_cannot_reconfigure_the_diagram() -> None:
    map_ = parse_file(HOSTILE / "directives.argmap")
    assert not [d for d in map_.diagnostics if d.is_error]
    out = map_to_mermaid(map_)
    assert_no_directive(out)
    assert out == (HOSTILE / "directives.mmd").read_text(encoding="utf-8")
    assert "  %% side0: #37;#37;#123;init: #123;'theme': 'forest'#125;#125;#37;#37;\n" in out
    assert 'title: "Map \\u0025\\u0025\\u007binit: \\u007b\\"theme\\": \\"dark\\"\\u007d\\u007d\\u0025\\u0025"\n' in out


def test_a_section_id_from_an_import_is_never_written_as_it_is() -> None:
    map_ = parse_file(HOSTILE / "directives.argmap")
    bad = 's1["x"]\n%%{init: {"theme": "dark"}}%%\nsubgraph y'
    section = replace(map_.sections["s1"], id=bad)
    nodes = {k: replace(n, section=bad) for k, n in map_.nodes.items()}
    out = map_to_mermaid(replace(map_, sections={bad: section}, nodes=nodes))
    assert_no_directive(out)
    assert "  subgraph section1[\"Part #37;#37;#123;init:" in out

"""Many small cases in two fixture files: each construct's model, each error code's position."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import FIXTURES

import argmap
from argmap.model import Map


def _cases(name: str) -> list[tuple[str, str]]:
    """(header, body) for every '=== header' block of a fixture file."""
    cases: list[tuple[str, str]] = []
    for block in (FIXTURES / name).read_text(encoding="utf-8").split("\n=== ")[1:]:
        header, _, body = block.partition("\n")
        cases.append((header.strip(), body))
    return cases


def _meta(meta: dict) -> str:
    return " " + json.dumps(meta, ensure_ascii=False) if meta else ""


def describe(m: Map) -> str:
    """A compact, deterministic description of a map's graph view (the fixtures' language)."""
    out: list[str] = []
    if m.metadata:
        out.append("meta" + _meta(m.metadata))
    for a in m.actors.values():
        out.append(f"actor {a.id} {json.dumps(a.name)}{_meta(a.meta)}")
    for s in m.sources.values():
        out.append(f"source {s.id} {json.dumps(s.citation)}{_meta(s.meta)}")
    for s in m.sections.values():
        out.append(f"section {s.id} {json.dumps(s.title)} level {s.level}" + (f" in {s.parent}" if s.parent else ""))
    for n in m.nodes.values():
        line = f"node {n.id} {n.kind.value} {json.dumps(n.text, ensure_ascii=False)}"
        line += "".join(f" @{a}" for a in n.actors) + "".join(f" #{t}" for t in n.tags)
        line += "".join(f" ^{s}" for s in n.sources) + _meta(n.meta)
        line += f" in {n.section}" if n.section else ""
        out.append(line)
    for r in m.relations.values():
        line = f"rel {r.id} {r.kind.value} {r.source} -> {r.target}"
        line += f" group {r.group}" if r.group else ""
        line += f" weight {r.weight}" if r.weight is not None else ""
        out.append(line + _meta(r.meta))
    for pcs in m.reconstructions.values():
        out.append(f"pcs {pcs.argument}: " + " ".join(f"({n}) {s}" for n, s in enumerate(pcs.statements, 1)))
        for i in pcs.inferences:
            line = f"  inference {json.dumps(i.rule)} uses {list(i.uses)} -> ({i.conclusion})"
            line += f" undercut by {' '.join(i.undercuts)}" if i.undercuts else ""
            out.append(line + _meta(i.meta))
    return "\n".join(out)


CONSTRUCTS = _cases("constructs.txt")


@pytest.mark.parametrize("header,body", CONSTRUCTS, ids=[c[0] for c in CONSTRUCTS])
def test_construct_parses_to_expected_model(header: str, body: str) -> None:
    source, _, expected = body.partition("\n~~~\n")
    if "CRLF" in header:
        source = "\ufeff" + source.replace("\n", "\r\n")
    m = argmap.parse(source + "\n", "case.argmap")
    assert [str(d) + " " + d.message for d in m.diagnostics] == []
    assert describe(m) == expected.strip()


@pytest.mark.parametrize("header,body", CONSTRUCTS, ids=[c[0] for c in CONSTRUCTS])
def test_construct_survives_fmt(header: str, body: str) -> None:
    source = body.partition("\n~~~\n")[0] + "\n"
    m = argmap.parse(source)
    again = argmap.parse(argmap.format_map(m))
    assert describe(again) == describe(m)
    assert argmap.format_map(again) == argmap.format_map(m)


ERRORS = _cases("errors.txt")


@pytest.mark.parametrize("header,body", ERRORS, ids=[c[0] for c in ERRORS])
def test_error_code_at_position(header: str, body: str) -> None:
    code, _, where = header.partition(" at ")
    line, column = (int(x) for x in where.split(":"))
    m = argmap.parse(body, "bad.argmap")
    found = [(d.code, d.span.line, d.span.column) for d in argmap.check(m)]
    assert (code, line, column) in found, found
    diagnostic = next(d for d in argmap.check(m) if d.code == code)
    assert diagnostic.message and diagnostic.hint, "every diagnostic explains itself"
    assert diagnostic.span.path == "bad.argmap"


def test_every_error_fixture_code_is_distinct_from_syntax_error() -> None:
    """The codes are stable names, not a catch-all: most cases must not need 'syntax-error'."""
    codes = [h.partition(" at ")[0] for h, _ in ERRORS]
    assert codes.count("syntax-error") == 1
    assert len(set(codes)) >= 25


def _documented_severities() -> dict[str, str]:
    """code -> severity, from the diagnostics table of docs/format.md (`a` / `b` rows share one)."""
    table: dict[str, str] = {}
    for line in (Path(__file__).parent.parent / "docs" / "format.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].startswith("`") and cells[1] in ("error", "warning", "error / warning"):
            for code in re.findall(r"`([a-z0-9-]+)`", cells[0]):
                table[code] = cells[1]
    return table


def test_one_code_one_severity() -> None:
    """A diagnostic code means one thing: the docs give it one severity, and the fixtures that
    produce it produce it with that severity."""
    table = _documented_severities()
    assert table, "no diagnostics table found in docs/format.md"
    assert [c for c, s in table.items() if " / " in s] == []
    for header, body in ERRORS:
        code = header.partition(" at ")[0]
        if code not in table:
            continue
        found = {d.severity.value for d in argmap.check(argmap.parse(body, "bad.argmap")) if d.code == code}
        assert found == {table[code]}, (code, found)

"""The Python API (argmap/api.py, docs/python.md): each function gives what its command gives,
refuses a map with errors, and the objects a notebook shows have one-line reprs and escaped HTML."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from html import escape
from html.parser import HTMLParser

import pytest
from helpers import FLAGSHIP, ROOT
from hypothesis import given, settings
from strategies import maps

import argmap
from argmap.cli import main
from argmap.errors import ArgmapError, ImportFailed, UsageError

SMALL = "[A]: It rains.\n  - [B]: The sky is clear.\n    - [C]: Clouds are coming in.\n"


@pytest.fixture(scope="module")
def flagship() -> argmap.Map:
    return argmap.parse_file(FLAGSHIP)


# --- parse_file: what the README says ------------------------------------------------------

def test_parse_file_gives_bad_map_text_as_diagnostics(tmp_path) -> None:
    path = tmp_path / "bad.argmap"
    path.write_bytes(b"[A]: a\n  + [Nowhere]\n\xff {weight: \n")
    m = argmap.parse_file(path)
    assert {"invalid-utf8", "undefined-node"} <= {d.code for d in m.diagnostics + tuple(argmap.check(m))}
    assert "[A]" in m.nodes


@pytest.mark.parametrize("make", [lambda p: p / "missing.argmap", lambda p: p])
def test_parse_file_raises_a_usage_error_for_a_file_it_cannot_read(tmp_path, make) -> None:
    path = make(tmp_path)
    with pytest.raises(UsageError) as raised:
        argmap.parse_file(path)
    assert isinstance(raised.value, ArgmapError) and str(path) in str(raised.value)


# --- one function per command ----------------------------------------------------------------

def test_the_functions_named_like_a_subpackage_are_it_and_call_the_function() -> None:
    # in a fresh interpreter, the subpackages imported first (as `import argmap.analyze.x` does)
    script = ("import argmap.analyze.debate, argmap.render.dot, argmap.export.json, argmap, sys\n"
              "m = argmap.parse('[A]: a\\n  - [B]: b\\n')\n"
              "assert argmap.analyze is sys.modules['argmap.analyze'] and argmap.analyze.debate\n"
              "print(argmap.analyze(m).status, argmap.render(m, 'dot')[:7], argmap.export(m, 'json')[:1])")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "{'[A]': 'out', '[B]': 'in'} b'digraph' {"
    assert list(inspect.signature(argmap.analyze).parameters)[:2] == ["m", "semantics"]
    assert argmap.render.RenderOptions and argmap.export.__name__ == "argmap.export"


def test_check_is_what_argmap_check_reports_expectations_included(tmp_path, capsys) -> None:
    path = tmp_path / "m.argmap"
    path.write_text("[A]: a {expect: in}\n  - [B]: b\n", encoding="utf-8")
    m = argmap.parse_file(path)
    found = argmap.check(m)
    assert [d.code for d in found] == ["expectation-failed"]
    assert argmap.check(m, expectations=False) == []
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.startswith(f"{path}:1:1: error[expectation-failed]: {found[0].message}")


def test_analyze_and_debate_report_are_those_of_argmap_analyze(flagship, capsys) -> None:
    assert main(["analyze", str(FLAGSHIP), "--semantics", "preferred", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    analysis = argmap.analyze(flagship, semantics="preferred")
    assert shown["labels"] == analysis.status and shown["strength"] == analysis.strength
    report = argmap.debate_report(flagship)
    from argmap.analyze.present import actor_json

    assert shown["actors"] == [actor_json(a) for a in report.actors]


def test_explain_prints_what_argmap_explain_prints(flagship, capsys) -> None:
    assert main(["explain", str(FLAGSHIP), "No NATO troops", "--semantics", "preferred"]) == 0
    explanation = argmap.explain(flagship, "No NATO troops", semantics="preferred")
    assert str(explanation) == capsys.readouterr().out
    assert explanation.data["node"] == "[No NATO troops]" and explanation.data["semantics"] == "preferred"
    assert "\n" not in repr(explanation)
    with pytest.raises(UsageError, match="No NATO troop"):
        argmap.explain(flagship, "No NATO troop")


def test_render_draws_what_argmap_render_draws(flagship, capsysbinary) -> None:
    argv = ["render", str(FLAGSHIP), "--format", "dot", "--rankdir", "LR", "--labels", "grounded"]
    assert main(argv) == 0
    assert argmap.render(flagship, "dot", rankdir="LR", labels="grounded") == capsysbinary.readouterr().out
    assert argmap.render(flagship, "svg").startswith(b"<?xml")
    with pytest.raises(TypeError):
        argmap.render(flagship, "svg", no_such_option=1)


@pytest.mark.parametrize("fmt", ["json", "aif", "argdown"])
def test_export_writes_what_argmap_export_writes(flagship, capsys, fmt) -> None:
    assert main(["export", str(FLAGSHIP), "--to", fmt]) == 0
    losses: list = []
    assert argmap.export(flagship, fmt, losses) == capsys.readouterr().out
    assert (fmt == "argdown") == bool(losses)  # AIF and JSON keep everything


def test_import_reads_a_file_or_text_as_argmap_import_does(tmp_path) -> None:
    m = argmap.parse(SMALL)
    path = tmp_path / "m.argdown"
    path.write_text(argmap.export(m, "argdown"), encoding="utf-8")
    from_file = argmap.import_(path)
    from_text = argmap.import_(text=path.read_text(encoding="utf-8"), fmt="argdown")
    assert from_file.nodes == from_text.nodes and set(from_file.nodes) == {"[A]", "[B]", "[C]"}
    assert argmap.import_(text=argmap.export(m, "json")).relations == m.relations  # the format from the content
    with pytest.raises(ImportFailed):
        argmap.import_(text="{}", fmt="aif")
    with pytest.raises(UsageError, match="one of the two"):
        argmap.import_(path, text="x")


def test_diff_says_whether_the_outcome_changed() -> None:
    old, new = argmap.parse(SMALL), argmap.parse(SMALL.replace("    - [C]", "    + [C]"))
    result = argmap.diff(old, new)
    assert result.outcome_changed and [(f.node, f.before, f.after) for f in result.flips] == [
        ("[A]", "in", "out"), ("[B]", "out", "in")]
    assert argmap.diff(old, old).empty
    assert repr(result) == "<MapDiff: 1 relation added, 1 relation removed, 2 status flips, 2 strength moves>"


@pytest.mark.parametrize("call", [
    lambda m: argmap.analyze(m), lambda m: argmap.debate_report(m), lambda m: argmap.render(m),
    lambda m: argmap.export(m, "json"), lambda m: argmap.explain(m, "A"), lambda m: argmap.diff(m, m),
])
def test_a_map_with_errors_is_refused_as_the_commands_refuse_it(call) -> None:
    m = argmap.parse("[A]: a\n  + [Nowhere]\n", "broken.argmap")
    with pytest.raises(UsageError, match=r"broken\.argmap: not \w+: it has 1 error \(argmap\.check"):
        call(m)


# --- what a notebook shows ---------------------------------------------------------------------

def test_the_reprs_are_one_short_line(flagship) -> None:
    assert repr(flagship) == ("<Map 'Lavrov Warns: Russia Rejects NATO Troops in Ukraine After US Talks' "
                              f"{len(flagship.nodes)} nodes, {len(flagship.relations)} relations "
                              f"from {flagship.path}>")
    assert repr(argmap.parse("[A]: a\n  + [B]\n")) == "<Map 1 node, 0 relations, 1 error>"
    analysis = argmap.analyze(flagship, "preferred")
    counts = {v: list(analysis.status.values()).count(v) for v in ("in", "out", "undec")}
    assert repr(analysis) == (f"<Analysis preferred: {counts['in']} in, {counts['out']} out, "
                              f"{counts['undec']} undec; {len(analysis.extensions)} extensions>")
    shown = [repr(flagship.usages), repr(argmap.debate_report(flagship)), repr(argmap.diff(flagship, flagship))]
    assert all(len(r) < 120 and "\n" not in r for r in shown), shown


def test_a_map_shows_as_its_drawing_and_with_errors_as_them(flagship) -> None:
    bundle = flagship._repr_mimebundle_()
    assert bundle == {"image/svg+xml": argmap.render(flagship, "svg").decode("utf-8"), "text/plain": repr(flagship)}
    broken = argmap.parse("[A]: a\n  + [Nowhere]\n", "broken.argmap")._repr_mimebundle_()
    assert list(broken) == ["text/plain"] and "not drawn" in broken["text/plain"]
    assert "broken.argmap:2:5: error[undefined-node]" in broken["text/plain"]


def test_an_analysis_shows_every_node_with_status_and_strength(flagship) -> None:
    analysis = argmap.analyze(flagship)
    table = analysis._repr_html_()
    for node_id, status in analysis.status.items():
        assert f"<tr><td>{escape(node_id)}</td><td>{status}</td><td>{analysis.strength[node_id]:.3f}</td></tr>" in table
    assert table.count("<tr>") == len(analysis.status) + 1


HOSTILE = ('---\ntitle: "<script>alert(1)</script>"\n---\nactor x: <img src=x onerror=alert(1)>\n'
           '[<b>A</b>]: a @x\n  - [B"><script>]: b @x\n')


def test_map_text_in_the_tables_is_text() -> None:
    m = argmap.parse(HOSTILE)
    assert not any(d.is_error for d in m.diagnostics), m.diagnostics
    for html in (argmap.analyze(m)._repr_html_(), argmap.debate_report(m)._repr_html_()):
        assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;b&gt;A&lt;/b&gt;" in argmap.analyze(m)._repr_html_()
    assert "&lt;img src=x onerror=alert(1)&gt;" in argmap.debate_report(m)._repr_html_()


def test_the_examples_of_docs_python_md_hold() -> None:
    import doctest

    failed, tried = doctest.testfile(str(ROOT / "docs" / "python.md"), module_relative=False,
                                     optionflags=doctest.ELLIPSIS)
    assert tried >= 10 and failed == 0


class _Cells(HTMLParser):
    """The text of each cell of an HTML table, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")
            self.in_cell = True

    def handle_endtag(self, tag: str) -> None:
        self.in_cell = self.in_cell and tag not in ("td", "th")

    def handle_data(self, data: str) -> None:
        if self.in_cell:
            self.rows[-1][-1] += data


@settings(max_examples=60, deadline=None)
@given(maps())
def test_an_analysis_table_reads_back_as_the_analysis(m: argmap.Map) -> None:
    analysis = argmap.analyze(m)
    cells = _Cells()
    cells.feed(analysis._repr_html_())
    assert cells.rows[0] == ["node", "status", "strength"]
    assert [(node, status) for node, status, _ in cells.rows[1:]] == list(analysis.status.items())
    assert "\n" not in repr(m) and "\n" not in repr(analysis)

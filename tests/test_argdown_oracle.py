"""argmap against Argdown's own CLI, the oracle: reading Argdown, and writing it.

* the test fixtures shipped in Argdown's CLI package, the syntax cases of
  tests/fixtures/argdown/cases/ (written from argdown.org/syntax) and any held-out corpus named
  by $ARGMAP_ARGDOWN_CORPUS (e.g. Argdown's documentation examples, kept outside this
  repository) import with the statements, arguments, relations and premise–conclusion
  inferences Argdown's `argdown json` gives them, 98 % of the files or more
  (bench/argdown_conformance.py says exactly what is compared);
* argmap's Argdown export of the flagship map, and of random maps, read by Argdown's CLI gives
  the same statements, arguments and relations as the map.

Argdown's CLI is found through $ARGMAP_ARGDOWN_CLI or `make argdown-cli`
(.cache/argdown/node_modules/.bin/argdown). Without it every test here is skipped, and the
skip reason says that the comparison did not run.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import FLAGSHIP, bench_module
from hypothesis import HealthCheck, Phase, given, settings
from strategies import graph_maps, outline_maps, reconstructed_maps

from argmap.export.argdown import for_argdown, map_to_argdown
from argmap.language.read.parse import parse
from argmap.model import Map

conformance = bench_module("argdown_conformance")
CLI = conformance.find_cli()
pytestmark = pytest.mark.skipif(
    CLI is None,
    reason="NOT RUN: Argdown's CLI is not installed, so argmap was not compared with Argdown "
           "(run `make argdown-cli` or set ARGMAP_ARGDOWN_CLI to an `argdown` executable)")
FILES = conformance.corpus_files(CLI)


@pytest.fixture(scope="module")
def results() -> dict[Path, object]:
    assert CLI is not None
    return {r.path: r for r in conformance.run(FILES, CLI)}


def test_corpus_conforms_to_argdown(results: dict) -> None:
    counted = [r for r in results.values() if r.skipped is None]
    failing = {str(r.path): r.describe() for r in counted if not r.ok}
    share = 100.0 * (len(counted) - len(failing)) / len(counted)
    assert share >= conformance.TARGET, failing
    assert len(counted) >= len(list(conformance.CASES.glob("[!_]*.argdown")))  # Argdown read them all


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_document_conforms(results: dict, path: Path) -> None:
    result = results[path]
    if result.skipped:
        pytest.skip(result.skipped)  # an Argdown lexer fixture that is no document
    assert result.ok, result.describe()


def argdown_reads(text: str) -> dict:
    """Argdown's JSON for an Argdown text."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.argdown"
        path.write_text(text, encoding="utf-8")
        data = conformance.argdown_json(CLI, [path])[path]
    assert isinstance(data, dict), f"Argdown's CLI rejects the export: {data}\n{text}"
    return data


def same_for_argdown(m: Map, text: str) -> None:
    """Argdown's reading of `text` (argmap's export of `m`) has m's statements, arguments and
    relations (the comparison of bench/argdown_conformance.py, against `m` itself)."""
    result = conformance.compare(Path("export.argdown"), argdown_reads(text), m)
    assert result.ok, result.describe() + "\n" + text


def test_flagship_export_reads_the_same_in_argdown() -> None:
    m = parse(FLAGSHIP.read_text(encoding="utf-8"), str(FLAGSHIP))
    same_for_argdown(m, map_to_argdown(m))


def plain(m: Map) -> Map:
    """`m` with plain texts and no node metadata, and without undercuts by the source of the
    relation they undercut: the structure is what is compared here. (How Argdown's lexer reads
    text full of special characters, and an argument undercutting its own relation, which
    Argdown reads as bearing on an element of the line, are left to the argmap round trips.)"""
    nodes = {i: replace(n, text=f"Node {k} says {n.kind.value} things", meta={})
             for k, (i, n) in enumerate(m.nodes.items())}
    relations = {i: r for i, r in m.relations.items()
                 if not (r.target in m.relations and m.relations[r.target].source == r.source)}
    return replace(m, nodes=nodes, relations=relations)


# each example starts node: a few, and no shrinking (a failure prints the export)
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
          phases=[Phase.explicit, Phase.generate])
@given(outline_maps(with_meta=False))
def test_random_outline_maps_export_reads_the_same_in_argdown(m: Map) -> None:
    m = plain(m)
    same_for_argdown(for_argdown(m), map_to_argdown(m))


# each example starts node: a few, and no shrinking (a failure prints the export)
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
          phases=[Phase.explicit, Phase.generate])
@given(graph_maps())
def test_random_graph_maps_export_reads_the_same_in_argdown(m: Map) -> None:
    m = plain(m)
    same_for_argdown(for_argdown(m), map_to_argdown(m))


def test_cli_is_argdowns() -> None:
    assert CLI is not None
    out = subprocess.run([str(CLI), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip()


# --- premise-conclusion structures ------------------------------------------------------------


def argdown_structures(data: dict) -> dict[str, list]:
    """Argdown's premise-conclusion structures, by argument title: each statement (its title, an
    untitled one by its text) with the inference concluding it, as (rules, the statement numbers
    it uses: its `uses` data, else those since the previous inference)."""
    def key(title: str) -> object:
        if conformance._UNTITLED.fullmatch(title):
            members = data["statements"].get(title, {}).get("members", [])
            return ("text", conformance.norm(next((m.get("text") for m in members if m.get("text")), "")))
        return title

    result: dict[str, list] = {}
    for title, argument in data.get("arguments", {}).items():
        rows, previous = [], 0
        for number, statement in enumerate(argument.get("pcs") or [], start=1):
            inference = statement.get("inference")
            step = None
            if inference is not None:
                uses = (inference.get("data") or {}).get("uses") or list(range(max(previous, 1), number))
                step = (", ".join(inference.get("inferenceRules") or []), list(uses))
                previous = number
            rows.append((key(statement["title"]), step))
        if rows and not conformance._UNTITLED.fullmatch(title):
            result[title] = rows
    return result


def map_structures(m: Map) -> dict[str, list]:
    """The same of argmap's reconstructions."""
    result: dict[str, list] = {}
    for argument, pcs in m.reconstructions.items():
        concluding = {i.conclusion: i for i in pcs.inferences}
        rows = []
        for number, statement in enumerate(pcs.statements, start=1):
            node = m.nodes[statement]
            inference = concluding.get(number)
            rows.append((node.title if node.title is not None else ("text", conformance.norm(node.text)),
                         None if inference is None else (inference.rule, list(inference.uses))))
        result[m.nodes[argument].title] = rows
    return result


def test_argdown_reconstructions_come_back_from_argmap() -> None:
    """Argdown → argmap → Argdown: the same arguments with the same premises, inferences and
    conclusions, as Argdown's CLI reads both."""
    from argmap.importers.argdown import read_argdown

    tour = Path(__file__).parent / "fixtures" / "argdown" / "tour.argdown"
    original = argdown_structures(argdown_reads(tour.read_text(encoding="utf-8")))
    assert original, "the tour has a titled premise-conclusion structure"
    back = argdown_structures(argdown_reads(map_to_argdown(read_argdown(tour.read_text(encoding="utf-8")))))
    assert back == original


def test_argmap_reconstructions_read_the_same_in_argdown() -> None:
    for path in (FLAGSHIP, FLAGSHIP.parent / "syntax-tour.argmap"):
        m = parse(path.read_text(encoding="utf-8"), str(path))
        assert m.reconstructions, path
        titled = for_argdown(m)
        assert argdown_structures(argdown_reads(map_to_argdown(m))) == map_structures(titled), path


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
          phases=[Phase.explicit, Phase.generate])
@given(reconstructed_maps())
def test_random_reconstructions_read_the_same_in_argdown(m: Map) -> None:
    m = plain(m)
    m = replace(m, reconstructions={a: replace(r, inferences=tuple(
        replace(i, rule=f"rule {k}" if i.rule else "") for k, i in enumerate(r.inferences)))
        for a, r in m.reconstructions.items()})
    text = map_to_argdown(m)
    assert argdown_structures(argdown_reads(text)) == map_structures(for_argdown(m)), text
    # the conformance comparison reads an inference's premises as Argdown's default (those
    # since the previous inference): for the structures that use those, statements and relations too
    defaults = {a: r for a, r in m.reconstructions.items() if len(set(r.statements)) == len(r.statements)
                and all("uses" not in i.meta for i in r.inferences)}
    m = replace(m, reconstructions=defaults)
    same_for_argdown(for_argdown(m), map_to_argdown(m))

"""The TextMate grammar (editors/argmap.tmLanguage.json): well formed, every include resolves,
every pattern compiles, and its node-head and annotation rules read lines as the parser does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import ALL_MAPS as MAPS, ROOT

import argmap

GRAMMAR = json.loads((ROOT / "editors" / "argmap.tmLanguage.json").read_text(encoding="utf-8"))


def _rules(node: object):
    """Every dict in the grammar (rules, captures)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _rules(value)
    elif isinstance(node, list):
        for value in node:
            yield from _rules(value)


def _regex(name: str) -> re.Pattern:
    return re.compile(GRAMMAR["repository"][name]["match"])


def test_identity() -> None:
    assert GRAMMAR["scopeName"] == "source.argmap"
    assert GRAMMAR["fileTypes"] == ["argmap"]


def test_every_include_resolves() -> None:
    includes = [r["include"] for r in _rules(GRAMMAR) if isinstance(r.get("include"), str)]
    assert includes
    for include in includes:
        assert include.startswith("#") and include[1:] in GRAMMAR["repository"], include


def test_every_pattern_compiles() -> None:
    patterns = [r[key] for r in _rules(GRAMMAR) for key in ("match", "begin", "end") if isinstance(r.get(key), str)]
    assert len(patterns) > 10
    for pattern in patterns:
        re.compile(pattern)


@pytest.mark.parametrize(
    "line, marker, meta, evidence, title",
    [
        ("  - {weight: 0.8} [Free choice]: Ukraine chooses.", "-", "{weight: 0.8}", None, "[Free choice]"),
        ("    + evidence [Survey]: Most readers.", "+", None, "evidence", "[Survey]"),
        ("  >< <Why not>: because", "><", None, None, "<Why not>"),
        ("[No \\] troops]: text", None, None, None, "[No \\] troops]"),
        ("  <+ [Small parts]", "<+", None, None, "[Small parts]"),
        ("question [Q]: Is it?", None, None, "question", "[Q]"),
        ("  = [Same]: in other words", "=", None, None, "[Same]"),
    ],
)
def test_node_head(line: str, marker, meta, evidence, title) -> None:
    match = _regex("node-head").match(line)
    assert match is not None
    assert match.group(1) == marker and match.group(2) == meta and match.group(3) == evidence
    assert title in (match.group(4), match.group(5))


def test_the_node_head_knows_every_marker_and_keyword_of_the_vocabulary() -> None:
    from argmap.language.vocabulary import HEAD_KEYWORDS, MARKERS

    head = _regex("node-head")
    for spelling in MARKERS:
        assert head.match(f"  {spelling} [T]: x").group(1) == spelling
    for keyword in HEAD_KEYWORDS.values():
        assert head.match(f"{keyword}: x").group(3) == keyword


def test_plain_text_has_no_node_head() -> None:
    match = _regex("node-head").match("plain text with [brackets]")
    assert match is None or match.group(0) == ""


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_annotation_rules_find_what_the_parser_finds(path: Path) -> None:
    rules = {
        GRAMMAR["repository"]["annotations"]["patterns"][i]["name"].split(".")[2]: re.compile(
            GRAMMAR["repository"]["annotations"]["patterns"][i]["match"])
        for i in (1, 2, 3)
    }  # actor, reference (source), tag
    kinds = {"actor": "actor", "reference": "source", "tag": "tag"}
    text = path.read_text(encoding="utf-8")
    m = argmap.parse(text, str(path))
    lines = text.split("\n")
    expected = {(u.kind, u.span.line, u.span.column) for u in m.usages
                if u.kind != "node" and u.span.path == str(path)}
    found = set()
    for number in {line for _, line, _ in expected}:
        for rule, pattern in rules.items():
            found.update((kinds[rule], number, hit.start() + 1) for hit in pattern.finditer(lines[number - 1]))
    assert expected and found == expected


def test_the_vscode_extension_points_at_this_grammar() -> None:
    folder = ROOT / "editors" / "vscode"
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    (language,) = manifest["contributes"]["languages"]
    (grammar,) = manifest["contributes"]["grammars"]
    assert language["id"] == grammar["language"] == "argmap" and language["extensions"] == [".argmap"]
    assert grammar["scopeName"] == GRAMMAR["scopeName"]
    assert "../argmap.tmLanguage.json" in manifest["scripts"]["grammar"]  # copied in before packaging
    assert (folder / grammar["path"]).parent.name == "syntaxes" and (folder / manifest["main"]).is_file()
    configuration = json.loads((folder / language["configuration"]).read_text(encoding="utf-8"))
    assert configuration["comments"]["lineComment"] == "//"


@pytest.mark.parametrize(("line", "number", "title"), [
    ("  (1) [NATO grew eastward]: After the Cold War.", "(1)", "[NATO grew eastward]"),
    ("  (12) plain statement", "(12)", None),
])
def test_statement_lines(line: str, number: str, title: str | None) -> None:
    match = _regex("statement").match(line)
    assert match and match.group(1) == number and match.group(4) == title
    assert _regex("statement").match("  (a) not a statement") is None


@pytest.mark.parametrize(("line", "rule", "meta"), [
    ("  -- modus ponens {uses: [1, 2], scheme: example} --", "modus ponens", "{uses: [1, 2], scheme: example}"),
    ("  -- {scheme: cause-to-effect} --", "", "{scheme: cause-to-effect}"),
    ("  ----", None, None),
])
def test_inference_lines(line: str, rule: str | None, meta: str | None) -> None:
    match = _regex("inference").match(line)
    assert match and match.group(3) == rule and match.group(4) == meta
    assert _regex("inference").match("  - [Objection]") is None

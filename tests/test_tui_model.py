"""The browser's pure parts: the lazy outline model, the editor command, the overlay cycle."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from helpers import bench_module

from argmap.model import Map, Node, NodeEntry, NodeKind
from argmap.language.read.parse import parse
from argmap.tui import outline_model
from argmap.tui.editor import editor_command
from argmap.tui.outline_model import OutlineModel, Row
from argmap.tui.overlay import OVERLAYS, compute_overlay, next_overlay

SAMPLE = """\
---
title: Sample debate
---

actor alice: Alice
actor bob: Bob
source paper: "A paper on taxes" {url: "https://example.org/p"}

# Opening

[Tax cut]: We should cut taxes. @alice #economy
  + [Growth]: Lower taxes raise growth. @alice ^paper
    - [No evidence]: The evidence for growth is weak. @bob #evidence
  - [Deficit]: Tax cuts widen the deficit. @bob #economy
    _ [Temporary]: Deficits from growth are temporary. @alice

# Rebuttal

[Growth]
  + evidence: GDP rose after the 2017 cut. ^paper @alice
[Schools]: Schools need the money. @bob
  >< [Tax cut]
"""


def flat_map(count: int) -> Map:
    """A map of `count` top-level claims with no sections (built by hand: any size, fast)."""
    nodes = {f"_{i}": Node(f"_{i}", NodeKind.CLAIM, None, f"claim {i}") for i in range(count)}
    return Map(nodes=nodes, document=tuple(NodeEntry(node=n) for n in nodes))


def expand_all(model: OutlineModel, rows: list[Row], seen_widths: list[int]) -> list[Row]:
    """Every row under `rows` in display order, recording how many rows each expansion adds."""
    out: list[Row] = []
    seen_widths.append(len(rows))
    for row in rows:
        out.append(row)
        if model.has_children(row):
            out.extend(expand_all(model, model.children(row), seen_widths))
    return out


def test_sections_then_entries_then_children() -> None:
    model = OutlineModel(parse(SAMPLE))
    roots = model.roots()
    assert [model.map.sections[r.section].title for r in roots] == ["Opening", "Rebuttal"]
    opening = model.children(roots[0])
    assert [r.node_id for r in opening] == ["[Tax cut]"]
    children = model.children(opening[0])
    assert [(r.node_id, r.entry.marker) for r in children] == [("[Growth]", "+"), ("[Deficit]", "-")]
    rebuttal = model.children(roots[1])
    assert [(r.node_id, r.entry.is_reference) for r in rebuttal] == [
        ("[Growth]", True), ("[Schools]", False)]


@given(count=st.integers(0, 2000), chunk=st.integers(2, 40))
def test_long_lists_are_split_but_nothing_is_lost(count: int, chunk: int) -> None:
    """Expanding everything shows every entry once, in order; no expansion adds > CHUNK rows."""
    original = outline_model.CHUNK
    outline_model.CHUNK = chunk
    try:
        model = OutlineModel(flat_map(count))
        widths: list[int] = []
        rows = expand_all(model, model.roots(), widths)
    finally:
        outline_model.CHUNK = original
    assert [r.node_id for r in rows if r.kind == "entry"] == [f"_{i}" for i in range(count)]
    assert max(widths) <= chunk


def test_path_to_reaches_every_entry() -> None:
    model = OutlineModel(parse(SAMPLE))
    for entry in model.map.walk():
        chain = model.path_to(entry)
        assert chain[-1] is entry
        rows = model.roots()
        for item in chain:  # each item is among the children of the one before it
            match = [r for r in rows if r.entry is item or r.section == item]
            assert match, item
            rows = model.children(match[0]) if model.has_children(match[0]) else []


def test_lookups_by_node_relation_and_line() -> None:
    model = OutlineModel(parse(SAMPLE))
    growth = model.entry_for_node("[Growth]")
    assert growth is not None and not growth.is_reference and growth.span.line == 12
    deficit_attack = model.entry_for_relation("r3")
    assert deficit_attack is not None and deficit_attack.node == "[Deficit]"
    assert model.entry_at_line(13).node == "[No evidence]"
    assert model.entry_at_line(16).node == "[Temporary]"  # a blank line belongs above
    assert model.entry_at_line(3) is None
    assert model.contains(growth)
    assert not model.contains(OutlineModel(parse(SAMPLE)).entry_for_node("[Growth]"))


def test_relations_of_includes_undercuts_of_its_inferences() -> None:
    model = OutlineModel(parse(SAMPLE))
    deficit = {r.id for r in model.relations_of("[Deficit]")}
    assert deficit == {"r3", "r4"}  # attacks Tax cut; that inference is undercut by Temporary
    assert {r.id for r in model.relations_of("[Tax cut]")} == {"r1", "r3", "r4", "r6"}


def test_search_is_case_insensitive_over_titles_and_texts() -> None:
    model = OutlineModel(parse(SAMPLE))
    assert list(model.search("DEFICIT")) == ["[Deficit]", "[Temporary]"]
    assert list(model.search("gdp")) == ["_1"]
    assert list(model.search("")) == []
    assert list(model.search("no such words")) == []
    hits = model.search("e")  # a sequence of ids: indexes and slices as a list's
    assert len(hits) > 2 and hits[-1] == list(hits)[-1] and hits[1:3] == list(hits)[1:3]


def test_filter_keeps_matches_and_what_leads_to_them() -> None:
    model = OutlineModel(parse(SAMPLE))
    model.set_filter(lambda node: "bob" in node.actors)
    shown = [r.node_id for r in expand_all(model, model.roots(), []) if r.kind == "entry"]
    assert shown == ["[Tax cut]", "[Growth]", "[No evidence]", "[Deficit]", "[Schools]"]
    model.set_filter(lambda node: False)
    assert model.roots() == []
    model.set_filter(None)
    assert len([r for r in expand_all(model, model.roots(), []) if r.kind == "entry"]) == 9


def test_editor_command_never_needs_a_shell(tmp_path) -> None:
    path = str(tmp_path / "a b; rm -rf ~.argmap")
    assert editor_command(path, 7, "vim") == ["vim", "+7", os.path.abspath(path)]
    assert editor_command(path, 7, "code --wait") == [
        "code", "--wait", "--goto", f"{os.path.abspath(path)}:7"]
    assert editor_command("-x.argmap", 0, "nano")[-1].startswith("/")  # never an option
    assert editor_command(path, 3, "'/opt/my editor/ed' -q")[:2] == ["/opt/my editor/ed", "-q"]


def test_editor_falls_back_to_visual_editor_then_vi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "emacs -nw")
    assert editor_command("m.argmap", 2)[:3] == ["emacs", "-nw", "+2"]
    monkeypatch.setenv("VISUAL", "hx")
    assert editor_command("m.argmap", 2) == ["hx", f"{os.path.abspath('m.argmap')}:2"]
    monkeypatch.delenv("VISUAL")
    monkeypatch.delenv("EDITOR")
    assert editor_command("m.argmap", 2)[0] == "vi"


def test_overlay_cycle_visits_every_overlay_and_returns() -> None:
    seen, name = [], "none"
    for _ in OVERLAYS:
        seen.append(name)
        name = next_overlay(name)
    assert seen == ["none", "grounded", "preferred", "strength"] and name == "none"


def test_overlays_carry_status_or_strength() -> None:
    map_ = parse(SAMPLE)
    assert compute_overlay(map_, "none").status == {}
    grounded = compute_overlay(map_, "grounded")
    assert not grounded.error, grounded.error  # argmap.analyze is part of argmap: it must work
    assert set(grounded.status) == set(map_.nodes)
    assert grounded.status["[No evidence]"] == "in"  # nothing attacks it
    assert grounded.status["[Growth]"] == "out"  # attacked by an unattacked node
    strength = compute_overlay(map_, "strength")
    assert strength.shows_strength and all(0 <= v <= 1 for v in strength.strength.values())


def test_context_rows_are_told_apart_from_matches() -> None:
    model = OutlineModel(parse(SAMPLE))
    tax_cut = model.children(model.roots()[0])[0]
    assert not model.is_context(tax_cut)  # no filter: nothing is mere context
    model.set_filter(lambda node: node.id == "[No evidence]")
    tax_cut = model.children(model.roots()[0])[0]
    growth = model.children(tax_cut)[0]
    assert model.is_context(tax_cut) and model.is_context(growth)
    assert not model.is_context(model.children(growth)[0])


@given(first=st.text("aeiotrx ", max_size=4), more=st.text("aeiotrx ", max_size=3))
def test_narrowing_a_search_finds_what_a_fresh_search_finds(first: str, more: str) -> None:
    """Typing more letters re-checks only the previous hits: that must lose nothing."""
    typing = OutlineModel(parse(SAMPLE))
    typing.search(first).positions()  # found: the next letter narrows them
    assert list(typing.search(first + more)) == list(
        OutlineModel(parse(SAMPLE)).search(first + more))


@given(query=st.text("aeiotrx \n\0", max_size=4), start=st.integers(0, 12))
def test_first_hit_is_found_without_finding_them_all(query: str, start: int) -> None:
    """`first` (one find in the joined texts) agrees with the whole list, which is found
    only when asked for; a query never matches across two nodes' texts."""
    model = OutlineModel(parse(SAMPLE))
    texts = [f"{n.title or ''}\n{n.text}".casefold() for n in model.map.nodes.values()]
    wanted = [i for i, text in enumerate(texts) if query and query.casefold() in text]
    hits = model.search(query)
    first = hits.first(start)
    assert hits.ready == (not query)
    assert first == next((i for i in wanted if i >= start), None)
    assert list(hits.positions()) == wanted and hits.ready
    assert hits.first(start) == first  # (now read from the list)
    assert [hits.index_of(i) for i in wanted] == list(range(len(wanted)))


def test_relations_are_the_same_before_and_after_the_index_is_built() -> None:
    cold, warm = OutlineModel(parse(SAMPLE)), OutlineModel(parse(SAMPLE))
    warm.prepare()
    for node_id in cold.map.nodes:
        assert [r.id for r in cold.relations_of(node_id)] == [
            r.id for r in warm.relations_of(node_id)]


def _generated(nodes: int, seed: int) -> Map:
    return parse(bench_module("generate").generate_map(nodes, seed))


@settings(max_examples=15)
@given(seed=st.integers(0, 10_000), actor=st.sampled_from(["alice", "bob", "carol", "nobody"]))
def test_filter_matches_its_definition_on_generated_maps(seed: int, actor: str) -> None:
    """Kept = the entry's node is the actor's, or some entry below it is kept."""
    map_ = _generated(80, seed)
    model = OutlineModel(map_)
    model.set_filter(lambda node: actor in node.actors)

    def expected(entry: NodeEntry) -> bool:
        node = map_.nodes.get(entry.node)
        mine = node is not None and actor in node.actors
        return any([mine, *(expected(child) for child in entry.children)])

    shown = {id(r.entry) for r in expand_all(model, model.roots(), []) if r.kind == "entry"}
    assert shown == {id(e) for e in map_.walk() if expected(e)}


@settings(max_examples=15)
@given(seed=st.integers(0, 10_000), actor=st.sampled_from([None, "alice", "bob", "nobody"]),
       tag=st.sampled_from([None, "economy", "law", "(energy security)", "nothing"]))
def test_filter_by_actor_and_tag_keeps_what_testing_every_node_keeps(
        seed: int, actor: str | None, tag: str | None) -> None:
    """The filter the pickers set (only the indexed nodes are tested) shows the same rows as
    testing every node of the map."""
    map_ = _generated(80, seed)
    indexed, prepared, every = OutlineModel(map_), OutlineModel(map_), OutlineModel(map_)
    indexed.filter_by(actor, tag)
    prepared.prepare()  # every actor's and tag's filter found ahead
    prepared.filter_by("bob", None)  # another filter first: nothing of it stays behind
    prepared.filter_by(actor, tag)
    every.set_filter(None if actor is None and tag is None else lambda node: (
        (actor is None or actor in node.actors) and (tag is None or tag in node.tags)))

    def shown(model: OutlineModel) -> list[int]:
        return [id(r.entry) for r in expand_all(model, model.roots(), []) if r.kind == "entry"]

    assert shown(indexed) == shown(every) == shown(prepared)
    indexed.filter_by(None, None)
    indexed.filter_by(actor, tag)  # a second time: what the first found
    assert shown(indexed) == shown(every)


def test_clearing_the_filters_lists_no_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both filters off shows everything without listing the nodes to test (a list of every
    node costs 5 ms at 100,000 nodes)."""
    model = OutlineModel(_generated(80, 1))
    model.filter_by("alice", None)
    monkeypatch.setattr(model, "nodes_with", lambda actor, tag: pytest.fail("listed"))
    model.filter_by(None, None)
    every = OutlineModel(model.map)
    assert ([id(r.entry) for r in expand_all(model, model.roots(), [])]
            == [id(r.entry) for r in expand_all(every, every.roots(), [])])


def test_idle_collector_runs_full_collections_only_when_the_user_pauses(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from argmap.tui import collector

    now = [100.0]
    monkeypatch.setattr(collector.time, "monotonic", lambda: now[0])
    ran: list[int] = []
    monkeypatch.setattr(collector.gc, "collect", lambda: ran.append(1) or 0)
    before = gc.get_threshold()
    idle = collector.IdleCollector()
    idle.start()
    try:
        assert gc.get_threshold() == (*before[:2], collector.NEVER)
        assert not idle.collect_if_idle()  # no input since the last collection
        idle.input_seen()
        now[0] += collector.IDLE_DELAY / 2
        assert not idle.collect_if_idle() and not ran  # the user is still typing
        now[0] += collector.IDLE_DELAY
        assert idle.collect_if_idle() and ran == [1]
        assert not idle.collect_if_idle() and ran == [1]  # once per pause
    finally:
        idle.stop()
    assert gc.get_threshold() == before


def test_a_filter_keeps_the_included_files_and_sections_that_hold_a_match(
        tmp_path: Path) -> None:
    """A filter keeps the rows (an included file, its sections) above a matching node, and
    only those; asked ahead (`prepare`) or when applied, the same rows."""
    from argmap.language.read.parse import parse_file

    (tmp_path / "part.argmap").write_text(
        "# In the part\n\n[Elsewhere]: Defined in the part. #far\n"
        "# Empty of matches\n\n[Other]: Nothing to see.\n", "utf-8")
    main_file = tmp_path / "main.argmap"
    main_file.write_text('include "part.argmap"\n\n# Here\n\n[Here]: Defined here. #near\n',
                         "utf-8")
    map_ = parse_file(str(main_file))

    def rows(model: OutlineModel) -> list[str]:
        return [r.included.name if r.included else
                map_.sections[r.section].title if r.section else r.node_id or r.kind
                for r in expand_all(model, model.roots(), [])]

    assert rows(OutlineModel(map_)) == ["part.argmap", "In the part", "[Elsewhere]",
                                        "Empty of matches", "[Other]", "Here", "[Here]"]
    for prepared in (False, True):
        model = OutlineModel(map_)
        if prepared:
            model.prepare()
        model.filter_by(None, "far")
        assert rows(model) == ["part.argmap", "In the part", "[Elsewhere]"]
        model.filter_by(None, "near")
        assert rows(model) == ["Here", "[Here]"]

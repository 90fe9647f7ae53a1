"""The checks that look at the whole graph, and the usages they read, at laws and edge cases."""

from __future__ import annotations

import importlib
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import maps  # the shared model strategy

import argmap
from argmap.errors import Span
from argmap.model import Map, Relation, RelationKind, Usage, Usages

check_module = importlib.import_module("argmap.language.check")  # `argmap.language.check` is also the function

_SAMPLE = """\
actor ann: Ann
source paper: "A paper"
[A]: a @ann #x
  + [B]: b ^paper #y
  - [B]
  - [C]: c @bob
[D]: d @ann
  + [C]
"""


# --- Usages: the column store reads like the tuple of Usage it replaces ------------------

def _usages() -> list[Usage]:
    return [
        Usage("actor", "ann", "[A]", None, 3, 10, 14),
        Usage("tag", "x", "[A]", "a.argmap", 3, 15, 17),
        Usage("node", "[B]", "[B]", None, 5, 5, 8),
        Usage("source", "paper", None, None, 400_000, 2_000_000, 2_000_006),
    ]


def test_usages_read_like_a_tuple_of_usage() -> None:
    rows = _usages()
    usages = Usages(rows)
    assert len(usages) == 4
    assert list(usages) == rows
    assert [usages[i] for i in range(4)] == rows
    assert usages[-1] == rows[-1]
    assert usages[1:3] == tuple(rows[1:3])
    assert usages == tuple(rows)
    assert usages[3].span == Span(None, 400_000, 2_000_000, 400_000, 2_000_006)
    assert list(usages.kinds_and_names()) == [(u.kind, u.name) for u in rows]
    with pytest.raises(IndexError):
        usages[4]
    with pytest.raises(IndexError):
        usages[-5]


def test_usages_pickle_and_compare_by_content() -> None:
    usages = Usages(_usages())
    again = pickle.loads(pickle.dumps(usages))
    assert again == usages and list(again) == _usages()
    assert Usages(_usages()[:3]) != usages
    assert Usages() == () and len(Map().usages) == 0
    given_as_tuple = Map(usages=tuple(_usages()))  # any sequence of Usage becomes Usages
    assert type(given_as_tuple.usages) is Usages and list(given_as_tuple.usages) == _usages()


def test_parsed_usages_hold_every_name_written() -> None:
    m = argmap.parse(_SAMPLE)
    written = [(u.kind, u.name, u.line, u.column) for u in m.usages]
    assert written == [("actor", "ann", 3, 8), ("tag", "x", 3, 13), ("source", "paper", 4, 12), ("tag", "y", 4, 19),
                       ("node", "[B]", 5, 5), ("actor", "bob", 6, 12), ("actor", "ann", 7, 8), ("node", "[C]", 8, 5)]
    assert type(m.usages) is Usages


# --- the checks that read usages ----------------------------------------------------------

def test_unknown_and_unused_names_come_from_the_usages() -> None:
    found = argmap.check(argmap.parse(_SAMPLE))
    codes = [(d.code, d.span.line, d.span.column) for d in found]
    assert ("unknown-actor", 6, 12) in codes  # @bob
    assert ("support-and-attack", 5, 3) in codes  # [B] + then - under [A]
    assert not any(code.startswith("unused-") for code, _, _ in codes)  # ann and paper are used


# --- reading order ------------------------------------------------------------------------

def test_findings_come_in_reading_order_whichever_check_made_them(tmp_path) -> None:
    # parse findings (lines 2, 5) and the checks' (line 3, 1) interleave by position;
    # an included file's come after the main file's
    (tmp_path / "part.argmap").write_text("[P]: p @ghost\n", encoding="utf-8")
    main = tmp_path / "main.argmap"
    main.write_text('actor ann: Ann\n[A]: a\n  + {weight: 2} [B]: b @nobody\ninclude "part.argmap"\n'
                    "[A]: different\n", encoding="utf-8")
    found = argmap.check(argmap.parse_file(main))
    assert [(d.span.path == str(main), d.span.line, d.code) for d in found] == [
        (True, 1, "unused-actor"),
        (True, 3, "bad-metadata-value"),
        (True, 3, "unknown-actor"),
        (True, 5, "duplicate-definition"),
        (False, 1, "unknown-actor"),
    ]


# --- conflicting relations: the law, whatever the slices ----------------------------------

def test_a_relation_conflicts_with_any_earlier_one_the_other_way_round() -> None:
    # the third line agrees with the first but not with the second: a conflict all the same
    m = argmap.parse("[B]: b\n  + [A]: a\n  - [A]\n  + [A]\n")
    found = [(d.code, d.span.line) for d in argmap.check(m) if d.code == "support-and-attack"]
    assert found == [("support-and-attack", 3), ("support-and-attack", 4)]


def _conflicts_by_definition(m: Map) -> list[str]:
    """Relations (ids, written order) whose source already supports or attacks the same
    target the other way round, by an earlier relation; a contradiction attacks both ways."""
    seen: list[tuple[str, str, bool]] = []
    found = []
    for r in m.relations.values():
        if r.kind is RelationKind.CONTRADICTION:
            polar = [(r.source, r.target, False), (r.target, r.source, False)]
        elif r.kind in (RelationKind.SUPPORT, RelationKind.ATTACK):
            polar = [(r.source, r.target, r.kind is RelationKind.SUPPORT)]
        else:
            continue
        if any((s, t, not sign) in seen for s, t, sign in polar):
            found.append(r.id)
        seen.extend(polar)
    return found


def _conflicts(m: Map) -> list[str]:
    by_span = {r.span: r.id for r in m.relations.values()}
    return [by_span[d.span] for d in check_module.conflicting_relations(m)]


@given(maps(max_nodes=8), st.integers(1, 4))
def test_conflicting_relations_are_those_of_the_definition_in_any_slices(m: Map, per_slice: int) -> None:
    # give every relation its own span, so that a diagnostic names its relation
    relations = {rid: Relation(r.id, r.kind, r.source, r.target, r.group, r.weight, r.meta, Span(None, i + 1, 1, i + 1, 2))
                 for i, (rid, r) in enumerate(m.relations.items())}
    m = Map(nodes=m.nodes, relations=relations)
    expected = _conflicts_by_definition(m)
    assert _conflicts(m) == expected
    saved = check_module._SOURCES_PER_SLICE
    check_module._SOURCES_PER_SLICE = per_slice  # several slices even for a small map
    try:
        assert _conflicts(m) == expected
    finally:
        check_module._SOURCES_PER_SLICE = saved

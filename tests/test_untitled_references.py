"""An untitled node used in more than one place keeps its relations when written.

Only titled nodes can be referred to, in .argmap and in Argdown. A graph-only map (an import)
can use an untitled node in several places (the premise of two inferences, a co-premise, an
Argdown conclusion with two outgoing relations); the writers then give that node a title made
from its text, so that every place refers to the same node. The property: writing such a map
and reading it back gives the same graph, up to that renaming (tests/strategies.py,
`graph_maps` and `same_graph`), for .argmap and for Argdown (whose losses, co-premise groups
and weights, are reported and left out of the comparison).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from strategies import graph_maps, same_graph, without_questions_and_rephrases

from argmap.export.argdown import map_to_argdown
from argmap.importers.argdown import read_argdown
from argmap.language.read.parse import parse
from argmap.language.write.format import format_map
from argmap.model import Map, Node, NodeKind, Relation, RelationKind


@given(graph_maps())
def test_argmap_text_keeps_the_graph_up_to_renaming(m: Map) -> None:
    text = format_map(m)
    back = parse(text)
    assert not [d for d in back.diagnostics if d.is_error], text
    assert same_graph(m, back), text


def as_argdown_holds_it(m: Map) -> Map:
    """`m` with each contradiction that has an argument at one end as two attacks (Argdown's
    `><` joins statements only; the writer reports it as a `contradiction` loss)."""
    relations = {}
    attacks = {(r.source, r.target): r.id for r in m.relations.values()
               if r.kind is RelationKind.ATTACK}
    redirect = {}
    for r in m.relations.values():
        ends = {m.nodes[r.source].kind, m.nodes[r.target].kind} if r.target in m.nodes else set()
        if r.kind is RelationKind.CONTRADICTION and NodeKind.ARGUMENT in ends:
            for source, target, rid in ((r.source, r.target, r.id), (r.target, r.source, r.id + "'")):
                if (source, target) in attacks:  # an attack written twice is one attack
                    if rid == r.id:  # undercuts of the contradiction undercut that attack
                        redirect[r.id] = attacks[(source, target)]
                else:
                    relations[rid] = replace(r, id=rid, kind=RelationKind.ATTACK, source=source,
                                             target=target)
                    attacks[(source, target)] = rid
        else:
            relations[r.id] = r
    seen = {(r.source, r.target) for r in relations.values() if r.target not in redirect}
    kept = {}
    for i, r in relations.items():
        if r.target in redirect:
            r = replace(r, target=redirect[r.target])
            if (r.source, r.target) in seen:
                continue  # an undercut written twice is one undercut
            seen.add((r.source, r.target))
        kept[i] = r
    relations = kept
    return replace(m, relations=relations)


@given(graph_maps())
def test_argdown_text_keeps_the_graph_up_to_renaming(m: Map) -> None:
    text = map_to_argdown(m)
    back = read_argdown(text)
    assert same_graph(as_argdown_holds_it(without_questions_and_rephrases(m)), back, groups=False, weights=False), text


def two_parents() -> Map:
    """An untitled claim that is the premise of two supports (as AIF gives it)."""
    nodes = {
        "[A]": Node("[A]", NodeKind.CLAIM, "A", "a"),
        "[B]": Node("[B]", NodeKind.CLAIM, "B", "b"),
        "_1": Node("_1", NodeKind.CLAIM, None, "Troops massed at the border, and talks stalled"),
    }
    relations = {
        "r1": Relation("r1", RelationKind.SUPPORT, "_1", "[A]"),
        "r2": Relation("r2", RelationKind.SUPPORT, "_1", "[B]"),
    }
    return Map(nodes=nodes, relations=relations)


def test_the_derived_title_is_the_first_words_of_the_text() -> None:
    text = format_map(two_parents())
    assert "[Troops massed at the border, and talks]: Troops massed" in text
    assert "\n_1" not in text and "_1\n" not in text
    back = parse(text)
    assert {(r.source, r.target) for r in back.relations.values()} == {
        ("[Troops massed at the border, and talks]", "[A]"),
        ("[Troops massed at the border, and talks]", "[B]")}


def test_derived_titles_are_unique_in_their_namespace() -> None:
    m = two_parents()
    taken = Node("[Troops massed at the border, and talks]", NodeKind.CLAIM,
                 "Troops massed at the border, and talks", "another")
    m = Map(nodes={**m.nodes, taken.id: taken}, relations=m.relations)
    back = parse(format_map(m))
    assert "[Troops massed at the border, and talks (2)]" in back.nodes
    assert same_graph(m, back)


def chain() -> Map:
    """An untitled conclusion with two outgoing relations, one to another untitled node."""
    nodes = {
        "[A]": Node("[A]", NodeKind.CLAIM, "A", "a"),
        "_1": Node("_1", NodeKind.CLAIM, None, "The first reason"),
        "_2": Node("_2", NodeKind.CLAIM, None, "The second reason"),
    }
    relations = {
        "r1": Relation("r1", RelationKind.SUPPORT, "_1", "[A]"),
        "r2": Relation("r2", RelationKind.ATTACK, "_1", "_2"),
        "r3": Relation("r3", RelationKind.SUPPORT, "_2", "[A]"),
    }
    return Map(nodes=nodes, relations=relations)


def test_argdown_writes_the_relation_instead_of_a_comment() -> None:
    text = map_to_argdown(chain())
    assert "cannot be written" not in text and "-> [The second reason]" in text
    assert same_graph(chain(), read_argdown(text))
    assert same_graph(chain(), parse(format_map(chain())))


def test_a_parsed_document_never_refers_to_an_untitled_node() -> None:
    # an untitled node cannot be written twice by hand: `_1` is text, a new claim
    m = parse("[A]: a\n  + Untitled reason.\n\n[B]: b\n  + _1\n")
    references = [e.node for e in m.walk() if e.is_reference]
    assert references == []
    assert m.nodes["_2"].text == "_1"


def test_an_untitled_claim_without_text_is_written_with_a_title() -> None:
    """found by tests/test_formats_fuzz.py: a Kialo claim with no text became an annotation line"""
    m = Map(nodes={"_1": Node("_1", NodeKind.CLAIM, text="", meta={"kialo": "1.3."})})
    text = format_map(m)
    back = parse(text)
    assert not [d for d in back.diagnostics if d.is_error], text
    assert same_graph(m, back), text

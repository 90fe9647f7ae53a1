"""What the Argdown writer cannot keep is reported, one code per kind (argmap.export.losses).

Argdown has no relation weights, no metadata on relations and no linked premises outside a
premise–conclusion structure; the writer also reports the titles it gives untitled nodes that
must be referred to, and untitled nodes written in another section than their own. Everything
else (texts, kinds, titles, tags, speakers, citations, node and map metadata, sections) travels.
"""

from __future__ import annotations

from pathlib import Path

from argmap.cli import main
from argmap.export.argdown import map_to_argdown
from argmap.export.losses import KINDS, Losses
from argmap.model import Actor, Map, Node, NodeKind, Relation, RelationKind, Section, Source

#: every loss code the Argdown writer records, and the element that has it in `lossy()`
ARGDOWN_LOSSES = {
    "relation-weight": "r1",
    "relation-meta": "r2",
    "relation-group": "r3",
    "title-added": "_1",
    "node-section": "_2",
}


def lossy() -> Map:
    """One of each thing Argdown cannot hold, and everything it can."""
    nodes = {
        "[C]": Node("[C]", NodeKind.CLAIM, "C", "The claim", actors=("a",), tags=("t",),
                    sources=("s",), meta={"k": 1}, section="s1"),
        "[E]": Node("[E]", NodeKind.EVIDENCE, "E", "Evidence", section="s1"),
        "<A>": Node("<A>", NodeKind.ARGUMENT, "A", "An argument", section="s1"),
        "_1": Node("_1", NodeKind.CLAIM, None, "An untitled premise used twice", section="s1"),
        "_2": Node("_2", NodeKind.CLAIM, None, "Untitled, of the second section", section="s2"),
    }
    relations = {
        "r1": Relation("r1", RelationKind.SUPPORT, "_1", "[C]", None, 0.5, {"weight": 0.5}),
        "r2": Relation("r2", RelationKind.ATTACK, "[E]", "<A>", meta={"note": "x"}),
        "r3": Relation("r3", RelationKind.SUPPORT, "[E]", "[C]", group="g1"),
        "r4": Relation("r4", RelationKind.SUPPORT, "<A>", "[C]", group="g1"),
        "r5": Relation("r5", RelationKind.UNDERCUT, "<A>", "r1"),
        "r6": Relation("r6", RelationKind.UNDERCUT, "_1", "r2"),  # _1 under r2's line too
        "r7": Relation("r7", RelationKind.ATTACK, "_2", "<A>"),  # written under <A>, in s1
    }
    return Map(metadata={"title": "T", "year": 2022}, actors={"a": Actor("a", "Ann")},
               sources={"s": Source("s", "A book")},
               sections={"s1": Section("s1", "One", 1), "s2": Section("s2", "Two", 1)},
               nodes=nodes, relations=relations)


def test_each_kind_of_loss_is_reported() -> None:
    losses = Losses()
    map_to_argdown(lossy(), losses)
    codes = losses.codes()
    assert set(codes) == set(ARGDOWN_LOSSES)
    for code, element in ARGDOWN_LOSSES.items():
        assert any(loss.code == code and loss.element == element for loss in losses), code
        assert code in KINDS  # the command line counts it in words
    assert codes["relation-group"] == 2  # both members of the group
    title_added = next(loss for loss in losses if loss.code == "title-added")
    assert "[An untitled premise used twice]" in title_added.message


def test_nothing_is_reported_for_what_argdown_holds() -> None:
    m = lossy()
    relations = {rid: m.relations[rid] for rid in ("r5",)}
    relations["r1"] = Relation("r1", RelationKind.SUPPORT, "_1", "[C]")
    nodes = {k: v for k, v in m.nodes.items() if k != "_2"}
    losses = Losses()
    map_to_argdown(Map(metadata=m.metadata, actors=m.actors, sources=m.sources, sections=m.sections,
                       nodes=nodes, relations=relations), losses)
    assert list(losses) == []


def test_plain_call_is_unchanged() -> None:
    assert map_to_argdown(lossy()) == map_to_argdown(lossy(), Losses())


def test_cli_summarises_the_argdown_losses_per_code(tmp_path: Path, capsys) -> None:
    from argmap.export.json import map_to_json

    src = tmp_path / "lossy.json"
    src.write_text(map_to_json(lossy()), encoding="utf-8")
    out = tmp_path / "lossy.argdown"
    assert main(["export", str(src), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    for code in ARGDOWN_LOSSES:
        assert f"warning[{code}]" in err, err
    assert main(["export", str(src), "-o", str(out), "--strict"]) == 1


def test_a_repeated_relation_is_reported_and_read_back_once() -> None:
    import argmap
    from argmap.importers.argdown import read_argdown

    # written twice: once alone, once as a co-premise (Argdown keeps no groups, so the two are one)
    m = argmap.parse("[A]: a\n  + [B]: b\n  + [B]\n  + [C]: c\n  + [B]\n  & [D]: d\n")
    losses = Losses()
    back = read_argdown(map_to_argdown(m, losses))
    repeats = [(loss.code, loss.element) for loss in losses if loss.code == "repeated-relation"]
    assert repeats == [("repeated-relation", "r2"), ("repeated-relation", "r4")]
    assert sorted((r.source, r.target) for r in back.relations.values()) == [
        ("[B]", "[A]"), ("[C]", "[A]"), ("[D]", "[A]")]

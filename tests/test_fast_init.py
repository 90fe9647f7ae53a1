"""`maker(cls)` builds the same frozen dataclass instances as `cls(...)`, only faster."""

from __future__ import annotations

import dataclasses

import pytest
from helpers import FLAGSHIP

import argmap
from argmap._speed.fast_init import maker, remaker
from argmap.errors import Span
from argmap.model import Node, NodeEntry, Relation, Usage


def _objects(m: argmap.Map) -> list:
    found: list = [*m.nodes.values(), *m.relations.values(), *m.usages, *m.walk()]
    found += [obj.span for obj in found]
    return found


def _construct(cls: type, values: list) -> object:
    """`cls` built by its own constructor from the values of its fields (by name: a `Node`'s
    constructor also takes the title, which it does not store)."""
    return cls(**{f.name: value for f, value in zip(dataclasses.fields(cls), values)})


@pytest.mark.parametrize("cls", [Span, Node, NodeEntry, Relation, Usage])
def test_made_objects_equal_constructed_ones_field_by_field(cls: type) -> None:
    make = maker(cls)
    samples = [obj for obj in _objects(argmap.parse_file(FLAGSHIP)) if type(obj) is cls]
    assert samples
    for obj in samples:
        values = [getattr(obj, f.name) for f in dataclasses.fields(cls)]
        made, constructed = make(*values), _construct(cls, values)
        assert type(made) is cls and made == constructed and repr(made) == repr(constructed)
        # every field, including those left out of equality (positions)
        assert all(getattr(made, f.name) is value for f, value in zip(dataclasses.fields(cls), values))


def test_made_objects_stay_frozen() -> None:
    span = maker(Span)("m.argmap", 3, 1, 3, 9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.line = 4  # type: ignore[misc]


def test_refuses_classes_it_cannot_build_correctly() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class PostInit:
        x: int

        def __post_init__(self) -> None:
            pass

    for cls in (NoSlots, PostInit, int):
        with pytest.raises(TypeError):
            maker(cls)


# --- shared objects: the empty metadata and the annotation tuples ------------------------


def test_nodes_and_relations_without_metadata_share_one_read_only_empty_dict() -> None:
    m = argmap.parse("[A]: a @x #t\n  + [B]: b @x #t\n  - {weight: 0.5} [C]: c {score: 1}\n")
    a, b, c = (m.nodes[n] for n in ("[A]", "[B]", "[C]"))
    support, attack = m.relations.values()
    assert a.meta is b.meta is support.meta and a.meta == {} and isinstance(a.meta, dict)
    assert c.meta == {"score": 1} and attack.meta == {"weight": 0.5}
    with pytest.raises(TypeError):
        a.meta["key"] = "value"  # type: ignore[index]
    assert a.meta == {}
    assert a.actors is b.actors and a.tags is b.tags  # equal annotation tuples: one object


def test_the_empty_metadata_copies_and_pickles_as_a_plain_dict() -> None:
    import copy
    import json
    import pickle

    m = argmap.parse("[A]: a\n  + [B]: b\n")
    meta = m.nodes["[A]"].meta
    assert type(copy.copy(meta)) is dict and type(copy.deepcopy(meta)) is dict and type(dict(meta)) is dict
    assert json.dumps(meta) == "{}"
    again = pickle.loads(pickle.dumps(m))
    assert again == m
    again.nodes["[A]"].meta["key"] = 1  # an unpickled map is the user's own, plain data
    assert meta == {}


@pytest.mark.parametrize("cls", [Span, Node, Relation])
def test_remade_objects_equal_replaced_ones(cls: type) -> None:
    remake = remaker(cls)
    for obj in [o for o in _objects(argmap.parse_file(FLAGSHIP)) if type(o) is cls][:20]:
        first = dataclasses.fields(cls)[0].name
        assert remake(obj) == obj and remake(obj) is not obj
        changed = remake(obj, **{first: "changed"})
        assert changed == dataclasses.replace(obj, **{first: "changed"}) and getattr(changed, first) == "changed"
    with pytest.raises(TypeError):
        remake(obj, no_such_field=1)


def test_the_slower_path_makes_the_same_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap._speed.fast_init as construct

    monkeypatch.setattr(construct, "_twin", lambda cls: None)  # as if CPython refused the class switch
    for cls in (Span, Node):
        make = construct.maker(cls)
        for obj in [o for o in _objects(argmap.parse_file(FLAGSHIP)) if type(o) is cls][:10]:
            values = [getattr(obj, f.name) for f in dataclasses.fields(cls)]
            made = make(*values)
            assert type(made) is cls and made == _construct(cls, values)

"""`maker(cls)` builds the same frozen dataclass instances as `cls(...)`, only faster."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import argmap
from argmap.construct import maker
from argmap.errors import Span
from argmap.model import Node, NodeEntry, Relation, Usage

FLAGSHIP = Path(__file__).parent.parent / "maps" / "lavrov-blinken.argmap"


def _objects(m: argmap.Map) -> list:
    found: list = [*m.nodes.values(), *m.relations.values(), *m.usages, *m.walk()]
    found += [obj.span for obj in found]
    return found


@pytest.mark.parametrize("cls", [Span, Node, NodeEntry, Relation, Usage])
def test_made_objects_equal_constructed_ones_field_by_field(cls: type) -> None:
    make = maker(cls)
    samples = [obj for obj in _objects(argmap.parse_file(FLAGSHIP)) if type(obj) is cls]
    assert samples
    for obj in samples:
        values = [getattr(obj, f.name) for f in dataclasses.fields(cls)]
        made, constructed = make(*values), cls(*values)
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

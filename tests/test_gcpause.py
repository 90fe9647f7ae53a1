"""The cycle collector is paused while a map is read, and left as it was found."""

from __future__ import annotations

import gc

import argmap
from argmap._speed.gc import gc_paused


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_is_off_inside_and_as_before_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_made_inside_are_still_collected_when_they_are_garbage() -> None:
    import weakref

    with gc_paused():
        cycle = _Cycle()
        ref = weakref.ref(cycle)
        argmap.parse("[A]: a\n  + [B]: b\n")
    del cycle
    assert ref() is not None  # a cycle: reference counting alone does not free it
    gc.collect()
    assert ref() is None


def test_objects_the_program_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            argmap.parse("[A]: a\n")
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()

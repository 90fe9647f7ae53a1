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


def test_the_command_line_policy_short_commands_run_without_the_collector() -> None:
    from argmap._speed.gc import LONG_RUNNING, collects, command_collector

    assert LONG_RUNNING == {"browse", "lsp", "watch"}
    for command in ("check", "fmt", "analyze", "render", "export", "import", "doctor"):
        assert not collects(command)
        with command_collector(command):
            assert not gc.isenabled()
        assert gc.isenabled()
    for command in LONG_RUNNING:
        with command_collector(command):
            assert gc.isenabled()
    gc.disable()
    try:
        with command_collector("lsp"):
            assert not gc.isenabled()  # the policy turns the collector off, never on
        assert not gc.isenabled()  # and leaves it as it found it
    finally:
        gc.enable()


def test_main_leaves_the_collector_as_it_found_it(tmp_path) -> None:
    from argmap.cli import main

    path = tmp_path / "m.argmap"
    path.write_text("[A]: a\n")
    assert main(["check", "-q", str(path)]) == 0
    assert gc.isenabled()

"""Bad input never gives a traceback: each new reader returns a map or raises ImportFailed, and
what it returns writes as .argmap text that reads back to the same relations."""

from __future__ import annotations

import pytest
from hypothesis import example, HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ImportFailed
from argmap.importers.iccma import read_af, read_apx, read_tgf
from argmap.importers.kialo import read_kialo

_PIECES = st.sampled_from(["p af 3", "1 2", "2 3", "3 3", "4 1", "#", "# 1 [x]", "a b", "x]y z",
                           "arg(a).", "att(a,b).", "att(a,c).", "% c", "Discussion Title: T", "",
                           "1. Thesis", "1.1. Pro: yes", "1.1.1. Con: -> See 1.", "1.2. Con: -> See 1.1.",
                           "1.3. Pro:", "2. other", "  continued [text] {x} @a #t", "\r", "\\[b\\]"])
_TEXTS = st.lists(_PIECES | st.text(max_size=12), max_size=12).map("\n".join)


@pytest.mark.parametrize("read", [read_af, read_tgf, read_apx, read_kialo])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS)
@example(text="Discussion Title: T\n1.3. Pro:")  # found here: a claim without text
def test_reader_returns_a_map_or_a_positioned_error(read, text: str) -> None:
    try:
        m = read(text, "f.txt")
    except ImportFailed as exc:
        assert exc.diagnostics and all(d.span.line >= 1 for d in exc.diagnostics)
        return
    again = argmap.parse(argmap.format_map(m), "back.argmap")
    assert not [d for d in again.diagnostics if d.is_error]
    assert len(again.nodes) == len(m.nodes) and len(again.relations) == len(m.relations)

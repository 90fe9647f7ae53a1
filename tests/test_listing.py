"""Streamed listings of extensions (`argmap/analyze/listing.py`): the same extensions as
`acceptance.extensions`, valid JSON of the documented shape, and each extension written
before the next is looked for."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from strategies import frameworks

from argmap.analyze.acceptance import extensions
from argmap.analyze.framework import SEMANTICS, Framework
from argmap.analyze.listing import list_extensions


def listed(af: Framework, semantics: str, **options) -> tuple[str, int, str | None]:
    out = io.StringIO()
    options.setdefault("limit", 1000)
    count, stopped = list_extensions(out, "af.i23", semantics, af, **options)
    return out.getvalue(), count, stopped


@settings(max_examples=40)
@given(frameworks(max_size=6))
def test_json_lists_what_extensions_finds(af: Framework) -> None:
    for semantics in SEMANTICS:
        text, count, stopped = listed(af, semantics, as_json=True)
        data = json.loads(text)
        expected = {tuple(sorted(e)) for e in extensions(af, semantics)}
        got = [tuple(af.index(n) for n in e) for e in data["extensions"]]
        assert set(got) == expected and len(got) == len(expected) == count, semantics
        assert all(list(e) == sorted(e) for e in got)
        assert stopped is None and data["stopped"] is None
        assert list(data)[:5] == ["file", "semantics", "arguments", "attacks", "extensions"]


def test_text_and_json_shapes() -> None:
    af = Framework(["1", "2", "3"], [(0, 1), (1, 2), (2, 1)])
    text, _, _ = listed(af, "stable")
    assert text == ("af.i23: 3 arguments, 3 attacks; stable extensions:\n"
                    "  1. {1, 3}\n1 stable extension\n")
    text, _, _ = listed(af, "grounded", as_json=True, labels=["in", "out", "in"],
                        query={"argument": "1", "credulous": True, "sceptical": True})
    assert json.loads(text) == {
        "file": "af.i23", "semantics": "grounded", "arguments": 3, "attacks": 3,
        "extensions": [["1", "3"]], "stopped": None,
        "labels": {"1": "in", "2": "out", "3": "in"},
        "query": {"argument": "1", "credulous": True, "sceptical": True}}
    text, count, stopped = listed(af, "stable", as_json=True, limit=0)
    assert json.loads(text)["extensions"] == [] and (count, stopped) == (0, "limit")


def test_names_are_escaped_for_json_and_for_the_terminal() -> None:
    af = Framework(['say "hi"', "back\\slash", "bell\x07", "ünïcode", "clear\x1b[2J"], [])
    data = json.loads(listed(af, "preferred", as_json=True)[0])
    assert data["extensions"] == [['say "hi"', "back\\slash", "bell\x07", "ünïcode", "clear\x1b[2J"]]
    text = listed(af, "preferred")[0]  # a control character is shown escaped, never sent raw
    assert "{say \"hi\", back\\slash, bell\\x07, ünïcode, clear\\x1b[2J}" in text and "\x1b" not in text


def pairs(count: int) -> Framework:
    attacks = [(2 * i, 2 * i + 1) for i in range(count)] + [(2 * i + 1, 2 * i) for i in range(count)]
    return Framework([str(i) for i in range(2 * count)], attacks)


@pytest.mark.parametrize("as_json", [False, True])
def test_each_extension_is_written_before_the_next_is_sought(as_json: bool) -> None:
    out = io.StringIO()
    seen = []

    def written(count: int) -> None:  # called once extension `count` is out
        text = out.getvalue()
        seen.append(text.count("[\"") if as_json else text.count(". {"))

    count, stopped = list_extensions(out, "f", "stable", pairs(12), limit=50, as_json=as_json,
                                     on_extension=written)
    assert (count, stopped) == (50, "limit")
    assert seen == list(range(1, 51))


def test_a_timeout_ends_the_listing_with_valid_json() -> None:
    text, count, stopped = listed(pairs(40), "stable", as_json=True, limit=10**9, timeout=0.2)
    data = json.loads(text)
    assert stopped == data["stopped"] == "timeout"
    assert len(data["extensions"]) == count > 0

"""On generated maps (bench/generate.py): the server's names under the cursor are exactly the
titles and annotations the highlighter marks, and every one leads to its definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from helpers import bench_module
from pygments.token import Name

from argmap.language.highlight import positioned_tokens
from argmap.lsp import navigation
from argmap.lsp.document import Snapshot

generate = bench_module("generate")

_KINDS = {Name.Class: "node", Name.Function: "node", Name.Decorator: "actor", Name.Label: "source", Name.Tag: "tag"}


def _lexer_names(text: str) -> set[tuple[str, int, int, int]]:
    """(kind, line, column, end column) of every title and annotation the lexer marks."""
    return {(_KINDS[kind], line, column, column + len(value))
            for line, column, kind, value in positioned_tokens(text) if kind in _KINDS}


@given(st.integers(1, 40), st.integers(0, 10**6))
def test_names_and_definitions_on_generated_maps(nodes: int, seed: int) -> None:
    text = generate.generate_map(nodes, seed)
    snapshot = Snapshot("file:///g.argmap", 1, text, None)
    assert not [d for d in snapshot.diagnostics if d.is_error]
    occurrences = [o for found in snapshot.occurrences.by_line.values() for o in found]
    declared = {(o.kind, o.line, o.column, o.end_column) for o in occurrences if o.kind in ("actor", "source")
                and o.is_definition}
    written = {(o.kind, o.line, o.column, o.end_column) for o in occurrences} - declared
    assert written == _lexer_names(text)
    for occurrence in occurrences:
        if occurrence.kind == "tag":
            continue
        position = snapshot.lines.to_lsp(occurrence.line, occurrence.column)
        (location,) = navigation.definition(snapshot, position)
        line, column = snapshot.lines.from_lsp(location.range.start)
        target = snapshot.occurrences.at(line, column)
        assert target is not None and target.is_definition
        assert (target.kind, target.name) == (occurrence.kind, occurrence.name)

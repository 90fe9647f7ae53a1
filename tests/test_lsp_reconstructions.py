"""The language server and reconstructions: the outline lists an argument's statements and
inferences, definition and references reach statement titles, `uses` numbers and rule names
complete on an inference line."""

from __future__ import annotations

from lsprotocol import types

from argmap.lsp import completion, navigation, symbols
from argmap.lsp.document import Snapshot

URI, PATH = "file:///tmp/r.argmap", "/tmp/r.argmap"
TEXT = """\
<Tours work>: A tour teaches. @ana
  (1) [Tours teach]: Tours teach.
  (2) A format is learnt. #implicit
  -- modus ponens {uses: [1, 2], scheme: example} --
  (3) [Tours help]
    _ [Shown is not learnt]: Seeing is not knowing.
  +> [Tours help]

[Tours help]: Tours help.

<Other>: Another.
  (1) [A]: a.
  (2) b.
  ----
  (3) c.
"""


def _snapshot() -> Snapshot:
    return Snapshot(URI, 1, TEXT, PATH)


def _outline(found: list[types.DocumentSymbol]) -> list:
    return [(s.name, s.detail, _outline(s.children)) if s.children else (s.name, s.detail) for s in found]


def test_the_outline_nests_statements_and_inferences_under_their_argument() -> None:
    assert _outline(symbols.document_symbols(_snapshot())) == [
        ("Tours work", "argument", [
            ("(1) Tours teach", "claim"),
            ("(2) A format is learnt.", "claim"),
            ("-- modus ponens --", "uses 1, 2 · scheme example"),
            ("(3) Tours help", "claim (refers)", [("Shown is not learnt", "claim")]),
        ]),
        ("Tours help", "claim"),
        ("Other", "argument", [("(1) A", "claim"), ("(2) b.", "claim"), ("----", "uses 1, 2"), ("(3) c.", "claim")]),
    ]
    inference = symbols.document_symbols(_snapshot())[0].children[2]
    assert inference.kind == types.SymbolKind.Operator and inference.range.start.line == 3


def test_definition_and_references_reach_statement_titles() -> None:
    snapshot = _snapshot()
    at_statement = types.Position(4, 8)  # inside "(3) [Tours help]"
    (where,) = navigation.definition(snapshot, at_statement)
    assert where.range.start == types.Position(8, 0)  # the definition below the argument
    lines = sorted(loc.range.start.line for loc in navigation.references(snapshot, at_statement, True))
    assert lines == [4, 6, 8]
    (defined,) = navigation.definition(snapshot, types.Position(8, 3))
    assert defined.range.start.line == 8
    lines = [loc.range.start.line for loc in navigation.references(snapshot, types.Position(1, 8), True)]
    assert lines == [1]  # a statement that defines its title is its own definition


def _labels(line: str, at_line: int) -> list[tuple[str, str | None]]:
    found = completion.complete(_snapshot().map, line, types.Position(at_line, len(line)))
    return [(item.label, item.detail) for item in found.items]


def test_uses_complete_with_the_statements_above_in_that_reconstruction() -> None:
    assert _labels("  -- {uses: [", 3) == [("1", "Tours teach"), ("2", "A format is learnt.")]
    assert _labels("  -- mp {uses: [1, ", 3) == [("2", "A format is learnt.")]  # 1 is listed already
    assert _labels("  -- {scheme: x, uses: [", 15) == [("1", "A"), ("2", "b."), ("3", "c.")]
    assert _labels("  -- {uses: [2", 13) == [("2", "b.")]
    assert completion.trigger("  (1) {uses: [") == ("claim", "")  # uses only on an inference line


def test_rule_names_the_map_uses_complete_after_the_dashes() -> None:
    assert _labels("  -- mo", 13) == [("modus ponens", "inference rule")]
    assert _labels("  -- mo", 3) == []  # the rule being typed is not offered back
    assert completion.trigger("  -- modus ponens {") is None
    assert completion.trigger("  - [A]") is None

"""The language server and schemes: scheme names complete, hover shows an argument's critical
questions and their status, a quick fix adds a node that answers an open question."""

from __future__ import annotations

import pytest
from lsprotocol import types

import argmap
from argmap.lsp import actions, completion, hover
from argmap.lsp.document import Snapshot
from argmap.schemes.catalogue import builtin
from argmap.schemes.uses import find_uses

URI = "file:///tmp/m.argmap"
TEXT = """\
[Bridge unsafe]: The bridge is unsafe.
  - <Engineer>: The engineer says the bridge is safe,
    as her report shows. {scheme: expert-opinion}
    + [Civil]: She is a civil engineer. {answers: [CQ1, CQ2]}
      - [Not so]: She is not. {answers: CQ1}
[Other]: o
"""


def test_scheme_names_complete_after_scheme_colon() -> None:
    m = argmap.parse(TEXT)
    line = "  + <A>: a {round: 1, scheme: pos"
    items = completion.complete(m, line, types.Position(3, len(line))).items
    assert [i.label for i in items] == ["position-to-know", "positive-consequences"]
    assert items[0].text_edit.new_text == "position-to-know" and items[0].detail == "Argument from position to know"
    assert completion.trigger("[A]: no scheme: here") is None  # outside a {…} block
    assert completion.trigger("[A]: a {noscheme: x") is None


def test_hover_lists_the_questions_with_their_status() -> None:
    snapshot = Snapshot(URI, 1, TEXT, "/tmp/m.argmap")
    text = hover.describe_node(snapshot.map, snapshot.map.nodes["<Engineer>"], None)
    assert "**scheme**: Argument from expert opinion (`expert-opinion`)" in text
    assert "- CQ1 (premise, raised)" in text and "- CQ2 (premise, defended)" in text
    assert "- CQ5 (exception, open)" in text


def _fixes(text: str) -> tuple[Snapshot, list[types.CodeAction]]:
    snapshot = Snapshot(URI, 1, text, "/tmp/m.argmap")
    lsp = [types.Diagnostic(snapshot.lines.range_of(d.span), d.message, code=d.code)
           for d in snapshot.diagnostics if d.code == "unanswered-critical-question"]
    params = types.CodeActionParams(types.TextDocumentIdentifier(URI), lsp[0].range, types.CodeActionContext(lsp[:1]))
    return snapshot, actions.code_actions(snapshot, params)


def _applied(text: str, action: types.CodeAction) -> str:
    (edit,) = action.edit.changes[URI]
    lines = text.split("\n")
    at = edit.range.start
    offset = sum(len(line) + 1 for line in lines[:at.line]) + at.character
    return text[:offset] + edit.new_text + text[offset:]


@pytest.mark.parametrize("text", [TEXT, TEXT.rstrip("\n").rsplit("\n", 1)[0]])
def test_a_quick_fix_answers_an_open_question(text: str) -> None:
    snapshot, fixes = _fixes(text)
    assert [f.title for f in fixes] == ["Answer CQ3 with a node that defends it", "Answer CQ3 with a node that raises it"]
    for fix, status in zip(fixes, ("defended", "raised")):
        fixed = argmap.parse(_applied(text, fix))
        assert [d.code for d in fixed.diagnostics] == []
        (use,) = find_uses(fixed, builtin())
        assert use.status("CQ3") == status
        assert "Answer to CQ3: What did E actually assert, and does it imply A?" in _applied(text, fix)
        assert len(fixed.nodes) == len(snapshot.map.nodes) + 1


INFERENCE_TEXT = """\
<Growth>: NATO's growth threatens Russia.
  (1) [Grew]: NATO grew eastward.
  (2) [Rule]: An alliance that grows toward a state threatens it.
  -- {scheme: cause-to-effect} --
  (3) [Threat]: NATO threatens Russia.
  +> [Concern]
[Concern]: Russia has reason for concern.
"""


def test_hover_on_an_argument_lists_the_questions_of_its_inference_lines() -> None:
    snapshot = Snapshot(URI, 1, INFERENCE_TEXT, "/tmp/m.argmap")
    text = hover.describe_node(snapshot.map, snapshot.map.nodes["<Growth>"], None)
    assert "(3) **scheme**: Argument from cause to effect (`cause-to-effect`)" in text
    assert "- CQ3 (exception, open)" in text


def test_a_quick_fix_answers_a_question_of_an_inference_line_under_its_conclusion() -> None:
    snapshot, fixes = _fixes(INFERENCE_TEXT)
    assert [f.title for f in fixes] == ["Answer CQ1 with a node that defends it", "Answer CQ1 with a node that raises it"]
    for fix, status, marker in zip(fixes, ("defended", "raised"), ("+", "_")):
        applied = _applied(INFERENCE_TEXT, fix)
        assert f"\n    {marker} Answer to CQ1: How strong" in applied.split("(3) [Threat]")[1].split("+> [Concern]")[0]
        fixed = argmap.parse(applied)
        (use,) = find_uses(fixed, builtin())
        assert (use.label, use.inference, use.status("CQ1")) == ("<Growth>(3)", 0, status)
        assert use.status("CQ3") == "open"


def test_hover_on_an_inference_line_shows_its_step_and_its_schemes_questions() -> None:
    snapshot = Snapshot(URI, 1, INFERENCE_TEXT, "/tmp/m.argmap")
    found = hover.hover(snapshot, types.Position(3, 5))
    assert found is not None and found.range.start.line == 3
    text = found.contents.value
    assert text.startswith("**----** — inference of \\<Growth\\>: from (1), (2) to (3)")
    assert "- CQ2 (premise, open)" in text
    plain = hover.hover(snapshot, types.Position(3, 5), markdown=False).contents.value
    assert plain.startswith("---- — inference of <Growth>: from (1), (2) to (3)")
    assert "**" not in plain and "scheme: Argument from cause to effect" in plain
    assert hover.hover(snapshot, types.Position(6, 40)) is None  # in a text, on no inference line: nothing

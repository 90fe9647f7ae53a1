"""The language server never falls over (docs/safety.md, "The language server").

A real session (`argmap/lsp/client.py`): the hostile edits of tests/hostile/lsp/edits.json
(astral and combining characters, ranges past the end, reversed and negative ranges, a
100,000-character line), requests for closed, never-opened and `untitled:` documents,
unknown methods and wrong parameters. After each the server still answers, and giving the
document its original text back gives the original diagnostics. `shutdown` + `exit` exits 0,
`exit` alone 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from argmap.lsp.client import LspClient, LspError

EDITS = json.loads((Path(__file__).parent / "hostile" / "lsp" / "edits.json").read_text("utf-8"))
TEXT = "[A]: a\U0001F600b text\n  + [B]: a reason\n  - [C]: an objection @nobody\n"
ARGV = [sys.executable, "-m", "argmap", "lsp", "--debounce", "0.02"]


def _diagnostics(client: LspClient, uri: str, version: int) -> list[dict]:
    params = client.wait_for("textDocument/publishDiagnostics",
                             lambda p: p["uri"] == uri and p.get("version") == version)
    return sorted((d["range"]["start"]["line"], d["range"]["start"]["character"], d.get("code"), d["message"])
                  for d in params["diagnostics"])


def _alive(client: LspClient, uri: str) -> None:
    client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})


@pytest.fixture()
def client():
    with LspClient(ARGV, timeout=20) as session:
        session.initialize()
        yield session


@pytest.mark.parametrize("edit", EDITS, ids=[e["why"] for e in EDITS])
def test_a_hostile_edit_leaves_the_server_answering(client: LspClient, edit: dict) -> None:
    uri = "file:///tmp/argmap-hostile-lsp/doc.argmap"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "argmap", "version": 1,
                                                            "text": TEXT}})
    original = _diagnostics(client, uri, 1)
    if "text_line" in edit:
        change = {"text": TEXT + "[Long]: " + "w " * (edit["text_line"] // 2) + "\n"}
    else:
        change = {"range": edit["range"], "text": edit["text"]}
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]})
    _alive(client, uri)
    client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 7}})
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"text": TEXT}]})
    assert _diagnostics(client, uri, 3) == original


@pytest.mark.parametrize("uri", ["file:///never/opened.argmap", "untitled:Untitled-1", "file:///closed.argmap"])
def test_requests_for_documents_not_open_get_an_answer(client: LspClient, uri: str) -> None:
    if uri == "file:///closed.argmap":
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "argmap", "version": 1,
                                                                "text": TEXT}})
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    position = {"line": 0, "character": 1}
    for method, extra in [("textDocument/hover", {"position": position}),
                          ("textDocument/definition", {"position": position}),
                          ("textDocument/documentSymbol", {}),
                          ("textDocument/formatting", {"options": {"tabSize": 2, "insertSpaces": True}})]:
        try:
            client.request(method, {"textDocument": {"uri": uri}, **extra})
        except LspError:
            pass  # an error reply is an answer
    untitled = "untitled:Untitled-2"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": untitled, "languageId": "argmap", "version": 1,
                                                            "text": TEXT}})
    assert _diagnostics(client, untitled, 1)  # @nobody is unknown
    _alive(client, untitled)


def test_malformed_requests_get_error_replies(client: LspClient) -> None:
    with pytest.raises(LspError) as unknown:
        client.request("argmap/noSuchMethod", {})
    assert unknown.value.code == -32601  # MethodNotFound
    for params in [None, {}, {"textDocument": 3}, {"textDocument": {"uri": None}, "position": "here"}, [1, 2]]:
        try:
            client.request("textDocument/hover", params)
        except LspError:
            pass
    uri = "file:///tmp/argmap-hostile-lsp/after.argmap"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "argmap", "version": 1,
                                                            "text": TEXT}})
    assert _diagnostics(client, uri, 1)


def test_exit_without_shutdown_exits_1() -> None:
    session = LspClient(ARGV, timeout=20)
    try:
        session.initialize()
        session.notify("exit")
        assert session.process.wait(timeout=10) == 1
    finally:
        if session.process.poll() is None:
            session.process.kill()


def test_shutdown_then_exit_exits_0() -> None:
    with LspClient(ARGV, timeout=20) as session:
        session.initialize()
        session.request("shutdown")
        session.notify("exit")
        assert session.process.wait(timeout=10) == 0

"""`argmap lsp` in a real client session: a subprocess spoken to in JSON-RPC over stdio."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Iterator

import pytest

import argmap
from argmap.analyze import analyze_map
from argmap.language.write.format import format_text
from argmap.lsp.client import LspClient, LspError

MAP = """\
actor lavrov: Sergey Lavrov {side: Russia}
actor blinken: Antony Blinken
source article: "Lavrov warns" {url: "https://example.org/a"}

# Red lines

[No NATO troops]: Russia will not accept NATO troops in Ukraine. @lavrov #red-line
  + <Threat>: NATO expansion threatens Russia. @lavrov
    + evidence [Growth]: NATO added former Soviet-bloc countries. ^article
  - [Free choice]: Ukraine may choose its alliances. @blinken #sovereignty

## Answers

[Free choice]
  + [No NATO troops]
"""

_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def client() -> Iterator[LspClient]:
    with LspClient([sys.executable, "-m", "argmap", "lsp", "--debounce", "0.02"], timeout=20) as session:
        session.initialize({"textDocument": {"rename": {"prepareSupport": True}}})
        yield session


def open_document(client: LspClient, text: str, uri: str | None = None) -> tuple[str, list[dict]]:
    """Open a new document; return its URI and its first diagnostics."""
    uri = uri or f"file:///tmp/argmap-lsp-test/doc{next(_numbers)}.argmap"
    client.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": "argmap", "version": 1, "text": text}})
    return uri, diagnostics_of(client, uri, 1)


def diagnostics_of(client: LspClient, uri: str, version: int) -> list[dict]:
    params = client.wait_for("textDocument/publishDiagnostics",
                             lambda p: p["uri"] == uri and p.get("version") == version)
    return params["diagnostics"]


def at(text: str, needle: str, offset: int = 0) -> dict:
    """The LSP position (UTF-16) of the first `needle` in `text`, plus `offset` characters."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    prefix = text[text.rfind("\n", 0, index) + 1 : index]
    return {"line": line, "character": len(prefix.encode("utf-16-le")) // 2}


def ask(client: LspClient, method: str, uri: str, position: dict | None = None, **extra: object) -> object:
    params: dict = {"textDocument": {"uri": uri}, **extra}
    if position is not None:
        params["position"] = position
    return client.request(method, params)


def apply(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (ASCII text: characters are code units)."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        return sum(len(line) + 1 for line in lines[: position["line"]]) + position["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def test_initialize_announces_every_feature() -> None:
    with LspClient(timeout=20) as session:
        capabilities = session.initialize()
        for provider in ("hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
                         "documentFormattingProvider", "renameProvider", "codeActionProvider"):
            assert capabilities.get(provider), provider
        assert set(capabilities["completionProvider"]["triggerCharacters"]) == {"[", "<", "@", "^", "#"}
        assert capabilities["positionEncoding"] == "utf-16"
        session.request("shutdown")
        session.notify("exit")
        assert session.process.wait(timeout=10) == 0


def test_a_clean_map_has_no_diagnostics(client: LspClient) -> None:
    _, diagnostics = open_document(client, MAP)
    assert diagnostics == []


def test_diagnostics_have_codes_hints_and_suggestions(client: LspClient) -> None:
    text = MAP + "[Free choice]\n  - [No NATO trops]\n  + [Growht]\n  + [Other]: text @lavrof\n"
    _, diagnostics = open_document(client, text)
    by_code = {d["code"]: d for d in diagnostics}
    undefined = [d for d in diagnostics if d["code"] == "undefined-node"]
    assert len(undefined) == 2
    typo = next(d for d in undefined if "trops" in d["message"])
    assert typo["range"]["start"] == at(text, "[No NATO trops]")
    assert typo["range"]["end"] == at(text, "[No NATO trops]", len("[No NATO trops]"))
    assert typo["data"]["suggestions"] == ["[No NATO troops]"]
    assert typo["severity"] == 1 and typo["source"] == "argmap" and "hint:" in typo["message"]
    assert by_code["unknown-actor"]["range"]["start"] == at(text, "@lavrof")


def test_change_updates_the_diagnostics(client: LspClient) -> None:
    text = MAP + "[Free choice]\n  - [Nope]\n"
    uri, diagnostics = open_document(client, text)
    assert [d["code"] for d in diagnostics] == ["undefined-node"]
    start = at(text, "[Nope]")
    for version, word in enumerate(["[G", "[Gro", "[Growth]"], start=2):  # quick typing: debounced
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": start, "end": {"line": start["line"], "character": 99}},
                                "text": word}]})
    assert diagnostics_of(client, uri, 4) == []


def test_positions_are_utf16_on_lines_with_astral_characters(client: LspClient) -> None:
    text = "actor ana: Ana\n[Smile]: 😀😀 are two emoji @anna @ana\n"
    uri, diagnostics = open_document(client, text)
    (unknown,) = [d for d in diagnostics if d["code"] == "unknown-actor"]
    assert unknown["range"]["start"] == {"line": 1, "character": text.split("\n")[1].index("@anna") + 2}
    hover = ask(client, "textDocument/hover", uri, at(text, "@ana\n", 1))
    assert "Ana" in hover["contents"]["value"]


def test_included_files_findings_and_definitions(client: LspClient, tmp_path: Path) -> None:
    (tmp_path / "part.argmap").write_text("[P]: A claim from the part. @nobody\n", encoding="utf-8")
    text = 'include "part.argmap"\n[A]: The main claim.\n  + [P]\n'
    uri, diagnostics = open_document(client, text, (tmp_path / "main.argmap").as_uri())
    (summary,) = diagnostics
    assert summary["code"] == "included-file" and summary["range"]["start"] == {"line": 0, "character": 0}
    assert "part.argmap:1:" in summary["message"] and "@nobody" in summary["message"]
    (location,) = ask(client, "textDocument/definition", uri, at(text, "[P]", 1))
    assert location["uri"] == (tmp_path / "part.argmap").as_uri()
    assert location["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}


def test_a_client_that_counts_in_utf8_gets_utf8_positions() -> None:
    text = "actor ana: Ana\n[Smile]: é😀 text @anna\n"
    with LspClient(timeout=20) as session:
        capabilities = session.initialize({"general": {"positionEncodings": ["utf-8", "utf-16"]}})
        assert capabilities["positionEncoding"] == "utf-8"
        uri, diagnostics = open_document(session, text)
        (unknown,) = [d for d in diagnostics if d["code"] == "unknown-actor"]
        line = text.split("\n")[1]
        assert unknown["range"]["start"]["character"] == len(line[: line.index("@anna")].encode("utf-8"))


def test_definition_of_titles_actors_and_sources(client: LspClient) -> None:
    uri, _ = open_document(client, MAP)
    cases = [
        (at(MAP, "[No NATO troops]\n", 3), "[No NATO troops]:", 16),
        (at(MAP, "@lavrov", 2), "lavrov:", 6),
        (at(MAP, "^article", 1), "article:", 7),
        (at(MAP, "[Free choice]\n", 1), "[Free choice]:", 13),
    ]
    for position, target, length in cases:
        (location,) = ask(client, "textDocument/definition", uri, position)
        assert location["uri"] == uri
        assert location["range"]["start"] == at(MAP, target)
        assert location["range"]["end"] == at(MAP, target, length)


def test_references_with_and_without_the_declaration(client: LspClient) -> None:
    uri, _ = open_document(client, MAP)
    position = at(MAP, "[Free choice]:", 2)
    every = ask(client, "textDocument/references", uri, position, context={"includeDeclaration": True})
    used = ask(client, "textDocument/references", uri, position, context={"includeDeclaration": False})
    assert [r["range"]["start"]["line"] for r in every] == [9, 13]
    assert [r["range"]["start"]["line"] for r in used] == [13]
    actor = ask(client, "textDocument/references", uri, at(MAP, "@lavrov", 3), context={"includeDeclaration": True})
    assert [r["range"]["start"]["line"] for r in actor] == [0, 6, 7]


def test_completion_after_each_trigger(client: LspClient) -> None:
    text = MAP + "[Free choice]\n  + [No\n  - <\n  + x @bl\n  + y ^ar\n  + z #red\n"
    uri, _ = open_document(client, text)
    lines = text.split("\n")

    def labels(line: int) -> list[str]:
        result = ask(client, "textDocument/completion", uri, {"line": line, "character": len(lines[line])})
        return [item["label"] for item in result["items"]]

    base = MAP.count("\n") + 1
    assert labels(base) == ["No NATO troops"]
    assert labels(base + 1) == ["Threat"]
    assert labels(base + 2) == ["blinken"]
    assert labels(base + 3) == ["article"]
    assert labels(base + 4) == ["red-line"]
    result = ask(client, "textDocument/completion", uri, {"line": base, "character": len(lines[base])})
    edit = result["items"][0]["textEdit"]
    assert apply(text, [edit]).split("\n")[base] == "  + [No NATO troops]"


def test_completion_replaces_a_bracket_the_editor_closed(client: LspClient) -> None:
    text = MAP + "[Free choice]\n  + [Gr]\n"
    uri, _ = open_document(client, text)
    position = at(text, "[Gr]", 3)
    (item,) = ask(client, "textDocument/completion", uri, position)["items"]
    assert apply(text, [item["textEdit"]]).endswith("  + [Growth]\n")


def test_hover_shows_text_actor_and_sources(client: LspClient) -> None:
    uri, _ = open_document(client, MAP)
    node = ask(client, "textDocument/hover", uri, at(MAP, "[No NATO troops]\n", 2))["contents"]["value"]
    assert "Russia will not accept NATO troops in Ukraine" in node and "Sergey Lavrov" in node
    analysis = analyze_map(argmap.parse(MAP))
    assert f"**strength**: {analysis.strength['[No NATO troops]']:.2f}" in node
    assert "**status** (grounded)" in node
    # why: the short grounded explanation, its brackets escaped as all map text is
    assert r"**why**: out: attacked by \[Free choice\], which is in" in node
    evidence = ask(client, "textDocument/hover", uri, at(MAP, "[Growth]", 2))["contents"]["value"]
    assert "Lavrov warns" in evidence and "evidence" in evidence
    actor = ask(client, "textDocument/hover", uri, at(MAP, "@blinken", 2))["contents"]["value"]
    assert "Antony Blinken" in actor and "used on 1 node" in actor
    assert ask(client, "textDocument/hover", uri, at(MAP, "Russia will", 2)) is None


def test_rename_a_title_everywhere(client: LspClient) -> None:
    uri, _ = open_document(client, MAP)
    position = at(MAP, "[No NATO troops]\n", 4)
    prepared = ask(client, "textDocument/prepareRename", uri, position)
    assert prepared["placeholder"] == "No NATO troops"
    edit = ask(client, "textDocument/rename", uri, position, newName="No troops [ever]")
    renamed = apply(MAP, edit["changes"][uri])
    assert renamed.count("[No troops [ever\\]]") == 2 and "No NATO troops]" not in renamed
    uri2, diagnostics = open_document(client, renamed)
    assert diagnostics == []


def test_rename_an_actor_and_refuse_a_taken_name(client: LspClient) -> None:
    uri, _ = open_document(client, MAP)
    edit = ask(client, "textDocument/rename", uri, at(MAP, "@lavrov", 1), newName="sergey")
    renamed = apply(MAP, edit["changes"][uri])
    assert renamed.count("@sergey") == 2 and "actor sergey:" in renamed and "lavrov" not in renamed.split("{")[0]
    with pytest.raises(LspError) as refused:
        ask(client, "textDocument/rename", uri, at(MAP, "@lavrov", 1), newName="blinken")
    assert refused.value.code == -32803
    with pytest.raises(LspError):
        ask(client, "textDocument/rename", uri, at(MAP, "[Free choice]:", 1), newName="No NATO troops")


def test_formatting_gives_the_canonical_text(client: LspClient) -> None:
    messy = "[A]:   It rains.   @x\n    +    [B]: The sky is clear.\nactor x: X\n"
    uri, _ = open_document(client, messy)
    edits = ask(client, "textDocument/formatting", uri, options={"tabSize": 2, "insertSpaces": True})
    assert apply(messy, edits) == format_text(messy)
    uri, _ = open_document(client, format_text(messy))
    assert ask(client, "textDocument/formatting", uri, options={"tabSize": 2, "insertSpaces": True}) == []


def test_formatting_refuses_a_map_with_syntax_errors(client: LspClient) -> None:
    uri, diagnostics = open_document(client, "[A]: fine\n  + [B]: broken {unclosed\n")
    assert diagnostics
    assert ask(client, "textDocument/formatting", uri, options={"tabSize": 2, "insertSpaces": True}) is None
    message = client.wait_for("window/showMessage")
    assert "not formatted" in message["message"]


def test_quick_fix_offers_the_nearest_title(client: LspClient) -> None:
    text = MAP + "[Free choice]\n  - [No NATO trops]\n"
    uri, diagnostics = open_document(client, text)
    (undefined,) = [d for d in diagnostics if d["code"] == "undefined-node"]
    for sent in (undefined, {k: v for k, v in undefined.items() if k != "data"}):  # with or without data
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": undefined["range"], "context": {"diagnostics": [sent]}})
        assert [a["title"] for a in actions] == ["Change to [No NATO troops]"]
        fixed = apply(text, actions[0]["edit"]["changes"][uri])
        assert fixed == MAP + "[Free choice]\n  - [No NATO troops]\n"


def test_outline_nests_sections_and_nodes(client: LspClient) -> None:
    uri, _ = open_document(client, MAP)
    (section,) = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert section["name"] == "Red lines"
    names = [child["name"] for child in section["children"]]
    assert names == ["No NATO troops", "Answers"]
    troops = section["children"][0]
    assert [c["name"] for c in troops["children"]] == ["Threat", "Free choice"]
    assert [c["name"] for c in troops["children"][0]["children"]] == ["Growth"]
    answers = section["children"][1]
    assert answers["children"] == []  # only references there
    assert troops["range"]["end"]["line"] == 9 and section["range"]["end"]["line"] >= 13


def test_a_reconstruction_in_a_real_session(client: LspClient) -> None:
    text = ("<Tours work>: A tour teaches.\n  (1) [Tours teach]: Tours teach.\n  (2) Shown once.\n"
            "  -- modus ponens --\n  (3) [Tours help]: Tours help.\n  +> [Tours help]\n")
    uri, _ = open_document(client, text)
    (argument,) = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert [c["name"] for c in argument["children"]] == ["(1) Tours teach", "(2) Shown once.",
                                                         "-- modus ponens --", "(3) Tours help"]
    (where,) = ask(client, "textDocument/definition", uri, at(text, "+> [Tours help]", 4))
    assert where["range"]["start"] == {"line": 4, "character": 6}
    edited = text + "  -- {uses: ["
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": edited}]})
    diagnostics_of(client, uri, 2)
    result = ask(client, "textDocument/completion", uri, {"line": 6, "character": len("  -- {uses: [")})
    assert [item["label"] for item in result["items"]] == ["1", "2", "3"]

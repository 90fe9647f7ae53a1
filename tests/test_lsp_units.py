"""Laws of the language server's pieces, without a client: position conversion, the names
under the cursor, and rename (which must keep the map the same up to the new name)."""

from __future__ import annotations

import re

from hypothesis import assume, given
from hypothesis import strategies as st
from lsprotocol import types

import argmap
from argmap.lsp import completion, rename
from argmap.lsp.document import Snapshot
from argmap.lsp.positions import LineIndex, line_of

UTF8, UTF16, UTF32 = (types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16,
                      types.PositionEncodingKind.Utf32)
LINE = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)), max_size=30)
UNITS = {UTF8: lambda s: len(s.encode("utf-8")), UTF16: lambda s: len(s.encode("utf-16-le")) // 2, UTF32: len}


@given(st.lists(LINE, min_size=1, max_size=4), st.data(), st.sampled_from([UTF8, UTF16, UTF32]))
def test_positions_count_code_units_and_round_trip(lines: list[str], data: st.DataObject, encoding: str) -> None:
    index = LineIndex("\n".join(lines), encoding)
    number = data.draw(st.integers(1, len(lines)))
    column = data.draw(st.integers(1, len(lines[number - 1]) + 1))
    position = index.to_lsp(number, column)
    assert position.line == number - 1
    assert position.character == UNITS[encoding](lines[number - 1][: column - 1])
    assert index.from_lsp(position) == (number, column)


def test_a_position_inside_a_surrogate_pair_moves_past_it() -> None:
    index = LineIndex("a😀b")
    assert index.from_lsp(types.Position(0, 2)) == (1, 3)  # between the two halves of the emoji
    assert index.from_lsp(types.Position(0, 99)) == (1, 4)  # past the end: clamped


def test_crlf_and_a_byte_order_mark() -> None:
    index = LineIndex("\ufeffab\r\ncd\rxy")
    assert index.lines == ["ab", "cd", "xy"]
    assert index.to_lsp(1, 1) == types.Position(0, 1)  # the client's text still has the BOM
    assert index.from_lsp(types.Position(0, 1)) == (1, 1)
    assert index.to_lsp(3, 2) == types.Position(2, 1)


BASE = """\
actor ana: Ana
[A]: First claim. @ana
  + [B]: Second claim.
    - [A]
[C]: Third.
  + [A]
"""


def _apply(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    lines = text.split("\n")
    for change in sorted(edit.changes[uri], key=lambda e: (e.range.start.line, e.range.start.character),
                         reverse=True):
        start, end = change.range.start, change.range.end
        assert start.line == end.line
        line = lines[start.line]
        lines[start.line] = line[: start.character] + change.new_text + line[end.character :]
    return "\n".join(lines)


TITLE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20)


@given(TITLE)
def test_rename_keeps_the_map_up_to_the_title(title: str) -> None:
    assume(title == " ".join(title.split()) and title and title not in ("A", "B", "C"))
    before = Snapshot("u", 1, BASE, None)
    edit = rename.rename(before, types.Position(1, 1), title)
    after = argmap.parse(_apply(BASE, edit, "u"))
    assert not after.diagnostics
    renamed = after.nodes[f"[{title}]"]
    assert "[A]" not in after.nodes and renamed.text == "First claim." and renamed.actors == ("ana",)
    assert len(renamed.references) == 2
    assert [(r.kind, r.source, r.target) for r in after.relations.values()] == [
        (r.kind, r.source.replace("[A]", f"[{title}]"), r.target.replace("[A]", f"[{title}]"))
        for r in before.map.relations.values()
    ]


def test_rename_refuses_an_empty_or_taken_name() -> None:
    snapshot = Snapshot("u", 1, BASE, None)
    for bad in ("", "  ", "B", "C", "two\nlines"):
        try:
            rename.rename(snapshot, types.Position(1, 1), bad)
        except rename.RenameRefused:
            continue
        raise AssertionError(f"renaming to {bad!r} was allowed")


def test_cursor_finds_the_name_under_it() -> None:
    snapshot = Snapshot("u", 1, BASE, None)
    assert snapshot.occurrence_at(types.Position(3, 6)).name == "[A]"  # "    - [A]"
    assert snapshot.occurrence_at(types.Position(1, 19)).name == "ana"  # "@ana"
    assert snapshot.occurrence_at(types.Position(0, 7)).is_definition  # "actor ana"
    assert snapshot.occurrence_at(types.Position(1, 8)) is None  # plain text


def test_completion_lists_are_cut_and_marked_incomplete() -> None:
    text = "".join(f"[Title {i}]: text {i}.\n" for i in range(completion.LIMIT + 50)) + "[Other]: x\n"
    m = argmap.parse(text)
    wide = completion.complete(m, "  + [Ti", types.Position(7, 7))
    assert wide.is_incomplete and len(wide.items) == completion.LIMIT
    assert all(item.text_edit.range.start == types.Position(7, 5) for item in wide.items)
    narrow = completion.complete(m, "  + [Oth", types.Position(8, 8))
    assert not narrow.is_incomplete and [i.label for i in narrow.items] == ["Other"]
    assert narrow.items[0].text_edit.new_text == "Other]"


@given(st.lists(LINE, max_size=5), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(), st.integers(0, 6))
def test_line_of_finds_the_clients_line(lines: list[str], newline: str, bom: bool, number: int) -> None:
    text = ("\ufeff" if bom else "") + newline.join(lines)
    expected = LineIndex(text).client_line(number + 1)
    assert line_of(text, number) == expected


@given(st.text(max_size=30))
def test_trigger_reports_what_was_typed_after_the_sigil(prefix: str) -> None:
    found = completion.trigger(prefix)
    if found is not None:
        kind, typed = found
        assert prefix.endswith(typed)
        sigil = prefix[len(prefix) - len(typed) - 1]
        assert sigil == {"actor": "@", "source": "^", "tag": "#", "claim": "[", "argument": "<"}[kind]


def test_completing_a_tag_of_several_words() -> None:
    m = argmap.parse("[A]: a #(energy security) #law\n")
    line = "[B]: b #(ener"
    (item,) = completion.complete(m, line, types.Position(1, len(line))).items
    edit = item.text_edit
    assert item.label == "energy security" and (edit.range.start.character, edit.range.end.character) == (8, 13)
    assert line[:8] + edit.new_text == "[B]: b #(energy security)"


def test_a_bad_debounce_is_a_usage_error(capsys) -> None:  # noqa: ANN001 - pytest fixture
    from argmap.cli import main

    assert main(["lsp", "--debounce", "-1"]) == 2
    assert "--debounce must be between 0 and 10" in capsys.readouterr().err


def test_a_very_deep_map_gives_an_outline_of_bounded_depth() -> None:
    from argmap.lsp.symbols import MAX_DEPTH, document_symbols

    text = "[N0]: x\n" + "".join("  " * i + f"+ [N{i}]: x\n" for i in range(1, 300))
    outline = document_symbols(Snapshot("u", 1, text, None))
    depth, symbol = 0, outline[0]
    while symbol.children:
        depth, symbol = depth + 1, symbol.children[0]
    assert depth == MAX_DEPTH
    assert len(symbol.children) == 0 and len(outline[0].children) == 1
    flat = []
    stack = list(outline)
    while stack:
        node = stack.pop()
        flat.append(node.name)
        stack.extend(node.children)
    assert sorted(flat) == sorted(f"N{i}" for i in range(300))  # nothing lost


def test_hover_says_why_without_a_server() -> None:
    from argmap.lsp.hover import hover

    text = "[T]: t\n  - [A]: a\n"
    value = hover(Snapshot("u", 1, text, None), types.Position(0, 1)).contents.value
    assert value.endswith(r"**why**: out: attacked by \[A\], which is in")
    big = "".join(f"[N{i}]: n\n" for i in range(3001))  # past ANALYSIS_LIMIT: no analysis, no why
    assert "why" not in hover(Snapshot("u", 1, big, None), types.Position(0, 1)).contents.value


def test_hover_shows_map_text_as_text_not_markup() -> None:
    from argmap.lsp.hover import hover

    text = "[T]: <img src=x onerror=alert(1)> **bold** [link](http://x) &amp; `code`\n"
    result = hover(Snapshot("u", 1, text, None), types.Position(0, 1))
    shown = result.contents.value.split("\n")[2]  # the node's text
    assert re.findall(r"\\(.)", shown) == [c for c in text[5:-1] if c in "<>*[]&`"]
    assert re.sub(r"\\(.)", r"\1", shown) == text[5:-1]  # nothing else changed


_LINE_OPENINGS = ["", "-", "- ", "* ", "+ ", "1. ", "2) ", "# ", "=", "---", "> ", "```", "~~~", "<b>", "[x]: y"]
_PROSE_LINE = st.builds(lambda opening, rest: opening + rest, st.sampled_from(_LINE_OPENINGS),
                        st.text(st.sampled_from("ab 1.)-+#=*_`[]()<>&|~!\\:"), max_size=10)).filter(str.strip)


@given(st.lists(_PROSE_LINE, min_size=1, max_size=4), st.booleans())
def test_hover_markdown_reads_back_as_the_map_text(lines: list[str], starts_line: bool) -> None:
    """Whatever the text, a Markdown renderer shows it as written: one paragraph of plain text
    (its lines joined by hard breaks), no markup of its own."""
    from markdown_it import MarkdownIt

    from argmap.lsp.hover import _escape

    text = "\n".join(line.strip() for line in lines)
    lead = "" if starts_line else "said: "
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(
        lead + _escape(text, starts_line).replace("\n", "  \n"))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    shown = tokens[1].children
    assert {t.type for t in shown} <= {"text", "hardbreak"}
    assert "".join("\n" if t.type == "hardbreak" else t.content for t in shown) == lead + text


def test_hover_leaves_prose_punctuation_alone() -> None:
    """A client that shows the Markdown as it is (Neovim 0.7, eglot without markdown-mode)
    shows a sentence without backslashes; only what would start markup is escaped."""
    from argmap.lsp.hover import _escape

    assert _escape("Ukraine (and NATO) is well-known, e.g. #1 + 2 = 3!") == \
        "Ukraine (and NATO) is well-known, e.g. #1 + 2 = 3!"
    assert _escape("# not a heading\n- not a list\n1. nor this", starts_line=True) == \
        "\\# not a heading\n\\- not a list\n1\\. nor this"


def test_a_client_that_reads_no_markdown_gets_the_hover_as_plain_text() -> None:
    """eglot without markdown-mode asks for plain text (hover.contentFormat): the hover then
    has none of its Markdown, and the map's text is as written, escapes undone."""
    from argmap.lsp.hover import hover, reads_markdown

    text = "[T]: 1. Fire *now* `x` \\\\ -b\n  more @a\n  - [A]: a\nactor a: Ann\n"
    plain = hover(Snapshot("u", 1, text, None), types.Position(0, 1), markdown=False).contents
    assert plain.kind == types.MarkupKind.PlainText
    written = argmap.parse(text).nodes["[T]"].text  # `\\\\` in the file is one backslash
    assert "\\" in written and "\n" in written
    assert plain.value.startswith(f"T — claim\n\n{written}\n\nsaid by Ann (@a)\n\n")
    assert plain.value.endswith("why: out: attacked by [A], which is in")

    def client(formats: list | None) -> types.ClientCapabilities:
        return types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=formats)))

    assert not reads_markdown(client([types.MarkupKind.PlainText]))  # eglot 1.9, no markdown-mode
    assert reads_markdown(client([types.MarkupKind.Markdown, types.MarkupKind.PlainText]))  # Neovim
    assert reads_markdown(client(None)) and reads_markdown(types.ClientCapabilities())  # says nothing

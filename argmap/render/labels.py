r"""HTML-like labels for Graphviz: every piece of map text is escaped, wrapped and kept literal.

Graphviz HTML labels are XML: text that reaches them must have `& < > " '` escaped and no
control characters. Nothing written in a map can open a tag, close the label or end the DOT
string, because every string passes through `escape_html` before it is placed in markup, or
`escape_attribute` before it becomes a quoted attribute (tooltips).

Backslashes: Graphviz reads `\N`, `\G`, `\l`... as escapes in attributes (and graphviz-pure
also in HTML text), each with its own rules. A zero-width space after every backslash makes
every backslash literal in both programs, invisible in the drawing.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from .statements import Html

#: characters XML 1.0 does not allow (and Graphviz rejects) in text: controls, surrogates, U+FFFE/F
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_ZERO_WIDTH_SPACE = "\u200b"
#: the font size of node text; no text of a drawing is smaller than SMALL_SIZE (tags, footnote
#: markers, badges, the legend), so that a drawing shrunk to a page keeps all its text readable
BODY_SIZE = 11
SMALL_SIZE = 10
#: a title's words up to this long are never cut, whatever the wrap width: the line widens
WHOLE_WORD = 20


def _one_line(text: str) -> str:
    """Control characters dropped, every run of white space (newlines too) one space."""
    if not (text.isascii() and text.isprintable()):  # the common case needs no regex
        text = _CONTROL.sub("", text)
    return " ".join(text.split())


def _markup_safe(text: str) -> str:
    """Text already on one line (or lines joined by newlines) with markup and backslashes inert."""
    return html.escape(text, quote=True).replace("\\", "\\" + _ZERO_WIDTH_SPACE)


def escape_html(text: str) -> str:
    """Map text as literal one-line HTML-label text: markup escaped, backslashes made inert."""
    return _markup_safe(_one_line(text))


def escape_attribute(text: str) -> str:
    """Map text as a literal DOT string value (for tooltips); `statements.quote` adds quotes."""
    # Graphviz passes an entity (`&amp;`) through to SVG as is, so `&` itself must be one
    inert = _one_line(text).replace("&", "&amp;").replace("\\", "\\\\" + _ZERO_WIDTH_SPACE)
    return inert or " "


@lru_cache(maxsize=64)
def _chunk(width: int) -> re.Pattern[str]:
    """Up to `width` characters ending at a word's end; else `width` characters of one word."""
    return re.compile(rf"\S(?:.{{0,{width - 2}}}\S)?(?=\s|$)|\S{{{width}}}")


def wrap_lines(text: str, width: int) -> list[str]:
    """Wrap `text` to `width` columns, greedily; the author's line breaks become spaces.

    A word longer than the width is cut into pieces (a URL must not widen a node for ever).
    """
    return _chunk(max(8, width)).findall(_one_line(text))


def title_lines(title: str, width: int) -> list[str]:
    """`title` wrapped at `width` columns, or wider to keep its longest word (up to WHOLE_WORD) whole."""
    longest = max((len(word) for word in _one_line(title).split()), default=0)
    return wrap_lines(title, max(width, min(longest, WHOLE_WORD)))


def _pack(words: list[str], width: int) -> list[list[str]]:
    """Whole words (tags) into lines of at most `width` columns (a longer word on its own line)."""
    lines: list[list[str]] = []
    used = 0
    for word in words:
        if lines and used + 2 + len(word) <= width:
            lines[-1].append(word)
            used += 2 + len(word)
        else:
            lines.append([word])
            used = len(word)
    return lines


def left_lines(lines: list[str]) -> str:
    """Lines from `wrap_lines`, escaped and joined with line breaks (the cell's BALIGN aligns them)."""
    return _markup_safe("\n".join(lines)).replace("\n", "<BR/>")


def small(text_html: str, color: str, *, italic: bool = False, size: int = SMALL_SIZE) -> str:
    """Already-escaped HTML wrapped in a small coloured font (for markers, tags, badges)."""
    inner = f"<I>{text_html}</I>" if italic else text_html
    return f'<FONT POINT-SIZE="{size}" COLOR="{color}">{inner}</FONT>'


def row(cell_html: str, align: str = "LEFT") -> str:
    """One table row holding one cell of already-escaped HTML."""
    return f'<TR><TD ALIGN="{align}" BALIGN="{align}">{cell_html}</TD></TR>'


def table(rows: list[str]) -> Html:
    """Rows in an invisible table: the whole HTML label."""
    return Html('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(rows) + "</TABLE>")


def node_label(
    title: str | None,
    text: str,
    *,
    wrap: int,
    show_text: bool = True,
    markers: str = "",
    tags: tuple[str, ...] = (),
    extra_rows: tuple[str, ...] = (),
    subtitle: str = "",
    body_rows: tuple[str, ...] = (),
) -> Html:
    """The HTML label of a node: bold title (and `subtitle`) above wrapped text, then
    `body_rows`, tags and extras.

    `markers`, `subtitle`, `body_rows` and `extra_rows` are HTML produced by argmap itself
    (footnote markers, a scheme badge, a reconstruction, overlay rows); `title`, `text` and
    `tags` are map text and are escaped here.
    """
    rows: list[str] = []
    if title is not None:
        rows.append(row("<B>" + left_lines(title_lines(title, wrap)) + "</B>", "CENTER"))
    if subtitle:
        rows.append(row(subtitle, "CENTER"))
    body = wrap_lines(text, wrap) if (show_text or title is None) else []
    if body or markers:
        text_html = left_lines(body)
        if markers:
            text_html += (" " if body else "") + markers
        rows.append(row(text_html))
    rows.extend(body_rows)
    if tags:
        shown = "<BR/>".join("  ".join(map(escape_html, line)) for line in _pack(
            ["#" + (f"({tag})" if " " in tag else tag) for tag in tags], wrap))
        rows.append(row(small(shown, "#8a8a8a", italic=True)))
    rows.extend(extra_rows)
    return table(rows or [row(" ")])

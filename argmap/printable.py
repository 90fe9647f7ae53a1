"""Map text is data: a control character in it is shown escaped, never sent to a terminal.

`visible(text)` is what every human-readable output (diagnostics, analysis tables, the TUI,
LSP hover) prints of text that came from a file: C0 control characters other than tab and
line feed, DEL and the C1 characters (U+0080-U+009F) become `\\x1b`-style escapes, so an
escape sequence in a title (`\\x1b[2J`, an OSC 52 clipboard write, an OSC 8 hyperlink) cannot
clear the screen, write the clipboard or make a link. `control_characters` is the language's
refusal of them in source (code `control-character`).
"""

from __future__ import annotations

import re

from .errors import Diagnostic, Span

#: C0 but tab and line feed, DEL, C1 (carriage returns are line breaks to the reader)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: the same, line feeds included: for one-line outputs (a table cell, a status line)
CONTROL_OR_NEWLINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def visible(text: str, *, newlines: bool = True) -> str:
    """`text` with every control character (see CONTROL) written as `\\xNN`; with
    `newlines=False` line feeds too, for output that must stay on one line."""
    pattern = CONTROL if newlines else CONTROL_OR_NEWLINE
    return pattern.sub(_escaped, text) if pattern.search(text) else text


def name_of(char: str) -> str:
    """How a message names a control character: `\\x1b` for C0 and DEL, `U+009B` for C1."""
    code = ord(char)
    return f"U+{code:04X}" if 0x80 <= code <= 0x9F else f"\\x{code:02x}"


def control_characters(text: str, path: str | None) -> list[Diagnostic]:
    """A `control-character` error at each control character of `text` (newlines normalized:
    positions count lines at LF and columns in characters, as the reader does)."""
    found: list[Diagnostic] = []
    if CONTROL.search(text) is None:
        return found
    line, line_start = 1, 0
    position = 0
    for match in CONTROL.finditer(text):
        start = match.start()
        line += text.count("\n", position, start)
        newline = text.rfind("\n", 0, start)
        line_start = newline + 1
        position = start
        column = start - line_start + 1
        char = match.group()
        found.append(Diagnostic(
            code="control-character",
            message=f"control character {name_of(char)} in the text",
            span=Span(path, line, column, line, column + 1),
            hint="remove it: map text may hold tabs and line breaks, no other control characters",
        ))
        if len(found) >= 100:  # one file full of them says enough with the first hundred
            break
    return found


def refuse_control_characters(text: str, path: str | None) -> None:
    """Raise ImportFailed, with a `control-character` finding at each place, if a foreign file
    holds control characters: what an importer makes of it must read back as .argmap text,
    which refuses them."""
    found = control_characters(text.replace("\r\n", "\n").replace("\r", "\n"), path)
    if found:
        from .errors import ImportFailed

        raise ImportFailed(f"{found[0].span}: {found[0].message}", tuple(found))

"""Map text is data: a control character in it is shown escaped, never sent to a terminal.

`visible(text)` is what every human-readable output (diagnostics, analysis tables, the TUI,
LSP hover) prints of text that came from a file: C0 control characters other than tab and
line feed, DEL and the C1 characters (U+0080-U+009F) become `\\x1b`-style escapes, so an
escape sequence in a title (`\\x1b[2J`, an OSC 52 clipboard write, an OSC 8 hyperlink) cannot
clear the screen, write the clipboard or make a link. The bidirectional embedding, override
and isolate controls (U+202A-U+202E, U+2066-U+2069) are shown as `\u202e`-style escapes too:
they reorder how a line is displayed and can make it read as something it does not say
("Trojan Source"). `control_characters` is the language's refusal of control characters in
source (code `control-character`, an error) and its warning at a bidirectional control
(`bidi-control`).
"""

from __future__ import annotations

import re

from .errors import Diagnostic, Severity, Span

#: C0 but tab and line feed, DEL, C1 (carriage returns are line breaks to the reader)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: the bidirectional embeddings, overrides and isolates: they reorder what a terminal shows
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: what `visible` escapes: control characters and bidirectional controls
_SHOWN_ESCAPED = re.compile(f"{CONTROL.pattern}|{BIDI.pattern}")
#: the same, line feeds included: for one-line outputs (a table cell, a status line)
_SHOWN_ESCAPED_ON_ONE_LINE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f]|{BIDI.pattern}")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = True) -> str:
    """`text` with every control character (see CONTROL) written as `\\xNN` and every
    bidirectional control (BIDI) as `\\uNNNN`; with `newlines=False` line feeds too, for
    output that must stay on one line."""
    pattern = _SHOWN_ESCAPED if newlines else _SHOWN_ESCAPED_ON_ONE_LINE
    return pattern.sub(_escaped, text) if pattern.search(text) else text


def name_of(char: str) -> str:
    """How a message names a control character: `\\x1b` for C0 and DEL, `U+009B` for C1 and
    the bidirectional controls."""
    code = ord(char)
    return f"U+{code:04X}" if code >= 0x80 else f"\\x{code:02x}"


def control_characters(text: str, path: str | None) -> list[Diagnostic]:
    """A `control-character` error at each control character of `text`, a `bidi-control`
    warning at each bidirectional control (newlines normalized: positions count lines at LF and
    columns in characters, as the reader does)."""
    found: list[Diagnostic] = []
    if _SHOWN_ESCAPED.search(text) is None:
        return found
    line, line_start = 1, 0
    position = 0
    for match in _SHOWN_ESCAPED.finditer(text):
        start = match.start()
        line += text.count("\n", position, start)
        newline = text.rfind("\n", 0, start)
        line_start = newline + 1
        position = start
        column = start - line_start + 1
        char = match.group()
        span = Span(path, line, column, line, column + 1)
        if BIDI.match(char):
            found.append(Diagnostic(
                code="bidi-control", message=f"bidirectional control {name_of(char)} in the text: it reorders "
                "how the line is shown, which can hide what it says", span=span, severity=Severity.WARNING,
                hint="remove it unless the text needs it (right-to-left text rarely does)"))
            continue
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
    found = [d for d in control_characters(text.replace("\r\n", "\n").replace("\r", "\n"), path) if d.is_error]
    if found:
        from .errors import ImportFailed

        raise ImportFailed(f"{found[0].span}: {found[0].message}", tuple(found))

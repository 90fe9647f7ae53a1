"""Lark's parse errors → diagnostics a newcomer understands (a stable code, a message, a hint).

Like lark's `match_examples`, but keyed on what the parser saw and what it expected, which is
stable under grammar changes and cheap.
"""

from __future__ import annotations

from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)

from ...errors import Diagnostic, Span

_ANNOTATIONS = {"ANNOTATIONS"}
_META_INSIDE = {"KEY", "_COMMA", "_RBRACE", "STRING", "NUMBER", "BOOL", "BARE", "_LSQB", "_RSQB"}
_TEXTLIKE = {"TEXT", "LABEL", "KEY", "BARE", "NUMBER", "BOOL", "TITLE", "ARG_TITLE", "STRING",
             "TITLE_DEF", "ARG_TITLE_DEF"}

_TOKEN_NAMES = {
    "_NL": "the end of the line",
    "$END": "the end of the line",
    "TEXT": "text",
    "TITLE_DEF": "a [Title]:",
    "ARG_TITLE_DEF": "an <Argument title>:",
    "META": "a {metadata} block",
    "ANNOTATIONS": "annotations",
    "EVIDENCE_COLON": "'evidence:'",
    "QUESTION_COLON": "'question:'",
    "LABEL": "text",
    "TITLE": "a [Title]",
    "ARG_TITLE": "an <Argument title>",
    "MARKER": "a relation marker",
    "STATEMENT": "a statement number '(1)'",
    "INFERENCE": "an inference line '--'",
    "RULE": "an inference rule's name",
    "REFS": "an annotation (@actor, ^source or #tag)",
    "LBRACE": "'{'",
    "_RBRACE": "'}'",
    "_COLON": "':'",
    "_COMMA": "','",
    "KEY": "a metadata key",
    "COMMENT": "a comment",
}


def _name(token_type: str) -> str:
    return _TOKEN_NAMES.get(token_type, token_type.strip("_").lower())


def _previous_type(exc: UnexpectedToken) -> str | None:
    """The type of the token before the unexpected one, where Lark tells it."""
    history = getattr(exc, "token_history", None)
    if history and history[-1] is not None:
        return getattr(history[-1], "type", None)
    stack = getattr(getattr(exc, "state", None), "value_stack", None)
    last = stack[-1] if stack else None
    return getattr(last, "type", None)


def repaired(exc: UnexpectedInput, text: str) -> str | None:
    """The line as its writer most likely meant it, to be read in its place after the error is
    reported (so the lines that use its title or its annotations report nothing more); None
    when no repair is sure. Today one: a title without its colon, `[T] text` → `[T]: text`
    (and `[T] @a` → `[T]:@a`, which nesting.py reads as the reference `[T]` with `@a`)."""
    if not isinstance(exc, UnexpectedToken) or _previous_type(exc) not in ("TITLE", "ARG_TITLE"):
        return None
    if exc.token.type not in _TEXTLIKE | _ANNOTATIONS:
        return None
    at = exc.token.start_pos
    if not isinstance(at, int) or not 0 < at <= len(text):
        return None
    head = text[:at].rstrip(" \t")
    blanks = text[len(head):at]
    # the colon takes the place of a blank, so every column after it stays where it was written
    return f"{head}:{blanks[1:]}{text[at:]}" if blanks else f"{head}:{text[at:]}"


def describe(exc: UnexpectedInput, text: str, first_line: int, path: str | None) -> Diagnostic:
    """A diagnostic for a parse error in the text Lark read from line `first_line` on;
    `text` is the line the error is on."""
    line = getattr(exc, "line", 1)
    line_no = first_line + (line - 1 if isinstance(line, int) and line > 0 else 0)
    column = getattr(exc, "column", len(text) + 1)
    if isinstance(exc, UnexpectedEOF) or column is None or column < 1:
        column = len(text) + 1
    code, message, hint, width = _classify(exc, text)
    if code == "unterminated-metadata":  # point at the brace that is never closed
        brace = text.rfind("{", 0, max(0, column - 1))
        column = brace + 1 if brace >= 0 else column
    end = column + max(1, width)
    return Diagnostic(code, message, Span(path, line_no, column, line_no, end), hint=hint)


def _classify(exc: UnexpectedInput, text: str) -> tuple[str, str, str, int]:
    expected = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        found = token.type
        value = str(token.value)
        width = len(value)
        previous_type = _previous_type(exc)
        if found in ("LBRACE", "META", "ANNOTATIONS") and value.startswith("{") and "}" not in text[token.column:]:
            return (
                "unterminated-metadata",
                "the metadata block '{' is not closed on this line",
                "close it with '}': {key: value, other: value}",
                1,
            )
        if found in _TEXTLIKE and (previous_type in _ANNOTATIONS or "ANNOTATIONS" in expected and "TEXT" not in expected):
            return (
                "text-after-annotation",
                f"text {value!r} after an annotation; annotations (@actor #tag ^source {{meta}}) end the line",
                "move the annotations to the end of the line, or escape the character (\\@, \\#, \\^) to write it as text",
                width,
            )
        in_meta = previous_type in ("KEY", "LBRACE", "_COMMA", "_LSQB") or bool(expected & _META_INSIDE)
        if previous_type in ("TITLE", "ARG_TITLE") and found in _ANNOTATIONS:
            return (
                "missing-colon",
                f"a reference takes no annotations: {value!r} after the title",
                "put the annotations where the title is defined ('[Title]: text @actor'), "
                "or repeat the definition with the same text and add them there",
                width,
            )
        if previous_type in ("TITLE", "ARG_TITLE") and found in _TEXTLIKE:
            return (
                "missing-colon",
                f"expected ':' after the title, found {value!r}",
                "a definition is '[Title]: text'; a reference is '[Title]' alone on its line",
                width,
            )
        if expected & _META_INSIDE and found in ("$END", "_NL"):
            return (
                "unterminated-metadata",
                "the metadata block '{' is not closed on this line",
                "close it with '}': {key: value, other: value}",
                1,
            )
        if in_meta:
            return (
                "bad-metadata",
                f"unexpected {value!r} in a metadata block",
                "write metadata as {key: value, other: \"quoted text\"}; keys are letters, digits, '_' and '-'",
                width,
            )
        if previous_type == "STATEMENT":
            return (
                "empty-statement",
                "a numbered statement needs a claim after its number",
                "write the statement after the number and one space: '(1) [Title]: text', '(2) plain text' "
                "or '(3) [Title]' to use a claim defined elsewhere",
                width,
            )
        if previous_type == "MARKER" or (found in ("$END", "_NL") and "META" in expected):
            return (
                "missing-node",
                "a relation marker needs a node after it",
                "write the node after the marker and one space: '+ [Title]: text' or '- plain text'",
                width,
            )
        return (
            "syntax-error",
            f"unexpected {value!r}" if found not in ("$END", "_NL") else "unexpected end of the line",
            "expected " + ", ".join(sorted({_name(e) for e in expected})[:6]) if expected else "",
            width,
        )
    if isinstance(exc, UnexpectedCharacters):
        char = text[exc.column - 1] if 0 < exc.column <= len(text) else "?"
        if char == "{" and "}" not in text[exc.column:]:
            return ("unterminated-metadata", "the metadata block '{' is not closed on this line",
                    "close it with '}': {key: value, other: value}", 1)
        if expected & _META_INSIDE:
            return (
                "bad-metadata",
                f"unexpected {char!r} in a metadata block",
                "write metadata as {key: value, other: \"quoted text\"}; quote values holding , { } [ ] or \"",
                1,
            )
        return (
            "syntax-error",
            f"unexpected character {char!r}",
            "escape it with a backslash if you mean it as text",
            1,
        )
    return ("syntax-error", "this line cannot be read", "", 1)

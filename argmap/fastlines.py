"""The fast path for the common lines, with Lark's parser as the reference and the fallback.

Most lines of a map are node lines (`[marker [{meta}]] head [text] [annotations] [// …]`),
comments or blank. For those, one regular expression built from the grammar's own terminals,
tried in the order Lark's contextual lexer tries them, gives the same tokens as Lark; the tokens
go through the same `LineBuilder` callbacks, so the `Line` records are the same too
(tests/test_fastlines.py holds the two equal). Any other line (declarations, sections,
annotation-only lines, anything unusual or wrong) is read by Lark itself, which also reports
its errors. Only the cost differs: one C-level match per line instead of a Python loop per token.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .grammar import parser

#: the terminals that can start a line's node, in Lark's order (priority, then width, then name)
_HEADS = ("EVIDENCE_COLON", "EVIDENCE_TITLED", "TITLE_DEF", "ARG_TITLE_DEF", "TITLE", "ARG_TITLE", "TEXT")
#: lines starting with one of these are left to Lark (they are not node lines)
_OTHER_STARTS = ("COMMENT", "SECTION", "ACTOR_DECL", "SOURCE_DECL", "INCLUDE", "ANNOTATIONS", "FRONT_MATTER")


class Tok(NamedTuple):
    """The attributes of a Lark token that `LineBuilder` reads."""

    type: str
    value: str
    line: int
    column: int


@functools.lru_cache(maxsize=1)
def _expressions() -> tuple[re.Pattern[str], tuple[tuple[str, int, int, int, int], ...]]:
    """The node-line expression, and per head: its name and the group numbers of the head,
    the evidence title, the text and the annotations (0: the head has none)."""
    terminals = {t.name: t.pattern.to_regexp() for t in parser().terminals}
    order = sorted((t for t in parser().terminals if t.name in _HEADS),
                   key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    heads = [t.name for t in order]
    assert set(heads) == set(_HEADS), heads

    def group(name: str, alias: str | None = None) -> str:
        return f"(?P<{alias or name}>{terminals[name]})"

    # after a head token the line may go on with [title,] text, annotations; then a comment.
    # Group names say the role and the head: h_TEXT, x_TITLE_DEF (its text), a_… (annotations)
    tails = {
        "EVIDENCE_COLON": "x a", "TITLE_DEF": "x a", "ARG_TITLE_DEF": "x a", "TEXT": "a",
        "TITLE": "", "ARG_TITLE": "", "EVIDENCE_TITLED": "T x a",
    }
    roles = {"T": "TITLE_DEF", "x": "TEXT", "a": "ANNOTATIONS"}
    alternatives = []
    for head in heads:
        parts = [group(head, f"h_{head}")]
        for role in tails[head].split():
            part = group(roles[role], f"{role}_{head}")
            parts.append(part if role == "T" else f"{part}?")
        alternatives.append("".join(parts))
    other = "|".join(terminals[name] for name in _OTHER_STARTS)
    node_line = re.compile(
        rf"[ \t]*+(?!{other})"  # declarations, sections, annotation lines …: Lark reads them
        + f"(?:{group('MARKER', 'marker')}{group('META', 'meta')}?+)?+"  # possessive: as Lark commits
        + "(?>" + "|".join(alternatives) + ")"
        + f"{group('COMMENT', 'comment')}?\\Z"
    )
    index = node_line.groupindex
    layout = tuple(
        (head, index[f"h_{head}"], *(index.get(f"{role}_{head}", 0) for role in "Txa")) for head in heads
    )
    return node_line, layout


_NODE_RULES = {"EVIDENCE_COLON": "evidence", "EVIDENCE_TITLED": "evidence", "TITLE_DEF": "claim",
               "ARG_TITLE_DEF": "argument", "TITLE": "claim_ref", "ARG_TITLE": "argument_ref", "TEXT": "plain"}


def _token(match: re.Match[str], group: int, kind: str, line_no: int) -> Tok | None:
    value = match.group(group) if group else None
    return None if value is None else Tok(kind, value, line_no, match.start(group) + 1)


def fast_line(builder, text: str, line_no: int):  # noqa: ANN001, ANN201 - LineBuilder → Line | None
    """The `Line` for one line of text if it is a common line, else None (ask Lark)."""
    node_line, layout = _expressions()
    stripped = text.lstrip(" \t")
    if stripped.startswith("//"):
        return builder.comment_line([Tok("COMMENT", stripped, line_no, len(text) - len(stripped) + 1)])
    match = node_line.match(text)
    if match is None:
        return None
    head, h, t, x, a = next(entry for entry in layout if match.start(entry[1]) >= 0)
    first = Tok(head, match.group(h), line_no, match.start(h) + 1)
    text_tok, annotations = _token(match, x, "TEXT", line_no), _token(match, a, "ANNOTATIONS", line_no)
    rule = getattr(builder, _NODE_RULES[head])
    if head in ("TITLE", "ARG_TITLE"):
        node = rule([first])
    elif head == "TEXT":
        node = rule([first, annotations])
    elif head == "EVIDENCE_TITLED":
        node = rule([first, _token(match, t, "TITLE_DEF", line_no), text_tok, annotations])
    else:
        node = rule([first, text_tok, annotations])
    comment = _token(match, match.re.groupindex["comment"], "COMMENT", line_no)
    marker = _token(match, match.re.groupindex["marker"], "MARKER", line_no)
    if marker is not None:
        meta = _token(match, match.re.groupindex["meta"], "META", line_no)
        return builder.child_line([marker, meta, node, comment])
    return builder.node_line([node, comment])

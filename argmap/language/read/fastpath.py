"""The fast path for the common lines, with Lark's parser as the reference and the fallback.

Most lines of a map are node lines (`[marker [{meta}]] head [text] [annotations] [// …]`),
comments or blank; most others are section headings (`# Title // …`) and actor and source
declarations (`actor id: Name {meta}`, `source id: "citation" {meta}`). For those, regular
expressions built from the grammar's own terminals and rules (as derived into _derived.py, so
that no Lark is loaded), tried in the order Lark's contextual lexer tries them, give the same
tokens as Lark; they go through the same functions as Lark's tokens do (`node_line`,
`child_line`, `section_line`, `declaration_line` in lines.py), so the `Line` records are the
same too (tests/test_read_fastpath.py holds the two equal). Any other line (include and
annotation-only lines, anything unusual or wrong) is read by Lark itself (lark_lines.py), which
also reports its errors. Only the cost differs: one C-level match per line instead of a Python
loop per token.
"""

from __future__ import annotations

import functools
import re

from ..portable_regex import portable
from .lines import Line, child_line, declaration_line, inference_line, node_line, section_line, statement_line
from .tables import RULES, TERMINALS, in_lexer_order

#: the terminals whose token is a node's title (`[Title]`, `<Title>`), the role of each part
#: that may follow a node's head (grammars/argmap.lark, rule `node`)
_TITLES = frozenset({"TITLE_DEF", "ARG_TITLE_DEF", "TITLE", "ARG_TITLE"})
_ROLES = {"TITLE_DEF": "T", "TEXT": "x", "ANNOTATIONS": "a"}


def node_heads() -> dict[str, tuple[str, tuple[str, ...]]]:
    """The terminals that can start a line's node, in Lark's order: each with the node rule
    it starts and the parts that may follow it (the grammar's rule `node`)."""
    alternatives = {symbols[0]: (alias, symbols[1:]) for alias, symbols in RULES["node"]}
    return {head: alternatives[head] for head in in_lexer_order(alternatives)}


def other_starts() -> list[str]:
    """The terminals that start a line that is not a node line (rule `line`: declarations,
    sections, annotation lines …; not the MARKER of a child line)."""
    nodes = {"node", "MARKER", "STATEMENT"}
    return in_lexer_order({symbols[0] for _, symbols in RULES["line"] if symbols[0] not in nodes})


@functools.lru_cache(maxsize=1)
def _expressions() -> tuple[re.Pattern[str], tuple[tuple[int, str, int, int, int], ...], dict[int, tuple],
                            tuple[int, int, int, int]]:
    """The node-line expression; per head (in Lark's order): the group number of the head,
    its node rule, and the group numbers of the title, text and annotations that follow it
    (-1: the title is the head itself, 0: none); the same by each of those group numbers; the
    groups of the marker, meta, comment and statement number."""
    terminals = TERMINALS
    heads = node_heads()

    def group(name: str, alias: str | None = None) -> str:
        return f"(?P<{alias or name}>{terminals[name]})"

    # after a head token the line may go on with [title,] text, annotations; then a comment.
    # Group names say the role and the head: h_TEXT, x_TITLE_DEF (its text), a_… (annotations)
    alternatives = []
    for head, (_, tail) in heads.items():
        # every part after the head is optional, so that once a head matches, its alternative
        # does, and the atomic group commits to it as Lark's lexer does (a required part that
        # fails would let the next alternative read `evidence[A]` as text; see fast_line)
        parts = [group(head, f"h_{head}")] + [f"{group(part, f'{_ROLES[part]}_{head}')}?" for part in tail]
        alternatives.append("".join(parts))
    other = "|".join(terminals[name] for name in other_starts())
    expression = re.compile(portable(
        rf"[ \t]*+(?!{other})"  # declarations, sections, annotation lines …: Lark reads them
        + f"(?:{group('MARKER', 'marker')}{group('META', 'meta')}?+|{group('STATEMENT', 'number')})?+"  # possessive: as Lark commits
        + "(?>" + "|".join(alternatives) + ")"
        + f"{group('COMMENT', 'comment')}?\\Z"
    ))
    index = expression.groupindex
    layout = tuple(
        (index[f"h_{head}"], rule, -1 if head in _TITLES else index.get(f"T_{head}", 0),
         index.get(f"x_{head}", 0), index.get(f"a_{head}", 0))
        for head, (rule, _) in heads.items()
    )
    # the last group a line matched names its head (unless it is the comment): no search
    by_last_group = {group: entry for entry in layout for group in (entry[0], *entry[2:]) if group > 0}
    return expression, layout, by_last_group, (index["marker"], index["meta"], index["comment"], index["number"])


#: the other lines that take a fast path: rules of `line` whose parts after the head are all
#: terminals and all optional (`[…]`; tests/test_read_fastpath.py checks)
DECLARATIONS = ("section_line", "actor_line", "source_line", "inference_line")


@functools.lru_cache(maxsize=1)
def _declarations() -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """The expression of the `DECLARATIONS` lines, and each one's (head, rule).

    Each part is read as Lark's contextual lexer reads it: at each place, the terminals the
    parser accepts there (this part's and those of the optional parts after it), tried in
    Lark's order in an atomic group; where a later part's terminal comes first, this part is
    absent (a lookahead). The head is tried only where no terminal Lark tries before it matches.
    """
    line_starts = {symbols[0] for _, symbols in (*RULES["line"], *RULES["node"])} - {"node"}
    starts = in_lexer_order(line_starts)
    alternatives, heads = [], []
    for rule in DECLARATIONS:
        expansions = [symbols for alias, symbols in RULES["line"] if alias == rule]
        head = expansions[0][0]
        parts = [set(symbols[i] for symbols in expansions if i < len(symbols))
                 for i in range(1, max(map(len, expansions)))]
        before = starts[:starts.index(head)]
        pieces = [f"(?!{'|'.join(TERMINALS[name] for name in before)})" if before else "",
                  f"(?P<{head}>{TERMINALS[head]})"]
        for i, names in enumerate(parts):
            accepted = in_lexer_order(names.union(*parts[i + 1:]))
            choices = [f"(?P<{name}_{head}>{TERMINALS[name]})" if name in names else f"(?={TERMINALS[name]})"
                       for name in accepted]
            pieces.append("(?>" + "|".join(choices) + ")?+")
        alternatives.append("".join(pieces))
        heads.append((head, rule))
    return re.compile(portable(r"[ \t]*+(?:" + "|".join(alternatives) + r")\Z")), tuple(heads)


def _declaration_line(text: str, line_no: int) -> Line | None:
    """The `Line` of a section heading or an actor or source declaration of the common forms
    (`DECLARATIONS`), else None (ask Lark)."""
    expression, heads = _declarations()
    match = expression.match(text)
    if match is None:
        return None
    found = match.groupdict()
    for head, rule in heads:
        value = found[head]
        if value is not None:
            break
    column = match.start(head) + 1
    if rule == "inference_line":
        line = inference_line(line_no, value, column, *_token(match, found, f"RULE_{head}"),
                              *_token(match, found, f"META_{head}"), *_token(match, found, f"INFERENCE_{head}"))
    elif rule == "section_line":
        line = section_line(line_no, value, column, found[f"LABEL_{head}"])
    else:
        quoted = found.get(f"STRING_{head}")
        label = quoted if quoted is not None else found[f"LABEL_{head}"]
        meta = found[f"META_{head}"]
        line = declaration_line(rule.removesuffix("_line"), line_no, value, column, label, quoted is not None,
                                meta, match.start(f"META_{head}") + 1 if meta is not None else 0)
    comment = found[f"COMMENT_{head}"]
    if comment is not None:
        line.comment = comment[2:]
    return line


def _token(match: re.Match[str], found: dict[str, str | None], name: str) -> tuple[str | None, int]:
    """A token's value (None if absent) and its column (0 if absent)."""
    value = found[name]
    return value, match.start(name) + 1 if value is not None else 0


_COMPILED: tuple = ()


def _compile() -> tuple:
    global _COMPILED
    _COMPILED = _expressions()
    return _COMPILED


def fast_line(text: str, line_no: int) -> Line | None:
    """The `Line` for one line of text if it is a common line, else None (ask Lark)."""
    expression, layout, by_last_group, (marker, meta, comment, number) = _COMPILED or _compile()
    if "//" in text:
        stripped = text.lstrip(" \t")
        if stripped[:2] == "//":
            column = len(text) - len(stripped) + 1
            return Line("comment", line_no, column, len(text) + 1, 0, stripped[2:])
    match = expression.match(text)
    if match is None:
        return _declaration_line(text, line_no)
    groups = match.groups()
    start = match.start
    found = by_last_group.get(match.lastindex)
    if found is not None:
        head, kind, title, body, annotations = found
        value = groups[head - 1]
    else:  # the line ends with a comment: find the head that matched
        for head, kind, title, body, annotations in layout:
            value = groups[head - 1]
            if value is not None:
                break
    head_column = start(head) + 1
    if title == -1:
        title_value, title_column = value, head_column
    elif title:
        title_value = groups[title - 1]
        if title_value is None:  # `evidence` / `question` then no `[Title]:`: Lark says
            return None
        title_column = start(title) + 1
    else:
        title_value, title_column = None, 0
    if kind == "plain":
        text_value, text_column = value, head_column
    else:
        text_value = groups[body - 1] if body else None
        text_column = start(body) + 1 if text_value is not None else 0
    annotation_value = groups[annotations - 1] if annotations else None
    line = node_line(kind, line_no, value, head_column, title_value, title_column, text_value, text_column,
                     annotation_value, start(annotations) + 1 if annotation_value is not None else 0)
    comment_value = groups[comment - 1]
    if comment_value is not None:
        line.comment = comment_value[2:]
    marker_value = groups[marker - 1]
    if marker_value is not None:
        meta_value = groups[meta - 1]
        return child_line(line, marker_value, start(marker) + 1, meta_value,
                          start(meta) + 1 if meta_value is not None else 0)
    number_value = groups[number - 1]
    if number_value is not None:
        return statement_line(line, number_value, start(number) + 1)
    return line

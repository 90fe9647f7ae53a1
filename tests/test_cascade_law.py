"""The law behind docs/format.md's "without cascading errors": one mistake, one message.

One mutation of one line of a valid map (a character inserted or deleted, a line duplicated or
deleted) gives findings on that line only, or findings the change logically implies elsewhere:

- at a line that names what the changed line names (a `[Title]`, `<Title>`, `@actor`, `^source`
  or a declared id, before or after the change): the references of a removed definition are
  undefined, an actor whose only use was removed is unused, a node now both supports and
  attacks another, and so on;
- at a line under the changed line, or at its next sibling, or naming a node defined under it,
  for the findings about what a relation line means to the lines under or after it (an undercut
  needs an inference above it, `&` joins the sibling above, `_>` needs an inference to undercut,
  a child relates to its parent, is indented one step deeper than it and like its siblings, a
  marker needs a parent): the changed line's relation or column changed, so theirs did;
- anywhere, for undefined names, when the changed line was an `include` (what it brought is gone).

A node's continuation and annotation lines are one construct with its first line: a finding
about the node (a bad `{score: …}` on an annotation line) is at the node.

Layout and syntax findings (indentation, markers, unreadable lines) are never implied: a line
out of place is reported there and nowhere else.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap

MAPS = Path(__file__).parent.parent / "maps"
CORPUS = {path.name: path.read_text(encoding="utf-8") for path in sorted(MAPS.glob("*.argmap"))}

#: findings about what a relation means to the lines under or after it
_RELATIONAL = {"undercut-without-inference", "co-premise-without-sibling", "empty-undercut", "self-relation",
               "support-and-attack", "repeated-relation", "question-as-reason", "indent-jump", "bad-dedent", "marker-without-parent"}
#: findings about an argument's premise-conclusion structure, which follow its numbered lines
_RECONSTRUCTION = {"unused-premise", "circular-reconstruction", "unbacked-relation", "unrelated-conclusion",
                   "statement-out-of-order", "uses-missing-statement", "uses-later-statement",
                   "inference-without-conclusion", "inference-without-premises", "reconstruction-without-inference",
                   "duplicate-reconstruction", "statement-outside-argument"}
_RELATIONAL |= _RECONSTRUCTION
_IN_RECONSTRUCTION = re.compile(r"[ \t]+(?:\(\d+\)|--)")


def _reconstruction(lines: list[str], at: int) -> set[int]:
    """The 1-based numbers of the lines of the argument whose premise-conclusion structure line
    `at` (0-based) is in, or is the argument line of (empty if neither)."""
    start = at
    if _IN_RECONSTRUCTION.match(lines[at]):
        start = at - 1
        while start >= 0 and not lines[start].lstrip().startswith("<"):
            start -= 1
        if start < 0:
            return set()
    elif not (lines[at].lstrip().startswith("<") and at + 1 < len(lines) and _IN_RECONSTRUCTION.match(lines[at + 1])):
        return set()
    return {start + 1} | _under(lines, start)


#: findings about critical questions and their answers, which follow the relations that give them
_ANSWERS = {"unanswered-critical-question", "answer-without-scheme", "unknown-critical-question"}
_CHILD = re.compile(r"[ \t]*(?:\+>|->|_>|<\+|<-|><|[-+_&=])(?:[ \t]|$)")
_NAMES = re.compile(r"\[(?:[^\]\\\n]|\\.)+\]|<(?:[^>\\\n]|\\.)+>|[@^][^\W\d][\w-]*|(?:actor|source)[ \t]+[A-Za-z_][\w-]*")
_MUTATIONS = (" ", "\t", "+", "-", "_", "&", "=", ">", "<", "[", "]", ":", "@", "#", "^", "{", "}", "/")


def _names(text: str) -> set[str]:
    """What a line names: its titles as written and its actor and source ids."""
    names = set()
    for found in _NAMES.findall(text):
        if found.startswith(("actor", "source")):
            found = found.split()[-1]
        names.add(found.lstrip("@^"))
    return names


def _findings(text: str, path: Path) -> list[tuple[str, int, str]]:
    m = argmap.parse(text, str(path))
    return [(d.code, d.span.line, d.message) for d in argmap.check(m)
            if d.span.path == str(path) and d.code != "expectation-failed"]


def _construct(lines: list[str], at: int) -> set[int]:
    """The 1-based numbers of the lines of the node line `at` (0-based) is part of: its first
    line and its continuation and annotation lines (indented, no marker)."""
    def continues(text: str) -> bool:
        return text[:1] in (" ", "\t") and not _CHILD.match(text) and not text.lstrip().startswith("//")

    first = at
    while continues(lines[first]) and first > 0:
        first -= 1
    last = at + 1
    while last < len(lines) and continues(lines[last]):
        last += 1
    return set(range(first + 1, last + 1))


def _under(lines: list[str], at: int) -> set[int]:
    """The 1-based numbers of the lines under line `at` (0-based) and of its next sibling."""
    depth = len(lines[at]) - len(lines[at].lstrip(" \t"))
    found: set[int] = set()
    for index in range(at + 1, len(lines)):
        text = lines[index]
        if not text.strip() or text.lstrip().startswith("//"):
            continue
        found.add(index + 1)
        if len(text) - len(text.lstrip(" \t")) <= depth:
            break
    return found


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, list[str], int, str]:
    """(map name, its lines, the 0-based line changed, the text after the change)."""
    name = draw(st.sampled_from(sorted(CORPUS)))
    lines = CORPUS[name].split("\n")
    at = draw(st.sampled_from([i for i, text in enumerate(lines) if text.strip() and not text.startswith("---")]))
    text = lines[at]
    kind = draw(st.sampled_from(["insert", "delete", "duplicate", "remove"]))
    if kind == "duplicate":
        return name, lines, at, text + "\n" + text
    if kind == "remove":
        return name, lines, at, ""
    where = draw(st.integers(0, len(text) - (kind == "delete")))
    if kind == "delete":
        return name, lines, at, text[:where] + text[where + 1:]
    return name, lines, at, text[:where] + draw(st.sampled_from(_MUTATIONS)) + text[where:]


def _cascades(name: str, lines: list[str], at: int, changed: str) -> list[tuple[str, int, str]]:
    """The findings of the changed map that the law does not allow."""
    path = MAPS / name
    before = {(code, line, message) for code, line, message in _findings(CORPUS[name], path)}
    after_lines = lines[:at] + [changed] + lines[at + 1:]
    after = _findings("\n".join(after_lines), path)
    shift = changed.count("\n")  # a duplicated line moves the lines below it down by one
    here = {n if n <= at + 1 else n + shift for n in _construct(lines, at)} | set(range(at + 1, at + 2 + shift))
    named = _names(lines[at]) | _names(changed)
    under = {n + shift for n in _under(lines, at)}
    under |= {n + shift if n > at + 1 else n for n in _reconstruction(lines, at)}
    if _CHILD.match(lines[at]) and not _CHILD.match(changed.split("\n")[-1]):
        # a child that lost its marker (or its place) may become a parent of its later siblings:
        # the rest of its parent's block is read anew
        depth = len(lines[at]) - len(lines[at].lstrip(" \t"))
        for index in range(at + 1, len(lines)):
            text = lines[index]
            if text.strip() and len(text) - len(text.lstrip(" \t")) < depth:
                break
            under.add(index + 1 + shift)
    for index, text in enumerate(lines):  # a line naming what the changed line defines: its children too
        if index != at and any(n in text for n in _names(lines[at])):
            under |= {n + shift if n > at + 1 else n for n in _under(lines, index)}
    if changed.startswith("#") or lines[at].startswith("#"):  # a heading made or unmade: its section's lines
        following = (n for n in range(at + 1, len(lines)) if lines[n].startswith("#"))
        under |= {n + 1 + shift for n in range(at + 1, next(following, len(lines)))}
    named_under = set().union(*(_names(lines[n - 1 - shift]) for n in under))
    included = lines[at].startswith("include")
    # the changed line holds an answer to a critical question (`{answers: CQn}`) or a scheme,
    # names an argument (which a scheme can be on), or names a node that answers: the questions
    # and answers of that argument may change
    answering = [line for line in (*lines, changed) if "answers:" in line]
    construct = [lines[n - 1] for n in _construct(lines, at) if 0 < n <= len(lines)] + [lines[at]]
    depth = len(lines[at]) - len(lines[at].lstrip(" \t"))
    parent = next((text for text in reversed(lines[:at])
                   if text.strip() and len(text) - len(text.lstrip(" \t")) < depth), None)
    construct += [parent] if parent is not None else []  # a premise moved: its argument's questions
    in_construct = set().union(named, *(_names(line) for line in construct))
    reopens = (any(key in line for key in ("answers:", "scheme:") for line in construct)
               or any(n.startswith("<") for n in in_construct)
               or any(n in line for n in in_construct for line in answering))
    allowed_moved = {(c, n + shift if n > at + 1 else n, msg) for c, n, msg in before}
    wrong = []
    for code, line, message in after:
        if (code, line, message) in allowed_moved or line in here:
            continue
        if any(n in message for n in named) or (code in _RELATIONAL and line in under):
            continue
        if code in _RELATIONAL and any(n in message for n in named_under):
            continue
        if included and code.startswith(("undefined", "unknown")):
            continue
        if code in _ANSWERS and (reopens or line in under or any(n in message for n in named_under)):
            continue
        wrong.append((code, line, message))
    return wrong


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_one_mutation_gives_findings_on_its_line_or_implied_ones(case: tuple[str, list[str], int, str]) -> None:
    name, lines, at, changed = case
    assert _cascades(name, lines, at, changed) == [], (name, at + 1, lines[at], changed)


def test_the_corpus_is_valid() -> None:
    """The law starts from maps without errors (warnings are allowed and stay where they were)."""
    for name, text in CORPUS.items():
        m = argmap.parse(text, str(MAPS / name))
        assert not [d for d in argmap.check(m) if d.severity.value == "error"], name

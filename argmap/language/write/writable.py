"""What the .argmap language can hold: every value a map carries, checked before it is written.

A line break (any character the language ends a line at), a control character, a metadata key
that is not `[A-Za-z_][\\w-]*` or an actor/source id that is not an identifier cannot be written
so that it reads back as itself: `unwritable(m)` lists each such value with the element's id,
and `format_map` refuses the map (`FormatRefused`) instead of writing a different one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ...model import Map, Meta, MetaValue

IDENT = re.compile(r"[A-Za-z_][\w-]*")
KEY = IDENT
#: control characters the language refuses (tab aside) and every character it ends a line at
_NOT_IN_LINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
#: the same, but a node's text may hold "\n" (continuation lines)
_NOT_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _bad_char(text: str, pattern: re.Pattern[str]) -> str | None:
    found = pattern.search(text)
    return None if found is None else repr(found.group())[1:-1]


def _line(what: str, text: object) -> Iterator[str]:
    if not isinstance(text, str):
        yield f"{what} is not text ({type(text).__name__})"
        return
    bad = _bad_char(text, _NOT_IN_LINE)
    if bad is not None:
        yield f"{what} holds {bad!r}, which a one-line value cannot hold"


def _value(what: str, value: MetaValue, depth: int = 0) -> Iterator[str]:
    if value is None or isinstance(value, (bool, int)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            yield f"{what} is {value}, not a finite number"
        return
    if isinstance(value, list):
        if depth > 0:
            yield f"{what} is a list inside a list"
            return
        for index, item in enumerate(value):
            yield from _value(f"{what}[{index}]", item, depth + 1)
        return
    yield from _line(what, value)


def _meta(where: str, meta: Meta) -> Iterator[str]:
    if not isinstance(meta, dict):
        yield f"{where}: metadata is not a mapping"
        return
    for key, value in meta.items():
        if not isinstance(key, str) or not KEY.fullmatch(key):
            yield f"{where}: metadata key {key!r} is not a key (a letter or _, then letters, digits, _ or -)"
            continue
        yield from (f"{where}: {p}" for p in _value(f"metadata {key!r}", value))


def _ident(where: str, what: str, ident: object) -> Iterator[str]:
    if not isinstance(ident, str) or not IDENT.fullmatch(ident):
        yield f"{where}: {what} {ident!r} is not an identifier (a letter or _, then letters, digits, _ or -)"


def unwritable(m: Map) -> Iterator[tuple[str, str]]:
    """(element id, problem) for every value of `m` the .argmap language cannot hold."""
    for problem in _meta("front matter", m.metadata):
        yield "metadata", problem
    for actor in m.actors.values():
        problems = [*_ident(actor.id, "actor id", actor.id), *_line("the actor's name", actor.name),
                    *_meta("the actor", actor.meta)]
        yield from ((actor.id, p) for p in problems)
    for source in m.sources.values():
        problems = [*_ident(source.id, "source id", source.id), *_line("the citation", source.citation),
                    *_meta("the source", source.meta)]
        yield from ((source.id, p) for p in problems)
    for section in m.sections.values():
        problems = list(_line("the section title", section.title))
        if not problems and not section.title.strip():
            problems.append("the section title is empty (a heading needs one)")
        yield from ((section.id, p) for p in problems)
    for node in m.nodes.values():
        problems: list[str] = []
        if node.title is not None:
            problems += _line("the title", node.title)
        if not isinstance(node.text, str):
            problems.append("the text is not text")
        else:
            bad = _bad_char(node.text, _NOT_IN_TEXT)
            if bad is not None:
                problems.append(f"the text holds {bad!r}, which the language cannot hold")
        for actor in node.actors:
            problems += _ident("", "actor", actor)
        for source in node.sources:
            problems += _ident("", "source", source)
        for tag in node.tags:
            if not isinstance(tag, str) or not tag.strip():
                problems.append(f"tag {tag!r} is empty")
            else:
                problems += _line(f"tag {tag!r}", tag)
        problems += _meta("", node.meta)
        yield from ((node.id, p.removeprefix(": ")) for p in problems)
    for relation in m.relations.values():
        yield from ((relation.id, p.removeprefix(": ")) for p in _meta("", relation.meta))
    if not m.document:  # a graph to lay out (an import): its relations must join what exists
        yield from _dangling(m)


def _dangling(m: Map) -> Iterator[tuple[str, str]]:
    relations = m.relations
    for rid, r in relations.items():
        if r.source not in m.nodes:
            yield rid, f"its source {r.source!r} is not a node"
        if r.target not in m.nodes and r.target not in relations:
            yield rid, f"its target {r.target!r} is neither a node nor a relation"
        seen, target = {rid}, r.target
        while target in relations:
            if target in seen:
                yield rid, f"its chain of undercut relations comes back to {target}"
                break
            seen.add(target)
            target = relations[target].target

"""Titles for untitled nodes that a writer must refer to.

Only a titled node can be referred to (`[Title]`, `<Title>`, in .argmap and in Argdown). A map
that has only a graph (an import from AIF or Argdown) can use an untitled node in more than one
place: the premise of two inferences, a co-premise, a conclusion with two outgoing relations.
A writer that must write such a node in a second place gives it a title first, made from its
text, and renames it everywhere (`with_titles`), so that every place refers to the one node.

A derived title is the first words of the node's text (from its first letter or digit on, other
characters than letters, digits and `' . , ? ! -` read as spaces), cut at a word boundary to at most
`MAX_TITLE` characters (a longer first word is cut), with ` (2)`, ` (3)`… added to keep it
unique among the titles of its namespace: `[…]` for claims, evidence (and every other
non-argument kind), `<…>` for arguments. The writer escapes it like any title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ...model import Map, NodeEntry, NodeKind, node_ref

_UNSAFE = re.compile(r"[^\w\s'.,?!-]|_")

#: the longest derived title, in characters (before a ` (2)` suffix)
MAX_TITLE = 40


def _namespace(kind: NodeKind) -> str:
    return "<" if kind is NodeKind.ARGUMENT else "["


def derive_title(text: str, taken: set[str], fallback: str = "untitled") -> str:
    """A title from the first words of `text`, not in `taken` (which it is added to)."""
    # from the first letter or digit on: a title that starts with `-`, `+`, `_` or `!` reads as
    # a relation marker or comment in some place of Argdown
    # and of letters, digits, spaces and `' . , ? ! -` only: a title is a label, and these
    # need no escape in any writer (Argdown's own reader is strict about the others)
    text = _UNSAFE.sub(" ", text)
    start = next((i for i, c in enumerate(text) if c.isalnum()), len(text))
    words = " ".join(text[start:].split()).split(" ")
    title = ""
    for word in words:
        candidate = f"{title} {word}" if title else word
        if len(candidate) > MAX_TITLE:
            break
        title = candidate
    if not title and words[0]:
        title = words[0][:MAX_TITLE]
    title = title.rstrip(",;: ").strip() or fallback
    unique, number = title, 2
    while unique in taken:
        unique = f"{title} ({number})"
        number += 1
    taken.add(unique)
    return unique


def titles_for(m: Map, node_ids: Iterable[str]) -> dict[str, str]:
    """old id -> new id (`[T]` / `<T>`) for the untitled nodes among `node_ids`, in map order."""
    wanted = set(node_ids)
    taken: dict[str, set[str]] = {"[": set(), "<": set()}
    for node in m.nodes.values():
        if node.title is not None:
            taken[_namespace(node.kind)].add(node.title)
    renames: dict[str, str] = {}
    for node in m.nodes.values():
        if node.id in wanted and node.title is None:
            title = derive_title(node.plain_text, taken[_namespace(node.kind)], node.kind.value)
            renames[node.id] = node_ref(node.kind, title)
    return renames


def with_titles(m: Map, node_ids: Iterable[str]) -> Map:
    """`m` with each untitled node of `node_ids` titled from its text (`titles_for`) and renamed
    everywhere: the nodes, the relations' sources and targets (a relation id, the target of an
    undercut, stays as it is), the reconstructions' statements and the document's entries."""
    renames = titles_for(m, node_ids)
    if not renames:
        return m

    def new(ident: str) -> str:
        return renames.get(ident, ident)

    nodes = {new(i): replace(n, id=new(i)) if i in renames else n for i, n in m.nodes.items()}
    relations = {
        i: replace(r, source=new(r.source), target=new(r.target))
        if r.source in renames or r.target in renames else r
        for i, r in m.relations.items()
    }

    reconstructions = {new(a): replace(r, argument=new(a), statements=tuple(map(new, r.statements)))
                       for a, r in m.reconstructions.items()}

    def entry(e: object) -> object:
        if not isinstance(e, NodeEntry):
            return e
        inference = e.inference
        if inference is not None:
            inference = replace(inference, argument=new(inference.argument))
        return replace(e, node=new(e.node), children=tuple(entry(c) for c in e.children), inference=inference)

    document = tuple(entry(e) for e in m.document) if m.document else m.document
    return replace(m, nodes=nodes, relations=relations, reconstructions=reconstructions, document=document)

"""What a writer could not keep: one mechanism for every exporter.

Every exporter is a function `map_to_<format>(map, losses=None) -> str`. The plain call
`map_to_x(m)` works as it always did; a caller who wants to know what the format could not
hold passes a list (a `Losses`, or any list) and the writer appends a `Loss` per element it
dropped or changed:

    losses = Losses()
    text = map_to_i23(m, losses)
    for loss in losses:            # Loss(code="support", element="r3", message="...")
        ...

A `Loss` has a stable kebab-case `code` (one per kind of loss: `relation-weight`,
`node-text`, `support`, ...), the `element` it is about (a node id `[T]`/`<T>`/`_N`, a
relation id `rN`, an actor or source id, a section id `sN`, or `metadata`) and a one-line
`message`. `KINDS` gives each code the noun the command line counts with
("12 relation weights not kept by i23"); a code not listed there is counted as "losses".

Writing a new exporter (or adding losses to one):

* take `losses: list[Loss] | None = None` as the second parameter and call
  `note(losses, code, element, message)` for whatever is changed or dropped;
* for the plain "this format has no place for X" losses call
  `unkept(map, losses, keeps=frozenset({...}))` with the `FEATURES` the format does keep: it
  records one loss per element carrying something else (a node's text, a relation's weight…);
* the command line (`argmap.commands._losses`) prints them summarised per code, lists them all
  with `--verbose`, and refuses to write anything with `--strict`.

The AIF writer keeps everything (AIF's own fields and an `argmap` extension; with
`extension=False` it reports what plain AIF cannot hold). The Argdown writer reports relation
weights and metadata, co-premise groups, titles it adds, untitled nodes it writes in another
section, questions (written as statements), rephrases (left out) and repeated relations (read
back once): `argmap.export.argdown`,
see docs/interchange.md.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Map


@dataclass(frozen=True, slots=True)
class Loss:
    """One element a writer could not keep as it is: what (`code`), which (`element`), how."""

    code: str
    element: str
    message: str = ""


class Losses(list):
    """A list of `Loss` with `add(code, element, message)`."""

    def add(self, code: str, element: str, message: str = "") -> None:
        self.append(Loss(code, element, message))

    def codes(self) -> dict[str, int]:
        """code -> how many losses have it, in first-seen order."""
        counts: dict[str, int] = {}
        for loss in self:
            counts[loss.code] = counts.get(loss.code, 0) + 1
        return counts


def note(losses: list | None, code: str, element: str, message: str = "") -> None:
    """Record a loss when a collector was given (writers call this; None: nobody asked)."""
    if losses is not None:
        losses.append(Loss(code, element, message))


#: code -> (singular, plural): what the command line counts ("3 supports not kept by i23")
KINDS: dict[str, tuple[str, str]] = {
    "metadata": ("map metadata entry", "map metadata entries"),
    "actor": ("actor", "actors"),
    "source": ("source", "sources"),
    "section": ("section", "sections"),
    "node-text": ("node text", "node texts"),
    "node-kind": ("node kind", "node kinds"),
    "node-title": ("node title", "node titles"),
    "node-actors": ("node speaker list", "node speaker lists"),
    "node-tags": ("node tag list", "node tag lists"),
    "node-sources": ("node citation list", "node citation lists"),
    "node-meta": ("node metadata", "node metadata"),
    "node-section": ("node section", "node sections"),
    "repeated-relation": ("repeated relation", "repeated relations"),
    "support": ("support", "supports"),
    "attack": ("attack", "attacks"),
    "undercut": ("undercut", "undercuts"),
    "contradiction": ("contradiction", "contradictions"),
    "rephrase": ("rephrase", "rephrases"),
    "question": ("question", "questions"),
    "relation-group": ("co-premise group member", "co-premise group members"),
    "relation-weight": ("relation weight", "relation weights"),
    "relation-meta": ("relation metadata", "relation metadata"),
    "argument-added": ("added argument", "added arguments"),
    "name-changed": ("renamed argument", "renamed arguments"),
    "reconstruction": ("premise-conclusion structure", "premise-conclusion structures"),
    "title-added": ("title added to an untitled node", "titles added to untitled nodes"),
    "xml-character": ("text with a control character", "texts with control characters"),
}

#: the pieces of a map `unkept` knows about (a format's `keeps` is a subset of these)
FEATURES = frozenset({
    "metadata", "actor", "source", "section",
    "node-text", "node-kind", "node-title", "node-actors", "node-tags", "node-sources", "node-meta",
    "node-section",
    "support", "attack", "undercut", "contradiction", "rephrase",
    "relation-group", "relation-weight", "relation-meta", "reconstruction",
})


def summary(code: str, count: int, fmt: str) -> str:
    """One line for `count` losses of `code` writing `fmt`: "12 relation weights not kept by i23"."""
    if code == "argument-added":
        return f"{describe(code, count)} in {fmt} that are no node of the map"
    return f"{describe(code, count)} not kept as {'it is' if count == 1 else 'they are'} by {fmt}"


def describe(code: str, count: int) -> str:
    """`count` losses of `code` in words: "1 support", "12 relation weights"."""
    singular, plural = KINDS.get(code, (f"{code} loss", f"{code} losses"))
    return f"{count} {singular if count == 1 else plural}"


def _short(value: object, limit: int = 40) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unkept(map_: Map, losses: list | None, *, keeps: Iterable[str]) -> None:
    """Record a loss for each element of `map_` carrying a piece (`FEATURES`) not in `keeps`.

    Relation kinds not kept (e.g. `support` for an attack-only format) are recorded with the
    relation kind as the code; a writer that translates a kind instead of dropping it records
    that itself and lists the kind in `keeps`.
    """
    if losses is None:
        return
    keep = frozenset(keeps)
    for key, value in map_.metadata.items():
        if "metadata" not in keep:
            note(losses, "metadata", "metadata", f"{key}: {_short(value)}")
    if "actor" not in keep:
        for actor in map_.actors.values():
            note(losses, "actor", actor.id, f"actor {_short(actor.name)!r}")
    if "source" not in keep:
        for source in map_.sources.values():
            note(losses, "source", source.id, f"source {_short(source.citation)!r}")
    if "section" not in keep:
        for section in map_.sections.values():
            note(losses, "section", section.id, f"section {_short(section.title)!r}")
    for node in map_.nodes.values():
        checks = (
            ("node-text", bool(node.text), lambda: f"text {_short(node.plain_text)!r}"),
            ("node-kind", node.kind.value != "claim", lambda: f"kind {node.kind.value}"),
            ("node-title", node.title is not None, lambda: f"title {_short(node.title)!r}"),
            ("node-actors", bool(node.actors), lambda: "said by " + ", ".join(node.actors)),
            ("node-tags", bool(node.tags), lambda: "tags " + ", ".join(node.tags)),
            ("node-sources", bool(node.sources), lambda: "cites " + ", ".join(node.sources)),
            ("node-meta", bool(node.meta), lambda: "metadata " + ", ".join(map(str, node.meta))),
            ("node-section", node.section is not None and bool(map_.sections),
             lambda: f"in section {node.section}"),
        )
        for code, present, message in checks:
            if present and code not in keep:
                note(losses, code, node.id, message())
    for relation in map_.relations.values():
        kind = relation.kind.value
        if kind not in keep:
            note(losses, kind, relation.id, f"{relation.source} {kind}s {relation.target}")
            continue
        if relation.group is not None and "relation-group" not in keep:
            note(losses, "relation-group", relation.id, f"co-premise group {relation.group}")
        if relation.weight is not None and "relation-weight" not in keep:
            note(losses, "relation-weight", relation.id, f"weight {relation.weight:g}")
        extra = {k: v for k, v in relation.meta.items() if k != "weight"}
        if extra and "relation-meta" not in keep:
            note(losses, "relation-meta", relation.id, "metadata " + ", ".join(map(str, extra)))
    if "reconstruction" not in keep:
        for argument, reconstruction in map_.reconstructions.items():
            note(losses, "reconstruction", argument, f"{len(reconstruction.statements)} numbered statements and "
                 f"{len(reconstruction.inferences)} inferences")


def takes_losses(write: Callable[..., str]) -> bool:
    """True if the writer accepts a `losses` collector."""
    try:
        return "losses" in inspect.signature(write).parameters
    except (TypeError, ValueError):
        return False


def call_writer(write: Callable[..., str], map_: Map) -> tuple[str, Losses]:
    """Run a writer, collecting its losses when it records them (an empty list otherwise)."""
    losses = Losses()
    if takes_losses(write):
        return write(map_, losses=losses), losses
    return write(map_), losses


__all__ = ["FEATURES", "KINDS", "Loss", "Losses", "call_writer", "describe", "note", "summary",
           "takes_losses", "unkept"]

"""The dialogue side of an AIF graph: who said what, and how (speakers and illocutions).

In AIFdb nodesets, OVA and xAIF a locution (L-node, "Name : what they said") is anchored to
its propositional content (an I-node) by an illocution (YA-node: Asserting, Pure Questioning,
Challenging, …): L -> YA -> I. Who spoke is in `locutions[].personID`, with the person in
`participants` (`{participantID, firstname, surname}`) when the file has them — AIFdb nodesets
often do not — and always in the L-node's text prefix `Name : `.

`read_dialogue` gives, per I-node, its speakers (the speakers of the L-nodes that assert it),
its illocutions, the timestamps of those locutions and the locution texts where they differ
from the proposition; per scheme node (RA/CA/MA) the illocutions anchored in transitions
(TA -> YA -> RA: Arguing, Disagreeing, Restating, …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor

#: illocutions that ask without asserting: their proposition becomes a question node.
#: Assertive and Rhetorical Questioning convey the speaker's own opinion (IAT), so their
#: propositions stay claims and keep the illocution as metadata.
QUESTIONING = frozenset({"Pure Questioning"})
_PREFIX = re.compile(r"[ \t]*([^:\n]{1,80}?)[ \t]*:[ \t]+(.*)", re.S)
_IDENT = re.compile(r"[A-Za-z_][\w-]*")


def actor_id(name: str, taken: set[str]) -> str:
    """An argmap actor id for a display name (`[A-Za-z_][\\w-]*`), unique in `taken`."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", name.strip().lower()).strip("-") or "speaker"
    base = base if re.match(r"[A-Za-z_]", base) else f"p-{base}"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def split_speaker(text: str) -> tuple[str | None, str]:
    """An L-node's text as (speaker name, what was said); (None, text) without a prefix."""
    found = _PREFIX.fullmatch(text)
    return (found.group(1).strip(), found.group(2)) if found else (None, text)


@dataclass
class Said:
    """What the locutions say about one I-node (or, `illocutions` only, one scheme node)."""

    actors: list[str] = field(default_factory=list)
    illocutions: list[str] = field(default_factory=list)
    timestamps: list[str] = field(default_factory=list)
    locutions: list[str] = field(default_factory=list)


def _add(values: list, value: object) -> None:
    if value not in values:
        values.append(value)


class Dialogue:
    """Reads the speakers and illocutions of `reader` (an `argmap.importers.aif` reader: its
    graph, node kinds, texts, raw node objects, positions, edges and `warn`)."""

    def __init__(self, reader: Any, known: dict[str, Actor] | None = None) -> None:
        self.graph, self.kind, self.text, self.raw = reader.graph, reader.kind, reader.text, reader.raw
        self.into, self.out, self.warn, self.index = reader.into, reader.out, reader.warn, reader.where
        self.actors: dict[str, Actor] = dict(known or {})
        self.taken = set(self.actors)
        self.people: dict[tuple[str, str], str] = {}  # ("p", personID) | ("n", name) -> actor id
        self.said: dict[str, Said] = {}
        self.names: dict[str, str] = {}  # personID -> name from `participants`
        self.participants: set[str] = set(self.actors)  # actors kept even when they say nothing

    def person(self, key: tuple[str, str], name: str, wanted: object = None) -> str:
        if key not in self.people:
            if isinstance(wanted, str) and _IDENT.fullmatch(wanted) and wanted in self.actors:
                self.people[key] = wanted  # argmap's own export: the actor it came from
                return wanted
            ident = wanted if isinstance(wanted, str) and _IDENT.fullmatch(wanted) \
                and wanted not in self.taken else actor_id(name, self.taken)
            self.taken.add(ident)
            self.actors[ident] = Actor(ident, name)
            self.people[key] = ident
        return self.people[key]

    def read(self) -> None:
        for person in self.graph.get("participants") or []:
            name = " ".join(str(person.get(k) or "").strip() for k in ("firstname", "surname")).strip()
            pid = str(person["participantID"])
            self.names[pid] = name or f"Speaker {pid}"
            self.participants.add(self.person(("p", pid), self.names[pid], person.get("argmapID")))
        spoken: dict[str, dict] = {}  # L-node -> its locution entry
        for index, locution in enumerate(self.graph.get("locutions") or []):
            node = str(locution["nodeID"])
            if self.kind.get(node) != "L":
                self.warn("aif-dangling-locution", f"locution {index} names node {node}, which is no "
                          "L-node of the graph; left out", ["locutions", index])
                continue
            spoken.setdefault(node, locution)
        for node, kind in self.kind.items():
            if kind == "L":
                self.locution(node, spoken.get(node))
            elif kind == "YA" and not any(self.kind.get(p) == "L" for p in self.into.get(node, [])):
                self.anchored_elsewhere(node)

    def speaker(self, node: str, locution: dict | None) -> str | None:
        """The L-node's speaker: its locution's person, else the name its text begins with
        (trusted when it has a locution entry or the file has no `locutions` at all)."""
        name, _ = split_speaker(self.text[node])
        if locution is None and isinstance(self.graph.get("locutions"), list):
            name = None
        pid = locution.get("personID") if locution else None
        if pid is not None and str(pid) in self.names:
            return self.people[("p", str(pid))]
        if name:
            return self.person(("n", name), name)
        if pid is not None:
            return self.person(("p", str(pid)), f"Speaker {pid}")
        return None

    def locution(self, node: str, locution: dict | None) -> None:
        speaker = self.speaker(node, locution)
        name, words = split_speaker(self.text[node])
        if speaker is None or name is None or (locution is None and isinstance(self.graph.get("locutions"), list)
                                               and name.lower() != self.actors[speaker].name.lower()):
            words = self.text[node]  # no speaker prefix: all of it was said
        stamp = (locution or {}).get("timestamp") or self.raw[node].get("timestamp")
        anchored = False
        for ya in self.out.get(node, []):
            if self.kind.get(ya) != "YA":
                continue
            for content in self.out.get(ya, []):
                if self.kind.get(content) in ("RA", "CA", "MA"):  # L -> YA -> RA: "Arguing"
                    _add(self.said.setdefault(content, Said()).illocutions, self.text[ya])
                    anchored = True
                    continue
                if self.kind.get(content) != "I":
                    self.warn("aif-illocution-not-kept", f"YA-node {ya} ({self.text[ya]!r}) anchors "
                              f"{self.kind.get(content)}-node {content}, which argmap has no place for; "
                              "left out", self.where(ya))
                    continue
                anchored = True
                said = self.said.setdefault(content, Said())
                if speaker is not None:
                    _add(said.actors, speaker)
                _add(said.illocutions, self.text[ya])
                if isinstance(stamp, str) and stamp:
                    _add(said.timestamps, stamp)
                if _same(words) != _same(self.text[content]):
                    _add(said.locutions, words)
        if not anchored:
            self.warn("aif-locution-not-kept", f"L-node {node} ({_short(self.text[node])!r}) asserts "
                      "no proposition (no L -> YA -> I); the locution was left out", self.where(node))

    def anchored_elsewhere(self, ya: str) -> None:
        """A YA-node anchored in a transition (TA -> YA -> RA/CA/MA or I): its illocution."""
        targets = [t for t in self.out.get(ya, []) if self.kind.get(t) in ("I", "RA", "CA", "MA")]
        for target in targets:
            _add(self.said.setdefault(target, Said()).illocutions, self.text[ya])
        if not targets:
            self.warn("aif-illocution-not-kept", f"YA-node {ya} ({self.text[ya]!r}) anchors no "
                      "proposition or inference; left out", self.where(ya))

    def where(self, node: str) -> list:
        return ["nodes", self.index[node]]


def _same(text: str) -> str:
    """A text as compared with another: case, spacing and closing punctuation aside."""
    return " ".join(text.split()).rstrip(".?!").casefold()


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_or_list(values: list) -> object:
    """A metadata value: the one value, or the list of several."""
    return values[0] if len(values) == 1 else list(values)

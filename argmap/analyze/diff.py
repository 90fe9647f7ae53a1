"""What has changed between two versions of a map: a semantic diff, by node identity, and the
outcome — which nodes flipped status and whose strength moved (docs/analysis.md, "What has
changed").

**Node identity.** A titled node is its title: `[T]` in both versions is one node, and so is
`[T]` in one and `<T>` in the other (its kind changed). A renamed title is a node removed and
one added. An untitled node is its text: first equal texts are paired (whitespace and line
breaks aside, in document order), also with a titled node of the same text (a title given or
taken away); then the untitled nodes left are paired by similarity of text, best pair first,
when `difflib`'s ratio is at least `SIMILARITY` (0.6): an edited sentence is a change, a
rewritten one a removal and an addition (not tried when more than `SIMILARITY_PAIRS` pairs
would have to be compared: then each is a removal and an addition).

**Relation identity** is (kind, source, target), the ends by node identity, an undercut's
target by the identity of the relation it undercuts. Two relations of one identity in a
version are paired in document order.

What is compared: of a node its text, kind, actors, tags, sources and metadata (`title` too
when an untitled node got one); of a relation its metadata (`weight` among it) and its
co-premises (`linked`). Positions, sections and comments are not compared.

**Outcome**: for each semantics asked, the nodes of both versions whose status differs; and
the nodes whose DF-QuAD strength moved by more than the threshold; grouped by the actors of
the node (in the new version). Nodes added or removed carry their status, but are not part of
the outcome: the outcome is what changed for what was there before and still is.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..model import Map, Node, Relation
from .analysis import Analysis, analyze_map

#: the least `difflib.SequenceMatcher` ratio at which two untitled nodes are one node edited
SIMILARITY = 0.6
#: untitled nodes left unpaired on each side above which (their product) no pairing by
#: similarity is tried: a removal and an addition each (each pair costs a comparison)
SIMILARITY_PAIRS = 250_000
#: the least strength delta reported (and counted as a change of the outcome) by default
THRESHOLD = 0.05


def _text(node: Node) -> str:
    return " ".join(node.text.split())


def match_nodes(old: Map, new: Map, similarity: float = SIMILARITY) -> dict[str, tuple[str, str]]:
    """old node id -> (new node id, how: `id` | `title` | `text` | `similar`) for the nodes
    that are one node in both versions (see the module docstring)."""
    matched: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    for node_id, node in old.nodes.items():
        if node.title is None:
            continue
        if node_id in new.nodes:
            matched[node_id] = (node_id, "id")
            taken.add(node_id)
    for node_id, node in old.nodes.items():
        if node.title is None or node_id in matched:
            continue
        other = "<" + node.title + ">" if node_id.startswith("[") else "[" + node.title + "]"
        if other in new.nodes and other not in taken and other not in old.nodes:
            matched[node_id] = (other, "title")
            taken.add(other)
    # untitled nodes by their text: equal texts first, untitled with untitled, then a titled
    # node left over with an untitled one (a title given or taken away); in document order
    def left(map_: Map, done: set[str], titled: bool) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for node_id, node in map_.nodes.items():
            if node_id not in done and (node.title is not None) == titled:
                groups.setdefault(_text(node), []).append(node_id)
        return groups

    for old_titled, new_titled in ((False, False), (True, False), (False, True)):
        news = left(new, taken, new_titled)
        for text, olds in left(old, set(matched), old_titled).items():
            for a, b in zip(olds, news.get(text, ())):
                matched[a] = (b, "text")
                taken.add(b)
    # then untitled nodes by similarity (the same from either side), the best pairs first
    olds = [n for n in old.nodes if n not in matched and old.nodes[n].title is None]
    news = [n for n in new.nodes if n not in taken and new.nodes[n].title is None]
    pairs: list[tuple[float, int, int, str, str, int, int]] = []
    if len(olds) * len(news) > SIMILARITY_PAIRS:
        olds = []
    for i, a in enumerate(olds):
        for j, b in enumerate(news):
            x, y = sorted((_text(old.nodes[a]), _text(new.nodes[b])))
            matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
            if matcher.real_quick_ratio() >= similarity and matcher.quick_ratio() >= similarity:
                ratio = matcher.ratio()
                if ratio >= similarity:
                    pairs.append((-ratio, i + j, abs(i - j), x, y, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for *_, i, j in sorted(pairs):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        matched[olds[i]] = (news[j], "similar")
    return matched


@dataclass(frozen=True)
class NodeChange:
    """A node in both versions that changed: `changes` is field -> (old value, new value)."""

    old: str
    new: str
    how: str
    changes: dict[str, tuple[Any, Any]]


@dataclass(frozen=True)
class RelationDelta:
    """A relation added, removed or changed. `key` is its identity as it reads (kind, source,
    target: node ids of the version it is in, an undercut's target the key of the relation
    it undercuts); `old` / `new` its ids in each version (None where it is not)."""

    key: tuple
    old: str | None
    new: str | None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Flip:
    node: str
    old: str
    semantics: str
    before: str
    after: str
    actors: tuple[str, ...]


@dataclass(frozen=True)
class StrengthDelta:
    node: str
    old: str
    before: float
    after: float
    actors: tuple[str, ...]

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class MapDiff:
    """The semantic diff of two versions of a map and the change of its outcome."""

    semantics: tuple[str, ...]
    threshold: float
    nodes_added: tuple[str, ...]
    nodes_removed: tuple[str, ...]
    nodes_changed: tuple[NodeChange, ...]
    relations_added: tuple[RelationDelta, ...]
    relations_removed: tuple[RelationDelta, ...]
    relations_changed: tuple[RelationDelta, ...]
    actors_added: tuple[str, ...]
    actors_removed: tuple[str, ...]
    actors_changed: tuple[tuple[str, dict[str, tuple[Any, Any]]], ...]
    flips: tuple[Flip, ...]
    strength: tuple[StrengthDelta, ...]
    old_analyses: dict[str, Analysis] = field(compare=False, repr=False, default_factory=dict)
    new_analyses: dict[str, Analysis] = field(compare=False, repr=False, default_factory=dict)

    @property
    def outcome_changed(self) -> bool:
        return bool(self.flips or self.strength)

    @property
    def map_changed(self) -> bool:
        return any((self.nodes_added, self.nodes_removed, self.nodes_changed, self.relations_added,
                    self.relations_removed, self.relations_changed, self.actors_added,
                    self.actors_removed, self.actors_changed))

    @property
    def empty(self) -> bool:
        return not self.map_changed and not self.outcome_changed

    def __repr__(self) -> str:
        """One line: `<MapDiff: 2 nodes added, …; 3 status flips, 1 strength move>`."""
        counts = [(len(self.nodes_added), "node", "added"), (len(self.nodes_removed), "node", "removed"),
                  (len(self.nodes_changed), "node", "changed"),
                  (len(self.relations_added), "relation", "added"),
                  (len(self.relations_removed), "relation", "removed"),
                  (len(self.relations_changed), "relation", "changed"),
                  (len(self.flips), "status flip", ""), (len(self.strength), "strength move", "")]
        said = [f"{n} {noun}{'s' * (n != 1)}{' ' + how if how else ''}" for n, noun, how in counts if n]
        return f"<MapDiff: {', '.join(said) or 'no change'}>"


def _node_changes(a: Node, b: Node, how: str) -> dict[str, tuple[Any, Any]]:
    changes: dict[str, tuple[Any, Any]] = {}
    if a.title != b.title:
        changes["title"] = (a.title, b.title)
    if a.kind != b.kind:
        changes["kind"] = (a.kind.value, b.kind.value)
    if _text(a) != _text(b):
        changes["text"] = (a.plain_text, b.plain_text)
    for name in ("actors", "tags", "sources"):
        before, after = getattr(a, name), getattr(b, name)
        if sorted(before) != sorted(after):
            changes[name] = (list(before), list(after))
    if dict(a.meta) != dict(b.meta):
        changes["meta"] = (dict(a.meta), dict(b.meta))
    return changes


class _Keys:
    """Relation identities of one version: (kind, source, target) in a shared node space."""

    def __init__(self, map_: Map, identity: dict[str, Any], shown: dict[str, str]) -> None:
        self.map = map_
        self.identity = identity  # node id -> its identity (shared by both versions)
        self.shown = shown  # node id -> the id to show
        self._keys: dict[str, tuple] = {}
        self._labels: dict[str, tuple] = {}

    def key(self, relation: Relation, _busy: frozenset[str] = frozenset()) -> tuple:
        if relation.id not in self._keys:
            self._keys[relation.id] = (relation.kind.value, self._end(relation.source, _busy),
                                       self._end(relation.target, _busy | {relation.id}))
        return self._keys[relation.id]

    def _end(self, ident: str, busy: frozenset[str]) -> Any:
        if ident in self.map.relations:
            if ident in busy:
                return ("cycle",)
            return ("relation", self.key(self.map.relations[ident], busy))
        return self.identity.get(ident, ("missing", ident))

    def label(self, relation: Relation, _busy: frozenset[str] = frozenset()) -> tuple:
        """The key as it reads: (kind, source id, target id or the target relation's label)."""
        if relation.id not in self._labels:
            target: Any = self.shown.get(relation.target, relation.target)
            if relation.target in self.map.relations and relation.target not in _busy:
                target = self.label(self.map.relations[relation.target], _busy | {relation.id})
            self._labels[relation.id] = (relation.kind.value,
                                         self.shown.get(relation.source, relation.source), target)
        return self._labels[relation.id]

    def linked(self, relation: Relation) -> list:
        """The sources of the other co-premises of the relation's linked reason, as read."""
        if relation.group is None:
            return []
        return sorted(self.shown.get(r.source, r.source) for r in self.map.relations.values()
                      if r.group == relation.group and r.id != relation.id)

    def linked_identity(self, relation: Relation) -> list:
        if relation.group is None:
            return []
        return sorted(repr(self.identity.get(r.source, r.source)) for r in self.map.relations.values()
                      if r.group == relation.group and r.id != relation.id)


def diff_maps(old: Map, new: Map, semantics: Iterable[str] = ("grounded",), *,
              threshold: float = THRESHOLD, similarity: float = SIMILARITY,
              timeout: float | None = None) -> MapDiff:
    """The semantic diff of `old` and `new` and the change of the outcome under each of
    `semantics` (strength deltas above `threshold`); see the module docstring."""
    semantics = tuple(dict.fromkeys(semantics)) or ("grounded",)
    matched = match_nodes(old, new, similarity)
    to_old = {n: o for o, (n, _) in matched.items()}
    identity_old = {o: ("node", matched[o][0]) if o in matched else ("old", o) for o in old.nodes}
    identity_new = {n: ("node", n) for n in new.nodes}
    shown_old = {o: matched[o][0] if o in matched else o for o in old.nodes}
    shown_new = {n: n for n in new.nodes}
    keys_old = _Keys(old, identity_old, shown_old)
    keys_new = _Keys(new, identity_new, shown_new)

    changed_nodes = []
    for o, (n, how) in matched.items():
        changes = _node_changes(old.nodes[o], new.nodes[n], how)
        if changes:
            changed_nodes.append(NodeChange(o, n, how, changes))
    order = {n: i for i, n in enumerate(new.nodes)}
    changed_nodes.sort(key=lambda c: order[c.new])

    by_key_old: dict[tuple, list[Relation]] = {}
    for relation in old.relations.values():
        by_key_old.setdefault(keys_old.key(relation), []).append(relation)
    added, changed = [], []
    for relation in new.relations.values():
        key = keys_new.key(relation)
        label = keys_new.label(relation)
        earlier = by_key_old.get(key)
        if not earlier:
            added.append(RelationDelta(label, None, relation.id))
            continue
        before = earlier.pop(0)
        changes: dict[str, tuple[Any, Any]] = {}
        if dict(before.meta) != dict(relation.meta):
            changes["meta"] = (dict(before.meta), dict(relation.meta))
        if keys_old.linked_identity(before) != keys_new.linked_identity(relation):
            changes["linked"] = (keys_old.linked(before), keys_new.linked(relation))
        if changes:
            changed.append(RelationDelta(label, before.id, relation.id, changes))
    removed = [RelationDelta(keys_old.label(r), r.id, None)
               for rels in by_key_old.values() for r in rels]
    removed.sort(key=lambda d: list(old.relations).index(d.old))

    actors_changed = []
    for actor_id in old.actors.keys() & new.actors.keys():
        a, b = old.actors[actor_id], new.actors[actor_id]
        changes = {}
        if a.name != b.name:
            changes["name"] = (a.name, b.name)
        if dict(a.meta) != dict(b.meta):
            changes["meta"] = (dict(a.meta), dict(b.meta))
        if changes:
            actors_changed.append((actor_id, changes))
    actors_changed.sort(key=lambda item: list(new.actors).index(item[0]))

    old_analyses = {s: analyze_map(old, s, limit=0, timeout=timeout) for s in semantics}
    new_analyses = {s: analyze_map(new, s, limit=0, timeout=timeout) for s in semantics}
    flips = []
    for s in semantics:
        before, after = old_analyses[s].status, new_analyses[s].status
        for n in new.nodes:
            o = to_old.get(n)
            if o is not None and before[o] != after[n]:
                flips.append(Flip(n, o, s, before[o], after[n], new.nodes[n].actors))
    first = semantics[0]
    deltas = []
    for n in new.nodes:
        o = to_old.get(n)
        if o is None:
            continue
        a, b = old_analyses[first].strength.get(o), new_analyses[first].strength.get(n)
        if a is None or b is None:  # a question has no strength (it asserts nothing)
            continue
        if abs(b - a) > threshold:
            deltas.append(StrengthDelta(n, o, a, b, new.nodes[n].actors))
    return MapDiff(
        semantics=semantics, threshold=threshold,
        nodes_added=tuple(n for n in new.nodes if n not in to_old),
        nodes_removed=tuple(o for o in old.nodes if o not in matched),
        nodes_changed=tuple(changed_nodes),
        relations_added=tuple(added), relations_removed=tuple(removed),
        relations_changed=tuple(changed),
        actors_added=tuple(a for a in new.actors if a not in old.actors),
        actors_removed=tuple(a for a in old.actors if a not in new.actors),
        actors_changed=tuple(actors_changed),
        flips=tuple(flips), strength=tuple(deltas),
        old_analyses=old_analyses, new_analyses=new_analyses,
    )


def by_actor(result: MapDiff, new: Map) -> list[tuple[str | None, list[Flip], list[StrengthDelta]]]:
    """The outcome grouped by actor: (actor id or None for nodes without one, flips, strength
    deltas), actors in the new version's order; a node of several actors is in each group."""
    groups: dict[str | None, tuple[list[Flip], list[StrengthDelta]]] = {}
    order = [*new.actors, *sorted({a for f in result.flips for a in f.actors} - new.actors.keys())]
    for actor in [*order, None]:
        groups[actor] = ([], [])
    for flip in result.flips:
        for actor in flip.actors or (None,):
            groups.setdefault(actor, ([], []))[0].append(flip)
    for delta in result.strength:
        for actor in delta.actors or (None,):
            groups.setdefault(actor, ([], []))[1].append(delta)
    return [(a, f, d) for a, (f, d) in groups.items() if f or d]


# --- for tools and for people --------------------------------------------------------------


def _relation_json(label: tuple) -> dict[str, Any]:
    kind, source, target = label
    return {"kind": kind, "source": source,
            "target": _relation_json(target) if isinstance(target, tuple) else target}


def _changes_json(changes: dict[str, tuple[Any, Any]]) -> dict[str, Any]:
    return {name: {"old": a, "new": b} for name, (a, b) in changes.items()}


def diff_json(old_path: str, new_path: str, old: Map, new: Map, result: MapDiff) -> dict[str, Any]:
    """The diff as JSON (shape documented in docs/analysis.md, "What has changed")."""
    def node_json(map_: Map, node_id: str, analyses: dict[str, Analysis]) -> dict[str, Any]:
        node = map_.nodes[node_id]
        return {"node": node_id, "kind": node.kind.value, "text": node.plain_text,
                "actors": list(node.actors),
                "status": {s: a.status[node_id] for s, a in analyses.items()},
                "strength": analyses[result.semantics[0]].strength[node_id]}

    def flip_json(f: Flip) -> dict[str, Any]:
        return {"node": f.node, **({"old_node": f.old} if f.old != f.node else {}),
                "semantics": f.semantics, "from": f.before, "to": f.after, "actors": list(f.actors)}

    def delta_json(d: StrengthDelta) -> dict[str, Any]:
        return {"node": d.node, **({"old_node": d.old} if d.old != d.node else {}),
                "from": d.before, "to": d.after, "delta": d.delta, "actors": list(d.actors)}

    return {
        "old": old_path,
        "new": new_path,
        "semantics": list(result.semantics),
        "threshold": result.threshold,
        "nodes": {
            "added": [node_json(new, n, result.new_analyses) for n in result.nodes_added],
            "removed": [node_json(old, o, result.old_analyses) for o in result.nodes_removed],
            "changed": [{"node": c.new, **({"old_node": c.old} if c.old != c.new else {}),
                         "match": c.how, "changes": _changes_json(c.changes)}
                        for c in result.nodes_changed],
        },
        "relations": {
            "added": [{**_relation_json(d.key), "id": d.new} for d in result.relations_added],
            "removed": [{**_relation_json(d.key), "id": d.old} for d in result.relations_removed],
            "changed": [{**_relation_json(d.key), "old_id": d.old, "new_id": d.new,
                         "changes": _changes_json(d.changes)} for d in result.relations_changed],
        },
        "actors": {
            "added": list(result.actors_added),
            "removed": list(result.actors_removed),
            "changed": [{"actor": a, "changes": _changes_json(c)} for a, c in result.actors_changed],
        },
        "outcome": {
            "changed": result.outcome_changed,
            "flips": [flip_json(f) for f in result.flips],
            "strength": [delta_json(d) for d in result.strength],
            "by_actor": [{"actor": a, "name": new.actors[a].name if a in new.actors else None,
                          "flips": [flip_json(f) for f in flips],
                          "strength": [delta_json(d) for d in deltas]}
                         for a, flips, deltas in by_actor(result, new)],
        },
    }


STYLES = {"in": "green", "out": "red", "undec": "yellow"}


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _value(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value) or "none"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return repr(value) if isinstance(value, str) else str(value)


def relation_text(label: tuple) -> str:
    """A relation key as it reads: `[B] attack [A]`, an undercut's target in brackets."""
    kind, source, target = label
    target_text = f"({relation_text(target)})" if isinstance(target, tuple) else target
    return f"{source} {VERBS.get(kind, kind)} {target_text}"


VERBS = {"support": "supports", "attack": "attacks", "undercut": "undercuts",
         "contradiction": "contradicts"}


def _said(map_: Map, node_id: str) -> str:
    """`: text @actors` after a titled node's name (an untitled one shows its text already)."""
    node = map_.nodes[node_id]
    text = f": {_short(node.plain_text, 60)}" if node.title is not None and node.text else ""
    return text + "".join(f" @{a}" for a in node.actors)


def print_diff(console, old: Map, new: Map, result: MapDiff, title: str | None = None) -> None:  # noqa: ANN001
    """The diff for people: nodes, relations and actors added (+), removed (-) and changed
    (~), then the outcome by actor. Map text is never read as markup."""
    from rich.text import Text

    def name(map_: Map, node_id: str) -> str:
        node = map_.nodes[node_id]
        return node.ref or f"{node_id} {_short(node.plain_text, 50)!r}"

    def line(sign: str, body: str, style: str) -> None:
        text = Text(f"  {sign} ", style=style)
        text.append(body)
        console.print(text)

    if title:
        console.print(Text(title, style="bold"))
    if result.empty:
        console.print(Text("no change: the two versions say the same"))
        return
    counts = (f"nodes: {len(result.nodes_added)} added, {len(result.nodes_removed)} removed, "
              f"{len(result.nodes_changed)} changed; relations: {len(result.relations_added)} added, "
              f"{len(result.relations_removed)} removed, {len(result.relations_changed)} changed")
    console.print(Text(counts))
    first = result.semantics[0]
    for n in result.nodes_added:
        status = result.new_analyses[first].status[n]
        line("+", f"{name(new, n)}{_said(new, n)} ({first}: {status})", "green")
    for o in result.nodes_removed:
        line("-", f"{name(old, o)}{_said(old, o)}", "red")
    for c in result.nodes_changed:
        what = "; ".join(f"{field_}: {_short(_value(a), 40)} → {_short(_value(b), 40)}"
                         for field_, (a, b) in c.changes.items())
        line("~", f"{name(new, c.new)}: {what}", "yellow")
    for d in result.relations_added:
        line("+", relation_text(d.key), "green")
    for d in result.relations_removed:
        line("-", relation_text(d.key), "red")
    for d in result.relations_changed:
        what = "; ".join(f"{k}: {_value(a)} → {_value(b)}" for k, (a, b) in d.changes.items())
        line("~", f"{relation_text(d.key)}: {what}", "yellow")
    for a in result.actors_added:
        line("+", f"actor {a}: {new.actors[a].name}", "green")
    for a in result.actors_removed:
        line("-", f"actor {a}: {old.actors[a].name}", "red")
    for a, changes in result.actors_changed:
        what = "; ".join(f"{k}: {_value(x)} → {_value(y)}" for k, (x, y) in changes.items())
        line("~", f"actor {a}: {what}", "yellow")
    semantics = ", ".join(result.semantics)
    if not result.outcome_changed:
        console.print(Text(f"outcome unchanged ({semantics}; strength within {result.threshold:g})"))
        return
    console.print(Text(f"outcome changed ({semantics}; strength deltas above {result.threshold:g}):",
                       style="bold"))
    for actor, flips, deltas in by_actor(result, new):
        who = f"@{actor} {new.actors[actor].name}" if actor in new.actors else (
            f"@{actor}" if actor else "(no actor)")
        console.print(Text(f"  {who}"))
        for f in flips:
            text = Text(f"    {name(new, f.node)} {f.semantics}: ")
            text.append(f.before, style=STYLES.get(f.before, ""))
            text.append(" → ")
            text.append(f.after, style=STYLES.get(f.after, ""))
            console.print(text)
        for d in deltas:
            console.print(Text(f"    {name(new, d.node)} strength {d.before:.3f} → {d.after:.3f} "
                               f"({d.delta:+.3f})"))

"""The model's invariants, checked on every imported map before anything is written.

An importer builds a graph view from a foreign file; `violations(m)` lists every way it breaks
what a map must be, each a `Diagnostic` at the element's position naming its id:

- a relation whose source is not a node, or whose target is neither a node nor (for an undercut)
  a relation; an undercut chain that comes back to itself (`undercut-cycle`);
- a node or relation id of the wrong shape (a node id read as a relation id, or the reverse);
- a node citing an actor or source that is not declared, in a section that does not exist;
- a self-relation (but a self-attack: check warns of it), a metadata value out of its range (`weight`, `score` in 0..1, …), any number
  that is not finite (NaN, infinity);
- a value the .argmap language cannot hold (a line break in a tag or a title, a metadata key
  that is not a key, an actor id that is not an identifier: `argmap.language.write.writable`).

`argmap.importers.read_map` raises `ImportFailed` with them (but for the values only .argmap
text cannot hold, which `import` adds: `analyze` of a JSON map may show a control character,
escaped), so every command prints each and exits 1 without writing. Duplicate ids are refused by the importers themselves (the
model's dictionaries cannot hold two).
"""

from __future__ import annotations

import math
from dataclasses import replace
from collections.abc import Iterator

from ..errors import Diagnostic, ImportFailed, Span
from ..language.report import plural
from ..model import Map, RelationKind, is_relation_id

HINT = "the imported file breaks an invariant of argmap's model; fix it at the element named"


def _at(span: Span, path: str | None) -> Span:
    return span if span.line > 0 else Span(path, 1, 1, 1, 2)


def _not_finite(meta: object) -> str | None:
    """The first metadata key whose value is (or holds) a number that is not finite."""
    if not isinstance(meta, dict):
        return None
    for key, value in meta.items():
        for item in value if isinstance(value, list) else (value,):
            if isinstance(item, float) and not math.isfinite(item):
                return f"metadata {key!r} is {item}, not a finite number"
    return None


def _structure(m: Map) -> Iterator[tuple[str, str, Span]]:
    owners = [("metadata", m.metadata, Span(m.path, 1, 1, 1, 2))]
    for table in (m.actors, m.sources, m.nodes, m.relations):
        owners += [(k, v.meta, v.span) for k, v in table.items()]
    for owner, meta, span in owners:
        problem = _not_finite(meta)
        if problem:
            yield "bad-metadata-value", f"{owner}: {problem}", span
    for node_id, node in m.nodes.items():
        if node_id != node.id:
            yield "invalid-id", f"{node.id}: listed under the id {node_id!r}", node.span
        elif is_relation_id(node_id):
            yield "invalid-id", f"{node_id}: a node id cannot start with 'r' (relation ids do)", node.span
        for actor in node.actors:
            if actor not in m.actors:
                yield "unknown-actor", f"{node_id}: said by actor {actor!r}, which is not declared", node.span
        for source in node.sources:
            if source not in m.sources:
                yield "unknown-source", f"{node_id}: cites source {source!r}, which is not declared", node.span
        if node.section is not None and node.section not in m.sections:
            yield "unknown-section", f"{node_id}: in section {node.section!r}, which does not exist", node.span
    for section in m.sections.values():
        if section.parent is not None and section.parent not in m.sections:
            yield "unknown-section", f"{section.id}: parent section {section.parent!r} does not exist", section.span
    relations = m.relations
    for rid, r in relations.items():
        if rid != r.id or not is_relation_id(rid):
            yield "invalid-id", f"{r.id}: a relation id must start with 'r'", r.span
        if r.source not in m.nodes:
            yield "dangling-relation", f"{rid}: its source {r.source!r} is not a node", r.span
        if r.target in relations:
            if r.kind is not RelationKind.UNDERCUT:
                yield "dangling-relation", f"{rid}: only an undercut can target a relation ({r.target})", r.span
        elif r.target not in m.nodes:
            yield "dangling-relation", f"{rid}: its target {r.target!r} is not a node" + \
                  (" nor a relation" if r.kind is RelationKind.UNDERCUT else ""), r.span
        if r.weight is not None and not (isinstance(r.weight, (int, float)) and 0.0 <= r.weight <= 1.0):
            yield "bad-metadata-value", f"{rid}: weight {r.weight!r} is not a number from 0 to 1", r.span
    for rid in relations:  # undercuts of undercuts of ... must end at a relation that targets a node
        seen = {rid}
        target = relations[rid].target
        while target in relations:
            if target in seen:
                yield "undercut-cycle", f"{rid}: its chain of undercut relations comes back to {target}", relations[rid].span
                break
            seen.add(target)
            target = relations[target].target


def violations(m: Map, *, writable: bool = True) -> list[Diagnostic]:
    """Every way `m` breaks the model's invariants (see the module doc); with `writable`, also
    each value the .argmap language cannot hold."""
    from ..language.check import metadata_values, self_relations

    found = [Diagnostic(code, message, _at(span, m.path), hint=HINT) for code, message, span in _structure(m)]
    if found:  # the checks below assume relations join existing nodes
        return found
    checked = [d for d in metadata_values(m) if d.is_error]
    checked += [d for d in self_relations(m) if d.is_error]  # a self-attack is a warning of check's
    found += [replace(d, span=_at(d.span, m.path)) for d in checked]
    if not writable:
        return found
    found += unwritable_diagnostics(m)
    return found


def validated(m: Map, **options: bool) -> Map:
    """`m` itself, or ImportFailed carrying every violation (options: as `violations`)."""
    found = violations(m, **options)
    if found:
        raise ImportFailed(f"{m.path or '<input>'}: not imported: {plural(len(found), 'problem')} with the "
                           "model's invariants (listed above)", tuple(found))
    return m


def unwritable_diagnostics(m: Map) -> list[Diagnostic]:
    """One Diagnostic per value of `m` that .argmap text cannot hold, at the element, naming it."""
    from ..language.write.writable import unwritable

    spans = {**{k: v.span for k, v in m.nodes.items()}, **{k: v.span for k, v in m.relations.items()},
             **{k: v.span for k, v in m.actors.items()}, **{k: v.span for k, v in m.sources.items()},
             **{k: v.span for k, v in m.sections.items()}}
    return [Diagnostic("unwritable-value", f"{element}: {problem}",
                       _at(spans.get(element, Span(m.path, 0, 0, 0, 0)), m.path), hint=HINT)
            for element, problem in unwritable(m)]

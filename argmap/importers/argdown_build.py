"""Builds the argmap model from what the Argdown reader found: elements, relations, sections.

`MapBuilder` keeps the growing graph: statements are claims (`[Title]`), arguments are
arguments (`<Title>`), an untitled statement an untitled claim. Equivalence classes are titles:
every member of `[T]` is the node `[T]`; a member worded differently is kept in the node's
`argdown-members` metadata with a warning (argmap gives a title one text). `{…}` data becomes
metadata, except `actors` / `sources` lists naming declared actors / sources and
`argmap-kind` (what `argmap export --to argdown` writes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import Diagnostic, Severity, Span
from ..model import (
    Actor,
    Map,
    Meta,
    Node,
    NodeKind,
    Reconstruction,
    Relation,
    RelationKind,
    Section,
    Source,
)

_KINDS = {"claim": NodeKind.CLAIM, "argument": NodeKind.ARGUMENT, "evidence": NodeKind.EVIDENCE}


@dataclass(slots=True)
class Element:
    """One statement or argument as written: head (None if untitled), text, tags, data."""

    kind: NodeKind
    title: str | None
    is_reference: bool
    text: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    span: Span = field(default_factory=lambda: Span(None, 0, 0, 0, 0))


def _meta_value(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return [_meta_value(v) for v in value]
    return value


class MapBuilder:
    """The graph being built; every change goes through one method."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.metadata: Meta = {}
        self.actors: dict[str, Actor] = {}
        self.sources: dict[str, Source] = {}
        self.sections: dict[str, Section] = {}
        self.nodes: dict[str, Node] = {}
        self.relations: dict[str, Relation] = {}
        self.diagnostics: list[Diagnostic] = []
        self.untitled = 0
        self.groups = 0
        self.reconstructions: dict[str, Reconstruction] = {}
        self.section: str | None = None
        self._heading_stack: list[Section] = []
        self._plain: dict[tuple[RelationKind, str, str], str] = {}  # ungrouped relations by ends

    def warn(self, code: str, message: str, span: Span, hint: str = "") -> None:
        """A warning: something written in Argdown that the map does not hold as written."""
        self.diagnostics.append(Diagnostic(code, message, span, Severity.WARNING, hint))

    def heading(self, level: int, title: str, span: Span) -> None:
        while self._heading_stack and self._heading_stack[-1].level >= level:
            self._heading_stack.pop()
        parent = self._heading_stack[-1].id if self._heading_stack else None
        section = Section(f"s{len(self.sections) + 1}", title, level, parent, span)
        self.sections[section.id] = section
        self._heading_stack.append(section)
        self.section = section.id

    def reserve(self, element: Element) -> str:
        """The id `element` will have (untitled ones are numbered in the order they start)."""
        if element.title is None:
            self.untitled += 1
            return f"_{self.untitled}"
        bracket = "<{}>" if element.kind is NodeKind.ARGUMENT else "[{}]"
        return bracket.format(element.title)

    def node(self, element: Element, node_id: str) -> None:
        """Define or refer to the node `element` names, under the id `reserve` gave it."""
        kind, actors, sources, meta = element.kind, (), (), {}
        if element.data:
            data = dict(element.data)
            kind = _KINDS.get(str(data.pop("argmap-kind", "")), element.kind)
            actors = self._declared(data, "actors", self.actors)
            sources = self._declared(data, "sources", self.sources)
            meta = {k: _meta_value(v) for k, v in data.items()}
        text = "\n".join(element.text)
        if element.title is None:
            self.nodes[node_id] = Node(node_id, kind, None, text, actors, tuple(element.tags),
                                       sources, meta, self.section, element.span)
            return
        old = self.nodes.get(node_id)
        if old is None:
            self.nodes[node_id] = Node(node_id, kind, element.title, text, actors,
                                       tuple(element.tags), sources, meta,
                                       None if element.is_reference else self.section,
                                       element.span)
            return
        if not (text or meta or actors or sources or element.tags) and kind is old.kind:
            return  # a bare reference: nothing to add
        merged_meta = {**old.meta, **meta}
        if text and old.text and text != old.text and not element.is_reference:
            members = list(merged_meta.get("argdown-members", []))  # type: ignore[arg-type]
            merged_meta["argdown-members"] = members + [text]
            self.warn("argdown-member", f"{node_id} is worded differently here; argmap keeps the "
                      "first wording as its text and this one in its 'argdown-members' metadata",
                      element.span)
        self.nodes[node_id] = replace(
            old,
            kind=kind if kind is not element.kind else old.kind,
            text=old.text or text,
            actors=old.actors + tuple(a for a in actors if a not in old.actors),
            tags=old.tags + tuple(t for t in element.tags if t not in old.tags),
            sources=old.sources + tuple(s for s in sources if s not in old.sources),
            meta=merged_meta,
            section=old.section if old.section is not None or element.is_reference
            else self.section,
            span=old.span if old.text or not text else element.span,
        )

    def _declared(self, data: dict[str, Any], key: str, table: dict) -> tuple[str, ...]:
        """Take `key` out of `data` when it is a list of declared ids (else leave it as metadata)."""
        value = data.get(key)
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and value and all(isinstance(v, str) and v in table for v in value):
            del data[key]
            return tuple(dict.fromkeys(value))
        return ()

    def relation(self, kind: RelationKind, source: str, target: str, span: Span,
                 group: str | None = None, meta: Meta | None = None) -> str:
        """Add a relation (an ungrouped one written twice is one relation); returns its id."""
        key = (kind, source, target)
        if group is None and key in self._plain:  # the same relation written again
            return self._plain[key]
        relation_id = f"r{len(self.relations) + 1}"
        if group is None:
            self._plain[key] = relation_id
        self.relations[relation_id] = Relation(relation_id, kind, source, target, group,
                                               meta=dict(meta or {}), span=span)
        return relation_id

    def new_group(self) -> str:
        self.groups += 1
        return f"g{self.groups}"

    def front_matter(self, data: dict[str, Any], span: Span) -> None:
        """Front matter: `title` and other plain keys are metadata, `argmap` restores an export."""
        extra = data.pop("argmap", None)
        if isinstance(extra, dict):
            for actor_id, info in (extra.get("actors") or {}).items():
                info = dict(info) if isinstance(info, dict) else {}
                name = str(info.pop("name", actor_id))
                self.actors[actor_id] = Actor(actor_id, name, info, span)
            for source_id, info in (extra.get("sources") or {}).items():
                info = dict(info) if isinstance(info, dict) else {}
                citation = str(info.pop("citation", source_id))
                self.sources[source_id] = Source(source_id, citation, info, span)
            self.metadata.update(extra.get("metadata") or {})
        for key, value in data.items():
            if isinstance(value, dict):
                self.warn("argdown-settings", f"front matter '{key}' holds Argdown settings, "
                          "which argmap does not use; kept as JSON text in the metadata", span)
            self.metadata[key] = _meta_value(value)

    def build(self) -> Map:
        return Map(metadata=self.metadata, actors=self.actors, sources=self.sources,
                   sections=self.sections, nodes=self.nodes, relations=self.relations,
                   reconstructions=self.reconstructions, path=self.path, diagnostics=tuple(self.diagnostics))

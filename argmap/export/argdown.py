"""Model -> Argdown text that Argdown's own tools read with the same statements and relations.

Layout: a front matter (`===`) with the title and, under the key `argmap`, the rest of the
metadata, the actors and the sources as JSON (which is YAML); then, per section (a heading), one
top-level block per titled node — its definition, with every relation that points at it nested
below as `+ - _ ><` children. Untitled nodes are written where they are used (the place of their
first relation); their other relations become arrows (`+> -> _>`) under them. An undercut of a
relation is nested under that relation's line, which Argdown reads as undercutting that
inference. Actors, sources and node metadata travel as `{…}` data; evidence and untitled
arguments (Argdown has neither) carry `argmap-kind` there.

Only a titled statement (`[T]`) or argument (`<T>`) can be referred to: an untitled node that
must be written in a second place (the target of an arrow, a node met again) first gets a title
made from its text (argmap.language.write.titles), everywhere, so every relation is written.

What Argdown cannot say is left out and reported through `losses` (argmap.export.losses), one
code per kind: `relation-weight`, `relation-meta`, `relation-group` (co-premise groups:
Argdown links premises only inside premise–conclusion structures), `title-added` (an untitled
node given a title), `node-section` (an untitled node written under a relation in another
section than its own), `contradiction` (a contradiction with an argument at one end, which
Argdown's `><` cannot join: written as two attacks). docs/interchange.md lists them.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from ..language.write.format import title_syntax
from ..language.write.titles import with_titles
from ..model import Inference, Map, Node, NodeKind, Relation, RelationKind, relation_id, repeated
from .losses import note, unkept

#: what the Argdown writer keeps (argmap.export.losses.FEATURES); weights, relation metadata
#: and co-premise groups it does not
ARGDOWN_KEEPS = frozenset({
    "metadata", "actor", "source", "section",
    "node-text", "node-kind", "node-title", "node-actors", "node-tags", "node-sources", "node-meta",
    "node-section", "support", "attack", "undercut", "contradiction", "reconstruction",
})

_INCOMING = {
    RelationKind.SUPPORT: "+",
    RelationKind.ATTACK: "-",
    RelationKind.UNDERCUT: "_",
    RelationKind.CONTRADICTION: "><",
}
_OUTGOING = {
    RelationKind.SUPPORT: "+>",
    RelationKind.ATTACK: "->",
    RelationKind.UNDERCUT: "_>",
    RelationKind.CONTRADICTION: "><",
}
_TAG = re.compile(r"[\w-]+")
# characters that start something in Argdown text, escaped with a backslash wherever they occur
_SPECIAL = re.compile(r"([\\\[\]<>{}#@*_]|/(?=[/*]))")
# what a line may not start with: relation markers, pcs numbers, list items, headings, `===`
_LINE_START = re.compile(r"^(?=[-+=(]|\d+\.)")


def escape_text(text: str) -> str:
    """Text as Argdown statement text: special characters and line starts backslash-escaped."""
    lines = [_SPECIAL.sub(r"\\\1", line) for line in text.split("\n")]
    return "\n".join(_LINE_START.sub("\\\\", line) for line in lines)


def _flow(value: object) -> str:
    """A JSON (hence YAML flow) value whose braces cannot end an Argdown data block early."""
    text = json.dumps(value, ensure_ascii=False)  # meta values hold no mappings: braces are text
    return text.replace("{", "\\u007b").replace("}", "\\u007d")


def _yaml_json(value: object) -> str:
    """JSON for the front matter: `=` escaped so no `===` inside a string ends it."""
    return json.dumps(value, ensure_ascii=False).replace("=", "\\u003d")


def _data(map: Map, node: Node) -> str:
    data: dict[str, object] = dict(node.meta)
    if node.actors:
        data["actors"] = list(node.actors)
    if node.sources:
        data["sources"] = list(node.sources)
    if node.kind is NodeKind.EVIDENCE or (node.kind is NodeKind.ARGUMENT and node.title is None):
        data["argmap-kind"] = node.kind.value
    if not data:
        return ""
    pairs = ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {_flow(v)}" for k, v in data.items())
    return " {" + pairs + "}"


def _tags(node: Node) -> str:
    parts = []
    for tag in node.tags:
        parts.append(f"#{tag}" if _TAG.fullmatch(tag) else "#(" + tag.replace(")", "") + ")")
    return (" " + " ".join(parts)) if parts else ""


class _Writer:
    """Writes the outline; one instance per export."""

    def __init__(self, map: Map) -> None:
        self.map = map
        self.lines: list[str] = []
        self.placed: set[str] = set()
        self.needs: set[str] = set()  # untitled nodes this layout must refer to
        self.moved: list[tuple[str, str | None]] = []  # untitled nodes written in another section
        self.section: str | None = None
        self.incoming: dict[str, list[Relation]] = {}
        self.home: dict[str, str] = {}
        # a reconstruction's undercuts are written under the statement their inference concludes,
        # its argument's support of its main conclusion not at all (Argdown derives it)
        self.in_pcs: set[str] = set()
        for argument, pcs in map.reconstructions.items():
            self.in_pcs.update(u for i in pcs.inferences for u in i.undercuts)
            self.in_pcs.update(r.id for r in map.relations_from(argument)
                               if r.kind is RelationKind.SUPPORT and r.target == pcs.conclusion)
        # the nodes written in a premise-conclusion structure (an untitled one is defined there)
        self.statements = {s for pcs in map.reconstructions.values() for s in pcs.statements}
        self.statements.update(map.relations[u].source for pcs in map.reconstructions.values()
                               for i in pcs.inferences for u in i.undercuts if u in map.relations)
        for relation in map.relations.values():
            if relation.id not in self.in_pcs:
                self.incoming.setdefault(relation.target, []).append(relation)
        for relation in map.relations.values():
            source = map.nodes.get(relation.source)
            if source is not None and source.title is None and relation.id not in self.in_pcs:
                self.home.setdefault(source.id, relation.id)

    def reference(self, node_id: str) -> str | None:
        node = self.map.nodes.get(node_id)
        if node is not None and node.title is None:
            self.needs.add(node_id)
        return None if node is None or node.title is None else title_syntax(node.kind, node.title)

    def definition(self, node: Node, indent: str) -> str:
        text = escape_text(node.text)
        first, *rest = text.split("\n")
        if node.title is None:
            head = first
        else:
            head = title_syntax(node.kind, node.title) + (f": {first}" if node.text else "")
        lines = [head] + [f"{indent}  {line}" for line in rest]
        return "\n".join(lines) + _tags(node) + _data(self.map, node)

    def node_block(self, node: Node, indent: str, prefix: str) -> None:
        """`node`'s line (definition or reference) and everything nested under it."""
        first_time = node.id not in self.placed
        self.placed.add(node.id)
        if first_time:
            self.lines.append(f"{indent}{prefix}{self.definition(node, indent)}")
            if node.section != self.section and self.map.sections and node.section in self.map.sections:
                self.moved.append((node.id, self.section))
        else:
            self.lines.append(f"{indent}{prefix}{self.reference(node.id)}")
            return
        if node.title is None and prefix and any(
                r.kind is RelationKind.UNDERCUT for r in self.incoming.get(node.id, ())):
            # `_` under a relation line undercuts that relation: an undercut of this node itself
            # must come from a block of its own, so the node needs a title
            self.needs.add(node.id)
        if node.title is None:
            for relation in self.map.relations_from(node.id):
                if self.home.get(node.id) != relation.id:
                    self.arrow(relation, indent + "  ")
        for relation in self.incoming.get(node.id, ()):
            self.child(relation, indent + "  ")

    def arrow(self, relation: Relation, indent: str) -> None:
        if self.incoming.get(relation.id):
            # Argdown reads `_` under a line as bearing on that line's element, here the target:
            # a relation that is undercut is written under its target, from a titled source
            self.needs.add(relation.source)
        target = self.reference(relation.target)
        if target is None:
            self.lines.append(f"{indent}// argmap: relation {relation.id} ({relation.kind}) "
                              "has no titled target and cannot be written in Argdown")
            return
        self.lines.append(f"{indent}{_OUTGOING[relation.kind]} {target}")
        for undercut in self.incoming.get(relation.id, ()):
            self.child(undercut, indent + "  ")

    def child(self, relation: Relation, indent: str) -> None:
        """The line for `relation` under its target's line, then undercuts of it."""
        source = self.map.nodes.get(relation.source)
        if source is None:
            return
        marker = _INCOMING[relation.kind] + " "
        if source.title is None:
            if self.home.get(source.id) != relation.id:
                if relation.targets_relation:  # no arrow reaches a relation: refer to the source
                    self.needs.add(source.id)
                return  # written as an arrow under the source's own line
            self.node_block(source, indent, marker)
        else:
            self.lines.append(f"{indent}{marker}{self.reference(source.id)}")
        for undercut in self.incoming.get(relation.id, ()):
            self.child(undercut, indent + "  ")

    def write(self) -> str:
        self.front_matter()
        # an untitled statement is written in its premise-conclusion structure
        roots = [n for n in self.map.nodes.values()
                 if n.title is not None or n.id not in self.home and n.id not in self.statements]
        by_section: dict[str | None, list[Node]] = {}
        for node in roots:
            section = node.section if node.section in self.map.sections else None
            by_section.setdefault(section, []).append(node)
        for node in by_section.get(None, ()):
            self.block(node)
        for section in self.map.sections.values():
            self.section = section.id
            self.lines += ["", "#" * section.level + " " + escape_text(section.title)]
            for node in by_section.get(section.id, ()):
                self.block(node)
        for node in self.map.nodes.values():  # untitled nodes in a cycle of untitled nodes
            if node.id not in self.placed:
                self.home.pop(node.id, None)
                self.block(node)
        return "\n".join(self.lines).lstrip("\n") + "\n"

    def block(self, node: Node) -> None:
        self.lines.append("")
        self.node_block(node, "", "")
        if node.id in self.map.reconstructions:
            self.reconstruction(node.id)

    def reconstruction(self, argument: str) -> None:
        """The argument's premise-conclusion structure, after a blank line below its block:
        numbered statements (a titled one by reference), an inference line before each
        conclusion (`----`, or its rule and data between two `--` lines), the undercuts of an
        inference under the statement it concludes."""
        pcs = self.map.reconstructions[argument]
        concluding = {i.conclusion: i for i in pcs.inferences}
        self.lines.append("")
        for number, statement in enumerate(pcs.statements, start=1):
            inference = concluding.get(number)
            if inference is not None:
                self.inference(inference)
            node = self.map.nodes.get(statement)
            if node is None:
                continue
            if node.title is not None:  # defined in its own block, as every titled node
                self.lines.append(f"({number}) {self.reference(node.id)}")
            else:
                self.node_block(node, "", f"({number}) ")
            for rid in inference.undercuts if inference is not None else ():
                undercut = self.map.relations.get(rid)
                source = self.map.nodes.get(undercut.source) if undercut is not None else None
                if source is not None:
                    self.node_block(source, "  ", "<_ ")

    def inference(self, inference: Inference) -> None:
        if not inference.rule and not inference.meta:
            self.lines.append("----")
            return
        data = ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {_flow(v)}" for k, v in inference.meta.items())
        rule = escape_text(" ".join(inference.rule.split()))
        self.lines += ["--", (rule + (" {" + data + "}" if data else "")).strip(), "--"]

    def front_matter(self) -> None:
        rest = {k: v for k, v in self.map.metadata.items() if k != "title"}
        extra: dict[str, object] = {}
        if rest:
            extra["metadata"] = rest
        if self.map.actors:
            extra["actors"] = {a.id: {"name": a.name, **a.meta} for a in self.map.actors.values()}
        if self.map.sources:
            extra["sources"] = {
                s.id: {"citation": s.citation, **s.meta} for s in self.map.sources.values()
            }
        if self.map.title is None and not extra:
            return
        self.lines.append("===")
        if self.map.title is not None:
            self.lines.append(f"title: {_yaml_json(self.map.title)}")
        if extra:
            self.lines.append(f"argmap: {_yaml_json(extra)}")
        self.lines.append("===")


def _attacks_for_contradictions(map: Map) -> tuple[Map, list[str]]:
    """Argdown's `><` joins two statements only: a contradiction with an argument at either end
    becomes two attacks, one each way (the relation keeps its id for the first)."""
    translated = [r.id for r in map.relations.values() if r.kind is RelationKind.CONTRADICTION
                  and NodeKind.ARGUMENT in (getattr(map.nodes.get(r.source), "kind", None),
                                            getattr(map.nodes.get(r.target), "kind", None))]
    if not translated:
        return map, []
    relations = dict(map.relations)
    attacks = {(r.source, r.target): r.id for r in relations.values()  # Argdown keeps no groups
               if r.kind is RelationKind.ATTACK}
    number = len(relations)
    redirect: dict[str, str] = {}
    for rid in translated:
        r = relations[rid]
        if (r.source, r.target) in attacks:  # that attack is there already: one relation
            del relations[rid]
            redirect[rid] = attacks[(r.source, r.target)]
        else:
            relations[rid] = replace(r, kind=RelationKind.ATTACK)
            attacks[(r.source, r.target)] = rid
        if (r.target, r.source) not in attacks:
            number += 1
            while relation_id(number) in relations:
                number += 1
            new_id = relation_id(number)
            relations[new_id] = replace(r, id=new_id, kind=RelationKind.ATTACK,
                                              source=r.target, target=r.source)
            attacks[(r.target, r.source)] = new_id
    if redirect:  # undercuts of a contradiction that was dropped undercut the attack kept
        seen = {(r.source, r.target) for r in relations.values() if r.target not in redirect}
        kept = {}
        for i, r in relations.items():
            if r.target in redirect:
                r = replace(r, target=redirect[r.target])
                if (r.source, r.target) in seen:
                    continue  # that undercut is there already
                seen.add((r.source, r.target))
            kept[i] = r
        relations = kept
    return replace(map, relations=relations), translated


def for_argdown(map: Map) -> Map:
    """The map as the Argdown export holds it: no rephrases, a contradiction with an argument
    as two attacks, and a title for each untitled node the outline must refer to (renamed
    everywhere; see argmap.language.write.titles). (Its questions are written as statements.)"""
    return _for_argdown(map)[0]


def _for_argdown(map: Map) -> tuple[Map, list[str]]:
    if any(r.kind is RelationKind.REPHRASE for r in map.relations.values()):
        map = replace(map, relations={k: r for k, r in map.relations.items() if r.kind is not RelationKind.REPHRASE})
    map, translated = _attacks_for_contradictions(map)
    for _ in range(len(map.nodes) + 1):
        writer = _Writer(map)
        writer.write()
        if not writer.needs:
            break
        map = with_titles(map, writer.needs)
    return map, translated


def map_to_argdown(map: Map, losses: list | None = None) -> str:
    """The map as an Argdown document (see the module docstring for the layout); what Argdown
    cannot hold is recorded in `losses` when a list is given. Argdown has no questions and no
    rephrases: a question is written as a statement (read back as a claim), a rephrase is left
    out."""
    for node in map.nodes.values():
        if node.kind is NodeKind.QUESTION:
            note(losses, "node-kind", node.id, "a question: Argdown has none; written as a statement")
    rephrases = [r for r in map.relations.values() if r.kind is RelationKind.REPHRASE]
    for relation in rephrases:
        note(losses, "rephrase", relation.id, f"{relation.source} rephrases {relation.target}: Argdown has no "
             "rephrase; left out")
    titled, translated = _for_argdown(map)
    for earlier, relation in repeated(titled.relations.values(), grouped=False):
        note(losses, "repeated-relation", relation.id, f"repeats {earlier.id} (Argdown holds one relation "
             "of a kind between two elements, and no co-premise groups): read back once")
    writer = _Writer(titled)
    text = writer.write()
    if losses is not None:
        for old, new in zip(map.nodes, titled.nodes):
            if old != new:
                note(losses, "title-added", old, f"untitled, written as {new} so that every "
                     "place it is used can refer to it")
        for rid in translated:
            r = map.relations[rid]
            note(losses, "contradiction", rid, f"{r.source} contradicts {r.target}: written as "
                 "two attacks, one each way (Argdown's '><' joins two statements only)")
        for node_id, section in writer.moved:
            where = f"section {section}" if section else "no section"
            note(losses, "node-section", node_id, f"written in {where} (under the relation it is "
                 f"first used in), not in its own section {titled.nodes[node_id].section}")
        unkept(titled, losses, keeps=ARGDOWN_KEEPS)
    return text

"""Model -> DOT text. Generated ids only: no title or text of the map is ever a DOT identifier.

One method per node kind and per relation kind, and an explicit error for an unknown one.
Relations are drawn as paths: a plain relation is one edge; a relation that an undercut
targets runs through a small junction point (the undercut ends there); co-premises of one
linked reason meet in a shared junction that carries the single arrow to their conclusion.
Every edge segment carries `class="... relN"` naming the relations (by position) it draws.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Mapping, Protocol, Sequence

import graphviz

from ..errors import RenderError
from ..model import Inference, Map, Node, NodeKind, Relation, RelationKind
from ..sides import Sides
from . import statements as dot
from .focus import focused_node
from .labels import BODY_SIZE, escape_attribute, escape_html, left_lines, node_label, row, small, title_lines
from .options import RenderOptions
from .reconstruction import CONCLUDES_EDGE, INFERENCE_EDGE, PCS_COLOR, Schemes, inference_words, list_only, list_rows
from .reconstruction import legend_rows as pcs_legend_rows
from .select import visible_nodes, visible_relations
from .style import EDGE_STYLES, FONT, SPACING, legend_label, node_attributes


#: the graph attributes of every drawing and of its legend alone
ENVELOPE = {"fontname": FONT, "fontsize": "14", "bgcolor": "white", "pad": "0.2"}


class Overlay(Protocol):
    """An analysis layer drawn on top of the map (see argmap.render.overlay)."""

    def node_attributes(self, node_id: str) -> dict[str, str]: ...

    def label_rows(self, node_id: str) -> list[str]: ...

    def legend_rows(self) -> list[str]: ...


class DotBuilder:
    """Builds the DOT text of one map with one set of options (use `build_dot`)."""

    def __init__(self, map_: Map, options: RenderOptions, overlays: Sequence[Overlay] = (),
                 head_ports: Mapping[tuple[str, str], str] | None = None) -> None:
        self.map = map_
        self.head_ports = head_ports or {}
        self.options = options
        self.overlays = list(overlays)
        self.palette = Sides(map_)
        self.node_ids = {node_id: f"n{i}" for i, node_id in enumerate(map_.nodes, 1)}
        self.relation_numbers = {rel_id: i for i, rel_id in enumerate(map_.relations, 1)}
        self.focused = None if options.focus is None else focused_node(map_, options.focus).id
        # statements nothing else relates to are drawn in their argument's list, or not at all
        self.listed = list_only(map_) - {self.focused} if map_.reconstructions else set()
        hidden = self.listed if options.pcs != "expanded" else set()
        self.visible = [n for n in visible_nodes(map_, options) if n not in hidden]
        self.schemes = Schemes(map_, options.critical_questions)
        self.drew_structure = False  # for the legend
        self.onto_inference: dict[str, str] = {}  # undercut id -> its inference's junction (expanded)
        self.inferences = self._plan_inferences() if options.pcs == "expanded" else {}
        self.relations = visible_relations(map_, set(self.visible), options.round)
        self.footnotes: dict[str, int] = {}
        self.junctions: dict[str, str] = {}  # relation id -> junction DOT id
        self.body: list[str] = []
        self.node_methods = {NodeKind.CLAIM: self.claim, NodeKind.ARGUMENT: self.argument,
                             NodeKind.EVIDENCE: self.evidence, NodeKind.QUESTION: self.question}
        self.relation_methods = {RelationKind.SUPPORT: self.support, RelationKind.ATTACK: self.attack,
                                 RelationKind.UNDERCUT: self.undercut,
                                 RelationKind.CONTRADICTION: self.contradiction,
                                 RelationKind.REPHRASE: self.rephrase}

    # --- nodes, one method per kind ------------------------------------------------------

    def claim(self, node: Node) -> dict[str, str]:
        return node_attributes(node, self.palette)

    def argument(self, node: Node) -> dict[str, str]:
        return node_attributes(node, self.palette)

    def evidence(self, node: Node) -> dict[str, str]:
        return node_attributes(node, self.palette)

    def question(self, node: Node) -> dict[str, str]:
        return node_attributes(node, self.palette)

    def node_statement(self, node: Node, indent: str) -> None:
        method = self.node_methods.get(node.kind)
        if method is None:
            raise RenderError(f"cannot draw a node of kind {node.kind!r} ({node.id})")
        attributes = method(node)
        numbers = [self._footnote(s) for s in node.sources if s in self.map.sources]
        markers = small("[" + ",".join(map(str, numbers)) + "]", "#666666") if numbers else ""
        extra: list[str] = []
        for overlay in self.overlays:
            added = overlay.node_attributes(node.id)
            if "style" in added and "style" in attributes:  # a line style adds to the shape's
                added = {**added, "style": attributes["style"] + "," + added["style"]}
            attributes.update(added)
            extra.extend(overlay.label_rows(node.id))
        if node.id == self.focused:  # the node --focus names: a double border
            attributes["peripheries"] = "2"
        badge = self.schemes.node_badge(node)
        label = node_label(node.title, node.text, wrap=self.options.wrap, show_text=self.options.show_text,
                           markers=markers, tags=node.tags if self.options.show_tags else (),
                           extra_rows=tuple(extra), subtitle=small(badge, PCS_COLOR) if badge else "",
                           body_rows=tuple(self._structure_rows(node)))
        attributes["class"] = node.kind.value
        # with the text hidden (--no-text), hovering over a node in the SVG shows it
        tooltip = None if self.options.show_text else escape_attribute(node.text or node.label)
        self.body.append(indent + dot.node(self.node_ids[node.id], attributes, label=label, tooltip=tooltip))
        self.inference_points(node.id, indent)

    def _structure_rows(self, node: Node) -> list[str]:
        """The rows an argument's box shows of its scheme's open questions and, inline and with
        the texts, of its reconstruction (reconstruction.py)."""
        wrap, asked = self.options.wrap, self.options.critical_questions
        rows = [row(cell) for cell in self.schemes.open_questions(node.id, None, wrap)] if asked else []
        reconstruction = self.map.reconstructions.get(node.id)
        if reconstruction is None or (self.options.pcs == "hidden" and not asked):
            return rows
        if self.options.pcs == "inline":
            if not self.options.show_text:  # titles only: the lists go with the texts
                return rows
            self.drew_structure = True
            return rows + list_rows(self.map, reconstruction, wrap=wrap,
                                    own_nodes=set(reconstruction.statements) - self.listed, schemes=self.schemes,
                                    questions=asked)
        for index, inference in enumerate(reconstruction.inferences):  # their questions, in the box
            cells = self.schemes.open_questions(node.id, index, wrap) if asked else []
            if cells:
                rows.append(row(small(f"-- {inference_words(inference, self.schemes)} -- ({inference.conclusion}):",
                                      PCS_COLOR)))
                rows.extend(row(cell) for cell in cells)
        return rows

    def _footnote(self, source_id: str) -> int:
        return self.footnotes.setdefault(source_id, len(self.footnotes) + 1)

    # --- relations, one method per kind --------------------------------------------------

    def support(self, relation: Relation) -> dict[str, str]:
        return dict(EDGE_STYLES[RelationKind.SUPPORT])

    def attack(self, relation: Relation) -> dict[str, str]:
        return dict(EDGE_STYLES[RelationKind.ATTACK])

    def undercut(self, relation: Relation) -> dict[str, str]:
        style = dict(EDGE_STYLES[RelationKind.UNDERCUT])
        undercut = self.map.relations.get(relation.target)
        if undercut is not None and self._same_box(relation.source, undercut.source):
            # the undercutter may sit level with the inference, so that the undercut crosses the
            # relation's line instead of running alongside it (not across boxes: graphviz-pure
            # loses such a level edge between two clusters)
            style["minlen"] = "0"
        return style

    def _same_box(self, first: str, second: str) -> bool:
        return self._cluster_of(self.map.nodes[first]) == self._cluster_of(self.map.nodes[second])

    def contradiction(self, relation: Relation) -> dict[str, str]:
        return dict(EDGE_STYLES[RelationKind.CONTRADICTION])

    def rephrase(self, relation: Relation) -> dict[str, str]:
        return dict(EDGE_STYLES[RelationKind.REPHRASE])

    def edge_style(self, relation: Relation) -> dict[str, str]:
        method = self.relation_methods.get(relation.kind)
        if method is None:
            raise RenderError(f"cannot draw a relation of kind {relation.kind!r} ({relation.id})")
        style = method(relation)
        if relation.weight is not None:
            style["penwidth"] = f"{0.6 + 2.4 * max(0.0, min(1.0, relation.weight)):.2f}"
        return style

    def _classes(self, kind: RelationKind, relations: Sequence[Relation]) -> str:
        return " ".join([kind.value] + [f"rel{self.relation_numbers[r.id]}" for r in relations])

    def _endpoint(self, target: str) -> str:
        return self.junctions[target] if target in self.map.relations else self.node_ids[target]

    def _plan_junctions(self) -> dict[str, list[Relation]]:
        """Give a junction to each linked reason and to each relation an undercut targets."""
        groups: dict[str, list[Relation]] = defaultdict(list)
        for relation in self.relations:
            if relation.group is not None:
                groups[relation.group].append(relation)
        undercut = {r.target for r in self.relations if r.target in self.map.relations}
        linked = {g: rels for g, rels in groups.items()
                  if len(rels) > 1 or any(r.id in undercut for r in rels)}
        for number, rels in enumerate(linked.values(), 1):
            for relation in rels:
                self.junctions[relation.id] = f"g{number}"
        for relation in self.relations:
            if relation.id in undercut and relation.id not in self.junctions:
                self.junctions[relation.id] = f"j{self.relation_numbers[relation.id]}"
        return linked

    def _edge(self, tail: str, head: str, style: dict[str, str], classes: str) -> None:
        """One edge segment, entering its head at the port `head_ports` gives it (ports.py)."""
        port = self.head_ports.get((tail, head))
        if port is not None:
            style = {**style, "headport": port}
        self.body.append("\t" + dot.edge(tail, head, style, classes))

    def relation_statements(self) -> None:
        linked = self._plan_junctions()
        self.inference_statements()
        drawn_junctions: set[str] = set()
        for relation in self.relations:
            style = self.edge_style(relation)
            source = self.node_ids[relation.source]
            junction = self.junctions.get(relation.id)
            classes = self._classes(relation.kind, [relation])
            head = self.onto_inference.get(relation.id) or self._endpoint(relation.target)
            if junction is None:
                self._edge(source, head, style, classes)
                continue
            into = {**style, "arrowhead": "none", "dir": "forward"}
            into.pop("arrowtail", None)
            self._edge(source, junction, into, classes)
            if junction not in drawn_junctions:
                drawn_junctions.add(junction)
                members = linked.get(relation.group, [relation]) if relation.group else [relation]
                point = {"shape": "point", "width": "0.09", "color": style["color"], "class": "junction"}
                self.body.append("\t" + dot.node(junction, point))
                outward = self._classes(relation.kind, members)
                self._edge(junction, head, style, outward)

    def _plan_inferences(self) -> dict[str, list[tuple[str, Inference, list[str], str]]]:
        """`--pcs expanded`: argument id -> (junction DOT id, inference, the drawn statements it
        uses, what it concludes: the main one the argument) for each inference drawn."""
        shown = set(self.visible)
        plan: dict[str, list[tuple[str, Inference, list[str], str]]] = {}
        for argument, reconstruction in self.map.reconstructions.items():
            if argument not in shown:
                continue
            last = len(reconstruction.statements)
            for inference in reconstruction.inferences:
                head = argument if inference.conclusion == last else reconstruction.statement(inference.conclusion)
                tails = [t for t in dict.fromkeys(map(reconstruction.statement, inference.uses)) if t in shown]
                if head in shown and tails:
                    junction = f"i{sum(map(len, plan.values())) + 1}"  # i1, i2, … in map order
                    plan.setdefault(argument, []).append((junction, inference, tails, head))
                    self.onto_inference.update(dict.fromkeys(inference.undercuts, junction))
        return plan

    def inference_points(self, argument: str, indent: str) -> None:
        """The junctions of `argument`'s inferences, in its box (cluster), each labelled with
        its rule and scheme beside it (an edge label would add a rank)."""
        for junction, inference, _, _ in self.inferences.get(argument, ()):
            words = inference_words(inference, self.schemes)
            point = {"shape": "point", "width": "0.09", "color": PCS_COLOR, "class": "junction inference",
                     **({"xlabel": dot.Html(small(words, PCS_COLOR))} if words else {})}
            self.body.append(indent + dot.node(junction, point))

    def inference_statements(self) -> None:
        """`--pcs expanded`: the edges of each inference, from the statements it uses to its
        junction and on to what it concludes, then each argument's "concludes" edge to its main
        conclusion unless it supports it already."""
        supported = {(r.source, r.target) for r in self.relations if r.kind is RelationKind.SUPPORT}
        into = {**INFERENCE_EDGE, "arrowhead": "none"}
        for argument in self.inferences:
            self.drew_structure = True
            for junction, _, tails, head in self.inferences[argument]:
                for tail in tails:
                    self._edge(self.node_ids[tail], junction, into, "inference")
                self._edge(junction, self.node_ids[head], dict(INFERENCE_EDGE), "inference")
            conclusion = self.map.reconstructions[argument].conclusion
            if conclusion in self.visible and (argument, conclusion) not in supported:
                self._edge(self.node_ids[argument], self.node_ids[conclusion], dict(CONCLUDES_EDGE), "concludes")

    # --- grouping --------------------------------------------------------------------------

    def _cluster_of(self, node: Node) -> str | None:
        if self.options.group_by == "section":
            return node.section if node.section in self.map.sections else None
        if self.options.group_by == "actor":
            return next((a for a in node.actors if a in self.map.actors), None)
        return None

    def node_statements(self) -> None:
        members: dict[str | None, list[Node]] = defaultdict(list)
        for node_id in self.visible:
            node = self.map.nodes[node_id]
            members[self._cluster_of(node)].append(node)
        for node in members.pop(None, []):
            self.node_statement(node, "\t")
        if self.options.group_by == "section":
            self._section_clusters(members)
        else:
            for number, (actor_id, nodes) in enumerate(members.items(), 1):
                actor = self.map.actors[actor_id]  # type: ignore[index]
                self._cluster(f"cluster_a{number}", actor.name, nodes, "\t", lambda indent: None)

    def _section_clusters(self, members: dict[str | None, list[Node]]) -> None:
        """Nested clusters for the sections that hold a drawn node (directly or below)."""
        children: dict[str | None, list[str]] = defaultdict(list)
        for section in self.map.sections.values():
            parent = section.parent if section.parent in self.map.sections else None
            children[parent].append(section.id)
        used: set[str] = set()
        for section_id in members:
            while section_id is not None and section_id not in used:
                used.add(section_id)
                section_id = self.map.sections[section_id].parent
                section_id = section_id if section_id in self.map.sections else None
        numbers = {section_id: i for i, section_id in enumerate(self.map.sections, 1)}

        def emit(parent: str | None, indent: str) -> None:
            for section_id in children.get(parent, []):
                if section_id in used:
                    self._cluster(f"cluster_s{numbers[section_id]}", self.map.sections[section_id].title,
                                  members.get(section_id, []), indent,
                                  lambda inner, sid=section_id: emit(sid, inner))

        emit(None, "\t")

    def _cluster(self, name: str, title: str, nodes: list[Node], indent: str, nested) -> None:  # noqa: ANN001
        # dot mirrors cluster labels with the ranks: under BT, "b" is the top
        top = "b" if self.options.rankdir == "BT" else "t"
        # wrapped like the nodes: a narrow title leaves room for the edges that leave the box;
        # bold text is wider than the regular widths Graphviz measures it by: pad the label
        lines = title_lines(title, self.options.wrap) or [" "]
        padding = "&#160;" * (max(map(len, lines)) // 8 + 1)
        title_html = f'<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD BALIGN="LEFT">' \
                     f"<B>{left_lines(lines)}</B>{padding}</TD></TR></TABLE>"
        attrs = {"label": dot.Html(title_html), "labeljust": "l",
                 "labelloc": top, "style": "rounded,filled", "fillcolor": "#f8f8f6", "color": "#c9c9c2",
                 "fontname": FONT, "fontsize": "13", "fontcolor": "#444444"}
        self.body.extend(indent + line for line in dot.subgraph_open(name, attrs))
        for node in nodes:
            self.node_statement(node, indent + "\t")
        nested(indent + "\t")
        self.body.append(indent + "}")

    # --- the whole graph -----------------------------------------------------------------

    def build(self) -> str:
        """The DOT source of the drawing."""
        self.node_statements()
        self.relation_statements()
        spacing = SPACING["compact" if self.options.compact else "roomy"]
        graph_attr = {"rankdir": self.options.rankdir, "newrank": "true", "nodesep": spacing["nodesep"],
                      "ranksep": spacing["ranksep"], **ENVELOPE}
        page = self.options.page_size
        if page is not None:  # shrink the drawing to the page (never enlarge it)
            graph_attr["size"] = f"{page[0]:g},{page[1]:g}"
        legend = self._legend() if self.options.legend else None
        if legend is not None:
            graph_attr.update(label=f"<{legend}>", labelloc="t", labeljust="l")
        graph = graphviz.Digraph(
            "argmap", graph_attr=graph_attr,
            node_attr={"fontname": FONT, "fontsize": str(BODY_SIZE), "margin": spacing["margin"]},
            edge_attr={"fontname": FONT, "arrowsize": "0.8"},
            body=[line + "\n" for line in self.body],
        )
        return graph.source

    def build_legend(self) -> str | None:
        """The DOT source of the legend alone (a graph of no nodes), or None without one."""
        self.node_statements()  # they gather what the legend lists (footnotes, relations)
        self.relation_statements()
        legend = self._legend() if self.options.legend else None
        if legend is None:
            return None
        graph_attr = {**ENVELOPE, "label": f"<{legend}>", "labelloc": "t", "labeljust": "l"}
        return graphviz.Digraph("legend", graph_attr=graph_attr).source

    def _portrait(self) -> bool:
        """True when laid out for a page taller than wide (its legend then goes 2 columns wide)."""
        page = self.options.page_size
        return page is not None and page[0] < page[1]

    def _legend(self) -> dot.Html | None:
        kinds = sorted({r.kind for r in self.relations}, key=list(RelationKind).index)
        node_kinds = sorted({self.map.nodes[n].kind for n in self.visible}, key=list(NodeKind).index)
        shown = {self.palette.of_node(self.map.nodes[n]) for n in self.visible}
        parties = [p for p in self.palette.all if p in shown]
        citations = [(n, self.map.sources[s].citation) for s, n in self.footnotes.items()]
        extra = [row for overlay in self.overlays for row in overlay.legend_rows()]
        title = self.map.title
        if self.options.round is not None:
            title = f"{title} (after round {self.options.round})" if title else f"After round {self.options.round}"
        weighted = any(r.weight is not None for r in self.relations)
        focus = None if self.focused is None else self.map.nodes[self.focused].label
        structure = pcs_legend_rows(self.options.pcs if self.drew_structure else "hidden", self.schemes.shown)
        return legend_label(title, parties, node_kinds, kinds, citations, extra, weighted=weighted, focus=focus,
                            per_row=2 if self._portrait() else 5, structure_rows=structure)


def build_dot(map_: Map, options: RenderOptions | None = None, overlays: Sequence[Overlay] = (),
              head_ports: Mapping[tuple[str, str], str] | None = None) -> str:
    """The DOT text of `map_` drawn with `options` (validated against the map) and overlays;
    `head_ports` ((tail, head) DOT ids -> compass point) spreads arrowheads (ports.py)."""
    options = (options or RenderOptions()).validated(map_)
    return DotBuilder(map_, options, overlays, head_ports).build()


def build_legend_dot(map_: Map, options: RenderOptions, overlays: Sequence[Overlay] = ()) -> str | None:
    """The DOT text of the legend `build_dot` draws for `map_` with `options`, alone (None
    without one). Graphviz sets a drawing's legend above its nodes: the drawing is as wide as
    the wider of the two and as high as both together (argmap/render/fit.py relies on it)."""
    return DotBuilder(map_, options.validated(map_), overlays).build_legend()

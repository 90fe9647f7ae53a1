"""How a drawing shows reconstructions (an argument's premise-conclusion structure) and schemes.

`--pcs inline` (the default) lists the structure in the argument's box: `(1) …`, the inference
lines `-- rule «Scheme» --`, `(3) …`. `--pcs expanded` draws each statement as a node and each
inference as a junction from the statements it uses to the one it concludes; the main inference
ends on the argument itself (as analysis reads it: docs/analysis.md), and the argument points
to its main conclusion with a "concludes" edge unless it already supports it. `--pcs hidden`
draws no structure. In inline and hidden mode a statement nothing else relates to (`list_only`)
is not drawn as a node of its own.

A scheme (`{scheme: …}` on an argument or an inference line) is shown by its name in the
catalogue («Expert opinion»; an unknown name as written); with `critical_questions` the
questions the map leaves open are listed under it (argmap/schemes/uses.py).
"""

from __future__ import annotations

import re

from ..model import Inference, Map, Node, Reconstruction
from .labels import escape_html, left_lines, small, title_lines, wrap_lines

#: the colour of a reconstruction's own lines and words (not a relation's green or red)
PCS_COLOR = "#555555"
#: the edge from a junction of an inference to what it concludes, and from an argument to its
#: main conclusion
INFERENCE_EDGE = {"color": PCS_COLOR, "arrowhead": "normal", "penwidth": "1.2"}
CONCLUDES_EDGE = {"color": PCS_COLOR, "arrowhead": "onormal", "style": "dotted", "penwidth": "1.4"}
#: the colour of open critical questions (dark amber: neither a side's nor a relation's)
QUESTION_COLOR = "#6b4e00"
#: how many wrapped lines of a critical question a box shows
QUESTION_LINES = 2
_ARGUMENT_FROM = re.compile(r"^argument from (?:an? )?", re.IGNORECASE)


def list_only(map_: Map) -> set[str]:
    """The statements nothing else in the map relates to: no relation in or out, in one
    reconstruction only, and with none of their own (a list can show them all)."""
    counts: dict[str, int] = {}
    for reconstruction in map_.reconstructions.values():
        for node_id in set(reconstruction.statements):
            counts[node_id] = counts.get(node_id, 0) + 1
    related = {end for r in map_.relations.values() for end in (r.source, r.target)}
    return {node_id for node_id, count in counts.items()
            if count == 1 and node_id not in related and node_id not in map_.reconstructions}


def short_name(name: str) -> str:
    """A scheme's name as a badge says it: "Argument from expert opinion" -> "Expert opinion"."""
    rest = _ARGUMENT_FROM.sub("", name.strip(), count=1)
    return rest[:1].upper() + rest[1:]


class Schemes:
    """The schemes a map names, for badges, and their open questions (only when asked)."""

    def __init__(self, map_: Map, questions: bool) -> None:
        from ..schemes.uses import SCHEME_KEY, find_uses, map_catalogue, uses_schemes

        self.key = SCHEME_KEY
        self.catalogue = map_catalogue(map_)[0] if uses_schemes(map_) else None
        self.uses = find_uses(map_, self.catalogue) if questions and self.catalogue is not None else []
        self.shown = False  # whether a badge was drawn (for the legend)

    def badge(self, name: object) -> str:
        """The escaped badge text of scheme `name`: «Expert opinion», or «name» as written."""
        scheme = None if self.catalogue is None else self.catalogue.find(name)
        self.shown = True
        return "&#171;" + escape_html(short_name(scheme.name) if scheme else str(name)) + "&#187;"

    def node_badge(self, node: Node) -> str | None:
        """The badge of the scheme `node` names, None without one."""
        return self.badge(node.meta[self.key]) if node.meta and self.key in node.meta else None

    def open_questions(self, owner: str, inference: int | None, wrap: int) -> list[str]:
        """The escaped cells of the questions the use of `owner` (an inference of its
        reconstruction when `inference` is its index) leaves open: `CQ3 Is E …`, each cut to
        QUESTION_LINES."""
        cells = []
        for use in self.uses:
            if use.owner != owner or use.inference != inference:
                continue
            for question in use.open_questions():
                lines = wrap_lines(f"{question.id} {question.text}", wrap)
                shown = lines[:QUESTION_LINES]
                if len(lines) > QUESTION_LINES:
                    shown[-1] += " ..."
                cells.append(small(left_lines(shown), QUESTION_COLOR))
        return cells


def inference_words(inference: Inference, schemes: Schemes) -> str:
    """An inference line's escaped words: `rule «Scheme»`, either alone, or "" for neither."""
    words = [escape_html(inference.rule)] if inference.rule.strip() else []
    if inference.scheme is not None:
        words.append(schemes.badge(inference.scheme))
    return " ".join(words)


def list_rows(map_: Map, reconstruction: Reconstruction, *, wrap: int, own_nodes: set[str],
              schemes: Schemes, questions: bool) -> list[str]:
    """The rows of an inline list: one per statement, `(N)` beside its words — a statement
    that is a node of its own by its title (its text when it has none), one drawn only here by
    its title and text — and one per inference line, with its open questions under it when
    `questions`."""
    by_conclusion = {i.conclusion: (index, i) for index, i in enumerate(reconstruction.inferences)}
    cells: list[str] = []
    for number, node_id in enumerate(reconstruction.statements, 1):
        if number in by_conclusion:
            index, inference = by_conclusion[number]
            words = inference_words(inference, schemes)
            line = f"-- {words} --" if words else "----"
            cells.append(f'<TR><TD COLSPAN="2" ALIGN="CENTER">{small(line, PCS_COLOR)}</TD></TR>')
            for question in schemes.open_questions(reconstruction.argument, index, wrap) if questions else ():
                cells.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">{question}</TD></TR>')
        node = map_.nodes[node_id]
        words = _statement_words(node, wrap, show_text=node_id not in own_nodes)
        cells.append(f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">({number})</TD>'
                     f'<TD ALIGN="LEFT" BALIGN="LEFT">{words}</TD></TR>')
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(cells) + "</TABLE>"
    return [f'<TR><TD ALIGN="LEFT">{table}</TD></TR>']


def _statement_words(node: Node, wrap: int, *, show_text: bool) -> str:
    """A statement in a list: its title in bold, then its text when `show_text` (or it has no title)."""
    width = max(8, wrap - 4)  # the number takes the rest of the line
    parts = [] if node.title is None else ["<B>" + left_lines(title_lines(node.title, width)) + "</B>"]
    if show_text or node.title is None:
        parts.append(left_lines(wrap_lines(node.text, width)))
    return "<BR/>".join(p for p in parts if p) or " "


def legend_rows(mode: str, badges: bool) -> list[str]:
    """The legend's rows for reconstructions drawn in `mode` and for scheme badges (in the
    second column of the node kinds: a wider first one would stretch their swatches)."""
    rows = []
    if mode == "inline":
        rows.append(f'{small("(1) -- (2)", PCS_COLOR)}  in an argument: its premises, inferences, conclusions')
    elif mode == "expanded":
        rows.append(f'<FONT COLOR="{PCS_COLOR}"><B>-o-&gt;</B></FONT>  an inference of an argument (its rule)')
        rows.append(f'<FONT COLOR="{PCS_COLOR}"><B>. . &gt;</B></FONT>  the argument concludes')
    if badges:
        rows.append(f'{small("&#171;Scheme&#187;", PCS_COLOR)}  the argumentation scheme it follows')
    return [f'<TR><TD></TD><TD ALIGN="LEFT">{cell}</TD></TR>' for cell in rows]

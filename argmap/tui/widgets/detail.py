"""The detail pane on the right: everything about the node under the cursor."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import ClassVar

from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...errors import Span
from ...language.vocabulary import MARKERS
from ...model import Map, Node, Relation, RelationKind
from ...printable import visible
from .._textual_internals import SizeUpdateHook
from ..overlay import Overlay
from .labels import STATUS_BADGES, actor_colors, shorten
from .options import VI_KEYS, SteadyOptionList
from .reconstruction import critical_questions, reconstruction_choices

_ACTIVE = {RelationKind.SUPPORT: "supports", RelationKind.ATTACK: "attacks",
           RelationKind.UNDERCUT: "undercuts", RelationKind.CONTRADICTION: "contradicts",
           RelationKind.REPHRASE: "restates"}
_PASSIVE = {RelationKind.SUPPORT: "supported by", RelationKind.ATTACK: "attacked by",
            RelationKind.UNDERCUT: "undercut by", RelationKind.CONTRADICTION: "contradicted by",
            RelationKind.REPHRASE: "restated by"}

#: reads the lines of a file (cached by the caller); empty when unreadable
LineReader = Callable[[str], list[str]]


def _label(map_: Map, ident: str) -> str:
    node = map_.nodes.get(ident)
    return shorten(node.label, 60) if node else ident


def relation_choice(map_: Map, relation: Relation, node_id: str) -> tuple[str, str]:
    """How `relation` reads from `node_id`'s side, and where following it goes."""
    if relation.source == node_id:
        target = map_.relations.get(relation.target) if relation.targets_relation else None
        if target is not None:
            inference = f"{_label(map_, target.source)} → {_label(map_, target.target)}"
            return f"→ {_ACTIVE[relation.kind]} the inference {inference}", target.id
        return f"→ {_ACTIVE[relation.kind]} {_label(map_, relation.target)}", relation.target
    if relation.target == node_id:
        return f"← {_PASSIVE[relation.kind]} {_label(map_, relation.source)}", relation.source
    undercut = map_.relations.get(relation.target)
    if undercut is not None and undercut.target == node_id:
        what = f"the {undercut.kind.value} from {_label(map_, undercut.source)}"
    else:
        what = f"its {undercut.kind.value if undercut else 'link'} on " + (
            _label(map_, undercut.target) if undercut else "?")
    return f"← {_PASSIVE[relation.kind]} {_label(map_, relation.source)} ({what})", relation.source


def _places(map_: Map, node: Node) -> str:
    def where(span: Span, line: str = "") -> str:
        if span.path in (None, map_.path):
            return f"{line}{span.line}"
        folder = os.path.dirname(map_.path) if map_.path else os.curdir
        return f"{os.path.relpath(span.path, folder)} line {span.line}"

    text = f"defined at {where(node.span, 'line ')}"
    if node.references:
        text += "; referenced at " + ", ".join(where(s) for s in node.references)
    return text


def describe(map_: Map, node: Node, overlay: Overlay) -> Text:
    """Title, text, kind, actors, tags, metadata, sources, places and analysis of `node`."""
    colors = actor_colors(map_)
    out = Text()
    if node.title is not None:
        out.append(visible(node.title, newlines=False), style="bold").append(f"  {node.kind.value}\n", style="dim")
    else:
        out.append(f"{node.kind.value} (untitled)\n", style="bold")
    out.append(visible(node.plain_text) + "\n\n")
    for actor_id in node.actors:
        actor = map_.actors.get(actor_id)
        out.append("actor  ", style="dim")
        out.append(visible(actor.name if actor else actor_id, newlines=False), style=f"bold {colors.get(actor_id, '')}")
        out.append(f" (@{actor_id})\n", style="dim")
    if node.tags:
        out.append("tags   ", style="dim").append(visible(" ".join(f"#{t}" for t in node.tags), newlines=False) + "\n")
    for key, value in node.meta.items():
        out.append(visible(f"{key}: ", newlines=False), style="dim").append(visible(f"{value}") + "\n")
    for source_id in node.sources:
        source = map_.sources.get(source_id)
        out.append(f"^{source_id}  ", style="dim")
        out.append(visible(source.citation if source else "(undeclared source)") + "\n")
        url = source.meta.get("url") if source else None
        if url:
            out.append(visible(f"       {url}", newlines=False) + "\n", style="underline blue")
    out.append(_places(map_, node) + "\n", style="dim")
    if overlay.shows_status:
        label, style = STATUS_BADGES.get(overlay.status.get(node.id, ""), ("?", "dim"))
        out.append(f"{overlay.name}: ", style="dim").append(label.strip() + "\n", style=style)
    if node.id in overlay.strength:
        out.append("strength: ", style="dim").append(f"{overlay.strength[node.id]:.3f}\n")
    why = short_explanation(map_, node, overlay)
    if why:
        out.append("why (grounded): " if overlay.name != "grounded" else "why: ", style="dim")
        out.append(visible(why, newlines=False) + "\n")
    return out


#: the explainer of the last map and overlay shown: (map, overlay, explainer), by identity
_explainer: list[tuple[Map, Overlay, object]] = []


def short_explanation(map_: Map, node: Node, overlay: Overlay) -> str | None:
    """The one-line grounded explanation of `node` when a status overlay is on (None
    otherwise): the map is translated once per map and overlay, then each node shown costs the
    few steps of its own explanation."""
    if not overlay.shows_status:
        return None
    from ...analyze.explain import MapExplainer
    from ...analyze.explain import short_explanation as explain_short
    from ...errors import ArgmapError

    try:
        if not _explainer or _explainer[0][0] is not map_ or _explainer[0][1] is not overlay:
            _explainer[:] = [(map_, overlay, MapExplainer(map_))]
        return explain_short(_explainer[0][2], node.id)  # type: ignore[arg-type]
    except ArgmapError:
        return None


#: what starts a line that is not a continuation of the node above it
_NOT_CONTINUED = (*(f"{marker} " for marker in MARKERS), "//")


def _last_line(lines: list[str], span: Span) -> int:
    """The last line of the node written at `span`: its own, then its continuation lines."""
    first = lines[span.line - 1]
    indent = len(first) - len(first.lstrip())
    last = max(span.line, span.end_line)
    while last < len(lines):
        line = lines[last]
        stripped = line.lstrip()
        if not stripped or len(line) - len(stripped) <= indent or stripped.startswith(_NOT_CONTINUED):
            break
        last += 1
    return last


def source_excerpt(lines: list[str], span: Span) -> Text | None:
    """The lines a node was written on, numbered, highlighted with the argmap lexer.

    Highlighted once into plain `Text` (a `Syntax` would lex again on every repaint).
    """
    if not lines or not 1 <= span.line <= len(lines):
        return None
    code = visible("\n".join(lines[span.line - 1 : _last_line(lines, span)]))
    from ...language.highlight import (
        ArgmapLexer,  # (here: Pygments is needed once a node is shown)
    )

    syntax = Syntax(code, ArgmapLexer(), theme="ansi_dark", background_color="default")
    highlighted = syntax.highlight(code)
    highlighted.rstrip()
    out = Text()
    for number, line in enumerate(highlighted.split("\n"), start=span.line):
        out.append(f"{number:>5} ", style="dim").append(line).append("\n")
    out.rstrip()
    return out


class RelationList(SteadyOptionList):
    """The node's relations; Enter follows the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = VI_KEYS

    class Follow(Message):
        """Go to `target`: a node id, or a relation id (the line that writes it)."""

        def __init__(self, target: str) -> None:
            self.target = target
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.targets: list[str] = []

    def show(self, choices: list[tuple[str, str | None]]) -> None:
        """Replace the list with `(label, target)` choices (target None: a line to read, not follow)."""
        self.clear_options()
        self.targets = [target or "" for _, target in choices]
        self.add_options([Option(label, id=str(i), disabled=target is None)
                          for i, (label, target) in enumerate(choices)])
        first = next((i for i, (_, target) in enumerate(choices) if target is not None), None)
        self.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Follow(self.targets[event.option_index]))


class PaneText(SizeUpdateHook, Static):
    """A block of text in the detail pane. When its size changes, Textual sets its virtual
    size as a layout property, and so lays the screen out a second time and paints it
    again; a plain block of text has nothing to scroll, so its virtual size is set without
    that (as Textual itself does when a layout comes from scrolling)."""

    SIZE_UPDATE_LAYOUT = False


class DetailPane(VerticalScroll, can_focus=False):
    """Everything about one node: description, relations to follow, and its source lines."""

    #: what the pane shows (filling it again with the same costs a layout and a repaint)
    _shown: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        yield PaneText(id="detail-body")
        yield Static("Relations (Tab, then Enter to follow)", classes="detail-heading")
        yield RelationList(id="relations")
        yield Static("Reconstruction (Tab, Enter to follow)", classes="detail-heading",
                     id="reconstruction-heading")
        yield RelationList(id="reconstruction")
        yield PaneText(id="detail-questions")
        yield PaneText(id="detail-source")

    def show_node(self, map_: Map, node: Node, overlay: Overlay,
                  relations: list[Relation], read_lines: LineReader) -> None:
        """Fill the pane for `node` (unless it shows it already)."""
        lines = read_lines(node.span.path) if node.span.path else []
        # by identity (a map compared by value could take seconds); the objects are kept in
        # the key, so their ids cannot be reused while it stands
        shown = (id(map_), id(node), id(overlay), [r.id for r in relations], len(lines),
                 (map_, node, overlay))
        if shown[:5] == self._shown[:5]:
            return
        self._shown = shown
        self.query_one("#detail-body", Static).update(describe(map_, node, overlay))
        self.query_one("#relations", RelationList).show([relation_choice(map_, r, node.id) for r in relations])
        self._show_reconstruction(reconstruction_choices(map_, node.id))
        questions = critical_questions(map_, node)
        self.query_one("#detail-questions", Static).update(questions)
        self.query_one("#detail-questions", Static).display = bool(questions)
        excerpt = source_excerpt(lines, node.span)
        self.query_one("#detail-source", Static).update(excerpt or "")

    def show_text(self, text: Text) -> None:
        """Show a message instead of a node (a section, a range, an empty map)."""
        if self._shown == (text,):
            return
        self._shown = (text,)
        self.query_one("#detail-body", Static).update(text)
        self.query_one("#relations", RelationList).show([])
        self._show_reconstruction([])
        self.query_one("#detail-questions", Static).update("")
        self.query_one("#detail-questions", Static).display = False
        self.query_one("#detail-source", Static).update("")

    def _show_reconstruction(self, choices: list[tuple[str, str | None]]) -> None:
        """Show the reconstruction's lines, or hide its heading and list when there are none."""
        listing = self.query_one("#reconstruction", RelationList)
        listing.show(choices)
        listing.display = bool(choices)
        self.query_one("#reconstruction-heading", Static).display = bool(choices)

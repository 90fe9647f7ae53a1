"""How outline rows look: relation markers, actor colours, overlay badges (Rich `Text`)."""

from __future__ import annotations

from rich.text import Text

from ...model import Map, NodeEntry, NodeKind, RelationKind
from ...printable import visible
from ...sides import Sides
from ..outline_model import Row
from ..overlay import Overlay

#: colour of each relation marker
RELATION_STYLES: dict[RelationKind, str] = {
    RelationKind.SUPPORT: "bold green",
    RelationKind.ATTACK: "bold red",
    RelationKind.UNDERCUT: "bold yellow",
    RelationKind.CONTRADICTION: "bold magenta",
    RelationKind.REPHRASE: "bold grey62",
}
STATUS_BADGES = {"in": ("✔ in   ", "bold green"), "out": ("✘ out  ", "bold red"),
                 "undec": ("? undec", "bold yellow"), "question": ("⁇ asks ", "bold cyan")}
KIND_GLYPHS = {NodeKind.CLAIM: "", NodeKind.ARGUMENT: "⇒ ", NodeKind.EVIDENCE: "▣ ", NodeKind.QUESTION: "? "}
#: the colour of each kind's glyph (none: the row's own colour)
KIND_STYLES = {NodeKind.QUESTION: "bold cyan"}
MAX_TEXT = 90


def actor_colors(map_: Map) -> dict[str, str]:
    """The colour of every actor id: its side's (argmap.sides), as in the drawings."""
    sides = Sides(map_)
    return {actor: side.terminal for side in sides.all for actor in side.actors}


def shorten(text: str, width: int = MAX_TEXT) -> str:
    """`text` on one line, cut with an ellipsis when longer than `width`; control characters
    escaped (`\\x1b`: map text is data, never sent to the terminal)."""
    text = visible(" ".join(text.split()), newlines=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def overlay_badge(overlay: Overlay, node_id: str) -> Text:
    """The status or strength badge shown before a node, empty when the overlay is off."""
    if overlay.shows_status:
        label, style = STATUS_BADGES.get(overlay.status.get(node_id, ""), ("   ·   ", "dim"))
        return Text(label + " ", style=style)
    if overlay.shows_strength:
        value = overlay.strength.get(node_id)
        if value is None:
            return Text(" ··· ", style="dim")
        style = "green" if value >= 0.6 else "red" if value < 0.4 else "yellow"
        return Text(f"{value:4.2f} ", style=f"bold {style}")
    return Text()


def entry_label(map_: Map, entry: NodeEntry, colors: dict[str, str], overlay: Overlay) -> Text:
    """The outline line of one node entry: marker, badge, kind, title and text. The marker
    comes first, next to the tree's guides, as in the file (a badge before it pushed it
    away from the row it answers)."""
    label = Text()
    if entry.marker is not None:
        relation = map_.relations.get(entry.relation or "")
        style = RELATION_STYLES.get(relation.kind, "bold") if relation else "bold"
        label.append(f"{entry.marker} ", style=style)
    label.append_text(overlay_badge(overlay, entry.node))
    node = map_.nodes.get(entry.node)
    if node is None:
        label.append(entry.node, style="bold red")
        return label.append("  (undefined)", style="red")
    label.append(KIND_GLYPHS.get(node.kind, ""), style=KIND_STYLES.get(node.kind, "dim"))
    color = colors.get(node.actors[0], "") if node.actors else ""
    if entry.is_reference:
        label.append("↪ ", style="dim")
        return label.append(shorten(node.label), style=f"italic {color}".strip())
    if node.title is not None:
        label.append(visible(node.title, newlines=False), style=f"bold {color}".strip())
        label.append(": " + shorten(node.plain_text, MAX_TEXT - len(node.title)), style="")
    else:
        label.append(shorten(node.plain_text), style=color)
    return label


def row_label(map_: Map, row: Row, colors: dict[str, str], overlay: Overlay) -> Text:
    """The outline line of any row (section, included file, node entry or range)."""
    if row.kind == "section":
        section = map_.sections.get(row.section or "")
        return Text("§ " + visible(section.title if section else "?", newlines=False), style="bold underline")
    if row.kind == "include" and row.included is not None:
        return Text(visible(f"⇲ {row.included.name} (included)", newlines=False), style="bold underline")
    if row.kind == "range":
        return Text(f"… {row.start + 1:,}–{row.stop:,} of {len(row.items):,}", style="dim italic")
    assert row.entry is not None
    return entry_label(map_, row.entry, colors, overlay)

"""What the detail pane shows of an argument's reconstruction and of its scheme's critical
questions (their status as `check` finds it, from `argmap.schemes.uses`)."""

from __future__ import annotations

from rich.text import Text

from ...model import Inference, Map, Node
from ...printable import visible
from .labels import shorten


def inference_label(inference: Inference) -> str:
    """`-- rule --  uses 1, 2 · scheme NAME` for one inference line."""
    return visible(f"{inference.line}  {inference.summary}".rstrip(), newlines=False)


def reconstruction_choices(map_: Map, argument: str) -> list[tuple[str, str | None]]:
    """The lines of `argument`'s reconstruction as (label, node to follow); an inference line
    follows nothing (None). Empty when the argument has no reconstruction."""
    reconstruction = map_.reconstructions.get(argument)
    if reconstruction is None:
        return []
    by_conclusion = {i.conclusion: i for i in reconstruction.inferences}
    out: list[tuple[str, str | None]] = []
    for number, node_id in enumerate(reconstruction.statements, start=1):
        if number in by_conclusion:
            out.append((inference_label(by_conclusion[number]), None))
        node = map_.nodes.get(node_id)
        out.append((f"({number}) {shorten(node.label, 60) if node else node_id}", node_id))
    return out


def critical_questions(map_: Map, node: Node) -> Text:
    """The schemes `node` and its inference lines name, each with its critical questions and
    their status (open, defended, raised); empty when it names none."""
    from ...schemes.uses import find_uses, map_catalogue, uses_schemes

    out = Text()
    if not uses_schemes(map_):
        return out
    styles = {"open": "yellow", "defended": "green", "raised": "red"}
    for use in find_uses(map_, map_catalogue(map_)[0]):
        if use.owner != node.id:
            continue
        where = "" if use.inference is None else f"{use.label[len(node.id):]} "
        if use.scheme is None:
            out.append(visible(f"{where}scheme {use.name}: not in the catalogue", newlines=False) + "\n", style="dim")
            continue
        out.append(f"{where}scheme ", style="dim").append(visible(use.scheme.name, newlines=False) + "\n", style="bold")
        for question in use.scheme.questions:
            status = use.status(question.id)
            out.append(f"  {question.id} ", style="dim").append(f"{status:<8}", style=styles.get(status, ""))
            out.append(visible(f" {question.text}", newlines=False) + "\n")
    return out

"""Explanations: why a node is in, out or undecided, and how its strength is made.

* `grounded.py` — the grounded label of an argument as a tree: the defence of an `in`
  argument down to unattacked ones, the `in` attacker of an `out` one, the chain of undecided
  attackers of an `undec` one and the attack cycle it ends on;
* `preferred.py` — credulous (a least admissible set holding it, or why none exists) and
  sceptical (a preferred extension without it) acceptance under preferred semantics;
* `gradual.py` — the DF-QuAD strength taken apart: base score, aggregates, each reason's share;
* `explainer.py` — all of it for one map, in the map's words, as JSON;
* `text.py` — the JSON as lines for people, and the one-line summary.

docs/analysis.md ("Explanations") gives the JSON shape.
"""

from __future__ import annotations

from .explainer import EXPLAINED, MapExplainer
from .text import grounded_summary, render, summary


def short_explanation(explainer: MapExplainer, node_id: str) -> str | None:
    """The one-line grounded explanation of a node (None when it is no argument): what the
    browser's detail pane and the language server's hover show."""
    if not explainer.is_argument(node_id):
        return None
    return grounded_summary(explainer.grounded(node_id, depth=2))


__all__ = ["EXPLAINED", "MapExplainer", "render", "short_explanation", "summary"]

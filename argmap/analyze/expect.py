"""Expected outcomes written in a map, checked against its analysis (`argmap check` runs them).

On a node:

* `{expect: in}` (or `out`, `undec`): its status under the map's expectation semantics;
* `{expect-strength: 0.4..0.7}`: its DF-QuAD strength lies in the range (ends included);
* `{expect-semantics: preferred}`: the semantics of this node's `expect` (any of
  `argmap analyze --semantics`), overriding the front matter's `expect-semantics:`, which is
  the map's (default `grounded`).

`check_expectations(map)` returns an `expectation-failed` error at each node whose analysis
disagrees, naming the command that explains it. Malformed values are `bad-metadata-value`
findings of the language's check: they are skipped here. Only the semantics named are
computed, and only for the nodes that expect something; grounded needs no solver.
"""

from __future__ import annotations

import shlex

from ..errors import Diagnostic
from ..language.check import EXPECT_SEMANTICS, has_expectations, strength_range, valid_value
from ..model import Map, Node
from .analysis import strengths
from .framework import translate
from .grounded import grounded_labelling

DEFAULT_SEMANTICS = "grounded"
#: the semantics `argmap explain` takes (the others are pointed to `argmap analyze`)
_EXPLAINED = {"grounded": "", "preferred": " --semantics preferred"}


def map_semantics(map_: Map) -> str:
    """The map's expectation semantics: front matter `expect-semantics:`, else grounded."""
    value = map_.metadata.get("expect-semantics")
    return value if value in EXPECT_SEMANTICS else DEFAULT_SEMANTICS  # type: ignore[return-value]


def _expected(map_: Map) -> tuple[list[tuple[Node, str, str]], list[tuple[Node, float, float]]]:
    """(node, semantics, status) and (node, low, high) for every well-formed expectation."""
    default = map_semantics(map_)
    statuses, ranges = [], []
    for node in map_.nodes.values():
        meta = node.meta
        if not meta:
            continue
        value = meta.get("expect")
        if value is not None and valid_value("expect", value):
            semantics = meta.get("expect-semantics", default)
            if valid_value("expect-semantics", semantics):
                statuses.append((node, str(semantics), str(value)))
        bounds = strength_range(meta.get("expect-strength"))
        if bounds is not None:
            ranges.append((node, *bounds))
    return statuses, ranges


def _command(map_: Map, node: Node, options: str) -> str:
    path = shlex.quote(map_.path or "MAP")
    return f"argmap explain {path} {shlex.quote(node.id)}{options}"


def check_expectations(map_: Map) -> list[Diagnostic]:
    """An `expectation-failed` error for each expected outcome the analysis of `map_` does
    not give (in map order), none when every one holds."""
    if not has_expectations(map_):
        return []
    statuses, ranges = _expected(map_)
    mf = translate(map_)
    af = mf.af
    index = {name: i for i, name in enumerate(af.names)}
    found: list[Diagnostic] = []
    labels: dict[str, dict[int, str]] = {}
    for semantics in dict.fromkeys(s for _, s, _ in statuses):
        wanted = [index[n.id] for n, s, _ in statuses if s == semantics and n.id in index]
        if semantics in ("grounded", "complete"):
            grounded = grounded_labelling(af)
            labels[semantics] = {a: grounded[a] for a in wanted}
        else:
            from .acceptance import sceptical_labels

            labels[semantics] = sceptical_labels(af, semantics, wanted)
    for node, semantics, expected in statuses:
        got = labels[semantics].get(index[node.id]) if node.id in index else f"no argument ({node.kind.value})"
        if got == expected:
            continue
        if semantics in _EXPLAINED:
            hint = f"see why: {_command(map_, node, _EXPLAINED[semantics])}"
        else:
            hint = (f"see the extensions: argmap analyze {shlex.quote(map_.path or 'MAP')} "
                    f"--semantics {semantics}")
        found.append(Diagnostic("expectation-failed",
                                f"{node.id}: expected {expected} under {semantics}, is {got}",
                                node.span, hint=hint))
    if ranges:
        values, _, _ = strengths(map_, mf)
        for node, low, high in ranges:
            value = values.get(node.id)
            if value is not None and low <= value <= high:
                continue
            shown = "none (no argument)" if value is None else f"{value:.3f}"
            found.append(Diagnostic(
                "expectation-failed",
                f"{node.id}: expected a DF-QuAD strength from {low:g} to {high:g}, is {shown}",
                node.span, hint=f"see how it is made: {_command(map_, node, ' --semantics df-quad')}"))
    return sorted(found, key=lambda d: (d.span.path or "", d.span.line, d.span.column))

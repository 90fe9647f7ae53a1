"""`analyze_map`: what stands in a map (status), how strong each node is (strength), and the
extensions of the chosen semantics — the one result the CLI, render and TUI overlays share.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Mapping

from ..errors import ArgmapError, UsageError
from ..model import Map, RelationKind
from .framework import SEMANTICS, MapFramework, translate
from .gradual import GradualReason, df_quad
from .grounded import IN, grounded_labelling

DEFAULT_SCORE = 0.5
#: the status of a node that is no argument (a question: it asserts nothing)
QUESTION = "question"


class AnalysisTimeout(ArgmapError):
    """The time limit ran out before the status of every node was known."""


@dataclass(frozen=True)
class Analysis:
    """The analysis of one map under one semantics.

    `status` maps every node id (in map order) to `in` / `out` / `undec`: under grounded the
    grounded labelling; under the other semantics the *sceptical status* — `in` if every
    extension contains the node, `out` if every extension attacks it, else `undec` (also when
    there is no extension at all, which only stable can have). A question is no argument: its
    status is `question`, and it has no strength. `strength` is the DF-QuAD strength of every
    other node. `extensions` lists node ids per extension (auxiliary arguments left out);
    `stopped` is None when they are all there, else "limit" or "timeout". `rephrases` maps a
    node to the nodes that restate it (`=`), which the semantics ignore.
    """

    semantics: str
    status: dict[str, str]
    strength: dict[str, float]
    extensions: tuple[tuple[str, ...], ...] = ()
    stopped: str | None = None
    #: inference id (`r3`) -> status, for linked or undercut reasons
    inferences: dict[str, str] = field(default_factory=dict)
    converged: bool = True
    #: nodes whose strength was still moving when the cycle iteration stopped
    unsettled: tuple[str, ...] = ()
    #: node id -> "accepted" / "rejected": the what-if assumptions in force
    assumptions: dict[str, str] = field(default_factory=dict)
    #: node id -> the nodes that restate it (rephrase relations, source -> target), for the nodes that have some
    rephrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    framework: MapFramework | None = field(default=None, compare=False, repr=False)

    def counts(self) -> dict[str, int]:
        """How many nodes have each status, in the order in, out, undec (then any other)."""
        found = dict.fromkeys(("in", "out", "undec"), 0)
        for value in self.status.values():
            found[value] = found.get(value, 0) + 1
        return {value: n for value, n in found.items() if n}

    def __repr__(self) -> str:
        """One line: `<Analysis grounded: 30 in, 10 out, 2 undec; 1 extension>`."""
        counts = ", ".join(f"{n} {value}" for value, n in self.counts().items()) or "no nodes"
        found = len(self.extensions)
        more = "" if self.stopped is None else f" (stopped: {self.stopped})"
        return f"<Analysis {self.semantics}: {counts}; {found} extension{'s' * (found != 1)}{more}>"

    def _repr_html_(self) -> str:
        """What Jupyter shows: a table of every node's status and strength, in map order."""
        rows = [(node_id, value, "" if node_id not in self.strength else f"{self.strength[node_id]:.3f}")
                for node_id, value in self.status.items()]
        return html_table(repr(self)[1:-1], ("node", "status", "strength"), rows)


def html_table(caption: str, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    """An HTML table whose every cell is text (escaped: map text never becomes markup)."""
    from html import escape

    def row(cells: tuple[object, ...], tag: str) -> str:
        return "<tr>" + "".join(f"<{tag}>{escape(str(c))}</{tag}>" for c in cells) + "</tr>"

    body = "\n".join(row(r, "td") for r in rows)
    return (f"<table class=\"argmap\">\n<caption>{escape(caption)}</caption>\n"
            f"<thead>{row(header, 'th')}</thead>\n<tbody>\n{body}\n</tbody>\n</table>")


def _score(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return DEFAULT_SCORE  # check reports bad scores; analysis falls back to the default


def strengths(map_: Map, mf: MapFramework) -> tuple[dict[str, float], bool, tuple[str, ...]]:
    """DF-QuAD over the map's nodes and inference items; returns strengths of the nodes,
    whether the cycle iteration converged, and the unsettled nodes."""
    items = [*mf.node_ids, *mf.inferences]
    index = {item: i for i, item in enumerate(items)}
    base = [_score(map_.nodes[n].meta.get("score")) for n in mf.node_ids]
    weights = {r.inference: r.weight for r in mf.reasons if r.inference}
    base.extend(weights[i] for i in mf.inferences)
    reasons = [GradualReason(r.attack, tuple(index[p] for p in r.premises), index[r.target],
                             index[r.inference] if r.inference else None, r.weight)
               for r in mf.reasons if r.target in index]
    fixed = {index[n]: 1.0 if v == "accepted" else 0.0 for n, v in mf.assumptions.items()}
    result = df_quad(base, reasons, fixed)
    values = dict(zip(mf.node_ids, result.values))
    unsettled = tuple(items[i] for i in result.unsettled if i < len(mf.node_ids))
    return values, result.converged, unsettled


def rephrases(map_: Map) -> dict[str, tuple[str, ...]]:
    """Node id -> the nodes that restate it (`= [B]` under [A]: [A] -> ([B],)), in map order."""
    found: dict[str, list[str]] = {}
    for relation in map_.relations.values():
        if relation.kind is RelationKind.REPHRASE and relation.target in map_.nodes and relation.source in map_.nodes:
            found.setdefault(relation.target, []).append(relation.source)
    return {node_id: tuple(found[node_id]) for node_id in map_.nodes if node_id in found}


def analyze_map(map_: Map, semantics: str = "grounded",
                assumptions: Mapping[str, str] | None = None, *, limit: int | None = None,
                timeout: float | None = None,
                on_extension: Callable[[int], None] | None = None,
                partial: bool = False) -> Analysis:
    """Analyse `map_` under `semantics` with what-if `assumptions` (title or id -> value).

    `limit` and `timeout` (seconds) bound the enumeration of extensions; `on_extension` is
    called with the running count as each is found. Raises UsageError for an unknown
    semantics or assumption, AnalysisTimeout when the statuses themselves run out of time —
    unless `partial`: then the nodes not decided in time have the status `unknown`, no
    extension is looked for, and `stopped` is "timeout".
    """
    if semantics not in SEMANTICS:
        raise UsageError(f"unknown semantics {semantics!r}; use one of {', '.join(SEMANTICS)}")
    mf = translate(map_, assumptions)
    af = mf.af
    n = len(mf.node_ids)
    wanted = [*range(n), *mf.inferences.values()]
    deadline = None if timeout is None else time.monotonic() + timeout
    stopped = None
    if semantics == "grounded":
        labelling = grounded_labelling(af)
        labels = {a: labelling[a] for a in wanted}
        found = [frozenset(i for i, label in enumerate(labelling) if label == IN)]
    else:
        from .acceptance import extensions, sceptical_labels
        from .dung import EnumerationTimeout

        try:
            labels = sceptical_labels(af, semantics, wanted, timeout, partial=partial)
        except EnumerationTimeout:
            raise AnalysisTimeout(f"the time limit ({timeout:g} s) ran out before the "
                                  f"{semantics} status of every node was known") from None
        found = []
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        probe = None if limit is None else limit + 1  # one more tells whether there are more
        stopped = "limit" if limit == 0 else None  # none asked for: none looked for
        if partial and "unknown" in labels.values():  # out of time already
            stopped, limit = "timeout", 0
        try:
            for extension in extensions(af, semantics, limit=probe, timeout=left) if limit != 0 else ():
                if limit is not None and len(found) >= limit:
                    stopped = "limit"
                    break
                found.append(extension)
                if on_extension is not None:
                    on_extension(len(found))
        except EnumerationTimeout:
            stopped = "timeout"
    status = {mf.node_ids[i]: labels[i] for i in range(n)}
    if mf.questions:
        status = {node_id: status.get(node_id, QUESTION) for node_id in map_.nodes}
    projected = dict.fromkeys(tuple(mf.node_ids[i] for i in sorted(e) if i < n) for e in found)
    values, converged, unsettled = strengths(map_, mf)
    return Analysis(
        semantics=semantics,
        status=status,
        strength=values,
        extensions=tuple(projected),
        stopped=stopped,
        inferences={name: labels[i] for name, i in mf.inferences.items()},
        converged=converged,
        unsettled=unsettled,
        assumptions=dict(mf.assumptions),
        rephrases=rephrases(map_),
        framework=mf,
    )

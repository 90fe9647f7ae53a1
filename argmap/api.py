"""The Python API: what each `argmap` command does, as one function (docs/python.md).

    >>> import argmap
    >>> m = argmap.parse("[A]: It rains.\\n  - [B]: The sky is clear.\\n")
    >>> argmap.analyze(m).status
    {'[A]': 'out', '[B]': 'in'}

Every function takes a `Map` (from `argmap.parse_file`, `argmap.parse` or `import_`). A map
whose diagnostics hold an error is refused with a UsageError, as the commands refuse it: look at
`argmap.check(m)` first. Each imports what it needs when called, so `import argmap` stays light.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # not typing's: `import argmap` does not import typing either
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

    from .analyze.analysis import Analysis
    from .analyze.debate import DebateReport
    from .analyze.diff import MapDiff
    from .errors import Diagnostic
    from .model import Map


def _without_errors(m: Map, doing: str) -> Map:
    """`m` itself; UsageError if its diagnostics hold an error (a map with errors is not `doing`)."""
    errors = sum(d.is_error for d in m.diagnostics)
    if errors:
        from .errors import UsageError

        raise UsageError(f"{m.path or '<input>'}: not {doing}: it has {errors} error{'s' * (errors != 1)} "
                         "(argmap.check(m) lists them)")
    return m


def check(m: Map, *, expectations: bool = True) -> list[Diagnostic]:
    """What `argmap check` reports: every diagnostic of the map, in reading order — the parse
    findings, the checks (`argmap.CHECKS`), then, when nothing else is an error, each expected
    outcome (`{expect: in}`, …) the analysis contradicts (unless `expectations` is False)."""
    from .language.check import check as check_map
    from .language.check import has_expectations

    found = check_map(m)
    if expectations and has_expectations(m) and not any(d.is_error for d in found):
        from .analyze.expect import check_expectations
        from .errors import in_reading_order

        found = in_reading_order([*found, *check_expectations(m)], m.path)
    return found


def analyze(m: Map, semantics: str = "grounded", *, assumptions: Mapping[str, str] | None = None,
            limit: int | None = None, timeout: float | None = None) -> Analysis:
    """`argmap analyze`: each node's status under `semantics` (grounded, complete, preferred,
    stable, semi-stable, ideal), its DF-QuAD strength and the extensions (at most `limit`).

    `assumptions` maps a title or id to "accepted" / "rejected" (`--assume`); `timeout` is in
    seconds. In a notebook the result shows as a table. Raises UsageError for an unknown
    semantics or a map with errors, AnalysisTimeout when the time runs out.
    """
    from .analyze.analysis import analyze_map

    return analyze_map(_without_errors(m, "analysed"), semantics, assumptions, limit=limit, timeout=timeout)


def debate_report(m: Map, *, actor: str | None = None, assumptions: Mapping[str, str] | None = None,
                  timeout: float | None = None) -> DebateReport:
    """The debate report of `argmap analyze`: per actor (or only `actor`), the claims, the
    attacks made, received and left unanswered, the clashes, and how each claim stands."""
    from .analyze.debate import debate_report as report

    return report(_without_errors(m, "analysed"), assumptions, actor, timeout=timeout)


class Explanation:
    """An explanation of one node (`argmap explain`): `str()` is the text the command prints,
    `data` the JSON of `argmap explain --json` (docs/analysis.md gives its shape)."""

    def __init__(self, data: dict[str, Any], text: str) -> None:
        self.data = data
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<Explanation of {self.data['node']} under {self.data['semantics']}: {self.data['summary']!r}>"

    def _repr_html_(self) -> str:
        import html

        return f"<pre>{html.escape(self.text)}</pre>"


def explain(m: Map, node: str, semantics: str = "grounded", *, depth: int | None = None,
            timeout: float | None = None) -> Explanation:
    """`argmap explain`: why `node` ([Title], <Title>, id, bare title or inference id) is in,
    out or undecided under `semantics` (grounded, preferred), or how its strength is made
    (df-quad). Raises UsageError for an unknown node (naming the nearest titles)."""
    from .analyze.explain import MapExplainer, render
    from .printable import visible

    explainer = MapExplainer(_without_errors(m, "explained"))
    data = explainer.explain(node, semantics, depth=depth, timeout=timeout)
    return Explanation(data, visible(render(data, explainer.words)))


def render(m: Map, fmt: str = "svg", *, labels: str | None = None, strength: bool = False,
           **options: Any) -> bytes:
    """`argmap render`: the drawing of `m` as svg, png, pdf, or dot (the DOT source), through
    the same renderer as the command. `labels` colours each node by its status under that
    semantics, `strength` adds its strength bar; `options` are the fields of
    `argmap.render.RenderOptions` (rankdir="LR", wrap=28, focus="Title", depth=1, round=2, …);
    as with the command, the drawing is laid out for an A4 page unless `page` (or `size`) says
    otherwise (`page="none"`: its natural size).
    """
    from .render import RenderOptions, render_bytes
    from .render.options import DEFAULT_PAGE
    from .render.overlay import overlays_for

    drawn = RenderOptions(**{"page": DEFAULT_PAGE, **options})
    overlays = overlays_for(_without_errors(m, "drawn"), labels, strength, drawn.round)
    return render_bytes(m, fmt, drawn, overlays=overlays)


def export(m: Map, fmt: str, losses: list | None = None) -> str:
    """`argmap export`: `m` as json, aif, argdown, mermaid, graphml, i23, apx, af or tgf text.

    What the format cannot hold is appended to `losses` when given, one `Loss` (code, element,
    message) each (argmap.export.losses)."""
    from .commands.export import exporter
    from .export.losses import call_writer

    output, lost = call_writer(exporter(fmt), _without_errors(m, "exported"))
    if losses is not None:
        losses.extend(lost)
    return output


def import_(path: str | os.PathLike[str] | None = None, fmt: str | None = None, *,
            text: str | None = None) -> Map:
    """`argmap import`: a map from a file in another format (or `text=` in one), read as the
    command reads it: `fmt` (json, argdown, aif, af, tgf, i23, apx, kialo), else from the file
    name, else from the content. Raises UsageError for an unreadable file or an unknown kind,
    ImportFailed when the content cannot be understood; warnings are in `diagnostics`."""
    from .errors import UsageError

    if (path is None) == (text is None):
        raise UsageError("import_: give a path or text=, one of the two")
    if text is not None:
        from .importers import map_from_text, resolve_format

        return map_from_text(text, None, resolve_format("-", text, fmt, how="say fmt="))
    from .importers import read_map

    return read_map(os.fspath(path), fmt, how="say fmt=")[0]


def diff(old: Map, new: Map, semantics: Iterable[str] = ("grounded",), *, threshold: float | None = None,
         timeout: float | None = None) -> MapDiff:
    """`argmap diff`: what changed between two versions of a map (nodes by title, relations by
    kind and ends) and whether the outcome did (`outcome_changed`): status flips under each of
    `semantics`, strength moves larger than `threshold` (default 0.05)."""
    from .analyze.diff import THRESHOLD, diff_maps

    return diff_maps(_without_errors(old, "compared"), _without_errors(new, "compared"), semantics,
                     threshold=THRESHOLD if threshold is None else threshold, timeout=timeout)

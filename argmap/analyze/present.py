"""Analysis results for people (rich tables) and for tools (the JSON shape of docs/analysis.md).

Text from the map is data: every cell is a `rich.text.Text`, never markup, so a title such as
`[bold]` or `[No NATO troops]` prints as written, and goes through `printable.visible`, so a
control character in it is printed escaped (`\x1b`), never sent to the terminal.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..language.report import plural
from ..model import Map
from ..printable import visible
from .analysis import Analysis
from .debate import ActorReport, DebateReport, Exchange, QuestionItem
from .framework import Framework

STYLES = {"in": "green", "out": "red", "undec": "yellow", "question": "cyan", "unknown": "dim"}


def exchange_json(exchange: Exchange) -> dict[str, str]:
    """An exchange as JSON: relation id, kind, attacker and target node ids."""
    return {"relation": exchange.relation, "kind": exchange.kind,
            "attacker": exchange.attacker, "target": exchange.target}


def actor_json(report: ActorReport) -> dict[str, Any]:
    """One actor's debate report as JSON."""
    return {
        "id": report.actor,
        "name": report.name,
        "claims": [{"node": n, "grounded": report.grounded[n], "preferred": report.preferred[n],
                    "strength": report.strength[n]} for n in report.claims],
        "attacks_made": [exchange_json(e) for e in report.attacks_made],
        "attacks_received": [exchange_json(e) for e in report.attacks_received],
        "dropped": [exchange_json(e) for e in report.dropped],
        "clashes": [exchange_json(e) for e in report.clashes],
        **({"critical_questions": {"open": [q.to_dict() for q in report.open_questions],
                                   "raised": [q.to_dict() for q in report.raised_questions]}}
           if report.open_questions or report.raised_questions else {}),
    }


def map_json(path: str, analysis: Analysis, debate: DebateReport) -> dict[str, Any]:
    """The whole analysis of a map as JSON (shape documented in docs/analysis.md)."""
    return {
        "map": path,
        "semantics": analysis.semantics,
        "assumptions": analysis.assumptions,
        "labels": analysis.status,
        "strength": analysis.strength,
        "converged": analysis.converged,
        "unsettled": list(analysis.unsettled),
        "inferences": analysis.inferences,
        "extensions": [list(e) for e in analysis.extensions],
        "stopped": analysis.stopped,
        "rephrases": {node: list(others) for node, others in analysis.rephrases.items()},
        "actors": [actor_json(r) for r in debate.actors],
    }


def framework_json(path: str, semantics: str, af: Framework, found: list[frozenset[int]],
                   stopped: str | None, labels: list[str] | None) -> dict[str, Any]:
    """An ICCMA framework's analysis as JSON: arguments named as in the file."""
    result: dict[str, Any] = {
        "file": path, "semantics": semantics, "arguments": af.size,
        "attacks": len(af.sources),
        "extensions": [[af.names[i] for i in sorted(e)] for e in found],
        "stopped": stopped,
    }
    if labels is not None:
        result["labels"] = dict(zip(af.names, labels))
    return result


def _text(text: str) -> Text:
    """Map text as a table cell or line: literal (never markup), control characters escaped."""
    return Text(visible(text, newlines=False))


def _status(label: str) -> Text:
    return Text(label, style=STYLES.get(label, ""))


def _label(map_: Map, node_id: str) -> Text:
    node = map_.nodes.get(node_id)
    return _text(node.ref or node.label if node else node_id)


def print_map(console: Console, map_: Map, analysis: Analysis, debate: DebateReport) -> None:
    """Status and strength of every node, the extensions, then each actor's report."""
    table = Table(title=Text(f"{analysis.semantics} status and DF-QuAD strength"))
    for column in ("node", "actors", "status", "strength"):
        table.add_column(column, justify="right" if column == "strength" else "left")
    for node_id, node in map_.nodes.items():
        strength = analysis.strength.get(node_id)
        table.add_row(_label(map_, node_id), _text(" ".join(node.actors)),
                      _status(analysis.status[node_id]), "—" if strength is None else f"{strength:.3f}")
    console.print(table)
    if any(status == "question" for status in analysis.status.values()):
        console.print(Text("a question asserts nothing: it is no argument, and what supports or attacks "
                           "it, or what it supports or attacks, is left out of the analysis"))
    for node_id, others in analysis.rephrases.items():
        console.print(Text(f"{_label(map_, node_id).plain} is restated by "
                           + ", ".join(_label(map_, o).plain for o in others)
                           + " (a rephrase: left out of the analysis, each keeps its own status)"))
    if not analysis.converged:
        console.print(_text("strengths did not settle on a cycle: " + ", ".join(analysis.unsettled)))
    if analysis.semantics != "grounded":
        print_extensions(console, map_, analysis)
    for report in debate.actors:
        print_actor(console, map_, report)


def print_extensions(console: Console, map_: Map, analysis: Analysis) -> None:
    """Each extension as what it holds beyond the nodes every extension holds."""
    if not analysis.extensions:
        if analysis.stopped == "limit":  # asked for none
            console.print(Text(f"{analysis.semantics} extensions not listed (--limit 0)"))
        else:
            console.print(Text(f"no {analysis.semantics} extension listed"))
        return
    common = set.intersection(*(set(e) for e in analysis.extensions))
    console.print(Text(f"{plural(len(analysis.extensions), analysis.semantics + ' extension')} listed; "
                       f"each holds the {plural(len(common), 'node')} they share, and:"))
    for number, extension in enumerate(analysis.extensions, start=1):
        extra = [_label(map_, n).plain for n in extension if n not in common]
        console.print(_text(f"  {number}. " + (", ".join(extra) or "nothing more")))


def _exchanges(console: Console, map_: Map, title: str, items: tuple[Exchange, ...]) -> None:
    if not items:
        return
    table = Table(title=Text(title), title_justify="left")
    for column in ("relation", "attacker", "target"):
        table.add_column(column)
    for e in items:
        table.add_row(_text(f"{e.relation} {e.kind}"), _label(map_, e.attacker),
                      _label(map_, e.target))
    console.print(table)


def print_actor(console: Console, map_: Map, report: ActorReport) -> None:
    """One actor: claims with grounded / preferred status and strength, then the exchanges."""
    table = Table(title=_text(f"{report.name} (@{report.actor}): {plural(len(report.claims), 'claim')}"),
                  title_justify="left")
    for column in ("claim", "grounded", "preferred", "strength"):
        table.add_column(column, justify="right" if column == "strength" else "left")
    for node_id in report.claims:
        table.add_row(_label(map_, node_id), _status(report.grounded[node_id]),
                      _status(report.preferred[node_id]), f"{report.strength[node_id]:.3f}")
    console.print(table)
    _exchanges(console, map_, "attacks made", report.attacks_made)
    _exchanges(console, map_, "attacks received", report.attacks_received)
    _exchanges(console, map_, "dropped (attacks left unanswered)", report.dropped)
    _exchanges(console, map_, "points of clash", report.clashes)
    _questions(console, map_, "critical questions left open", report.open_questions)
    _questions(console, map_, "critical questions raised against others", report.raised_questions)


def _questions(console: Console, map_: Map, title: str, items: tuple[QuestionItem, ...]) -> None:
    if not items:
        return
    table = Table(title=Text(title), title_justify="left")
    for column in ("argument", "question", "type", "text", *(("raised by",) if items[0].by else ())):
        table.add_column(column)
    for q in items:
        by = (_label(map_, q.by),) if q.by else ()
        table.add_row(_label(map_, q.argument), _text(f"{q.question} ({q.scheme})"), _text(q.type), _text(q.text), *by)
    console.print(table)

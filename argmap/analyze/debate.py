"""The debate report: for each actor, what they claimed, whom they attacked, who attacked them,
which attacks they left unanswered, where they clash with another actor, and which of their
claims stand (grounded and preferred) and how strong they are.

An *exchange* is one directed attack between two nodes: an attack relation, either direction
of a contradiction, an undercut of a node, or an undercut of a relation (which hits the node
that offered the undercut reason: its source). An exchange against an actor's node is
*answered* when something attacks the attacker or undercuts the exchange itself — for a linked
reason (co-premises), when something undercuts any of its relations or attacks any of its
premises, since the reason stands only while every premise does; otherwise it is *dropped*, in
debate terms. A *clash* is an exchange between nodes of two different actors; a contradiction
is one clash, though it is an exchange each way.
Questions are no claims, and the relations the framework leaves out (those of questions) are no
exchanges. For a map that names argumentation schemes, each actor's report also lists the
critical questions their arguments leave open and those they raised against others'
(`argmap.schemes.debate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..model import Map, RelationKind, is_relation_id
from ..schemes.debate import QuestionItem, actor_questions, map_uses
from .analysis import Analysis, analyze_map
from .framework import ATTACKING, NOT_ARGUMENTS, left_out


@dataclass(frozen=True, slots=True)
class Exchange:
    """One directed attack: `attacker` node against `target` node, through `relation`."""

    relation: str
    kind: str
    attacker: str
    target: str


@dataclass(frozen=True)
class ActorReport:
    """What one actor said and how it fared (node ids throughout)."""

    actor: str
    name: str
    claims: tuple[str, ...]
    attacks_made: tuple[Exchange, ...]
    attacks_received: tuple[Exchange, ...]
    dropped: tuple[Exchange, ...]
    clashes: tuple[Exchange, ...]
    grounded: dict[str, str]
    preferred: dict[str, str]
    strength: dict[str, float]
    #: the critical questions this actor's arguments leave open
    open_questions: tuple[QuestionItem, ...] = ()
    #: the critical questions this actor raised (answered by attacking) against others' arguments
    raised_questions: tuple[QuestionItem, ...] = ()


@dataclass(frozen=True)
class DebateReport:
    """Every actor's report plus the two analyses they were drawn from."""

    actors: tuple[ActorReport, ...]
    grounded: Analysis
    preferred: Analysis

    def __repr__(self) -> str:
        """One line: `<DebateReport of 7 actors: lavrov, blinken, …>`."""
        names = ", ".join(a.actor for a in self.actors)
        return f"<DebateReport of {len(self.actors)} actor{'s' * (len(self.actors) != 1)}: {names}>"

    def _repr_html_(self) -> str:
        """What Jupyter shows: a row per actor — claims, how many stand, attacks and clashes."""
        from .analysis import html_table

        rows = [(a.actor, a.name, len(a.claims), sum(v == "in" for v in a.grounded.values()),
                 sum(v == "in" for v in a.preferred.values()), len(a.attacks_made),
                 len(a.attacks_received), len(a.dropped), len(a.clashes)) for a in self.actors]
        header = ("actor", "name", "claims", "in (grounded)", "in (preferred)", "attacks made",
                  "attacks received", "unanswered", "clashes")
        return html_table("debate report", header, rows)


def exchanges(map_: Map) -> list[Exchange]:
    """Every directed attack between two nodes of the map, in relation order."""
    result = []
    skip = set(left_out(map_)[1])  # what the framework leaves out (relations of questions) is no exchange
    for relation in map_.relations.values():
        if relation.kind not in ATTACKING or relation.id in skip:
            continue
        target = relation.target
        if is_relation_id(target):
            undercut = map_.relations.get(target)
            if undercut is None:
                continue
            target = undercut.source
        result.append(Exchange(relation.id, relation.kind.value, relation.source, target))
        if relation.kind is RelationKind.CONTRADICTION:
            result.append(Exchange(relation.id, relation.kind.value, target, relation.source))
    return [e for e in result if e.attacker in map_.nodes and e.target in map_.nodes]


def _answered(map_: Map, all_exchanges: list[Exchange]) -> set[tuple[str, str, str]]:
    """The exchanges something answers: their attacker is attacked, or their reason is —
    an undercut of any relation of its linked group, or an attack on any of its co-premises
    (a linked reason stands only while every premise does)."""
    attacked_nodes = {e.target for e in all_exchanges}
    undercut = {r.target for r in map_.relations.values() if r.kind is RelationKind.UNDERCUT}
    members: dict[str, list[str]] = {}  # group -> its relations
    for relation in map_.relations.values():
        if relation.group is not None:
            members.setdefault(relation.group, []).append(relation.id)

    def reason_answered(relation_id: str) -> bool:
        relation = map_.relations.get(relation_id)
        group = [relation_id] if relation is None or relation.group is None else members[relation.group]
        return any(r in undercut or map_.relations[r].source in attacked_nodes for r in group)

    return {(e.relation, e.attacker, e.target) for e in all_exchanges
            if e.attacker in attacked_nodes or reason_answered(e.relation)}


def debate_report(map_: Map, assumptions: Mapping[str, str] | None = None,
                  actor: str | None = None, *, known: Analysis | None = None,
                  timeout: float | None = None, partial: bool = False) -> DebateReport:
    """The report for every actor of the map (or only `actor`), with `assumptions` applied.

    `known` is an analysis of the same map and assumptions already at hand (grounded or
    preferred), reused instead of computed again; `timeout` bounds each analysis
    (AnalysisTimeout when the preferred status runs out of time; with `partial`, the claims
    not decided in time are `unknown` instead).
    """
    def get(semantics: str) -> Analysis:
        if known is not None and known.semantics == semantics:
            return known
        return analyze_map(map_, semantics, assumptions, limit=0, timeout=timeout, partial=partial)

    grounded, preferred = get("grounded"), get("preferred")
    all_exchanges = exchanges(map_)
    answered = _answered(map_, all_exchanges)
    uses = map_uses(map_)
    reports = []
    for actor_id, known in map_.actors.items():
        if actor is not None and actor_id != actor:
            continue
        own = tuple(n.id for n in map_.nodes.values() if actor_id in n.actors and n.kind not in NOT_ARGUMENTS)
        mine = set(own)
        made = tuple(e for e in all_exchanges if e.attacker in mine)
        received = tuple(e for e in all_exchanges if e.target in mine)
        dropped = tuple(e for e in received if (e.relation, e.attacker, e.target) not in answered)
        clashes = _clashes(map_, made + received)
        left_open, raised = actor_questions(map_, uses, actor_id)
        reports.append(ActorReport(
            actor=actor_id, name=known.name, claims=own, attacks_made=made,
            attacks_received=received, dropped=dropped, clashes=clashes,
            grounded={n: grounded.status[n] for n in own},
            preferred={n: preferred.status[n] for n in own},
            strength={n: grounded.strength[n] for n in own},
            open_questions=left_open, raised_questions=raised))
    return DebateReport(tuple(reports), grounded, preferred)


def _clashes(map_: Map, exchanges_: tuple[Exchange, ...]) -> tuple[Exchange, ...]:
    """The points of clash among `exchanges_`, one per relation: a contradiction is one point
    of clash, though it is an exchange each way (the first met, the actor's own, stands for it)."""
    seen: set[str] = set()
    result = []
    for exchange in exchanges_:
        if exchange.relation not in seen and _clash(map_, exchange):
            seen.add(exchange.relation)
            result.append(exchange)
    return tuple(result)


def _clash(map_: Map, exchange: Exchange) -> bool:
    """True when the two nodes belong to different actors (neither shared by both sides)."""
    first = set(map_.nodes[exchange.attacker].actors)
    second = set(map_.nodes[exchange.target].actors)
    return bool(first) and bool(second) and not (first & second)

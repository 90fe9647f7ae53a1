"""What would change it: the smallest set of moves that flips one node's status.

A *move* is something a speaker could add to the debate:

* `attack X` — a new argument, attacked by nothing, that attacks X;
* `concede Y` — Y is given up: rejected, as `--assume Y=rejected` does (an unattacked
  `assume not Y` attacks it). In the framework both are one new unattacked attacker; they differ
  in who may make them.

With an actor A, the moves are what A could say: attacks on every node A does not hold (other
actors' nodes and nodes nobody holds) and concessions of A's own nodes. Without an actor every
node may be attacked. Nodes assumed `accepted` cannot be hit (every attack on them is dropped).

Supports are no moves, because none can change a Dung status in argmap's translation
(`framework.py`): a support adds no attack, and a linked or undercut one only an inference
argument and `not p` arguments that attack nothing but each other. New arguments that attack
no old one leave every old argument's status as it was (each extension of the old framework
extends in exactly one way; `tests/test_flip.py` checks it on random maps under every
semantics). A support changes DF-QuAD strengths only, which have no status to flip.

The search is an optimisation in clingo: a choice rule over the candidate moves, the new
framework's grounded labelling (a positive program: its one answer set is the least fixpoint),
a constraint that the node's status differs, and `#minimize` the number of moves. Under
grounded and complete (whose sceptical status is the grounded labelling) that program is exact.
Under the other semantics the status is harder than one solver call (sceptical preferred
acceptance is Π2-complete), so the program only states what any flip needs (the grounded
extension is inside every preferred, semi-stable and ideal extension: a node it holds, or
attacks, stays so; under stable nothing, as a framework may lose all its stable extensions,
which makes every status undec) and each optimal
set is checked by analysing the changed framework again; sets that fail are excluded one by
one and the optimiser asked again, so the first set that passes is a smallest one.
"""

from __future__ import annotations

import difflib
import time
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..errors import UsageError
from ..model import Map
from .acceptance import sceptical_labels
from .analysis import AnalysisTimeout
from .dung import EnumerationTimeout, control, literals, numbers, solve_iter
from .framework import SEMANTICS, Framework, translate
from .grounded import IN, OUT, UNDEC, grounded_labelling

ATTACK, CONCEDE = "attack", "concede"

_SEARCH = """
{ chosen(C) } :- cand(C,_,_).
arg(Z) :- chosen(C), cand(C,_,Z).
att(Z,T) :- chosen(C), cand(C,T,Z).
g_in(X) :- arg(X), g_def(Y) : att(Y,X).
g_def(X) :- g_in(Y), att(Y,X).
#minimize { 1,C : chosen(C) }.
"""
#: under grounded and complete: the status must differ (exact)
_DIFFERS = {IN: ":- g_in(a).", OUT: ":- g_def(a).", UNDEC: ":- not g_in(a), not g_def(a)."}
#: under preferred, semi-stable and ideal, what any flip needs: their extensions all exist
#: and hold the grounded one, so it must not decide the node as before
_NEEDED = {IN: ":- g_in(a).", OUT: ":- g_def(a).", UNDEC: ""}


def with_attackers(af: Framework, targets: Sequence[int]) -> Framework:
    """`af` with one new unattacked argument per target, attacking it (the moves applied)."""
    names = [*af.names, *(f"move {k}" for k in range(len(targets)))]
    attacks = [*af.attacks(), *((af.size + k, t) for k, t in enumerate(targets))]
    return Framework(names, attacks)


def status(af: Framework, semantics: str, arg: int, timeout: float | None = None) -> str:
    """The status of one argument (grounded labelling, or the sceptical status)."""
    if semantics in ("grounded", "complete"):
        return grounded_labelling(af)[arg]
    return sceptical_labels(af, semantics, [arg], timeout)[arg]


def smallest_flips(af: Framework, semantics: str, arg: int, targets: Sequence[int], *,
                   alternatives: int = 0, timeout: float | None = None
                   ) -> tuple[str, list[tuple[list[int], str]]]:
    """The smallest sets of candidates (positions in `targets`: each an argument a new
    unattacked argument would attack) whose attacks change the status of `arg`.

    Returns the status before and the sets, each with the status it gives: the first one
    found, then up to `alternatives` others of the same size; none when nothing flips it.
    Raises EnumerationTimeout when `timeout` seconds pass first.
    """
    if semantics not in SEMANTICS:
        raise UsageError(f"unknown semantics {semantics!r}; use one of {', '.join(SEMANTICS)}")
    deadline = None if timeout is None else time.monotonic() + timeout
    before = status(af, semantics, arg, _left(deadline))
    exact = semantics in ("grounded", "complete")
    n = af.size
    program = (_SEARCH + "".join(f"cand({k},{t},{n + k}).\n" for k, t in enumerate(targets))
               + _condition(semantics, before).replace("(a)", f"({arg})") + "\n")
    ctl = control(af, program, ["--opt-mode=optN"], show=["C : chosen(C)"])
    chosen = literals(ctl, "chosen")
    while True:
        level = _optimal_sets(ctl, deadline)
        if level is None:
            return before, []
        found: list[tuple[list[int], str]] = []
        for moves in level:
            if exact:
                now = grounded_labelling(with_attackers(af, [targets[k] for k in moves]))[arg]
            else:
                now = status(with_attackers(af, [targets[k] for k in moves]), semantics, arg,
                             _left(deadline))
            if now != before:
                found.append((moves, now))
                if len(found) > alternatives:
                    break
        if found:
            return before, found
        with ctl.backend() as backend:  # none of them flips it: exclude exactly these sets
            for moves in level:
                inside = set(moves)
                backend.add_rule([], [lit if k in inside else -lit for k, lit in chosen.items()])


def _condition(semantics: str, before: str) -> str:
    """The constraint on the changed framework's grounded labelling (see the module doc)."""
    if semantics in ("grounded", "complete"):
        return _DIFFERS[before]
    if semantics == "stable":  # no stable extension at all makes every status undec
        return ""
    return _NEEDED[before]


def _left(deadline: float | None) -> float | None:
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise EnumerationTimeout(0)
    return left


def _optimal_sets(ctl, deadline: float | None) -> list[list[int]] | None:  # noqa: ANN001
    """Every optimal model's chosen candidates (sorted), or None when there is no model."""
    level = [sorted(moves) for proven, moves in
             solve_iter(ctl, deadline=deadline, convert=lambda m: (m.optimality_proven, numbers(m)))
             if proven]
    return sorted(level) if level else None


# --- on a map -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Move:
    """One move: `attack` or `concede` a node (its id), and the actors who hold that node."""

    kind: str
    node: str
    actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Flip:
    """The smallest moves that change the status of `node` (None: nothing can)."""

    node: str
    semantics: str
    actor: str | None
    status: str
    flipped: str | None
    moves: tuple[Move, ...] | None
    #: other sets of moves of the same size that flip it too, each with the status it gives
    alternatives: tuple[tuple[tuple[Move, ...], str], ...] = ()
    #: node id -> "accepted" / "rejected": the what-if assumptions in force
    assumptions: Mapping[str, str] = field(default_factory=dict)


def find_node(map_: Map, key: str, option: str = "--to-flip") -> str:
    """The id of the node with title or id `key` (UsageError naming the nearest otherwise)."""
    node = map_.nodes.get(key) or map_.node_by_title(key)
    if node is not None:
        return node.id
    titles = {t.casefold(): t for t in map_.nodes}
    titles.update({n.title.casefold(): n.title for n in map_.nodes.values() if n.title})
    near = difflib.get_close_matches(key.casefold(), titles, n=1)
    hint = f"; did you mean {titles[near[0]]!r}?" if near else ""
    raise UsageError(f"{option}: no node with the title or id {key!r}{hint}")


def flip_map(map_: Map, key: str, semantics: str = "grounded", actor: str | None = None,
             assumptions: Mapping[str, str] | None = None, *, alternatives: int = 3,
             timeout: float | None = None) -> Flip:
    """The smallest moves (by `actor`, or by anyone) that change the status of the node
    `key` (title or id) under `semantics`, with the what-if `assumptions` in force.

    Raises UsageError for an unknown node or actor, AnalysisTimeout when `timeout` runs out.
    """
    node_id = find_node(map_, key)
    if actor is not None and actor not in map_.actors:
        raise UsageError(f"no actor {actor!r} (actors: {', '.join(map_.actors) or 'none'})")
    mf = translate(map_, assumptions)
    af = mf.af
    candidates: list[Move] = []
    targets: list[int] = []
    for candidate in mf.node_ids:
        if mf.assumptions.get(candidate) == "accepted":
            continue  # every attack on it is dropped
        held = map_.nodes[candidate].actors
        kind = CONCEDE if actor is not None and actor in held else ATTACK
        candidates.append(Move(kind, candidate, held))
        targets.append(af.index(candidate))
    try:
        before, sets = smallest_flips(af, semantics, af.index(node_id), targets,
                                             alternatives=alternatives, timeout=timeout)
    except EnumerationTimeout:
        raise AnalysisTimeout(f"the time limit ({timeout:g} s) ran out before the smallest "
                              f"moves that flip {node_id} were found") from None
    found = [(tuple(candidates[k] for k in moves), after) for moves, after in sets]
    first, flipped = found[0] if found else (None, None)
    return Flip(node_id, semantics, actor, before, flipped, first, tuple(found[1:]),
                dict(mf.assumptions))


# --- for people and for tools ----------------------------------------------------------------


def move_json(move: Move) -> dict[str, object]:
    """One move as JSON: what (attack / concede), the node, who holds it."""
    return {"move": move.kind, "node": move.node, "actors": list(move.actors)}


def flip_json(path: str, flip: Flip) -> dict[str, object]:
    """The answer of `argmap analyze MAP --to-flip NODE --json` (docs/analysis.md)."""
    return {
        "map": path, "node": flip.node, "semantics": flip.semantics, "actor": flip.actor,
        "assumptions": dict(flip.assumptions), "status": flip.status, "flipped": flip.flipped,
        "moves": None if flip.moves is None else [move_json(m) for m in flip.moves],
        "alternatives": [{"moves": [move_json(m) for m in moves], "flipped": after}
                         for moves, after in flip.alternatives],
    }


def describe(map_: Map, move: Move) -> str:
    """`attack [X] (Sergey Lavrov's claim)`, `concede [Y]`."""
    node = map_.nodes[move.node]
    text = f"{move.kind} {node.ref or node.label}"
    if move.kind == ATTACK and move.actors:
        names = " and ".join(f"{map_.actors[a].name if a in map_.actors else a}'s"
                             for a in move.actors)
        text += f" ({names} {node.kind.value})"
    return text


def flip_lines(map_: Map, flip: Flip) -> list[str]:
    """The answer as lines of text."""
    node = map_.nodes[flip.node]
    name = node.ref or node.label
    who = f"@{flip.actor}" if flip.actor else "anyone"
    head = f"{name} is {flip.status} under {flip.semantics}"
    if flip.moves is None:
        return [f"{head}; nothing {who} could say changes that."]
    count = len(flip.moves)
    lines = [f"{head}; {count} move{'s' if count > 1 else ''} by {who} "
             f"make{'' if count > 1 else 's'} it {flip.flipped}:"]
    lines += [f"  {k}. {describe(map_, m)}" for k, m in enumerate(flip.moves, start=1)]
    for moves, after in flip.alternatives:
        lines.append("  or: " + "; ".join(describe(map_, m) for m in moves)
                     + ("" if after == flip.flipped else f" (makes it {after})"))
    return lines

"""AIF import speed and warning summary on a generated dialogue nodeset (AIFdb's shape).

    python bench/aif.py            # 1,300 / 13,000 / 65,000 nodes
    python bench/aif.py 5000       # any sizes (in nodes, about)

`nodeset(nodes)` writes a debate as an AIFdb nodeset does: no `participants`, speakers in
`locutions[].personID` and in the L-node text ("Name : what they said"), every turn an L-node
with its illocution (YA) to an I-node and a transition (TA) from the turn before, inferences
(RA, with scheme names), conflicts (CA), rephrases (MA), preferences (PA), and a little of
what real files carry too: nodes of unknown type, edges to nodes that are not there, locutions
that assert nothing. tests/test_import_aif_big.py uses it for the per-code summary. For each
size the best of five `read_aif` runs is reported, with the number of warnings and of codes.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

SPEAKERS = ("Fiona Bruce", "Andy Burnham", "Jacob Rees-Mogg", "Caroline Lucas")
ILLOCUTIONS = ("Asserting", "Asserting", "Asserting", "Pure Questioning", "Assertive Questioning",
               "Rhetorical Questioning")


def nodeset(size: int = 1300, *, rephrases: bool = True) -> dict:
    """A dialogue nodeset of about `size` nodes (`rephrases=False`: no MA nodes)."""
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []

    def node(kind: str, text: str) -> str:
        ident = str(len(nodes) + 1)
        nodes.append({"nodeID": ident, "text": text, "type": kind, "timestamp": "2019-11-28 20:00:00"})
        return ident

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    last_l = last_i = None
    turn = 0
    while len(nodes) < size:
        turn += 1
        speaker = SPEAKERS[turn % len(SPEAKERS)]
        said = f"point {turn} of the debate"
        locution = node("L", f"{speaker} : {said}")
        locutions.append({"nodeID": locution, "personID": str(turn % len(SPEAKERS)),
                          "timestamp": f"2019-11-28 20:{turn // 60 % 60:02d}:{turn % 60:02d}"})
        illocution = node("YA", ILLOCUTIONS[turn % len(ILLOCUTIONS)])
        proposition = node("I", said)
        edge(locution, illocution)
        edge(illocution, proposition)
        if last_l is not None:
            transition = node("TA", "Default Transition")
            edge(last_l, transition)
            edge(transition, locution)
            kind, name = (("MA", "Default Rephrase") if rephrases and turn % 7 == 0 else
                          ("CA", "Default Conflict") if turn % 3 == 0 else
                          ("RA", "Argument From Expert Opinion" if turn % 5 == 0 else "Default Inference"))
            scheme = node(kind, name)
            edge(proposition, scheme)
            edge(scheme, last_i)
            anchor = node("YA", {"MA": "Restating", "CA": "Disagreeing", "RA": "Arguing"}[kind])
            edge(transition, anchor)
            edge(anchor, scheme)
        if turn % 11 == 0:
            preference = node("PA", "Default Preference")
            edge(proposition, preference)
            edge(preference, last_i)
        if turn % 17 == 0:
            node("X", "an annotation tool's own node")
            edges.append({"edgeID": f"e{turn}", "fromID": proposition, "toID": "999999", "formEdgeID": None})
        if turn % 23 == 0:
            node("L", f"{speaker} : (applause)")
        last_l, last_i = locution, proposition
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


def main(sizes: list[int]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from argmap.importers.aif import read_aif

    for size in sizes:
        text = json.dumps(nodeset(size))
        times = []
        for _ in range(5):
            start = time.perf_counter()
            m = read_aif(text, "bench.json")
            times.append(time.perf_counter() - start)
        codes = {d.code for d in m.diagnostics}
        print(f"{size:>7} nodes  {len(text) / 1e6:6.2f} MB  best {min(times) * 1000:8.1f} ms  "
              f"{len(m.nodes)} I-nodes, {len(m.relations)} relations, {len(m.actors)} speakers, "
              f"{len(m.diagnostics)} warnings in {len(codes)} codes")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1300, 13000, 65000])

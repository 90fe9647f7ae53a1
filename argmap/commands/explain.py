"""`argmap explain MAP NODE`: why a node is in, out or undecided, and how its strength is made."""

from __future__ import annotations

import argparse
import json

from ..errors import UsageError

DESCRIPTION = """\
Explain one node of a map: why it is in, out or undecided, as a tree you can follow.

  grounded   the defence of an accepted node down to unattacked ones; for a node that is
             out, the attacker that stands; for an undecided one, the undecided attackers
             and the attack cycle that keeps it undecided (default)
  preferred  credulous: a smallest admissible set holding it (or why none exists);
             sceptical: a preferred extension without it (or that every one holds it)
  df-quad    its DF-QuAD strength: base score, aggregated attack and support, each
             reason's share and effect

NODE is a [Title], <Title>, id, title without brackets or inference id (r12). Exit status:
0 explained, 1 the map has errors (they are printed) or --timeout ran out before the
explanation was complete (what was found is printed), 2 bad usage (unknown node: the nearest
titles are suggested). See docs/analysis.md for the JSON shape.

examples:
  argmap explain maps/lavrov-blinken.argmap "[No NATO troops]"
  argmap explain maps/lavrov-blinken.argmap "NATO threat" --semantics preferred
  argmap explain maps/lavrov-blinken.argmap "[No NATO troops]" --semantics df-quad --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `argmap explain`."""
    from ..analyze.explain.explainer import EXPLAINED

    parser.add_argument("map", metavar="MAP", help="a .argmap file ('-' for stdin)")
    parser.add_argument("node", metavar="NODE", help="[Title], <Title>, id, bare title or inference id")
    parser.add_argument("--semantics", choices=EXPLAINED, default="grounded",
                        help="what to explain (default: grounded)")
    parser.add_argument("--json", action="store_true", help="print the explanation as JSON")
    parser.add_argument("--depth", type=int, default=100, metavar="N",
                        help="show the tree N levels deep (default 100)")
    parser.add_argument("--timeout", type=float, metavar="S",
                        help="stop the solver after S seconds (preferred)")


def run(args: argparse.Namespace) -> int:
    """Explain one node and print the explanation as text or JSON."""
    import sys

    if args.depth < 0:
        raise UsageError("--depth must be 0 or more")
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    from ..analyze.explain import MapExplainer, render
    from ._common import has_errors, load_map, print_diagnostics

    map_ = load_map(args.map)
    if has_errors(map_.diagnostics):
        print_diagnostics(map_.diagnostics)
        return 1
    explainer = MapExplainer(map_)
    data = explainer.explain(args.node, args.semantics, depth=args.depth, timeout=args.timeout)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        from ..printable import visible

        sys.stdout.write(visible(render(data, explainer.words)))
    if data.get("decided") is False:
        print(f"argmap explain: the time limit of {args.timeout:g} s ran out before the "
              "explanation was complete; what was found is shown", file=sys.stderr)
        return 1
    return 0

"""`argmap analyze`: what stands in a map, how strong it is, and how each actor fared."""

from __future__ import annotations

import argparse
import json
import sys
import time

from ..analyze.framework import SEMANTICS
from ..errors import UsageError

DESCRIPTION = """\
Analyse a map: the status of every node under a Dung semantics (in / out / undec), its DF-QuAD
strength, the extensions, and a debate report per actor (claims, attacks made and received,
attacks left unanswered, points of clash). An ICCMA file (.i23 or .apx) is analysed as an
abstract framework, its arguments named as in the file.

Exit status: 0 done, 1 the map has errors or the time limit cut something short (what
was found is printed; nodes not decided in time are 'unknown'), 2 bad usage. See
docs/analysis.md for the JSON shape.

examples:
  argmap analyze maps/lavrov-blinken.argmap
  argmap analyze maps/lavrov-blinken.argmap --semantics preferred --actor blinken
  argmap analyze maps/lavrov-blinken.argmap --assume "Free choice=rejected" --json
  argmap analyze framework.i23 --semantics stable --limit 10 --timeout 5
  argmap analyze maps/lavrov-blinken.argmap --by-round      replay the debate round by round
  argmap analyze maps/lavrov-blinken.argmap --to-flip "NATO threat" --actor blinken
  argmap analyze maps/lavrov-blinken.argmap --critical-questions   open questions count against
"""

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `argmap analyze`."""
    parser.add_argument("map", metavar="MAP", help="a .argmap file ('-' for stdin), or .i23 / .apx")
    parser.add_argument("--semantics", choices=SEMANTICS, default="grounded",
                        help="Dung semantics for the status and extensions (default: grounded)")
    parser.add_argument("--actor", metavar="ID", help="report on this actor only")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--assume", metavar="TITLE=VALUE", action="append", default=[],
                        help="what-if: treat a node (title or id) as accepted or rejected; repeatable")
    parser.add_argument("--limit", type=int, default=1000, metavar="N",
                        help="list at most N extensions (default 1000; 0 lists none)")
    parser.add_argument("--timeout", type=float, metavar="S",
                        help="bound each solver step (statuses and extensions, debate report, query) by S seconds")
    parser.add_argument("--to-flip", metavar="NODE",
                        help="the fewest moves (attacks, concessions; by --actor if given) that "
                             "change this node's status, instead of the analysis")
    parser.add_argument("--query", metavar="NAME",
                        help="also say whether this node (title or id; for ICCMA input the "
                             "argument) is credulously and sceptically accepted")
    parser.add_argument("--critical-questions", action="store_true",
                        help="read each open critical question of a scheme as counting against its argument: "
                             "an exception as an undercutter, a premise as an unshown premise (docs/analysis.md)")
    parser.add_argument("--by-round", action="store_true",
                        help="replay the debate: status and strength after each round (node "
                             "'round:' metadata), the moves that flipped a node, each actor's drops")


def _assumptions(items: list[str]) -> dict[str, str]:
    result = {}
    for item in items:
        title, sep, value = item.rpartition("=")
        if not sep or not title.strip():
            raise UsageError(f"--assume {item!r}: write TITLE=accepted or TITLE=rejected")
        result[title.strip()] = value.strip()
    return result


class Progress:
    """Shows a running count on stderr once enumeration has taken more than a second."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, count: int) -> None:
        if time.monotonic() - self.start > 1.0 and sys.stderr.isatty():
            sys.stderr.write(f"\r{count} extension{'' if count == 1 else 's'} found…")
            self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def _stop_message(stopped: str | None, count: int, args: argparse.Namespace) -> int:
    from ..language.report import plural

    if stopped == "limit" and args.limit > 0:  # --limit 0 asks for none: nothing to say
        print(f"argmap analyze: listed the first {plural(args.limit, 'extension')}; there are more "
              "(raise --limit to see them)", file=sys.stderr)
    elif stopped == "timeout":
        print(f"argmap analyze: time limit of {args.timeout:g} s reached after "
              f"{plural(count, 'extension')}; the list is incomplete", file=sys.stderr)
        return 1
    return 0


def _query(af, semantics: str, name: str, index: int | None, timeout: float | None
           ) -> dict[str, object]:  # noqa: ANN001 - a Framework
    """Credulous and sceptical acceptance of one argument (None index: unknown name); each
    answer is None when `timeout` seconds ran out before it was known."""
    from ..analyze.acceptance import credulous, sceptical
    from ..analyze.dung import EnumerationTimeout

    if index is None:
        raise UsageError(f"--query {name!r}: no such node or argument")
    answers: dict[str, object] = {"argument": name}
    for key, decide in (("credulous", credulous), ("sceptical", sceptical)):
        try:
            answers[key] = decide(af, semantics, index, timeout)
        except EnumerationTimeout:
            answers[key] = None
    return answers


def _time_messages(args: argparse.Namespace, what: dict[str, int], query: dict | None) -> int:
    """Say on stderr what the time limit left undecided; 1 if anything, else 0."""
    late = 0
    for semantics, count in what.items():
        if count:
            print(f"argmap analyze: time limit of {args.timeout:g} s reached: the {semantics} "
                  f"status of {count} node{'' if count == 1 else 's'} was not decided in time "
                  "(marked unknown)", file=sys.stderr)
            late = 1
    if query and None in (query["credulous"], query["sceptical"]):
        missing = " and ".join(k for k in ("credulous", "sceptical") if query[k] is None)
        print(f"argmap analyze: time limit of {args.timeout:g} s reached before the query was "
              f"answered ({missing} acceptance not decided in time)", file=sys.stderr)
        late = 1
    return late


def _print_query(console, query: dict[str, object], semantics: str) -> None:  # noqa: ANN001
    from rich.text import Text

    def yes(flag: object) -> str:
        return "not decided in time" if flag is None else "yes" if flag else "no"

    from ..printable import visible

    console.print(Text(visible(f"{query['argument']} under {semantics}: credulously accepted "
                       f"{yes(query['credulous'])}, sceptically accepted {yes(query['sceptical'])}", newlines=False)))


def run(args: argparse.Namespace) -> int:
    """Analyse a map or an ICCMA framework and print tables or JSON."""
    if args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    from rich.console import Console

    console = Console(highlight=False)
    if args.by_round and (args.query is not None or args.map.endswith((".i23", ".apx"))):
        raise UsageError("--by-round replays a map's rounds: it takes no --query, nor an ICCMA file")
    if args.map.endswith((".i23", ".apx")):
        return _run_framework(args, console)
    from ..analyze.analysis import analyze_map
    from ..analyze.debate import debate_report
    from ..analyze.present import map_json, print_actor, print_map
    from ._common import has_errors, load_map, print_diagnostics

    map_ = load_map(args.map)
    if has_errors(map_.diagnostics):
        print_diagnostics(map_.diagnostics)
        return 1
    if args.actor is not None and args.actor not in map_.actors:
        known = ", ".join(map_.actors) or "none"
        raise UsageError(f"no actor {args.actor!r} in {args.map} (actors: {known})")
    assumptions = _assumptions(args.assume)
    if args.critical_questions:
        from ..schemes.translate import with_open_questions
        from ..schemes.uses import map_catalogue

        catalogue, problems = map_catalogue(map_)
        if problems:  # a catalogue the map names but that cannot be used: say so, do not guess
            raise UsageError(problems[0])
        map_ = with_open_questions(map_, catalogue)
    if args.by_round:
        return _by_round(args, map_, assumptions, console)
    if args.to_flip is not None:
        return _run_flip(args, map_, assumptions, console)
    progress = Progress()
    analysis = analyze_map(map_, args.semantics, assumptions, limit=args.limit,
                           timeout=args.timeout, on_extension=progress, partial=True)
    progress.done()
    debate = debate_report(map_, assumptions, args.actor, known=analysis, timeout=args.timeout,
                           partial=True)
    query = None
    if args.query is not None:
        node = map_.nodes.get(args.query) or map_.node_by_title(args.query)
        framework = analysis.framework.af
        if node is not None and node.id in analysis.framework.questions:
            raise UsageError(f"--query {args.query!r}: a question asserts nothing, so it is no argument")
        index = framework.index(node.id) if node else None
        query = _query(framework, args.semantics, args.query, index, args.timeout)
    if args.json:
        data = map_json(args.map, analysis, debate)
        if query:
            data["query"] = query
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.actor is not None:  # that actor's report only
        for report in debate.actors:
            print_actor(console, map_, report)
        if query:
            _print_query(console, query, args.semantics)
    else:
        print_map(console, map_, analysis, debate)
        if query:
            _print_query(console, query, args.semantics)
    unknown = {a.semantics: sum(v == "unknown" for v in a.status.values())
               for a in (analysis, debate.preferred)}
    late = _time_messages(args, unknown, query)
    if unknown[analysis.semantics]:  # no extension was looked for: the statuses took the time
        return 1
    return max(late, _stop_message(analysis.stopped, len(analysis.extensions), args))


def _by_round(args: argparse.Namespace, map_, assumptions: dict[str, str], console) -> int:  # noqa: ANN001
    """`--by-round`: the replay (argmap/analyze/replay.py) as tables or JSON."""
    from ..analyze.replay import print_replay, replay, replay_json

    result = replay(map_, args.semantics, assumptions, actor=args.actor, timeout=args.timeout)
    if args.json:
        print(json.dumps(replay_json(args.map, result), indent=2, ensure_ascii=False))
    else:
        print_replay(console, map_, result)
    return 0


def _run_flip(args: argparse.Namespace, map_, assumptions: dict[str, str],  # noqa: ANN001
              console) -> int:  # noqa: ANN001 - a Map and a rich Console
    from rich.text import Text

    from ..analyze.flip import flip_json, flip_lines, flip_map

    flip = flip_map(map_, args.to_flip, args.semantics, args.actor, assumptions,
                    timeout=args.timeout)
    if args.json:
        print(json.dumps(flip_json(args.map, flip), indent=2, ensure_ascii=False))
    else:
        for line in flip_lines(map_, flip):
            console.print(Text(line))
    return 0


def _run_framework(args: argparse.Namespace, console) -> int:  # noqa: ANN001 - rich Console
    from ..analyze.grounded import grounded_labelling
    from ..analyze.iccma import read_apx, read_i23
    from ..analyze.listing import list_extensions
    from ..files import read_text

    if args.actor or args.assume or args.to_flip:
        raise UsageError("--actor, --assume and --to-flip need a map; an ICCMA file has no "
                         "actors or titles")
    text, _ = read_text(args.map)
    af = read_i23(text) if args.map.endswith(".i23") else read_apx(text)
    labels = grounded_labelling(af) if args.semantics == "grounded" else None
    query = None
    if args.query is not None:  # before the listing, which is written as it is found
        index = af.names.index(args.query) if args.query in af.names else None
        query = _query(af, args.semantics, args.query, index, args.timeout)
    progress = Progress()
    count, stopped = list_extensions(sys.stdout, args.map, args.semantics, af, limit=args.limit,
                                     timeout=args.timeout, as_json=args.json, labels=labels,
                                     query=query, on_extension=progress)
    progress.done()
    if query and not args.json:
        _print_query(console, query, args.semantics)
    late = _time_messages(args, {}, query)
    return max(late, _stop_message(stopped, count, args))

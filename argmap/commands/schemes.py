"""`argmap schemes [NAME]`: the catalogue of argumentation schemes, or one scheme and its questions."""

from __future__ import annotations

import argparse
import sys

from ..errors import UsageError

TYPE_CHECKING = False  # not typing's: the CLI does not import typing before a command needs it
if TYPE_CHECKING:
    from ..schemes.catalogue import Scheme

DESCRIPTION = """\
List the argumentation schemes argmap knows (Walton, Reed and Macagno 2008), or show one
with its premises, conclusion and critical questions. NAME may be the id, the name, the
AIF name or an alias, in any case ('expert-opinion', "Argument From Expert Opinion").
Each question is typed as Carneades types it: premise (must be shown), assumption (holds
until questioned), exception (holds unless shown). A map names a scheme with
{scheme: ID} on an argument and answers a question with {answers: CQ3} (docs/format.md).

examples:
  argmap schemes
  argmap schemes expert-opinion
  argmap schemes "Argument From Analogy" --json
  argmap schemes --catalogue my-schemes.toml      check a catalogue file and list it too
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", metavar="NAME", help="the scheme to show (default: list them all)")
    parser.add_argument("--catalogue", metavar="FILE", action="append", default=[],
                        help="add the schemes of this catalogue file (TOML, the shape of the shipped one); repeatable")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def scheme_json(scheme: Scheme) -> dict[str, object]:
    """One scheme as JSON: its fields, each question with its id and type."""
    return {"id": scheme.id, "name": scheme.name, "aif": scheme.aif, "aliases": list(scheme.aliases),
            "source": scheme.source, "premises": list(scheme.premises), "conclusion": scheme.conclusion,
            "questions": [{"id": q.id, "type": q.type, "text": q.text} for q in scheme.questions]}


def scheme_lines(scheme: Scheme) -> list[str]:
    """One scheme as text, a line each."""
    lines = [f"{scheme.name} ({scheme.id})"]
    if scheme.aif:
        lines.append(f"  AIF name: {scheme.aif}")
    if scheme.aliases:
        lines.append(f"  also: {', '.join(scheme.aliases)}")
    if scheme.source:
        lines.append(f"  source: {scheme.source}")
    lines.append("  premises:")
    lines += [f"    {n}. {p}" for n, p in enumerate(scheme.premises, 1)]
    lines.append(f"  conclusion: {scheme.conclusion}")
    lines.append("  critical questions:")
    width = max(len(q.type) for q in scheme.questions)
    lines += [f"    {q.id:<4} {q.type:<{width}}  {q.text}" for q in scheme.questions]
    return lines


def run(args: argparse.Namespace) -> int:
    import json

    from ..printable import visible
    from ..schemes.catalogue import catalogue

    found = catalogue(tuple(args.catalogue))
    if args.name is None:
        schemes = list(found.schemes.values())
        if args.json:
            json.dump([scheme_json(s) for s in schemes], sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
            return 0
        width = max(len(s.id) for s in schemes)
        for s in schemes:
            types = ", ".join(f"{sum(q.type == t for q in s.questions)} {t}" for t in ("premise", "assumption", "exception")
                              if any(q.type == t for q in s.questions))
            print(visible(f"{s.id:<{width}}  {s.name}  ({len(s.questions)} questions: {types})", newlines=False))
        print(f"{len(schemes)} schemes; 'argmap schemes NAME' shows one with its critical questions")
        return 0
    scheme = found.find(args.name)
    if scheme is None:
        close = found.nearest(args.name)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; 'argmap schemes' lists them"
        raise UsageError(f"no scheme {visible(args.name, newlines=False)!r} in the catalogue{hint}")
    if args.json:
        json.dump(scheme_json(scheme), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print("\n".join(visible(line, newlines=False) for line in scheme_lines(scheme)))
    return 0

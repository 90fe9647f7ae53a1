"""`argmap render MAP -o OUT.svg`: draw a map with Graphviz (SVG, PNG, PDF or DOT)."""

from __future__ import annotations

import argparse
import sys

from ..errors import UsageError
from ..language.report import plural
from ._common import load_map, print_diagnostics

DESCRIPTION = """\
Draw a map with Graphviz: claims, arguments and evidence coloured by side, supports green,
attacks red, undercuts dashed onto the edge they undercut, contradictions two-headed,
sections as boxes, a legend of sides, relations and sources.

  argmap render maps/x.argmap -o x.svg                  format from the extension
  argmap render maps/x.argmap -o x.png --rankdir LR --wrap 28
  argmap render maps/x.argmap -o part.svg --focus "No NATO troops" --depth 1
  argmap render maps/x.argmap -o x.svg --labels grounded --strength
  argmap render maps/x.argmap -o r2.svg --round 2 --labels grounded   the map after round 2
  argmap render maps/x.argmap --format dot              DOT source to standard output
  argmap render --explain                               which Graphviz program is used

SVG and PNG work out of the box (the bundled graphviz-pure); PDF needs the system Graphviz.
The Graphviz program can be chosen with --dot-binary PATH or the ARGMAP_DOT variable.
"""


def add_render_options(parser: argparse.ArgumentParser) -> None:
    """The drawing options shared by `render` and `watch`."""
    look = parser.add_argument_group("drawing")
    look.add_argument("--rankdir", choices=("BT", "TB", "LR", "RL"), default="BT",
                      help="direction of the drawing (default BT: conclusions on top)")
    look.add_argument("--no-text", action="store_true", help="titles only (untitled nodes keep their text)")
    look.add_argument("--wrap", type=int, default=34, metavar="WIDTH", help="wrap text at WIDTH columns (default 34)")
    look.add_argument("--group-by", choices=("section", "actor", "none"), default="section",
                      help="draw boxes around sections (default), actors, or nothing")
    look.add_argument("--no-legend", action="store_true", help="leave out the title and legend")
    part = parser.add_argument_group("what to show")
    part.add_argument("--focus", metavar="TITLE", help="only the neighbourhood of the node titled TITLE")
    part.add_argument("--depth", type=int, default=2, metavar="N", help="with --focus: relations away (default 2)")
    part.add_argument("--actor", action="append", default=[], metavar="ID",
                      help="only nodes attributed to actor ID (repeatable)")
    part.add_argument("--tag", action="append", default=[], metavar="TAG", help="only nodes with TAG (repeatable)")
    part.add_argument("--round", type=int, metavar="N",
                      help="the map as it stood after round N (nodes' 'round:' metadata; "
                           "a node without one is there from the start)")
    analysis = parser.add_argument_group("analysis overlays")
    analysis.add_argument("--labels", metavar="SEMANTICS",
                          help="colour nodes in / out / undecided under SEMANTICS (grounded, preferred, ...)")
    analysis.add_argument("--strength", action="store_true", help="show each node's gradual strength as a bar")
    parser.add_argument("--dot-binary", metavar="PATH", help="the Graphviz program to run (else $ARGMAP_DOT, dot, graphviz-pure)")


def options_from_args(args: argparse.Namespace):  # noqa: ANN201 - RenderOptions, imported lazily
    """The RenderOptions the command line asked for."""
    from ..render import RenderOptions

    return RenderOptions(
        rankdir=args.rankdir, show_text=not args.no_text, wrap=args.wrap, group_by=args.group_by,
        focus=args.focus, depth=args.depth, actors=tuple(args.actor), tags=tuple(args.tag),
        legend=not args.no_legend, round=args.round,
    )


def drawn_count(map_, options) -> str:  # noqa: ANN001 - Map, RenderOptions (imported lazily)
    """'12 nodes', or '5 of 12 nodes' when a focus or filter left some out."""
    from ..render.select import visible_nodes

    shown, total = len(visible_nodes(map_, options)), len(map_.nodes)
    return f"{total} nodes" if shown == total else f"{shown} of {total} nodes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", nargs="?", metavar="MAP", help="the map file ('-' reads standard input)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    parser.add_argument("--format", choices=("svg", "png", "pdf", "dot"),
                        help="output format (default: from OUT's extension, else svg)")
    parser.add_argument("--explain", action="store_true", help="say which Graphviz program is used (as argmap doctor), and exit")
    add_render_options(parser)


def run(args: argparse.Namespace) -> int:
    from ..files import atomic_write
    from ..render import find_binary, format_for, render_bytes
    from ..render.overlay import overlays_for

    if args.explain:
        from .doctor import run as doctor

        return doctor(args)
    if args.map is None:
        raise UsageError("give a map file to draw (or --explain)")
    to_stdout = args.output in (None, "-")
    fmt = args.format or ("svg" if to_stdout else format_for(args.output))
    if to_stdout and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise UsageError(f"{fmt.upper()} is binary: write it to a file with -o OUT.{fmt}")
    map_ = load_map(args.map)
    errors = [d for d in map_.diagnostics if d.is_error]
    if errors:
        print_diagnostics(errors)
        print(f"{args.map}: not drawn: fix the {plural(len(errors), 'error')} above first", file=sys.stderr)
        return 1
    binary = None if fmt == "dot" else find_binary(args.dot_binary)
    overlays = overlays_for(map_, args.labels, args.strength, args.round)
    options = options_from_args(args)
    data = render_bytes(map_, fmt, options, overlays=overlays, binary=binary)
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write(args.output, data)
        print(f"{args.output}: drawn ({drawn_count(map_, options)}, {fmt})", file=sys.stderr)
    return 0

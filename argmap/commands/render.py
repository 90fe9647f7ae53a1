"""`argmap render MAP -o OUT.svg`: draw a map with Graphviz (SVG, PNG, PDF or DOT)."""

from __future__ import annotations

import argparse
import sys

from ..errors import UsageError
from ..language.report import plural
from ..render.options import DEFAULT_PAGE, DEFAULT_PCS, PAGE_CHOICES, PCS_MODES
from ._common import load_map, print_diagnostics

DESCRIPTION = """\
Draw a map with Graphviz: claims, arguments and evidence coloured by side, supports green,
attacks red, undercuts dashed onto the edge they undercut, contradictions two-headed,
sections as boxes, a legend of sides, relations and sources.

The drawing is laid out to fit a page (default: A4): argmap tries the rank directions, wrap
widths and (for a4 and letter) orientations you left open and keeps the one whose smallest
text is largest once the drawing is shrunk to the page (then the one nearest the page's
shape). When the whole map cannot reach 6 pt there but less of it can, it leaves out node
texts (titles stay), then tags, then section boxes, as far as needed, and says so
(--keep-all keeps them).
  --page a4, letter   a figure for a printed page (portrait or landscape); PNG at 200 dpi
  --page slide        a 16:9 presentation slide (13.33 x 7.5 in); PNG at 144 dpi
  --page screen       a laptop screen or browser window (16:10, 15 x 9.4 in); PNG at 192 dpi
  --page none         no page: the drawing at its natural size, conclusions on top, wrap 34
  --size W,H          your own shape in inches (a column: --size 3.5,5); PNG at 200 dpi

  argmap render maps/x.argmap -o x.svg                  format from the extension, fits A4
  argmap render maps/x.argmap -o x.png --page slide     for a slide
  argmap render maps/x.argmap -o x.png --rankdir LR --wrap 28
  argmap render maps/x.argmap -o part.svg --focus "No NATO troops" --depth 1
  argmap render maps/x.argmap -o x.svg --labels grounded --strength
  argmap render maps/x.argmap -o r2.svg --round 2 --labels grounded   the map after round 2
  argmap render maps/x.argmap -o x.svg --pcs expanded --critical-questions
                                                        reconstructions as nodes, open questions
  argmap render maps/x.argmap --format dot              DOT source to standard output
  argmap render --explain                               which Graphviz program is used

SVG and PNG work out of the box (the bundled graphviz-pure); PDF needs the system Graphviz.
The Graphviz program can be chosen with --dot-binary PATH or the ARGMAP_DOT variable.
"""


def add_render_options(parser: argparse.ArgumentParser) -> None:
    """The drawing options shared by `render` and `watch`."""
    look = parser.add_argument_group("drawing")
    look.add_argument("--page", choices=PAGE_CHOICES, default=DEFAULT_PAGE,
                      help="the shape to lay the drawing out for (default a4; see above)")
    look.add_argument("--size", type=_inches, metavar="W,H",
                      help="lay out for a shape of W by H inches instead of a --page")
    look.add_argument("--orientation", choices=("portrait", "landscape"),
                      help="hold the page so (default: a4 and letter chosen to fit, other pages as they are)")
    look.add_argument("--keep-all", action="store_true",
                      help="with a page: never leave out texts, tags or boxes to fit it, however small they get")
    look.add_argument("--rankdir", choices=("BT", "TB", "LR", "RL"),
                      help="direction of the drawing (BT: conclusions on top, LR: reasons on the left); "
                           "default: chosen to fit the page (BT without one)")
    look.add_argument("--no-text", action="store_true", help="titles only (untitled nodes keep their text)")
    look.add_argument("--wrap", type=int, metavar="WIDTH",
                      help="wrap text at WIDTH columns (default: chosen to fit the page; 34 without one)")
    look.add_argument("--group-by", choices=("section", "actor", "none"), default="section",
                      help="draw boxes around sections (default), actors, or nothing")
    look.add_argument("--no-legend", action="store_true", help="leave out the title and legend")
    part = parser.add_argument_group("what to show")
    part.add_argument("--focus", metavar="TITLE",
                      help="only the neighbourhood of the node TITLE (a title, [Title] or <Title>), marked")
    part.add_argument("--depth", type=int, default=2, metavar="N", help="with --focus: relations away (default 2)")
    part.add_argument("--actor", action="append", default=[], metavar="ID",
                      help="only nodes attributed to actor ID (repeatable)")
    part.add_argument("--tag", action="append", default=[], metavar="TAG", help="only nodes with TAG (repeatable)")
    part.add_argument("--round", type=int, metavar="N",
                      help="the map as it stood after round N (nodes' 'round:' metadata; "
                           "a node without one is there from the start)")
    part.add_argument("--pcs", choices=PCS_MODES, default=DEFAULT_PCS,
                      help="reconstructions: listed in the argument's box (inline, the default), each "
                           "statement a node and each inference a junction (expanded), or not drawn (hidden)")
    part.add_argument("--critical-questions", action="store_true",
                      help="list in each box with a scheme the critical questions the map leaves open")
    analysis = parser.add_argument_group("analysis overlays")
    analysis.add_argument("--labels", metavar="SEMANTICS",
                          help="mark each node in / out / undecided under SEMANTICS (grounded, preferred, ...): "
                               "a black / white / grey badge and a bold / dashed / dotted border")
    analysis.add_argument("--strength", action="store_true", help="show each node's gradual strength as a bar")
    parser.add_argument("--dot-binary", metavar="PATH", help="the Graphviz program to run (else $ARGMAP_DOT, dot, graphviz-pure)")


def options_from_args(args: argparse.Namespace):  # noqa: ANN201 - RenderOptions, imported lazily
    """The RenderOptions the command line asked for."""
    from ..render import RenderOptions

    return RenderOptions(
        rankdir=args.rankdir, show_text=not args.no_text, wrap=args.wrap, group_by=args.group_by,
        focus=args.focus, depth=args.depth, actors=tuple(args.actor), tags=tuple(args.tag),
        legend=not args.no_legend, round=args.round, page=args.page, size=args.size,
        orientation=args.orientation, trim=not args.keep_all, pcs=args.pcs,
        critical_questions=args.critical_questions,
    )


def _inches(text: str) -> tuple[float, float]:
    """`W,H` in inches, both positive (argparse turns the error into a usage message)."""
    try:
        values = tuple(float(part) for part in text.replace("x", ",").split(","))
    except ValueError:
        values = ()
    if len(values) != 2 or not all(0 < v < 1000 for v in values):
        raise argparse.ArgumentTypeError(f"{text!r} is not W,H: two positive numbers of inches")
    return values  # type: ignore[return-value]


def fit_report(fit, page_name: str) -> str:  # noqa: ANN001 - a Fit (imported lazily)
    """'for a4 landscape: LR, wrap 20, smallest text 6.3 pt', with a hint when that is under 6 pt."""
    from ..render.fit import READABLE_PT

    held = f" {fit.options.orientation}" if fit.options.orientation else ""
    smallest = fit.text_on_page
    text = f"for {page_name}{held}: {fit.options.rankdir}, wrap {fit.options.wrap}, smallest text {smallest:.1f} pt"
    if not fit.readable:
        text += (f" (under {READABLE_PT:g} pt: draw less with --focus or --tag, titles only with "
                 "--no-text, or a bigger --size / --page none)")
    return text


def left_out_note(fit, page_name: str, map_=None) -> str | None:  # noqa: ANN001 - a Fit, a Map (lazily)
    """'texts and tags left out to fit a4; --page none draws them', or None. The lists of
    `map_`'s reconstructions (--pcs inline) go with the texts: the note says so."""
    if not fit.left_out:
        return None
    left_out = list(fit.left_out)
    if "texts" in left_out and fit.options.pcs == "inline" and map_ is not None and map_.reconstructions:
        left_out.insert(left_out.index("texts") + 1, "reconstructions")
    what = left_out[0] if len(left_out) == 1 else ", ".join(left_out[:-1]) + " and " + left_out[-1]
    return f"{what} left out to fit {page_name}; --page none draws them"


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
    from ..render import find_binary, fit_to_page, format_for, render_bytes
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
    options = options_from_args(args)
    options.validated(map_)  # a bad option fails before any Graphviz program is looked for
    binary = None if fmt == "dot" and options.page_size is None else find_binary(args.dot_binary)
    overlays = overlays_for(map_, args.labels, args.strength, args.round)
    fitted, note = "", None
    if options.page_size is not None:
        fit = fit_to_page(map_, options, binary, overlays)
        page_name = args.page if args.size is None else "--size"
        options, fitted, note = fit.options, "; " + fit_report(fit, page_name), left_out_note(fit, page_name, map_)
    data = render_bytes(map_, fmt, options, overlays=overlays, binary=binary)
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write(args.output, data)
        print(f"{args.output}: drawn ({drawn_count(map_, options)}, {fmt}{fitted})", file=sys.stderr)
    if note is not None:
        print(f"{args.map if to_stdout else args.output}: {note}", file=sys.stderr)
    return 0

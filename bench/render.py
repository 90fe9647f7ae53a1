"""Figures that fit where they go, and how long a drawing takes.

    .venv/bin/python bench/render.py                 # the fit table (below)
    .venv/bin/python bench/render.py --speed         # 1,000 nodes: argmap's DOT vs Graphviz, best of 7
    .venv/bin/python bench/render.py --speed --nodes 200 1000 --runs 7

The fit table: for each map in maps/ and maps of 25, 100 and 300 nodes from bench/generate.py
(seed 1), and for each page of `render --page`, one row with
  before   the layout argmap drew before pages existed, which `--page none` still draws
           (BT, wrap 34, roomy spacing; today's fonts and section titles), shrunk to that page;
  after    the layout `render --page P` chooses (argmap/render/fit.py), its rank direction and wrap;
and for each: the aspect ratio (width / height of the natural drawing), the smallest text
height in pt when the drawing is scaled to A4 width (8.27 in, 595 pt: up or down, as a figure
set across a page is), and the smallest text in pt once shrunk to fit the page whole (never
enlarged). Sizes are the Graphviz program's own (`-Tplain`), fonts those the DOT asks for.

The speed run: each run times argmap's DOT and then Graphviz on it (wall and CPU time; for
Graphviz, the child process's CPU time), so both halves of a run see the same load on a shared
machine; the share is given for the best times and as the median over the runs. Parsing is
shown but not counted. The target: argmap's own part under 5% of the total.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_map  # noqa: E402

import argmap  # noqa: E402
from argmap.render import PAGES, RenderOptions, build_dot, find_binary, fit_to_page, layout  # noqa: E402
from argmap.render.fit import measure as measure_fit  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
A4_WIDTH_PT = PAGES["a4"][0] * 72


def _cpu() -> float:
    """CPU seconds used so far by this process and the children it has waited for."""
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + children.ru_utime + children.ru_stime


def timed(work) -> tuple[float, float, object]:  # noqa: ANN001
    """Wall and CPU seconds of one call, and its result."""
    wall, cpu = time.perf_counter(), _cpu()
    result = work()
    return time.perf_counter() - wall, _cpu() - cpu, result


def measure(nodes: int, runs: int) -> None:
    text = generate_map(nodes, seed=1)
    parse_wall, _, m = timed(lambda: argmap.parse(text))
    binary = find_binary()
    rows = []  # (dot wall, dot cpu, layout wall, layout cpu): each pair under the same load
    for _ in range(runs):
        dot_wall, dot_cpu, dot = timed(lambda: build_dot(m))
        layout_wall, layout_cpu, svg = timed(lambda: layout(binary, dot, "svg"))
        rows.append((dot_wall, dot_cpu, layout_wall, layout_cpu))
    print(f"{len(m.nodes)} nodes, {len(m.relations)} relations; DOT {len(dot) / 1e3:.0f} kB, "
          f"SVG {len(svg) / 1e3:.0f} kB; parse {parse_wall * 1000:.0f} ms (not counted)")
    for name, own_at, graphviz_at in (("wall", 0, 2), ("cpu", 1, 3)):
        own = min(r[own_at] for r in rows)
        graphviz = min(r[graphviz_at] for r in rows)
        shares = sorted(r[own_at] / (r[own_at] + r[graphviz_at]) for r in rows)
        print(f"  {name:<4}  argmap DOT {own * 1000:6.1f} ms | Graphviz layout + SVG {graphviz * 1000:7.1f} ms"
              f" (best of {runs}) | argmap's share {100 * own / (own + graphviz):4.1f}% of the best times,"
              f" median of the runs {100 * statistics.median(shares):4.1f}%")


def fit_maps() -> list[tuple[str, argmap.Map]]:
    """(name, map) of every map in maps/ and of generated maps of 25, 100 and 300 nodes."""
    found = [(path.name, argmap.parse_file(str(path))) for path in sorted((ROOT / "maps").glob("*.argmap"))]
    return found + [(f"generated {n}", argmap.parse(generate_map(n, seed=1))) for n in (25, 100, 300)]


def fit_table() -> None:
    binary = find_binary()
    print(f"graphviz: {binary.path} ({binary.origin}); {binary.version()}")
    print("text = smallest text in pt: @A4w scaled to A4 width (595 pt), page shrunk to fit the page whole")
    print(f"{'map':<26} {'page':<7} | {'before: aspect':>14} {'@A4w':>5} {'page':>5} | "
          f"{'after: layout':<13} {'aspect':>6} {'@A4w':>5} {'page':>5} | {'time':>5}")
    for name, m in fit_maps():
        before = measure_fit(m, RenderOptions(), binary)
        for page in (*PAGES, "none"):
            started = time.perf_counter()
            options = RenderOptions(page=page)
            after = fit_to_page(m, options, binary)
            spent = time.perf_counter() - started
            shape = PAGES.get(page)
            cells = []
            for fit in (before, after):
                at_a4 = fit.font * A4_WIDTH_PT / fit.width
                on_page = fit.smallest_text(shape) if shape else fit.font
                cells.append((fit.aspect, at_a4, on_page))
            chosen = f"{after.options.rankdir} wrap {after.options.wrap}"
            (ba, bw, bp), (aa, aw, ap) = cells
            print(f"{name:<26} {page:<7} | {ba:14.2f} {bw:5.1f} {bp:5.1f} | {chosen:<13} {aa:6.2f} {aw:5.1f} "
                  f"{ap:5.1f} | {spent:4.1f}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true", help="time argmap's DOT against Graphviz instead")
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.speed:
        fit_table()
        return 0
    binary = find_binary()
    print(f"graphviz: {binary.path} ({binary.origin}); {binary.version()}")
    print(f"{args.runs} runs, DOT then layout in turn; the target is argmap's share under 5%")
    for nodes in args.nodes:
        measure(nodes, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How long a 1,000-node map takes to become SVG: argmap's DOT generation vs Graphviz layout.

    .venv/bin/python bench/render.py                 # 1,000 nodes, best of 7
    .venv/bin/python bench/render.py --nodes 200 1000 --runs 7

The map comes from bench/generate.py (a valid map with every construct). Parsing is shown
but not counted. Each step is timed as wall time and as CPU time (for Graphviz, the child
process's CPU time). Each run times argmap's DOT and then Graphviz on it, so both halves of
a run see the same load on a shared machine; the share is given for the best times and as
the median over the runs. The target: argmap's own part under 5% of the total.
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
from argmap.render import build_dot, find_binary, layout  # noqa: E402


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    binary = find_binary()
    print(f"graphviz: {binary.path} ({binary.origin}); {binary.version()}")
    print(f"{args.runs} runs, DOT then layout in turn; the target is argmap's share under 5%")
    for nodes in args.nodes:
        measure(nodes, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How long a 1,000-node map takes to become SVG: argmap's DOT generation vs Graphviz layout.

    .venv/bin/python bench/render.py                 # 1,000 nodes, best of 5
    .venv/bin/python bench/render.py --nodes 200 1000 --runs 7

The map comes from bench/generate.py (a valid map with every construct). Parsing is shown
but not counted. Each step is timed as wall time and as CPU time (for Graphviz, the child
process's CPU time): on a busy shared machine the CPU time is the steadier figure. The best of
the runs is shown. The target: argmap's own part under 5% of the total.
"""

from __future__ import annotations

import argparse
import resource
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


def best_of(runs: int, work) -> tuple[float, float, object]:  # noqa: ANN001
    """The best wall time and the best CPU time of `runs` calls (seconds), and the result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _cpu()
        result = work()
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    return min(walls), min(cpus), result


def measure(nodes: int, runs: int) -> None:
    text = generate_map(nodes, seed=1)
    parse_wall, _, m = best_of(runs, lambda: argmap.parse(text))
    dot_wall, dot_cpu, dot = best_of(runs, lambda: build_dot(m))
    binary = find_binary()
    layout_wall, layout_cpu, svg = best_of(runs, lambda: layout(binary, dot, "svg"))
    print(f"{len(m.nodes)} nodes, {len(m.relations)} relations; DOT {len(dot) / 1e3:.0f} kB, "
          f"SVG {len(svg) / 1e3:.0f} kB; parse {parse_wall * 1000:.0f} ms (not counted)")
    for name, own, graphviz in (("wall", dot_wall, layout_wall), ("cpu", dot_cpu, layout_cpu)):
        print(f"  {name:<4}  argmap DOT {own * 1000:7.1f} ms | Graphviz layout + SVG "
              f"{graphviz * 1000:8.1f} ms | argmap's share {100 * own / (own + graphviz):4.1f}%")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    binary = find_binary()
    print(f"graphviz: {binary.path} ({binary.origin}); {binary.version()}")
    print(f"best of {args.runs} runs; the target is argmap's share under 5%")
    for nodes in args.nodes:
        measure(nodes, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

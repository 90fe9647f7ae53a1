"""Parse + check speed and memory on generated maps of 1,000 / 10,000 / 50,000 nodes.

    python bench/parse.py            # the three sizes
    python bench/parse.py 200000     # any sizes

Each size runs in a fresh process (so peak memory is its own): the map is generated, then
parsed and checked five times; the best time is reported (timeit's rule: the other runs are
slowed by whatever else the machine does, and this shared machine's speed varies by ±20%), with
MB/s, the time per node (to show the growth is linear), the first run's time (nothing cached
yet: what one `argmap check` pays) and the peak resident memory added by parse+check as a
multiple of the file size. The last column is the whole `argmap check FILE` process (start-up
included; the CLI runs without the cycle collector). Target (issue #2): 50,000 nodes (~6 MB) in
under 2 s, memory under 10x the file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r"""
import gc, json, resource, sys, time
import argmap
text = open(sys.argv[1], encoding="utf-8").read()
argmap.parse("[warm]: up {x: 1}\n")
gc.collect()
# what the process holds now (not its peak so far, which reading the file raised: the parse
# could grow into that unseen); in kB, like ru_maxrss
base = int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize() // 1024
times = []
for _ in range(5):
    start = time.perf_counter()
    m = argmap.parse(text)
    found = argmap.check(m)
    times.append(time.perf_counter() - start)
    if times[1:]:
        del m
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # the first run: no memory to reuse
        del m
m = argmap.parse(text)
print(json.dumps({"bytes": len(text.encode()), "nodes": len(m.nodes), "relations": len(m.relations),
                  "errors": sum(d.is_error for d in found), "best": min(times), "first": times[0],
                  "peak_kb": peak - base}))
"""


def measure(nodes: int) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import generate_map

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.argmap"
        path.write_text(generate_map(nodes, seed=1), encoding="utf-8")
        # the child only reads the file: no memory freed by the generator for the parse to reuse
        done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True)
        result = json.loads(done.stdout)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "argmap", "check", "-q", str(path)], capture_output=True, check=False)
            best = min(best, time.perf_counter() - start)
        result["cli"] = best
    return result


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1_000, 10_000, 50_000]
    print(f"{'nodes':>8} {'MB':>6} {'parse+check s':>14} {'MB/s':>6} {'us/node':>8} {'first s':>8} {'peak MB':>8}"
          f" {'x file':>7} {'argmap check s':>15}")
    for n in sizes:
        r = measure(n)
        mb = r["bytes"] / 1e6
        peak_mb = r["peak_kb"] / 1024
        print(f"{r['nodes']:>8} {mb:>6.2f} {r['best']:>14.3f} {mb / r['best']:>6.2f} "
              f"{r['best'] / r['nodes'] * 1e6:>8.1f} {r['first']:>8.3f} {peak_mb:>8.1f} {peak_mb / mb:>7.1f} {r['cli']:>15.2f}"
              + ("" if r["errors"] == 0 else f"   ({r['errors']} errors!)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

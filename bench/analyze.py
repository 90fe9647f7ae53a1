"""Speed of the analysis on seeded random frameworks: prints figures, asserts nothing.

    .venv/bin/python bench/analyze.py            # N = 10^3, 10^4, 10^5 (about 2 minutes)
    .venv/bin/python bench/analyze.py --quick    # N = 10^3, 10^4 only (about 15 s)
    .venv/bin/python bench/analyze.py --gradual  # DF-QuAD with cycles only, 10^3..10^5

What it measures, for each N (frameworks: N arguments and 3N attacks, 10% of them in mutual
pairs, seed 4):

1. In this process, wall time with CPU time in brackets (`time.process_time`, all threads):
   * grounded: the linear labelling;
   * sceptical preferred acceptance of one argument the grounded labelling leaves undecided
     (the solver must search), grounding of the ASP program included (N <= 10^4);
   * DF-QuAD on three graphs: *acyclic* (N items, 2.5N random attacks and supports, every edge
     from a higher to a lower item: the paper's setting); *random, cyclic* (the same edges
     anywhere: one strongly connected component of about 80% of the items); *map* (the
     gradual graph of a map of N nodes made by bench/generate.py, whose cycles are its
     contradictions), with the rounds the slowest cycle needed.
2. Listing the first 1,000 stable extensions, as three child processes whose output goes to
   /dev/null, each timed from start to exit: wall time, CPU time (user + system, from
   `os.wait4`) and peak resident memory (`ru_maxrss` of that process alone, spawned from a
   small helper process so that the benchmark's own size does not count):
   * `argmap analyze FILE.i23 --semantics stable --limit 1000` (text), and with `--json`;
   * clingo's own command line on the same encoding and facts (`python -m clingo FILE.lp 1000`:
     the clingo package ships no `clingo` executable; `python -m clingo` runs clingo's
     application, `clingo_main`, whose model printing is clingo's C++ code);
   * the floor: the same models from `clingo.Control`, solved with output suppressed (nothing
     read from the models), so the rest of each figure is reading and printing models.
   The ratio is argmap's wall time over clingo's command line's.
3. DF-QuAD with cycles against its target (under 1 s at N = 10^5), on the random cyclic
   graph and on the generated map, with the size of the largest strongly connected
   component: before (every cycle iterated in pure Python) and after (a cycle of
   `gradual.ARRAYS_FROM` items or more as numpy arrays, numpy's import included when it is
   the first), each wall (CPU) time and passes, and the ratio of the time after to the target
   (`--gradual` runs this part alone).
4. Without --quick: grounded on 10^6 attacks, and peak Python memory at N = 10^5
   (tracemalloc, on top of the inputs) for grounded and DF-QuAD.

Then the peak resident memory of this process (the children not included).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from argmap.analyze.dung import STABLE, facts  # noqa: E402
from argmap.analyze.framework import Framework  # noqa: E402
from argmap.analyze.gradual import ARRAYS_FROM, GradualReason, df_quad  # noqa: E402
from argmap.analyze.grounded import UNDEC, grounded_labelling  # noqa: E402
from argmap.analyze.iccma import framework_to_i23  # noqa: E402

SEED = 4
MODELS = 1000
FLOOR = """\
import sys, clingo
ctl = clingo.Control(["--warn=none"])
ctl.load(sys.argv[1])
ctl.ground([("base", [])])
ctl.configuration.solve.models = int(sys.argv[2])
with ctl.solve(yield_=True) as models:
    count = sum(1 for _ in models)
print(count)
"""


def random_framework(n: int, rng: random.Random, per_argument: float = 3.0,
                     mutual: float = 0.1) -> Framework:
    """N arguments, per_argument * N attacks, a `mutual` share of them in a -> b -> a pairs."""
    total = int(per_argument * n)
    attacks: set[tuple[int, int]] = set()
    while len(attacks) < int(total * mutual):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            attacks.update(((a, b), (b, a)))
    while len(attacks) < total:
        attacks.add((rng.randrange(n), rng.randrange(n)))
    return Framework([str(i) for i in range(n)], sorted(attacks))


def random_bipolar(n: int, rng: random.Random, acyclic: bool
                   ) -> tuple[list[float], list[GradualReason]]:
    """N items with random base scores and 2.5 N attacks or supports; `acyclic` points every
    edge from a higher to a lower item (DF-QuAD's own setting), else edges go anywhere."""
    base = [rng.random() for _ in range(n)]
    reasons = []
    for _ in range(int(2.5 * n)):
        source = rng.randrange(1, n) if acyclic else rng.randrange(n)
        target = rng.randrange(source) if acyclic else rng.randrange(n)
        reasons.append(GradualReason(rng.random() < 0.5, (source,), target))
    return base, reasons


def map_bipolar(n: int) -> tuple[list[float], list[GradualReason], dict[int, float]]:
    """The DF-QuAD inputs of a generated map of N nodes, as `analysis.strengths` builds them."""
    import argmap
    from argmap.analyze.analysis import _score
    from argmap.analyze.framework import translate
    from generate import generate_map

    map_ = argmap.parse(generate_map(n, SEED))
    mf = translate(map_)
    items = [*mf.node_ids, *mf.inferences]
    index = {item: i for i, item in enumerate(items)}
    base = [_score(map_.nodes[node].meta.get("score")) for node in mf.node_ids]
    weights = {r.inference: r.weight for r in mf.reasons if r.inference}
    base.extend(weights[i] for i in mf.inferences)
    reasons = [GradualReason(r.attack, tuple(index[p] for p in r.premises), index[r.target],
                             index[r.inference] if r.inference else None, r.weight)
               for r in mf.reasons if r.target in index]
    fixed = {index[node]: 1.0 if v == "accepted" else 0.0 for node, v in mf.assumptions.items()}
    return base, reasons, fixed


class timed:  # noqa: N801 - reads as a function
    """Run `function`; `.wall` and `.cpu` seconds (CPU of all threads), `.result`."""

    def __init__(self, function, *args) -> None:  # noqa: ANN001 - any callable
        wall, cpu = time.perf_counter(), time.process_time()
        self.result = function(*args)
        self.wall = time.perf_counter() - wall
        self.cpu = time.process_time() - cpu

    def __str__(self) -> str:
        return f"{self.wall:6.3f} s ({self.cpu:.3f})"


def sceptical_preferred(af: Framework, labels: list[str]) -> str:
    from argmap.analyze.preferred import PreferredReasoner

    undecided = [i for i, label in enumerate(labels) if label == UNDEC]
    if not undecided:
        return "(nothing undecided)"
    arg = random.Random(SEED).choice(undecided)
    run = timed(lambda: (r := PreferredReasoner(af), r.sceptical(arg)))
    reasoner, answer = run.result
    return f"{run} {'yes' if answer else 'no'}, {reasoner.rounds} calls"


def gradual(*inputs) -> str:  # noqa: ANN002 - df_quad's arguments
    run = timed(df_quad, *inputs)
    settled = "" if run.result.converged else " NOT converged"
    rounds = f", {run.result.rounds} rounds" if run.result.rounds else ""
    return f"{run}{rounds}{settled}"


#: DF-QuAD on cycles: the time aimed at for N = 10^5 (issue 18), scaled linearly below
GRADUAL_TARGET = 1.0


def largest_cycle(base: list[float], reasons: list[GradualReason]) -> int:
    """The number of items of the largest strongly connected component of the graph."""
    from argmap.analyze.gradual import _strongly_connected

    successors: list[list[int]] = [[] for _ in base]
    for reason in reasons:
        for premise in reason.premises:
            successors[premise].append(reason.target)
    return max(map(len, _strongly_connected(list(range(len(base))), successors)))


def gradual_run(inputs: tuple, arrays_from: int | None) -> timed:  # noqa: ANN001
    return timed(lambda: df_quad(*inputs, arrays_from=arrays_from))


def gradual_row(n: int) -> None:
    target = GRADUAL_TARGET * n / 100_000
    cells = []
    for inputs in (random_bipolar(n, random.Random(SEED), False), map_bipolar(n)):
        before, after = gradual_run(inputs, 10**9), gradual_run(inputs, None)
        passes = [f"{r.result.rounds}{'' if r.result.converged else ' NOT converged'}"
                  for r in (before, after)]
        cells.append(f"{largest_cycle(*inputs[:2]):>6,}  {before} {passes[0]:>4}  "
                     f"{after} {passes[1]:>4}  x{after.wall / target:.2f} "
                     f"({after.cpu / target:.2f})")
    print(f"{n:>8,}  {target:5.2f} s  {cells[0]}   {cells[1]}")


def gradual_section(sizes: list[int]) -> None:
    print(f"\nDF-QuAD with cycles, before (pure Python) and after (cycles of {ARRAYS_FROM:,}+ "
          f"items as arrays): wall (CPU), passes; x = after / target, wall (CPU); the target: "
          f"{GRADUAL_TARGET:g} s at 10^5, scaled linearly")
    cell = f"{'cycle':>6}  {'before':<21}{'':>5}  {'after':<21}{'':>5}  {'x':<11}"
    print(f"{'N':>8}  {'target':<7}  {'random graph, cyclic':<{len(cell)}}   generated map")
    print(f"{'':>8}  {'':<7}  {cell}   {cell}")
    for n in sizes:
        gradual_row(n)


def row(n: int, with_preferred: bool) -> None:
    af = random_framework(n, random.Random(SEED))
    grounded = timed(grounded_labelling, af)
    preferred = sceptical_preferred(af, grounded.result) if with_preferred else "-"
    acyclic = gradual(*random_bipolar(n, random.Random(SEED), True))
    cyclic = gradual(*random_bipolar(n, random.Random(SEED), False))
    on_map = gradual(*map_bipolar(n))
    print(f"{n:>8,} {grounded}  {preferred:<32}{acyclic:<21}{cyclic:<30}{on_map}")


#: runs its arguments as a command, stdout to /dev/null, and prints wall, CPU (user + system)
#: and peak resident KiB of that command. The command is spawned from this small process: on
#: Linux a child's ru_maxrss counts what it was before exec, so one spawned straight from the
#: benchmark would report at least the benchmark's own size.
MEASURE = """\
import os, shutil, sys, time
start = time.perf_counter()
pid = os.posix_spawn(shutil.which(sys.argv[1]), sys.argv[1:], os.environ,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
      os.waitstatus_to_exitcode(status))
"""


class child:  # noqa: N801 - reads as a function
    """Run a command to its end with stdout to /dev/null: wall, CPU (user + system) and peak
    resident memory (MiB) of that one process (see MEASURE)."""

    def __init__(self, command: list[str]) -> None:
        report = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                                text=True, check=True).stdout.split()
        wall, cpu, rss, code = float(report[0]), float(report[1]), int(report[2]), int(report[3])
        if code not in (0, 10, 30):  # clingo: 10 satisfiable, 30 all models found
            raise SystemExit(f"{command} exited with {code}")
        self.wall, self.cpu, self.rss = wall, cpu, rss / 1024

    def __str__(self) -> str:
        return f"{self.wall:6.2f} s ({self.cpu:5.2f}) {self.rss:5.0f} MiB"


def listing(n: int, folder: Path) -> None:
    af = random_framework(n, random.Random(SEED))
    i23, lp = folder / f"af{n}.i23", folder / f"af{n}.lp"
    i23.write_text(framework_to_i23(af, names=False))
    lp.write_text(STABLE + facts(af) + "#show in/1.\n")
    argmap = [sys.executable, "-m", "argmap", "analyze", str(i23), "--semantics", "stable",
              "--limit", str(MODELS)]
    text, as_json = child(argmap), child([*argmap, "--json"])
    clingo = child([sys.executable, "-m", "clingo", str(lp), str(MODELS), "--warn=none"])
    floor = child([sys.executable, "-c", FLOOR, str(lp), str(MODELS)])
    ratio = f"{text.wall / clingo.wall:.2f} / {as_json.wall / clingo.wall:.2f}"
    print(f"{n:>8,}  {text}  {as_json}  {clingo}  {floor}  {ratio}")


def peak_memory(n: int) -> None:
    af = random_framework(n, random.Random(SEED))
    tracemalloc.start()
    grounded_labelling(af)
    grounded_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    base, reasons = random_bipolar(n, random.Random(SEED), acyclic=True)
    tracemalloc.start()
    df_quad(base, reasons)
    gradual_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak memory at N = {n:,}: grounded {grounded_peak / 2**20:.1f} MiB, "
          f"DF-QuAD {gradual_peak / 2**20:.1f} MiB (tracemalloc, on top of the inputs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only N = 10^3 and 10^4")
    parser.add_argument("--gradual", action="store_true",
                        help="only DF-QuAD with cycles against its target")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    print(f"load average before the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          "(wall time suffers when others run, CPU time much less)")
    if args.gradual:
        gradual_section([1_000, 10_000, 100_000])
        return
    print("wall time (CPU time in brackets)")
    print(f"{'N':>8} {'grounded':<20}  {'sceptical preferred, 1 arg':<32}"
          f"{'DF-QuAD acyclic':<21}{'DF-QuAD random, cyclic':<30}DF-QuAD generated map")
    for n in sizes:
        row(n, with_preferred=n <= 10_000)
    print(f"\nthe first {MODELS:,} stable extensions, whole processes: wall (CPU) peak memory")
    print(f"{'N':>8}  {'argmap analyze (text)':<29}  {'argmap analyze --json':<29}  "
          f"{'clingo command line':<29}  {'clingo, no output (floor)':<29}  "
          "argmap / clingo (text / json)")
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            listing(n, Path(folder))
    gradual_section(sizes)
    if not args.quick:
        af = random_framework(333_334, random.Random(SEED))
        print(f"\ngrounded, {len(af.sources):,} attacks ({af.size:,} arguments): "
              f"{timed(grounded_labelling, af)}")
        peak_memory(100_000)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {rss:.0f} MiB")


if __name__ == "__main__":
    main()

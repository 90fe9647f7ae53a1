"""Speed of the analysis on seeded random frameworks: prints figures, asserts nothing.

    .venv/bin/python bench/analyze.py            # N = 10^3, 10^4, 10^5 and 10^6 attacks
    .venv/bin/python bench/analyze.py --quick    # N = 10^3, 10^4 only

Frameworks have N arguments and 3N attacks, 10% of them in mutual pairs (seed 4). Targets
(issue 4): grounded for 10^6 attacks under 3 s; sceptical preferred acceptance of one
argument under 1 s at N = 1,000 and under 3 s at N = 10,000; DF-QuAD for 10^5 nodes under 2 s.
DF-QuAD runs on random bipolar graphs with 2.5 N edges, once acyclic (the setting of the
paper) and once with cycles (iterated to a fixed point). Sceptical preferred is timed for a
hard query: an argument the grounded labelling leaves
undecided (the solver must search), including the time to ground the ASP program. Peak
memory is measured in a second, untimed pass with tracemalloc.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argmap.analyze.framework import Framework  # noqa: E402
from argmap.analyze.gradual import GradualReason, df_quad  # noqa: E402
from argmap.analyze.grounded import UNDEC, grounded_labelling  # noqa: E402

SEED = 4


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


class timed:  # noqa: N801 - reads as a function
    """Run `function`; `.wall` and `.cpu` seconds (CPU of all threads), `.result`."""

    def __init__(self, function, *args) -> None:  # noqa: ANN001 - any callable
        wall, cpu = time.perf_counter(), time.process_time()
        self.result = function(*args)
        self.wall = time.perf_counter() - wall
        self.cpu = time.process_time() - cpu

    def __str__(self) -> str:
        return f"{self.wall:7.3f} s ({self.cpu:.3f} cpu)"


def sceptical_preferred(af: Framework, labels: list[str]) -> str:
    from argmap.analyze.preferred import PreferredReasoner

    undecided = [i for i, label in enumerate(labels) if label == UNDEC]
    if not undecided:
        return "(nothing undecided)"
    arg = random.Random(SEED).choice(undecided)
    run = timed(lambda: (r := PreferredReasoner(af), r.sceptical(arg)))
    reasoner, answer = run.result
    return f"{run} {'yes' if answer else 'no'}, {reasoner.rounds} calls"


def row(n: int, with_preferred: bool) -> None:
    af = random_framework(n, random.Random(SEED))
    grounded = timed(grounded_labelling, af)
    undecided = grounded.result.count(UNDEC)
    preferred = sceptical_preferred(af, grounded.result) if with_preferred else "-"
    gradual = []
    for acyclic in (True, False):
        run = timed(df_quad, *random_bipolar(n, random.Random(SEED), acyclic))
        gradual.append(f"{run}{'' if run.result.converged else ' NOT converged'}"
                       f"{'' if acyclic else f', {run.result.rounds} rounds'}")
    print(f"{n:>8,} {len(af.sources):>8,} {grounded} {undecided:>7,}  {preferred:<36}"
          f"{gradual[0]:<26}{gradual[1]}")


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
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    print(f"load average before the run: {os.getloadavg()[0]:.2f} (2 cores; wall time "
          "suffers when others run, CPU time much less)")
    print(f"{'N':>8} {'attacks':>8} {'grounded':<26} {'undec':>7}  "
          f"{'sceptical preferred, 1 arg':<36}{'DF-QuAD acyclic':<26}DF-QuAD with cycles")
    for n in sizes:
        row(n, with_preferred=n <= 10_000)
    if not args.quick:
        af = random_framework(333_334, random.Random(SEED))
        print(f"grounded, {len(af.sources):,} attacks ({af.size:,} arguments): "
              f"{timed(grounded_labelling, af)}")
        peak_memory(100_000)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the whole run: {rss:.0f} MiB")


if __name__ == "__main__":
    main()

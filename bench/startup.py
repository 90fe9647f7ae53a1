"""Start-up time of the `argmap` command line, against a bare Python, in one run.

    python bench/startup.py              # best of 9 runs each
    python bench/startup.py --runs 15
    python bench/startup.py --enforce    # exit 1 if a target is missed

What it measures: the wall time, from spawning the process to its exit (subprocess.run, output
thrown away), of each of these commands, run from the checkout's root:

    python -c pass                                   the baseline: the interpreter alone
    argmap --version
    argmap --help
    argmap check maps/lavrov-blinken.argmap
    argmap fmt --check maps/lavrov-blinken.argmap
    argmap analyze maps/lavrov-blinken.argmap
    argmap browse --help
    argmap lsp --help

`python` is `sys.executable` (the venv's Python under `make bench`) and `argmap` is the
console script next to it (`.venv/bin/argmap`, what editors, pre-commit hooks and scripts
run; it starts that same Python). Without the script (argmap not installed) the commands run
as `sys.executable -m argmap ...` instead, which the header line then says. The rounds are
interleaved (round 1 runs every command once, then round 2, ...) so that a slow spell of this
shared machine hits all commands alike; each figure is the best of the rounds (timeit's rule:
the other runs were slowed by whatever else the machine did). Printed: each best time in ms,
the median, its ratio to `python -c pass` (best to best), and the target where there is one:
`--version` at most 3x, `check` of the flagship map at most 6x (issue "Foundation", part 3).

Before the rounds every command runs once, as any later run finds things: Lark's cached
parser tables in the temp folder (for the commands that load Lark: `check` and `fmt` of a map
of common lines do not), the files in the OS cache, and argmap's bytecode written
to __pycache__ (the children run without PYTHONDONTWRITEBYTECODE, which would make each run
compile argmap from source: ~60 ms more that no installed argmap pays).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAP = "maps/lavrov-blinken.argmap"
SCRIPT = Path(sys.executable).with_name("argmap")
ARGMAP = [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "argmap"]

#: label -> (command line, target ratio to `python -c pass` or None)
COMMANDS: dict[str, tuple[list[str], float | None]] = {
    "python -c pass": ([sys.executable, "-c", "pass"], None),
    "argmap --version": ([*ARGMAP, "--version"], 3.0),
    "argmap --help": ([*ARGMAP, "--help"], None),
    f"argmap check {MAP}": ([*ARGMAP, "check", MAP], 6.0),
    f"argmap fmt --check {MAP}": ([*ARGMAP, "fmt", "--check", MAP], None),
    f"argmap analyze {MAP}": ([*ARGMAP, "analyze", MAP], None),
    "argmap browse --help": ([*ARGMAP, "browse", "--help"], None),
    "argmap lsp --help": ([*ARGMAP, "lsp", "--help"], None),
}
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed


def main() -> int:
    cli = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    cli.add_argument("--runs", type=int, default=9, help="rounds (at least 7; default 9)")
    cli.add_argument("--enforce", action="store_true", help="exit 1 if a target is missed")
    options = cli.parse_args()
    if options.runs < 7:
        cli.error("--runs must be at least 7")
    for command, _ in COMMANDS.values():
        wall_time(command)  # warm-up: Lark's table cache, the OS cache, __pycache__
    times: dict[str, list[float]] = {label: [] for label in COMMANDS}
    for _ in range(options.runs):
        for label, (command, _) in COMMANDS.items():
            times[label].append(wall_time(command))
    base = min(times["python -c pass"])
    print(f"start-up, best of {options.runs} interleaved runs; argmap = {' '.join(ARGMAP)} "
          f"(Python {sys.version.split()[0]})")
    print(f"{'command':<48} {'best':>8} {'median':>8} {'ratio':>7}  target")
    missed = []
    for label, (_, target) in COMMANDS.items():
        best = min(times[label])
        ratio = best / base
        verdict = ""
        if target is not None:
            ok = ratio <= target
            verdict = f"<= {target:g}x {'ok' if ok else 'MISSED'}"
            if not ok:
                missed.append(label)
        print(f"{label:<48} {best * 1000:6.1f}ms {statistics.median(times[label]) * 1000:6.1f}ms "
              f"{ratio:6.2f}x  {verdict}".rstrip())
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    return 1 if missed and options.enforce else 0


if __name__ == "__main__":
    sys.exit(main())

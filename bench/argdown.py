"""Argdown import speed: `argmap export FILE.argdown --to json` against Argdown's own CLI.

    .venv/bin/python bench/argdown.py                 # 0.1, 1.2 and 6 MB, 3 runs each
    .venv/bin/python bench/argdown.py --sizes 1.2 --runs 5 --argdown /path/to/argdown

Generates Argdown documents (nested support/attack trees, references, undercuts,
premise-conclusion structures, headings, tags, inline data), then times both whole processes
on the same files in the same run, alternating, and prints the median times and their ratio.
Argdown's CLI is --argdown, else $ARGMAP_ARGDOWN_CLI or `make argdown-cli`'s, else `npm install @argdown/cli` into a temporary folder.
Target: argmap at most half of Argdown's time at 1.2 and 6 MB.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


WORDS = ["nato", "russia", "security", "treaty", "border", "troops", "talks", "promise", "alliance", "expansion", "threat", "sovereignty", "sanctions", "energy", "gas", "prices", "europe", "diplomacy", "escalation", "guarantee"]


def sentence(rng: random.Random, n: int = 10) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def block(rng: random.Random, k: int) -> str:
    """One debate block: a claim with a nested tree, then a reconstructed argument."""
    ref = f"[Claim {rng.randrange(k)}]" if k else "[Claim root]"  # an earlier claim, never itself
    return (
        f"[Claim {k}]: {sentence(rng)} #topic-{k % 7} {{weight: 0.{k % 10}, round: {k % 3}}}\n"
        f"  + <Arg {k}a>: {sentence(rng)}\n"
        f"    {sentence(rng, 6)}\n"
        f"    - <Arg {k}b>: {sentence(rng)} #(counter point)\n"
        f"      _ <Undercut {k}>: {sentence(rng)}\n"
        f"    + {ref}\n"
        f"  - [Statement {k}]: {sentence(rng)} // a comment\n"
        f"    <+ {sentence(rng, 8)}\n"
        f"  -> {ref}\n"
        f"\n"
        f"<Arg {k}a>\n"
        f"\n"
        f"(1) [Premise {k}]: {sentence(rng)}\n"
        f"(2) {sentence(rng)} {{source: \"report {k}\"}}\n"
        f"----\n"
        f"(3) [Claim {k}]\n"
        f"\n"
    )


def generate(size_mb: float, seed: int = 1) -> str:
    """An Argdown document of about `size_mb` megabytes (deterministic)."""
    rng = random.Random(seed)
    parts = ["===\ntitle: Generated debate\n===\n\n"]
    total, k = 0, 0
    while total < size_mb * 1_000_000:
        if k % 50 == 0:
            parts.append(f"# Part {k // 50}\n\n")
        text = block(rng, k)
        parts.append(text)
        total += len(text.encode("utf-8"))
        k += 1
    return "".join(parts)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.2, 6.0],
                        help="document sizes in MB")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per tool and size")
    parser.add_argument("--argdown", help="path to the argdown executable (default: npm install)")
    args = parser.parse_args()
    argmap_cli = [sys.executable, "-m", "argmap"]
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as tmp:
        work = Path(tmp)
        from argdown_conformance import find_cli, install_cli  # beside this script: one way to Argdown's CLI

        argdown = str(find_cli(args.argdown) or install_cli(work / "npm"))
        print(f"argdown: {argdown}\nargmap: {' '.join(argmap_cli)}\n")
        print(f"{'size':>8} {'argmap s':>9} {'argdown s':>10} {'ratio':>7}")
        for size in args.sizes:
            path = work / f"debate-{size}.argdown"
            path.write_text(generate(size), "utf-8")
            megabytes = path.stat().st_size / 1e6
            ours = argmap_cli + ["export", str(path), "--to", "json", "-o", str(work / "o.json")]
            theirs = [argdown, "json", str(path), str(work / "argdown-out")]
            timed(ours)  # warm the grammar cache and the file system once
            mine, other = [], []
            for _ in range(args.runs):  # alternate so both see the same machine load
                mine.append(timed(ours))
                other.append(timed(theirs))
            a, b = statistics.median(mine), statistics.median(other)
            print(f"{megabytes:>6.2f}MB {a:>9.2f} {b:>10.2f} {a / b:>7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

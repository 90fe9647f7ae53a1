"""Benchmark `argmap browse` headless: first screen, per-key latency and memory by map size.

    .venv/bin/python bench/tui.py                      # 1,000 / 10,000 / 100,000 nodes
    .venv/bin/python bench/tui.py --sizes 1000 10000   # a quicker run
    .venv/bin/python bench/tui.py --runs 3             # each key's median over 3 sessions

Each size runs in its own process (so peak memory is that size's alone) on a map from
bench/generate.py (`generate_map(nodes, seed)`). Figures per size:

* parse        — `parse_file` of the generated map (the parser's cost, not the browser's);
* first screen — from `ArgmapApp(map)` to the first screen laid out and painted (headless),
  wall clock and (in brackets) CPU time;
* background   — what the app starts once the first screen is up: `argmap.check` and the
  lookups for search and jumps, in threads (keys are timed after it);
* opening     — `argmap browse FILE` as it opens the file, in a process of its own: from the
  start until the first screen is painted (a map of 1 MB or more opens on its first part,
  argmap/tui/preview.py, read at once) and until the whole map, read in the background, is
  shown;
* bare Textual — the first screen of a Textual app with one Static, for scale: most of the
  first screen is Textual's own start-up (CSS, layout, first paint), whatever the map size;
* key p50/p95/max — each key press of a fixed session (moves, expand/collapse, follow and
  back, incremental search with hits, filter by actor and by tag, the help box, the
  diagnostics panel opened and closed, a picker closed with Escape), from posting the key event until
  every widget has handled it and what it caused, and the screen is laid out and painted
  (`timed_key`; Textual's `Pilot.press` is not used for timing: it also sleeps until the
  process looks idle, which on a busy machine adds hundreds of ms that no user sees);
* key CPU     — the same, in CPU time of the browser's process (robust to a busy machine).
  What waits for the cursor to rest (`DETAIL_DELAY`: the detail pane, the search's hit
  count) is done between keys, untimed, as a user's pause would let it;
* detail CPU p50/max — the detail pane refilled for the row under the cursor and painted; it
  follows the cursor once it has rested for `BrowserScreen.DETAIL_DELAY` (40 ms), so holding
  a key down does not pay it for every row passed;
* overlay      — the grounded overlay computed in its thread and applied to the outline;
* peak RSS     — the process's maximum resident memory: right after parsing (the parser's
  share), after the key session (browsing), and at the end (with the grounded analysis).

Targets (issue 5): first screen < 1 s at 100,000 nodes, every key < 50 ms, memory < 500 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (120, 40)
#: the key session timed at every size
SESSION = (
    ["j"] * 15 + ["k"] * 5 + ["l", "h", "l", "pagedown", "pageup", "end", "home"]
    + ["tab", "enter", "backspace", "shift+tab"]
    + ["slash", *"treaty", "enter", "n", "n", "N", "backspace"]
    + ["a", "down", "enter", "j", "j", "a", "home", "enter"]
    + ["question_mark", "escape", "d", "d", "t", "escape", "t", "down", "enter",
       "t", "home", "enter"]
)


def generated_map(nodes: int, seed: int) -> str:
    """The benchmark map text: bench/generate.py's generator."""
    sys.path.insert(0, str(HERE))
    from generate import generate_map

    return generate_map(nodes, seed)


async def drain(app) -> None:
    """Return once every message queue of the app and its screen has stayed empty for two
    passes of the event loop: the key and everything it caused have been handled.

    (Pilot's own wait posts a fresh callback to every widget and costs more than many keys.)
    """
    quiet = 0
    while quiet < 2:
        await asyncio.sleep(0)
        pumps = [app, *app.screen.walk_children(with_self=True)]
        quiet = quiet + 1 if all(p._message_queue.qsize() == 0 for p in pumps) else 0


async def timed_key(app, pilot, key: str) -> tuple[float, float]:
    """Seconds from posting `key` until it and its consequences are handled and painted:
    (wall clock, CPU time of this process). On a shared machine the CPU figure is the
    browser's own cost; the wall figure adds the time other processes held the CPU."""
    from textual import events

    char = {"slash": "/"}.get(key, key if len(key) == 1 else None)
    before, cpu = time.perf_counter(), time.process_time()
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)
    await drain(app)
    app.screen._on_timer_update()  # lay out and paint now, as the refresh timer would
    return time.perf_counter() - before, time.process_time() - cpu


async def settle(app, pilot) -> None:
    """Wait out the detail pane's short delay and paint, outside any timing."""
    await asyncio.sleep(app.browser.DETAIL_DELAY * 2)
    await drain(app)
    app.screen._on_timer_update()


async def bare_textual_first_screen() -> float:
    """Seconds to the first screen of a minimal Textual app (one Static), for scale."""
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("hello")

    started = time.perf_counter()
    app = Bare()
    async with app.run_test(size=SIZE):
        await drain(app)
        app.screen._on_timer_update()
        return time.perf_counter() - started


async def _session(path: str) -> dict[str, float]:
    from argmap.language.read.parse import parse_file
    from argmap.tui.app import ArgmapApp
    from argmap.tui.widgets import DetailPane

    started = time.perf_counter()
    map_ = parse_file(path)
    rss_parsed = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    gc.freeze()  # as `argmap browse` does once the map is read
    parsed, parsed_cpu = time.perf_counter(), time.process_time()
    app = ArgmapApp(map_, path, poll_interval=0)
    async with app.run_test(size=SIZE) as pilot:
        await drain(app)
        app.screen._on_timer_update()
        first, first_cpu = time.perf_counter(), time.process_time()
        while not app.background_started:  # started just after the first paint
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        background = time.perf_counter()
        latencies, cpus, slowest = [], [], []
        for key in SESSION:
            wall, cpu = await timed_key(app, pilot, key)
            latencies.append(wall)
            cpus.append(cpu)
            slowest.append((cpu, key))
            await settle(app, pilot)  # let the detail pane catch up, untimed
        session_walls, session_cpus = list(latencies), list(cpus)
        details = []
        pane = app.browser.query_one(DetailPane)
        for _ in range(20):
            await timed_key(app, pilot, "j")
            await settle(app, pilot)
            pane._shown = ()  # (it skips a node it shows already: fill it for real)
            cpu = time.process_time()
            app.browser.show_detail()
            await drain(app)
            app.screen._on_timer_update()
            details.append(time.process_time() - cpu)
        rss_browsing = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        before = time.perf_counter()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        overlay = time.perf_counter() - before
        if app.overlay.name != "grounded":
            overlay = float("nan")
    latencies.sort()
    cpus.sort()
    details.sort()
    slowest.sort(reverse=True)
    return {
        "nodes": len(map_.nodes),
        "parse_s": parsed - started,
        "first_screen_s": first - parsed,
        "first_screen_cpu_s": first_cpu - parsed_cpu,
        "rss_parsed_mb": rss_parsed,
        "rss_browsing_mb": rss_browsing,
        "background_s": background - first,
        "bare_textual_s": await bare_textual_first_screen(),
        "key_p50_ms": 1000 * statistics.median(latencies),
        "key_p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "key_max_ms": 1000 * latencies[-1],
        "key_cpu_p50_ms": 1000 * statistics.median(cpus),
        "key_cpu_p95_ms": 1000 * cpus[int(0.95 * (len(cpus) - 1))],
        "key_cpu_max_ms": 1000 * cpus[-1],
        "slowest_keys": " ".join(f"{k}:{1000 * c:.0f}" for c, k in slowest[:3]),
        "key_cpu_ms": [1000 * c for c in session_cpus],
        "key_wall_ms": [1000 * w for w in session_walls],
        "detail_p50_ms": 1000 * statistics.median(details),
        "detail_max_ms": 1000 * details[-1],
        "overlay_s": overlay,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


async def _opening(path: str) -> dict[str, float]:
    """`argmap browse PATH` as it opens a file: seconds from the start until the first screen
    is painted (a large map opens on its first part: argmap/tui/preview.py) and until the
    whole map is shown."""
    from argmap.language.read.parse import parse_file
    from argmap.tui.app import ArgmapApp
    from argmap.tui.preview import preview_map

    started = time.perf_counter()
    part = preview_map(path)
    app = ArgmapApp(part or parse_file(path), path, poll_interval=0, preview=part is not None)
    async with app.run_test(size=SIZE):
        await drain(app)
        app.screen._on_timer_update()
        first = time.perf_counter()
        while app.preview:
            await asyncio.sleep(0.01)
        await drain(app)
        app.screen._on_timer_update()
        return {"open_first_s": first - started, "open_whole_s": time.perf_counter() - started}


def measure(nodes: int, seed: int) -> dict[str, float]:
    """Run one size in fresh processes (the session, then the opening) and return its figures."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bench-{nodes}.argmap"
        path.write_text(generated_map(nodes, seed), encoding="utf-8")
        for mode in ("--one", "--open"):
            out = subprocess.run(
                [sys.executable, __file__, mode, str(path)],
                check=True, capture_output=True, text=True,
            )
            figures.update(json.loads(out.stdout.strip().splitlines()[-1]))
    return figures


def with_median_keys(first: dict, others: list[dict]) -> dict:
    """`first` with its key latencies replaced by each key's median over all the runs."""
    runs = [first, *others]
    out = dict(first)
    for unit, name in (("key_cpu_ms", "key_cpu"), ("key_wall_ms", "key")):
        per_key = [statistics.median(values) for values in zip(*(r[unit] for r in runs))]
        ranked = sorted(per_key)
        out[f"{name}_p50_ms"] = statistics.median(ranked)
        out[f"{name}_p95_ms"] = ranked[int(0.95 * (len(ranked) - 1))]
        out[f"{name}_max_ms"] = ranked[-1]
        if unit == "key_cpu_ms":
            slowest = sorted(zip(per_key, SESSION), reverse=True)
            out["slowest_keys"] = " ".join(f"{k}:{c:.0f}" for c, k in slowest[:3])
            out["key_cpu_ms"] = per_key
    return out


def over_50(cpu_ms: list[float]) -> list[str]:
    """`position:key:ms` for each key of the session at or over 50 ms of CPU."""
    return [f"{i}:{key}:{ms:.0f}" for i, (key, ms) in enumerate(zip(SESSION, cpu_ms)) if ms >= 50]


def main(argv: list[str] | None = None) -> int:
    """Print a table of the figures for each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1,
                        help="sessions per size: each key's latency is then its median over "
                             "the runs (single keys vary up to 2x from run to run on a shared "
                             "machine); the other figures are the first run's")
    parser.add_argument("--one", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--open", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(asyncio.run(_session(args.one))))
        return 0
    if args.open:
        print(json.dumps(asyncio.run(_opening(args.open))))
        return 0
    print(f"argmap browse, headless {SIZE[0]}x{SIZE[1]}, {len(SESSION)} keys per session, "
          f"{args.runs} run(s) per size, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}")
    header = ("nodes", "parse s", "first screen s (CPU)", "opening the file s: first screen / whole map",
              "bare Textual s", "background s", "key p50/p95/max ms",
              "key CPU p50/p95/max ms", "detail CPU p50/max ms", "overlay s",
              "peak RSS MB: parsed / browsing / with overlay",
              "slowest keys (CPU ms)", "keys >= 50 ms CPU")
    print(" | ".join(header))
    slow: dict[int, list[str]] = {}
    for nodes in args.sizes:
        r = measure(nodes, args.seed)
        if args.runs > 1:
            r = with_median_keys(r, [measure(nodes, args.seed) for _ in range(args.runs - 1)])
        print(" | ".join([
            f"{r['nodes']:,}", f"{r['parse_s']:.2f}",
            f"{r['first_screen_s']:.3f} ({r['first_screen_cpu_s']:.3f})",
            f"{r['open_first_s']:.2f} / {r['open_whole_s']:.2f}",
            f"{r['bare_textual_s']:.3f}", f"{r['background_s']:.2f}",
            f"{r['key_p50_ms']:.0f}/{r['key_p95_ms']:.0f}/{r['key_max_ms']:.0f}",
            f"{r['key_cpu_p50_ms']:.0f}/{r['key_cpu_p95_ms']:.0f}/{r['key_cpu_max_ms']:.0f}",
            f"{r['detail_p50_ms']:.0f}/{r['detail_max_ms']:.0f}",
            f"{r['overlay_s']:.2f}",
            f"{r['rss_parsed_mb']:.0f} / {r['rss_browsing_mb']:.0f} / {r['peak_rss_mb']:.0f}",
            r["slowest_keys"],
            str(len(over_50(r["key_cpu_ms"]))),
        ]), flush=True)
        slow[nodes] = over_50(r["key_cpu_ms"])
    for nodes, keys in slow.items():
        print(f"{nodes:,} nodes, keys >= 50 ms CPU (position in the session:key:ms):",
              " ".join(keys) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed of `argmap lsp`, measured like an editor sees it (a client session over stdio).

    .venv/bin/python bench/lsp.py                  # a 10,000-node map (bench/generate.py, seed 1)
    .venv/bin/python bench/lsp.py --nodes 2000 --edits 3

Targets (issue 7): diagnostics for a 10,000-node file within 200 ms of a change; completion
within 50 ms. Prints figures, asserts nothing.

For each edit (one line inserted, holding a syntax error) it reports the time from sending
`didChange` to the first `publishDiagnostics` of that version (for large files these are
provisional: earlier findings moved plus the edited lines read again), and to the full
parse-and-check result. Completion is timed on a settled document and again while a full
parse is running. The server runs with its default debounce (0.1 s), which is included.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate_map  # noqa: E402

from argmap.lsp.client import LspClient  # noqa: E402
from argmap.lsp.document import Snapshot  # noqa: E402

URI = "file:///tmp/argmap-bench/big.argmap"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _insert(client: LspClient, version: int, line: int, text: str) -> None:
    position = {"line": line, "character": 0}
    client.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                             "contentChanges": [{"range": {"start": position, "end": position},
                                                                 "text": text}]})


def _findings(params: dict) -> list[tuple]:
    return sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
                  for d in params["diagnostics"])


def _settle(client: LspClient) -> None:
    """Wait until the server has the full snapshot of the current text (a hover waits for it)."""
    client.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}},
                   timeout=600)


def in_process(text: str) -> None:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        snapshot = Snapshot(URI, 1, text, None)
        times.append(time.perf_counter() - start)
    print(f"parse + check in process (best of 3):           {_ms(min(times))}  "
          f"({len(snapshot.map.nodes)} nodes, {len(text) / 1e6:.2f} MB)")


def session(text: str, edits: int) -> None:
    lines = text.split("\n")
    anchors = [i for i, line in enumerate(lines) if line.startswith("[") and "]:" in line]
    step = max(1, len(anchors) // (edits + 1))
    with LspClient(timeout=600) as client:
        client.initialize()
        start = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "argmap",
                                                                "version": 1, "text": text}})
        client.wait_for("textDocument/publishDiagnostics", lambda p: p.get("version") == 1)
        print(f"open → first diagnostics:                      {_ms(time.perf_counter() - start)}")

        first, full, same = [], [], 0
        for k in range(edits):
            version = k + 2
            where = anchors[(k + 1) * step] + 1 + k  # after a top-level node; earlier inserts shift lines
            start = time.monotonic()
            _insert(client, version, where, f"  + [Bench {k}]: a child @alice with words after it\n")
            quick = client.wait_for("textDocument/publishDiagnostics", lambda p, v=version: p.get("version") == v)
            first.append(client.received_at - start)
            _settle(client)
            try:  # the full result, published before the settling request was answered
                final = client.wait_for("textDocument/publishDiagnostics",
                                        lambda p, v=version: p.get("version") == v, timeout=5)
            except TimeoutError:
                final = quick  # no provisional pass: the first publication was the full one
            full.append(client.received_at - start)
            same += _findings(quick) == _findings(final)
        print(f"change → first diagnostics (median of {edits}):     {_ms(statistics.median(first))}"
              f"   max {_ms(max(first))}   target 200 ms")
        print(f"change → full parse + check diagnostics:       {_ms(statistics.median(full))}"
              f"   max {_ms(max(full))}")
        print(f"first findings equal to the full ones:         {same} of {edits} edits")

        line = anchors[1] + 1 + edits
        _insert(client, edits + 2, line, "  + [Tra\n")
        _settle(client)
        position = {"line": line, "character": len("  + [Tra")}
        settled, busy = [], []
        for _ in range(20):
            start = time.perf_counter()
            result = client.request("textDocument/completion", {"textDocument": {"uri": URI}, "position": position})
            settled.append(time.perf_counter() - start)
        print(f"completion after '[' (median of 20):           {_ms(statistics.median(settled))}"
              f"   max {_ms(max(settled))}   target 50 ms   ({len(result['items'])} items,"
              f" incomplete={result['isIncomplete']})")
        for k in range(5):
            _insert(client, edits + 3 + k, len(lines) - 1, f"[Busy {k}]: text\n")
            time.sleep(0.15)  # past the debounce: a full parse is running now
            start = time.perf_counter()
            client.request("textDocument/completion", {"textDocument": {"uri": URI}, "position": position})
            busy.append(time.perf_counter() - start)
            _settle(client)
        print(f"completion during a full parse (median of 5):  {_ms(statistics.median(busy))}"
              f"   max {_ms(max(busy))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    text = generate_map(args.nodes, args.seed)
    print(f"argmap lsp bench: {args.nodes} nodes, seed {args.seed}")
    in_process(text)
    session(text, args.edits)
    return 0


if __name__ == "__main__":
    sys.exit(main())

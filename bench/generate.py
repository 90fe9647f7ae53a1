"""Generate large, valid `.argmap` maps for benchmarks and stress tests.

`generate_map(nodes, seed)` writes a map with exactly `nodes` node definitions: sections holding
nested support / attack trees (up to 6 levels deep), references to earlier titles, arrows,
undercuts (always under a relation line), contradictions, co-premises, evidence citing sources,
annotations (`@actor #tag ^source {score: …}`), relation weights, continuation lines, escapes
and comments. About 120 bytes per node: 1,000 / 10,000 / 50,000 nodes ≈ 0.1 / 1.2 / 6 MB.
The same `nodes` and `seed` always give the same text. No dependencies beyond the standard library.

    python bench/generate.py 50000 -o /tmp/big.argmap --seed 1
"""

from __future__ import annotations

import argparse
import random
import sys

MAX_DEPTH = 6
_WORDS = (
    "policy security trade energy border treaty alliance sanctions market growth budget risk "
    "court vote reform climate water supply demand price troops talks pipeline grain debt "
    "the a of to in for and with because most many some every new old local national "
    "raises lowers protects threatens weakens supports requires prevents allows costs shows "
    "citizens leaders voters experts farmers workers states regions cities neighbours naïve "
    "régime façade data report study survey evidence-based long-term short-term"
).split()
_TOPICS = "Trade Energy Security Budget Climate Borders Health Reform Water Grain Debt Talks".split()
_ACTORS = "alice bob carol dmitri erin farah gu hana ivan jo kofi lena".split()
_SOURCES = "report survey hearing paper press".split()
_TAGS = ("economy", "security", "red-line", "(energy security)", "(public opinion)", "law", "history")


class _MapWriter:
    """Builds the map line by line; `count` is the number of nodes defined so far."""

    def __init__(self, nodes: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.target = nodes
        self.count = 0
        self.lines: list[str] = []
        self.titles: list[str] = []  # `[…]` references usable later
        self.reasoning_arguments: list[str] = []  # `<…>` that support or attack something
        self.pairs: set[tuple[str, str]] = set()  # (source, target) already related
        self.actors: set[str] = set()
        self.sources: set[str] = set()

    # --- text -----------------------------------------------------------------------------

    def _sentence(self, low: int, high: int) -> str:
        words = self.rng.choices(_WORDS, k=self.rng.randint(low, high))
        if self.rng.random() < 0.03:
            words.append(self.rng.choice([r"\#1", r"\@home", r"\^up", r"\{x\}", "50%", "(a: b)"]))
        return " ".join(words).capitalize() + "."

    def _annotations(self, evidence: bool) -> str:
        parts: list[str] = []
        rng = self.rng
        if rng.random() < 0.5:
            actor = rng.choice(_ACTORS)
            self.actors.add(actor)
            parts.append("@" + actor)
        if rng.random() < 0.4:
            parts.append("#" + rng.choice(_TAGS))
        if evidence or rng.random() < 0.1:
            source = rng.choice(_SOURCES)
            self.sources.add(source)
            parts.append("^" + source)
        if rng.random() < 0.15:
            meta = f"score: {rng.randint(1, 99) / 100}"
            parts.append("{" + (meta + f", round: {rng.randint(0, 5)}" if rng.random() < 0.3 else meta) + "}")
        return (" " + " ".join(parts)) if parts else ""

    # --- lines ----------------------------------------------------------------------------

    def _define(self, indent: int, marker: str, kind: str) -> str:
        """Write one node definition (maybe with a continuation line); return its id."""
        self.count += 1
        n, rng = self.count, self.rng
        pad = "  " * indent
        if marker in ("+", "-") and rng.random() < 0.08:
            marker += " {weight: %s}" % (rng.randint(1, 10) / 10)
        head = pad + (marker + " " if marker else "")
        annotations = self._annotations(kind == "evidence")
        if kind == "argument":
            ident = f"<Reason {n}>"
            head += ident + ": "
        elif kind == "evidence" and rng.random() < 0.5:
            ident = f"_e{n}"
            head += "evidence: "
        elif kind == "evidence":
            ident = f"[Data {n}]"
            head += f"evidence {ident}: "
        elif rng.random() < 0.12 and marker:
            ident = f"_p{n}"  # a plain, untitled claim
        else:
            ident = f"[{rng.choice(_TOPICS)} {n}]"
            head += ident + ": "
        comment = "  // note" if rng.random() < 0.02 else ""
        if rng.random() < 0.1:
            self.lines.append(head + self._sentence(5, 8))
            self.lines.append(pad + "  " + self._sentence(3, 6).lower() + annotations + comment)
        else:
            self.lines.append(head + self._sentence(8, 14) + annotations + comment)
        if ident.startswith("["):
            self.titles.append(ident)
        return ident

    def _earlier_title(self, avoid: tuple[str, ...]) -> str | None:
        if not self.titles:
            return None
        pool = self.titles if self.rng.random() < 0.3 else self.titles[-200:]
        choice = self.rng.choice(pool)
        return None if choice in avoid else choice

    def _relate(self, source: str, target: str) -> bool:
        """Record source→target; False if the pair is already related (or a self-relation)."""
        if source == target or (source, target) in self.pairs:
            return False
        self.pairs.add((source, target))
        return True

    def _children(self, parent: str, grandparent: str | None, depth: int) -> None:
        """Children of `parent` (a node line at `depth - 1`); `grandparent` is set when the
        parent line is itself a `+`/`-` relation line, so an undercut under it is valid."""
        rng = self.rng
        if depth > MAX_DEPTH:
            return
        previous = None
        for _ in range(rng.randint(1 if depth == 1 else 0, max(1, 4 - depth // 2))):
            if self.count >= self.target:
                return
            roll = rng.random()
            pad = "  " * depth
            if roll < 0.10:
                ref = self._earlier_title((parent, grandparent or ""))
                if ref and self._relate(ref, parent):
                    marker = rng.choice("+-")
                    self.lines.append(f"{pad}{marker} {ref}")
                    previous = marker
                    continue
            elif roll < 0.13:
                ref = self._earlier_title((parent,))
                if ref and self._relate(parent, ref):
                    self.lines.append(f"{pad}{rng.choice(['+>', '->'])} {ref}")
                    previous = None
                    continue
            elif roll < 0.14 and self.reasoning_arguments:
                argument = rng.choice(self.reasoning_arguments[-200:])
                if argument != parent:
                    self.lines.append(f"{pad}_> {argument}")
                    previous = None
                    continue
            elif roll < 0.20 and grandparent is not None:
                ref = self._earlier_title((parent, grandparent))
                if ref and rng.random() < 0.3:
                    self.lines.append(f"{pad}_ {ref}")
                else:
                    node = self._define(depth, "_", "claim")
                    self._children(node, None, depth + 1)
                previous = None
                continue
            elif roll < 0.23:
                node = self._define(depth, "><", "claim")
                self.pairs.add((node, parent))
                self._children(node, None, depth + 1)
                previous = None
                continue
            elif roll < 0.30 and previous in ("+", "-"):
                kind = "evidence" if previous == "+" and rng.random() < 0.3 else "claim"
                node = self._define(depth, "&", kind)
                self.pairs.add((node, parent))
                self._children(node, parent, depth + 1)
                continue
            marker = "+" if rng.random() < 0.6 else "-"
            kind = rng.choices(("claim", "argument", "evidence"), (6, 2, 2 if marker == "+" else 0))[0]
            node = self._define(depth, marker, kind)
            self.pairs.add((node, parent))
            if kind == "argument":
                self.reasoning_arguments.append(node)
            self._children(node, parent, depth + 1)
            previous = marker

    def write(self) -> str:
        """The whole map text."""
        rng, section = self.rng, 0
        while self.count < self.target:
            section += 1
            self.lines += ["", f"# Section {section}: {rng.choice(_TOPICS)}"]
            for tree in range(rng.randint(5, 15)):
                if self.count >= self.target:
                    break
                if tree and rng.random() < 0.1:
                    self.lines += ["", f"## Part {section}.{tree}"]
                self.lines.append("")
                if rng.random() < 0.2:
                    self.lines.append(f"// tree {section}.{tree}")
                root = self._define(0, "", "claim")
                self._children(root, None, 1)
        head = ["---", f"title: Generated map ({self.target} nodes)", "generator: bench/generate.py", "---", ""]
        head += [f"actor {a}: {a.capitalize()} {{side: {'pro' if i % 2 else 'con'}}}"
                 for i, a in enumerate(_ACTORS) if a in self.actors]
        head += [f'source {s}: "The {s} on generated topics" {{url: "https://example.org/{s}"}}'
                 for s in _SOURCES if s in self.sources]
        return "\n".join(head + self.lines) + "\n"


def generate_map(nodes: int, seed: int = 0) -> str:
    """A valid .argmap map with exactly `nodes` node definitions, deterministic for `seed`."""
    if nodes < 0:
        raise ValueError("nodes must be 0 or more")
    return _MapWriter(nodes, seed).write()


def main(argv: list[str] | None = None) -> int:
    """Command line: `python bench/generate.py NODES [-o FILE] [--seed S]`."""
    parser = argparse.ArgumentParser(description="Write a generated .argmap map (for benchmarks).")
    parser.add_argument("nodes", type=int, help="how many nodes to define")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.nodes < 0:
        parser.error("NODES must be 0 or more")
    text = generate_map(args.nodes, args.seed)
    if not args.output:
        sys.stdout.write(text)
        return 0
    from argmap.errors import ArgmapError  # only the CLI needs argmap: atomic, never half-written
    from argmap.files import atomic_write

    try:
        atomic_write(args.output, text)
    except (ArgmapError, OSError) as exc:
        print(f"generate.py: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Argdown conformance: argmap's Argdown importer measured against Argdown's own CLI.

    .venv/bin/python bench/argdown_conformance.py                # the corpus, per-file report
    .venv/bin/python bench/argdown_conformance.py --enforce      # exit 1 below 98 % of files
    .venv/bin/python bench/argdown_conformance.py FILE.argdown … --argdown PATH -v

For each `.argdown` file (default: the test fixtures that ship inside the installed
`@argdown/cli` package, the syntax cases of tests/fixtures/argdown/cases/ written from
argdown.org/syntax, and every `.argdown` file under the folders in $ARGMAP_ARGDOWN_CORPUS
(`:`-separated; a held-out corpus such as Argdown's documentation examples, kept outside this
repository)) it runs
`argdown json` (Argdown's CLI: `--argdown PATH`, else $ARGMAP_ARGDOWN_CLI, else
.cache/argdown/node_modules/.bin/argdown from `make argdown-cli`, else an `npm install
@argdown/cli` into a temporary folder) and `argmap.importers.argdown.read_argdown`, and
compares four things, as multisets (missing in argmap and extra in argmap both count):

* **statements** — Argdown's equivalence classes against argmap's claims (and evidence): a
  titled statement by its title, an untitled one (Argdown's "Untitled N") by its text. Texts
  are compared as Argdown shows them: Markdown emphasis (`*`, `_`) and link targets dropped
  (`[text](url)` → `text`), tags left out (Argdown keeps them in the text, argmap beside it),
  white space collapsed;
* **arguments** — Argdown's titled arguments against argmap's titled arguments, by title.
  Argdown gives a premise–conclusion structure without a title an argument "Untitled N";
  argmap holds its inference as supports between the statements (no argument node), so those
  are checked through their inferences only;
* **relations** — as sets (Argdown reads a relation written twice as one) of (kind, from,
  to), kinds folded to argmap's: `support`/`entails` → support, `attack` → attack,
  `contrary`/`contradictory` → contradiction (either direction), `undercut` → undercut.
  Argdown's reading is applied to argmap's relations: a relation from an argument with a
  premise–conclusion structure is one from its main conclusion (argdown.org/syntax, "How the
  Argdown parser derives statement relations from argument relations"); an undercut of an
  inference step of a pcs bears on that argument; any other undercut of a relation (argmap:
  `_` under a relation line) bears on that relation's source, as Argdown reads it. The
  supports a premise–conclusion structure makes (argmap places them at its inference lines)
  are not relations in Argdown's JSON and are left out;
* **inferences** — each premise of each of Argdown's premise–conclusion structures
  (each inference step: the statements before its inference line, back to the previous one)
  must reach that step's conclusion in argmap through supports or the inferences of a
  reconstruction (directly, or through the argument node of a titled argument).

A file passes when all four agree. A file Argdown's CLI rejects (some of its lexer fixtures
are fragments, not documents) is listed as skipped and not counted. It prints one line per file (pass / FAIL and what
differs), then the share of files that pass and the share of compared elements that match.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    import argmap  # noqa: F401
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(ROOT))

from argmap.importers.argdown import read_argdown  # noqa: E402
from argmap.model import Map, NodeKind, RelationKind  # noqa: E402

CASES = ROOT / "tests" / "fixtures" / "argdown" / "cases"
LOCAL_CLI = ROOT / ".cache" / "argdown" / "node_modules" / ".bin" / "argdown"
TARGET = 98.0

_UNTITLED = re.compile(r"Untitled \d+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"#(?:\([^)]+\)|[\w-]+)")
_EMPHASIS = re.compile(r"(?<![\w\\])[*_]+|[*_]+(?![\w])")
_KINDS = {"support": "support", "entails": "support", "attack": "attack",
          "contrary": "contradiction", "contradictory": "contradiction", "undercut": "undercut"}


def corpus_files(cli: Path | None = None) -> list[Path]:
    """The default corpus: the fixtures shipped in the `@argdown/cli` package beside `cli`,
    the syntax cases, then the folders of $ARGMAP_ARGDOWN_CORPUS (partials `_x` left out: they
    are only read through `@include`)."""
    files = []
    if cli is not None:  # node_modules/.bin/argdown -> node_modules/@argdown/cli/test/
        shipped = cli.resolve().parent.parent / "test"
        files += sorted(shipped.glob("*.argdown"))
    files += sorted(CASES.glob("*.argdown"))
    for folder in filter(None, os.environ.get("ARGMAP_ARGDOWN_CORPUS", "").split(":")):
        files += sorted(Path(folder).rglob("*.argdown"))
    return [f for f in files if not f.name.startswith("_")]


def find_cli(explicit: str | None = None) -> Path | None:
    """Argdown's CLI: the given path, $ARGMAP_ARGDOWN_CLI, or `make argdown-cli`'s install."""
    for candidate in (explicit, os.environ.get("ARGMAP_ARGDOWN_CLI"), LOCAL_CLI):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def install_cli(folder: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is not installed; pass --argdown PATH to an argdown executable")
    subprocess.run([npm, "install", "--silent", "--prefix", str(folder), "@argdown/cli"],
                   check=True, stdout=subprocess.DEVNULL)
    return folder / "node_modules" / ".bin" / "argdown"


def argdown_json(cli: Path, files: list[Path]) -> dict[Path, dict | str]:
    """Argdown's JSON export of each file (or the CLI's complaint, a string)."""
    results: dict[Path, dict | str] = {}
    by_folder: dict[Path, list[Path]] = {}
    for f in files:
        by_folder.setdefault(f.parent, []).append(f)
    with tempfile.TemporaryDirectory() as tmp:
        for folder, group in by_folder.items():
            out = Path(tmp) / str(len(results))
            # one run per folder (the CLI takes a glob; starting node once per file is slow)
            proc = subprocess.run([str(cli), "json", str(folder / "*.argdown"), str(out)],
                                  capture_output=True, text=True, cwd=folder)
            for f in group:
                target = out / (f.stem + ".json")
                if target.is_file():
                    results[f] = json.loads(target.read_text(encoding="utf-8"))
                else:  # again on its own, for its own complaint
                    proc = subprocess.run([str(cli), "json", str(f), str(out)],
                                          capture_output=True, text=True, cwd=folder)
                    results[f] = (proc.stdout + proc.stderr).strip() or "no JSON written"
    return results


def norm(text: str | None) -> str:
    """A statement's text as Argdown's JSON shows it, without its tags (Argdown keeps them in
    the text, argmap beside it)."""
    text = _LINK.sub(r"\1", text or "")
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


@dataclass
class Result:
    path: Path
    missing: dict[str, list] = field(default_factory=dict)  # in Argdown, not in argmap
    extra: dict[str, list] = field(default_factory=dict)  # in argmap, not in Argdown
    compared: int = 0
    matched: int = 0
    #: Argdown's CLI rejects the file (some of its lexer fixtures are no valid documents)
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return self.skipped is None and not any(self.missing.values()) and not any(self.extra.values())

    def describe(self) -> str:
        if self.skipped:
            return self.skipped
        parts = []
        for what in ("statements", "arguments", "relations", "inferences"):
            if self.missing.get(what):
                parts.append(f"{what} missing in argmap: {self.missing[what]}")
            if self.extra.get(what):
                parts.append(f"{what} only in argmap: {self.extra[what]}")
        return "; ".join(parts)


def _oracle_sets(data: dict) -> tuple[Counter, Counter, set, Counter, dict[str, object], dict, set]:
    """Argdown's statements, arguments, relations and inferences, keyed for comparison;
    also the key of each argument's main conclusion (arguments with a pcs only), the
    argument each inference (premise, conclusion) belongs to, and the inference lines."""
    steps: dict[tuple, object] = {}
    inference_lines: set[int] = set()

    def statement_key(title: str) -> object:
        if _UNTITLED.fullmatch(title):
            members = data["statements"].get(title, {}).get("members", [])
            text = next((m.get("text") for m in members if m.get("text")), "")
            return ("text", norm(text))
        return title

    def end_key(name: str, kind: str) -> object:
        if kind == "equivalence-class":
            return statement_key(name)
        return ("argument", name)

    statements = Counter(statement_key(t) for t in data.get("statements", {}))
    arguments = Counter(t for t in data.get("arguments", {}) if not _UNTITLED.fullmatch(t))
    relations: set = set()  # Argdown reads a relation written twice as one
    for r in data.get("relations", []):
        kind = _KINDS.get(r["relationType"], r["relationType"])
        ends = (end_key(r["from"], r["fromType"]), end_key(r["to"], r["toType"]))
        if kind == "contradiction":
            ends = tuple(sorted(ends, key=repr))
        relations.add((kind, *ends))
    inferences: Counter = Counter()
    conclusions: dict[str, object] = {}
    for title, argument in data.get("arguments", {}).items():
        pcs = argument.get("pcs") or []
        since: list[object] = []
        for statement in pcs:
            key = statement_key(statement["title"])
            if statement.get("inference") is not None:
                inference_lines.add(statement["inference"].get("startLine"))
                for premise in since:
                    inferences[(premise, key)] += 1
                    steps[(premise, key)] = ("argument", title)
                since = [key]
            else:
                since.append(key)
            if statement.get("role") == "main-conclusion":
                conclusions[title] = key
    return statements, arguments, relations, inferences, conclusions, steps, inference_lines


def _is_argument(key: object) -> bool:
    return isinstance(key, tuple) and key[0] == "argument"


def _argmap_sets(m: Map, conclusions: dict[str, object], oracle_inferences: Counter,
                 steps: dict, inference_lines: set) -> tuple[Counter, Counter, set, set]:
    def key(node_id: str) -> object:
        node = m.nodes[node_id]
        if node.kind is NodeKind.ARGUMENT and node.title is not None:
            return ("argument", node.title)
        # Argdown's untitled arguments are those of pcs only: an untitled argmap argument
        # (argmap-kind data) is a statement to Argdown
        return node.title if node.title is not None else ("text", norm(node.text))

    def speaker(node_id: str) -> object:
        """Argdown: a reconstructed argument's relations are its main conclusion's."""
        k = key(node_id)
        return conclusions.get(k[1], k) if _is_argument(k) else k

    statements = Counter(key(n.id) for n in m.nodes.values()
                         if n.kind is not NodeKind.ARGUMENT or n.title is None)
    arguments = Counter(n.title for n in m.nodes.values()
                        if n.kind is NodeKind.ARGUMENT and n.title is not None)
    relations: set = set()
    supports: dict[object, set] = {}
    for r in m.relations.values():
        if r.kind is RelationKind.UNDERCUT:
            target = m.relations.get(r.target)
            if target is None:  # an undercut of an argument (of its inference)
                to = key(r.target)
            elif (key(target.source), key(target.target)) in steps and target.span.line in inference_lines:
                # of a flattened pcs inference (the support argmap places at its inference line)
                to = steps[(key(target.source), key(target.target))]
            else:  # `_` under a relation line: Argdown reads it as bearing on that line's source
                to = key(target.source)
            relations.add(("undercut", speaker(r.source), to))
            continue
        source, to = key(r.source), key(r.target)
        if r.kind is RelationKind.SUPPORT:
            supports.setdefault(source, set()).add(to)
            # the supports a premise-conclusion structure makes (argmap places them at their
            # inference line); Argdown keeps them in the pcs, not among its relations
            if r.span.line in inference_lines:
                continue
        kind = r.kind.value
        ends = (speaker(r.source), to)
        if ends[0] == ends[1] and ends[0] != source:
            continue  # an argument bearing on its own main conclusion: nothing in Argdown's reading
        if kind == "contradiction":
            ends = tuple(sorted(ends, key=repr))
        relations.add((kind, *ends))

    for pcs in m.reconstructions.values():  # a reconstruction's inferences, as supports
        for inference in pcs.inferences:
            for number in inference.uses:
                supports.setdefault(key(pcs.statement(number)), set()).add(key(pcs.statement(inference.conclusion)))

    def reaches(start: object, goal: object) -> bool:
        seen, stack = {start}, [start]
        while stack:
            for nxt in supports.get(stack.pop(), ()):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return False

    reached = {pair for pair in oracle_inferences if reaches(*pair)}
    return statements, arguments, relations, reached


def compare(path: Path, data: dict | str, m: Map | None = None) -> Result:
    """Argdown's JSON for `path` against argmap's import of it."""
    result = Result(path)
    if isinstance(data, str):
        lines = [line for line in re.sub(r"\x1b\[[0-9;]*m", "", data).splitlines() if line.strip()]
        result.skipped = "Argdown's CLI rejects it: " + " ".join(lines[1:3])
        return result
    if m is None:
        m = read_argdown(path.read_text(encoding="utf-8"), str(path))
    o_st, o_arg, o_rel, o_inf, conclusions, steps, lines = _oracle_sets(data)
    m_st, m_arg, m_rel, reached = _argmap_sets(m, conclusions, o_inf, steps, lines)
    for what, ours, theirs in (("statements", m_st, o_st), ("arguments", m_arg, o_arg),
                               ("relations", Counter(m_rel), Counter(o_rel))):
        result.missing[what] = sorted(map(repr, (theirs - ours).elements()))
        result.extra[what] = sorted(map(repr, (ours - theirs).elements()))
        result.compared += sum((theirs | ours).values())
        result.matched += sum((theirs & ours).values())
    result.missing["inferences"] = sorted(repr(p) for p in o_inf if p not in reached)
    result.compared += len(o_inf)
    result.matched += sum(1 for p in o_inf if p in reached)
    return result


def run(files: list[Path], cli: Path) -> list[Result]:
    oracle = argdown_json(cli, files)
    return [compare(f, oracle[f]) for f in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--argdown", help="path to Argdown's CLI (`argdown`)")
    parser.add_argument("--enforce", action="store_true", help=f"exit 1 below {TARGET:g} %% of files")
    parser.add_argument("-v", "--verbose", action="store_true", help="say what differs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cli = find_cli(args.argdown) or install_cli(Path(tmp))
        files = [f.resolve() for f in args.files] or corpus_files(cli)
        results = run(files, cli)
    for r in results:
        name = r.path.relative_to(ROOT) if r.path.is_relative_to(ROOT) else r.path
        line = f"{'skip' if r.skipped else 'pass' if r.ok else 'FAIL'}  {name}"
        if not r.ok and (args.verbose or r.skipped):
            line += "\n      " + r.describe()
        print(line)
    skipped = sum(r.skipped is not None for r in results)
    results = [r for r in results if r.skipped is None]
    passed = sum(r.ok for r in results)
    share = 100.0 * passed / len(results) if results else 100.0
    compared = sum(r.compared for r in results)
    elements = 100.0 * sum(r.matched for r in results) / compared if compared else 100.0
    print(f"{passed}/{len(results)} files conform ({share:.1f} %; {skipped} that Argdown's CLI "
          "rejects not counted); "
          f"{elements:.1f} % of {compared} statements, arguments, relations and inferences match")
    return 1 if args.enforce and share < TARGET else 0


if __name__ == "__main__":
    sys.exit(main())

"""ICCMA abstract frameworks as maps: `.af` / `.i23`, `.tgf`, `.apx`.

* af / i23 (ICCMA 2023): a header `p af N`, then one attack `a b` per line, arguments numbered
  1..N; a line starting with `#` is a comment. argmap's own writer puts a comment `# i name`
  per argument right after the header; when such comments name every argument 1..N in order,
  the names are read back (so af -> argmap -> af keeps them), otherwise the numbers are the names.
* tgf (ICCMA 2015-2019): one argument per line (`id` or `id label`), a line `#`, then one
  attack `a b` per line.
* apx (ASPARTIX): `arg(a).`, `att(a,b).`; `%` starts a comment; `arg(a1).  % name` (argmap's
  writer, for names that are not plain atoms: an id `aN` alone on its line) names the argument.

Every argument becomes a claim titled by its name (a name written as `[T]` or `<T>` -- the
node ids argmap writes -- is read as that id, `<T>` as an argument), with no text; every
attack an attack relation. Problems are reported at file:line:col: a line that is not the
format raises `ImportFailed`; a repeated attack (kept once) and an attack naming an argument
never declared (in tgf/apx: it is added) are warnings.
"""

from __future__ import annotations

import re

from ..errors import Diagnostic, ImportFailed, Severity, Span
from ..model import Map, Node, NodeKind, Relation, RelationKind, relation_id
from ..printable import refuse_control_characters


def _span(path: str | None, line: int, column: int, end: int) -> Span:
    return Span(path, line, column, line, max(end, column + 1))


def _error(path: str | None, line: int, column: int, end: int, code: str, message: str) -> ImportFailed:
    diagnostic = Diagnostic(code, message, _span(path, line, column, end))
    return ImportFailed(f"{diagnostic.span}: {message}", (diagnostic,))


class _Builder:
    """Arguments and attacks in reading order, turned into a map."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.names: dict[str, str] = {}  # argument key (as written in the file) -> display name
        self.attacks: dict[tuple[str, str], Span] = {}
        self.diagnostics: list[Diagnostic] = []

    def warn(self, code: str, message: str, line: int, column: int, end: int) -> None:
        self.diagnostics.append(Diagnostic(code, message, _span(self.path, line, column, end), Severity.WARNING))

    def argument(self, key: str, name: str | None = None) -> None:
        self.names.setdefault(key, key if name is None else name)

    def attack(self, source: str, target: str, line: int, column: int, end: int) -> None:
        if (source, target) in self.attacks:
            first = self.attacks[(source, target)]
            self.warn("iccma-duplicate-attack", f"the attack {source} -> {target} is given again "
                      f"(first at line {first.line}); kept once", line, column, end)
            return
        self.attacks[(source, target)] = _span(self.path, line, column, end)

    def build(self) -> Map:
        ids: dict[str, str] = {}
        nodes: dict[str, Node] = {}
        for key, name in self.names.items():
            node_id = name if re.fullmatch(r"\[.*\]|<.*>", name, re.S) and len(name) > 2 else f"[{name}]"
            if node_id in nodes:
                node_id = f"[{name} ({key})]"
            kind = NodeKind.ARGUMENT if node_id.startswith("<") else NodeKind.CLAIM
            ids[key] = node_id
            nodes[node_id] = Node(node_id, kind, text="")
        relations: dict[str, Relation] = {}
        for number, ((source, target), span) in enumerate(self.attacks.items(), start=1):
            relations[relation_id(number)] = Relation(relation_id(number), RelationKind.ATTACK, ids[source], ids[target],
                                               span=span)
        return Map(nodes=nodes, relations=relations, path=self.path, diagnostics=tuple(self.diagnostics))


_NAME_COMMENT = re.compile(r"#\s*(\d+)\s+(.*\S)\s*$")


def read_af(text: str, path: str | None = None) -> Map:
    """Read an ICCMA 2023 framework (`p af N`, attacks `a b`, `#` comments)."""
    refuse_control_characters(text, path)
    builder = _Builder(path)
    size: int | None = None
    comment_names: dict[int, str] = {}
    names_open = False  # reading the `# i name` comments right after the header
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        column = len(raw) - len(raw.lstrip()) + 1
        if stripped.startswith("#"):
            match = _NAME_COMMENT.match(stripped)
            if names_open and match and int(match.group(1)) == len(comment_names) + 1:
                comment_names[int(match.group(1))] = match.group(2)
            else:
                names_open = False
            continue
        names_open = False
        if not stripped:
            continue
        words = stripped.split()
        if size is None:
            if len(words) != 3 or words[:2] != ["p", "af"] or not words[2].isdigit():
                raise _error(path, number, column, len(raw) + 1, "iccma-header",
                             f"expected the header 'p af N', got {stripped!r}")
            size = int(words[2])
            names_open = True
            continue
        if len(words) != 2 or not all(w.isdigit() for w in words):
            raise _error(path, number, column, len(raw) + 1, "iccma-attack",
                         f"expected an attack 'a b' (two argument numbers), got {stripped!r}")
        for word in words:
            if not 1 <= int(word) <= size:
                at = raw.index(word, column - 1) + 1
                raise _error(path, number, at, at + len(word), "iccma-argument",
                             f"arguments are numbered 1..{size}, got {word}")
        builder.attack(str(int(words[0])), str(int(words[1])), number, column, len(raw.rstrip()) + 1)
    if size is None:
        raise _error(path, 1, 1, 1, "iccma-header", "no 'p af N' header: not an ICCMA 2023 (.af) file")
    use_names = len(comment_names) == size and size > 0
    for i in range(1, size + 1):
        builder.argument(str(i), comment_names[i] if use_names else None)
    # attacks were keyed by number: build them in the order they were read
    return builder.build()


def read_tgf(text: str, path: str | None = None) -> Map:
    """Read a trivial graph format framework: argument lines, a `#` line, attack lines."""
    refuse_control_characters(text, path)
    builder = _Builder(path)
    in_attacks = False
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        column = len(raw) - len(raw.lstrip()) + 1
        if not stripped:
            continue
        if stripped == "#" and not in_attacks:
            in_attacks = True
            continue
        if not in_attacks:
            key, _, label = stripped.partition(" ")
            label = label.strip()
            if key in builder.names:
                builder.warn("iccma-duplicate-argument", f"the argument {key!r} is declared again; kept once",
                             number, column, column + len(key))
            builder.argument(key, label or None)
            continue
        words = stripped.split()
        if len(words) < 2:
            raise _error(path, number, column, len(raw) + 1, "iccma-attack",
                         f"expected an attack 'a b' after the '#' line, got {stripped!r}")
        if len(words) > 2:
            builder.warn("iccma-edge-label", f"the label {' '.join(words[2:])!r} of this attack is not kept",
                         number, column, len(raw.rstrip()) + 1)
        for word in words[:2]:
            if word not in builder.names:
                at = raw.index(word) + 1
                builder.warn("iccma-undeclared", f"the attack names {word!r}, not declared above the '#' "
                             "line; added as an argument", number, at, at + len(word))
                builder.argument(word)
        builder.attack(words[0], words[1], number, column, len(raw.rstrip()) + 1)
    if not in_attacks and not builder.names:
        raise _error(path, 1, 1, 1, "iccma-empty", "an empty file: no arguments, no '#' line")
    return builder.build()


_FACT = re.compile(r"""\s*(arg|att)\s*\(\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_']+)\s*
                       (?:,\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_']+)\s*)?\)\s*\.""", re.X)


def read_apx(text: str, path: str | None = None) -> Map:
    """Read an ASPARTIX framework: `arg(a).`, `att(a,b).`, `%` comments."""
    refuse_control_characters(text, path)
    builder = _Builder(path)
    pending: list[tuple[str, str, int, int, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line, _, comment = raw.partition("%")
        position = 0
        facts = 0
        last_arg = None
        while line[position:].strip():
            match = _FACT.match(line, position)
            if match is None:
                at = position + len(line[position:]) - len(line[position:].lstrip()) + 1
                raise _error(path, number, at, len(line.rstrip()) + 1, "iccma-fact",
                             f"expected arg(a). or att(a,b). at {line[position:].strip()!r}")
            kind, first, second = match.groups()
            start = match.start(1) + 1
            if (kind == "arg") != (second is None):
                raise _error(path, number, start, match.end() + 1, "iccma-fact",
                             f"{kind} takes {1 if kind == 'arg' else 2} argument(s): {match.group(0).strip()!r}")
            if kind == "arg":
                if first in builder.names:
                    builder.warn("iccma-duplicate-argument", f"arg({first}) is declared again; kept once",
                                 number, start, match.end() + 1)
                builder.argument(first)
                last_arg = first
            else:
                pending.append((first, second, number, start, match.end() + 1))
            facts += 1
            position = match.end()
        if facts == 1 and last_arg is not None and re.fullmatch(r"a[0-9]+", last_arg) and comment.strip():
            builder.names[last_arg] = comment.strip()  # `arg(a3).  % its name` (argmap's writer)
    for source, target, number, start, end in pending:
        for name in (source, target):
            if name not in builder.names:
                builder.warn("iccma-undeclared", f"att() names {name!r}, never declared by arg(); added "
                             "as an argument", number, start, end)
                builder.argument(name)
        builder.attack(source, target, number, start, end)
    return builder.build()


#: ICCMA 2023 calls the format of `.af` files i23 as well
read_i23 = read_af

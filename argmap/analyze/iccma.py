"""The ICCMA interchange formats, so argmap can be checked against any ICCMA solver.

* i23 (ICCMA 2023): a first line `p af N`, then one attack `a b` per line with arguments
  numbered 1..N; lines starting with `#` are comments. Read arguments are named "1".."N".
* apx (ASPARTIX): `arg(a).` and `att(a,b).` facts; `%` starts a comment.

Both readers accept blank lines, comments anywhere (also after a statement), CRLF line ends
and spaces wherever a person puts them (`att( b , a ).`, several facts on one line). Bad
input raises `ImportFailed` naming the line. The writers put the map's names in comments
(newlines in names are flattened), so the files stay valid for strict readers.
"""

from __future__ import annotations

import re

from ..errors import ImportFailed
from ..model import Map
from .framework import Framework, translate

_FACT = re.compile(r"""\s*(arg|att)\s*\(\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_']+)\s*
                       (?:,\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_']+)\s*)?\)\s*\.""", re.X)
_PLAIN_NAME = re.compile(r"[a-z][A-Za-z0-9_]*|[0-9]+")


def read_i23(text: str) -> Framework:
    """Read an i23 framework; arguments are named by their numbers ("1".."N")."""
    size: int | None = None
    attacks: list[tuple[int, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        if size is None:
            if len(words) != 3 or words[:2] != ["p", "af"] or not words[2].isdigit():
                raise ImportFailed(f"line {number}: expected the header 'p af N', got {raw!r}")
            size = int(words[2])
            continue
        if len(words) != 2 or not all(w.isdigit() for w in words):
            raise ImportFailed(f"line {number}: expected an attack 'a b', got {raw!r}")
        source, target = int(words[0]), int(words[1])
        if not (1 <= source <= size and 1 <= target <= size):
            raise ImportFailed(f"line {number}: arguments are numbered 1..{size}, got {raw!r}")
        attacks.append((source - 1, target - 1))
    if size is None:
        raise ImportFailed("no 'p af N' header: not an i23 file")
    return Framework([str(i) for i in range(1, size + 1)], attacks)


def read_apx(text: str) -> Framework:
    """Read an apx framework (`arg(a).`, `att(a,b).`); names are kept as written."""
    names: dict[str, int] = {}
    pending: list[tuple[str, str, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("%", 1)[0]
        position = 0
        while line[position:].strip():
            match = _FACT.match(line, position)
            if match is None:
                bad = line[position:].strip()
                raise ImportFailed(f"line {number}: expected arg(a). or att(a,b). at {bad!r}")
            kind, first, second = match.groups()
            if (kind == "arg") != (second is None):
                raise ImportFailed(f"line {number}: {kind} takes "
                                   f"{'1 argument' if kind == 'arg' else '2 arguments'}: "
                                   f"{match.group(0).strip()!r}")
            if kind == "arg":
                names.setdefault(first, len(names))
            else:
                pending.append((first, second, number))
            position = match.end()
    attacks = []
    for source, target, number in pending:
        for name in (source, target):
            if name not in names:
                raise ImportFailed(f"line {number}: attack names {name!r}, never declared by arg()")
        attacks.append((names[source], names[target]))
    return Framework(list(names), attacks)


def _comment_name(name: str) -> str:
    return " ".join(name.split())


def framework_to_i23(af: Framework, *, names: bool = True) -> str:
    """An i23 text for `af`; with `names`, a comment line per argument giving its name."""
    lines = [f"p af {af.size}"]
    if names:
        lines.extend(f"# {i} {_comment_name(n)}" for i, n in enumerate(af.names, start=1))
    lines.extend(f"{s + 1} {t + 1}" for s, t in af.attacks())
    return "\n".join(lines) + "\n"


def framework_to_apx(af: Framework) -> str:
    """An apx text for `af`: plain names are kept, other names become a1..aN (in comments)."""
    plain = all(_PLAIN_NAME.fullmatch(n) for n in af.names)
    ids = list(af.names) if plain else [f"a{i}" for i in range(1, af.size + 1)]
    lines = []
    for ident, name in zip(ids, af.names):
        lines.append(f"arg({ident})." if plain else f"arg({ident}).  % {_comment_name(name)}")
    lines.extend(f"att({ids[s]},{ids[t]})." for s, t in af.attacks())
    return "\n".join(lines) + "\n"


def map_to_i23(map_: Map) -> str:
    """The map's Dung framework (see framework.py; `status:` metadata applied) as i23."""
    return framework_to_i23(translate(map_).af)


def map_to_apx(map_: Map) -> str:
    """The map's Dung framework (see framework.py; `status:` metadata applied) as apx."""
    return framework_to_apx(translate(map_).af)

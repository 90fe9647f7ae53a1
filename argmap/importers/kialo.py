"""Kialo discussions, as Kialo exports them to text (`.txt`).

The export (Kialo: Share -> Export discussion) looks like

    Discussion Title: Should we ban cars from city centres?

    1. Cars should be banned from city centres.
    1.1. Pro: Air quality would improve.
    1.1.1. Con: Buses pollute too.
    1.2. Con: -> See 1.1.1.

* line 1 `Discussion Title: …` -> the map's `title`;
* `1. …` the thesis, `N.N. Pro: …` / `N.N. Con: …` (any depth) a claim that supports /
  attacks the claim numbered without its last part (`1.1.1.` -> `1.1.`);
* text continues on the following lines until the next numbered line (line breaks kept);
  Kialo's escapes `\\[ \\] \\( \\)` are undone, Markdown links kept as written;
* `-> See 1.2.3.` as a claim's text is a reference: the relation goes from claim 1.2.3. (the
  same node, not a new one) to the parent; the reference may come before the claim it names;
* a claim without `Pro:` / `Con:` (Kialo's neutral claims, or the theses of a multi-thesis
  discussion) is kept with no relation, with a warning.

Every claim is an untitled claim (`_N`, in file order) with its Kialo number in the metadata
key `kialo`, except that a claim some `-> See` names is titled by its number (`[1.2.3.]`),
since .argmap text refers to titled nodes only; positions (line:col of the text) are kept. Warnings: a claim whose parent number
is not in the file, a reference to a number that is not there, a repeated number, a claim
without a stance, an empty claim, a numbered line outside the thesis. Errors (nothing
imported): no `Discussion Title:` line, no thesis.
"""

from __future__ import annotations

import re

from ..errors import Diagnostic, ImportFailed, Severity, Span
from ..model import Map, Node, NodeKind, Relation, RelationKind, relation_id, untitled_id
from ..printable import refuse_control_characters

_TITLE = re.compile(r"\s*Discussion Title:\s*(.*?)\s*$")
_CLAIM = re.compile(r"((?:\d+\.)+)(?:[ \t]+|$)(?:(Pro|Con):(?:[ \t]+|$))?(.*)$")
_SEE = re.compile(r"->\s*See\s+((?:\d+\.)+)\s*$")
_UNESCAPE = re.compile(r"\\([\[\]()])")


class _Claim:
    __slots__ = ("number", "stance", "lines", "line", "column", "start")

    def __init__(self, number: str, stance: str | None, first: str, line: int, column: int, start: int) -> None:
        self.number, self.stance, self.lines = number, stance, [first]
        self.line, self.column, self.start = line, column, start  # start: the number's column

    @property
    def text(self) -> str:
        lines = [line.strip() for line in self.lines]
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(line for line in lines if line)


def _parent(number: str) -> str | None:
    parts = number[:-1].split(".")
    return ".".join(parts[:-1]) + "." if len(parts) > 1 else None


def read_kialo(text: str, path: str | None = None) -> Map:
    """Read a Kialo text export (see the module docstring)."""
    refuse_control_characters(text, path)
    diagnostics: list[Diagnostic] = []

    def span(line: int, column: int, length: int = 1) -> Span:
        return Span(path, line, column, line, column + max(length, 1))

    def warn(code: str, message: str, line: int, column: int, length: int = 1) -> None:
        diagnostics.append(Diagnostic(code, message, span(line, column, length), Severity.WARNING))

    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    title_match = _TITLE.match(lines[first]) if first is not None else None
    if title_match is None:
        line = 1 if first is None else first + 1
        diagnostic = Diagnostic("kialo-title", "a Kialo export starts with 'Discussion Title: …'",
                                span(line, 1), hint="export the discussion from Kialo as text")
        raise ImportFailed(f"{diagnostic.span}: {diagnostic.message}", (diagnostic,))
    claims: list[_Claim] = []
    for index in range(first + 1, len(lines)):
        raw = lines[index]
        stripped = raw.strip()
        column = len(raw) - len(raw.lstrip()) + 1
        match = _CLAIM.match(stripped)
        if match and stripped:
            number, stance, body = match.groups()
            body_column = column + match.start(3)
            claims.append(_Claim(number, stance, body, index + 1, body_column, column))
        elif claims:
            claims[-1].lines.append(raw)
        elif stripped:
            warn("kialo-text-before-thesis", f"text before the thesis is not kept: {stripped[:40]!r}",
                 index + 1, column, len(stripped))
    if not claims:
        diagnostic = Diagnostic("kialo-thesis", "no thesis: expected a line '1. …' after the title",
                                span(first + 1, 1))
        raise ImportFailed(f"{diagnostic.span}: {diagnostic.message}", (diagnostic,))

    thesis = claims[0].number
    # a claim named by `-> See N.` is used twice, and .argmap can refer only to titled nodes:
    # such a claim is titled by its number (`[1.2.3.]`); the others stay untitled
    referenced = {m.group(1) for m in (_SEE.match(c.text) for c in claims) if m}
    nodes: dict[str, Node] = {}
    by_number: dict[str, str] = {}
    ordered: list[tuple[_Claim, str | None]] = []  # claim, its node id (None for a reference)
    for claim in claims:
        body = claim.text
        see = _SEE.match(body)
        if claim is not claims[0] and not claim.number.startswith(thesis):
            warn("kialo-number", f"claim {claim.number} is not under the thesis {thesis}", claim.line,
                 claim.start, len(claim.number))
        if claim.number in by_number:
            warn("kialo-duplicate-number", f"the number {claim.number} is used again; this claim is kept "
                 "as a separate node", claim.line, claim.column)
        if see:
            ordered.append((claim, None))
            by_number.setdefault(claim.number, "")  # a reference has no node of its own
            continue
        if not body:
            warn("kialo-empty", f"claim {claim.number} has no text", claim.line, claim.column)
        untitled = sum(1 for n in nodes if n.startswith("_"))
        node_id = f"[{claim.number}]" if claim.number in referenced and f"[{claim.number}]" not in nodes \
            else untitled_id(untitled + 1)
        nodes[node_id] = Node(node_id, NodeKind.CLAIM, text=_UNESCAPE.sub(r"\1", body),
                              meta={"kialo": claim.number},
                              span=Span(path, claim.line, claim.column, claim.line + len(claim.lines) - 1,
                                        claim.column + len(claim.lines[0].strip())))
        if not by_number.get(claim.number):
            by_number[claim.number] = node_id
        ordered.append((claim, node_id))

    relations: dict[str, Relation] = {}
    for claim, node_id in ordered:
        if claim is claims[0]:
            continue
        source = node_id
        if source is None:  # `-> See N.`: the claim numbered N is the reason
            target_number = _SEE.match(claim.text).group(1)
            source = by_number.get(target_number) or None
            if source is None:
                warn("kialo-unknown-reference", f"'-> See {target_number}' names no claim in the file; "
                     "not kept", claim.line, claim.column, len(claim.text))
                continue
        if claim.stance is None:
            warn("kialo-no-stance", f"claim {claim.number} is neither Pro nor Con: kept with no relation "
                 "to its parent", claim.line, claim.column)
            continue
        parent_number = _parent(claim.number)
        target = by_number.get(parent_number) if parent_number else None
        if not target:
            warn("kialo-no-parent", f"claim {claim.number}: its parent {parent_number or '(none)'} is not a "
                 "claim in the file; kept with no relation", claim.line, claim.column)
            continue
        rid = relation_id(len(relations) + 1)
        kind = RelationKind.SUPPORT if claim.stance == "Pro" else RelationKind.ATTACK
        relations[rid] = Relation(rid, kind, source, target, span=span(claim.line, claim.column))
    return Map(metadata={"title": title_match.group(1)} if title_match.group(1) else {},
               nodes=nodes, relations=relations, path=path, diagnostics=tuple(diagnostics))

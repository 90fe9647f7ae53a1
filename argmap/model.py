"""The model: plain, typed, frozen dataclasses shared by every stage.

A `Map` has two views of the same content:

* the **graph** — `nodes`, `relations`, `actors`, `sources`, `sections`, `metadata` — which
  analysis, rendering and export use; references are resolved, each node appears once;
* the **document** — `document`, a tuple of entries in the order they were written, with
  comments and blank lines — from which `argmap fmt` rewrites the file without losing anything.

Positions (`Span`) and diagnostics never take part in equality, so two maps that say the same
thing compare equal wherever it was written.

Identifiers: a titled node's id is its reference syntax (`[Title]` for claims and evidence,
`<Title>` for arguments), and `Node.title` is read from it; an untitled node's id is `_N` (N
counts untitled nodes from 1 in document order); relation ids are `rN` (N counts relations
from 1 in document order).
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from enum import Enum

from .errors import Diagnostic, Span

TYPE_CHECKING = False  # not typing's: reading a map does not import typing
if TYPE_CHECKING:
    from typing import Any

#: a metadata value: what `{key: value}` can hold
MetaValue = str | int | float | bool | None | list["MetaValue"]
Meta = dict[str, MetaValue]


class _EmptyMeta(dict):
    """An empty metadata dict that refuses to change: the parser gives this one object to
    every node and relation written without `{…}` (most of them), instead of an empty dict
    each. Copies and pickles of it are plain empty dicts."""

    __slots__ = ()

    def _read_only(self, *args: object, **kwargs: object) -> None:
        raise TypeError("the metadata of a parsed map is read-only (copy it with dict() to change it)")

    __setitem__ = __delitem__ = __ior__ = update = setdefault = pop = popitem = clear = _read_only  # type: ignore[assignment]

    def __reduce__(self) -> tuple:
        return (dict, ())


#: the shared empty metadata of parsed nodes and relations (see `_EmptyMeta`)
EMPTY_META: Meta = _EmptyMeta()


def _no_span() -> Span:
    return Span(None, 0, 0, 0, 0)


def _pos():  # noqa: ANN202 - dataclass field helper
    """A position field: excluded from equality and repr."""
    return field(default_factory=_no_span, compare=False, repr=False)


class NodeKind(str, Enum):
    CLAIM = "claim"
    ARGUMENT = "argument"
    EVIDENCE = "evidence"
    #: a question (AIF's questioned propositions, IBIS issues): it asserts nothing
    QUESTION = "question"

    def __str__(self) -> str:
        return self.value


class RelationKind(str, Enum):
    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTION = "contradiction"
    #: the source restates the target in other words (AIF's MA nodes): no support, no attack
    REPHRASE = "rephrase"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Actor:
    """A speaker or party (`actor ID: Display name {meta}`); `@ID` attributes a node to it."""

    id: str
    name: str
    meta: Meta = field(default_factory=dict)
    span: Span = _pos()


@dataclass(frozen=True, slots=True)
class Source:
    """A citable source (`source ID: citation {meta}`); `^ID` cites it."""

    id: str
    citation: str
    meta: Meta = field(default_factory=dict)
    span: Span = _pos()


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (`#`, `##`, ...). `id` is `sN` in document order; `parent` the enclosing one."""

    id: str
    title: str
    level: int
    parent: str | None = None
    span: Span = _pos()


def _count(n: int, noun: str) -> str:
    """'1 node', '2 nodes': for the one-line reprs."""
    return f"{n} {noun}{'s' * (n != 1)}"


#: how Jupyter shows a map, "module:function" imported when asked: the drawing is a front
#: end's work, above the model (the importers' and exporters' tables are found the same way)
NOTEBOOK_DISPLAY = "argmap.notebook:map_display"


def title_of(node_id: str) -> str | None:
    """The title a node id stands for: `[T]` and `<T>` → `T`; an untitled id (`_N`) → None."""
    return node_id[1:-1] if node_id[:1] in ("[", "<") else None


#: `Node(…)` without a title: the one its id says (`dataclasses.replace` passes none)
_FROM_ID: Any = object()


@dataclass(frozen=True, slots=True, init=False)
class Node:
    """A claim, argument or piece of evidence.

    `title` is not stored: a titled node's id is its reference syntax (`[T]`, `<T>`), so the
    title is read from the id (one string less per node of a large map); constructing a node
    whose title and id disagree raises ValueError. `text` keeps the written line breaks of
    continuation lines (`\\n`); `plain_text` joins them with spaces. `section` is the id of
    the section the node is defined in.
    """

    id: str
    kind: NodeKind
    text: str
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    meta: Meta = field(default_factory=dict)
    section: str | None = None
    span: Span = _pos()
    #: every place the node is used again by reference
    references: tuple[Span, ...] = field(default=(), compare=False, repr=False)

    def __init__(self, id: str, kind: NodeKind, title: str | None = _FROM_ID, text: str = "",  # noqa: A002
                 actors: tuple[str, ...] = (), tags: tuple[str, ...] = (), sources: tuple[str, ...] = (),
                 meta: Meta | None = None, section: str | None = None, span: Span | None = None,
                 references: tuple[Span, ...] = ()) -> None:
        if title is not _FROM_ID and title != title_of(id):
            expected = ("an id _N" if title is None else f"the id <{title}>" if kind is NodeKind.ARGUMENT
                        else f"the id [{title}]")
            raise ValueError(f"a node titled {title!r} has {expected}, not {id!r}")
        values = (id, kind, text, actors, tags, sources, {} if meta is None else meta, section,
                  _no_span() if span is None else span, references)
        for name, value in zip(_NODE_FIELDS, values):
            object.__setattr__(self, name, value)

    @property
    def title(self) -> str | None:
        """The title (`[T]` / `<T>` → `T`), None for an untitled node."""
        return title_of(self.id)

    @property
    def plain_text(self) -> str:
        return " ".join(self.text.split("\n"))

    @property
    def label(self) -> str:
        """What to show a person: the title, else the text."""
        title = self.title
        return title if title is not None else self.plain_text

    @property
    def ref(self) -> str | None:
        """The reference syntax for this node (`[Title]` / `<Title>`), None if untitled."""
        return self.id if self.id[:1] in ("[", "<") else None


_NODE_FIELDS = tuple(f.name for f in fields(Node))


@dataclass(frozen=True, slots=True)
class Relation:
    """`source` supports / attacks / undercuts / contradicts `target`.

    `target` is a node id, except for an undercut written as `_ child`, whose target is the id
    of the relation (`rN`) it undercuts. Relations sharing a `group` form one linked reason
    (co-premises joined with `&`). `weight` is the relation's `{weight: …}` metadata.
    """

    id: str
    kind: RelationKind
    source: str
    target: str
    group: str | None = None
    weight: float | None = None
    meta: Meta = field(default_factory=dict)
    span: Span = _pos()

    @property
    def targets_relation(self) -> bool:
        return is_relation_id(self.target)

    def identity(self, *, grouped: bool = True) -> tuple:
        """What makes two relations the same one: kind, ends (a contradiction either way
        round) and, if `grouped`, co-premise group. A map may write one twice; other formats
        hold it once."""
        ends = (self.source, self.target)
        if self.kind is RelationKind.CONTRADICTION and self.target < self.source:
            ends = (self.target, self.source)
        return (self.kind, *ends, self.group if grouped else None)


def repeated(relations: Collection[Relation], *, grouped: bool = True) -> Iterator[tuple[Relation, Relation]]:
    """Each relation that repeats an earlier one (`Relation.identity`), with that earlier one,
    in order. Keeps only hashes of the identities until a hash comes twice."""
    seen: set[int] = set()
    twice: set[int] = set()
    for r in relations:
        h = hash(r.identity(grouped=grouped))
        (twice if h in seen else seen).add(h)
    if not twice:
        return
    first: dict[tuple, Relation] = {}
    for r in relations:
        key = r.identity(grouped=grouped)
        if hash(key) in twice and (earlier := first.setdefault(key, r)) is not r:
            yield earlier, r


@dataclass(frozen=True, slots=True)
class Inference:
    """One inference of a reconstruction (`-- rule {meta} --`): from the statements numbered
    `uses` to the statement numbered `conclusion`, the one written after it.

    `uses` is the `{uses: […]}` written, else every statement since the previous inference;
    `rule` the rule's name as written ("" if none); `meta` the `{…}` as written (`uses` and
    `scheme` among it). `undercuts` are the relations that undercut this inference (`_` under its
    conclusion); the relations themselves target the argument (see `Reconstruction`).
    """

    rule: str
    uses: tuple[int, ...]
    conclusion: int
    meta: Meta = field(default_factory=dict)
    undercuts: tuple[str, ...] = ()
    span: Span = _pos()

    @property
    def scheme(self) -> str | None:
        """The argumentation scheme named by `{scheme: …}`, if any."""
        value = self.meta.get("scheme")
        return None if value is None else str(value)

    @property
    def line(self) -> str:
        """The inference line as a heading: `-- rule --`, or `----` without a rule."""
        return f"-- {self.rule} --" if self.rule else "----"

    @property
    def summary(self) -> str:
        """What the line says besides its rule: `uses 1, 2 · scheme NAME` ("" for nothing)."""
        details = [f"uses {', '.join(map(str, self.uses))}"] if self.uses else []
        if self.scheme:
            details.append(f"scheme {self.scheme}")
        return " · ".join(details)


def default_uses(previous: int, conclusion: int) -> tuple[int, ...]:
    """The statements an inference uses when it does not say (`uses`): every one since the
    previous inference (whose conclusion, statement `previous`, among them; 0: none) up to its
    own `conclusion`, as Argdown reads a premise-conclusion structure."""
    return tuple(range(max(previous, 1), conclusion))


@dataclass(frozen=True, slots=True)
class Reconstruction:
    """An argument's premise-conclusion structure: numbered statements and the inferences
    between them, written under the argument (`(1) …`, `-- rule --`, `(3) …`).

    `statements` are node ids, statement N being `statements[N - 1]` (ordinary nodes of the
    map: a titled one can be referred to, supported and attacked anywhere); `statement_spans`
    where each is written. The last statement is the main conclusion; a statement no inference
    concludes is a premise.
    """

    argument: str
    statements: tuple[str, ...]
    inferences: tuple[Inference, ...]
    statement_spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)
    span: Span = _pos()

    def statement(self, number: int) -> str:
        """The node id of statement `number` (from 1)."""
        return self.statements[number - 1]

    @property
    def conclusion(self) -> str:
        """The node id of the main conclusion: the last statement."""
        return self.statements[-1]

    @property
    def premises(self) -> tuple[int, ...]:
        """The numbers of the statements no inference concludes."""
        concluded = {i.conclusion for i in self.inferences}
        return tuple(n for n in range(1, len(self.statements) + 1) if n not in concluded)


def inference_name(argument: str, conclusion: int) -> str:
    """The name of the inference of `argument`'s reconstruction that concludes statement
    `conclusion`: `<A>(N)` (its argument in the analysis, and how messages name it)."""
    return f"{argument}({conclusion})"


def untitled_id(number: int) -> str:
    """The id of the `number`-th untitled node (from 1, in document order): `_N`."""
    return f"_{number}"


def relation_id(number: int) -> str:
    """The id of the `number`-th relation (from 1, in document order): `rN`."""
    return f"r{number}"


def group_id(number: int) -> str:
    """The id of the `number`-th group of co-premises: `gN`."""
    return f"g{number}"


def section_id(number: int) -> str:
    """The id of the `number`-th section: `sN`."""
    return f"s{number}"


def node_ref(kind: NodeKind, title: str) -> str:
    """A titled node's id, which is its reference syntax: `<T>` for arguments, `[T]` otherwise."""
    return f"<{title}>" if kind is NodeKind.ARGUMENT else f"[{title}]"


def is_relation_id(ident: str) -> bool:
    """True for relation ids (`r12`), False for node ids (`[T]`, `<T>`, `_3`)."""
    return ident[:1] == "r"


@dataclass(frozen=True, slots=True)
class Usage:
    """One place a name is written: `kind` is node | actor | source | tag.

    `name` is the node id, actor id, source id or tag; `node` the node whose line holds it
    (None for a relation target written by reference). Editors and checks use these. The
    position is flat (`path`, `line`, `column`, `end_column`, on one line); `span` builds the
    `Span` when it is asked for.
    """

    kind: str
    name: str
    node: str | None
    path: str | None
    line: int
    column: int
    end_column: int

    @property
    def span(self) -> Span:
        return Span(self.path, self.line, self.column, self.line, self.end_column)


class Usages(Sequence[Usage]):
    """The usages of a map, read-only, kept column by column.

    A map has about one usage per node; a `Usage` object each would cost some 90 bytes, a row
    of these columns costs under 40. It reads as a sequence of `Usage` (each made when asked
    for); `kinds_and_names` goes through the rows without making them.
    """

    __slots__ = ("_kinds", "_names", "_nodes", "_paths", "_positions")

    def __init__(self, usages: Iterable[Usage] = ()) -> None:
        self._kinds: list[str] = []
        self._names: list[str] = []
        self._nodes: list[str | None] = []
        self._paths: list[str | None] = []
        self._positions = array("i")  # line, column, end column of each row
        for u in usages:
            self._kinds.append(u.kind)
            self._names.append(u.name)
            self._nodes.append(u.node)
            self._paths.append(u.path)
            self._positions.extend((u.line, u.column, u.end_column))

    @classmethod
    def from_columns(cls, kinds: list[str], names: list[str], nodes: list[str | None], paths: list[str | None],
                     positions: array) -> Usages:
        """Usages from their columns (taken over, not copied); `positions` holds three numbers
        per row: line, column, end column."""
        usages = cls.__new__(cls)
        usages._kinds, usages._names, usages._nodes, usages._paths = kinds, names, nodes, paths
        usages._positions = positions
        return usages

    def __len__(self) -> int:
        return len(self._kinds)

    def __getitem__(self, index: int | slice) -> Usage | tuple[Usage, ...]:  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("usage index out of range")
        line, column, end_column = self._positions[3 * index:3 * index + 3]
        return Usage(self._kinds[index], self._names[index], self._nodes[index], self._paths[index],
                     line, column, end_column)

    def __iter__(self) -> Iterator[Usage]:
        positions = iter(self._positions)
        for kind, name, node, path, line, column, end_column in zip(
                self._kinds, self._names, self._nodes, self._paths, positions, positions, positions):
            yield Usage(kind, name, node, path, line, column, end_column)

    def kinds_and_names(self) -> Iterator[tuple[str, str]]:
        """(kind, name) of each row, in order, without making `Usage` objects."""
        return zip(self._kinds, self._names)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Usages):
            return (self._kinds == other._kinds and self._names == other._names and self._nodes == other._nodes
                    and self._paths == other._paths and self._positions == other._positions)
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:  # one line: a map has about one usage per node
        return f"<Usages: {_count(len(self), 'usage')}>"

    def __reduce__(self) -> tuple:
        return (Usages.from_columns, (self._kinds, self._names, self._nodes, self._paths, self._positions))


# --- the document view -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trivia:
    """What surrounds a written line: comments above it, blank lines before, its own comments.

    `comments` are the full-line comments directly above (text after `//`, as written; None
    stands for a blank line between them); `line_comments` holds the trailing `// …` of the
    line itself and of each continuation line (None where there is none); `annotation_line`
    is the text line (0 = the head line) that carries the annotations, None for the last (one
    past the last: a line of their own after the text).
    """

    blank_before: bool = False
    comments: tuple[str | None, ...] = ()
    line_comments: tuple[str | None, ...] = ()
    annotation_line: int | None = None


@dataclass(frozen=True, slots=True)
class SectionEntry:
    section: str
    trivia: Trivia = Trivia()
    span: Span = _pos()


@dataclass(frozen=True, slots=True)
class ActorEntry:
    actor: str
    trivia: Trivia = Trivia()
    span: Span = _pos()


@dataclass(frozen=True, slots=True)
class SourceEntry:
    source: str
    trivia: Trivia = Trivia()
    span: Span = _pos()


@dataclass(frozen=True, slots=True)
class IncludeEntry:
    """`include "path"`: the included map's content is merged into the graph view."""

    path: str
    trivia: Trivia = Trivia()
    span: Span = _pos()


@dataclass(frozen=True, slots=True)
class NodeEntry:
    """A node written at one place in the outline: defined here, or referenced (`[Title]`).

    `marker` is the relation marker in canonical spelling (`+ - _ >< & +> -> _>`), or a
    statement's number (`(3)`, under an argument: see `Reconstruction`), None for a top-level
    node. `relation` is the id of the relation the line creates, if any. `inference` is the
    inference line written right above a statement it concludes.
    """

    node: str
    is_reference: bool = False
    marker: str | None = None
    relation: str | None = None
    children: tuple["NodeEntry", ...] = ()
    trivia: Trivia = Trivia()
    span: Span = _pos()
    inference: InferenceEntry | None = None


@dataclass(frozen=True, slots=True)
class InferenceEntry:
    """Where an inference line is written: inference number `index` (from 0) of the
    reconstruction of `argument` (the line's content is that `Inference`)."""

    argument: str
    index: int
    trivia: Trivia = Trivia()
    span: Span = _pos()


Entry = SectionEntry | ActorEntry | SourceEntry | IncludeEntry | NodeEntry


@dataclass(frozen=True, slots=True)
class Map:
    """An argument map: the graph view plus the document it was written as."""

    metadata: Meta = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    #: argument id -> its premise-conclusion structure, for the arguments that have one
    reconstructions: dict[str, Reconstruction] = field(default_factory=dict)
    document: tuple[Entry, ...] = ()
    #: comments after the last entry (None: a blank line between them)
    trailing_comments: tuple[str | None, ...] = ()
    path: str | None = field(default=None, compare=False)
    #: files merged in through `include`, in the order they were read
    included: tuple[str, ...] = field(default=(), compare=False)
    #: every place an actor, source, tag or node title is written (definitions excluded)
    usages: Usages = field(default_factory=Usages, compare=False, repr=False)
    #: parse and resolution diagnostics (check adds its own on top)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.usages, Usages):  # any sequence of `Usage` will do
            object.__setattr__(self, "usages", Usages(self.usages))

    @property
    def title(self) -> str | None:
        value = self.metadata.get("title")
        return None if value is None else str(value)

    def node_by_title(self, title: str) -> Node | None:
        """The node titled `title` (claim/evidence first, then argument)."""
        return self.nodes.get(f"[{title}]") or self.nodes.get(f"<{title}>")

    def relations_from(self, node_id: str) -> Iterator[Relation]:
        return (r for r in self.relations.values() if r.source == node_id)

    def __repr__(self) -> str:
        """One line: `<Map 'Title' 42 nodes, 60 relations from maps/x.argmap>` (and its errors)."""
        errors = sum(d.is_error for d in self.diagnostics)
        parts = ["Map", *([repr(self.title)] if self.title is not None else []),
                 f"{_count(len(self.nodes), 'node')}, {_count(len(self.relations), 'relation')}"]
        if errors:
            parts[-1] += f", {_count(errors, 'error')}"
        if self.path is not None:
            parts.append(f"from {self.path}")
        return f"<{' '.join(parts)}>"

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """What Jupyter shows: the drawing `argmap render` makes (argmap/notebook.py)."""
        import importlib

        module, _, function = NOTEBOOK_DISPLAY.partition(":")
        return getattr(importlib.import_module(module), function)(self)

    def walk(self) -> Iterator[NodeEntry]:
        """Every node entry of the document, depth first, in written order."""
        stack = [e for e in reversed(self.document) if isinstance(e, NodeEntry)]
        while stack:
            entry = stack.pop()
            yield entry
            stack.extend(reversed(entry.children))

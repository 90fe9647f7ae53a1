"""The words of the `.argmap` language, in one place: relation markers and what they mean, the
node kinds the heads read as, and the escapes of written text (the ids every reader mints are
the model's: `argmap.model.untitled_id` and its neighbours). Every stage that reads, writes, shows or
highlights the language takes these from here (the grammar's MARKER terminal, which Lark cannot
import, is checked against `MARKERS` by tests/test_vocabulary.py).
"""

from __future__ import annotations

import re
from collections import namedtuple

from ..model import NodeKind, RelationKind


class Marker(namedtuple("Marker", "spelling kind inward canonical meaning")):
    """A relation marker: the relation a child line under it makes with its parent (a named
    tuple: ten of them are made on every start, for which a frozen dataclass costs more).

    `inward`: the child is the relation's source and the parent its target (`+ child` supports
    the parent); otherwise the parent is the source (`+> child`: the parent supports the child).
    `canonical` is the spelling `fmt` writes. `kind` is None for `&`, which joins a co-premise
    to the sibling above it and takes that sibling's kind.
    """

    __slots__ = ()
    spelling: str
    kind: RelationKind | None
    inward: bool
    canonical: str
    meaning: str


#: every relation marker, in the order docs/format.md lists them
MARKERS: dict[str, Marker] = {m.spelling: m for m in (
    Marker("+", RelationKind.SUPPORT, True, "+", "supports its parent"),
    Marker("-", RelationKind.ATTACK, True, "-", "attacks its parent"),
    Marker("_", RelationKind.UNDERCUT, True, "_", "undercuts the inference from its parent to the parent's parent"),
    Marker("><", RelationKind.CONTRADICTION, True, "><", "contradicts its parent"),
    Marker("=", RelationKind.REPHRASE, True, "=", "restates its parent (the same claim in other words)"),
    Marker("&", None, True, "&", "is a co-premise of the sibling above it"),
    Marker("+>", RelationKind.SUPPORT, False, "+>", "is supported by its parent"),
    Marker("->", RelationKind.ATTACK, False, "->", "is attacked by its parent"),
    Marker("_>", RelationKind.UNDERCUT, False, "_>", "is undercut by its parent"),
    Marker("<+", RelationKind.SUPPORT, True, "+", "supports its parent (Argdown's spelling of '+')"),
    Marker("<-", RelationKind.ATTACK, True, "-", "attacks its parent (Argdown's spelling of '-')"),
)}

#: the marker `fmt` writes for a relation of each kind written under its target (child → parent)
INWARD_MARKER: dict[RelationKind, str] = {RelationKind.SUPPORT: "+", RelationKind.ATTACK: "-",
                                          RelationKind.UNDERCUT: "_", RelationKind.CONTRADICTION: "><",
                                          RelationKind.REPHRASE: "="}
#: the marker for a relation written under its source (parent → child)
OUTWARD_MARKER: dict[RelationKind, str] = {RelationKind.SUPPORT: "+>", RelationKind.ATTACK: "->",
                                           RelationKind.UNDERCUT: "_>"}
#: the marker of a co-premise
CO_PREMISE = "&"
#: co-premises can join a sibling that supports or attacks (or another co-premise); never a
#: rephrase (`=`), a contradiction or an undercut
CO_PREMISE_JOINS = frozenset({"+", "-", "&", "<+", "<-"})

#: a regular expression matching any marker (longest spellings first)
MARKER_PATTERN = "|".join(re.escape(s) for s in sorted(MARKERS, key=len, reverse=True))

#: a title in reference syntax, escapes included: `[Title]` (claims, evidence) and `<Title>`
#: (arguments); the grammar's TITLE and ARG_TITLE terminals read the same (tests/test_vocabulary.py)
CLAIM_TITLE_PATTERN = r"\[(?:[^\]\\\n]|\\.)+\]"
ARGUMENT_TITLE_PATTERN = r"<(?:[^>\\\n]|\\.)+>"

#: the node kind each node line's head reads as
NODE_KINDS: dict[str, NodeKind] = {"claim": NodeKind.CLAIM, "argument": NodeKind.ARGUMENT,
                                   "evidence": NodeKind.EVIDENCE, "question": NodeKind.QUESTION}
#: the kinds written with a keyword head (`evidence: text`, `question [Title]: text`) and that
#: keyword (the grammar's <KEYWORD>_COLON and <KEYWORD>_TITLED terminals); a claim has none
HEAD_KEYWORDS: dict[NodeKind, str] = {NodeKind.EVIDENCE: "evidence", NodeKind.QUESTION: "question"}


# --- escapes ---------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([^\w\s]|_)")


def unescape(text: str) -> str:
    """`\\X` → `X` for any punctuation X; other backslashes stay as written."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text

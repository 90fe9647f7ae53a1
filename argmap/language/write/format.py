"""Model → canonical .argmap text (`argmap fmt`).

Canonical layout: two spaces per level, one space after a marker, annotations at the end of
the head line in a fixed order (@actors #tags ^sources {meta}), comments and blank-line
groups kept, every character that would be misread escaped. Writing is iterative, so any
depth of nesting is fine. A map with no document (an import) gets an outline synthesized
from its graph (layout.py).
"""

from __future__ import annotations

import re

from ...errors import FormatRefused
from ...model import (
    ActorEntry,
    IncludeEntry,
    Inference,
    InferenceEntry,
    Map,
    Meta,
    Node,
    NodeEntry,
    NodeKind,
    SectionEntry,
    SourceEntry,
    Trivia,
)
from ..vocabulary import HEAD_KEYWORDS
from .values import format_value
from .writable import unwritable

INDENT = "  "
_ESCAPE_ANYWHERE = set("@#^{")
_ESCAPE_AT_LINE_START = set("@#^{[<+-_&>=\"")
#: a text starting like a declaration or a keyword head (`evidence:`, `question [`) would read as one
_KEYWORD_START = re.compile(r"(?:actor|source)[ \t]+[^\W\d][\w-]*[ \t]*(:)|include[ \t]+(\")|(?:"
                            + "|".join(HEAD_KEYWORDS.values()) + r")[ \t]*([:\[])")
_PLAIN_TAG = re.compile(r"[\w-]+")


def _escape_word(word: str, line_start: bool) -> str:
    word = word.replace("\\", "\\\\")
    first = word[:1]
    if first in (_ESCAPE_AT_LINE_START if line_start else _ESCAPE_ANYWHERE) or word.startswith("//"):
        word = "\\" + word
    return word


def escape_text(line: str) -> str:
    """One line of text, escaped so it reads back as exactly these words."""
    words = line.split()
    out = " ".join(_escape_word(w, i == 0) for i, w in enumerate(words))
    if _STATEMENT_NUMBER.match(out):  # "(1) …" as plain text would read as a numbered statement
        out = "\\" + out
    match = _KEYWORD_START.match(out)
    if match:  # "actor x: …" / "evidence: …" / "question: …" as plain text: escape the character that decides
        index = next(match.start(g) for g in (1, 2, 3) if match.start(g) >= 0)
        out = out[:index] + "\\" + out[index:]
    return out


_STATEMENT_NUMBER = re.compile(r"\(\d+\)")


def escape_label(text: str) -> str:
    """A section title or actor name (no annotations there, but `{` and `//` still matter)."""
    words = [w.replace("\\", "\\\\") for w in text.split()]
    return " ".join("\\" + w if w[:1] == "{" or w.startswith("//") else w for w in words)


def title_syntax(kind: NodeKind, title: str) -> str:
    """`[Title]` or `<Title>` with the closing bracket and backslashes escaped."""
    escaped = title.replace("\\", "\\\\")
    if kind is NodeKind.ARGUMENT:
        if escaped[:1] in ("+", "-") and escaped[1:2] in (" ", "\t"):
            escaped = "\\" + escaped  # `<- x>` at the start of a line would read as the marker `<-`
        return "<" + escaped.replace(">", "\\>") + ">"
    return "[" + escaped.replace("]", "\\]") + "]"


def format_meta(meta: Meta) -> str:
    return "{" + ", ".join(f"{key}: {format_value(value)}" for key, value in meta.items()) + "}"


def format_tag(tag: str) -> str:
    if _PLAIN_TAG.fullmatch(tag):
        return "#" + tag
    return "#(" + tag.replace("\\", "\\\\").replace(")", "\\)") + ")"


def format_inference(inference: Inference) -> str:
    """An inference line: `-- rule {meta} --`, or `----` when it names nothing."""
    parts = [_RULE_ESCAPES.sub(r"\\\g<0>", inference.rule.replace("\\", "\\\\"))] if inference.rule else []
    if inference.meta:
        parts.append(format_meta(inference.meta))
    return f"-- {' '.join(parts)} --" if parts else "----"


#: what would end a rule's name early: `{`, the second `-` of `--`, the second `/` of `//`
_RULE_ESCAPES = re.compile(r"\{|(?<=-)-|(?<=/)/")


def annotations_of(node: Node) -> str:
    parts = [f"@{a}" for a in node.actors]
    parts += [format_tag(t) for t in node.tags]
    parts += [f"^{s}" for s in node.sources]
    if node.meta:
        parts.append(format_meta(node.meta))
    return " ".join(parts)


def _with_comment(text: str, comment: str | None) -> str:
    if comment is None:
        return text
    return f"{text}  //{comment}" if text else f"//{comment}"


def _lines(node: Node, annotation_line: int | None) -> list[str]:
    """The lines of a node definition (without marker): head line, then continuation lines."""
    text_lines = [line for line in node.text.split("\n") if line.strip()] or [""]
    keyword = HEAD_KEYWORDS.get(node.kind)
    if node.title is not None:
        head = title_syntax(node.kind, node.title)
        head = (f"{keyword} {head}" if keyword else head) + ":"
    else:
        head = f"{keyword}:" if keyword else ""
    lines = [escape_text(line) for line in text_lines]
    lines[0] = f"{head} {lines[0]}".strip() if head else lines[0]
    annotations = annotations_of(node)
    if annotations:
        if annotation_line == len(lines):  # written on a line of their own, after the text
            lines.append(annotations)
            return lines
        at = annotation_line if annotation_line is not None and annotation_line < len(lines) else -1
        lines[at] = f"{lines[at]} {annotations}".lstrip()
    return lines


class _Writer:
    def __init__(self, m: Map) -> None:
        self.map = m
        self.out: list[str] = []

    def trivia(self, trivia: Trivia, indent: str) -> None:
        if trivia.blank_before and self.out and self.out[-1] != "":
            self.out.append("")
        for comment in trivia.comments:
            self.comment(comment, indent)

    def comment(self, comment: str | None, indent: str) -> None:
        if comment is None:
            if self.out and self.out[-1] != "":
                self.out.append("")
        else:
            self.out.append(f"{indent}//{comment}")

    def line(self, text: str, trivia: Trivia, index: int, indent: str) -> None:
        comment = trivia.line_comments[index] if index < len(trivia.line_comments) else None
        self.out.append(indent + _with_comment(text, comment))

    def front_matter(self) -> None:
        if not self.map.metadata:
            return
        self.out.append("---")
        for key, value in self.map.metadata.items():
            self.out.append(f"{key}: {format_value(value)}")
        self.out.append("---")
        self.out.append("")

    def entry(self, entry) -> None:  # noqa: ANN001 - any document entry
        m = self.map
        if isinstance(entry, NodeEntry):
            self.tree(entry)
            return
        self.trivia(entry.trivia, "")
        if isinstance(entry, SectionEntry):
            section = m.sections[entry.section]
            text = "#" * section.level + (" " + escape_label(section.title) if section.title else "")
        elif isinstance(entry, ActorEntry):
            actor = m.actors[entry.actor]
            text = f"actor {actor.id}:" + (" " + escape_label(actor.name) if actor.name.strip() else "")
            text += " " + format_meta(actor.meta) if actor.meta else ""
        elif isinstance(entry, SourceEntry):
            source = m.sources[entry.source]
            text = f"source {source.id}: {_quote(source.citation)}"
            text += " " + format_meta(source.meta) if source.meta else ""
        elif isinstance(entry, IncludeEntry):
            text = f"include {_quote(entry.path)}"
        else:
            raise TypeError(f"unknown document entry {type(entry).__name__}")
        self.line(text, entry.trivia, 0, "")

    def inference(self, entry: InferenceEntry, indent: str) -> None:
        """The inference line written above the statement it concludes."""
        self.trivia(entry.trivia, indent)
        inference = self.map.reconstructions[entry.argument].inferences[entry.index]
        self.line(format_inference(inference), entry.trivia, 0, indent)

    def tree(self, root: NodeEntry) -> None:
        stack: list[tuple[NodeEntry, int]] = [(root, 0)]
        while stack:
            entry, depth = stack.pop()
            indent = INDENT * depth
            if entry.inference is not None:
                self.inference(entry.inference, indent)
            self.trivia(entry.trivia, indent)
            prefix = ""
            if entry.marker is not None:
                prefix = entry.marker + " "
                relation = self.map.relations.get(entry.relation or "")
                if relation is not None and relation.meta:
                    prefix += format_meta(relation.meta) + " "
            node = self.map.nodes.get(entry.node)
            if entry.is_reference or node is None:
                self.line(prefix + _reference(entry.node, node), entry.trivia, 0, indent)
            else:
                head, *continuation = _lines(node, entry.trivia.annotation_line)
                self.line(prefix + head, entry.trivia, 0, indent)
                for index, text in enumerate(continuation, start=1):
                    self.line(text, entry.trivia, index, indent + INDENT)
            stack.extend((child, depth + 1) for child in reversed(entry.children))


def _reference(node_id: str, node: Node | None) -> str:
    if node is not None and node.title is not None:
        return title_syntax(node.kind, node.title)
    return node_id  # an unresolved reference is written as it was read


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def format_map(m: Map) -> str:
    """The canonical text of a map. Maps without a document get one from their graph."""
    problems = list(unwritable(m))
    if problems:
        shown = "; ".join(f"{element}: {problem}" for element, problem in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise FormatRefused(f"cannot write the map as .argmap text: {shown}{more}")
    if not m.document and m.nodes:
        from .layout import with_document

        m = with_document(m)
    writer = _Writer(m)
    writer.front_matter()
    for entry in m.document:
        writer.entry(entry)
    if m.trailing_comments:
        if writer.out and writer.out[-1] != "":
            writer.out.append("")
        for comment in m.trailing_comments:
            writer.comment(comment, "")
    while writer.out and writer.out[-1] == "":
        writer.out.pop()
    return "\n".join(writer.out) + "\n" if writer.out else ""


def format_text(text: str, path: str | None = None) -> str:
    """Parse and re-format text (raises ValueError if it has errors: fmt never guesses)."""
    from ..read.parse import parse

    m = parse(text, path)
    errors = [d for d in m.diagnostics if d.is_error]
    if errors:
        raise FormatRefused(f"{len(errors)} error(s); first: {errors[0].span}: {errors[0].message}")
    return format_map(m)

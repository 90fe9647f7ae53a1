"""Syntax highlighting for `.argmap` text: a Pygments lexer (`pygmentize -l argmap`, Rich,
Sphinx, MkDocs and the TUI use it through the `pygments.lexers` entry point).

It follows docs/format.md and grammars/argmap.lark line by line. Token types:

| construct | token |
|---|---|
| `// comment` | Comment.Single |
| front matter `---` / key / value | Comment.Preproc / Name.Attribute / String |
| `# Section` | Generic.Heading |
| `actor` / `source` / `include` | Keyword.Declaration / Keyword.Declaration / Keyword.Namespace |
| the declared ID | Name.Variable |
| relation markers `+ - _ >< = & +> -> _> <+ <-` | Operator |
| statement numbers `(1)` / inference lines `-- rule {meta} --` | Number / Operator, Name.Function |
| `[Title]` / `<Title>` | Name.Class / Name.Function |
| `evidence`, `question` | Keyword |
| `@actor` / `^source` / `#tag` | Name.Decorator / Name.Label / Name.Tag |
| `{key: value}` | Punctuation, Name.Attribute, Number, Keyword.Constant, String |
| `\\X` escapes | String.Escape |

Every character becomes part of some token (there are no Error tokens), and the lexer keeps
leading and trailing newlines, so line numbers of the output match the file.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from pygments.lexer import RegexLexer, bygroups, default
from pygments.token import (
    Comment,
    Generic,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
)

from .vocabulary import (
    ARGUMENT_TITLE_PATTERN,
    CLAIM_TITLE_PATTERN,
    HEAD_KEYWORDS,
    MARKER_PATTERN,
)

# the grammar's terminals (grammars/argmap.lark), written again here on purpose: a highlighter
# must keep working on text the parser rejects (the markers are the vocabulary's)
_WORD = r"(?:[^\s\\{]|\\[^\n])(?:[^\s\\]|\\[^\n])*|\\(?=\s|$)"
_TITLE = CLAIM_TITLE_PATTERN
_ARG_TITLE = ARGUMENT_TITLE_PATTERN
_MARKER = MARKER_PATTERN
_HEAD_KEYWORD = "(?:" + "|".join(HEAD_KEYWORDS.values()) + ")"
_STRING = r'"(?:[^"\\\n]|\\.)*"'
_IDENT = r"[A-Za-z_][\w-]*"
_FRONT_MATTER = r"\A(---)([ \t]*)(?=\n(?:(?!---[ \t]*(?:\n|$))[^\n]*\n)*---[ \t]*(?:\n|$))"
_ESCAPE = re.compile(r"\\[^\n]")
# words that start nothing (no annotation, metadata, comment or escape), with the spaces between
_PLAIN_RUN = r"[^\s\\{@^#/][^\s\\]*(?:[ \t]+[^\s\\{@^#/][^\s\\]*)*"


def _words_as(token: Any):  # noqa: ANN202 - a Pygments callback factory
    """A callback that yields a word as `token`, with its `\\X` escapes as String.Escape."""

    def callback(lexer: RegexLexer, match: re.Match) -> Iterator[tuple[int, Any, str]]:
        text, start, done = match.group(), match.start(), 0
        for escape in _ESCAPE.finditer(text):
            if escape.start() > done:
                yield start + done, token, text[done : escape.start()]
            yield start + escape.start(), String.Escape, escape.group()
            done = escape.end()
        if done < len(text):
            yield start + done, token, text[done:]

    return callback


def _trailer(word_token: Any) -> list:
    """Rules shared by the rest of a line: spaces, a comment, a metadata block, words."""
    return [
        (_PLAIN_RUN, word_token),  # the common case first, as one token: about twice as fast
        (r"[ \t]+", Whitespace),
        (r"//[^\n]*", Comment.Single),
        (r"\{", Punctuation, "meta"),
        (_WORD, _words_as(word_token)),
        (r"[^\n]", Text),
    ]


class ArgmapLexer(RegexLexer):
    """Pygments lexer for the `.argmap` argument-map format."""

    name = "Argmap"
    aliases = ["argmap"]
    filenames = ["*.argmap"]
    mimetypes = ["text/x-argmap"]
    flags = re.MULTILINE

    def __init__(self, **options: Any) -> None:
        # keep blank lines at both ends so that output lines match the file's lines
        options.setdefault("stripnl", False)
        super().__init__(**options)

    # A newline that no rule matches sends the lexer back to "root" (Pygments' own rule), so
    # the states below never match "\n" themselves: every line starts afresh in "root".
    tokens = {
        "root": [
            (_FRONT_MATTER, bygroups(Comment.Preproc, Whitespace), "front-matter"),
            (r"^([ \t]*)(//[^\n]*)", bygroups(Whitespace, Comment.Single)),
            (r"^([ \t]*)(#{1,6})(?=[ \t])", bygroups(Whitespace, Generic.Heading), "heading"),
            (
                rf"^([ \t]*)(actor|source)([ \t]+)({_IDENT})([ \t]*)(:)",
                bygroups(Whitespace, Keyword.Declaration, Whitespace, Name.Variable, Whitespace, Punctuation),
                "declaration",
            ),
            (
                rf"^([ \t]*)(include)([ \t]+)({_STRING})",
                bygroups(Whitespace, Keyword.Namespace, Whitespace, String.Double),
                "rest",
            ),
            (rf"^([ \t]*)({_MARKER})(?=[ \t])", bygroups(Whitespace, Operator), "node-start"),
            (r"^([ \t]*)(\(\d+\))(?=[ \t]|$)", bygroups(Whitespace, Number), "node-start"),
            (r"^([ \t]*)(-{2,})", bygroups(Whitespace, Operator), "inference"),
            (r"^[ \t]+", Whitespace, "node-start"),
            default("node-start"),
        ],
        "front-matter": [
            (r"^(---)([ \t]*)$", bygroups(Comment.Preproc, Whitespace), "#pop"),
            (rf"^({_IDENT})([ \t]*)(:)", bygroups(Name.Attribute, Whitespace, Punctuation)),
            (r"[ \t]+", Whitespace),
            (r"[^\n]+", String),
            (r"\n", Whitespace),
        ],
        "heading": _trailer(Generic.Heading),
        "declaration": [(_STRING, String.Double), *_trailer(Text)],
        # an inference line: the rule's name, {meta}, the closing hyphens, a comment
        "inference": [
            (r"[ \t]+", Whitespace),
            (r"-{2,}", Operator),
            (r"//[^\n]*", Comment.Single),
            (r"\{", Punctuation, "meta"),
            (r"(?:[^\s\\{/-]|-(?!-)|/(?!/)|\\[^\n])+", _words_as(Name.Function)),
            (r"[^\n]", Text),
        ],
        "rest": [(r"[ \t]+", Whitespace), (r"//[^\n]*", Comment.Single), (r"[^\n]", Text)],
        # the start of a node: relation metadata, `evidence` or `question`, a title; then its text
        "node-start": [
            (r"[ \t]+", Whitespace),
            (r"\{", Punctuation, "meta"),
            (r"//[^\n]*", Comment.Single),
            (rf"({_HEAD_KEYWORD})([ \t]*)(:)", bygroups(Keyword, Whitespace, Punctuation), ("#pop", "node-text")),
            (rf"{_HEAD_KEYWORD}(?=[ \t]*\[)", Keyword),
            (
                rf"({_TITLE})([ \t]*)(:?)",
                bygroups(Name.Class, Whitespace, Punctuation),
                ("#pop", "node-text"),
            ),
            (
                rf"({_ARG_TITLE})([ \t]*)(:?)",
                bygroups(Name.Function, Whitespace, Punctuation),
                ("#pop", "node-text"),
            ),
            default(("#pop", "node-text")),
        ],
        "node-text": [
            (r"@[^\W\d][\w-]*", Name.Decorator),
            (r"\^[^\W\d][\w-]*", Name.Label),
            (r"#\((?:[^)\\\n]|\\.)+\)|#[\w-]+", Name.Tag),
            *_trailer(Text),
        ],
        "meta": [
            (r"\}", Punctuation, "#pop"),
            (r"[ \t]+", Whitespace),
            (r"[,:\[\]]", Punctuation),
            (rf"{_IDENT}(?=[ \t]*:)", Name.Attribute),
            (_STRING, String.Double),
            (r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?=[ \t]*[,}\]])", Number),
            (r"(?:true|false)(?=[ \t]*[,}\]])", Keyword.Constant),
            (r'(?:[^\s,{}\[\]"\\]|\\.)(?:[^,{}\[\]"\\\n]|\\.)*', String),
            (r"[^\n]", Text),
        ],
    }


def positioned_tokens(text: str) -> Iterator[tuple[int, int, Any, str]]:
    """(line, column, token type, value) of every token of `text`; 1-based, like `Span`."""
    line, line_start = 1, 0
    for index, token, value in ArgmapLexer().get_tokens_unprocessed(text):
        yield line, index - line_start + 1, token, value
        newlines = value.count("\n")
        if newlines:
            line += newlines
            line_start = index + value.rindex("\n") + 1

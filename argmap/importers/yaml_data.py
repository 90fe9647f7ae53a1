"""The YAML that Argdown documents hold: `{…}` data blocks and the `===` front matter.

Argdown reads these with a full YAML parser; argmap reads the part that people write (and
that `argmap export --to argdown` writes): flow mappings and lists (`{a: 1, b: [x, "y"]}`,
JSON included), and block mappings of `key: value` lines with nested mappings and `- item`
lists; a plain scalar may go on over deeper-indented lines (folded with spaces). Anything else raises `YamlError` with the offset where reading stopped.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import ArgmapError

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")
_PLAIN_END = re.compile(r"[,\]}\n]|:\s|#\s")
# a flow mapping of plain keys and plain scalars only: `{weight: 0.5, round: 2}`
_SIMPLE_MAPPING = re.compile(r"\{((?:[ \t]*[A-Za-z_][\w-]*[ \t]*:[ \t]+[^,:{}\[\]\"'#\n]*,?)*)[ \t]*\}")


class YamlError(ArgmapError):
    """Data that is not the YAML subset argmap reads; `offset` is where it stopped."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def scalar(text: str) -> Any:
    """A plain (unquoted) YAML scalar: number, true/false, null/~, else the string."""
    text = text.strip()
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("null", "~", ""):
        return None
    if _NUMBER.match(text):
        return int(text) if re.fullmatch(r"[-+]?\d+", text) else float(text)
    return text


class _Flow:
    """Recursive descent over a flow value."""

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def value(self) -> Any:
        self.skip()
        char = self.text[self.pos : self.pos + 1]
        if char == "{":
            return self.sequence("{", "}", mapping=True)
        if char == "[":
            return self.sequence("[", "]", mapping=False)
        if char == '"':
            return self.quoted_double()
        if char == "'":
            end = self.pos + 1
            while True:
                end = self.text.find("'", end)
                if end < 0:
                    raise YamlError("a quoted string is not closed", self.pos)
                if self.text[end + 1 : end + 2] != "'":
                    break
                end += 2
            value = self.text[self.pos + 1 : end].replace("''", "'")
            self.pos = end + 1
            return value
        match = _PLAIN_END.search(self.text, self.pos)
        end = match.start() if match else len(self.text)
        value = scalar(self.text[self.pos : end])
        self.pos = end
        return value

    def quoted_double(self) -> str:
        match = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL).match(self.text, self.pos)
        if match is None:
            raise YamlError("a quoted string is not closed", self.pos)
        self.pos = match.end()
        try:
            return json.loads(match.group().replace("\n", " "))
        except json.JSONDecodeError:
            return match.group()[1:-1]

    def sequence(self, open_: str, close: str, mapping: bool) -> Any:
        start = self.pos
        self.pos += 1
        result: Any = {} if mapping else []
        while True:
            self.skip()
            if self.text.startswith(close, self.pos):
                self.pos += 1
                return result
            if self.pos >= len(self.text):
                raise YamlError(f"'{open_}' is not closed", start)
            if mapping:
                key = self.value()
                self.skip()
                if not self.text.startswith(":", self.pos):
                    raise YamlError("expected ':' after a key", self.pos)
                self.pos += 1
                result[str(key)] = self.value()
            else:
                result.append(self.value())
            self.skip()
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif not self.text.startswith(close, self.pos):
                raise YamlError(f"expected ',' or '{close}'", self.pos)


def parse_flow(text: str) -> Any:
    """One flow value (`{…}`, `[…]`, a string or a scalar) that makes up all of `text`."""
    simple = _SIMPLE_MAPPING.fullmatch(text)
    if simple is not None:  # the common case, `{key: value, …}` with plain scalars
        pairs = (item.partition(":") for item in simple.group(1).split(","))
        return {key.strip(): scalar(value) for key, _, value in pairs if key.strip()}
    reader = _Flow(text)
    value = reader.value()
    reader.skip()
    if reader.pos != len(text):
        raise YamlError("unexpected text after the value", reader.pos)
    return value


def parse_block(text: str, base: int = 0) -> dict[str, Any]:
    """Block YAML: `key: value` lines, nested by indentation, `- item` lists, flow values."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*", text)]
    items = [(off, ln) for off, ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    value, rest = _block(items, 0, base)
    if rest < len(items):
        raise YamlError("inconsistent indentation", base + items[rest][0])
    return value if isinstance(value, dict) else {}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _block(items: list[tuple[int, str]], i: int, base: int) -> tuple[Any, int]:
    if i >= len(items):
        return None, i
    column = _indent(items[i][1])
    if items[i][1].lstrip().startswith("- "):
        result_list = []
        while i < len(items) and _indent(items[i][1]) == column and items[i][1].lstrip().startswith("- "):
            offset, line = items[i]
            result_list.append(_inline(line.lstrip()[2:], base + offset))
            i += 1
        return result_list, i
    result: dict[str, Any] = {}
    while i < len(items) and _indent(items[i][1]) == column:
        offset, line = items[i]
        key, sep, rest = line.strip().partition(":")
        if not sep:
            raise YamlError(f"expected 'key: value', found {line.strip()!r}", base + offset)
        i += 1
        if rest.strip():
            if rest.strip()[:1] not in "{[\"'":  # a plain scalar folds its deeper lines in
                while i < len(items) and _indent(items[i][1]) > column:
                    rest += " " + items[i][1].strip()
                    i += 1
            result[key.strip().strip("\"'")] = _inline(rest, base + offset + line.index(":") + 1)
        elif i < len(items) and _indent(items[i][1]) > column:
            result[key.strip().strip("\"'")], i = _block(items, i, base)
        else:
            result[key.strip().strip("\"'")] = None
    return result, i


def _inline(text: str, offset: int) -> Any:
    text = text.strip()
    if text[:1] in "{[\"'":
        try:
            return parse_flow(text)
        except YamlError as exc:
            raise YamlError(str(exc), offset + exc.offset) from None
    return scalar(text)

"""Streamed listings of an abstract framework's extensions (`argmap analyze FILE.i23|.apx`).

Each extension is written the moment the solver reports it and then dropped, so memory stays
that of one extension however many are listed. Text and JSON take the same path: every
argument's printed form is made once (a JSON string, or the name with control characters
taken out), and an extension is one `join` over those, one write.

Text::

    af.i23: 3 arguments, 3 attacks; stable extensions:
      1. {1, 3}
    1 stable extension

JSON is the document of docs/analysis.md, each extension on one line.
"""

from __future__ import annotations

import json
from json.encoder import (
    encode_basestring,  # the C encoder of a str, as ensure_ascii=False
)
from typing import Any, Callable, TextIO

from ..language.report import plural
from ..printable import visible
from .acceptance import sorted_extensions
from .dung import EnumerationTimeout
from .framework import Framework


def _field(key: str, value: object) -> str:
    """One member of the top-level object, at the indentation of `json.dumps(indent=2)`."""
    text = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    return f"  {json.dumps(key)}: {text}"


def list_extensions(out: TextIO, path: str, semantics: str, af: Framework, *, limit: int,
                    timeout: float | None = None, as_json: bool = False,
                    labels: list[str] | None = None, query: dict[str, object] | None = None,
                    on_extension: Callable[[int], None] | None = None
                    ) -> tuple[int, str | None]:
    """Write the first `limit` extensions of `semantics` as they are found (text or JSON).

    Returns how many were written and why the listing stopped: None (all there), "limit"
    (there are more) or "timeout". JSON ends with `labels` (grounded) and `query` when given.
    """
    if as_json:
        printed = [encode_basestring(n) for n in af.names]
        head: dict[str, Any] = {"file": path, "semantics": semantics, "arguments": af.size,
                                "attacks": len(af.sources)}
        out.write("{\n" + "".join(_field(k, v) + ",\n" for k, v in head.items())
                  + '  "extensions": [')
        first, between, line = "\n    [", ",\n    [", "]"
    else:
        printed = [visible(n, newlines=False) for n in af.names]  # a name is data: never a terminal sequence
        out.write(f"{visible(path, newlines=False)}: {af.size} arguments, {len(af.sources)} attacks; "
                  f"{semantics} extensions:\n")
    count, stopped = 0, None
    name = printed.__getitem__
    try:
        for extension in sorted_extensions(af, semantics, limit=limit + 1, timeout=timeout):
            if count >= limit:
                stopped = "limit"
                break
            count += 1
            if as_json:
                out.write((between if count > 1 else first) + ", ".join(map(name, extension))
                          + line)
            else:
                out.write(f"  {count}. {{" + ", ".join(map(name, extension)) + "}\n")
            if on_extension is not None:
                on_extension(count)
    except EnumerationTimeout:
        stopped = "timeout"
    if not as_json:
        out.write(plural(count, f"{semantics} extension") + "\n")
        return count, stopped
    tail: dict[str, Any] = {"stopped": stopped}
    if labels is not None:
        tail["labels"] = dict(zip(af.names, labels))
    if query:
        tail["query"] = query
    out.write(("\n  ],\n" if count else "],\n") + ",\n".join(_field(k, v) for k, v in tail.items())
              + "\n}\n")
    return count, stopped

"""The fuzz profile (docs/safety.md, "How it is tested"): random edits of the flagship map, fed
to every stage a stranger's map reaches.

Each example deletes, inserts or repeats a little of `maps/lavrov-blinken.argmap` — characters
drawn from the language's own punctuation, line breaks of every kind and control characters —
and then runs `check`, `fmt`, `analyze` and `export --to` every format through the command line
(in this process), reads each export back with its importer, and asks the language server's
pieces for diagnostics, symbols, hover, completion, definition and formatting. A failure is:

- a traceback (any exception out of the command line, or out of a server piece);
- a hang (an example that takes longer than `LIMIT` seconds);
- a character a terminal acts on (C0 but tab and line feed, DEL, C1) in what a command prints;
- a graph change: `fmt` output that reads back to a different graph, an export that reads
  back to a different graph than its format can hold (json: all of it; aif: claims and
  relations; Argdown: what it holds, as its writer reports; an ICCMA framework: the same
  framework when written again).

Marked `fuzz`, so `make test` leaves it out; `make fuzz` runs it (FUZZ_EXAMPLES examples, 200
by default; `.ci/run` runs 200 too). With FUZZ_EXAMPLES=5000 it is a long hunt.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from lsprotocol import types
from strategies import same_graph, shape
from test_interchange_roundtrip import as_kept

import argmap
from argmap import cli
from argmap.errors import FormatRefused
from argmap.export.aif import map_to_aif
from argmap.export.argdown import for_argdown, map_to_argdown
from argmap.export.losses import Losses
from argmap.export.iccma import map_to_af
from argmap.export.json import map_to_json
from argmap.importers.aif import read_aif
from argmap.importers.argdown import read_argdown
from argmap.importers.iccma import read_af
from argmap.importers.json import read_json
from argmap.lsp import completion, formatting, hover, navigation, symbols
from argmap.lsp.diagnostics import document_diagnostics
from argmap.lsp.document import Snapshot

pytestmark = pytest.mark.fuzz

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = (ROOT / "maps" / "lavrov-blinken.argmap").read_text("utf-8")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
#: a failing example is already a few short edits; FUZZ_SHRINK=1 makes them fewer (slowly)
PHASES = tuple(Phase) if os.environ.get("FUZZ_SHRINK") else tuple(p for p in Phase if p is not Phase.shrink)
LIMIT = 60  # seconds for one example: every stage of one edited map
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PIECES = "\n\r\t \u2028\u0085\x1b\x07\x00{}[]<>()#@^%:+-_=>|\"\\,/&*!"
EXPORTS = ("json", "mermaid", "argdown", "aif", "af", "tgf", "i23", "apx", "graphml")


#: one edit: where (a fraction of the text's length), what, and what it inserts
EDIT = st.tuples(st.floats(0, 1), st.sampled_from(["delete", "insert", "repeat-line", "delete-line"]),
                 st.integers(1, 8), st.text(st.sampled_from(PIECES) | st.characters(), min_size=1, max_size=4))


def edited(edits: list[tuple[float, str, int, str]]) -> str:
    """The flagship map with `edits` made to it, one after the other (drawn as data, so that a
    failure is reported as a few short edits and not as the whole map)."""
    text = FLAGSHIP
    for where, kind, length, inserted in edits:
        at = int(where * len(text))
        if kind == "delete":
            text = text[:at] + text[at + length:]
        elif kind == "insert":
            text = text[:at] + inserted + text[at:]
        else:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end + 1
            text = text[:end] + text[start:end] + text[end:] if kind == "repeat-line" else text[:start] + text[end:]
    return text


@contextlib.contextmanager
def time_limit(seconds: int):
    def hung(signum, frame):  # noqa: ANN001
        raise AssertionError(f"an example took longer than {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(*argv: str) -> tuple[int, str]:
    """`argmap ARGV` in this process: its exit code and everything it printed, which must hold
    no character a terminal acts on."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
    printed = out.getvalue() + err.getvalue()
    assert CONTROL.findall(printed) == [], printed[-2000:]
    assert "Traceback" not in printed, printed[-2000:]
    return code, printed


def the_server_answers(text: str) -> None:
    """Every piece of the language server, at a few places of `text`, without an exception."""
    snapshot = Snapshot("file:///fuzz/map.argmap", 1, text, None)
    document_diagnostics(snapshot)
    symbols.document_symbols(snapshot)
    try:
        formatting.format_document(snapshot)
    except FormatRefused:  # the server's answer to a request to format a document with errors
        assert snapshot.parse_errors
    lines = text.split("\n")
    for number in {0, len(lines) // 3, len(lines) // 2, len(lines) - 1}:
        line = lines[number]
        for character in {0, len(line) // 2, len(line)}:
            position = types.Position(number, character)
            hover.hover(snapshot, position)
            navigation.definition(snapshot, position)
            completion.complete(snapshot.map, line, position)


def exports_read_back(m: argmap.Map) -> None:
    """What each lossless-enough export holds reads back the same."""
    assert same_graph(m, read_json(map_to_json(m)))
    assert shape(read_aif(map_to_aif(m)), linked=True) == shape(m, linked=True)
    losses = Losses()
    argdown = map_to_argdown(m, losses)
    nodes, relations = shape(read_argdown(argdown))
    kept_nodes, kept_relations = shape(for_argdown(as_kept(m, losses)))
    repeats = sum(loss.code == "repeated-relation" for loss in losses)  # read back once, as reported
    assert (nodes, set(relations)) == (kept_nodes, set(kept_relations))
    assert len(relations) == len(kept_relations) - repeats
    def attacks(af: str) -> list[str]:  # the framework: its size and attacks, not the names in comments
        return [line for line in af.splitlines() if not line.startswith("#")]

    framework = map_to_af(m)
    assert attacks(map_to_af(read_af(framework, "f.af"))) == attacks(framework)


@settings(max_examples=EXAMPLES, deadline=None, phases=PHASES,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(edits=st.lists(EDIT, min_size=1, max_size=3))
def test_an_edited_flagship_map_never_breaks_a_stage(tmp_path_factory: pytest.TempPathFactory,
                                                      edits: list[tuple[float, str, int, str]]) -> None:
    text = edited(edits)
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "map.argmap"
    path.write_text(text, "utf-8", newline="")
    with time_limit(LIMIT):
        code, _ = run("check", str(path))
        assert code in (0, 1)
        the_server_answers(text)
        m = argmap.parse(text, str(path))
        event("syntax error" if any(d.is_error for d in m.diagnostics) else "read: every stage runs")
        if any(d.is_error for d in m.diagnostics):  # a syntax error: fmt leaves the file as it is
            assert run("fmt", str(path))[0] == 1
            assert path.read_text("utf-8") == text
            return
        assert run("fmt", str(path))[0] == 0
        formatted = path.read_text("utf-8")
        assert same_graph(m, argmap.parse(formatted, str(path)))
        assert run("fmt", "--check", str(path))[0] == 0  # idempotent
        assert run("analyze", str(path), "--semantics", "grounded")[0] in (0, 1, 2)
        for to in EXPORTS:
            code, printed = run("export", str(path), "--to", to, "-o", str(folder / f"out.{to}"))
            assert code in (0, 2), printed
        exports_read_back(m)

"""Python's cycle collector in argmap: the one place that says when it runs.

Nothing argmap builds (spans, nodes, relations, a whole map) forms a reference cycle that
needs the collector; what the collector costs is walking those objects again and again. The
policy, in three parts:

1. The command line (`command_collector`, called by argmap/cli.py's `main`): a short-lived
   command (`check`, `fmt`, `analyze`, `render`, `export`, `import`, `doctor`) builds one model
   and exits, so it runs with the collector off: collecting would only rescan the model, at up
   to a fifth of the run time on large maps. The commands that keep running (`LONG_RUNNING`:
   an app, a server, a watcher) keep it on, since they free and rebuild models for hours.

2. Reading and checking (`gc_paused`, used by argmap/language/read/parse.py and
   argmap/language/check.py, so also by library callers and the long-running commands): the
   collector is off while a map is read or checked, and what was made goes straight to the
   oldest generation, as explained below. DF-QuAD (argmap/analyze/gradual.py) runs paused
   too: it makes a few lists per item, and the collections they trigger walked the caller's
   whole map (most of its time on a 100,000-node map in the browser or a library call).

3. A long-running command's immutable model (`freeze`, used by argmap/commands/browse.py):
   once built, it is moved out of the collector's sight for good (`gc.freeze()`).

Places that still call `gc` directly, owned elsewhere: argmap/tui/app.py (`gc.freeze()` after
a map or its lookups are built, as `freeze` here), argmap/tui/collector.py (the browser's full
collections moved to idle moments) and argmap/importers/argdown.py (the collector off while
an Argdown file is read, as `gc_paused` without the move to the oldest generation).

Why `gc_paused` moves objects: reading a map allocates hundreds of thousands of objects and
frees almost none, so every collection the allocations trigger walks the whole growing model
for nothing: on a 50,000-node map that was a third of the time of `check` and more of `parse`.
When the block ends, what it made is alive (it is the model): the collector would still walk
all of it in a young collection right away, again in a middle one, and then in a full one. So
the objects go straight to the oldest generation (`gc.freeze()` then `gc.unfreeze()`, which
moves every tracked object there without walking any), and only full collections see them.
That also moves the caller's few young objects (fewer than the young generation's threshold);
it is skipped if the program froze objects itself (`gc.get_freeze_count()`), whose frozen
objects must stay where they are.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from collections.abc import Iterator

#: sub-commands that keep running (an app, a server, a watcher): they keep the collector on
LONG_RUNNING = frozenset({"browse", "lsp", "watch"})


def collects(command: str) -> bool:
    """Whether the sub-command `command` runs with the cycle collector on."""
    return command in LONG_RUNNING


@contextmanager
def command_collector(command: str) -> Iterator[None]:
    """The collector as the policy wants it while `command` runs (off for a short-lived one),
    and as it was before once the block ends."""
    enabled = gc.isenabled()
    if not collects(command):
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cycle collector off inside the block (and back on after, if it was on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()  # every tracked object to the permanent generation, young counts reset,
                gc.unfreeze()  # and back into the oldest generation: no young collection walks them
            gc.enable()


def freeze() -> None:
    """Keep every object alive now out of all later collections (`gc.freeze()`): for a
    long-running command once its model, which is immutable, is built."""
    gc.freeze()

"""Live reload: which files a map is read from, whether they changed, and waiting for changes.

The app is told of changes by the operating system through `watchfiles` (the same watcher as
`argmap watch`), within about 50 ms and without reading anything while nothing
changes; without `watchfiles` (or when the system refuses a watch) it looks at the files'
modification times every half second instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from ..model import Map

#: what the app remembers of each file to tell that it changed: (mtime, size, inode), None if
#: the file is missing
FileState = tuple[int, int, int] | None

#: how long the watcher waits for more changes before reporting them (ms)
SETTLE_MS = 50


def files_of(map_: Map, path: str | None) -> tuple[str, ...]:
    """The map's own file and every file it includes."""
    return tuple(dict.fromkeys(p for p in (path, *map_.included) if p))


def state_of(paths: Iterable[str]) -> tuple[FileState, ...]:
    """The modification time, size and inode of each file (None where it is missing)."""
    found: list[FileState] = []
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            found.append(None)
        else:
            found.append((stat.st_mtime_ns, stat.st_size, stat.st_ino))
    return tuple(found)


def file_lines(path: str) -> list[str]:
    """The lines of a file as text, split as the reader splits them (at line breaks only, not
    at the other characters str.splitlines takes); empty when it cannot be read (a FIFO or a
    device is not waited on: argmap.files.read_bytes)."""
    from ..errors import UsageError
    from ..files import read_bytes

    try:
        data = read_bytes(path)
    except UsageError:
        return []
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _key(path: str) -> str:
    return os.path.realpath(path)


def watch_files(paths: Iterable[str], on_change: Callable[[], None],
                stopped: Callable[[], bool]) -> None:
    """Call `on_change` each time one of `paths` is written, created or removed, until
    `stopped()` is true (checked every `SETTLE_MS`). Their folders are watched, not the
    files: an editor that saves by writing a new file and renaming it is seen too.

    Raises ImportError without `watchfiles`, OSError when the system refuses the watch.
    """
    from watchfiles import watch

    class Stop:
        def is_set(self) -> bool:
            return stopped()

    wanted = {_key(path) for path in paths}
    folders = sorted({os.path.dirname(path) for path in wanted})
    for _ in watch(*folders, watch_filter=lambda _change, path: _key(path) in wanted,
                   recursive=False, step=SETTLE_MS, stop_event=Stop(), rust_timeout=0):
        on_change()

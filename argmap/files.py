"""Reading map files and writing outputs safely (atomic replace, never a half-written file)."""

from __future__ import annotations

import codecs
import os
import stat

from .errors import Diagnostic, Span, UsageError

TYPE_CHECKING = False  # not typing's: reading a map does not import typing
if TYPE_CHECKING:
    from pathlib import Path


def decode(data: bytes, path: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Bytes to text: UTF-8 with an optional BOM. Invalid bytes become U+FFFD plus a diagnostic."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        diagnostic = Diagnostic(
            code="invalid-utf8",
            message=f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            span=Span(path, line, column, line, column + 1),
            hint="save the file as UTF-8; the bad bytes were read as \N{REPLACEMENT CHARACTER}",
        )
        return data.decode("utf-8-sig", errors="replace"), [diagnostic]


def read_text(path: str | os.PathLike[str]) -> tuple[str, list[Diagnostic]]:
    """Read a map file; '-' reads standard input. Raises UsageError when it cannot be read."""
    name = os.fspath(path)
    return decode(read_bytes(name), None if name == "-" else name)


#: the most argmap reads of one file (or standard input): a map larger than this is refused
MAX_BYTES = 256 * 1024 * 1024


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _too_big(name: str) -> UsageError:
    return UsageError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB, the most argmap reads of one file")


def _not_a_map_file(name: str, mode: int) -> UsageError:
    kind = kind_of(mode)
    return UsageError(f"{name}: is {kind}, not a map file" if kind.startswith("a ") else f"{name}: {kind}, not a map file")


def require_map_file(path: str | os.PathLike[str]) -> None:
    """Raise the UsageError `read_bytes` would for a path that is missing or not a regular file,
    without opening it (a FIFO is not waited on)."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{name}: is a directory, not a map file")
    if not stat.S_ISREG(info.st_mode):
        raise _not_a_map_file(name, info.st_mode)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes; '-' reads standard input. Raises UsageError when it cannot be read.

    Only a regular file is read (a directory, FIFO, device or socket is refused without
    waiting on it: the file is opened non-blocking and checked before a byte is read), and at
    most MAX_BYTES of it; standard input is read up to MAX_BYTES too."""
    import sys

    name = os.fspath(path)
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise _too_big("standard input")
        return data
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: is a directory, not a map file") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_map_file(name, info.st_mode)
        if info.st_size > MAX_BYTES:
            raise _too_big(name)
        os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_BYTES:  # it grew while being read
            raise _too_big(name)
        return b"".join(chunks)
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def in_file_style(formatted: str, original: bytes) -> bytes:
    """`formatted` (LF line breaks, no BOM) encoded as the file `original` was written: with
    its byte order mark, and with CRLF line breaks if its first line ended so (as Black and
    Ruff keep a file's line ends)."""
    first = original.find(b"\n")
    if first > 0 and original[first - 1:first] == b"\r":
        formatted = formatted.replace("\n", "\r\n")
    data = formatted.encode("utf-8")
    return codecs.BOM_UTF8 + data if original.startswith(codecs.BOM_UTF8) else data


#: the ending of argmap's temporary files: `.NAME.PID.RANDOM.argmap-tmp` next to NAME
TEMP_SUFFIX = ".argmap-tmp"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def remove_stale_temporaries(target: Path) -> None:
    """Remove the temporary files of earlier writes of `target` whose writer is gone (killed
    before it could rename or remove its file): `.NAME.PID.*.argmap-tmp` of a PID that no
    longer runs. A writer still running keeps its file."""
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, fsynced, then
    renamed over it (and the folder fsynced).

    A reader — or a later run after this one was killed at any moment — sees the complete
    old file or the complete new one, never a part. A symbolic link is written through (its
    target is replaced, the link stays a link); an existing file keeps its permissions, a new
    one gets 0666 less the umask. Temporaries are named `.NAME.PID.RANDOM.argmap-tmp`: one
    left by a killed writer is removed by the next write of NAME. Any failure (a read-only
    folder, a directory in the way, a full disk or a file size limit) is a UsageError and
    leaves neither a temporary file nor a changed target.
    """
    import tempfile  # here, with pathlib: reading a map (every `argmap check`) needs neither
    from pathlib import Path

    payload = data.encode("utf-8") if isinstance(data, str) else data
    shown = os.fspath(path)
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise UsageError(f"{shown}: is a directory; name a file to write")
    remove_stale_temporaries(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=directory)
    except OSError as exc:
        raise UsageError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"{shown}: cannot write: {exc.strerror or exc}; the file is unchanged") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # the rename itself survives a crash once the folder is on disk
        folder = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)

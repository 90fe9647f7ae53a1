"""Reading map files and writing outputs safely (atomic replace, never a half-written file)."""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from pathlib import Path

from .errors import Diagnostic, Span, UsageError


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
            kind = kind_of(info.st_mode)
            raise UsageError(f"{name}: is {kind}, not a map file" if kind.startswith("a ")
                             else f"{name}: {kind}, not a map file")
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


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    A reader sees the old file or the new one, never a part; on failure nothing is left behind.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""The language server's state: open documents, their snapshots, the debounced re-parse.

Each open document is re-parsed and checked in one worker thread, `debounce` seconds after
the last change; the result (a `Snapshot`) is published as diagnostics and answers every
request. A request that needs positions waits for the snapshot of the current text;
completion does not wait: it reads the line being typed from the current text and the names
from the last snapshot, so it stays quick while a large file is being parsed again.
The requests themselves are wired in argmap/lsp/features.py.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import Callable

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from .. import __version__
from . import diagnostics, provisional
from .document import Snapshot
from .positions import LineIndex

DEBOUNCE = 0.1  # seconds of quiet after a change before the document is parsed again

log = logging.getLogger(__name__)


@dataclass
class OpenDocument:
    """What the server keeps for one open document."""

    snapshot: Snapshot | None = None
    timer: asyncio.TimerHandle | None = None
    task: asyncio.Future | None = None
    dirty: bool = False  # changed while a parse was running
    failed: int | None = None  # the version whose parse raised (a bug): not tried again
    lines: LineIndex | None = None  # the current text's lines (for completion)
    lines_version: int | None = None


class Worker:
    """One daemon thread running slow work (parse, check, analysis) in order.

    A daemon, unlike a ThreadPoolExecutor's threads, so that `exit` is not held up by a
    parse of a large file that nobody waits for any more.
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._run, name="argmap-parse", daemon=True).start()

    def submit(self, work: Callable[[], object]) -> asyncio.Future:
        """Queue `work`; the returned future (of the running loop) gets its result."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._jobs.put((loop, future, work))
        return future

    def _run(self) -> None:
        while True:
            loop, future, work = self._jobs.get()
            try:
                result, error = work(), None
            except Exception as exc:  # noqa: BLE001 - handed to whoever awaits the future
                result, error = None, exc
            loop.call_soon_threadsafe(_settle, future, result, error)


def _settle(future: asyncio.Future, result: object, error: Exception | None) -> None:
    if future.done():  # cancelled meanwhile
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class _Dropped:
    """A message that could not be read: `handle_message` ignores it (not JSON-RPC 2.0)."""

    jsonrpc = None


class ArgmapProtocol(LanguageServerProtocol):
    """pygls, but a request whose parameters cannot be read gets an error reply (InvalidParams)
    instead of none: pygls drops it and the client would wait for ever (tests/test_hostile_lsp.py)."""

    def structure_message(self, data):  # noqa: ANN001, ANN201 - pygls's signature
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], error=exc.to_response_error())
            return _Dropped()


class ArgmapServer(LanguageServer):
    """The argmap language server: documents, snapshots and the debounced re-parse."""

    def __init__(self, debounce: float = DEBOUNCE) -> None:
        super().__init__("argmap", __version__, protocol_cls=ArgmapProtocol)
        self.debounce = debounce
        self.documents: dict[str, OpenDocument] = {}
        self._worker = Worker()

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client."""
        return self.workspace.position_encoding or types.PositionEncodingKind.Utf16

    # --- keeping snapshots fresh ------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the quiet-time timer of a document."""
        state = self.documents.setdefault(uri, OpenDocument())
        if state.timer is not None:
            state.timer.cancel()
        state.timer = asyncio.get_running_loop().call_later(delay, self._start, uri)

    def _start(self, uri: str) -> None:
        state = self.documents.get(uri)
        if state is None:
            return
        if state.timer is not None:
            state.timer.cancel()
            state.timer = None
        self.publish(uri)  # provisional findings while the parse runs
        if state.task is not None:
            state.dirty = True
            return
        document = self.workspace.get_text_document(uri)
        state.task = asyncio.ensure_future(self._build(uri, document.source, document.version))

    async def _build(self, uri: str, text: str, version: int | None) -> None:
        state = self.documents.get(uri)
        if state is None:
            return
        path = to_fs_path(uri) if uri.startswith("file:") else None
        encoding = self.encoding
        try:
            started = time.perf_counter()
            snapshot = await self.in_worker(lambda: Snapshot(uri, version, text, path, encoding))
            log.info("%s version %s: parsed and checked in %.0f ms", uri, version,
                     (time.perf_counter() - started) * 1000)
        except Exception as exc:  # noqa: BLE001 - a bug must not take the editor session down
            log.exception("parsing %s failed", uri)
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"argmap: {exc!r}"))
            state.failed = version
            return
        finally:
            state.task = None
        if self.documents.get(uri) is not state:
            return  # closed meanwhile
        state.snapshot = snapshot
        self.publish(uri)
        if state.dirty:
            state.dirty = False
            if self.workspace.get_text_document(uri).version != version:
                self._start(uri)

    def publish(self, uri: str) -> None:
        """Publish the best diagnostics there are for the current text: the snapshot's when it
        is of the current version, else provisional ones (large files), else nothing new."""
        state = self.documents.get(uri)
        if state is None or state.snapshot is None:
            return
        snapshot, version = state.snapshot, self.workspace.get_text_document(uri).version
        if snapshot.version == version:
            found = diagnostics.document_diagnostics(snapshot)
        else:
            lines = self.current_lines(uri)
            quick = provisional.provisional_diagnostics(snapshot, lines.lines)
            if quick is None:
                return
            found = [diagnostics.to_lsp(d, lines) for d in quick]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, version=version,
                                                                              diagnostics=found))

    async def fresh(self, uri: str) -> Snapshot | None:
        """The snapshot of the document's current text (parsing it now if needed)."""
        state = self.documents.get(uri)
        if state is None:
            return None
        for _ in range(20):  # bounded: a document edited without pause still gets an answer
            current = self.workspace.get_text_document(uri).version
            if state.snapshot is not None and state.snapshot.version == current or state.failed == current:
                break
            if state.task is None:
                self._start(uri)
            if state.task is None:
                break
            await asyncio.shield(state.task)
        return state.snapshot

    async def in_worker(self, work: Callable[[], object]) -> object:
        """Run slow work in the parse thread, keeping the request loop free."""
        return await self._worker.submit(work)

    def current_lines(self, uri: str) -> LineIndex:
        """The lines of the document's current text (cached per version)."""
        state = self.documents.setdefault(uri, OpenDocument())
        document = self.workspace.get_text_document(uri)
        if state.lines is None or state.lines_version != document.version:
            state.lines, state.lines_version = LineIndex(document.source, self.encoding), document.version
        return state.lines

    def close(self, uri: str) -> None:
        """Forget a document and clear its diagnostics."""
        state = self.documents.pop(uri, None)
        if state is not None and state.timer is not None:
            state.timer.cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

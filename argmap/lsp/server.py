"""`argmap lsp`: the language server (pygls, stdio).

Each open document is re-parsed and checked in one worker thread, `debounce` seconds after
the last change; the result (a `Snapshot`) is published as diagnostics and answers every
request. A request that needs positions waits for the snapshot of the current text;
completion does not wait: it reads the line being typed from the current text and the names
from the last snapshot, so it stays quick while a large file is being parsed again.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from . import actions, completion, diagnostics, formatting, hover, navigation, provisional, rename, symbols
from .document import Snapshot
from .positions import LineIndex, line_of

DEBOUNCE = 0.1  # seconds of quiet after a change before the document is parsed again
REQUEST_FAILED = -32803  # LSP ErrorCodes.RequestFailed
TRIGGER_CHARACTERS = ["[", "<", "@", "^", "#"]

log = logging.getLogger(__name__)


@dataclass
class _Open:
    """What the server keeps for one open document."""

    snapshot: Snapshot | None = None
    timer: asyncio.TimerHandle | None = None
    task: asyncio.Future | None = None
    dirty: bool = False  # changed while a parse was running
    failed: int | None = None  # the version whose parse raised (a bug): not tried again
    lines: LineIndex | None = None  # the current text's lines (for completion)
    lines_version: int | None = None


class ArgmapServer(LanguageServer):
    """The argmap language server: documents, snapshots and the debounced re-parse."""

    def __init__(self, debounce: float = DEBOUNCE) -> None:
        super().__init__("argmap", __version__)
        self.debounce = debounce
        self.documents: dict[str, _Open] = {}
        self._parser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="argmap-parse")

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client."""
        return self.workspace.position_encoding or types.PositionEncodingKind.Utf16

    # --- keeping snapshots fresh ------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the quiet-time timer of a document."""
        state = self.documents.setdefault(uri, _Open())
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
            snapshot = await self.in_worker(lambda: Snapshot(uri, version, text, path, encoding))
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
        return await asyncio.get_running_loop().run_in_executor(self._parser, work)

    def current_lines(self, uri: str) -> LineIndex:
        """The lines of the document's current text (cached per version)."""
        state = self.documents.setdefault(uri, _Open())
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


def create_server(debounce: float = DEBOUNCE) -> ArgmapServer:
    """A server with every feature registered."""
    server = ArgmapServer(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.documents[params.text_document.uri] = _Open()
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)  # included files may have changed on disk

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def document_symbol(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list | None:
        snapshot = await ls.fresh(params.text_document.uri)
        return symbols.document_symbols(snapshot) if snapshot else None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def definition(ls: ArgmapServer, params: types.DefinitionParams) -> list | None:
        snapshot = await ls.fresh(params.text_document.uri)
        return navigation.definition(snapshot, params.position) if snapshot else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    async def references(ls: ArgmapServer, params: types.ReferenceParams) -> list | None:
        snapshot = await ls.fresh(params.text_document.uri)
        if snapshot is None:
            return None
        return navigation.references(snapshot, params.position, params.context.include_declaration)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        snapshot = await ls.fresh(params.text_document.uri)
        if snapshot is None:
            return None
        await ls.in_worker(lambda: snapshot.analysis)  # analysis can take a while: not on the loop
        return hover.hover(snapshot, params.position)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGER_CHARACTERS))
    async def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
        uri = params.text_document.uri
        state = ls.documents.get(uri)
        snapshot = state.snapshot if state is not None and state.snapshot is not None else await ls.fresh(uri)
        if snapshot is None:
            return None
        line = line_of(ls.workspace.get_text_document(uri).source, params.position.line)
        return completion.complete(snapshot.map, line, params.position, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    async def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> object:
        snapshot = await ls.fresh(params.text_document.uri)
        return rename.prepare(snapshot, params.position) if snapshot else None

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    async def on_rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        snapshot = await ls.fresh(params.text_document.uri)
        if snapshot is None:
            return None
        try:
            return rename.rename(snapshot, params.position, params.new_name)
        except rename.RenameRefused as exc:
            raise JsonRpcException(str(exc), REQUEST_FAILED) from None

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    async def on_format(ls: ArgmapServer, params: types.DocumentFormattingParams) -> list | None:
        snapshot = await ls.fresh(params.text_document.uri)
        if snapshot is None:
            return None
        try:
            return formatting.format_document(snapshot)
        except formatting.FormatRefused as exc:
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, f"argmap: {exc}"))
            return None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(ls: ArgmapServer, params: types.CodeActionParams) -> list | None:
        snapshot = await ls.fresh(params.text_document.uri)
        return actions.code_actions(snapshot, params) if snapshot else None

    return server

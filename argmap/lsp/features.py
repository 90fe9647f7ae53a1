"""`argmap lsp`: every LSP request and notification, wired to the module that answers it."""

from __future__ import annotations

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from ..errors import FormatRefused
from . import actions, completion, formatting, hover, navigation, rename, symbols
from .positions import line_of
from .server import DEBOUNCE, ArgmapServer, OpenDocument

REQUEST_FAILED = -32803  # LSP ErrorCodes.RequestFailed
TRIGGER_CHARACTERS = ["[", "<", "@", "^", "#"]


def create_server(debounce: float = DEBOUNCE) -> ArgmapServer:
    """A server with every feature registered."""
    server = ArgmapServer(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.documents[params.text_document.uri] = OpenDocument()
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
        await ls.in_worker(lambda: snapshot.explainer)  # analysis can take a while: not on the loop
        return hover.hover(snapshot, params.position, hover.reads_markdown(ls.client_capabilities))

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
        except FormatRefused as exc:
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

"""The argmap language server (`argmap lsp`): diagnostics, outline, navigation, completion,
hover, rename, formatting and quick fixes for `.argmap` files, over stdio (pygls).

One module per feature; `server.py` wires them to LSP requests. Set-up for editors:
docs/editors.md.
"""

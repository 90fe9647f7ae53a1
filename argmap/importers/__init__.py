"""Importers: one module per foreign format, each `read_<format>(text, path) -> Map`.

An importer builds the graph view of a `Map` (nodes, relations, actors, sources, sections,
metadata) with `document=()`; `argmap.format_map` writes it as canonical .argmap text. What a
format says that argmap cannot hold is reported as a warning `Diagnostic` in `Map.diagnostics`,
with the position in the imported file; a file that cannot be read at all raises
`argmap.errors.ImportFailed` carrying its diagnostics.
"""

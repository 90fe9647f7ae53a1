"""Exporters: one module per format, each with a `map_to_<format>(map) -> str` function.

`argmap.commands.export.EXPORTERS` names them; JSON (`json.py`) carries the whole graph view,
Mermaid, Argdown and AIF what their tools can show.
"""

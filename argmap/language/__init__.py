"""The `.argmap` language, and only it: reading text into a `Map` (`read/`), writing a `Map`
back as canonical text (`write/`), the checks (`check.py`), diagnostics as a person reads them
(`report.py`), the grammar (`grammar.py`), and the syntax highlighter (`highlight.py`).

Nothing here imports from the stages above (analyze, render, export, importers, the front ends).
"""

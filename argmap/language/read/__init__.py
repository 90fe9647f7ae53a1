"""Text → `Map`: `parse.py` drives it; `lines.py` (Lark's tokens → `Line` records) with its fast
path `fastpath.py`; `meta.py` reads `{…}` blocks and front matter; `nesting.py` turns columns into
the outline; `graph.py` collects nodes and relations and resolves names; `includes.py` reads
included files; `syntax_errors.py` explains Lark's parse errors."""

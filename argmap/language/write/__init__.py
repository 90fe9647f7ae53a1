"""`Map` → canonical `.argmap` text: `format.py` writes a document; `layout.py` lays out a
document for a map that has only a graph (an import)."""

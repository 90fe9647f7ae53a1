"""What the web page knows of a map: one JSON document, embedded in the page and read by its
script (`html_assets/view.js`).

Everything is indexed by position, as the drawing is: node `i` is the `i`-th node of the map
(the drawing's `<g data-node="i">`), relation `i` the `i`-th relation, and so on, so the page
never needs an id as a key. The status of each node under each semantics is computed here,
at export time, by argmap's own analysis (`argmap.analyze`), never by the page:

* `grounded`: the grounded label (`in` / `out` / `undec`);
* `preferred`: the sceptical status under preferred semantics (`in`: in every preferred
  extension, `out`: attacked by every one, else `undec`), and `credulous` (true: in at least
  one preferred extension);
* `strength`: the DF-QuAD strength, 0 to 1.

A question is no argument: its status is `question` and it has no strength. A status not
decided within the time limit is `unknown`.

`script_json` writes the document for a `<script type="application/json">`: `<`, `>`, `&`
and the line separators U+2028 / U+2029 are written as `\\u` escapes, so no map text can
close the script element or start markup in it (and a lone surrogate too, which UTF-8 cannot hold).
"""

from __future__ import annotations

import json
import os
import re
import time
from typing import Any

from ..errors import Span
from ..model import Map, MetaValue, Node
from ..sides import Sides

#: the schemes a source's `url` may have to become a link in the page
LINK_SCHEMES = ("http://", "https://", "mailto:")
#: seconds the preferred semantics may take for the whole map before the rest is `unknown`
PREFERRED_SECONDS = 20.0
#: the semantics the page switches between, with the words its switch shows
SEMANTICS_SHOWN = {"none": "Plain", "grounded": "Grounded", "preferred": "Preferred",
                   "strength": "Strength (DF-QuAD)"}

_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})
_SURROGATE = re.compile("[\ud800-\udfff]")


def link_of(url: object) -> str | None:
    """`url` if it is an http(s) or mailto address (the only ones the page links), else None."""
    if not isinstance(url, str):
        return None
    cleaned = url.strip()
    if cleaned.lower().startswith(LINK_SCHEMES) and not any(c.isspace() or ord(c) < 32 for c in cleaned):
        return cleaned
    return None


def shown_value(value: MetaValue) -> str:
    """A metadata value as the page shows it: text as written, anything else as JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _meta(meta: dict[str, MetaValue]) -> list[list[str]]:
    return [[str(key), shown_value(value)] for key, value in meta.items()]


def _place(map_: Map, span: Span) -> str:
    """`file:line`, the file named relative to the map's own folder (no absolute path of the
    machine that exported it ends up in a published page)."""
    if span.line <= 0:
        return ""
    path = span.path or map_.path
    if path is None:
        return f"line {span.line}"
    if map_.path is None or os.path.abspath(path) == os.path.abspath(map_.path):
        shown = os.path.basename(path)
    else:
        shown = os.path.relpath(path, os.path.dirname(os.path.abspath(map_.path)))
    return f"{shown}:{span.line}"


def analysis_of(map_: Map) -> dict[str, dict[str, Any]]:
    """Node id -> {grounded, preferred, credulous, strength} (see the module docstring)."""
    from ..analyze import analyze_map
    from ..analyze.acceptance import credulous
    from ..analyze.dung import EnumerationTimeout

    grounded = analyze_map(map_)
    started = time.monotonic()
    preferred = analyze_map(map_, "preferred", limit=0, timeout=PREFERRED_SECONDS, partial=True)
    framework = preferred.framework
    found: dict[str, dict[str, Any]] = {}
    for node_id in map_.nodes:
        status = preferred.status.get(node_id, "question")
        accepted: bool | None
        if status in ("question", "unknown"):
            accepted = None
        elif status == "in":
            accepted = True
        elif status == "out" or framework is None:
            accepted = False
        else:  # undecided sceptically: is it in some preferred extension?
            left = PREFERRED_SECONDS - (time.monotonic() - started)
            try:
                accepted = credulous(framework.af, "preferred", framework.af.index(node_id), left) if left > 0 else None
            except EnumerationTimeout:
                accepted = None
        strength = grounded.strength.get(node_id)
        found[node_id] = {"grounded": grounded.status.get(node_id, "question"), "preferred": status,
                          "credulous": accepted,
                          "strength": None if strength is None else round(float(strength), 4)}
    return found


def _node(map_: Map, node: Node, sections: dict[str, int], sources: dict[str, int],
          actors: dict[str, int], analysis: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": node.id, "title": node.title, "text": node.text, "kind": node.kind.value,
        "actors": [actors[a] for a in node.actors if a in actors],
        "tags": list(node.tags),
        "sources": [sources[s] for s in node.sources if s in sources],
        "meta": _meta(node.meta),
        "section": sections.get(node.section) if node.section is not None else None,
        "defined": _place(map_, node.span),
        "references": [place for place in (_place(map_, s) for s in node.references) if place],
        **analysis,
    }


def page_data(map_: Map) -> dict[str, Any]:
    """The JSON document the page reads (see the module docstring)."""
    sides = Sides(map_)
    node_index = {node_id: i for i, node_id in enumerate(map_.nodes)}
    relation_index = {rel_id: i for i, rel_id in enumerate(map_.relations)}
    sections = {sid: i for i, sid in enumerate(map_.sections)}
    sources = {sid: i for i, sid in enumerate(map_.sources)}
    actors = {aid: i for i, aid in enumerate(map_.actors)}
    analysis = analysis_of(map_)

    def actor(actor_id: str) -> dict[str, Any]:
        item = map_.actors[actor_id]
        side = sides.of_actor(actor_id)
        return {"id": actor_id, "name": item.name, "side": side.name if side else None,
                "color": side.tone if side else None, "meta": _meta(item.meta)}

    def endpoint(ident: str) -> dict[str, int] | None:
        if ident in node_index:
            return {"node": node_index[ident]}
        if ident in relation_index:
            return {"relation": relation_index[ident]}
        return None

    return {
        "title": map_.title,
        "meta": _meta({k: v for k, v in map_.metadata.items() if k != "title"}),
        "semantics": SEMANTICS_SHOWN,
        "actors": [actor(a) for a in map_.actors],
        "sources": [{"id": s.id, "citation": s.citation, "link": link_of(s.meta.get("url")),
                     "meta": _meta(s.meta)} for s in map_.sources.values()],
        "sections": [{"id": s.id, "title": s.title, "level": s.level,
                      "parent": sections.get(s.parent) if s.parent is not None else None}
                     for s in map_.sections.values()],
        "tags": sorted({tag for node in map_.nodes.values() for tag in node.tags}, key=str.casefold),
        "nodes": [_node(map_, node, sections, sources, actors, analysis[node.id])
                  for node in map_.nodes.values()],
        "relations": [{"id": r.id, "kind": r.kind.value, "source": endpoint(r.source),
                       "target": endpoint(r.target), "group": r.group, "weight": r.weight,
                       "meta": _meta({k: v for k, v in r.meta.items() if k != "weight"})}
                      for r in map_.relations.values()],
    }


def script_json(data: object) -> str:
    """`data` as JSON safe inside `<script type="application/json">` (see the module docstring)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    # a lone surrogate (no UTF-8 for it) stays the same string to JSON.parse, as an escape
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

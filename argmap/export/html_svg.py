"""The drawing of the web page: argmap's own SVG (`argmap.render.render_bytes`), read back and
written again through an allow-list, with the hooks the page's script needs.

Graphviz escapes the map's text in its SVG; this module does not rely on it alone. It parses
the SVG as XML and writes out only the elements and attributes a drawing needs (shapes, text,
groups, their geometry and paint): no `<a>` (what it wraps is kept), `<script>`,
`<foreignObject>`, `<image>`, `<style>`, no `href`, no `on…` or `style` attribute, no value
with a `url(…)` in it, no comment, no DOCTYPE, and every text and attribute value is escaped
again on the way out. Graphviz's `<title>` tooltips go too, and
so do the explicit direction controls (embeddings, overrides, isolates: U+202A-202E,
U+2066-2069) in the drawing's text, which shows it in the order it was written (the side
panel shows them as marks).

The hooks come from the names the renderer gives (argmap/render/dot.py): node `nK` is the
`K`-th node of the map and cluster `cluster_sK` the `K`-th section (both in map order), and
an edge segment's class `relK` names the `K`-th relation. Here they become `data-node`,
`data-section` and `data-relations` (indices from 0, as in `html_data`). A drawing whose node
names do not follow that scheme is refused (a RenderError), never shown with wrong links.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape

from ..errors import RenderError
from ..model import Map

SVG_NS = "{http://www.w3.org/2000/svg}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: the SVG elements a drawing keeps (anything else is dropped with what it holds)
ELEMENTS = frozenset({"svg", "g", "path", "polygon", "polyline", "ellipse", "circle", "rect",
                      "line", "text", "tspan"})
#: the attributes it keeps: geometry and paint, never a link, a script or a style
ATTRIBUTES = frozenset({
    "class", "d", "points", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2",
    "width", "height", "viewBox", "transform", "fill", "fill-opacity", "stroke", "stroke-width",
    "stroke-dasharray", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "opacity",
    "text-anchor", "font-family", "font-size", "font-weight", "font-style", "text-decoration",
    "baseline-shift",
})
#: characters XML 1.0 cannot hold (a map's text never has them; `check` refuses them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: explicit direction controls: the drawing shows its text in the order it was written
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: a paint or other value that would fetch something (`fill="url(https://…)"`)
_URL = re.compile(r"url\s*\(", re.IGNORECASE)
_NODE_NAME = re.compile(r"n([1-9][0-9]*)")
_SECTION_NAME = re.compile(r"cluster_s([1-9][0-9]*)")
_RELATION_CLASS = re.compile(r"rel([1-9][0-9]*)")


def drawing(map_: Map) -> str:
    """The map's drawing as inline SVG markup for the page (see the module docstring)."""
    from ..render import RenderOptions, render_bytes

    # expanded: every node of the data has its box (an inline list would hide some)
    svg = render_bytes(map_, "svg", RenderOptions(pcs="expanded"))
    return clean_svg(svg.decode("utf-8", errors="replace"), len(map_.nodes), len(map_.sections),
                     len(map_.relations))


def clean_svg(text: str, nodes: int, sections: int, relations: int) -> str:
    """SVG text through the allow-list, with `data-*` hooks; raises RenderError if it cannot be
    read or names a node, section or relation the map does not have."""
    try:
        root = ET.fromstring(_NOT_XML.sub("\ufffd", text))
    except ET.ParseError as exc:
        raise RenderError(f"the drawing is no SVG the page can hold: {exc}") from None
    if root.tag != SVG_NS + "svg":
        raise RenderError("the drawing is no SVG the page can hold: its root is not <svg>")
    out: list[str] = []
    _write(root, out, {"node": nodes, "section": sections, "relation": relations})
    return "".join(out)


def _hooks(element: ET.Element, counts: dict[str, int]) -> dict[str, str]:
    """The `data-*` attributes of a node group, a cluster group or an edge group."""
    classes = (element.get("class") or "").split()
    title = element.find(SVG_NS + "title")
    name = (title.text or "").strip() if title is not None else ""
    if "node" in classes and "junction" not in classes:
        match = _NODE_NAME.fullmatch(name)
        if match is None or int(match[1]) > counts["node"]:
            raise RenderError(f"the drawing names a node {name!r} that is not in the map")
        return {"data-node": str(int(match[1]) - 1)}
    if "cluster" in classes:
        match = _SECTION_NAME.fullmatch(name)
        return {"data-section": str(int(match[1]) - 1)} if match and int(match[1]) <= counts["section"] else {}
    if "edge" in classes:
        numbers = [int(m[1]) for c in classes if (m := _RELATION_CLASS.fullmatch(c))]
        if any(n > counts["relation"] for n in numbers):
            raise RenderError("the drawing names a relation that is not in the map")
        return {"data-relations": " ".join(str(n - 1) for n in numbers)} if numbers else {}
    return {}


def _write(element: ET.Element, out: list[str], counts: dict[str, int]) -> None:
    tag = element.tag.removeprefix(SVG_NS)
    if tag == "a":  # a tooltip's link (`--no-text`): what it wraps is kept, the link is not
        for child in element:
            _write(child, out, counts)
        return
    if tag not in ELEMENTS:
        return
    attributes = {key: value for key, value in element.attrib.items()
                  if key in ATTRIBUTES and not _URL.search(value)}
    if XML_SPACE in element.attrib:
        attributes["xml:space"] = "preserve"
    if tag == "g":
        attributes.update(_hooks(element, counts))
    if tag == "svg":
        attributes["xmlns"] = "http://www.w3.org/2000/svg"
    out.append(f"<{tag}")
    for key, value in attributes.items():
        out.append(f' {key}="{escape(value, quote=True)}"')
    out.append(">")
    if element.text and tag in ("text", "tspan"):
        out.append(_text(element.text))
    for child in element:
        _write(child, out, counts)
        if child.tail and tag in ("text", "tspan"):
            out.append(_text(child.tail))
    out.append(f"</{tag}>")


def _text(value: str) -> str:
    return escape(_DIRECTION_CONTROLS.sub("", value), quote=False)

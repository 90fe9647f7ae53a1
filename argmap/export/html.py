"""A map as one self-contained web page (`argmap export MAP --to html`), or with `embed` as a
fragment to paste into a page of one's own.

Both are an `<argmap-map>` element holding the drawing (`html_svg`), the data (`html_data`) and
the view's style, followed by the view's script (`html_assets/view.js`, which defines the
element). Nothing is fetched: the script, the styles and the drawing are all inline, and the
page's Content-Security-Policy allows exactly them — each by its SHA-256 hash, computed here —
and nothing else: no other script (so no inline handler, no `javascript:` URL), no style
attribute, no image, font, frame or connection, and under Trusted Types no string ever
becomes markup. Without JavaScript the page still shows the drawing.

The fragment carries no policy of its own (a `<meta>` policy only counts in a page's head):
its first comment gives the hashes for the host page's policy. The output is the same for the
same map (no nonce, no date), so a page can be kept in version control.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from html import escape
from importlib import resources

from ..model import Map
from .html_data import page_data, script_json
from .html_svg import drawing

ASSETS = "html_assets"


@cache
def asset(name: str) -> str:
    """The text of one of the page's files (`view.js`, `view.css`, `page.css`)."""
    return resources.files(__package__).joinpath(ASSETS, name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The CSP source that allows an inline script or style whose content is `text`."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy() -> str:
    """The page's Content-Security-Policy: its own script and styles by hash, nothing else."""
    return "; ".join((
        "default-src 'none'",
        f"script-src {csp_hash(asset('view.js'))}",
        f"style-src {csp_hash(asset('view.css'))} {csp_hash(asset('page.css'))}",
        "img-src 'none'", "font-src 'none'", "connect-src 'none'", "media-src 'none'",
        "object-src 'none'", "frame-src 'none'", "worker-src 'none'", "manifest-src 'none'",
        "base-uri 'none'", "form-action 'none'",
        "require-trusted-types-for 'script'", "trusted-types 'none'",
    ))


def fragment(map_: Map, *, autofocus: bool = False) -> str:
    """The `<argmap-map>` element and the script that brings it to life."""
    hashes = f"script-src {csp_hash(asset('view.js'))}; style-src {csp_hash(asset('view.css'))}"
    focus = " data-focus" if autofocus else ""
    return (
        "<!-- argmap: an interactive argument map. Paste it where the map should appear; size it with\n"
        "     CSS, e.g. argmap-map { height: 80vh }. A page with a Content-Security-Policy must allow\n"
        f"     {hashes}. -->\n"
        f"<argmap-map{focus}>\n"
        f'<template data-argmap="style"><style>{asset("view.css")}</style></template>\n'
        f'<script type="application/json" data-argmap="data">{script_json(page_data(map_))}</script>\n'
        f'<div data-argmap="drawing">{drawing(map_)}</div>\n'
        "</argmap-map>\n"
        f"<script>{asset('view.js')}</script>\n"
    )


def map_to_html(map_: Map, losses: list | None = None, *, embed: bool = False) -> str:
    """The map as a web page (or, with `embed`, as a fragment for another page). The page
    shows every part of the map, so nothing is appended to `losses`."""
    if embed:
        return fragment(map_)
    title = escape(map_.title or "Argument map", quote=False)
    csp = escape(policy(), quote=False).replace('"', "&quot;")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="argmap">\n'
        f"<title>{title}</title>\n"
        f"<style>{asset('page.css')}</style>\n"
        "</head>\n<body>\n"
        f"{fragment(map_, autofocus=True)}"
        "</body>\n</html>\n"
    )


def map_to_html_fragment(map_: Map, losses: list | None = None) -> str:
    """`map_to_html(map_, embed=True)`: what `argmap export --to html --embed` writes."""
    return map_to_html(map_, losses, embed=True)

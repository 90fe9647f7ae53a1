"""`argmap doctor`: which Graphviz program argmap uses, its version, and whether it works."""

from __future__ import annotations

import argparse
import sys
from importlib import metadata

from ..errors import ArgmapError

DESCRIPTION = """\
Say which Graphviz program 'argmap render' runs and why (--dot-binary, $ARGMAP_DOT, the system
'dot', or the bundled graphviz-pure), its version and formats, then draw a tiny test map.
Exit status 0 when drawing works, 1 when it does not.
"""

PACKAGES = ("argmap", "graphviz", "graphviz-pure", "lark", "watchfiles", "textual")
SMOKE_DOT = 'digraph smoke { a [label=<<B>ok</B>>]; b; a -> b }'


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dot-binary", metavar="PATH", help="check this Graphviz program instead")


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def run(args: argparse.Namespace) -> int:
    from ..render.binary import LAYOUT_FORMATS, find_binary, layout

    out = sys.stdout
    print(f"python:          {sys.version.split()[0]} ({sys.executable})", file=out)
    for name in PACKAGES:
        print(f"{name + ':':<17}{_package_version(name)}", file=out)
    try:
        binary = find_binary(args.dot_binary)
    except ArgmapError as exc:
        print(f"layout program:  NOT FOUND: {exc}", file=out)
        return 1
    formats = [f for f in LAYOUT_FORMATS if binary.supports(f)]
    print(f"layout program:  {binary.path}", file=out)
    print(f"chosen because:  {binary.origin}", file=out)
    try:
        print(f"version:         {binary.version()}", file=out)
        svg = layout(binary, SMOKE_DOT, "svg", timeout=60)
    except ArgmapError as exc:
        print(f"test drawing:    FAILED: {exc}", file=out)
        return 1
    ok = b"<svg" in svg and b">ok<" in svg
    print(f"formats:         {', '.join(formats)}, dot", file=out)
    if "pdf" not in formats:
        print("                 (PDF needs the system Graphviz: apt-get install graphviz / brew install graphviz)", file=out)
    print(f"test drawing:    {'ok' if ok else 'FAILED: the SVG is not what was drawn'}", file=out)
    return 0 if ok else 1

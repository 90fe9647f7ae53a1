"""The editor configurations docs/editors.md shows are the files shipped under editors/.

The Neovim and Emacs ones also run in real editors (tests/test_editor_neovim.py,
tests/test_editor_emacs.py); Helix is not packaged for Debian 12, so its file is only read here.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    """The fenced code blocks of docs/editors.md in `language`."""
    return re.findall(rf"^```{language}\n(.*?)^```", DOCS, re.MULTILINE | re.DOTALL)


def test_the_docs_show_the_shipped_neovim_file() -> None:
    shipped = (ROOT / "editors" / "nvim" / "argmap-0.11.lua").read_text(encoding="utf-8")
    assert shipped in blocks("lua")


def test_the_docs_show_the_shipped_helix_file_and_it_names_a_defined_server() -> None:
    shipped = (ROOT / "editors" / "helix" / "languages.toml").read_text(encoding="utf-8")
    assert shipped in blocks("toml")
    config = tomllib.loads(shipped)
    (language,) = config["language"]
    assert language["file-types"] == ["argmap"]
    for server in language["language-servers"]:
        assert config["language-server"][server] == {"command": "argmap", "args": ["lsp"]}


def test_every_editors_file_the_docs_link_to_exists() -> None:
    links = re.findall(r"\]\(\.\./(editors/[^)]+)\)", DOCS)
    assert len(links) >= 5
    assert [link for link in links if not (ROOT / link).is_file()] == []

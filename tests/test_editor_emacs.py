"""The shipped Emacs mode (editors/emacs/argmap-mode.el) with eglot, in real Emacs, against
`argmap lsp`: Emacs 28 with Debian's elpa-eglot (eglot 1.9) in CI, or a newer Emacs.

The init lines are docs/editors.md's own; the session is tests/editor_session.py's, driven by
tests/editors/emacs_session.el. A batch Emacs runs no idle timers, so the driver runs them
while it waits, as the command loop would when the user pauses.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import editor_session

ROOT = Path(__file__).resolve().parent.parent
MODE = ROOT / "editors" / "emacs" / "argmap-mode.el"
DRIVER = Path(__file__).resolve().parent / "editors" / "emacs_session.el"
EMACS = shutil.which("emacs")

pytestmark = pytest.mark.skipif(EMACS is None,
                                reason="emacs is not installed (CI installs emacs-nox and elpa-eglot)")

# where argmap-mode must put which face (positions in editor_session.MAP)
FACES = {
    "// Who speaks": "font-lock-comment-face",
    "# Red lines": "font-lock-function-name-face",
    "actor lavrov": "font-lock-keyword-face",
    "lavrov: Sergey": "font-lock-variable-name-face",
    "[No NATO troops]:": "font-lock-type-face",
    "@lavrov #red": "font-lock-variable-name-face",
    "#red-line": "font-lock-builtin-face",
    "+ [NATO threat]": "font-lock-keyword-face",
    "Russia will": "nil",
}


def init_lines() -> str:
    """The init file lines of docs/editors.md's Emacs section, with this checkout's path."""
    docs = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    found = re.search(r"^## Emacs.*?^```elisp\n(.*?)^```", docs, re.MULTILINE | re.DOTALL)
    assert found, "docs/editors.md has no elisp block under its Emacs heading"
    return found[1].replace("/path/to/argmap", str(ROOT))


def test_emacs_eglot_session(tmp_path: Path) -> None:
    faces = [editor_session.position(needle) for needle in FACES]
    map_path, result_path, env = editor_session.lay_out(tmp_path, faces=faces)
    # what an interactive Emacs does before reading the init file: activate the installed packages
    init = f"(progn (package-activate-all) {init_lines()})"
    output = editor_session.run([EMACS, "--batch", "--eval", init, "-l", str(DRIVER)], map_path.parent, env)
    if not result_path.exists():
        pytest.fail(f"Emacs wrote no result\n{output}")
    result = json.loads(result_path.read_text(encoding="utf-8"))
    wrong = editor_session.failures(result["steps"], map_path.parent,
                                    faces=lambda got: got == list(FACES.values()))
    attach, hover = (result["steps"].get(step, {}).get("value") for step in ("attach", "hover"))
    if attach and hover and not attach["markdown"] and "**" in "\n".join(hover):
        wrong.append(f"hover: Markdown, but eglot (without markdown-mode) asked for plain text: {hover}")
    if "session" in result["steps"]:
        wrong.insert(0, f"session: {result['steps']['session']['error']}")
    if wrong:
        pytest.fail("\n".join([f"Emacs {result['version']} with {result['eglot']}:", *wrong, output,
                               f"messages: {result.get('messages')}",
                               f"eglot's events (the end):\n{result.get('events')}"]))


def test_the_mode_compiles_without_warnings(tmp_path: Path) -> None:
    copy = tmp_path / MODE.name
    shutil.copy(MODE, copy)
    compile_it = f'(progn (setq byte-compile-error-on-warn t) (kill-emacs (if (byte-compile-file "{copy}") 0 1)))'
    output = editor_session.run([EMACS, "--batch", "--eval", compile_it], tmp_path,
                                editor_session.environment(tmp_path / "home"))
    assert output.startswith("exit 0"), output

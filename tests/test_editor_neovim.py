"""The shipped Neovim configurations (editors/nvim/) in real Neovim, against `argmap lsp`.

Each configuration runs in the Neovim versions it is for: the one on the PATH (Debian 12, and
so CI, has 0.7.2), and any others named in ARGMAP_TEST_NVIM (paths separated by the PATH
separator), for trying a newer release locally. The session is tests/editor_session.py's,
driven by tests/editors/nvim_session.lua.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import editor_session

ROOT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).resolve().parent / "editors" / "nvim_session.lua"

# configuration -> the Neovim versions it is for: [first, end), and in words
CONFIGS = {
    "argmap-0.7.lua": ((0, 7), (0, 10), "0.7 to 0.9"),
    "argmap-0.10.lua": ((0, 10), (0, 11), "0.10"),
    "argmap-0.11.lua": ((0, 11), (99, 0), "0.11 or newer"),
}


def _version(nvim: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.match(r"NVIM v(\d+)\.(\d+)", out)
    return (int(found[1]), int(found[2])) if found else None


def _neovims() -> dict[str, tuple[int, int]]:
    """Every Neovim to test with, and its version."""
    names = [shutil.which("nvim") or ""] + os.environ.get("ARGMAP_TEST_NVIM", "").split(os.pathsep)
    found = {}
    for name in filter(None, names):
        version = _version(name)
        if version is not None:
            found[name] = version
    return found


def _logs(home: Path, result: dict) -> str:
    logs = {result.get("lsp_log")} | set(map(str, home.rglob("lsp.log")))
    return "\n".join(f"--- {log}:\n{editor_session.tail(log)}" for log in sorted(filter(None, logs)))


def run_session(nvim: str, config: Path, folder: Path) -> None:
    """One session in `nvim` with `config`; fails with what went wrong and Neovim's logs."""
    map_path, result_path, env = editor_session.lay_out(folder)
    command = [nvim, "--headless", "-u", str(config), "-i", "NONE", "-n", str(map_path),
               "-c", f"luafile {DRIVER}"]
    output = editor_session.run(command, map_path.parent, env)
    home = Path(env["HOME"])
    if not result_path.exists():
        pytest.fail(f"Neovim wrote no result\n{output}\n{_logs(home, {})}")
    result = json.loads(result_path.read_text(encoding="utf-8"))
    wrong = editor_session.failures(result["steps"], map_path.parent)
    if wrong:
        version = "{major}.{minor}.{patch}".format(**result["version"])
        pytest.fail("\n".join([f"{nvim} {version} with {config.name}:", *wrong, output,
                               f"messages: {result.get('messages')}", _logs(home, result)]))


@pytest.mark.parametrize("config", CONFIGS)
def test_neovim_session(config: str, tmp_path: Path) -> None:
    first, end, versions = CONFIGS[config]
    neovims = [name for name, version in _neovims().items() if first <= version < end]
    if not neovims:
        found = ", ".join(f"{n} {v[0]}.{v[1]}" for n, v in _neovims().items()) or "no nvim"
        pytest.skip(f"{config} is for Neovim {versions}; found {found} (ARGMAP_TEST_NVIM adds others)")
    for index, nvim in enumerate(neovims):
        run_session(nvim, ROOT / "editors" / "nvim" / config, tmp_path / str(index))


def test_every_configuration_is_lua_neovim_can_load() -> None:
    """The configurations for versions CI lacks are at least compiled by the Neovim there."""
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("nvim is not installed (CI installs Debian's neovim)")
    files = sorted((ROOT / "editors" / "nvim").glob("*.lua"))
    assert sorted(f.name for f in files) == sorted(CONFIGS)
    check = "; ".join(f"assert(loadfile({str(f)!r}))" for f in files)
    done = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"lua {check}", "-c", "qa!"],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and not done.stderr, done.stderr

"""Start-up: what `import argmap` and each command import (each run in a fresh interpreter),
and the command table the CLI lists without importing the commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import cli

ROOT = Path(__file__).parent.parent
FLAGSHIP = str(ROOT / "maps" / "lavrov-blinken.argmap")
HEAVY = ("lark", "textual", "graphviz", "clingo", "pygls", "rich", "pygments", "watchfiles")

#: run argmap.cli.main(argv) (its output thrown away), then print the top-level packages loaded
_RUN_MAIN = """
import contextlib, io, json, sys
from argmap.cli import main
with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO())), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps([code, sorted({m.split('.')[0] for m in sys.modules})]))
"""


def loaded_by(*argv: str) -> tuple[int, set[str]]:
    """(exit code, top-level packages imported) of `argmap ARGV...` in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", _RUN_MAIN, *argv], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    code, modules = json.loads(done.stdout)
    return code, set(modules)


def test_import_argmap_imports_nothing_heavy() -> None:
    script = ("import argmap, sys; print(sorted(m for m in sys.modules if m.split('.')[0] in "
              f"{set(HEAVY)!r}))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_import_argmap_defers_even_its_own_modules() -> None:
    script = "import argmap, sys; print(sorted(m for m in sys.modules if m.startswith('argmap')))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "['argmap']", done.stderr


def test_the_public_names_are_lazy_attributes() -> None:
    assert set(argmap.__all__) == set(argmap._WHERE)
    assert set(argmap.__all__) <= set(dir(argmap)) and "__version__" in dir(argmap)
    for name in argmap.__all__:
        value = getattr(argmap, name)
        if name in argmap._CALLED_AS_PACKAGE:  # the subpackage, which calls the function (test_api.py)
            value = value.__wrapped__
        assert value is getattr(sys.modules[argmap._WHERE[name]], name)
    assert argmap.parse("[A]: a\n  + [B]: b\n").relations
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        argmap.nonesuch  # noqa: B018


@pytest.mark.parametrize("argv", [["--version"], ["--help"], []])
def test_version_and_help_import_no_command(argv: list[str]) -> None:
    _, modules = loaded_by(*argv)
    assert not modules & set(HEAVY)
    done = subprocess.run([sys.executable, "-c", _RUN_MAIN.replace(
        "{m.split('.')[0] for m in sys.modules}", "{m for m in sys.modules if m.startswith('argmap')}"), *argv],
        capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert set(json.loads(done.stdout)[1]) == {"argmap", "argmap.cli"}


@pytest.mark.parametrize("argv, not_imported", [
    (["check", FLAGSHIP], {"textual", "graphviz", "clingo", "pygls", "rich", "pygments", "watchfiles"}),
    (["fmt", "--check", FLAGSHIP], {"textual", "graphviz", "clingo", "pygls", "rich", "pygments", "watchfiles"}),
    (["analyze", FLAGSHIP], {"textual", "pygls", "graphviz", "pygments", "watchfiles"}),
    (["explain", FLAGSHIP, "[No NATO troops]"], {"textual", "pygls", "graphviz", "pygments", "watchfiles",
                                                "clingo", "rich"}),
    (["render", FLAGSHIP, "--format", "dot"], {"textual", "pygls", "clingo", "rich", "watchfiles"}),
    (["render", FLAGSHIP, "-o", "{tmp}/map.svg"], {"textual", "pygls", "clingo", "rich", "watchfiles"}),
    (["browse", "--help"], {"pygls", "clingo", "graphviz", "lark"}),
    (["lsp", "--help"], {"textual", "clingo", "graphviz", "lark"}),
])
def test_each_command_imports_only_what_it_needs(argv: list[str], not_imported: set[str],
                                                 tmp_path: Path) -> None:
    code, modules = loaded_by(*(arg.format(tmp=tmp_path) for arg in argv))
    assert code == 0
    assert not modules & not_imported


def test_the_table_is_the_one_place_of_the_commands_and_their_help() -> None:
    import importlib

    for name, (module_name, help_line) in cli.COMMANDS.items():
        module = importlib.import_module(f"argmap.commands.{module_name}")
        assert not hasattr(module, "HELP"), f"{name}: its one-line help lives in cli.COMMANDS"
        assert help_line and "\n" not in help_line
        assert module.DESCRIPTION and callable(module.add_arguments) and callable(module.run)


def test_help_lists_every_command_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    for name, (_, help_line) in cli.COMMANDS.items():
        assert f"{name} {help_line}" in out


def test_a_command_parser_has_only_its_own_options() -> None:
    parser = cli.build_parser("check")
    args = parser.parse_args(["check", "--strict", "x.argmap"])
    assert args.strict and args.files == ["x.argmap"] and callable(args.run)


def test_an_unknown_command_suggests_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["chek", "x.argmap"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'chek'" in err and "did you mean 'check'?" in err
    with pytest.raises(SystemExit):
        cli.main(["zzzzzz"])
    assert "did you mean" not in capsys.readouterr().err


def test_a_broken_command_module_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(cli.COMMANDS, "ghost", ("no_such_module", "a command whose module is missing"))
    with pytest.raises(ModuleNotFoundError):
        cli.main(["ghost"])


def test_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"argmap {argmap.__version__}\n"


_READ_AND_CHECK = """
import json, sys
import argmap
for path in sys.argv[1:]:
    found = argmap.check(argmap.parse_file(path))
before = sorted(m for m in sys.modules if m.split('.')[0] == 'lark')
m = argmap.parse('[A]: a\\n  include "x\\n')  # a line only Lark reads, wrongly written
print(json.dumps([before, [(d.code, d.message, str(d.span)) for d in m.diagnostics],
                  'lark' in sys.modules]))
"""


def test_reading_and_checking_the_example_maps_loads_no_lark() -> None:
    maps = [str(ROOT / "maps" / name) for name in ("lavrov-blinken.argmap", "debate-small.argmap")]
    done = subprocess.run([sys.executable, "-c", _READ_AND_CHECK, *maps], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    before, diagnostics, loaded = json.loads(done.stdout)
    assert before == []
    # a line that needs Lark is still read by it, with its message as before
    assert loaded and diagnostics == [["bad-metadata", "unexpected '\"x' in a metadata block", "<input>:2:11"]]

"""Which Graphviz program draws the DOT, and running it (an argument list, never a shell).

The choice, first match wins: `--dot-binary PATH`, the `ARGMAP_DOT` environment variable, the
system `dot` on PATH, then `graphviz-pure` (the self-contained port installed with argmap, found
next to the running Python or on PATH). `--dot-binary graphviz-pure` names that bundled port
even when a system `dot` is installed. graphviz-pure writes SVG and PNG but not PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError, UsageError

ENV_VAR = "ARGMAP_DOT"
PURE_NAME = "graphviz-pure"
#: formats argmap asks Graphviz for; "dot" output is argmap's own DOT text and needs no binary
LAYOUT_FORMATS = ("svg", "png", "pdf")
PURE_FORMATS = ("svg", "png")
INSTALL_HINT = (
    "PDF needs the system Graphviz: install it (Debian/Ubuntu: 'sudo apt-get install graphviz', "
    "macOS: 'brew install graphviz', Windows: 'winget install graphviz'), or point "
    f"--dot-binary / {ENV_VAR} at its 'dot'; or render SVG/PNG, which work without it"
)


@dataclass(frozen=True)
class DotBinary:
    """A Graphviz program and why it was chosen (`origin`)."""

    path: str
    origin: str

    @property
    def is_pure(self) -> bool:
        return Path(self.path).name.startswith(PURE_NAME)

    def supports(self, fmt: str) -> bool:
        """True if this program can write `fmt` (graphviz-pure has no PDF)."""
        return fmt in (PURE_FORMATS if self.is_pure else LAYOUT_FORMATS)

    def version(self) -> str:
        """The program's own version line (`dot -V` prints it to standard error)."""
        result = _run([self.path, "-V"], b"", timeout=20)
        text = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
        return text.splitlines()[-1] if text else "unknown version"


def _pure_candidates() -> list[Path]:
    """Where pip puts graphviz-pure's command: beside this Python, its scripts, the user's."""
    folders = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    try:
        folders.append(Path(sysconfig.get_path("scripts", f"{os.name}_user")))  # pip install --user
    except KeyError:
        pass
    names = [PURE_NAME, PURE_NAME + ".exe"]
    return [folder / name for folder in folders for name in names]


def _bundled() -> DotBinary | None:
    """graphviz-pure as pip installed it with argmap (beside this Python first), else on PATH."""
    for candidate in _pure_candidates():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return DotBinary(str(candidate), "graphviz-pure (bundled)")
    on_path = shutil.which(PURE_NAME)
    return None if on_path is None else DotBinary(on_path, "graphviz-pure on PATH")


def find_binary(override: str | None = None) -> DotBinary:
    """The program to use; raises RenderError when none is found, UsageError for a bad override.

    The name `graphviz-pure` as an override means the bundled engine, whatever else is on PATH.
    """
    for value, origin in ((override, "--dot-binary"), (os.environ.get(ENV_VAR), ENV_VAR)):
        if value == PURE_NAME:
            bundled = _bundled()
            if bundled is None:
                raise UsageError(f"{origin}: {PURE_NAME} is not installed (reinstall argmap, which brings it)")
            return DotBinary(bundled.path, f"{PURE_NAME} (bundled, named by {origin})")
        if value:
            found = shutil.which(value)
            if found is None:
                raise UsageError(f"{origin}: {value!r} is not an executable program")
            return DotBinary(found, origin)
    system = shutil.which("dot")
    if system is not None:
        return DotBinary(system, "system Graphviz on PATH")
    bundled = _bundled()
    if bundled is not None:
        return bundled
    raise RenderError(
        "no Graphviz program found: reinstall argmap (it brings graphviz-pure) or install "
        f"Graphviz; or set --dot-binary / {ENV_VAR}"
    )


def _run(argv: list[str], data: bytes, *, timeout: float) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(argv, input=data, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        raise RenderError(f"{argv[0]}: no such program") from None
    except PermissionError:
        raise RenderError(f"{argv[0]}: not allowed to run it") from None
    except subprocess.TimeoutExpired:
        raise RenderError(f"{argv[0]} took longer than {timeout:.0f} s and was stopped") from None


def require_format(binary: DotBinary, fmt: str) -> None:
    """Raise a clear error unless `binary` can write `fmt` (PDF needs the system Graphviz)."""
    if fmt not in LAYOUT_FORMATS:
        raise UsageError(f"cannot draw format {fmt!r}; choose one of {', '.join(LAYOUT_FORMATS)} or dot")
    if not binary.supports(fmt):
        raise RenderError(f"{binary.path} cannot write {fmt.upper()}. {INSTALL_HINT}")


def layout(binary: DotBinary, dot_text: str, fmt: str, *, timeout: float = 300, dpi: int | None = None) -> bytes:
    """Run `binary` on `dot_text` and return the drawing in `fmt` (svg, png or pdf); `dpi`
    sets a PNG's pixels per inch."""
    require_format(binary, fmt)
    resolution = [f"-Gdpi={dpi}"] if dpi and fmt == "png" else []
    result = _run([binary.path, "-Kdot", f"-T{fmt}", *resolution], dot_text.encode("utf-8"), timeout=timeout)
    if result.returncode != 0 or not result.stdout:
        message = result.stderr.decode("utf-8", "replace").strip() or f"exit code {result.returncode}"
        raise RenderError(f"Graphviz failed ({Path(binary.path).name}): {message}")
    return result.stdout


def plain_layout(binary: DotBinary, dot_text: str, *, timeout: float = 300) -> str:
    """`binary`'s layout of `dot_text` as its `-Tplain` text (positions and sizes, no drawing)."""
    result = _run([binary.path, "-Kdot", "-Tplain"], dot_text.encode("utf-8"), timeout=timeout)
    text = result.stdout.decode("utf-8", "replace")
    if result.returncode != 0 or not text.startswith("graph "):
        message = result.stderr.decode("utf-8", "replace").strip() or f"exit code {result.returncode}"
        raise RenderError(f"Graphviz failed ({Path(binary.path).name}): {message}")
    return text


def drawing_size(binary: DotBinary, dot_text: str, *, timeout: float = 300) -> tuple[float, float]:
    """The natural (width, height) in points `binary` lays `dot_text` out at, before any `size`
    shrinks it (the first line of its `-Tplain` output: `graph SCALE WIDTH HEIGHT`, inches)."""
    first = plain_layout(binary, dot_text, timeout=timeout).partition("\n")[0].split()
    try:
        width, height = float(first[2]), float(first[3])
    except ValueError:
        raise RenderError(f"Graphviz ({Path(binary.path).name}) gave no size: {first!r}") from None
    return width * 72, height * 72

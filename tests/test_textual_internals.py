"""The seam onto Textual's private names (`argmap/tui/_textual_internals.py`).

(a) Each private name the seam relies on still exists with the shape it uses: a new Textual
release that renames or reshapes one fails here, loudly, rather than the browser quietly.
(b) No other module of argmap touches a private Textual name: private modules
(`textual._compositor`, `textual.widgets._tree`), private attributes of Textual objects, and
overrides of private Textual methods or attributes in a subclass of a Textual class.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
from functools import cache
from pathlib import Path

import textual
from rich.style import Style
from textual.app import App, ComposeResult
from textual.cache import LRUCache
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import Widget
from textual.widgets import Static, Tree

from argmap.tui import _textual_internals as internals

PACKAGE = Path(__file__).parent.parent / "argmap"
SEAM = PACKAGE / "tui" / "_textual_internals.py"
TEXTUAL = Path(textual.__file__).parent
#: names with a leading underscore that are public API (of named tuples)
PUBLIC_UNDERSCORED = {"_replace", "_asdict", "_fields", "_make", "_field_defaults"}


def parameters(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)


# --- (a) the names the seam relies on ------------------------------------------------------


def test_compositor_internals() -> None:
    from textual._compositor import Compositor, CompositorMap, ReflowResult  # noqa: F401

    assert issubclass(internals.LayoutCompositor, Compositor)
    assert parameters(Compositor.reflow) == ["self", "parent", "size"]
    assert isinstance(inspect.getattr_static(Compositor, "full_map"), property)
    assert callable(Compositor.clear) and parameters(Compositor.clear) == ["self"]
    compositor = Compositor()
    assert isinstance(compositor._full_map, dict)
    assert isinstance(compositor._full_map_invalidated, bool)
    assert isinstance(compositor._dirty_regions, set)
    assert compositor.root is None
    assert {"shown", "hidden"} <= set(ReflowResult._fields)
    # `full_map` rebuilds the map when `_full_map_invalidated`, `reflow` replaces `_full_map`
    assert "_full_map_invalidated" in inspect.getsource(inspect.getattr_static(
        Compositor, "full_map").fget)
    assert "self._full_map" in inspect.getsource(Compositor.reflow)


def test_screen_keeps_its_compositor_where_the_seam_swaps_it() -> None:
    from textual._compositor import Compositor

    assert "self._compositor = Compositor()" in inspect.getsource(Screen.__init__)

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("probe")

    async def scenario() -> None:
        app = Probe()
        async with app.run_test():
            assert isinstance(internals.screen_compositor(app.screen), Compositor)
            assert app.screen._compositor is internals.screen_compositor(app.screen)
            screen = Screen()
            swapped = internals.use_layout_compositor(screen)
            assert internals.screen_compositor(screen) is swapped

    asyncio.run(scenario())


def test_widget_internals() -> None:
    widget = Widget()
    assert isinstance(widget._repaint_required, bool)
    assert isinstance(widget._layout_required, bool)
    assert widget._vertical_scrollbar is None
    assert parameters(Widget._check_refresh) == ["self"]
    assert parameters(Widget._size_updated) == [
        "self", "size", "virtual_size", "container_size", "layout"]
    assert inspect.signature(Widget._size_updated).parameters["layout"].default is True
    assert parameters(Widget._on_focus) == ["self", "event"]
    assert parameters(Widget._on_blur) == ["self", "event"]
    assert parameters(App._start_widget) == ["self", "parent", "widget"]
    # the public property the seam's scroll bar stands in for keeps its bar there
    assert "self._vertical_scrollbar" in inspect.getsource(
        inspect.getattr_static(Widget, "vertical_scrollbar").fget)
    assert issubclass(ScrollBar, Widget)


def test_the_mixins_stand_before_textual_in_the_mro() -> None:
    from argmap.tui.widgets.detail import PaneText
    from argmap.tui.widgets.outline_tree import OutlineTree

    for cls, mixin, base in ((OutlineTree, internals.FocusChangeHook, Tree),
                             (OutlineTree, internals.SizeUpdateHook, Tree),
                             (PaneText, internals.SizeUpdateHook, Static)):
        mro = cls.__mro__
        assert mro.index(mixin) < mro.index(base) < mro.index(Widget)
    # nothing between the mixins and Widget handles Focus or Blur itself; every size update
    # after the mixin's takes the same parameters
    for name in ("_on_focus", "on_focus", "_on_blur", "on_blur"):
        owners = [c for c in OutlineTree.__mro__ if name in vars(c)]
        assert owners[1:] in ([], [Widget]), (name, owners)
    for cls in (OutlineTree, PaneText):
        owners = [c for c in cls.__mro__ if "_size_updated" in vars(c)]
        assert owners[0] is internals.SizeUpdateHook and Widget in owners
        for owner in owners[1:]:
            assert parameters(vars(owner)["_size_updated"]) == parameters(
                Widget._size_updated), owner


def test_tree_internals() -> None:
    from textual.widgets import _tree

    assert isinstance(internals.TREE_TOGGLE_STYLE, Style)
    assert internals.TREE_TOGGLE_STYLE.meta == {"toggle": True}
    assert internals.TREE_TOGGLE_STYLE is _tree.TOGGLE_STYLE
    tree: Tree[None] = Tree("root")
    node = tree.root.add("child")
    assert isinstance(inspect.getattr_static(Tree, "_tree_lines"), property)
    assert isinstance(tree._line_cache, LRUCache)
    for name in ("get", "grow", "clear", "__setitem__"):
        assert callable(getattr(tree._line_cache, name)), name
    assert isinstance(tree._updates, int)
    assert parameters(Tree._clear_line_cache) == ["self"]
    assert parameters(Tree._refresh_node) == ["self", "node"]
    assert parameters(Tree._render_line) == ["self", "y", "x1", "x2", "base_style"]
    for name in ("_hover", "_selected"):
        assert isinstance(getattr(node, name), bool), name
    assert isinstance(node._updates, int)
    # the row painter reads these public properties, Tree's painting their private fields
    assert (node.id, node.label, node.allow_expand, node.is_expanded) == (
        node._id, node._label, node._allow_expand, node._expanded)
    # `cached_tree_row` copies Tree's cache key, and `render_lines` sets its pseudo-classes
    source = inspect.getsource(Tree._render_line)
    for part in ("y,", "is_hover,", "width,", "self._updates,", "self._pseudo_class_state,",
                 "tuple(node._updates for node in line.path),", "self._line_cache"):
        assert part in source, part
    assert "self._pseudo_class_state = " in inspect.getsource(Tree.render_lines)
    # Tree paints a row only through `render_line` (the outline paints its own instead)
    assert "self._render_line(" in inspect.getsource(Tree.render_line)


def test_tree_lines_have_the_fields_the_painter_reads() -> None:
    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            yield Tree("root")

    async def scenario() -> None:
        app = Probe()
        async with app.run_test():
            tree = app.query_one(Tree)
            child = tree.root.add("child")
            tree.root.expand()
            lines = internals.tree_lines(tree)
            assert [line.path[-1] for line in lines] == [tree.root, child]
            assert isinstance(lines[-1].last, bool)
            strip = internals.textual_tree_row(tree, 1, 0, tree.size.width, tree.rich_style)
            assert strip.cell_length == tree.size.width
            internals.clear_tree_rows(tree)
            internals.grow_tree_row_cache(tree, 10)
            internals.refresh_tree_node(tree, child)
            assert internals.node_hover(child) is False

    asyncio.run(scenario())


# --- (b) nobody else touches a private Textual name -----------------------------------------


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name not in PUBLIC_UNDERSCORED


def _private_names(tree: ast.AST) -> set[str]:
    """Private names used as attributes, or defined in a class body, anywhere in `tree`."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            found.add(node.attr)
        elif isinstance(node, ast.ClassDef):
            found |= {name for name in _defined_in_class(node) if _is_private(name)}
    return found


def _defined_in_class(node: ast.ClassDef) -> set[str]:
    """Names a class body defines (methods, class attributes) or its methods set on self."""
    found: set[str] = set()
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.add(item.name)
        elif isinstance(item, ast.Assign):
            found |= {t.id for t in item.targets if isinstance(t, ast.Name)}
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            found.add(item.target.id)
    for sub in ast.walk(node):
        if (isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Store)
                and isinstance(sub.value, ast.Name) and sub.value.id in ("self", "cls")):
            found.add(sub.attr)
    return found


@cache
def textual_private_names() -> frozenset[str]:
    """Every private attribute name Textual's own source uses."""
    found: set[str] = set()
    for path in TEXTUAL.rglob("*.py"):
        found |= _private_names(ast.parse(path.read_text(encoding="utf-8")))
    return frozenset(found)


@cache
def private_names_of(cls: type) -> frozenset[str]:
    """The private names a Textual class defines or uses on itself."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return frozenset()
    tree = ast.parse(inspect.cleandoc("\n" + source) if source[:1].isspace() else source)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found |= {name for name in _defined_in_class(node) if _is_private(name)}
        if (isinstance(node, ast.Attribute) and _is_private(node.attr)
                and isinstance(node.value, ast.Name) and node.value.id == "self"):
            found.add(node.attr)
    return frozenset(found)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_private_module(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "textual" and any(_is_private(part) for part in parts[1:])


def textual_private_uses(path: Path, argmap_names: set[str]) -> list[str]:
    """Where the module at `path` touches a private Textual name."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    problems: list[str] = []
    where = f"{path.relative_to(PACKAGE.parent)}"
    textual_names = textual_private_names()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            problems += [f"{where}:{node.lineno} imports {alias.name}" for alias in node.names
                         if _is_private_module(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if _is_private_module(node.module) or (node.module.split(".")[0] == "textual" and any(
                    _is_private(alias.name) for alias in node.names)):
                problems.append(f"{where}:{node.lineno} imports from {node.module}")
        elif (isinstance(node, ast.Attribute) and _is_private(node.attr)
              and node.attr in textual_names and node.attr not in argmap_names):
            problems.append(f"{where}:{node.lineno} uses Textual's .{node.attr}")
    if "textual" in source:
        problems += _private_overrides(tree, _module_name(path), where)
    return problems


def _private_overrides(tree: ast.Module, module_name: str, where: str) -> list[str]:
    """Private Textual names a subclass of a Textual class defines, overrides or uses on
    itself (`self._x`, `super()._x`)."""
    module = importlib.import_module(module_name)
    problems: list[str] = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(module, node.name, None)
        if not isinstance(cls, type):
            continue
        theirs: set[str] = set()
        for base in cls.__mro__[1:]:
            if base.__module__.split(".")[0] == "textual":
                theirs |= private_names_of(base)
        if not theirs:
            continue
        used = _defined_in_class(node)
        for sub in ast.walk(node):
            if isinstance(sub, ast.Attribute) and _is_private(sub.attr) and (
                    (isinstance(sub.value, ast.Name) and sub.value.id == "self")
                    or (isinstance(sub.value, ast.Call) and isinstance(sub.value.func, ast.Name)
                        and sub.value.func.id == "super")):
                used.add(sub.attr)
        problems += [f"{where}: {node.name} touches Textual's {name}"
                     for name in sorted(used & theirs)]
    return problems


def argmap_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_scan_finds_what_it_should(tmp_path: Path) -> None:
    """The scan itself: it finds a private import and a private attribute."""
    names = {path.stem for path in argmap_modules()}
    assert "_textual_internals" in names
    fake = PACKAGE / "tui" / "_scan_probe_do_not_commit.py"
    fake.write_text("from textual._compositor import Compositor\n"
                    "from textual.widgets import _tree\n"
                    "def f(widget):\n    return widget._check_refresh()\n", encoding="utf-8")
    try:
        found = textual_private_uses(fake, set())
    finally:
        fake.unlink()
    assert len(found) == 3, found


def test_no_module_but_the_seam_touches_a_private_textual_name() -> None:
    argmap_names: set[str] = set()
    for path in argmap_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                argmap_names |= {n for n in _defined_in_class(node) if _is_private(n)}
    problems = [problem for path in argmap_modules() if path != SEAM
                for problem in textual_private_uses(path, argmap_names)]
    assert not problems, "\n".join(problems)

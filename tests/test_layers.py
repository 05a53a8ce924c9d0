"""Import layering of `generator/`: no import cycle between modules, no layer reaching upward.

Layers, lowest first (a module may import its own layer and any layer below it):

    problems ← model ← load ← scoring ← rules ← check ← render (and diff) ← site
             ← docs generators (reference, reference_examples, schema) ← cli

Every import counts: module level, inside functions, and under `TYPE_CHECKING`.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generator"

#: (layer number, name) by module prefix; the longest matching prefix wins
LAYERS: dict[str, tuple[int, str]] = {
    "generator": (0, "problems"),            # the empty package __init__
    "generator.problems": (0, "problems"),
    "generator.files": (0, "problems"),
    "generator.i18n": (0, "problems"),       # the message catalogues: every layer speaks through it
    "generator.model": (1, "model"),
    "generator.load": (2, "load"),
    "generator.scoring": (3, "scoring"),
    "generator.rules": (4, "rules"),
    "generator.check": (5, "check"),
    "generator.scaffold": (5, "check"),      # new unit/period/article: load + model, writes files
    "generator.render": (6, "render"),
    "generator.exchange": (6, "render"),    # workbooks: export from the model, import into YAML
    "generator.diff": (6, "render"),          # compares typed cities; public side via render.edition
    "generator.site": (7, "site"),
    "generator.reference": (8, "docs"),
    "generator.reference_examples": (8, "docs"),
    "generator.schema": (8, "docs"),
    "generator.cli": (9, "cli"),
    "generator.cli_common": (9, "cli"),
    "generator.cli_changes": (9, "cli"),
    "generator.__main__": (10, "main"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> tuple[int, str] | None:
    best = None
    for prefix in LAYERS:
        if (module == prefix or module.startswith(prefix + ".")) and (
                best is None or len(prefix) > len(best)):
            best = prefix
    return LAYERS[best] if best is not None else None


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The `generator` modules that `module` imports anywhere in its source."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def add(name: str) -> None:
        # the deepest existing module named by `name` (an attribute import names its module)
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name:
            found.add(name)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "generator":
                    add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[:len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base.split(".")[0] != "generator":
                continue
            for alias in node.names:
                full = f"{base}.{alias.name}"
                add(full if full in modules else base)
    found.discard(module)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_every_module_has_a_layer() -> None:
    unknown = [m for m in all_modules() if layer_of(m) is None]
    assert not unknown, f"modules without a layer (add them to LAYERS): {unknown}"


def test_no_upward_imports() -> None:
    upward = []
    for module, targets in sorted(import_graph().items()):
        mine = layer_of(module)
        for target in sorted(targets):
            theirs = layer_of(target)
            if mine and theirs and theirs[0] > mine[0]:
                upward.append(f"{module} ({mine[1]}) → {target} ({theirs[1]})")
    assert not upward, "imports reaching up a layer:\n  " + "\n  ".join(upward)


def test_no_import_cycles() -> None:
    graph = import_graph()
    lines = []
    for component in cycles(graph):
        members = set(component)
        edges = [f"{a} → {b}" for a in component for b in sorted(graph[a]) if b in members]
        lines.append("cycle among " + ", ".join(component) + ":\n    " + "\n    ".join(edges))
    assert not lines, "import cycles:\n  " + "\n  ".join(lines)


def test_the_walker_sees_every_kind_of_import(tmp_path: Path) -> None:
    """Function-level and TYPE_CHECKING imports count, and relative imports resolve."""
    modules = {"generator.model.x": tmp_path / "x.py", "generator.load": tmp_path / "l.py",
               "generator.load.locate": tmp_path / "locate.py", "generator.problems": tmp_path / "p.py"}
    source = tmp_path / "x.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from ..problems import Problem\n"
        "if TYPE_CHECKING:\n"
        "    from ..load.locate import Locator\n"
        "def f():\n"
        "    import generator.load\n",
        encoding="utf-8")
    assert imports_of("generator.model.x", source, modules) == {
        "generator.problems", "generator.load.locate", "generator.load"}

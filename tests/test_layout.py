"""The package's layout holds: imports run one way, no cycles, small modules, a fast --help.

Layers, lowest first: model -> read -> checks -> features (status, staffing, report, diff,
edit, importing) -> commands -> cli. A module may import its own layer and the layers below, never
above. The foundation (dates, output, diagnostics, errors, config, safewrite, resources)
may be imported from anywhere and imports only the foundation.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "src" / "workforce_cli"
FOUNDATION = {"dates", "output", "diagnostics", "errors", "config", "safewrite", "resources"}
LAYERS = {
    "model": 0,
    "read": 1,
    "checks": 2,
    "status": 3,
    "staffing": 3,
    "report": 3,
    "diff": 3,
    "edit": 3,
    "importing": 3,
    "commands": 4,
    "cli": 5,
    "__main__": 5,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The workforce_cli modules a file imports (at any depth: lazy imports count too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "workforce_cli":
                found.update(f"workforce_cli.{a.name}" for a in node.names)
            elif node.module.startswith("workforce_cli."):
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("workforce_cli."))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: {m for m in _imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_imports_run_one_way() -> None:
    wrong = []
    for module, imported in _graph().items():
        room = _room(module)
        for target in imported:
            to = _room(target)
            if not to or to == room:
                continue
            if room in FOUNDATION:
                if to not in FOUNDATION:
                    wrong.append(f"{module} -> {target} (the foundation imports only itself)")
            elif to not in FOUNDATION and LAYERS.get(to, 9) > LAYERS.get(room, 0):
                wrong.append(f"{module} -> {target} (imports a layer above its own)")
    assert wrong == []


def test_no_import_cycles() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    for start in sorted(graph):
        if start in state:
            continue
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, todo = stack[-1]
            if not todo:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            nxt = todo.pop()
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, sorted(graph[nxt])))
    assert cycles == []


def test_modules_are_small_and_the_root_is_uncrowded() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > 400
    }
    assert long == {}
    root = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(root) <= 12, root


def _loaded_after(argv: list[str]) -> list[str]:
    probe = (
        "import sys\n"
        "from workforce_cli.cli import main\n"
        f"main({argv!r})\n"
        "heavy = ('pydantic', 'ruamel.yaml', 'jinja2', 'rich', 'workforce_cli.model')\n"
        "sys.stderr.write(repr(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    return list(ast.literal_eval(done.stderr))


def test_help_imports_neither_pydantic_nor_the_reading_stack() -> None:
    assert _loaded_after(["--help"]) == []


def test_a_commands_help_imports_no_models_parser_or_templates() -> None:
    # typer itself loads pydantic (for its type coercion) once a command is parsed.
    assert _loaded_after(["status", "--help"]) == ["pydantic"]

"""The core never imports mkdocs: another site builder must need only a new adapter."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from .helpers import INVALID, REPO, VALID

PACKAGE = REPO / "wijkkaart"
ADAPTER = "wijkkaart.adapters.plugin"  # the one module that may import mkdocs (or ProperDocs)


def _modules() -> dict[str, Path]:
    """Every module of the package by its dotted name, found on disk (a new module is covered at once)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _imports(name: str, path: Path) -> set[str]:
    """The package's own modules that ``name`` imports (relative or absolute, at the top or in a function)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _run_time(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            target = ".".join(base[: len(base) - node.level + 1] if node.level else []) if node.level else ""
            target = ".".join(filter(None, [target, node.module or ""]))
            found |= {f"{target}.{a.name}" for a in node.names} | {target}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def _run_time(tree: ast.AST) -> list[ast.AST]:
    """The nodes of ``tree`` that run: not those under ``if TYPE_CHECKING:`` (imports for type hints only)."""
    nodes = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue
        nodes += [node, *_run_time(node)]
    return nodes


def test_the_package_is_grouped_by_job() -> None:
    """Modules live in packages named for what they do; only ``__init__`` stays at the top. Each module's
    docstring starts with one line that says its job."""
    modules = _modules()
    top = sorted(name for name, path in modules.items() if name.count(".") == 1 and path.name != "__init__.py")
    assert top == [], top
    packages = sorted({name.split(".")[1] for name in modules if name != "wijkkaart"})
    assert packages == ["adapters", "exports", "geo", "pipeline", "records", "render", "scaffold", "schedule"]
    for name, path in modules.items():
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and doc.splitlines()[0].strip(), f"{name}: no docstring saying its job"


def test_module_imports_have_no_cycles() -> None:
    """The modules import each other in one direction only: load → validate → model → render, not back."""
    modules = _modules()
    graph = {name: {m for m in _imports(name, path) if m in modules and m != name} for name, path in modules.items()}
    graph = {
        name: {m for m in targets if not name.startswith(m + ".") and m != "wijkkaart"}
        for name, targets in graph.items()
    }
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " → ".join((*trail[trail.index(name) :], name))
        if name not in done:
            for target in sorted(graph[name]):
                visit(target, (*trail, name))
            done.add(name)

    for name in sorted(graph):
        visit(name, ())


def test_core_does_not_import_mkdocs() -> None:
    """Every module but the adapter, imported together: no mkdocs module comes along."""
    imports = "; ".join(f"import {m}" for m in sorted(_modules()) if m != ADAPTER)
    code = f"import sys; {imports}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    completed = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert completed.stdout == "[]\n"


def test_only_the_plugin_mentions_mkdocs() -> None:
    for name, path in _modules().items():
        if name != ADAPTER:
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(import|from) mkdocs", source, re.MULTILINE), name


# What only a build needs (geometry, maps, search, exports, the site builder and its theme): an install for
# checking data alone could leave these out, and ``wijkkaart check`` stays quick to start.
BUILD_ONLY = (
    *("mkdocs", "properdocs", "material"),
    *("geopandas", "shapely", "pyogrio", "pyproj", "pandas", "numpy", "folium", "branca", "xyzservices"),
    *("pagefind", "pagefind_bin", "segno", "icalendar"),
)


def test_check_imports_nothing_only_a_build_needs() -> None:
    """``wijkkaart check`` of the example, and in one process the checks of a valid site with every kind of
    field and of a site with many problems (the CLI forks for large folders; this sees every import)."""
    sites = [str(INVALID / "many-problems-many-files"), str(VALID)]
    code = (
        "import sys, io, contextlib\n"
        "from pathlib import Path\n"
        "from wijkkaart.adapters.cli import main\n"
        "from wijkkaart.records.settings import read_settings\n"
        "from wijkkaart.records.validate import build_catalog\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        "    main(['check'])\n"
        f"for site in {sites!r}:\n"
        "    build_catalog(read_settings(Path(site)), parallel=False)\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    imported = set(completed.stdout.split())
    assert {"phonenumbers", "email_validator", "opening_hours", "pydantic"} <= imported  # the checks ran
    assert sorted(imported & set(BUILD_ONLY)) == []

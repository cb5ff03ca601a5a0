"""The core never imports mkdocs: another site builder must need only a new adapter."""

from __future__ import annotations

import re
import subprocess
import sys

from .helpers import INVALID, REPO, VALID

CORE = [
    "load",
    "problems",
    "fields",
    "model",
    "schedule",
    "translate",
    "references",
    "validate",
    "catalog",
    "pages",
    "text",
    "build",
    "cli",
    "schema",
    "settings",
    "pc4",
    "languages",
]


def test_core_does_not_import_mkdocs() -> None:
    imports = "; ".join(f"import wijkkaart.{m}" for m in CORE)
    code = f"import sys; {imports}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    completed = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert completed.stdout == "[]\n"


def test_only_the_plugin_mentions_mkdocs() -> None:
    for path in sorted((REPO / "wijkkaart").glob("*.py")):
        if path.name != "plugin.py":
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(import|from) mkdocs", source, re.MULTILINE), path.name


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
        "from wijkkaart.cli import main\n"
        "from wijkkaart.settings import read_settings\n"
        "from wijkkaart.validate import build_catalog\n"
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

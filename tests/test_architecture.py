"""The core never imports mkdocs: another site builder must need only a new adapter."""

from __future__ import annotations

import re
import subprocess
import sys

from .helpers import REPO

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

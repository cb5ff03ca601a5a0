"""Relative links between directory URLs, as ``posixpath.relpath`` would make them; site paths spelled only here."""

from __future__ import annotations

import ast
import itertools
import posixpath
import re
from pathlib import Path

import wijkkaart
from wijkkaart.render.urls import FINDER_INDEX, Links, browser_paths, finder_path, relative

PATHS = ["", "wijken/", "wijken/a/", "wijken/a/print/", "wijken/ab/", "organisaties/a/", "themas/", "a/b/c/", "a/"]


def test_relative_agrees_with_relpath_for_every_pair() -> None:
    for here, target in itertools.product(PATHS, PATHS):
        rel = posixpath.relpath("/" + target, "/" + here)
        assert relative(target, here) == ("./" if rel == "." else rel + "/"), (here, target)


def test_links_between_pages() -> None:
    links = Links("wijken/moerwijk.md")
    assert links.wijk("moerwijk") == "./"
    assert links.wijk("centrum") == "../centrum/"
    assert links.org("wijkz", "kaarttafel") == "../../organisaties/wijkz/#kaarttafel"
    assert links.to("index.md") == "../../"
    assert links.map_frame() == "../../assets/wijkkaart/kaart.html#wijken/moerwijk/"
    assert Links("index.md").map_frame() == "assets/wijkkaart/kaart.html"


SITE_PATHS = re.compile(r"zoek/|kaart\.json|open-data/|agenda/|pagefind/|\bsw\.js|manifest\.webmanifest|\.ics\b")
PACKAGE = Path(wijkkaart.__file__).parent


def _strings(module: Path) -> list[str]:
    """The string constants of a module, less its docstrings."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def test_site_paths_are_spelled_only_in_urls() -> None:
    """Producers ask render/urls.py for a site path; the scripts get theirs from the page (``browser_paths``)."""
    scripts = [*(PACKAGE / "assets" / "js").glob("*.js"), *(PACKAGE / "templates").rglob("*.*")]
    for path in scripts:
        code = re.sub(r"//[^\n]*|\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert not SITE_PATHS.findall(code), path
    for module in PACKAGE.rglob("*.py"):
        if module.name != "urls.py":
            # "sw.js" alone is also the service worker's template name (render/offline.py)
            found = [s for s in _strings(module) if SITE_PATHS.search(s) and s != "sw.js"]
            assert found == [], module


def test_the_scripts_get_their_paths_from_the_page() -> None:
    paths = browser_paths()
    assert paths["finder_index"] == FINDER_INDEX == finder_path("index")
    assert paths["finder_list"].replace("{key}", "wijk/moerwijk") == finder_path("wijk/moerwijk")

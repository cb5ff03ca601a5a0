"""The example site built by MkDocs 1.6 and by ProperDocs (its maintained continuation): the same site.

What may differ, and why (builder-specific, nothing of wijkkaart's):
- each page's ``<meta name="generator">`` names the builder;
- Pagefind's filter files and the metadata file that names them: Pagefind writes some lists in an order
  that changes from run to run (two builds by one builder differ there as much; scripts/compare_pagefind.py
  shows that they hold the same once unpacked). Its fragments and word index, which hold every page and
  word, are compared byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import build_example

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
BUILDERS = ("mkdocs", "properdocs")
RUN_TO_RUN = ("pagefind/filter/", "pagefind/pagefind.", "pagefind/pagefind-entry.json")


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): GENERATOR.sub(b"", p.read_bytes()) for p in sorted(site.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The folder with a build by each builder (named after it), and each build's log."""
    out = tmp_path_factory.mktemp("builders")
    return out, {builder: build_example(out / builder, builder=builder) for builder in BUILDERS}


def test_both_builders_make_the_same_pages_and_files(built: tuple[Path, dict[str, str]]) -> None:
    mkdocs, properdocs = (_files(built[0] / builder) for builder in BUILDERS)
    same_kind = [name for name in mkdocs if name.startswith(RUN_TO_RUN)]
    assert len(same_kind) == len([name for name in properdocs if name.startswith(RUN_TO_RUN)])
    compared = {name for name in mkdocs if not name.startswith(RUN_TO_RUN)}
    assert compared == {name for name in properdocs if not name.startswith(RUN_TO_RUN)}
    assert sorted(name for name in compared if mkdocs[name] != properdocs[name]) == []
    assert len([name for name in compared if name.endswith(".html")]) > 30
    assert any(name.startswith("pagefind/fragment/") for name in compared)


def test_the_plugin_runs_under_each_builder(built: tuple[Path, dict[str, str]]) -> None:
    for builder, log in built[1].items():
        assert "wijkkaart: zoekindex gemaakt met" in log, (builder, log)
        assert re.search(r"wijkkaart: [1-9]\d* pagina's in een gedeeld kader van het thema", log), (builder, log)


def test_the_generator_names_the_builder(built: tuple[Path, dict[str, str]]) -> None:
    """The one difference in the pages: proof that each build was made by the builder it names."""
    found = {b: GENERATOR.search((built[0] / b / "index.html").read_bytes()) for b in BUILDERS}
    assert found["mkdocs"] is not None and b'content="mkdocs-1.6' in found["mkdocs"][0]
    assert found["properdocs"] is not None and b'content="mkdocs-ProperDocs 1.6' in found["properdocs"][0]

"""The Pagefind run beside the build: what it indexes, and that a cancelled run leaves nothing behind."""

from __future__ import annotations

import json
from pathlib import Path

from wijkkaart.build import build_site
from wijkkaart.search import SearchIndex, search_records

from .helpers import settings_for, site_copy


def test_index_holds_every_searchable_page_and_every_entry(tmp_path: Path) -> None:
    site = build_site(settings_for(site_copy(tmp_path)), with_maps=False)
    searchable = [p for p in site.pages if "data-pagefind-body" in p.content]
    assert {p.src for p in searchable} == {
        "organisaties/buurthuis.md",
        "organisaties/geldhulp.md",
        "wijken/noord.md",
        "wijken/zuid.md",
    }
    records = search_records(site.catalog)
    index = SearchIndex(tmp_path / "out" / "pagefind", site.pages, records)
    assert index.wait() == len(searchable) + len(records)
    entry = json.loads((tmp_path / "out" / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["nl"]["page_count"] == len(searchable) + len(records)
    assert not index.folder.exists()


def test_a_cancelled_run_stops_pagefind_and_removes_its_input(tmp_path: Path) -> None:
    site = build_site(settings_for(site_copy(tmp_path)), with_maps=False)
    index = SearchIndex(tmp_path / "out" / "pagefind", site.pages, search_records(site.catalog))
    assert index.folder.is_dir()
    index.cancel()
    assert index.process.poll() is not None and not index.folder.exists()

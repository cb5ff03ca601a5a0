"""The Pagefind run beside the build: what it indexes, and that its input folder is removed."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from wijkkaart.build import build_site
from wijkkaart.search import build_search_index, search_records

from .helpers import settings_for, site_copy


def test_index_holds_every_searchable_page_and_every_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = build_site(settings_for(site_copy(tmp_path)), with_maps=False)
    searchable = [p for p in site.pages if "data-pagefind-body" in p.content]
    assert {p.src for p in searchable} == {
        "organisaties/buurthuis.md",
        "organisaties/geldhulp.md",
        "wijken/noord.md",
        "wijken/zuid.md",
    }
    records = search_records(site.catalog)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert build_search_index(tmp_path / "out" / "pagefind", site.pages, records) == len(searchable) + len(records)
    entry = json.loads((tmp_path / "out" / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["nl"]["page_count"] == len(searchable) + len(records)
    assert list(scratch.iterdir()) == []  # the input folder is gone


def test_a_failing_pagefind_is_reported_and_leaves_no_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = build_site(settings_for(site_copy(tmp_path)), with_maps=False)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    with pytest.raises(RuntimeError, match="Pagefind"):
        build_search_index(tmp_path / "bestand" / "pagefind", site.pages, search_records(site.catalog))
    assert list(scratch.iterdir()) == []

"""The Pagefind run beside the build: what it indexes, and that its input folder is removed."""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest

from wijkkaart.pipeline.build import build_site
from wijkkaart.render.search import build_search_index, search_records

from .helpers import example_copy, settings_for, site_copy


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
    assert build_search_index(tmp_path / "out" / "pagefind", site.pages, records) == len(searchable)
    entry = json.loads((tmp_path / "out" / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["nl"]["page_count"] == len(searchable)
    assert list(scratch.iterdir()) == []  # the input folder is gone
    documents = {d["meta"]["link"]: d for d in _fragments(tmp_path / "out" / "pagefind")}
    org = documents["/organisaties/geldhulp/"]
    assert org["meta"]["title"] == "Geldhulp Test"
    assert json.loads(org["meta"]["diensten"]) == [
        {
            "id": "spreekuur-zuid",
            "naam": "Spreekuur Zuid",
            "wijk": "Zuid",
            "wanneer": "1e en 3e dinsdag van de maand 14.00–16.00 uur",
            "filters": {
                "thema": ["Geld & schulden"],
                "wijk": ["Zuid"],
                "zonder afspraak": ["nee"],
                "taal": ["Nederlands", "Arabisch"],
            },
        }
    ]
    assert org["filters"] == {
        "thema": ["Geld & schulden"],
        "wijk": ["Zuid"],
        "zonder afspraak": ["nee"],
        "taal": ["Arabisch", "Nederlands"],
    }
    assert [(a["id"], a["text"]) for a in org["anchors"]][-1] == ("spreekuur-zuid", "Spreekuur Zuid")
    assert documents["/wijken/zuid/"]["meta"]["title"] == "Zuid"
    assert documents["/wijken/zuid/"]["filters"] == {}


def test_the_search_leaves_out_what_every_page_says(tmp_path: Path) -> None:
    """Map captions, route links, a wijk's buttons and a heading say the same on every page: a search for
    "kaart", "route" or "spreekuur" would find them all, and show them as the excerpt. An entry's own kind
    and price are found instead."""
    site = build_site(settings_for(example_copy(tmp_path)), parallel=False)
    build_search_index(tmp_path / "pagefind", site.pages, search_records(site.catalog))
    contents = {d["meta"]["link"]: d["content"] for d in _fragments(tmp_path / "pagefind")}
    said_everywhere = (
        *("OpenStreetMap", "Alles op de kaart", "Route plannen", "Printversie", "Bewaar offline", "iCal"),
        "Spreekuren en activiteiten",  # a heading on every page: each matched a search for "spreekuur"
    )
    assert [(link, words) for link, text in contents.items() for words in said_everywhere if words in text] == []
    assert "Voorbeeldstraat 1, 2543 AA" in contents["/organisaties/schuldhulpmaatje-den-haag/"]  # the address stays
    assert (
        "spreekuur gratis Loop binnen met praktische vragen" in contents["/organisaties/helpdesk-geldzaken/"]
    )  # its entry
    moeders = contents["/organisaties/schilderswijk-moeders/"]
    assert moeders.count("Arabisch, Turks.") == 2  # in both its entries (Dutch, Arabic, Turkish)
    assert "Nederlands" not in moeders  # every entry's: it would match them all
    assert "Kaart van" in next(p.content for p in site.pages if p.src == "wijken/schilderswijk.md")  # on the page


def _fragments(index: Path) -> list[dict[str, Any]]:
    """Pagefind's per-document files: gzip, a signature, then JSON."""
    signature = b"pagefind_dcd"
    documents = []
    for path in sorted((index / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(signature)
        documents.append(json.loads(data[len(signature) :]))
    return documents


def test_a_failing_pagefind_is_reported_and_leaves_no_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = build_site(settings_for(site_copy(tmp_path)), with_maps=False)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    with pytest.raises(RuntimeError, match="Pagefind"):
        build_search_index(tmp_path / "bestand" / "pagefind", site.pages, search_records(site.catalog))
    assert list(scratch.iterdir()) == []


def test_leaving_out_the_marked_parts_changes_nothing_pagefind_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ``zoek:uit`` marks only cut what ``data-pagefind-ignore`` leaves out anyway."""
    from wijkkaart.render import search

    site = build_site(settings_for(example_copy(tmp_path)), with_maps=False)
    records = search_records(site.catalog)
    build_search_index(tmp_path / "cut", site.pages, records)
    monkeypatch.setattr(search, "LEFT_OUT", re.compile(r"(?!)"))  # matches nothing: whole pages go in
    build_search_index(tmp_path / "whole", site.pages, records)
    cut = {d["meta"]["link"]: d for d in _fragments(tmp_path / "cut")}
    whole = {d["meta"]["link"]: d for d in _fragments(tmp_path / "whole")}
    assert len(cut) == 9
    assert cut == whole
    helpdesk = cut["/organisaties/helpdesk-geldzaken/"]["content"]
    assert "Inloopspreekuur Geldzaken" in helpdesk
    assert "Meld een fout" not in helpdesk

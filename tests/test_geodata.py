"""``wijkkaart geodata``: a download from PDOK (recorded responses) refreshes polygons and register; a failed
download changes nothing, warns in Dutch and exits 0, and the site still builds from the shipped data."""

from __future__ import annotations

import copy
import json
import urllib.error
from pathlib import Path
from typing import Any

import pytest
import shapely
from shapely.geometry import shape

from wijkkaart.adapters.cli import main
from wijkkaart.geo import polygons as geodata
from wijkkaart.geo.polygons import DownloadError, download, find_polygons
from wijkkaart.geo.register import SHIPPED_VINTAGE, register_for
from wijkkaart.pipeline.build import build_site
from wijkkaart.records.validate import build_catalog

from .helpers import DATA, settings_for, site_copy

PAGES = {name: json.loads((DATA / "pdok" / f"{name}.json").read_text()) for name in ("page1", "page2")}


def _recorded(url: str) -> dict[str, Any]:
    return copy.deepcopy(PAGES["page2" if "cursor=" in url else "page1"])


def test_a_download_refreshes_the_register_facts_pdok_gives(tmp_path: Path) -> None:
    def fetch(url: str) -> dict[str, Any]:
        page = _recorded(url)
        if "cursor=" in url:  # PDOK names the gemeente of 2533, and an area the shipped register lacks
            page["features"][1]["properties"]["gemeentenaam"] = "Den Haag"
            extra = copy.deepcopy(page["features"][0])
            extra["properties"] = {"postcode": "0001", "jaarcode": 2024, "woonplaatsnaam": "Nieuwland"}
            page["features"].append(extra)
        return page

    settings = settings_for(site_copy(tmp_path))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    download(settings, catalog.pc4s_in_use(), catalog.register, None, fetch)
    register = register_for(settings)
    assert register.source == str(tmp_path / "site" / ".cache" / "wijkkaart" / "pc4.csv")
    assert len(register.areas) == 4068 + 1
    refreshed, kept, new = register.get("2533"), register.get("2532"), register.get("0001")
    assert refreshed is not None and (refreshed.gemeente, refreshed.plaats) == ("Den Haag", "Den Haag")
    assert kept is not None and (kept.gemeente, kept.lat, kept.lon) == ("'s-Gravenhage", 52.048562, 4.297801)
    assert new is not None and (new.plaats, new.gemeente) == ("Nieuwland", "")
    assert new.lat is not None and new.lon is not None
    polygon = shape(PAGES["page2"]["features"][0]["geometry"])
    assert polygon.contains(shapely.Point(new.lon, new.lat))
    source = find_polygons(settings)
    assert source.vintage == "CBS PC4 2024"


def test_a_failed_download_warns_exits_0_and_the_site_builds_from_the_shipped_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def offline(url: str) -> dict[str, Any]:
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(geodata, "fetch_json", offline)
    root = site_copy(tmp_path)
    assert main(["--root", str(root), "geodata"]) == 0
    assert capsys.readouterr().err == (
        "wijkkaart geodata: waarschuwing: downloaden bij PDOK lukte niet (<urlopen error [Errno -3] Temporary "
        f"failure in name resolution>). De site gebruikt {SHIPPED_VINTAGE} (pc4_cbs2020.fgb).\n"
    )
    assert not (root / ".cache" / "wijkkaart").exists()
    site = build_site(settings_for(root))
    assert site.problems == []
    wijk_map = json.loads(next(a for a in site.assets if a.path == "wijken/zuid/kaart.json").content)
    assert [a["name"] for a in wijk_map["areas"]] == ["Zuid"]


def test_a_failed_download_keeps_the_previous_download(tmp_path: Path) -> None:
    settings = settings_for(site_copy(tmp_path))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    download(settings, catalog.pc4s_in_use(), catalog.register, 2024, _recorded)
    cache = tmp_path / "site" / ".cache" / "wijkkaart"
    before = {p.name: p.read_bytes() for p in cache.iterdir()}

    def broken(url: str) -> dict[str, Any]:
        raise ValueError("Expecting value: line 1 column 1 (char 0)")

    with pytest.raises(ValueError):
        download(settings, catalog.pc4s_in_use(), catalog.register, 2025, broken)
    assert {p.name: p.read_bytes() for p in cache.iterdir()} == before
    assert find_polygons(settings).vintage == "CBS PC4 2024"


def test_an_answer_without_a_postcode_in_use_is_refused(tmp_path: Path) -> None:
    settings = settings_for(site_copy(tmp_path))
    catalog, _ = build_catalog(settings)
    assert catalog is not None

    def first_page_only(url: str) -> dict[str, Any]:
        page = _recorded(url)
        page["links"] = []
        return page

    with pytest.raises(DownloadError) as caught:
        download(settings, catalog.pc4s_in_use(), catalog.register, None, first_page_only)
    assert str(caught.value) == "PDOK gaf geen vlak voor 2532"
    assert not (tmp_path / "site" / ".cache" / "wijkkaart").exists()

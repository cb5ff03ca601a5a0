"""Geometry: wijk boundaries from PC4 polygons, locations, and where the polygons come from."""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from wijkkaart.geo.boundaries import GAP_WIDTH_M, MAX_BOUNDARY_BYTES, SNAP_M, Geo, _clean, build_geo
from wijkkaart.geo.polygons import PDOK_ITEMS, download, find_polygons
from wijkkaart.pipeline.build import build_site
from wijkkaart.records.catalog import Catalog
from wijkkaart.records.problems import render
from wijkkaart.records.settings import read_settings
from wijkkaart.records.validate import build_catalog
from wijkkaart.render.urls import MAP_DOCUMENT

from .helpers import DATA, GEO, REPO, settings_for, site_copy

AREA_TOLERANCE = 0.005  # a simplified wijk keeps its area within 0.5 %
OVERLAP_TOLERANCE_M2 = 50.0  # wijken that share no PC4 overlap by less than this
GAP_TOLERANCE = 0.005  # the union of all wijken differs from the union of their PC4s by less than 0.5 %


@pytest.fixture(scope="module")
def example() -> tuple[Catalog, Geo]:
    settings = dataclasses.replace(read_settings(REPO), geodata_dir=str(GEO))
    catalog, problems = build_catalog(settings)
    assert catalog is not None, render(problems)
    return catalog, build_geo(catalog, settings, catalog.register)


def _metric(geometry: dict[str, Any]) -> Any:
    return gpd.GeoSeries([shape(geometry)], crs="EPSG:4326").to_crs("EPSG:28992").iloc[0]


def _pc4_polygons(codes: set[str]) -> Any:
    where = "pc4 IN ({})".format(",".join(f"'{c}'" for c in sorted(codes)))
    return gpd.read_file(GEO / "nl_pc4_cbs2020_wgs84.geojson", where=where).set_index("pc4").to_crs("EPSG:28992")


def test_every_example_wijk_has_a_boundary(example: tuple[Catalog, Geo]) -> None:
    catalog, geo = example
    assert sorted(geo.wijken) == sorted(catalog.wijken)
    assert geo.vintage == "CBS PC4 2020"


def test_area_equals_sum_of_pc4_areas(example: tuple[Catalog, Geo]) -> None:
    catalog, geo = example
    for slug, entry in catalog.wijken.items():
        original = _pc4_polygons(set(entry.wijk.pc4)).area.sum()
        simplified = _metric(geo.wijken[slug].geometry).area
        assert abs(simplified - original) / original < AREA_TOLERANCE, slug


def test_boundaries_are_small(example: tuple[Catalog, Geo]) -> None:
    _, geo = example
    for shape_ in geo.wijken.values():
        assert shape_.geojson_bytes <= MAX_BOUNDARY_BYTES


def test_no_overlaps_between_wijken_without_shared_postcodes(example: tuple[Catalog, Geo]) -> None:
    catalog, geo = example
    for a, b in itertools.combinations(catalog.wijken.values(), 2):
        if set(a.wijk.pc4) & set(b.wijk.pc4):
            continue
        overlap = _metric(geo.wijken[a.slug].geometry).intersection(_metric(geo.wijken[b.slug].geometry)).area
        assert overlap < OVERLAP_TOLERANCE_M2, (a.slug, b.slug, overlap)


def test_no_gaps_where_wijken_meet(example: tuple[Catalog, Geo]) -> None:
    catalog, geo = example
    pc4s = {p for w in catalog.wijken.values() for p in w.wijk.pc4}
    original = shapely.union_all(_pc4_polygons(pc4s).geometry.values)
    simplified = shapely.union_all([_metric(s.geometry) for s in geo.wijken.values()])
    assert original.symmetric_difference(simplified).area / original.area < GAP_TOLERANCE


def test_neighbours_share_their_edge(example: tuple[Catalog, Geo]) -> None:
    _, geo = example
    moerwijk, bouwlust = _metric(geo.wijken["moerwijk"].geometry), _metric(geo.wijken["bouwlust-vrederust"].geometry)
    if moerwijk.distance(bouwlust) > 1:
        pytest.skip("not neighbours")
    shared = moerwijk.boundary.intersection(bouwlust.boundary).length
    assert shared > 100


def test_locations_without_coordinates_use_the_pc4_centre(example: tuple[Catalog, Geo]) -> None:
    _, geo = example
    point = geo.point("helpdesk-geldzaken", "centrum")
    assert point is not None and point.approximate
    assert (point.lat, point.lon) == (52.079099, 4.318442)  # nl_pc4_centroids.csv, PC4 2511


def test_far_coordinates_are_a_warning(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    org = root / "orgs" / "buurthuis.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("lat: 52.0705", "lat: 52.0905"), encoding="utf-8")
    settings = settings_for(root)
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    geo = build_geo(catalog, settings, catalog.register)
    assert render(geo.problems) == (
        "orgs/buurthuis.yaml:14 locations[0].coordinates: waarschuwing: de coördinaten liggen 2302 m buiten "
        "postcodegebied 2525. Controleer lat en lon (niet omgewisseld?) en de postcode. [location-far-from-postcode]"
    )


def test_a_geodata_dir_without_data_warns_and_the_shipped_data_is_used(tmp_path: Path) -> None:
    settings = dataclasses.replace(settings_for(site_copy(tmp_path)), geodata_dir="niets")
    site = build_site(settings)
    assert render(site.problems) == (
        "mkdocs.yml:1 geodata_dir: waarschuwing: geen nl_pc4_cbs2020_wgs84.geojson in niets; de meegeleverde "
        "PC4-vlakken (CBS PC4 2020) worden gebruikt. Haal 'geodata_dir' weg (wijkkaart heeft de gegevens zelf) of "
        "zet het naar een map met PC4-vlakken. [no-geodata]\n"
        "mkdocs.yml:1 geodata_dir: waarschuwing: geen nl_pc4_centroids.csv in niets; het meegeleverde PC4-register "
        "(CBS PC4 2020) wordt gebruikt. Haal 'geodata_dir' weg (wijkkaart heeft de gegevens zelf) of zet het naar "
        "een map met nl_pc4_centroids.csv. [no-pc4-data]"
    )
    wijk_map = json.loads(next(a for a in site.assets if a.path == "wijken/zuid/kaart.json").content)
    assert [a["name"] for a in wijk_map["areas"]] == ["Zuid"]
    assert "Bron: CBS / Kadaster" in next(a for a in site.assets if a.path == MAP_DOCUMENT).content.decode()


def test_no_cdn_in_any_map(example: tuple[Catalog, Geo], tmp_path: Path) -> None:
    site = build_site(settings_for(site_copy(tmp_path)))
    assert [a.path for a in site.assets if a.path.endswith("kaart.html")] == [MAP_DOCUMENT]
    assert len([a for a in site.assets if a.path.endswith("kaart.json")]) == 1 + 2 + 2
    html = next(a for a in site.assets if a.path == MAP_DOCUMENT).content.decode()
    assert "cdn" not in html.lower() and "jquery" not in html.lower() and "bootstrap" not in html.lower()
    assert 'src="../../assets/wijkkaart/vendor/leaflet/leaflet.js"' in html
    assert "Bron: CBS / Kadaster" in html


def test_download_from_pdok_pages_and_records_vintage(tmp_path: Path) -> None:
    pages = {
        "page1": json.loads((DATA / "pdok" / "page1.json").read_text()),
        "page2": json.loads((DATA / "pdok" / "page2.json").read_text()),
    }
    asked: list[str] = []

    def fetch(url: str) -> dict[str, Any]:
        asked.append(url)
        return pages["page2" if "cursor=" in url else "page1"]

    settings = settings_for(site_copy(tmp_path))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    source = download(settings, catalog.pc4s_in_use(), catalog.register, 2024, fetch)
    assert asked[0].startswith(PDOK_ITEMS + "?f=json&limit=1000&bbox=") and asked[0].endswith("&jaarcode=2024")
    assert len(asked) == 2
    assert source.vintage == "CBS PC4 2024"
    saved = json.loads(source.path.read_text())
    assert [f["properties"]["pc4"] for f in saved["features"]] == ["2525", "2526", "2531", "2532", "2533"]
    found = find_polygons(settings)
    assert found is not None and found.path == source.path and found.vintage == "CBS PC4 2024"


def test_clean_coverage_is_kept_in_the_cache_and_a_damaged_cache_is_recomputed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(site_copy(tmp_path))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    fresh = build_geo(catalog, settings, catalog.register)
    kept = list((tmp_path / "site" / ".cache" / "wijkkaart").glob("schoon-*.fgb"))
    assert len(kept) == 1
    with monkeypatch.context() as patch:
        patch.setattr(shapely, "coverage_clean", lambda *a, **k: pytest.fail("not read from the cache"))
        assert build_geo(catalog, settings, catalog.register).wijken == fresh.wijken
    kept[0].write_bytes(b"kapot")
    assert build_geo(catalog, settings, catalog.register).wijken == fresh.wijken
    assert kept[0].read_bytes() != b"kapot"


def _example_polygons(example: tuple[Catalog, Geo]) -> Any:
    catalog, _ = example
    return _pc4_polygons({p for w in catalog.wijken.values() for p in w.wijk.pc4}).geometry.values


def test_cleaning_keeps_every_area_of_the_example(example: tuple[Catalog, Geo]) -> None:
    polygons = _example_polygons(example)
    cleaned = _clean(polygons)
    assert shapely.coverage_is_valid(cleaned)
    lost = 1 - shapely.area(cleaned) / shapely.area(polygons)
    assert lost.max() < 0.01  # with GEOS 3.14 the 2 m snap alone drops 2513 (Centrum): the guard cleans again


def test_an_area_broken_by_the_snap_is_cleaned_again_without_it(
    example: tuple[Catalog, Geo], monkeypatch: pytest.MonkeyPatch
) -> None:
    polygons = _example_polygons(example)
    real, calls = shapely.coverage_clean, []

    def snap_breaks_the_first(geometry: Any, **options: Any) -> Any:
        calls.append(options)
        cleaned = real(geometry, **options)
        if options.get("snapping_distance") == SNAP_M:
            cleaned[0] = shapely.Polygon()
        return cleaned

    monkeypatch.setattr(shapely, "coverage_clean", snap_breaks_the_first)
    cleaned = _clean(polygons)
    assert calls == [{"gap_width": GAP_WIDTH_M, "snapping_distance": SNAP_M}, {"gap_width": GAP_WIDTH_M}]
    assert shapely.area(cleaned[0]) > 0.99 * shapely.area(polygons[0])


def test_a_speck_cleaned_away_is_no_reason_to_clean_again(monkeypatch: pytest.MonkeyPatch) -> None:
    speck = shapely.box(0, 0, 5, 5)  # 25 m², inside its neighbour (like PC4 1623 in CBS 2020)
    polygons = np.array([shapely.box(0, 0, 1000, 1000), speck, shapely.box(1000, 0, 2000, 1000)])
    real, calls = shapely.coverage_clean, []
    monkeypatch.setattr(shapely, "coverage_clean", lambda g, **o: calls.append(o) or real(g, **o))
    cleaned = _clean(polygons)
    assert len(calls) == 1
    assert shapely.area(cleaned[0]) == pytest.approx(1_000_000, rel=1e-4)


def test_a_real_coverage_cleaned_with_the_snap_keeps_every_area() -> None:
    where = "pc4 >= '3500' AND pc4 < '3600'"  # Utrecht: 42 areas, cleaned with the snap alone (GEOS 3.14)
    polygons = gpd.read_file(GEO / "nl_pc4_cbs2020_wgs84.geojson", where=where).to_crs("EPSG:28992").geometry.values
    cleaned = _clean(polygons)
    assert shapely.coverage_is_valid(cleaned)
    assert (1 - shapely.area(cleaned) / shapely.area(polygons)).max() < 0.01

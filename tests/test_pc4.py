"""The PC4 register and polygons shipped in the package: complete, right, and used with no setting."""

from __future__ import annotations

import csv
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from wijkkaart.geo.polygons import find_polygons
from wijkkaart.geo.register import (
    POLYGONS_FILE,
    REGISTER_FILE,
    SHIPPED_VINTAGE,
    cbs_wijken,
    packaged,
    read_register,
    register_for,
)
from wijkkaart.records.settings import Settings

from .helpers import GEO

PACKAGE_DATA = Path(__file__).resolve().parents[1] / "wijkkaart" / "geo" / "cbs"
NO_GEOMETRY = {"4196", "5028"}  # no polygon in CBS PC4 2020 as converted in ../shared/geo (see SOURCES.md)


def test_the_shipped_register_has_every_pc4_area() -> None:
    register = read_register()
    assert register.source == str(PACKAGE_DATA / REGISTER_FILE)
    assert len(register.areas) == 4068
    area = register.get("2533")
    assert area is not None
    assert (area.plaats, area.gemeente, area.provincie) == ("Den Haag", "'s-Gravenhage", "Zuid-Holland")
    assert (area.lat, area.lon) == (52.05308, 4.287492)
    assert register.get("1011") is not None and register.get("0000") is None


def test_the_shipped_register_matches_the_cbs_file() -> None:
    with (GEO / "nl_pc4_centroids.csv").open(encoding="utf-8", newline="") as handle:
        source = {row["pc4"]: row for row in csv.DictReader(handle)}
    shipped, original = read_register(), read_register(GEO)
    assert set(shipped.areas) == set(source) == set(original.areas)
    assert shipped.areas == original.areas


def test_without_settings_the_register_and_polygons_come_from_the_package(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path)
    assert register_for(settings).source == str(packaged(REGISTER_FILE))
    source = find_polygons(settings)
    assert (source.path, source.vintage) == (PACKAGE_DATA / POLYGONS_FILE, SHIPPED_VINTAGE)


def test_the_shipped_polygons_are_the_cbs_polygons_on_a_metre_grid() -> None:
    shipped = gpd.read_file(PACKAGE_DATA / POLYGONS_FILE).set_index("pc4")
    assert shipped.crs.to_epsg() == 28992
    assert set(shipped.index) == set(read_register().areas) - NO_GEOMETRY
    assert shapely.is_valid(shipped.geometry.values).all()
    original = gpd.read_file(GEO / "nl_pc4_cbs2020_wgs84.geojson", columns=["pc4"]).set_index("pc4")
    original = original.loc[shipped.index].to_crs("EPSG:28992")
    moved = shapely.area(shapely.symmetric_difference(shipped.geometry.values, original.geometry.values))
    assert moved.sum() / original.area.sum() < 1e-3  # edges move up to 0.7 m: 0.03 % of the land
    assert (moved / original.area.to_numpy())[original.area.to_numpy() > 10_000].max() < 0.02  # areas over 1 ha
    assert np.median(shapely.hausdorff_distance(shipped.geometry.values, original.geometry.values)) < 1.0


def test_a_filtered_read_of_the_shipped_polygons() -> None:
    frame = gpd.read_file(packaged(POLYGONS_FILE), where="pc4 IN ('2533', '2525')", columns=["pc4"])
    assert sorted(frame["pc4"]) == ["2525", "2533"]


def test_cbs_wijk_names_are_shipped_for_den_haag_only() -> None:
    wijken = cbs_wijken("'s-Gravenhage")
    assert len(wijken) == 44
    assert [(w.code, w.naam, w.pc4) for w in wijken[:2]] == [
        ("WK051801", "Oostduinen", ("2586", "2597")),
        ("WK051802", "Belgisch Park", ("2586", "2587")),
    ]
    assert "Kraayenstein en Vroondaal" in {w.naam for w in wijken}  # the CBS 2024 name
    assert cbs_wijken("Utrecht") == []


@pytest.mark.parametrize("name", [REGISTER_FILE, POLYGONS_FILE, "SOURCES.md"])
def test_the_data_files_are_package_data(name: str) -> None:
    import tomllib

    patterns = tomllib.loads((PACKAGE_DATA.parents[2] / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert any(Path(name).match(p) for p in patterns["package-data"]["*"])
    assert (PACKAGE_DATA / name).is_file()

"""Derive the geodata that ships inside the package from the CBS files in ../shared/geo.

Source: CBS (Statistics Netherlands) / Kadaster, product CBS_PC4_2020_v1 (PC4 polygons) with plaats,
gemeente and provincie per PC4, and the CBS Wijk- en buurtkaart 2015 for the Den Haag wijken (names as in
CBS 2024). Licence: CC BY 4.0, attribution "Bron: CBS / Kadaster". ``../shared/geo/SOURCES.md`` says where
each file was taken from. The vintage is ``wijkkaart.geo.register.SHIPPED_VINTAGE``.

Writes into ``wijkkaart/geo/cbs/``:

- the PC4 register (every PC4 area: pc4, plaats, gemeente, provincie, centre lat/lon), CSV;
- the PC4 polygons as FlatGeobuf in EPSG:28992 (RD New), vertices rounded to whole metres (the source
  has about 1 m already). Binary and filterable: the build reads the few areas it needs with a ``where``
  in about 0.05 s (the national GeoJSON takes 1.3 s), and rounded coordinates compress to about 1.6 MB
  in the wheel. Areas without geometry in the source are left out of this file (they stay in the register);
- CBS wijk names per gemeente with their PC4s, for ``wijkkaart init``: only Den Haag, the one gemeente
  whose wijken are in ../shared/geo.

Run: ``.venv/bin/python scripts/make_geodata.py`` (prints what it wrote). Running it twice gives the same files.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import geopandas as gpd
import shapely

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wijkkaart.geo.register import POLYGONS_FILE, REGISTER_FILE, WIJKEN_FILE  # noqa: E402

SHARED = REPO.parent / "shared" / "geo"
OUT = REPO / "wijkkaart" / "geo" / "cbs"
GRID_M = 1.0
GEMEENTE = "'s-Gravenhage"  # as the register names Den Haag
REGISTER_COLUMNS = ("pc4", "plaats", "gemeente", "provincie", "lat", "lon")


def main() -> int:
    _register(SHARED / "nl_pc4_centroids.csv", OUT / REGISTER_FILE)
    _polygons(SHARED / "nl_pc4_cbs2020_wgs84.geojson", OUT / POLYGONS_FILE)
    _wijken(SHARED / "denhaag_wijk_to_pc4.csv", SHARED / "denhaag_wijken_cbs2015_wgs84.geojson", OUT / WIJKEN_FILE)
    for name in (REGISTER_FILE, POLYGONS_FILE, WIJKEN_FILE):
        print(f"{name}: {(OUT / name).stat().st_size / 1e6:.2f} MB")
    return 0


def _register(source: Path, target: Path) -> None:
    with source.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: r["pc4"])
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, REGISTER_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"register: {len(rows)} PC4-gebieden")


def _polygons(source: Path, target: Path) -> None:
    frame = gpd.read_file(source, columns=["pc4"])
    frame = frame[~(frame.geometry.isna() | frame.geometry.is_empty)].sort_values("pc4").to_crs("EPSG:28992")
    rounded = shapely.set_precision(frame.geometry.values, GRID_M)  # keeps each polygon valid
    out = gpd.GeoDataFrame({"pc4": frame["pc4"].to_numpy()}, geometry=rounded, crs="EPSG:28992")
    target.unlink(missing_ok=True)
    out.to_file(target, driver="FlatGeobuf", SPATIAL_INDEX="NO")
    print(f"vlakken: {len(out)} PC4-gebieden, {shapely.get_num_coordinates(rounded).sum()} punten")


def _wijken(pc4s: Path, shapes: Path, target: Path) -> None:
    names = {
        f["properties"]["WK_CODE"]: f["properties"]["naam_cbs2024"]
        for f in json.loads(shapes.read_text(encoding="utf-8"))["features"]
    }
    with pc4s.open(encoding="utf-8", newline="") as handle:
        rows = [
            {"gemeente": GEMEENTE, "code": r["WK_CODE"], "naam": names[r["WK_CODE"]], "pc4": r["pc4"]}
            for r in csv.DictReader(handle)
        ]
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ("gemeente", "code", "naam", "pc4"), lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["code"]))
    print(f"wijken: {len(rows)} CBS-wijken (alleen Den Haag)")


if __name__ == "__main__":
    sys.exit(main())

"""The register of Dutch PC4 postcode areas: which exist, their gemeente and centre.

Read from a small CSV (``nl_pc4_centroids.csv``: CBS PC4 2020, CC BY 4.0) so that ``wijkkaart
check`` can tell an unknown postcode without loading any geometry.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

CENTROIDS_FILE = "nl_pc4_centroids.csv"


@dataclass(frozen=True)
class Area:
    pc4: str
    plaats: str
    gemeente: str
    lat: float | None
    lon: float | None
    provincie: str = ""


@dataclass(frozen=True)
class Register:
    areas: dict[str, Area]
    source: str

    def __contains__(self, pc4: object) -> bool:
        return pc4 in self.areas

    def get(self, pc4: str) -> Area | None:
        return self.areas.get(pc4)


def read_register(geodata_dir: Path | None) -> Register | None:
    """The register from ``geodata_dir``, or ``None`` when there is no PC4 data at hand."""
    if geodata_dir is None or not (geodata_dir / CENTROIDS_FILE).is_file():
        return None
    path = geodata_dir / CENTROIDS_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        areas = {row["pc4"]: _area(row) for row in csv.DictReader(handle)}
    return Register(areas, str(path))


def _area(row: dict[str, str]) -> Area:
    lat, lon = (float(row[k]) if row[k] else None for k in ("lat", "lon"))
    return Area(row["pc4"], row["plaats"], row["gemeente"], lat, lon, row.get("provincie") or "")

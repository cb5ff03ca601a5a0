"""The register of Dutch PC4 postcode areas: which exist, their gemeente, woonplaats and centre.

The package carries the register of every PC4 area (``wijkkaart/geo/cbs``, CBS PC4 2020, CC BY 4.0, "Bron: CBS
/ Kadaster"; made by ``scripts/make_geodata.py``), so a site needs no setting for it. ``register_for``
picks, in this order: the register that ``wijkkaart geodata`` refreshed in the cache folder, the
``nl_pc4_centroids.csv`` in an optional ``geodata_dir``, the shipped one. A small CSV, so that ``wijkkaart
check`` can tell an unknown postcode without loading any geometry.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from ..records.settings import Settings

CENTROIDS_FILE = "nl_pc4_centroids.csv"  # the register's name in a geodata_dir
SHIPPED_VINTAGE = "CBS PC4 2020"
REGISTER_FILE = "pc4_cbs2020.csv"
POLYGONS_FILE = "pc4_cbs2020.fgb"
WIJKEN_FILE = "wijken_cbs.csv"
CACHED_REGISTER = "pc4.csv"  # written by ``wijkkaart geodata`` into the cache folder
REGISTER_COLUMNS = ("pc4", "plaats", "gemeente", "provincie", "lat", "lon")


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

    @cached_property
    def names(self) -> dict[str, str]:
        """Every gemeente and every woonplaats that lies in one gemeente, casefolded → the gemeente (CBS's name);
        so 'Den Haag' is "'s-Gravenhage"."""
        plaatsen: dict[str, set[str]] = {}
        for area in self.areas.values():
            plaatsen.setdefault(area.plaats.casefold(), set()).add(area.gemeente)
        names = {plaats: min(found) for plaats, found in plaatsen.items() if len(found) == 1}
        return {**names, **{area.gemeente.casefold(): area.gemeente for area in self.areas.values()}}

    @cached_property
    def spellings(self) -> list[str]:
        """Every gemeente and woonplaats as CBS writes it, sorted (for "Bedoelde je …?")."""
        return sorted({n for a in self.areas.values() for n in (a.gemeente, a.plaats)})


@dataclass(frozen=True)
class CbsWijk:
    """A CBS wijk with the PC4 areas that make it up (for starting a site's wijken)."""

    gemeente: str
    code: str
    naam: str
    pc4: tuple[str, ...]


def packaged(name: str) -> Path:
    """A data file shipped inside the package."""
    return Path(str(resources.files("wijkkaart") / "geo" / "cbs" / name))


def register_for(settings: Settings) -> Register:
    """The register a site uses: the refreshed one in the cache, else ``geodata_dir``'s, else the shipped one."""
    cached = settings.path(settings.cache_dir) / CACHED_REGISTER
    if cached.is_file():
        return _read(cached)
    return read_register(settings.geodata_path)


def read_register(geodata_dir: Path | None = None) -> Register:
    """The register from ``geodata_dir`` when it holds one, else the one shipped in the package."""
    if geodata_dir is not None and (geodata_dir / CENTROIDS_FILE).is_file():
        return _read(geodata_dir / CENTROIDS_FILE)
    return _read(packaged(REGISTER_FILE))


def write_register(register: Register, path: Path) -> None:
    """``register`` as CSV in the shipped file's columns (written next to the target, then moved)."""
    partial = path.with_name(path.name + ".deel")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(REGISTER_COLUMNS)
        writer.writerows(_row(register.areas[p]) for p in sorted(register.areas))
    partial.replace(path)


def cbs_wijken(gemeente: str) -> list[CbsWijk]:
    """The CBS wijken of ``gemeente`` (its name as in the register) that the package knows; often none."""
    return [w for w in _all_wijken() if w.gemeente == gemeente]


@cache
def _all_wijken() -> tuple[CbsWijk, ...]:
    with packaged(WIJKEN_FILE).open(encoding="utf-8", newline="") as handle:
        return tuple(
            CbsWijk(r["gemeente"], r["code"], r["naam"], tuple(r["pc4"].split())) for r in csv.DictReader(handle)
        )


def _read(path: Path) -> Register:
    return _cached_read(path, path.stat().st_mtime_ns)


@cache
def _cached_read(path: Path, mtime_ns: int) -> Register:
    """A register file, read once per process while the file is unchanged (one object: what it works out, such
    as its names, is kept with it)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return Register({row["pc4"]: _area(row) for row in csv.DictReader(handle)}, str(path))


def _area(row: dict[str, str]) -> Area:
    lat, lon = (float(row[k]) if row[k] else None for k in ("lat", "lon"))
    return Area(row["pc4"], row["plaats"], row["gemeente"], lat, lon, row.get("provincie") or "")


def _row(area: Area) -> Iterable[str]:
    coordinates = ("" if v is None else f"{v:.6f}".rstrip("0").rstrip(".") for v in (area.lat, area.lon))
    return (area.pc4, area.plaats, area.gemeente, area.provincie, *coordinates)

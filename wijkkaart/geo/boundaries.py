"""Geometry, once per build: wijk boundaries from CBS PC4 polygons, and where each location lies.

The only module that imports geopandas and shapely. A wijk's boundary is derived, never drawn: the
union of its PC4 polygons, simplified as one coverage (so that neighbouring wijken keep sharing their
edges) with a tolerance in metres, and rounded to about 1 m for the web.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..records.catalog import Catalog
from ..records.problems import Problem, Severity
from ..records.settings import Settings
from .polygons import PolygonSource, find_polygons
from .register import Register

METRIC_CRS = "EPSG:28992"
WEB_CRS = "EPSG:4326"
MAX_BOUNDARY_BYTES = 20_000
GAP_WIDTH_M = 25.0
SNAP_M = 2.0  # vertices this close are snapped together before cleaning
MAX_LOSS = 0.5  # an area that loses more than this share of itself in the cleaning was broken by the snap
MIN_PART_M2 = 1_000.0
FAR_METRES = 500.0
DECIMALS = 5


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    approximate: bool


@dataclass(frozen=True)
class WijkShape:
    slug: str
    geometry: dict[str, Any]
    bounds: tuple[float, float, float, float]
    label: tuple[float, float]
    area_m2: float
    source_area_m2: float

    @property
    def geojson_bytes(self) -> int:
        return len(dumps(self.geometry))


@dataclass(frozen=True)
class Geo:
    """Everything maps need, computed once: boundaries, location points, and the data's vintage."""

    wijken: dict[str, WijkShape] = field(default_factory=dict)
    points: dict[tuple[str, str], Point] = field(default_factory=dict)
    vintage: str = ""
    tolerance_m: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    def point(self, org: str, location: str) -> Point | None:
        return self.points.get((org, location))


def dumps(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def build_geo(catalog: Catalog, settings: Settings, register: Register | None) -> Geo:
    points = _points(catalog, register)
    source = find_polygons(settings)
    polygons = _read(source, catalog.pc4s_in_use())
    cleaned = _cleaned(polygons, _cache_file(catalog, settings, source))
    shapes, tolerance = _boundaries(catalog, polygons, cleaned, settings.simplify_m)
    problems = _far_locations(catalog, points, polygons)  # a missing override: validate reports it (check too)
    return Geo(shapes, points, source.vintage, tolerance, problems)


def _read(source: PolygonSource, pc4s: set[str]) -> Any:
    import geopandas as gpd

    where = "pc4 IN ({})".format(",".join(f"'{p}'" for p in sorted(pc4s))) if pc4s else "1 = 0"
    frame = gpd.read_file(source.path, where=where, columns=["pc4"])
    return frame.set_index("pc4").to_crs(METRIC_CRS).geometry


def geometry_cached(catalog: Catalog, settings: Settings) -> bool:
    """Whether the slow step of ``build_geo`` (cleaning the coverage) will come from the cache."""
    return _cache_file(catalog, settings, find_polygons(settings)).is_file()


def _cache_file(catalog: Catalog, settings: Settings, source: PolygonSource) -> Path:
    """Where the clean coverage is kept: named after the source file, the areas used, the cleaning's
    parameters and the GEOS version, so any change to them computes it again."""
    import shapely

    stat = source.path.stat()
    key = hashlib.sha256(_file_digest(source.path, stat.st_size, stat.st_mtime_ns))
    key.update(
        f"{','.join(sorted(catalog.pc4s_in_use()))}|{GAP_WIDTH_M}|{SNAP_M}|{MAX_LOSS}|{shapely.geos_version_string}".encode()
    )
    return settings.path(settings.cache_dir) / f"schoon-{key.hexdigest()[:20]}.fgb"


@cache
def _file_digest(path: Path, size: int, mtime_ns: int) -> bytes:
    """SHA-256 of a polygon file (30 MB for the Netherlands), read once per build while it is unchanged."""
    return hashlib.sha256(path.read_bytes()).digest()


def _cleaned(polygons: Any, path: Path) -> Any:
    """The polygons as a clean coverage (shared edges identical, slivers and gaps gone): the slowest step
    of a build, so the result is kept in the cache folder (``path``).
    A damaged cache file is recomputed."""
    import geopandas as gpd
    import shapely

    folder = path.parent
    if path.is_file():
        try:
            kept = gpd.read_file(path).set_index("pc4").geometry.loc[polygons.index].to_numpy()
            kept[shapely.is_missing(kept)] = shapely.Polygon()  # an area cleaned away is stored as null
            return kept
        except (RuntimeError, KeyError, ValueError):
            pass  # damaged (pyogrio raises a RuntimeError): compute it again
    cleaned = _clean(polygons.values)
    frame = gpd.GeoDataFrame({"pc4": polygons.index}, geometry=cleaned, crs=METRIC_CRS)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("schoon-*.fgb"):
            old.unlink()
        partial = path.with_name(path.stem + ".deel.fgb")
        frame.to_file(partial, driver="FlatGeobuf", SPATIAL_INDEX="NO")
        partial.replace(path)
    except OSError:
        pass  # a read-only checkout: the next build computes it again
    return cleaned


def _clean(polygons: Any) -> Any:
    """``shapely.coverage_clean`` with vertices closer than ``SNAP_M`` snapped together: GEOS's own choice
    (a tiny distance) leaves thousands of slivers to merge, three times the work for all 4,068 PC4 areas
    (measured 24-30 s against 8.5-10 s), and 2 m is invisible after rounding to about 1 m and simplifying
    at 10 m or more. A snap can make GEOS drop a whole area (it did: 2513 among Den Haag's areas at 2 m,
    3761 among all at 1.5 m), so when any area larger than a speck lost more than ``MAX_LOSS`` of itself,
    the coverage is cleaned again with GEOS's own snapping."""
    import shapely

    cleaned = shapely.coverage_clean(polygons, gap_width=GAP_WIDTH_M, snapping_distance=SNAP_M)
    before = shapely.area(polygons)
    broken = (before - shapely.area(cleaned) > MAX_LOSS * before) & (before >= MIN_PART_M2)
    if broken.any():
        cleaned = shapely.coverage_clean(polygons, gap_width=GAP_WIDTH_M)
    return cleaned


def _boundaries(catalog: Catalog, polygons: Any, cleaned: Any, tolerance: float) -> tuple[dict[str, WijkShape], float]:
    """Simplify with the given tolerance, doubling it until every boundary fits the size budget."""
    for _ in range(8):
        shapes = _shapes(catalog, polygons, cleaned, tolerance)
        if all(s.geojson_bytes <= MAX_BOUNDARY_BYTES for s in shapes.values()):
            break
        tolerance *= 2
    return shapes, tolerance


def _shapes(catalog: Catalog, polygons: Any, cleaned: Any, tolerance: float) -> dict[str, WijkShape]:
    """Each wijk's boundary at ``tolerance``: the union of its simplified PC4 areas, in web coordinates
    rounded to ``DECIMALS`` (projection, precision and labels for all wijken at once)."""
    import geopandas as gpd
    import numpy as np
    import shapely

    simplified = shapely.coverage_simplify(cleaned, tolerance)
    position = {pc4: i for i, pc4 in enumerate(polygons.index)}
    members = {slug: [position[p] for p in e.wijk.pc4 if p in position] for slug, e in catalog.wijken.items()}
    members = {slug: rows for slug, rows in members.items() if rows}
    unions = [_without_specks(shapely.coverage_union_all(simplified[rows])) for rows in members.values()]
    web = gpd.GeoSeries(unions, crs=METRIC_CRS).to_crs(WEB_CRS).to_numpy()
    web = shapely.set_precision(web, 10**-DECIMALS)
    labels, bounds, areas = shapely.point_on_surface(web), shapely.bounds(web), polygons.area.to_numpy()
    web = shapely.transform(web, lambda xy: np.round(xy, DECIMALS))  # 4.123450000000001 → 4.12345
    shapes = {}
    for i, (slug, rows) in enumerate(members.items()):
        minx, miny, maxx, maxy = (float(b) for b in bounds[i])
        shapes[slug] = WijkShape(
            slug,
            _lists(shapely.geometry.mapping(web[i])),
            (minx, miny, maxx, maxy),
            (round(labels[i].y, DECIMALS), round(labels[i].x, DECIMALS)),
            float(unions[i].area),
            float(areas[rows].sum()),
        )
    return shapes


def _without_specks(geometry: Any) -> Any:
    """Drop the tiny slivers that CBS polygons leave after a union (smaller than a house plot)."""
    import shapely

    parts = [p for p in shapely.get_parts(geometry) if p.area >= MIN_PART_M2]
    return shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0] if parts else geometry


def _lists(value: Any) -> Any:
    """GeoJSON as shapely maps it, with lists for tuples (as it reads back from JSON)."""
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def _points(catalog: Catalog, register: Register | None) -> dict[tuple[str, str], Point]:
    points = {}
    for org in catalog.orgs.values():
        for loc in org.org.locations:
            if loc.coordinates is not None:
                points[(org.slug, loc.id)] = Point(loc.coordinates.lat, loc.coordinates.lon, False)
            elif register is not None and (area := register.get(loc.pc4)) and area.lat is not None:
                points[(org.slug, loc.id)] = Point(area.lat, area.lon or 0.0, True)
    return points


def _far_locations(catalog: Catalog, points: dict[tuple[str, str], Point], polygons: Any) -> list[Problem]:
    """Locations whose coordinates lie far outside their own PC4 area (one vectorised pass)."""
    import geopandas as gpd

    checks = [
        (org, i, loc, points[(org.slug, loc.id)])
        for org in catalog.orgs.values()
        for i, loc in enumerate(org.org.locations)
        if (org.slug, loc.id) in points and not points[(org.slug, loc.id)].approximate and loc.pc4 in polygons.index
    ]
    if not checks:
        return []
    here = gpd.GeoSeries(
        gpd.points_from_xy([c[3].lon for c in checks], [c[3].lat for c in checks]), crs=WEB_CRS
    ).to_crs(METRIC_CRS)
    areas = gpd.GeoSeries([polygons.loc[c[2].pc4] for c in checks], crs=METRIC_CRS)
    distances = areas.distance(here, align=False)
    problems = []
    for (org, i, loc, _), distance in zip(checks, distances, strict=True):
        if distance > FAR_METRES:
            problems.append(
                Problem(
                    org.doc.file,
                    org.doc.line(("locations", i, "coordinates")),
                    f"locations[{i}].coordinates",
                    "location-far-from-postcode",
                    f"de coördinaten liggen {distance:.0f} m buiten postcodegebied {loc.pc4}.",
                    "Controleer lat en lon (niet omgewisseld?) en de postcode.",
                    Severity.WARNING,
                )
            )
    return problems

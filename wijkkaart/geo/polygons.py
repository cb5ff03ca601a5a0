"""Where PC4 polygons come from: the package, or a fresher download from PDOK in the cache folder.

The package ships the national PC4 polygons (``wijkkaart/geo/cbs``, CBS PC4 2020, CC BY 4.0, "Bron: CBS /
Kadaster"), so a site needs no setting and no network. ``wijkkaart geodata`` fetches from PDOK's OGC API
Features (CBS postcode4) the areas around the site's postcodes and refreshes both the polygons and the
register's facts for them (gemeente and woonplaats where PDOK gives them; new areas get their centre);
the download takes precedence over an optional ``geodata_dir``, which takes precedence over the package.
A failed download changes nothing. No geopandas here: plain JSON over HTTP.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..records.settings import Settings
from .register import (
    CACHED_REGISTER,
    POLYGONS_FILE,
    SHIPPED_VINTAGE,
    Area,
    Register,
    packaged,
    read_register,
    write_register,
)

PDOK_ITEMS = "https://api.pdok.nl/cbs/postcode4/ogc/v1/collections/postcode4/items"
CACHE_FILE = "pc4.geojson"
VINTAGE_FILE = "vintage.txt"
POSTCODE_KEYS = ("postcode", "postcode4", "pc4")
GEMEENTE_KEYS = ("gemeentenaam", "gemeente")
PLAATS_KEYS = ("woonplaatsnaam", "woonplaats", "plaats")
Fetch = Callable[[str], dict[str, Any]]


class DownloadError(Exception):
    """PDOK answered, but not with what the site needs."""


@dataclass(frozen=True)
class PolygonSource:
    path: Path
    vintage: str


def find_polygons(settings: Settings) -> PolygonSource:
    """The downloaded cache when present, else the file in ``geodata_dir``, else the shipped polygons."""
    cache = settings.path(settings.cache_dir)
    if (cache / CACHE_FILE).is_file():
        vintage = (cache / VINTAGE_FILE).read_text(encoding="utf-8").strip() if (cache / VINTAGE_FILE).is_file() else ""
        return PolygonSource(cache / CACHE_FILE, vintage or "CBS PC4")
    folder = settings.geodata_path
    if folder is not None and (folder / settings.pc4_polygons).is_file():
        return PolygonSource(folder / settings.pc4_polygons, settings.geodata_vintage)
    return PolygonSource(packaged(POLYGONS_FILE), SHIPPED_VINTAGE)


def fetch_json(url: str) -> dict[str, Any]:
    request = urllib.request.Request(url, headers={"Accept": "application/geo+json", "User-Agent": "wijkkaart"})
    with urllib.request.urlopen(request, timeout=60) as response:
        data: dict[str, Any] = json.load(response)
        return data


def download(
    settings: Settings,
    pc4s: set[str],
    register: Register | None,
    year: int | None = None,
    fetch: Fetch | None = None,
) -> PolygonSource:
    """Fetch the PC4 areas around ``pc4s`` from PDOK into the cache folder: polygons, vintage and register.

    With PC4 centres at hand one bounding-box query (paged) covers them all; without, one query each.
    Raises ``DownloadError`` (and ``OSError``/``ValueError`` from the network or JSON) before anything is
    written, so the site keeps what it had.
    """
    urls = [_bbox_url(pc4s, register, year)] if register else [_postcode_url(p, year) for p in sorted(pc4s)]
    features: dict[str, dict[str, Any]] = {}
    for feature in (f for url in urls for f in _pages(url, fetch or fetch_json)):
        code = _first(feature.get("properties") or {}, POSTCODE_KEYS)
        if code and feature.get("geometry"):
            features[code] = feature
    missing = sorted(pc4s - set(features))
    if missing:
        raise DownloadError(f"PDOK gaf geen vlak voor {', '.join(missing)}")
    years = {str(f["properties"][k]) for f in features.values() for k in ("jaarcode", "jaar") if k in f["properties"]}
    vintage = f"CBS PC4 {max(years)}" if years else "CBS PC4"
    return _save(settings, features, vintage)


def _save(settings: Settings, features: dict[str, dict[str, Any]], vintage: str) -> PolygonSource:
    """Write polygons, register and vintage next to their targets first, then move them in place."""
    cache = settings.path(settings.cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"pc4": code}, "geometry": features[code]["geometry"]}
            for code in sorted(features)
        ],
    }
    partial = cache / (CACHE_FILE + ".deel")
    partial.write_text(json.dumps(collection), encoding="utf-8")
    write_register(_refreshed(read_register(settings.geodata_path), features, vintage), cache / CACHED_REGISTER)
    (cache / VINTAGE_FILE).write_text(vintage + "\n", encoding="utf-8")
    partial.replace(cache / CACHE_FILE)
    return PolygonSource(cache / CACHE_FILE, vintage)


def _refreshed(base: Register, features: dict[str, dict[str, Any]], vintage: str) -> Register:
    """``base`` with PDOK's facts laid over it: gemeente and woonplaats where given, and new areas."""
    areas = dict(base.areas)
    for code, feature in features.items():
        props = feature["properties"]
        known = areas.get(code) or _new_area(code, feature["geometry"])
        gemeente, plaats = _first(props, GEMEENTE_KEYS), _first(props, PLAATS_KEYS)
        areas[code] = replace(known, gemeente=gemeente or known.gemeente, plaats=plaats or known.plaats)
    return Register(areas, f"{vintage} (PDOK) over {base.source}")


def _new_area(code: str, geometry: dict[str, Any]) -> Area:
    """An area the shipped register lacks, with its centre (a point inside it)."""
    from shapely.geometry import shape

    centre = shape(geometry).representative_point()
    return Area(code, "", "", round(centre.y, 6), round(centre.x, 6))


def _postcode_url(pc4: str, year: int | None) -> str:
    query = {"f": "json", "postcode": pc4, **({"jaarcode": str(year)} if year else {})}
    return f"{PDOK_ITEMS}?{urllib.parse.urlencode(query)}"


def _bbox_url(pc4s: set[str], register: Register, year: int | None) -> str:
    areas = [a for p in pc4s if (a := register.get(p)) and a.lat is not None and a.lon is not None]
    lons, lats = [a.lon or 0.0 for a in areas], [a.lat or 0.0 for a in areas]
    margin = 0.05
    bbox = f"{min(lons) - margin:.4f},{min(lats) - margin:.4f},{max(lons) + margin:.4f},{max(lats) + margin:.4f}"
    query = {"f": "json", "limit": "1000", "bbox": bbox, **({"jaarcode": str(year)} if year else {})}
    return f"{PDOK_ITEMS}?{urllib.parse.urlencode(query)}"


def _pages(url: str, fetch: Fetch) -> Iterator[dict[str, Any]]:
    next_url: str | None = url
    while next_url:
        page = fetch(next_url)
        if not isinstance(page, dict) or not isinstance(page.get("features", []), list):
            raise DownloadError("PDOK gaf geen GeoJSON")
        yield from page.get("features", [])
        next_url = next((link["href"] for link in page.get("links", []) if link.get("rel") == "next"), None)


def _first(properties: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if properties.get(key) not in (None, ""):
            return str(properties[key])
    return None

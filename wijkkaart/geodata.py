"""Where PC4 polygons come from: the project's own download cache, or an offline folder.

``wijkkaart geodata`` fetches from PDOK's OGC API Features (CBS postcode4, CC BY 4.0) only the
postcode areas the data needs, and records the vintage. Without network (here and in CI) the
``geodata_dir`` folder with CBS PC4 GeoJSON is used. No geopandas here: plain JSON over HTTP.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .pc4 import Register
from .settings import Settings

PDOK_ITEMS = "https://api.pdok.nl/cbs/postcode4/ogc/v1/collections/postcode4/items"
CACHE_FILE = "pc4.geojson"
VINTAGE_FILE = "vintage.txt"
POSTCODE_KEYS = ("postcode", "postcode4", "pc4")
Fetch = Callable[[str], dict[str, Any]]


@dataclass(frozen=True)
class PolygonSource:
    path: Path
    vintage: str


def find_polygons(settings: Settings) -> PolygonSource | None:
    """The downloaded cache when present, else the offline file in ``geodata_dir``, else None."""
    cache = settings.path(settings.cache_dir)
    if (cache / CACHE_FILE).is_file():
        vintage = (cache / VINTAGE_FILE).read_text(encoding="utf-8").strip() if (cache / VINTAGE_FILE).is_file() else ""
        return PolygonSource(cache / CACHE_FILE, vintage or "CBS PC4")
    folder = settings.geodata_path
    if folder is not None and (folder / settings.pc4_polygons).is_file():
        return PolygonSource(folder / settings.pc4_polygons, settings.geodata_vintage)
    return None


def fetch_json(url: str) -> dict[str, Any]:
    request = urllib.request.Request(url, headers={"Accept": "application/geo+json", "User-Agent": "wijkkaart"})
    with urllib.request.urlopen(request, timeout=60) as response:
        data: dict[str, Any] = json.load(response)
        return data


def download(
    settings: Settings, pc4s: set[str], register: Register | None, year: int | None = None, fetch: Fetch = fetch_json
) -> PolygonSource:
    """Fetch the polygons of ``pc4s`` from PDOK into the cache folder and record their vintage.

    With PC4 centres at hand one bounding-box query (paged) covers them all; without, one query each.
    """
    urls = [_bbox_url(pc4s, register, year)] if register else [_postcode_url(p, year) for p in sorted(pc4s)]
    features: list[dict[str, Any]] = []
    years: set[str] = set()
    for feature in (f for url in urls for f in _pages(url, fetch)):
        code = _postcode(feature.get("properties") or {})
        if code in pc4s:
            props = feature["properties"]
            years.update(str(props[k]) for k in ("jaarcode", "jaar") if k in props)
            features.append({"type": "Feature", "properties": {"pc4": code}, "geometry": feature["geometry"]})
    cache = settings.path(settings.cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": sorted(features, key=lambda f: f["properties"]["pc4"])}
    (cache / CACHE_FILE).write_text(json.dumps(collection), encoding="utf-8")
    vintage = f"CBS PC4 {max(years)}" if years else "CBS PC4"
    (cache / VINTAGE_FILE).write_text(vintage + "\n", encoding="utf-8")
    return PolygonSource(cache / CACHE_FILE, vintage)


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
        yield from page.get("features", [])
        next_url = next((link["href"] for link in page.get("links", []) if link.get("rel") == "next"), None)


def _postcode(properties: dict[str, Any]) -> str | None:
    for key in POSTCODE_KEYS:
        if key in properties:
            return str(properties[key])
    return None

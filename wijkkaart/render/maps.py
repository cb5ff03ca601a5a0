"""Folium maps built from the model and the geometry: one map document for the whole site, fed by a
small JSON file per page.

The document (``assets/wijkkaart/kaart.html``) is built once by folium and loads only the vendored
Leaflet files: no jQuery, Bootstrap or Font Awesome, and nothing from a CDN. A page shows it in a lazy
iframe whose URL fragment names the page (``kaart.html#wijken/moerwijk/``); the document then reads
``wijken/moerwijk/kaart.json`` (wijk boundaries and locations). A phone fetches the document and Leaflet
once for the whole site; every further map costs only its JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
from branca.element import Figure, MacroElement
from jinja2 import Template
from xyzservices import TileProvider

from ..geo.boundaries import Geo, dumps
from ..records.catalog import Catalog, OrgEntry, ServiceEntry, WijkEntry
from ..records.settings import Settings
from .csp import with_csp
from .finder import when_text
from .urls import MAP_DOCUMENT, VENDOR, Links, map_data_path, org_src, vendored, wijk_src

MAP_TEMPLATES = Path(__file__).parents[1] / "templates" / "maps"
CLUSTER_AT = 8
AREA_STYLE = {"color": "#00695c", "weight": 2, "fillColor": "#26a69a", "fillOpacity": 0.12}
DEN_HAAG = (52.07, 4.30)
DEFAULT_ZOOM = 13  # the view when a page's data has no place to fit (or cannot be read)
ROOT = "../" * MAP_DOCUMENT.count("/")  # from the map document back to the site root


def _template(name: str) -> Any:
    return Template((MAP_TEMPLATES / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapFile:
    """One file of the maps: where it goes in the site and its text."""

    src: str
    text: str


class MapDocument(Figure):  # type: ignore[misc]
    _template = _template("document.html")


class SiteMap(folium.Map):  # type: ignore[misc]
    """A folium map whose Leaflet comes from the site itself, relative to the map document."""

    def __init__(self, base: str, **kwargs: Any) -> None:
        self.default_js = [("leaflet", f"{base}{VENDOR}/leaflet/leaflet.js")]
        self.default_css = [("leaflet_css", f"{base}{VENDOR}/leaflet/leaflet.css")]
        super().__init__(tiles=None, zoom_start=DEFAULT_ZOOM, location=DEN_HAAG, **kwargs)
        # No view until the page's data is read (data.js): Leaflet then loads the tiles once, for the view
        # that fits the data, instead of first for the default view (six tiles of wasted phone data).
        self.options.pop("zoom", None)


class PhoneFriendly(MacroElement):  # type: ignore[misc]
    _template = _template("phone.js")


class PageData(MacroElement):  # type: ignore[misc]
    """Reads the page's ``kaart.json`` and draws it: wijk boundaries (each linking to its wijk page) and one
    marker per location, clustered when crowded; popups built from data, never from HTML strings."""

    _template = _template("data.js")

    def __init__(self) -> None:
        super().__init__()
        self.style, self.cluster_at = AREA_STYLE, CLUSTER_AT
        self.root = ROOT
        self.vendor = VENDOR
        self.zoom = DEFAULT_ZOOM


class MapBuilder:
    def __init__(self, catalog: Catalog, geo: Geo, settings: Settings) -> None:
        self.catalog, self.geo, self.settings = catalog, geo, settings

    def all(self) -> list[MapFile]:
        files = [self.document(), self.overview()]
        files += [self.wijk(w) for w in self.catalog.wijken.values()]
        files += [self.org(o) for o in self.catalog.orgs.values()]
        return files

    def document(self) -> MapFile:
        """The one map document of the site; it holds no data, so it is the same for every page."""
        document = MapDocument(title="Kaart")
        fmap = SiteMap(ROOT, scrollWheelZoom=False, zoomSnap=0.25)
        document.add_child(fmap)
        layers = [
            folium.TileLayer(self._tiles(), max_zoom=self.settings.tiles_max_zoom),
            PageData(),
            PhoneFriendly(),
        ]
        for layer in layers:
            layer.add_to(fmap)
        html = document.render()
        # Stable names, so the same settings give the same file (and cache): folium names each element with
        # a random id; each name is given, through the public ``get_name``, a number in its place.
        for number, element in enumerate([document, fmap, *layers]):
            name = element.get_name()
            html = html.replace(name, f"{name.rsplit('_', 1)[0]}_{number:x}")
        return MapFile(MAP_DOCUMENT, with_csp(html, self.settings.tiles_url))

    def overview(self) -> MapFile:
        links = Links("index.md")
        areas = [self._area(w, links) for w in self.catalog.wijken.values() if w.slug in self.geo.wijken]
        return self._data("index.md", "Kaart van alle wijken", areas, [], labels=True)

    def wijk(self, wijk: WijkEntry) -> MapFile:
        src = wijk_src(wijk.slug)
        areas = [self._area(wijk, Links(src), link=False)] if wijk.slug in self.geo.wijken else []
        places = self._places(self.catalog.services_for_wijk(wijk), Links(src))
        return self._data(src, f"Kaart van {wijk.name}", areas, places, labels=False)

    def org(self, org: OrgEntry) -> MapFile:
        src = org_src(org.slug)
        links = Links(src)
        served = {w.slug: w for s in self.catalog.services_of(org) for w in self.catalog.wijken_served(s)}
        areas = [self._area(w, links) for w in served.values() if w.slug in self.geo.wijken]
        places = self._places(self.catalog.services_of(org), links)
        return self._data(src, f"Kaart van {org.name}", areas, places, labels=True)

    def _data(
        self, page_src: str, title: str, areas: list[dict[str, Any]], places: list[dict[str, Any]], labels: bool
    ) -> MapFile:
        """The map data of the page ``page_src``, beside it as ``kaart.json``; links in it are relative to it."""
        data = {"title": title, "areas": areas, "places": places, "labels": labels, "fit": not areas}
        return MapFile(map_data_path(page_src), dumps(data))

    def _tiles(self) -> TileProvider:
        """The tile server as a provider object: a plain URL makes folium search all named providers."""
        credit = self._attribution()
        return TileProvider(name="kaart", url=self.settings.tiles_url, attribution=credit, html_attribution=credit)

    def _attribution(self) -> str:
        year = self.geo.vintage.rsplit(" ", 1)[-1] if self.geo.vintage else ""
        source = " | Bron: CBS / Kadaster" + (f" (postcodegebieden {year})" if year.isdigit() else "")
        return self.settings.tiles_attribution + source

    def _area(self, wijk: WijkEntry, links: Links, link: bool = True) -> dict[str, Any]:
        shape = self.geo.wijken[wijk.slug]
        return {
            "name": wijk.name,
            "url": links.wijk(wijk.slug) if link else "",
            "geometry": shape.geometry,
            "label": list(shape.label),
        }

    def _places(self, services: list[ServiceEntry], links: Links) -> list[dict[str, Any]]:
        places: dict[tuple[str, str], dict[str, Any]] = {}
        for entry in services:
            location = entry.location
            point = self.geo.point(entry.org.slug, location.id) if location else None
            if location is None or point is None:
                continue
            place = places.setdefault(
                (entry.org.slug, location.id),
                {
                    "name": location.name,
                    "lat": point.lat,
                    "lon": point.lon,
                    "approximate": point.approximate,
                    "items": [],
                },
            )
            place["items"].append(
                {
                    "name": entry.service.name,
                    "url": links.service(entry),
                    "when": when_text(entry),
                }
            )
        return list(places.values())


def build_maps(catalog: Catalog, geo: Geo, settings: Settings) -> list[MapFile]:
    return MapBuilder(catalog, geo, settings).all()


def vendor_files() -> list[tuple[str, bytes]]:
    """The vendored Leaflet files, as (site path, bytes)."""
    return [(path, file.read_bytes()) for path, file in vendored()]

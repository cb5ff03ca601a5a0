"""Folium maps built from the model and the geometry: one builder per layer, assets served by the site.

Each map is its own small HTML document (shown in a lazy iframe) that loads only the vendored Leaflet
files it needs: no jQuery, Bootstrap or Font Awesome, and nothing from a CDN.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
from branca.element import Figure, MacroElement
from jinja2 import Template
from xyzservices import TileProvider

from .catalog import Catalog, OrgEntry, ServiceEntry, WijkEntry
from .csp import with_csp
from .geo import Geo
from .settings import Settings
from .urls import Links, org_src, page_url, wijk_src

MAP_TEMPLATES = Path(__file__).parent / "templates" / "maps"
VENDOR = "assets/wijkkaart/vendor"
CLUSTER_AT = 8
AREA_STYLE = {"color": "#00695c", "weight": 2, "fillColor": "#26a69a", "fillOpacity": 0.12}
DEN_HAAG = (52.07, 4.30)


def _template(name: str) -> Any:
    return Template((MAP_TEMPLATES / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapDoc:
    """One map document: where it goes in the site and its HTML."""

    src: str
    html: str


class MapDocument(Figure):  # type: ignore[misc]
    _template = _template("document.html")


class SiteMap(folium.Map):  # type: ignore[misc]
    """A folium map whose Leaflet comes from the site itself, relative to the map's own URL."""

    def __init__(self, base: str, **kwargs: Any) -> None:
        self.default_js = [("leaflet", f"{base}{VENDOR}/leaflet/leaflet.js")]
        self.default_css = [("leaflet_css", f"{base}{VENDOR}/leaflet/leaflet.css")]
        super().__init__(tiles=None, zoom_start=13, location=DEN_HAAG, **kwargs)


class PhoneFriendly(MacroElement):  # type: ignore[misc]
    _template = _template("phone.js")


class AreaLayer(MacroElement):  # type: ignore[misc]
    """Wijk boundaries, labelled; each links to its wijk page."""

    _template = _template("areas.js")

    def __init__(self, areas: list[dict[str, Any]], labels: bool) -> None:
        super().__init__()
        self.areas, self.labels, self.style = areas, labels, AREA_STYLE


class LocationLayer(MacroElement):  # type: ignore[misc]
    """One marker per location, clustered when crowded; popups built from data, never from HTML strings."""

    _template = _template("locations.js")

    def __init__(self, places: list[dict[str, Any]], base: str, fit: bool) -> None:
        super().__init__()
        self.places, self.fit = places, fit
        self.cluster = len(places) >= CLUSTER_AT
        self.base = base

    def render(self, **kwargs: Any) -> Any:
        if self.cluster:
            header: Any = getattr(self.get_root(), "header")  # noqa: B009
            header.add_child(
                folium.JavascriptLink(f"{self.base}{VENDOR}/markercluster/leaflet.markercluster.js"),
                name="markercluster",
            )
            for name in ("MarkerCluster.css", "MarkerCluster.Default.css"):
                header.add_child(folium.CssLink(f"{self.base}{VENDOR}/markercluster/{name}"), name=name)
        return super().render(**kwargs)


class MapBuilder:
    def __init__(self, catalog: Catalog, geo: Geo, settings: Settings) -> None:
        self.catalog, self.geo, self.settings = catalog, geo, settings

    def all(self) -> list[MapDoc]:
        docs = [self.overview()]
        docs += [self.wijk(w) for w in self.catalog.wijken.values()]
        docs += [self.org(o) for o in self.catalog.orgs.values()]
        return docs

    def overview(self) -> MapDoc:
        links = Links("index.md")
        areas = [self._area(w, links) for w in self.catalog.wijken.values() if w.slug in self.geo.wijken]
        return self._render("index.md", "Kaart van alle wijken", areas, [], labels=True)

    def wijk(self, wijk: WijkEntry) -> MapDoc:
        src = wijk_src(wijk.slug)
        areas = [self._area(wijk, Links(src), link=False)] if wijk.slug in self.geo.wijken else []
        places = self._places(self.catalog.services_for_wijk(wijk), Links(src))
        return self._render(src, f"Kaart van {wijk.name}", areas, places, labels=False)

    def org(self, org: OrgEntry) -> MapDoc:
        src = org_src(org.slug)
        links = Links(src)
        served = {w.slug: w for s in self.catalog.services_of(org) for w in self.catalog.wijken_served(s)}
        areas = [self._area(w, links) for w in served.values() if w.slug in self.geo.wijken]
        places = self._places(self.catalog.services_of(org), links)
        return self._render(src, f"Kaart van {org.name}", areas, places, labels=True)

    def _render(
        self, page_src: str, title: str, areas: list[dict[str, Any]], places: list[dict[str, Any]], labels: bool
    ) -> MapDoc:
        """The map shown on the page ``page_src``; it lives beside that page as ``kaart.html``."""
        path = page_url(page_src) + "kaart.html"
        base = "../" * path.count("/")
        document = MapDocument(title=title)
        fmap = SiteMap(base, scrollWheelZoom=False, zoomSnap=0.25)
        document.add_child(fmap)
        layers = [
            folium.TileLayer(self._tiles(bool(areas)), max_zoom=self.settings.tiles_max_zoom),
            AreaLayer(areas, labels),
            LocationLayer(places, base, fit=not areas),
            PhoneFriendly(),
        ]
        for number, element in enumerate([document, fmap, *layers]):
            element._id = f"{number:x}"  # stable names, so the same data gives the same file (and cache)
        for layer in layers:
            layer.add_to(fmap)
        return MapDoc(path, with_csp(document.render(), self.settings.tiles_url))

    def _tiles(self, with_areas: bool) -> TileProvider:
        """The tile server as a provider object: a plain URL makes folium search all named providers."""
        return TileProvider(
            name="kaart",
            url=self.settings.tiles_url,
            attribution=self._attribution(with_areas),
            html_attribution=self._attribution(with_areas),
        )

    def _attribution(self, with_areas: bool) -> str:
        source = f" | Bron: CBS / Kadaster ({self.geo.vintage})" if with_areas and self.geo.vintage else ""
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
                    "when": entry.schedule.text if entry.schedule else "op afspraak",
                }
            )
        return list(places.values())


def build_maps(catalog: Catalog, geo: Geo, settings: Settings) -> list[MapDoc]:
    return MapBuilder(catalog, geo, settings).all()


def vendor_files() -> list[tuple[str, bytes]]:
    """The vendored Leaflet files, as (site path, bytes)."""
    root = Path(__file__).parent / "assets" / "vendor"
    return [
        (f"{VENDOR}/{p.relative_to(root).as_posix()}", p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()
    ]

"""The core's one entry point for builders: settings in, rendered pages and files (or every problem) out."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .geo import geometry_cached
from .pages import Page, render_pages
from .parallel import Background
from .problems import DataError, Problem
from .settings import Settings
from .validate import build_catalog

ASSETS = Path(__file__).parent / "assets"
SCRIPT = "assets/wijkkaart/js/finder.js"
STYLESHEET = "assets/wijkkaart/css/wijkkaart.css"
PARALLEL_STEP = "geometry, maps and open data (second core)"


@dataclass(frozen=True)
class Asset:
    """A file the site serves as it is (a map document, a vendored script), by its site path."""

    path: str
    content: bytes


@dataclass(frozen=True)
class Site:
    catalog: Catalog
    pages: list[Page]
    problems: list[Problem]
    assets: list[Asset] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def build_site(settings: Settings, with_maps: bool = True, parallel: bool = True) -> Site:
    """Load, validate and render; raise DataError with all problems when any is an error.

    ``with_maps=False`` is the fast path of ``wijkkaart check``: no geometry, no geopandas, no folium.
    With ``parallel`` the geometry, maps and open data are made on the second core while pages render.
    """
    clock = _Clock()
    catalog, problems = build_catalog(settings)
    clock.lap("load and validate")
    if catalog is None:
        raise DataError(problems)
    if not with_maps:
        return Site(catalog, render_pages(catalog, settings, maps=False), problems)
    # The second core makes the geometry (and what needs it); when its slow step comes from the cache it
    # has time for the agenda as well, so the two cores finish at about the same time.
    agenda_there = parallel and geometry_cached(catalog, settings)
    geo_work = Background(lambda: _geo_files(catalog, settings, agenda_there), parallel)
    if not geo_work.forked:
        clock.lap("geometry, maps and open data")
    assets = _browser_files(catalog, settings)
    clock.lap("finder data")
    if not agenda_there:
        assets += _agenda_files(catalog, settings)
        clock.lap("agenda")
    pages = render_pages(catalog, settings, maps=True)
    clock.lap("render pages")
    geo_assets, geo_problems = geo_work.result()
    assets += geo_assets
    if geo_work.forked:
        clock.lap("waiting for geometry, maps and open data")
        clock.laps[PARALLEL_STEP] = geo_work.seconds
    assets += _offline_files(pages, assets, settings)
    assets.sort(key=lambda asset: asset.path)
    return Site(catalog, pages, problems + geo_problems, assets, clock.laps)


class _Clock:
    """Seconds per build step, for the benchmark script."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.start = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self.start
        self.start = now


def _offline_files(pages: list[Page], assets: list[Asset], settings: Settings) -> list[Asset]:
    """The service worker (its cache named after a hash of this build) and the web app manifest."""
    from .offline import manifest, service_worker

    digest = hashlib.sha256()
    for item in sorted([(p.src, p.content.encode()) for p in pages] + [(a.path, a.content) for a in assets]):
        digest.update(item[0].encode() + b"\0" + item[1])
    version = digest.hexdigest()[:16]
    return [
        Asset("sw.js", service_worker(version, settings).encode()),
        Asset("manifest.webmanifest", manifest(settings).encode()),
    ]


def _browser_files(catalog: Catalog, settings: Settings) -> list[Asset]:
    """The finder's scripts and styles, and the JSON it reads."""
    from .finder import finder_files

    files = [
        Asset(f"assets/wijkkaart/{p.relative_to(ASSETS).as_posix()}", p.read_bytes())
        for p in sorted(ASSETS.glob("*/*"))
        if p.is_file() and p.parent.name in ("js", "css")
    ]
    return files + [Asset(path, content) for path, content in finder_files(catalog, settings)]


def _agenda_files(catalog: Catalog, settings: Settings) -> list[Asset]:
    from .exports.ical import ical_files

    return [Asset(path, content) for path, content in ical_files(catalog, settings)]


def _geo_files(catalog: Catalog, settings: Settings, with_agenda: bool) -> tuple[list[Asset], list[Problem]]:
    """Geometry, and what needs it: the map files and the open data (HSDS, wijk boundaries); and the
    agenda when ``with_agenda``."""
    from .exports.hsds import hsds_files
    from .geo import build_geo
    from .maps import build_maps, vendor_files

    geo = build_geo(catalog, settings, catalog.register)
    assets = [Asset(path, content) for path, content in vendor_files()]
    assets += [Asset(f.src, f.text.encode("utf-8")) for f in build_maps(catalog, geo, settings)]
    assets += [Asset(path, content) for path, content in hsds_files(catalog, settings, geo)]
    return assets + (_agenda_files(catalog, settings) if with_agenda else []), geo.problems

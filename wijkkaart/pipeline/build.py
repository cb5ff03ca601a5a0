"""The core's one entry point for builders: settings in, rendered pages and files (or every problem) out."""

from __future__ import annotations

import hashlib
import os
import posixpath
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from ..geo.boundaries import geometry_cached
from ..records.catalog import Catalog
from ..records.problems import DataError, Problem
from ..records.settings import Settings
from ..records.validate import build_catalog
from ..render.pages import Page, Renderer, render_pages
from ..render.urls import EARLY_SCRIPT, SCRIPT, map_paths
from .parallel import Background
from .steps import step

ASSETS = Path(__file__).parents[1] / "assets"
BUNDLES = {SCRIPT: "finder.js", EARLY_SCRIPT: "early.js"}  # site path: its entry module
STYLESHEET = "assets/wijkkaart/css/wijkkaart.css"
PARALLEL_STEP = "geometry, maps and open data (second core)"
SECOND_CORE = "wijkgrenzen, kaarten, open data en agenda (tweede kern)"
OFFLINE_FILES = ("manifest.webmanifest", "sw.js")


@dataclass(frozen=True)
class Asset:
    """A file the site serves as it is (a map document, a vendored script), by its site path."""

    path: str
    content: bytes


@dataclass
class Site:
    """What a build made. ``beside`` is the work of the second core while it is not yet ``finish``ed."""

    catalog: Catalog
    pages: list[Page]
    problems: list[Problem]
    assets: list[Asset] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    beside: Beside | None = None
    later: list[str] = field(default_factory=list)  # site paths of the files the second core writes to a folder
    cards: dict[str, str] = field(default_factory=dict)  # each entry's card as the browser shows it, by uid

    def finish(self) -> None:
        """Wait for the second core: its problems join ``problems``; its files join ``assets``, or go into its
        folder; then the service worker, whose cache is named after a hash of everything the build made."""
        if self.beside is None:
            return
        beside, started = self.beside, time.perf_counter()
        self.beside = None  # waited for once: a failure is raised once, never a second time on cleaning up
        made, hashes, problems = beside.work.result()
        if beside.work.forked:
            self.timings["waiting for geometry, maps and open data"] = time.perf_counter() - started
            self.timings[PARALLEL_STEP] = beside.work.seconds
        self.problems.extend(problems)
        own = _hashes([(p.src, p.content.encode()) for p in self.pages] + [(a.path, a.content) for a in self.assets])
        with step("servicewerker (offline)"):
            offline = _offline_files(own + hashes, beside.settings)
        if beside.folder is None:
            self.assets.extend(made + offline)
            self.assets.sort(key=lambda asset: asset.path)
        else:
            with step("bestanden schrijven"):
                write_files(beside.folder, offline)


@dataclass(frozen=True)
class Beside:
    """The second core's work: geometry, maps, open data (and the agenda when it has the time for it)."""

    work: Background[tuple[list[Asset], list[tuple[str, str]], list[Problem]]]
    settings: Settings
    folder: Path | None


def build_site(settings: Settings, with_maps: bool = True, parallel: bool = True, folder: Path | None = None) -> Site:
    """Load, validate and render; raise DataError with all problems when any is an error.

    ``with_maps=False`` is the fast path of ``wijkkaart check``: no geometry, no geopandas, no folium.
    With ``parallel`` the geometry, maps and open data are made on the second core while pages render.
    Without ``folder`` the site is complete when this returns. With it, the second core writes its files
    there (their paths in ``Site.later``) and goes on until ``Site.finish``; it makes the agenda too, so
    the build's own process is free for the site builder sooner.
    """
    clock = _Clock()
    catalog, problems = build_catalog(settings, parallel)
    clock.lap("load and validate")
    if catalog is None:
        raise DataError(problems)
    if not with_maps:
        return Site(catalog, render_pages(catalog, settings, maps=False), problems)
    # The second core makes the geometry (and what needs it); when it need not be waited for, or its slow
    # step comes from the cache, it has time for the agenda as well.
    agenda_there = parallel and (folder is not None or geometry_cached(catalog, settings))
    work = Background(lambda: _geo_files(catalog, settings, agenda_there, folder), parallel, SECOND_CORE)
    if not work.forked:
        clock.lap("geometry, maps and open data")
    renderer = Renderer(catalog, settings, maps=True)
    with step("gegevens voor de zoeker"):
        cards = renderer.finder_cards()
        assets = _browser_files(catalog, cards)
    clock.lap("finder data")
    if not agenda_there:
        assets += _agenda_files(catalog, settings)
        clock.lap("agenda")
    with step("pagina's maken"):
        pages = renderer.pages()
    clock.lap("render pages")
    site = Site(catalog, pages, problems, assets, clock.laps, Beside(work, settings, folder), cards=cards)
    if folder is None:
        site.finish()
    else:
        site.later = _later_paths(catalog, agenda_there)
    return site


class _Clock:
    """Seconds per build step, for the benchmark script."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.start = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self.start
        self.start = now


def _offline_files(hashes: list[tuple[str, str]], settings: Settings) -> list[Asset]:
    """The service worker (its cache named after a hash of every file of this build, wherever it was made)
    and the web app manifest."""
    from ..render.offline import manifest, service_worker

    listing = "\n".join(f"{path}\0{digest}" for path, digest in sorted(hashes))
    version = hashlib.sha256(listing.encode()).hexdigest()[:16]
    return [
        Asset("sw.js", service_worker(version, settings).encode()),
        Asset("manifest.webmanifest", manifest(settings).encode()),
    ]


def _hashes(items: list[tuple[str, bytes]]) -> list[tuple[str, str]]:
    return [(path, hashlib.sha256(content).hexdigest()) for path, content in items]


def _browser_files(catalog: Catalog, cards: dict[str, str]) -> list[Asset]:
    """The finder's scripts (as modules, and bundled into one file, which the pages load) and styles, and the
    JSON it reads."""
    from ..render.bundle import bundle
    from ..render.finder import finder_files

    files = [
        Asset(f"assets/wijkkaart/{p.relative_to(ASSETS).as_posix()}", p.read_bytes())
        for p in sorted(ASSETS.glob("*/*"))
        if p.is_file() and p.parent.name in ("js", "css")
    ]
    files += [Asset(path, bundle(ASSETS / "js", entry).encode()) for path, entry in BUNDLES.items()]
    return files + [Asset(path, content) for path, content in finder_files(catalog, cards)]


def _agenda_files(catalog: Catalog, settings: Settings) -> list[Asset]:
    from ..exports.ical import ical_files

    with step("agenda (iCal)"):
        return [Asset(path, content) for path, content in ical_files(catalog, settings)]


def _geo_files(
    catalog: Catalog, settings: Settings, with_agenda: bool, folder: Path | None
) -> tuple[list[Asset], list[tuple[str, str]], list[Problem]]:
    """Geometry, and what needs it: the map files and the open data (HSDS, wijk boundaries); and the
    agenda when ``with_agenda``. Returned, or written into ``folder``; with a hash of each."""
    from ..exports.hsds import hsds_files
    from ..geo.boundaries import build_geo
    from ..render.maps import build_maps, vendor_files

    with step("wijkgrenzen"):
        geo = build_geo(catalog, settings, catalog.register)
    with step("kaarten"):
        assets = [Asset(path, content) for path, content in vendor_files()]
        assets += [Asset(f.src, f.text.encode("utf-8")) for f in build_maps(catalog, geo, settings)]
    with step("open data (HSDS)"):
        assets += [Asset(path, content) for path, content in hsds_files(catalog, settings, geo)]
    assets += _agenda_files(catalog, settings) if with_agenda else []
    hashes = _hashes([(a.path, a.content) for a in assets])
    if folder is None:
        return assets, hashes, geo.problems
    with step("bestanden schrijven"):
        write_files(folder, assets)
    return [], hashes, geo.problems


def _later_paths(catalog: Catalog, with_agenda: bool) -> list[str]:
    """The site paths written into the folder, known before they are made: what ``_geo_files`` makes and
    the offline files ``Site.finish`` adds (checked in a test, and again when they are published)."""
    from ..exports.hsds import hsds_paths
    from ..exports.ical import ical_paths

    return map_paths(catalog) + hsds_paths() + (ical_paths(catalog) if with_agenda else []) + list(OFFLINE_FILES)


def write_files(folder: Path, assets: list[Asset]) -> None:
    """Each file flat in ``folder``, named by its site path with every "/" escaped: no folders to make and
    remove again (making and removing tens of thousands of folders costs seconds on ext4)."""
    folder.mkdir(parents=True, exist_ok=True)
    for asset in assets:
        staged(folder, asset.path).write_bytes(asset.content)


def staged(folder: Path, path: str) -> Path:
    """Where ``write_files`` puts the file of site path ``path``."""
    return folder / quote(path, safe="")


def publish(folder: Path, site_dir: Path) -> list[str]:
    """Move every file of ``folder`` (see ``write_files``) to its place under ``site_dir`` (one rename each,
    same disk), then remove ``folder``; the site paths moved."""
    moved, made = [], set()
    for name in sorted(os.listdir(folder)):
        path = unquote(name)
        parent = posixpath.dirname(path)
        if parent not in made:
            (site_dir / parent).mkdir(parents=True, exist_ok=True)
            made.add(parent)
        os.replace(folder / name, site_dir / path)
        moved.append(path)
    folder.rmdir()
    return moved

"""The core's one entry point for builders: settings in, rendered pages and files (or every problem) out.

The build is a list of declared steps (``STEPS``, see ``steps``); ``build_site`` loads and validates, plans
the steps on the two cores and runs them.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from ..exports import hsds, ical
from ..geo.boundaries import geometry_cached
from ..records.catalog import Catalog
from ..records.problems import DataError, Problem
from ..records.settings import Settings
from ..records.validate import build_catalog
from ..render import finder
from ..render.pages import Page
from ..render.urls import EARLY_SCRIPT, MANIFEST, SCRIPT, SERVICE_WORKER, map_paths
from .parallel import Background
from .steps import Asset, Core, Plan, Step, Work, plan, run_steps, step

ASSETS = Path(__file__).parents[1] / "assets"
BUNDLES = {SCRIPT: "finder.js", EARLY_SCRIPT: "early.js"}  # site path: its entry module
STYLESHEET = "assets/wijkkaart/css/wijkkaart.css"
PARALLEL_STEP = "geometry, maps and open data (second core)"
SECOND_CORE = "wijkgrenzen, kaarten, open data en agenda (tweede kern)"
ON_THE_SECOND_CORE = " (second core)"  # after a step's name in the timings: it ran beside the rest
OFFLINE_FILES = (SERVICE_WORKER, MANIFEST)


def _geometry(work: Work) -> list[Asset]:
    """The wijk boundaries and location points (geopandas; the slow part is cached)."""
    from ..geo.boundaries import build_geo

    work.geo = build_geo(work.catalog, work.settings, work.catalog.register)
    work.problems += work.geo.problems
    return []


def _maps(work: Work) -> list[Asset]:
    """The map document, each page's map data and the vendored Leaflet files."""
    from ..render.maps import build_maps, vendor_files

    assert work.geo is not None
    assets = [Asset(f.src, f.text.encode("utf-8")) for f in build_maps(work.catalog, work.geo, work.settings)]
    return assets + [Asset(path, content) for path, content in vendor_files()]


def _open_data(work: Work) -> list[Asset]:
    return [Asset(path, content) for path, content in hsds.hsds_files(work.catalog, work.settings, work.geo)]


def _agenda(work: Work) -> list[Asset]:
    return [Asset(path, content) for path, content in ical.ical_files(work.catalog, work.settings)]


def _browser(work: Work) -> list[Asset]:
    """The finder's scripts and styles, and the JSON it reads (each entry's card in it)."""
    work.cards = work.renderer.finder_cards()
    from ..render.bundle import bundle

    assets = [Asset(path, file.read_bytes()) for path, file in _script_files()]
    assets += [Asset(path, bundle(ASSETS / "js", entry).encode()) for path, entry in BUNDLES.items()]
    return assets + [Asset(path, content) for path, content in finder.finder_files(work.catalog, work.cards)]


def _browser_paths(catalog: Catalog) -> list[str]:
    return [path for path, _ in _script_files()] + list(BUNDLES) + finder.finder_paths(catalog)


def _script_files() -> list[tuple[str, Path]]:
    """The package's scripts and styles for the browser: (site path, file)."""
    found = sorted(p for p in ASSETS.glob("*/*") if p.is_file() and p.parent.name in ("js", "css"))
    return [(f"assets/wijkkaart/{p.relative_to(ASSETS).as_posix()}", p) for p in found]


def _pages(work: Work) -> list[Asset]:
    work.pages = work.renderer.pages()
    return []


def _offline(work: Work) -> list[Asset]:
    """The service worker (its cache named after a hash of every file of this build, wherever it was made)
    and the web app manifest."""
    from ..render.offline import manifest, service_worker

    listing = "\n".join(f"{path}\0{digest}" for path, digest in sorted(work.hashes))
    version = hashlib.sha256(listing.encode()).hexdigest()[:16]
    return [
        Asset(SERVICE_WORKER, service_worker(version, work.settings).encode()),
        Asset(MANIFEST, manifest(work.settings).encode()),
    ]


# The settings each step reads (fields of ``Settings``).
GEOMETRY_OPTIONS = ("geodata_dir", "pc4_polygons", "geodata_vintage", "cache_dir", "simplify_m")
MAP_OPTIONS = ("tiles_url", "tiles_attribution", "tiles_max_zoom")
PAGE_OPTIONS = ("templates_dir", "route_url", "report_url", "site_url", "today")
PAGES = Step("pagina's maken", _pages, None, options=PAGE_OPTIONS)  # alone, without maps: see ``build_site``
# The build, step by step, in the order each core runs them. The second core makes the geometry and what
# needs it, and the agenda when it has the time; the first makes the finder's data and then the pages (the
# site builder starts on them at once); the service worker comes last (it names its cache after every file).
# Pagefind's index is made by the adapter once the site builder has its pages (``SEARCH_STEP`` there).
STEPS: tuple[Step, ...] = (
    Step("wijkgrenzen", _geometry, lambda catalog: [], gives="geometry", options=GEOMETRY_OPTIONS, core=Core.SECOND),
    Step("kaarten", _maps, map_paths, ("catalog", "geometry"), options=MAP_OPTIONS, core=Core.SECOND),
    Step(
        "open data (HSDS)",
        _open_data,
        lambda catalog: hsds.hsds_paths(),
        ("catalog", "geometry"),
        options=("gemeente", "site_url", "today"),
        core=Core.SECOND,
    ),
    Step("agenda (iCal)", _agenda, ical.ical_paths, options=("site_url", "today"), core=Core.SPARE),
    Step("gegevens voor de zoeker", _browser, _browser_paths, gives="cards", options=PAGE_OPTIONS),
    PAGES,
    Step(
        "servicewerker (offline)",
        _offline,
        lambda catalog: list(OFFLINE_FILES),
        ("files",),
        options=("gemeente", "templates_dir"),
        core=Core.LAST,
    ),
)


@dataclass(frozen=True)
class Made:
    """What the second core sends back: its files (none when it wrote them into a folder), a hash of each,
    the problems it found and the seconds of each step."""

    assets: list[Asset]
    hashes: list[tuple[str, str]]
    problems: list[Problem]
    laps: dict[str, float]


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
        folder; then the last steps (the service worker, whose cache is named after a hash of everything the
        build made)."""
        if self.beside is None:
            return
        beside, started = self.beside, time.perf_counter()
        self.beside = None  # waited for once: a failure is raised once, never a second time on cleaning up
        made = beside.second.result()
        if beside.second.forked:
            self.timings["waiting for geometry, maps and open data"] = time.perf_counter() - started
            self.timings[PARALLEL_STEP] = beside.second.seconds
        self.timings.update(made.laps)
        self.problems.extend(made.problems)
        own = _hashes([(p.src, p.content.encode()) for p in self.pages] + [(a.path, a.content) for a in self.assets])
        beside.work.hashes = own + made.hashes
        last = run_steps(beside.plan.last, beside.work, self.timings)
        if beside.folder is None:
            self.assets.extend(made.assets + last)
            self.assets.sort(key=lambda asset: asset.path)
        else:
            with step("bestanden schrijven"):
                write_files(beside.folder, last)


@dataclass(frozen=True)
class Beside:
    """The second core at work (``second``), and what ``Site.finish`` needs after it: the plan's last steps,
    the work they read, the folder they write into."""

    second: Background[Made]
    plan: Plan
    work: Work
    folder: Path | None


def build_site(settings: Settings, with_maps: bool = True, parallel: bool = True, folder: Path | None = None) -> Site:
    """Load, validate and run the steps; raise DataError with all problems when any is an error.

    ``with_maps=False`` is the fast path for the pages alone, without maps (no geometry, no geopandas, no
    folium; for tests and ``scripts/compare_pagefind.py``). With ``parallel`` the second core runs its steps
    (see ``plan``) while the pages render. Without ``folder`` the site is complete when this returns. With
    it, the second core writes its files there (their paths in ``Site.later``) and goes on until
    ``Site.finish``; it makes the agenda too, so the build's own process is free for the site builder sooner.
    """
    started = time.perf_counter()
    catalog, problems = build_catalog(settings, parallel)
    laps = {"load and validate": time.perf_counter() - started}
    if catalog is None:
        raise DataError(problems)
    work = Work(catalog, settings, maps=with_maps)
    if not with_maps:
        run_steps([PAGES], work, laps)
        return Site(catalog, work.pages, problems + work.problems, timings=laps)
    # When nothing waits for the second core, or its slow step comes from the cache, it has time for more.
    spare = parallel and (folder is not None or geometry_cached(catalog, settings))
    steps = plan(STEPS, parallel, spare, staged=folder is not None)
    second = Background(lambda: _second_core(steps.second, work.beside(), folder), parallel, SECOND_CORE)
    assets = run_steps(steps.first, work, laps)
    site = Site(catalog, work.pages, problems + work.problems, assets, laps, Beside(second, steps, work, folder))
    site.cards = work.cards
    if folder is None:
        site.finish()
    else:
        site.later = _later_paths(steps, catalog)
    return site


def _second_core(steps: tuple[Step, ...], work: Work, folder: Path | None) -> Made:
    """The second core's steps, one after another; their files sent back, or written into ``folder``."""
    laps: dict[str, float] = {}
    assets = run_steps(steps, work, laps, ON_THE_SECOND_CORE)
    hashes = _hashes([(a.path, a.content) for a in assets])
    if folder is None:
        return Made(assets, hashes, work.problems, laps)
    with step("bestanden schrijven"):
        write_files(folder, assets)
    return Made([], hashes, work.problems, laps)


def _later_paths(steps: Plan, catalog: Catalog) -> list[str]:
    """The site paths written into the folder, known before they are made (checked in a test, and again
    when they are published)."""
    return steps.later(catalog)


def _hashes(items: list[tuple[str, bytes]]) -> list[tuple[str, str]]:
    return [(path, hashlib.sha256(content).hexdigest()) for path, content in items]


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

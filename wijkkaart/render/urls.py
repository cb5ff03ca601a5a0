"""Where pages live: source paths, their directory URLs, and relative links between them.

Links are always relative, so a site works under any subpath (GitHub Pages, a folder on nginx).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records.catalog import Catalog, ServiceEntry, WijkEntry


MAP_DOCUMENT = "assets/wijkkaart/kaart.html"
VENDOR = "assets/wijkkaart/vendor"
# What a map needs besides its page's kaart.json, so that "Bewaar offline" can keep it all.
MAP_FILES = (
    MAP_DOCUMENT,
    *(
        f"{VENDOR}/{name}"
        for name in (
            "leaflet/leaflet.js",
            "leaflet/leaflet.css",
            "leaflet/images/marker-icon.png",
            "leaflet/images/marker-icon-2x.png",
            "leaflet/images/marker-shadow.png",
            "markercluster/leaflet.markercluster.js",
            "markercluster/MarkerCluster.css",
            "markercluster/MarkerCluster.Default.css",
        )
    ),
)


ORGS_INDEX = "organisaties/index.md"  # every organisation, A to Z (linked from the home page)
# The generated pages a menu may hold (a site without its own nav gets these; wijkkaart init writes them in).
NAV_PAGES = frozenset({"index.md", "wijken/index.md", "themas/index.md", ORGS_INDEX})


MAP_DATA = "kaart.json"  # a page's map data, beside the page


def map_data_path(page_src: str) -> str:
    """The map data of a page, beside it: ``wijken/moerwijk.md`` → ``wijken/moerwijk/kaart.json``."""
    return page_url(page_src) + MAP_DATA


def finder_path(key: str) -> str:
    """A file of the postcode finder: ``wijk/moerwijk`` → ``zoek/wijk/moerwijk.json``; ``index`` → the PC4
    index (see render/finder.py)."""
    return f"zoek/{key}.json"


FINDER_INDEX = finder_path("index")
HSDS_FOLDER = "open-data/hsds"


def hsds_path(name: str) -> str:
    """A file of the HSDS export: ``index.json`` → ``open-data/hsds/index.json``."""
    return f"{HSDS_FOLDER}/{name}"


HSDS_BOUNDARIES = "open-data/wijken.geojson"
MANIFEST = "manifest.webmanifest"
SERVICE_WORKER = "sw.js"
PAGEFIND = "pagefind"  # the search index's folder (Pagefind's output)


def service_ics_path(entry: ServiceEntry) -> str:
    return f"agenda/{entry.org.slug}/{entry.service.id}.ics"


def wijk_ics_path(wijk: WijkEntry) -> str:
    return f"agenda/wijk/{wijk.slug}.ics"


def browser_paths() -> dict[str, str]:
    """The site paths the browser's scripts fetch, handed to them by the page (see head.html); ``{key}`` in
    ``finder_list`` is a list's key from the finder index."""
    return {
        "finder_index": FINDER_INDEX,
        "finder_list": finder_path("{key}"),
        "search": f"{PAGEFIND}/pagefind.js",
        "service_worker": SERVICE_WORKER,
    }


def map_paths(catalog: Catalog) -> list[str]:
    """The site paths of every map file (document, each page's data, vendored Leaflet), before they are made."""
    pages = ["index.md"] + [wijk_src(w.slug) for w in catalog.wijken.values()]
    pages += [org_src(o.slug) for o in catalog.orgs.values()]
    return [MAP_DOCUMENT, *map(map_data_path, pages), *(path for path, _ in vendored())]


def vendored() -> list[tuple[str, Path]]:
    """The vendored Leaflet files: (site path, file in the package)."""
    root = Path(__file__).parents[1] / "assets" / "vendor"
    return [(f"{VENDOR}/{p.relative_to(root).as_posix()}", p) for p in sorted(root.rglob("*")) if p.is_file()]


def page_url(src: str) -> str:
    """``wijken/moerwijk.md`` → ``wijken/moerwijk/`` (directory URLs, as mkdocs makes them)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def wijk_src(slug: str) -> str:
    return f"wijken/{slug}.md"


LIST_SRC = "lijstje.md"  # the client's list (kept in the browser; the page shows it, shares and prints it)
LIST_STYLESHEET = "assets/wijkkaart/css/list.css"  # loaded by the list page only
# The finder's modules in one file (every page), and the small one that asks for a typed postcode's lists at
# once (the home page, after its postcode box): see ``bundle``.
SCRIPT = "assets/wijkkaart/js/wijkkaart.js"
EARLY_SCRIPT = "assets/wijkkaart/js/wijkkaart-early.js"


def print_src(slug: str) -> str:
    """The printable A4 sheet of a wijk."""
    return f"wijken/{slug}/print.md"


def org_src(slug: str) -> str:
    return f"organisaties/{slug}.md"


def theme_src(theme_id: str) -> str:
    return f"themas/{theme_id}.md"


def relative(target: str, here: str) -> str:
    """The link from the directory URL ``here`` to the directory URL ``target`` (both site paths ending in
    ``/`` or empty): what ``posixpath.relpath`` gives plus the slash, without its cost (160,000 links
    at national scale)."""
    up, down = here.split("/")[:-1], target.split("/")[:-1]
    common = 0
    while common < min(len(up), len(down)) and up[common] == down[common]:
        common += 1
    parts = [".."] * (len(up) - common) + down[common:]
    return "/".join(parts) + "/" if parts else "./"


class Links:
    """Relative links from one page to others, so the site works under any subpath."""

    def __init__(self, src: str) -> None:
        self.here = page_url(src)

    @classmethod
    def at_depth(cls, depth: int) -> Links:
        """Links that hold on every page ``depth`` folders deep: never "./" or "../x/", always down from the
        site root (for what is rendered once and shown on many pages)."""
        links = cls("index.md")
        links.here = "~/" * depth
        return links

    def to(self, src: str, anchor: str = "") -> str:
        return relative(page_url(src), self.here) + (f"#{anchor}" if anchor else "")

    def asset(self, path: str) -> str:
        """A file of the site (not a page), e.g. ``agenda/wijkz/kaarttafel.ics``."""
        rel = posixpath.relpath("/", "/" + self.here)
        return ("" if rel == "." else rel + "/") + path

    def map_frame(self) -> str:
        """The site's map document showing this page's map: its fragment names the page (see maps.py). The
        home page's map has no fragment: an empty one ("#") means the document's top, and a browser scrolls
        the page to an iframe whose fragment it follows."""
        return self.asset(MAP_DOCUMENT) + (f"#{self.here}" if self.here else "")

    def wijk(self, slug: str) -> str:
        return self.to(wijk_src(slug))

    def org(self, slug: str, anchor: str = "") -> str:
        return self.to(org_src(slug), anchor)

    def orgs(self) -> str:
        """The A–Z list of organisations."""
        return self.to(ORGS_INDEX)

    def theme(self, theme_id: str) -> str:
        return self.to(theme_src(theme_id))

    def service(self, entry: ServiceEntry) -> str:
        return self.org(entry.org.slug, entry.service.id)

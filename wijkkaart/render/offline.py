"""Offline use: the service worker (from a jinja template) and the web app manifest."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import jinja2

from ..records.settings import Settings
from .facts import browser_facts
from .templates import template_environment
from .text import dutch_list
from .urls import (
    FINDER_INDEX,
    LIST_SRC,
    MANIFEST,
    MAP_FILES,
    SCRIPT,
    browser_paths,
    map_data_path,
    org_src,
    page_url,
    print_src,
    wijk_src,
)

if TYPE_CHECKING:
    from ..records.catalog import Catalog, WijkEntry


def service_worker(version: str, settings: Settings) -> str:
    return template_environment(settings).get_template("sw.js").render(version=version)


def manifest(settings: Settings) -> str:
    name = f"Sociale kaart {dutch_list(list(settings.gemeenten))}".strip()
    return json.dumps(
        {
            "name": name,
            "short_name": "Sociale kaart",
            "lang": "nl",
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#00695c",
            "description": "Hulp, spreekuren en activiteiten in de wijk.",
        },
        ensure_ascii=False,
        indent=1,
    )


def head_template(settings: Settings) -> jinja2.Template:
    """The end of every page's ``<head>`` (manifest link, the client's list page, the finder's script,
    what a browser without scripts leaves out),
    rendered with ``root``: the page's way back to the site root (e.g. ``../../``)."""
    modules = [SCRIPT]
    return template_environment(settings).get_template(
        "head.html",
        globals={
            "list_url": page_url(LIST_SRC),
            "modules": modules,
            "finder_index": FINDER_INDEX,
            "manifest": MANIFEST,
            "browser": {"paths": browser_paths(), **browser_facts()},
        },
    )


OFFLINE_SRC = "offline.md"


def wijk_offline_paths(catalog: Catalog, wijk: WijkEntry, finder_lists: list[str], maps: bool) -> list[str]:
    """What "Bewaar offline" on a wijk page keeps besides the page itself: the postcode lookup's files, the
    printable sheet, the offline page, every organisation page the wijk page links to, and the maps."""
    services = catalog.services_for_wijk(wijk) + catalog.citywide_elsewhere(wijk)
    orgs = sorted({s.org.slug for s in services})
    paths = [*finder_lists, page_url(print_src(wijk.slug)), page_url(OFFLINE_SRC)]
    paths += [page_url(org_src(slug)) for slug in orgs]
    if maps:
        paths += [map_data_path(wijk_src(wijk.slug)), *(map_data_path(org_src(slug)) for slug in orgs), *MAP_FILES]
    return paths

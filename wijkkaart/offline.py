"""Offline use: the service worker (from a jinja template) and the web app manifest."""

from __future__ import annotations

import json

from .settings import Settings
from .text import meta_text

MANIFEST_LINK = '<link rel="manifest" href="{root}manifest.webmanifest"><meta name="theme-color" content="#00695c">'


def service_worker(version: str, settings: Settings) -> str:
    from .pages import template_environment

    return template_environment(settings).get_template("sw.js").render(version=version)


def manifest(settings: Settings) -> str:
    name = f"Sociale kaart {settings.gemeente}".strip()
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


def head_links(root: str) -> str:
    """The manifest link for a page whose way back to the site root is ``root`` (e.g. ``../../``)."""
    return MANIFEST_LINK.format(root=meta_text(root))

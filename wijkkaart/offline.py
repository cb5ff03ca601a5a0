"""Offline use: the service worker (from a jinja template) and the web app manifest."""

from __future__ import annotations

import json

import jinja2

from .settings import Settings
from .text import dutch_list


def service_worker(version: str, settings: Settings) -> str:
    from .pages import template_environment

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
    """The end of every page's ``<head>`` (manifest link, the client's list page, what a browser without
    scripts leaves out),
    rendered with ``root``: the page's way back to the site root (e.g. ``../../``)."""
    from .pages import template_environment
    from .urls import LIST_SRC, page_url

    return template_environment(settings).get_template("head.html", globals={"list_url": page_url(LIST_SRC)})

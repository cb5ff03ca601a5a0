"""The core's one entry point for builders: settings in, rendered pages (or every problem) out."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .pages import Page, render_pages
from .problems import DataError, Problem
from .settings import Settings
from .validate import build_catalog


@dataclass(frozen=True)
class Site:
    catalog: Catalog
    pages: list[Page]
    problems: list[Problem]


def build_site(settings: Settings) -> Site:
    """Load, validate and render; raise DataError with all problems when any is an error."""
    catalog, problems = build_catalog(settings)
    if catalog is None:
        raise DataError(problems)
    return Site(catalog, render_pages(catalog, settings), problems)

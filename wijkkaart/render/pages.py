"""Which pages the site has and what each one gets; the HTML itself lives in jinja templates.

Pages are Markdown documents (front matter plus HTML blocks) so that any Markdown site builder can
take them; everything from the data is escaped by jinja's autoescaping or sanitised by ``text``.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import quote

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ..exports.ical import service_ics_path, wijk_ics_path
from ..records.catalog import Catalog, OrgEntry, ServiceEntry, WijkEntry, group_by_theme
from ..records.model import Location, Theme
from ..records.problems import Problem
from ..records.settings import Settings
from ..schedule.browser import holidays, utc_offsets
from .finder import card_data, wijk_lists
from .network import wijk_network
from .offline import OFFLINE_SRC, wijk_offline_paths
from .templates import template_environment
from .urls import (
    LIST_SRC,
    LIST_STYLESHEET,
    ORGS_INDEX,
    Links,
    org_src,
    page_url,
    print_src,
    theme_src,
    wijk_src,
)

ANCHOR = "wk-anchor-placeholder"
HEADING = "wk-kop-placeholder"  # the card's heading element, h3 or h4 by page
ORG_LINE = ("<!--wk-org-->", "<!--/wk-org-->")  # around the card's "Door <organisatie>" line
THEME_CARDS = 80  # more entries than this, and a theme page leads to the wijk pages instead


@dataclass(frozen=True)
class Page:
    """One generated page: its source path (as if in the docs folder) and its content."""

    src: str
    content: str

    @property
    def body(self) -> str:
        """The content without its front matter: the HTML a site builder shows."""
        if self.content.startswith("---\n"):
            return self.content.split("\n---\n", 1)[1]
        return self.content

    @property
    def title(self) -> str | None:
        """The title in the front matter (written by the ``front`` macro as a JSON string)."""
        if not self.content.startswith("---\n"):
            return None
        front = self.content.split("\n---\n", 1)[0]
        found = re.search(r"^title: (.*)$", front, re.MULTILINE)
        return str(json.loads(found[1])) if found else None


class Renderer:
    """Renders every page of a Catalog with the site's templates (falling back to the package's)."""

    def __init__(self, catalog: Catalog, settings: Settings, maps: bool) -> None:
        self.catalog, self.settings, self.maps = catalog, settings, maps
        self.env = template_environment(settings)
        self._cards: dict[tuple[str, int], str] = {}
        self._json: dict[str, Markup] = {}
        self.env.globals.update(
            ics_path=service_ics_path, wijk_ics_path=wijk_ics_path, card=self._card, card_json=self._card_json
        )
        self.env.globals.update(
            card_data=card_data,
            holidays=holidays(settings.today),
            utc_offsets=utc_offsets(settings.today),
            report_link=self._report_link,
            languages_used=sorted({c for s in catalog.services for c in s.service.languages}),
        )

    def pages(self) -> list[Page]:
        catalog = self.catalog
        pages = [
            self._page("index.md", "home.md"),
            self._page("wijken/index.md", "wijken.md"),
            self._page("themas/index.md", "themas.md"),
            self._page("te-controleren.md", "stale.md"),
            self._page(ORGS_INDEX, "orgs.md", groups=by_letter(list(catalog.orgs.values()))),
            self._page(OFFLINE_SRC, "offline.md"),
            self._page(LIST_SRC, "list.md", list_stylesheet=LIST_STYLESHEET),
        ]
        pages += [self._page(wijk_src(w.slug), "wijk.md", **self._wijk(w)) for w in catalog.wijken.values()]
        pages += [self._page(print_src(w.slug), "print.md", **self._print(w)) for w in catalog.wijken.values()]
        pages += [self._page(org_src(o.slug), "org.md", **self._org(o)) for o in catalog.orgs.values()]
        pages += [self._page(theme_src(t.id), "theme.md", **self._theme(t)) for t in catalog.themes.values()]
        return pages

    def _card(
        self, entry: ServiceEntry, anchor: str, links: Links, show_org: bool = True, heading: str = "h3"
    ) -> Markup:
        """One spreekuur/activity card. Cards recur on org, wijk and theme pages at the same depth, so each
        is rendered once per depth (its links valid on every page that deep), with placeholders for what
        differs between pages (anchor, heading, the organisation line), and reused: this keeps 30,000
        entries fast."""
        depth = links.here.count("/")
        html = self._cards.get((entry.uid, depth))
        if html is None:
            html = self._render_card(entry, Links.at_depth(depth), ANCHOR, True, HEADING)
            self._cards[(entry.uid, depth)] = html
        start, end = ORG_LINE
        if start not in html:  # a site's own card template without the marks: rendered as asked
            return Markup(self._render_card(entry, links, anchor, show_org, heading))
        if not show_org:
            html = html.split(start, 1)[0] + html.split(end, 1)[1]
        html = html.replace(start, "").replace(end, "").replace(ANCHOR, anchor)
        return Markup(html.replace(f"<{HEADING} ", f"<{heading} ").replace(f"</{HEADING}>", f"</{heading}>"))

    def finder_card(self, entry: ServiceEntry) -> str:
        """The card as the finder and the search show it, under a theme heading (h3) of the results: the one
        the organisation, wijk and theme pages share (two folders deep, so rendered once for all of them),
        its links made relative to the site root (the browser resolves them there)."""
        html = str(self._card(entry, f"pc-{entry.org.slug}-{entry.service.id}", Links.at_depth(2), heading="h4"))
        html = html.replace('href="../../', 'href="')
        return html.replace("<!--zoek:uit-->", "").replace("<!--/zoek:uit-->", "")

    def finder_cards(self) -> dict[str, str]:
        """Every entry's card for the browser, by uid."""
        return {entry.uid: self.finder_card(entry) for entry in self.catalog.services}

    def _render_card(self, entry: ServiceEntry, links: Links, anchor: str, show_org: bool, heading: str) -> str:
        return self.env.get_template("card.html").render(
            macros=self._macros,
            entry=entry,
            links=links,
            route=self._route,
            anchor=anchor,
            show_org=show_org,
            heading=heading,
        )

    @cached_property
    def _macros(self) -> Any:
        """The macros, imported once for all cards (an import per card took a third of the render time)."""
        return self.env.get_template("_macros.html").make_module(
            {"catalog": self.catalog, "settings": self.settings, "maps": self.maps}
        )

    def _card_json(self, entry: ServiceEntry) -> Markup:
        found = self._json.get(entry.uid)
        if found is None:
            found = self._json[entry.uid] = Markup(htmlsafe_json_dumps(card_data(entry), sort_keys=True))
        return found

    def _page(self, src: str, template: str, **context: Any) -> Page:
        links = Links(src)
        content = self.env.get_template(template).render(
            catalog=self.catalog, settings=self.settings, maps=self.maps, links=links, route=self._route, **context
        )
        return Page(src, content)

    def _wijk(self, wijk: WijkEntry) -> dict[str, Any]:
        services, citywide = self.catalog.services_for_wijk(wijk), self.catalog.citywide_elsewhere(wijk)
        return {
            "wijk": wijk,
            "places": _places(services),
            "network": wijk_network(self.catalog, wijk),
            "groups": group_by_theme(self.catalog, services),
            "orgs": self.catalog.orgs_in(services),
            "citywide": citywide,
            "regional": any(self.catalog.reach(s).regio for s in citywide),
            "offline_paths": wijk_offline_paths(self.catalog, wijk, wijk_lists(self.catalog, wijk), self.maps),
        }

    def _print(self, wijk: WijkEntry) -> dict[str, Any]:
        services = self.catalog.serving_wijk(wijk)
        return {"wijk": wijk, "groups": group_by_theme(self.catalog, services), "qr": self._qr(wijk)}

    def _qr(self, wijk: WijkEntry) -> Markup | None:
        """A QR code (inline SVG, from segno) to the wijk page, for clients reading the paper sheet."""
        if not self.settings.site_url:
            return None
        url = f"{self.settings.site_url.rstrip('/')}/{page_url(wijk_src(wijk.slug))}"
        return Markup(_qr_svg(url))

    def _org(self, org: OrgEntry) -> dict[str, Any]:
        return {"org": org, "services": self.catalog.services_of(org)}

    def _theme(self, theme: Theme) -> dict[str, Any]:
        """A theme page shows every entry as a card, up to ``THEME_CARDS``; beyond that (a region or the
        whole country) it leads to the theme's section on each wijk page instead, with the entries held
        outside every wijk as a short list."""
        services = sorted(self.catalog.services_with_theme(theme.id), key=lambda s: s.service.name.lower())
        if len(services) <= THEME_CARDS:
            return {"theme": theme, "services": services, "orgs": self.catalog.orgs_with_theme(theme.id)}
        placed = self.catalog.placed_services()
        by_gemeente: dict[str, list[tuple[WijkEntry, int]]] = {}
        for wijk, count in self.catalog.theme_counts_by_wijk(theme.id):
            by_gemeente.setdefault(wijk.wijk.gemeente, []).append((wijk, count))
        return {
            "theme": theme,
            "total": len(services),
            "by_gemeente": sorted(by_gemeente.items()),
            "unplaced": [s for s in services if id(s) not in placed],
        }

    def _report_link(self, entry: ServiceEntry) -> str:
        """ "Meld een fout": the configured issue URL or mailto, prefilled with the entry and its page."""
        if not self.settings.report_url:
            return ""
        page = f"{self.settings.site_url.rstrip('/')}/{page_url(org_src(entry.org.slug))}#{entry.service.id}"
        title = f"Fout in: {entry.service.name} ({entry.org.name})"
        return self.settings.report_url.format(title=quote(title), page=quote(page, safe=":/"))

    def _route(self, location: Location) -> str:
        address = f"{location.address}, {location.postal_code} {location.city}"
        return self.settings.route_url.format(address=quote(address))


def by_letter(orgs: list[OrgEntry]) -> list[tuple[str, list[OrgEntry]]]:
    """Organisations A to Z under their first letter ("'s-Hertogenbosch" under H, "Één" under E; names
    that start with a digit under "0-9")."""
    groups: dict[str, list[OrgEntry]] = {}
    for org in sorted(orgs, key=lambda o: (_sort_key(o.name), o.slug)):
        first = _sort_key(org.name)[:1].upper()
        groups.setdefault(first if first.isalpha() else "0-9", []).append(org)
    return sorted(groups.items(), key=lambda item: (item[0] == "0-9", item[0]))


def _sort_key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"^'s-|^'t |[^a-z0-9]", "", plain) or plain


def _places(services: list[ServiceEntry]) -> list[tuple[OrgEntry, Location]]:
    """Each location where these services are held, once, in order of first appearance."""
    seen: dict[tuple[str, str], tuple[OrgEntry, Location]] = {}
    for entry in services:
        if entry.location is not None:
            seen.setdefault((entry.org.slug, entry.location.id), (entry.org, entry.location))
    return list(seen.values())


@functools.lru_cache(maxsize=4096)
def _qr_svg(url: str) -> str:
    """The QR code of a URL as inline SVG; made once per process (the same every build: ``mkdocs serve``)."""
    import segno

    return str(segno.make(url, error="m").svg_inline(scale=3, title=f"QR-code naar {url}"))


def render_pages(catalog: Catalog, settings: Settings, maps: bool) -> list[Page]:
    return Renderer(catalog, settings, maps).pages()


def render_problem_banner(problems: list[Problem], settings: Settings) -> str:
    """While serving, a banner over every page listing the data errors (the site shows the last good data)."""
    return template_environment(settings).get_template("problems_banner.html").render(problems=problems)

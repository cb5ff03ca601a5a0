"""The Pagefind search index: one document per organisation page and per wijk page.

An organisation's document is its page's search body followed by one section per spreekuur/activity
(a heading whose id is the entry's anchor, so Pagefind returns the entries a word was found in as
sub-results), its filters (the union over its entries) and, as metadata, each entry's name, wijk,
schedule and filter values, so that the browser shows the entries themselves and keeps only those
that pass the chosen filters. One document per organisation instead of one per entry keeps Pagefind's
metadata file, which every first search loads and which lists every document, a quarter of the size.

Runs beside the build; the browser loads nothing of it until the search box is used.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..records.catalog import Catalog, OrgEntry, ServiceEntry
from .finder import when_text, where_text
from .pages import Page
from .templates import template_environment
from .text import languages
from .urls import org_src, page_url

FILTERS = ("thema", "wijk", "zonder afspraak", "taal")
# The templates mark what the search leaves out (cards, lists of links; also ``data-pagefind-ignore``) so
# that Pagefind is not handed, and need not parse, the two thirds of each page it would ignore anyway.
LEFT_OUT = re.compile(r"<!--zoek:uit-->.*?<!--/zoek:uit-->", re.DOTALL)


@dataclass(frozen=True)
class EntryRecord:
    """One spreekuur/activity inside its organisation's search document."""

    anchor: str
    name: str
    content: str
    wijk: str
    when: str
    filters: dict[str, list[str]]
    card: str | None = None  # the card as the browser shows it (links relative to the site root)

    def meta(self) -> dict[str, object]:
        meta: dict[str, object] = {"id": self.anchor, "naam": self.name, "wijk": self.wijk, "wanneer": self.when}
        meta["filters"] = self.filters
        if self.card is not None:
            meta["kaart"] = self.card
        return meta


@dataclass(frozen=True)
class OrgRecord:
    """What the search index adds to an organisation's page: its entries, their filters and metadata."""

    entries: list[EntryRecord]

    @property
    def filters(self) -> dict[str, list[str]]:
        return {name: sorted({v for e in self.entries for v in e.filters[name]}) for name in FILTERS}

    @property
    def entries_json(self) -> str:
        return json.dumps([e.meta() for e in self.entries], ensure_ascii=False, separators=(",", ":"))


def search_records(catalog: Catalog, cards: Mapping[str, str] | None = None) -> dict[str, OrgRecord]:
    """The search additions for every organisation, by the source path of its page; with ``cards`` (by uid,
    see ``Site.cards``) each entry carries its card, which the results show as the pages do."""
    return {org_src(org.slug): _org_record(catalog, org, cards or {}) for org in catalog.orgs.values()}


def _org_record(catalog: Catalog, org: OrgEntry, cards: Mapping[str, str]) -> OrgRecord:
    return OrgRecord([_entry(catalog, entry, cards.get(entry.uid)) for entry in catalog.services_of(org)])


def _whole(catalog: Catalog, entry: ServiceEntry) -> list[str]:
    """For an entry without wijken: "hele gemeente", or on a regional site which gemeente or the region."""
    served, reach = catalog.served, catalog.reach(entry)
    if not entry.citywide:
        return []
    if len(served.gemeenten) <= 1:
        return ["hele gemeente"]
    return (["hele regio"] if reach.regio else []) + [f"heel {served.display(g)}" for g in reach.gemeenten]


def _entry(catalog: Catalog, entry: ServiceEntry, card: str | None) -> EntryRecord:
    service, when = entry.service, when_text(entry)
    wijken = [w.name for w in catalog.wijken_served(entry)] or _whole(catalog, entry)
    themes = [catalog.themes[t].name for t in entry.themes]
    content = " ".join(
        part
        for part in (
            service.type,  # a search for "spreekuur" finds the spreekuren themselves
            "gratis" if service.free else None,
            service.description,
            when,
            where_text(entry),
            ", ".join(wijken),
            ", ".join(themes),
            service.eligibility and service.eligibility.description,
            languages([code for code in service.languages if code != "nl"]),  # "Arabisch" finds the entries
        )
        if part
    )
    filters = {
        "thema": themes,
        "wijk": wijken,
        "zonder afspraak": ["ja" if service.walk_in else "nee"],
        "taal": languages(service.languages).split(", "),
    }
    return EntryRecord(service.id, service.name, content, ", ".join(wijken), when, filters, card)


def build_search_index(output: Path, pages: list[Page], records: dict[str, OrgRecord]) -> int:
    """Index ``pages`` (those with a search body) into ``output`` with Pagefind; the number indexed.

    The input goes to a temporary folder: each page that has a search body (organisations and wijken: the
    same HTML the site serves, see ``Page.body``, less what the search ignores), an organisation's page with
    its record from ``records`` (see the module's docstring). The files lie side by side, each with its
    page's URL as the metadata ``link``: tens of thousands of folders would cost more than the index.
    """
    template = template_environment(None).get_template("search_page.html")
    with tempfile.TemporaryDirectory(prefix="wijkkaart-zoek-") as name:
        folder = Path(name)
        searchable = [page for page in pages if "data-pagefind-body" in page.content]
        if not searchable:  # a new site without organisations or wijken yet: Pagefind refuses an empty index
            return 0
        for number, page in enumerate(searchable):
            body = Markup(LEFT_OUT.sub("", page.body))
            link = "/" + page_url(page.src)
            title = page.title and html.unescape(page.title)  # escaped for the theme; the template escapes it
            text = template.render(body=body, title=title, link=link, record=records.get(page.src))
            (folder / f"{number}.html").write_text(text, encoding="utf-8")
        completed = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", name, "--output-path", str(output), "--force-language", "nl"],
            capture_output=True,
            text=True,
            check=False,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"Pagefind: {completed.stderr or completed.stdout}")
    found = re.search(r"Indexed (\d+) pages?", completed.stdout)
    return int(found[1]) if found else 0

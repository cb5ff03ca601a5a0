"""The Pagefind search index: one record per spreekuur/activity (built from the data, with filters),
plus the organisation and wijk pages themselves (their ``data-pagefind-body``).

Runs beside the build; the browser loads nothing of it until the search box is used.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .catalog import Catalog, ServiceEntry
from .finder import card_data
from .pages import Page
from .text import languages
from .urls import page_url


@dataclass(frozen=True)
class SearchRecord:
    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]


def search_records(catalog: Catalog) -> list[SearchRecord]:
    return [_record(catalog, entry) for entry in catalog.services]


def _record(catalog: Catalog, entry: ServiceEntry) -> SearchRecord:
    card, service = card_data(entry), entry.service
    wijken = [w.name for w in catalog.wijken_served(entry)] or (["hele gemeente"] if entry.citywide else [])
    themes = [catalog.themes[t].name for t in entry.themes]
    content = " ".join(
        part
        for part in (
            service.name,
            service.description,
            entry.org.name,
            card["when"],
            card["where"],
            ", ".join(wijken),
            ", ".join(themes),
            service.eligibility and service.eligibility.description,
        )
        if part
    )
    meta = {"title": service.name, "organisatie": entry.org.name, "wijk": ", ".join(wijken), "wanneer": card["when"]}
    filters = {
        "thema": themes,
        "wijk": wijken,
        "zonder afspraak": ["ja" if service.walk_in else "nee"],
        "taal": languages(service.languages).split(", "),
    }
    return SearchRecord("/" + card["url"], content, meta, filters)


RECORDS_DIR = "_zoekrecords"


def build_search_index(output: Path, pages: list[Page], records: list[SearchRecord]) -> int:
    """Index ``pages`` and ``records`` into ``output`` with Pagefind; the number indexed.

    The input goes to a temporary folder: each page that has a search body (organisations and wijken: the
    same HTML the site serves, see ``Page.body``) at the path of its URL, and one small HTML file per
    spreekuur/activity (from a template) whose result links to the entry (meta ``link``). Pagefind's
    Python service takes about 0.1 s per custom record; the binary a few ms per page.
    """
    from .pages import template_environment

    environment = template_environment(None)
    with tempfile.TemporaryDirectory(prefix="wijkkaart-zoek-") as name:
        folder = Path(name)
        page_template = environment.get_template("search_page.html")
        for page in pages:
            if "data-pagefind-body" in page.content:
                path = folder / page_url(page.src) / "index.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page_template.render(body=Markup(page.body)), encoding="utf-8")
        record_template = environment.get_template("search_record.html")
        (folder / RECORDS_DIR).mkdir()
        for number, record in enumerate(records):
            path = folder / RECORDS_DIR / f"{number}.html"
            path.write_text(record_template.render(record=record), encoding="utf-8")
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

"""The Pagefind search index: one record per spreekuur/activity (built from the data, with filters),
plus the organisation and wijk pages themselves (their ``data-pagefind-body``).

Runs beside the build; the browser loads nothing of it until the search box is used.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
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


class SearchIndex:
    """Pagefind, started as soon as the pages exist and running beside the rest of the build.

    Its input is written to a folder of its own: each page that has a search body (organisations and
    wijken: the same HTML the site serves, see ``Page.body``) at the path of its URL, and one small HTML
    file per spreekuur/activity (from a template) whose result links to the entry (meta ``link``).
    Pagefind's Python service takes about 0.1 s per custom record; the binary a few ms per page.
    """

    def __init__(self, output: Path, pages: list[Page], records: list[SearchRecord]) -> None:
        from .pages import template_environment

        self.started = time.perf_counter()
        self.seconds = 0.0
        self.folder = Path(tempfile.mkdtemp(prefix="wijkkaart-zoek-"))
        environment = template_environment(None)
        page_template = environment.get_template("search_page.html")
        for page in pages:
            if "data-pagefind-body" in page.content:
                path = self.folder / page_url(page.src) / "index.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page_template.render(body=Markup(page.body)), encoding="utf-8")
        record_template = environment.get_template("search_record.html")
        (self.folder / RECORDS_DIR).mkdir()
        for number, record in enumerate(records):
            path = self.folder / RECORDS_DIR / f"{number}.html"
            path.write_text(record_template.render(record=record), encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(self.folder), "--output-path", str(output)]
        self.process = subprocess.Popen(
            [*command, "--force-language", "nl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def wait(self) -> int:
        """Wait for Pagefind; the number of pages and records indexed."""
        try:
            out, err = self.process.communicate()
        finally:
            self.cancel()
        self.seconds = time.perf_counter() - self.started
        if self.process.returncode != 0:
            raise RuntimeError(f"Pagefind: {err or out}")
        found = re.search(r"Indexed (\d+) pages?", out)
        return int(found[1]) if found else 0

    def cancel(self) -> None:
        """Stop Pagefind (when the build failed) and remove its input."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        shutil.rmtree(self.folder, ignore_errors=True)

"""The Pagefind search index: one record per spreekuur/activity (built from the data, with filters),
plus the organisation and wijk pages themselves (their ``data-pagefind-body``).

Runs after the site is written; the browser loads nothing of it until the search box is used.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, ServiceEntry
from .finder import card_data
from .text import languages


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
# Only these files carry data-pagefind-body; Pagefind need not read the rest (print sheets, theme pages).
INDEXED = f"{{{RECORDS_DIR}/*.html,organisaties/*/index.html,wijken/*/index.html}}"


def write_search_index(site_dir: Path, records: list[SearchRecord]) -> int:
    """Index the site's pages and the records into ``site_dir/pagefind``; returns the number indexed.

    Each record is written as a small HTML file (from a template) that the Pagefind binary indexes with the
    pages, then removed again: its result links to the entry on its organisation page (meta ``link``).
    Pagefind's Python service takes about 0.1 s per custom record, the binary a few ms per page.
    """
    from .pages import template_environment

    folder = site_dir / RECORDS_DIR
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    template = template_environment(None).get_template("search_record.html")
    for number, record in enumerate(records):
        (folder / f"{number}.html").write_text(template.render(record=record), encoding="utf-8")
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "nl", "--glob", INDEXED],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if completed.returncode != 0:
        raise RuntimeError(f"Pagefind: {completed.stderr or completed.stdout}")
    found = re.search(r"Indexed (\d+) pages?", completed.stdout)
    return int(found[1]) if found else 0

"""The Pagefind search index: one record per spreekuur/activity (built from the data, with filters),
plus the organisation and wijk pages themselves (their ``data-pagefind-body``).

Runs after the site is written; the browser loads nothing of it until the search box is used.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
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


def write_search_index(site_dir: Path, records: list[SearchRecord]) -> int:
    """Index the site's pages and the records into ``site_dir/pagefind``; returns the number of pages.

    Pagefind's API is async; when the caller already runs an event loop (a notebook, a test driving a
    browser), the indexing runs on a thread of its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_write(site_dir, records))
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _write(site_dir, records)).result()


async def _write(site_dir: Path, records: list[SearchRecord]) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language="nl", output_path=str(site_dir / "pagefind"))
    async with PagefindIndex(config=config) as index:
        pages = await index.add_directory(str(site_dir))
        for record in records:
            await index.add_custom_record(
                url=record.url, content=record.content, language="nl", meta=record.meta, filters=record.filters
            )
    return int(pages["page_count"]) + len(records)

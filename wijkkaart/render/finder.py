"""Data for the finder in the browser: per-card facts, the PC4 lookup and the lists it points to.

Small static JSON files, so that a postcode lookup needs no server and no geocoder. ``zoek/index.json``
holds, per PC4 area of the site's gemeenten (and any other one something serves), the catalog's answer
(``Served.lookup``) as ``[status, gemeente, [wijken], [lists]]``: status ``wijk``, ``gemeente`` or
``buiten``, the gemeente's place in ``gemeenten`` (whose first ``eigen`` are the site's own; or null),
and the lists to show. Each list
(``zoek/wijk/<id>.json``, ``zoek/gemeente/<naam>.json``, ``zoek/pc4/<code>.json``, ``zoek/regio.json``)
holds the cards of one group of services and is written once; ``buiten`` names the lists for a postcode
the index does not know. The browser only reads these: it decides nothing about who is served.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..records.catalog import Catalog, ServiceEntry, WijkEntry
from ..schedule.browser import compact
from .text import dutch_list, languages, national_phone
from .urls import org_src, page_url, wijk_src


def card_data(entry: ServiceEntry) -> dict[str, Any]:
    """What the browser needs about one spreekuur or activity beside its card's HTML: the filters' values,
    the times for "volgende keer", and the short text "Delen" makes (links relative to the site root)."""
    service = entry.service
    data: dict[str, Any] = {
        "uid": entry.uid,
        "name": service.name,
        "org": entry.org.name,
        "url": f"{page_url(org_src(entry.org.slug))}#{service.id}",
        "themes": entry.themes,
        "walk_in": service.walk_in,
        "free": service.free,
        "languages": service.languages,
        "where": where_text(entry),
        "phone": _phone(entry),
        "email": _email(entry),
        "time": compact(entry),
    }
    if not service.free:
        data["cost"] = service.fees_description
    if service.languages != ["nl"]:
        data["talen"] = languages(service.languages)
    if service.status == "temporarily_closed":
        data["closed_note"] = service.status_note
    return {key: value for key, value in data.items() if value is not None}


def when_text(entry: ServiceEntry) -> str:
    return entry.schedule.text if entry.schedule else "op afspraak"


def where_text(entry: ServiceEntry) -> str | None:
    location = entry.location
    return f"{location.address}, {location.postal_code} {location.city}" if location else None


def _phone(entry: ServiceEntry) -> str | None:
    handover = entry.service.handover
    if handover:
        return national_phone(handover.phone) if handover.phone else None
    phones = entry.org.org.phones
    return national_phone(phones[0].number) if phones else None


def _email(entry: ServiceEntry) -> str | None:
    handover = entry.service.handover
    return handover.email if handover else entry.org.org.email


def finder_path(key: str) -> str:
    """A list's file: ``wijk/moerwijk`` → ``zoek/wijk/moerwijk.json``."""
    return f"zoek/{key}.json"


def finder_index(catalog: Catalog) -> dict[str, Any]:
    served = catalog.served
    gemeenten = list(served.gemeenten)
    named = {g for p in served.pc4s() if (g := served.gemeente_of(p))}
    gemeenten += sorted(named - set(gemeenten))
    place = {g: n for n, g in enumerate(gemeenten)}
    pc4: dict[str, Any] = {}
    for code in served.pc4s():
        found = served.lookup(code)
        where = place.get(found.gemeente) if found.gemeente else None
        pc4[code] = [found.status, where, list(found.wijken), list(found.keys)]
    return {
        "gemeenten": [served.display(g) for g in gemeenten],
        "eigen": len(served.gemeenten),  # the first ones are the site's own
        "regio": dutch_list([served.display(g) for g in served.gemeenten]) or "deze gemeente",
        "pc4": pc4,
        "buiten": list(served.outside()),
        "wijken": {w.slug: {"name": w.name, "url": page_url(wijk_src(w.slug))} for w in catalog.wijken.values()},
        "themes": {t.id: t.name for t in catalog.themes.values()},
    }


def wijk_lists(catalog: Catalog, wijk: WijkEntry) -> list[str]:
    """The finder files a postcode lookup in this wijk reads (kept by "Bewaar offline")."""
    served = catalog.served
    keys = dict.fromkeys(k for p in wijk.wijk.pc4 for k in served.keys(p))
    return ["zoek/index.json", *(finder_path(k) for k in keys)]


def finder_files(catalog: Catalog, cards: Mapping[str, str]) -> list[tuple[str, bytes]]:
    """The index and each list; a list's entry is its card as the server renders it (``cards``: by uid,
    links relative to the site root) with the uid and the theme it is grouped under."""
    entries = {id(s): {"uid": s.uid, "theme": s.themes[0], "html": cards[s.uid]} for s in catalog.services}
    files: list[tuple[str, Any]] = [("zoek/index.json", finder_index(catalog))]
    files += [(finder_path(key), [entries[id(s)] for s in group]) for key, group in catalog.served.groups.items()]
    return [(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()) for path, data in files]

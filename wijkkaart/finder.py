"""Data for the finder in the browser: per-card facts, the PC4 → wijk lookup and per-wijk lists.

Small static JSON files, so that a postcode lookup needs no server and no geocoder: an index of the
gemeente's PC4 areas (with their wijken), one list per wijk, and one list for the whole gemeente.
"""

from __future__ import annotations

import json
from typing import Any

from .catalog import Catalog, ServiceEntry
from .settings import Settings
from .timetable import compact
from .urls import org_src, page_url, wijk_src


def card_data(entry: ServiceEntry) -> dict[str, Any]:
    """Everything the browser needs about one spreekuur or activity (links relative to the site root)."""
    service = entry.service
    return {
        "uid": entry.uid,
        "name": service.name,
        "org": entry.org.name,
        "org_url": page_url(org_src(entry.org.slug)),
        "url": f"{page_url(org_src(entry.org.slug))}#{service.id}",
        "themes": entry.themes,
        "wijken": service.service_area.wijken,
        "pc4": service.service_area.pc4,
        "citywide": service.service_area.gemeente,
        "walk_in": service.walk_in,
        "free": service.free,
        "languages": service.languages,
        "when": when_text(entry),
        "where": where_text(entry),
        "phone": _phone(entry),
        "time": compact(entry),
    }


def when_text(entry: ServiceEntry) -> str:
    return entry.schedule.text if entry.schedule else "op afspraak"


def where_text(entry: ServiceEntry) -> str | None:
    location = entry.location
    return f"{location.address}, {location.postal_code} {location.city}" if location else None


def _phone(entry: ServiceEntry) -> str | None:
    from .text import national_phone

    if entry.service.handover and entry.service.handover.phone:
        return national_phone(entry.service.handover.phone)
    phones = entry.org.org.phones
    return national_phone(phones[0].number) if phones else None


def gemeente_pc4s(catalog: Catalog) -> set[str]:
    """Every PC4 of the gemeente(n) the wijken lie in (from the register), or else the wijken's own."""
    own = catalog.pc4s_in_use()
    register = catalog.register
    if register is None:
        return own
    gemeenten = {area.gemeente for p in own if (area := register.get(p))}
    return {code for code, area in register.areas.items() if area.gemeente in gemeenten} | own


def finder_files(catalog: Catalog, settings: Settings) -> list[tuple[str, bytes]]:
    cards = [card_data(s) for s in catalog.services]
    by_wijk: dict[str, list[dict[str, Any]]] = {slug: [] for slug in catalog.wijken}
    for entry, card in zip(catalog.services, cards, strict=True):
        for wijk in catalog.wijken_served(entry) if not entry.citywide else []:
            by_wijk[wijk.slug].append(card)
    index = {
        "gemeente": settings.gemeente or "deze gemeente",
        "pc4": {code: [w.slug for w in catalog.wijken_of_pc4(code)] for code in sorted(gemeente_pc4s(catalog))},
        "wijken": {w.slug: {"name": w.name, "url": page_url(wijk_src(w.slug))} for w in catalog.wijken.values()},
        "themes": {t.id: t.name for t in catalog.themes.values()},
    }
    in_no_wijk = [c for c in cards if c["pc4"] and not any(catalog.wijken_of_pc4(p) for p in c["pc4"])]
    files = [("zoek/index.json", index), ("zoek/gemeente.json", [c for c in cards if c["citywide"]] + in_no_wijk)]
    files += [(f"zoek/wijk/{slug}.json", serving) for slug, serving in by_wijk.items()]
    return [(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()) for path, data in files]

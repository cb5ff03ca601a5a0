"""Open Referral HSDS 3.1 JSON: organizations, services (with schedules, service areas, languages,
locations and addresses) and the theme taxonomy, with deterministic UUIDs (uuid5 of the slugs).

Times: HSDS's ``timezone`` is a fixed UTC offset, which cannot say "Europe/Amsterdam" across summer
time. We leave it out and give ``opens_at``/``closes_at`` as local wall-clock time in Europe/Amsterdam,
stated in every schedule's ``notes`` and in the index document.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from functools import cache
from typing import Any

from ..geo.boundaries import Geo, dumps
from ..records.catalog import Catalog, OrgEntry, ServiceEntry, WijkEntry
from ..records.model import Location, Theme
from ..records.settings import Settings
from ..render.text import dutch_list, languages
from ..render.urls import org_src, page_url, wijk_src
from ..schedule.browser import availability
from ..schedule.recurrence import recurrences

NAMESPACE = uuid.UUID("3f0d5d84-7a4c-4b0e-9a53-77696a6b6b61")
FOLDER = "open-data/hsds"
BOUNDARIES = "open-data/wijken.geojson"
TIME_NOTE = "Tijden in lokale tijd Europe/Amsterdam (CET/CEST)."
LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.nl"}


@cache
def uid(*parts: str) -> str:
    """A stable id (UUID 5 of the parts); each one is asked for about twice (as itself and as a reference)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], "")}


class HsdsExport:
    def __init__(self, catalog: Catalog, settings: Settings, geo: Geo | None) -> None:
        self.catalog, self.settings, self.geo = catalog, settings, geo

    def files(self) -> list[tuple[str, bytes]]:
        organizations = [self.organization(o) for o in self.catalog.orgs.values()]
        services = [self.service(s) for s in self.catalog.services]
        taxonomy = self.taxonomy()
        index = self.index(len(organizations), len(services), len(taxonomy["terms"]))
        data = [index, organizations, services, taxonomy, self.boundaries()]
        return [(path, dumps(item).encode()) for path, item in zip(hsds_paths(), data, strict=True)]

    def boundaries(self) -> dict[str, Any]:
        """Every wijk boundary once, as GeoJSON; a service area names its wijk by ``uri`` (the wijk page)."""
        shapes = self.geo.wijken if self.geo else {}
        return {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "id": wijk.slug,
                    "properties": _clean(
                        {
                            "name": wijk.name,
                            "gemeente": wijk.wijk.gemeente,
                            "pc4": wijk.wijk.pc4,
                            "uri": self._wijk_uri(wijk),
                        }
                    ),
                    "geometry": shapes[wijk.slug].geometry,
                }
                for wijk in self.catalog.wijken.values()
                if wijk.slug in shapes
            ],
        }

    def index(self, orgs: int, services: int, terms: int) -> dict[str, Any]:
        return {
            "name": f"Sociale kaart {dutch_list(list(self.settings.gemeenten))}".strip(),
            "description": "Organisaties, spreekuren en activiteiten, als Open Referral HSDS 3.1.",
            "hsds_version": "3.1",
            "generated": self.settings.today.isoformat(),
            "license": LICENSE,
            "attribution": "Sociale kaart (wijkkaart); wijkgrenzen: Bron: CBS / Kadaster.",
            "timezone": "Europe/Amsterdam. " + TIME_NOTE + " Het HSDS-veld 'timezone' (vaste UTC-afwijking) is "
            "niet gebruikt, omdat het zomertijd niet kan uitdrukken.",
            "files": {
                "organizations": "organizations.json",
                "services": "services.json",
                "taxonomy": "taxonomy.json",
                "wijkgrenzen": "../wijken.geojson",
            },
            "counts": {"organizations": orgs, "services": services, "taxonomy_terms": terms},
        }

    def organization(self, org: OrgEntry) -> dict[str, Any]:
        data = org.org
        oid = uid("org", org.slug)
        return _clean(
            {
                "id": oid,
                "name": data.name,
                "description": data.description,
                "email": data.email,
                "website": data.url,
                "phones": [
                    _clean(
                        {
                            "id": uid("phone", org.slug, str(i)),
                            "organization_id": oid,
                            "number": p.number,
                            "description": p.description,
                        }
                    )
                    for i, p in enumerate(data.phones)
                ],
                "locations": [self.location(org, loc) for loc in data.locations],
            }
        )

    def location(self, org: OrgEntry, loc: Location) -> dict[str, Any]:
        lid = uid("location", org.slug, loc.id)
        point = self.geo.point(org.slug, loc.id) if self.geo else None
        area = self.catalog.register.get(loc.pc4) if self.catalog.register else None
        return _clean(
            {
                "id": lid,
                "location_type": "physical",
                "organization_id": uid("org", org.slug),
                "name": loc.name,
                "latitude": point.lat if point else None,
                "longitude": point.lon if point else None,
                "addresses": [
                    {
                        "id": uid("address", org.slug, loc.id),
                        "location_id": lid,
                        "address_1": loc.address,
                        "city": loc.city,
                        "state_province": area.provincie if area and area.provincie else "",
                        "postal_code": loc.postal_code,
                        "country": "NL",
                        "address_type": "physical",
                    }
                ],
            }
        )

    def service(self, entry: ServiceEntry) -> dict[str, Any]:
        service, sid = entry.service, uid("service", entry.uid)
        eligibility = service.eligibility
        handover = service.handover
        return _clean(
            {
                "id": sid,
                "organization_id": uid("org", entry.org.slug),
                "name": service.name,
                "description": service.description,
                "url": self._url(entry),
                "status": _status(service.status),
                "alert": service.status_note,
                "email": handover.email if handover else None,
                "fees_description": "gratis" if service.free else service.fees_description,
                "eligibility_description": eligibility.description if eligibility else None,
                "minimum_age": eligibility.minimum_age if eligibility else None,
                "maximum_age": eligibility.maximum_age if eligibility else None,
                "assured_date": entry.org.org.checked.isoformat(),
                "phones": [
                    {
                        "id": uid("phone", entry.uid),
                        "service_id": sid,
                        "number": handover.phone,
                        "description": f"Warme overdracht: {handover.name}",
                    }
                ]
                if handover and handover.phone
                else [],
                "schedules": self.schedules(entry, sid),
                "service_areas": self.service_areas(entry, sid),
                "service_at_locations": self.service_at_locations(entry, sid),
                "languages": [
                    {"id": uid("language", entry.uid, c), "service_id": sid, "name": languages([c]), "code": c}
                    for c in service.languages
                ],
                "attributes": [self.attribute(sid, self.catalog.themes[t]) for t in entry.themes],
            }
        )

    def schedules(self, entry: ServiceEntry, sid: str) -> list[dict[str, Any]]:
        return schedules(entry, sid, self.settings.today)

    def service_areas(self, entry: ServiceEntry, sid: str) -> list[dict[str, Any]]:
        """Whom it serves, as the catalog decides: whole gemeenten (the region as its gemeenten), wijken and
        postcode areas, each naming its postcode areas."""
        served = self.catalog.served
        reach = served.reach(entry)
        gemeenten = dict.fromkeys([*reach.gemeenten, *(served.gemeenten if reach.regio else ())])
        out = [self._gemeente_area(entry, sid, g, reach.regio and g in served.gemeenten) for g in gemeenten]
        out += [self._wijk_area(entry, sid, self.catalog.wijken[slug]) for slug in reach.wijken]
        for pc4 in reach.pc4:
            out.append(
                {
                    "id": uid("area", entry.uid, pc4),
                    "service_id": sid,
                    "name": f"Postcodegebied {pc4}",
                    "description": f"PC4 {pc4}",
                }
            )
        return out

    def _gemeente_area(self, entry: ServiceEntry, sid: str, gemeente: str, regio: bool) -> dict[str, Any]:
        served = self.catalog.served
        codes = served.pc4s_of(gemeente)
        whole = "de hele regio" if regio else "hele gemeente"
        return _clean(
            {
                "id": uid("area", entry.uid, "gemeente", gemeente),
                "service_id": sid,
                "name": f"Gemeente {served.display(gemeente)}",
                "description": f"{whole}; postcodegebieden {', '.join(codes)}" if codes else whole,
            }
        )

    def _wijk_area(self, entry: ServiceEntry, sid: str, wijk: WijkEntry) -> dict[str, Any]:
        """A wijk as service area: its postcode areas, and its page as ``uri``. The boundary itself is in
        ``open-data/wijken.geojson`` once, not copied into every service (200 MB at 10,000 organisations)."""
        return _clean(
            {
                "id": uid("area", entry.uid, wijk.slug),
                "service_id": sid,
                "name": wijk.name,
                "description": "Postcodegebieden " + ", ".join(wijk.wijk.pc4),
                "uri": self._wijk_uri(wijk),
            }
        )

    def _wijk_uri(self, wijk: WijkEntry) -> str | None:
        return (
            f"{self.settings.site_url.rstrip('/')}/{page_url(wijk_src(wijk.slug))}" if self.settings.site_url else None
        )

    def service_at_locations(self, entry: ServiceEntry, sid: str) -> list[dict[str, Any]]:
        if entry.location is None:
            return []
        location = self.location(entry.org, entry.location)
        return [{"id": uid("sal", entry.uid), "service_id": sid, "location_id": location["id"], "location": location}]

    def attribute(self, sid: str, theme: Theme) -> dict[str, Any]:
        return {
            "id": uid("attribute", sid, theme.id),
            "link_id": sid,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": uid("term", theme.id),
            "taxonomy_term": self.term(theme),
        }

    def term(self, theme: Theme) -> dict[str, Any]:
        return _clean(
            {
                "id": uid("term", theme.id),
                "code": theme.id,
                "name": theme.name,
                "description": theme.description or theme.name,
                "taxonomy_id": uid("taxonomy", "themes"),
                "language": "nl",
            }
        )

    def taxonomy(self) -> dict[str, Any]:
        return {
            "id": uid("taxonomy", "themes"),
            "name": "Thema's van de sociale kaart",
            "description": "De thema's waaronder spreekuren en activiteiten vallen.",
            "terms": [self.term(t) for t in self.catalog.themes.values()],
        }

    def _url(self, entry: ServiceEntry) -> str | None:
        if not self.settings.site_url:
            return None
        return f"{self.settings.site_url.rstrip('/')}/{page_url(org_src(entry.org.slug))}#{entry.service.id}"


def schedules(entry: ServiceEntry, sid: str, today: date) -> list[dict[str, Any]]:
    """One HSDS schedule per piece of the schedule and time span (schedule/recurrence.py): exact after overrides."""
    when = availability(entry)
    if when is None:
        return []
    service = entry.service
    notes = [TIME_NOTE] + (["Niet op Nederlandse feestdagen."] if when.schedule.holidays_off else [])
    if when.closed:
        notes.append(f"Tijdelijk gesloten{f' tot en met {service.closed_until}' if service.closed_until else ''}.")
    valid_from = service.valid_from
    if when.closed and service.closed_until:
        reopens = service.closed_until + timedelta(days=1)  # the schedule holds again after the closure
        valid_from = max(valid_from, reopens) if valid_from else reopens
    out = []
    for i, rule in enumerate(recurrences(when.schedule)):
        first = rule.first_on_or_after(valid_from or today) if rule.byweekno else None
        out.append(
            _clean(
                {
                    "id": uid("schedule", entry.uid, str(i)),
                    "service_id": sid,
                    "freq": "WEEKLY" if rule.byweekno else rule.freq,  # HSDS: byweekno goes with WEEKLY
                    "byday": ",".join(rule.byday),
                    "interval": 1,
                    "opens_at": _clock(rule.start),
                    "closes_at": _clock(rule.end),
                    "valid_from": valid_from.isoformat() if valid_from else None,
                    "valid_to": service.valid_to.isoformat() if service.valid_to else None,
                    "dtstart": first.isoformat() if first else None,
                    "wkst": "MO" if rule.byweekno else None,
                    "byweekno": ",".join(str(w) for w in rule.byweekno) or None,
                    "description": when.schedule.text,
                    "notes": " ".join(notes),
                    "attending_type": "zonder afspraak" if service.walk_in else "op afspraak",
                }
            )
        )
    return out


def _status(status: str) -> str:
    return "temporarily closed" if status == "temporarily_closed" else "active"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def hsds_paths() -> list[str]:
    """The site paths of what ``hsds_files`` makes, in its order."""
    names = ("index.json", "organizations.json", "services.json", "taxonomy.json")
    return [*(f"{FOLDER}/{name}" for name in names), BOUNDARIES]


def hsds_files(catalog: Catalog, settings: Settings, geo: Geo | None) -> list[tuple[str, bytes]]:
    return HsdsExport(catalog, settings, geo).files()

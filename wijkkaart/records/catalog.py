"""The validated social map and the questions pages ask of it.

The Catalog answers: which services serve a PC4 area or a wijk (through ``served``, the one place that
decides), which carry a theme, which organisations are stale. It knows nothing of pages or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..geo.register import Register
from ..schedule.parse import Schedule, parse
from .load import Document
from .model import Contact, Location, Organisation, Service, Theme, Wijk
from .served import Reach, Served


@dataclass
class WijkEntry:
    slug: str
    doc: Document
    wijk: Wijk

    @property
    def name(self) -> str:
        return self.wijk.name


@dataclass
class OrgEntry:
    slug: str
    doc: Document
    org: Organisation
    stale: bool = False

    @property
    def name(self) -> str:
        return self.org.name

    def location(self, location_id: str | None) -> Location | None:
        if location_id is None:
            return None
        return next((loc for loc in self.org.locations if loc.id == location_id), None)


@dataclass
class ServiceEntry:
    org: OrgEntry
    service: Service
    index: int

    @property
    def uid(self) -> str:
        return f"{self.org.slug}/{self.service.id}"

    @property
    def location(self) -> Location | None:
        return self.org.location(self.service.location)

    @cached_property
    def schedule(self) -> Schedule | None:
        return parse(self.service.schedule) if self.service.schedule else None

    @property
    def themes(self) -> list[str]:
        """Its own themes; without them its organisation's first (``check`` warns when it has more): an
        entry is found under what it is about, not under every theme of its organisation."""
        return self.service.themes or self.org.org.themes[:1]

    @property
    def citywide(self) -> bool:
        """For whole gemeenten or the region (who exactly: ``Catalog.reach``)."""
        area = self.service.service_area
        return area.gemeente is not False or bool(area.gemeenten) or area.regio


@dataclass(frozen=True)
class Asked:
    """Someone to ask about an organisation's data: a name and the ways to reach them."""

    name: str
    phone: str | None
    email: str | None
    url: str | None

    @classmethod
    def of(cls, contact: Contact) -> Asked:
        return cls(contact.name, contact.phone, contact.email, contact.url)


@dataclass
class Catalog:
    themes: dict[str, Theme]
    wijken: dict[str, WijkEntry]
    orgs: dict[str, OrgEntry]
    services: list[ServiceEntry] = field(default_factory=list)
    register: Register | None = None
    gemeenten: tuple[str, ...] = ()  # the site's gemeenten as configured (``gemeente`` in the settings)

    def pc4s_in_use(self) -> set[str]:
        """Every PC4 a wijk covers or a location lies in."""
        return set(self._pc4s_in_use)

    @cached_property
    def _pc4s_in_use(self) -> frozenset[str]:  # asked for by the finder, the geometry and its cache
        pc4s = {p for w in self.wijken.values() for p in w.wijk.pc4}
        return frozenset(pc4s | {loc.pc4 for o in self.orgs.values() for loc in o.org.locations})

    @cached_property
    def example_postcode(self) -> str:
        """A postcode of this site's own area for examples ("bijvoorbeeld 8011 AB"): the lowest PC4 of a wijk,
        else of the site's first gemeente in the register."""
        wijk_pc4s = sorted({p for w in self.wijken.values() for p in w.wijk.pc4})
        areas = self.register.areas.values() if self.register else []
        known = sorted(a.pc4 for a in areas if a.gemeente in self.gemeenten[:1])
        return f"{(wijk_pc4s or known or ['2525'])[0]} AB"

    def wijken_of_pc4(self, pc4: str) -> list[WijkEntry]:
        return [self.wijken[slug] for slug in self.served.wijken_of_pc4.get(pc4, [])]

    @cached_property
    def served(self) -> Served:
        """Who is served where: the one decision (see ``served``)."""
        return Served(self.services, self.wijken, self.register, self.gemeenten)

    def services_at(self, pc4: str) -> list[ServiceEntry]:
        """The services for residents of this PC4 area."""
        return self.served.services_at(pc4)

    def reach(self, entry: ServiceEntry) -> Reach:
        return self.served.reach(entry)

    def services_for_wijk(self, wijk: WijkEntry) -> list[ServiceEntry]:
        """Services for this wijk in particular: for its residents, and bound to it or held in it."""
        return self._by_wijk.get(wijk.slug, [])

    def citywide_elsewhere(self, wijk: WijkEntry) -> list[ServiceEntry]:
        """Services for this wijk's residents as part of their gemeente or region, held elsewhere."""
        specific = {id(s) for s in self.services_for_wijk(wijk)}
        return [s for s in self.served.in_wijk(wijk) if id(s) not in specific]

    def serving_wijk(self, wijk: WijkEntry) -> list[ServiceEntry]:
        """Everything for this wijk's residents: the wijk page's two lists and its iCal feed."""
        return self.services_for_wijk(wijk) + self.citywide_elsewhere(wijk)

    @cached_property
    def _by_wijk(self) -> dict[str, list[ServiceEntry]]:
        served = self.served
        return {
            slug: [s for s in served.in_wijk(wijk) if served.specific_to(wijk, s)] for slug, wijk in self.wijken.items()
        }

    def theme_counts_by_wijk(self, theme_id: str) -> list[tuple[WijkEntry, int]]:
        """Per wijk, how many of its services have this as their first theme (the wijk page's section)."""
        by_wijk = self._by_wijk
        counts = [(w, sum(s.themes[0] == theme_id for s in by_wijk.get(w.slug, []))) for w in self.wijken.values()]
        return [(wijk, count) for wijk, count in counts if count]

    def placed_services(self) -> set[int]:
        """The ids of the services that some wijk page lists."""
        return {id(s) for services in self._by_wijk.values() for s in services}

    def services_with_theme(self, theme_id: str) -> list[ServiceEntry]:
        return [s for s in self.services if theme_id in s.themes]

    def orgs_with_theme(self, theme_id: str) -> list[OrgEntry]:
        return [o for o in self.orgs.values() if theme_id in o.org.themes]

    def orgs_in(self, services: list[ServiceEntry]) -> list[OrgEntry]:
        seen: dict[str, OrgEntry] = {s.org.slug: s.org for s in services}
        return sorted(seen.values(), key=lambda o: o.name.lower())

    def services_of(self, org: OrgEntry) -> list[ServiceEntry]:
        return self._by_org.get(org.slug, [])

    @cached_property
    def _by_org(self) -> dict[str, list[ServiceEntry]]:
        index: dict[str, list[ServiceEntry]] = {}
        for entry in self.services:
            index.setdefault(entry.org.slug, []).append(entry)
        return index

    def wijken_served(self, entry: ServiceEntry) -> list[WijkEntry]:
        """The wijken a service's area names, directly or through one of their postcode areas."""
        area = entry.service.service_area
        slugs = [w for w in area.wijken if w in self.wijken]
        slugs += [w for p in area.pc4 for w in self.served.wijken_of_pc4.get(p, [])]
        return [self.wijken[s] for s in sorted(set(slugs), key=self._wijk_order.__getitem__)]

    @cached_property
    def _wijk_order(self) -> dict[str, int]:
        return {slug: n for n, slug in enumerate(self.wijken)}

    def stale_orgs(self) -> list[OrgEntry]:
        return sorted((o for o in self.orgs.values() if o.stale), key=lambda o: o.org.checked)

    def whom_to_ask(self, org: OrgEntry) -> list[Asked]:
        """Whom a coordinator calls or mails to check an organisation's data: its own phone and e-mail (else
        its website); without those, the warm-handover contacts of its entries, each once."""
        data = org.org
        phone = data.phones[0].number if data.phones else None
        if phone or data.email:
            return [Asked(org.name, phone, data.email, None)]
        seen: dict[tuple[str | None, str | None, str | None], Asked] = {}
        for entry in self.services_of(org):
            contact = entry.service.handover
            if contact is not None:
                seen.setdefault((contact.phone, contact.email, contact.url), Asked.of(contact))
        if seen:
            return list(seen.values())
        return [Asked(org.name, None, None, data.url)] if data.url else []


def group_by_theme(catalog: Catalog, services: list[ServiceEntry]) -> list[tuple[Theme, list[ServiceEntry]]]:
    """Services under their first theme, in the taxonomy's order, so each appears once on a page."""
    groups = []
    for theme in catalog.themes.values():
        members = [s for s in services if s.themes[0] == theme.id]
        if members:
            groups.append((theme, sorted(members, key=lambda s: (s.service.name.lower(), s.uid))))
    return groups

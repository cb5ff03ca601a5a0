"""The validated social map and the questions pages ask of it.

The Catalog answers: which services serve a wijk, which lie in it, which serve the whole gemeente,
which carry a theme, which organisations are stale. It knows nothing of pages or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .load import Document
from .model import Location, Organisation, Service, Theme, Wijk
from .pc4 import Register
from .schedule import Schedule, parse


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
        return self.service.themes or self.org.org.themes

    @property
    def citywide(self) -> bool:
        return self.service.service_area.gemeente


@dataclass
class Catalog:
    themes: dict[str, Theme]
    wijken: dict[str, WijkEntry]
    orgs: dict[str, OrgEntry]
    services: list[ServiceEntry] = field(default_factory=list)
    register: Register | None = None

    def pc4s_in_use(self) -> set[str]:
        """Every PC4 a wijk covers or a location lies in."""
        return set(self._pc4s_in_use)

    @cached_property
    def _pc4s_in_use(self) -> frozenset[str]:  # asked for by the finder, the geometry and its cache
        pc4s = {p for w in self.wijken.values() for p in w.wijk.pc4}
        return frozenset(pc4s | {loc.pc4 for o in self.orgs.values() for loc in o.org.locations})

    def wijken_of_pc4(self, pc4: str) -> list[WijkEntry]:
        return [self.wijken[slug] for slug in self._wijken_of_pc4.get(pc4, [])]

    def services_for_wijk(self, wijk: WijkEntry) -> list[ServiceEntry]:
        """Services for this wijk in particular: bound to it, or held in it."""
        return self._by_wijk.get(wijk.slug, [])

    def citywide_elsewhere(self, wijk: WijkEntry) -> list[ServiceEntry]:
        """Services for the whole gemeente (this wijk's gemeente) that are held outside this wijk; those
        whose gemeente is unknown count for every gemeente."""
        mine = {id(s) for s in self._by_wijk.get(wijk.slug, [])}
        by_gemeente = self._citywide_by_gemeente
        found = by_gemeente.get(self._gemeente_of(wijk), []) + by_gemeente.get(None, [])
        return [s for _, s in sorted(found) if id(s) not in mine]

    @cached_property
    def _by_wijk(self) -> dict[str, list[ServiceEntry]]:
        """Each wijk's services, computed once: bound by wijk or PC4, or held at a location in the wijk."""
        wijken_of_pc4 = self._wijken_of_pc4
        index: dict[str, list[ServiceEntry]] = {}
        for entry in self.services:
            area, location = entry.service.service_area, entry.location
            slugs = [w for w in area.wijken if w in self.wijken]
            slugs += [w for p in area.pc4 for w in wijken_of_pc4.get(p, [])]
            slugs += wijken_of_pc4.get(location.pc4, []) if location else []
            for slug in dict.fromkeys(slugs):
                index.setdefault(slug, []).append(entry)
        return index

    @cached_property
    def _citywide_by_gemeente(self) -> dict[str | None, list[tuple[int, ServiceEntry]]]:
        """The citywide services (with their place in ``services``) by the gemeente they are for (None:
        unknown), so that a wijk page need not look at every one in the country."""
        index: dict[str | None, list[tuple[int, ServiceEntry]]] = {}
        for position, entry in enumerate(self.services):
            if entry.citywide:
                index.setdefault(self._service_gemeente(entry), []).append((position, entry))
        return index

    def _gemeente_of(self, wijk: WijkEntry) -> str | None:
        area = self.register.get(wijk.wijk.pc4[0]) if self.register else None
        return area.gemeente if area else None

    def _service_gemeente(self, entry: ServiceEntry) -> str | None:
        """The gemeente a citywide service is for: where it is held, or for one without a place of its own
        (by phone, at home) where its organisation is; None when the register knows neither."""
        if self.register is None:
            return None
        places = [entry.location] if entry.location else entry.org.org.locations
        register = self.register
        return next((area.gemeente for place in places if (area := register.get(place.pc4))), None)

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
        slugs += [w for p in area.pc4 for w in self._wijken_of_pc4.get(p, [])]
        return [self.wijken[s] for s in sorted(set(slugs), key=self._wijk_order.__getitem__)]

    @cached_property
    def _wijk_order(self) -> dict[str, int]:
        return {slug: n for n, slug in enumerate(self.wijken)}

    @cached_property
    def _wijken_of_pc4(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for wijk in self.wijken.values():
            for pc4 in wijk.wijk.pc4:
                index.setdefault(pc4, []).append(wijk.slug)
        return index

    def stale_orgs(self) -> list[OrgEntry]:
        return sorted((o for o in self.orgs.values() if o.stale), key=lambda o: o.org.checked)


def group_by_theme(catalog: Catalog, services: list[ServiceEntry]) -> list[tuple[Theme, list[ServiceEntry]]]:
    """Services under their first theme, in the taxonomy's order, so each appears once on a page."""
    groups = []
    for theme in catalog.themes.values():
        members = [s for s in services if s.themes[0] == theme.id]
        if members:
            groups.append((theme, sorted(members, key=lambda s: (s.service.name.lower(), s.uid))))
    return groups

"""Who is served where: the one decision every output asks (finder, wijk pages, theme pages, iCal, HSDS).

A service's ``service_area`` resolves to a ``Reach``: wijken and PC4 areas named, whole gemeenten (named,
or the gemeente where it is held for ``gemeente: true``) and the whole region (every gemeente of the
site). Services are kept in groups by what they name (``wijk/<id>``, ``pc4/<code>``,
``gemeente/<name>``, ``regio``); a PC4 area is served by exactly the groups ``keys`` gives it. The
finder writes each group once and tells the browser, per PC4, which groups to read, so the browser
never decides anything itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from ..geo.register import Register

if TYPE_CHECKING:
    from .catalog import ServiceEntry, WijkEntry

REGIO = "regio"
Status = Literal["wijk", "gemeente", "buiten"]


@dataclass(frozen=True)
class Reach:
    """Whom one service serves, resolved."""

    wijken: tuple[str, ...]
    pc4: tuple[str, ...]
    gemeenten: tuple[str, ...]
    regio: bool


@dataclass(frozen=True)
class Lookup:
    """The answer for one PC4: where it lies, and the groups of services to show (``keys``). Outside
    the site's gemeenten ("buiten") the keys name what serves it anyway plus the region-wide services."""

    pc4: str
    status: Status
    gemeente: str | None
    wijken: tuple[str, ...]
    keys: tuple[str, ...]


def gemeente_key(name: str) -> str:
    """``Dijk en Waard`` → ``gemeente/dijk-en-waard`` (a group key and, in the finder, a file name)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "gemeente/" + (re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "onbekend")


class Served:
    """The groups of services by what their areas name, and the questions on top of them."""

    def __init__(
        self,
        services: list[ServiceEntry],
        wijken: dict[str, WijkEntry],
        register: Register | None,
        configured: tuple[str, ...],
    ) -> None:
        self.services, self.wijken, self.register, self.configured = services, wijken, register, configured

    @cached_property
    def wijken_of_pc4(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for wijk in self.wijken.values():
            for pc4 in wijk.wijk.pc4:
                index.setdefault(pc4, []).append(wijk.slug)
        return index

    def gemeente_of(self, pc4: str) -> str | None:
        """The gemeente of a PC4: from the CBS register, else from a wijk that holds it."""
        area = self.register.get(pc4) if self.register else None
        if area is not None:
            return area.gemeente
        slugs = self.wijken_of_pc4.get(pc4)
        return self.canonical(self.wijken[slugs[0]].wijk.gemeente) if slugs else None

    def canonical(self, name: str) -> str:
        """A gemeente as the register names it; a plaats in one gemeente counts as that gemeente, so
        'Den Haag' is "'s-Gravenhage" (CBS's name)."""
        return self._names.get(name.casefold(), name)

    def known(self, name: str) -> bool:
        return self.register is None or name.casefold() in self._names

    @property
    def _names(self) -> dict[str, str]:
        return self.register.names if self.register else {}

    def display(self, gemeente: str) -> str:
        """The name a resident knows: as the settings write it ('Den Haag'), else the register's."""
        return self._display.get(gemeente, gemeente)

    @cached_property
    def _display(self) -> dict[str, str]:
        return {self.canonical(name): name for name in reversed(self.configured)}

    @cached_property
    def gemeenten(self) -> tuple[str, ...]:
        """The site's gemeenten (as the register names them): in the settings, then where its wijken lie."""
        found = [g for w in self.wijken.values() for p in w.wijk.pc4 if (g := self.gemeente_of(p))]
        return tuple(dict.fromkeys([*map(self.canonical, self.configured), *found]))

    def reach(self, entry: ServiceEntry) -> Reach:
        return self._reaches[id(entry)]

    @cached_property
    def _reaches(self) -> dict[int, Reach]:
        return {id(entry): self._resolve(entry) for entry in self.services}

    def _resolve(self, entry: ServiceEntry) -> Reach:
        area = entry.service.service_area
        named = [self.canonical(g) for g in area.named_gemeenten]
        own = self._own_gemeenten(entry) if area.gemeente is True else ()
        return Reach(
            tuple(w for w in area.wijken if w in self.wijken),
            tuple(area.pc4),
            tuple(dict.fromkeys([*own, *named])),
            area.regio,
        )

    def _own_gemeenten(self, entry: ServiceEntry) -> tuple[str, ...]:
        """``gemeente: true``: the gemeente where it is held, or for one without a place of its own (by
        phone, at home) where its organisation is; when neither is known, every gemeente of the site."""
        places = [entry.location] if entry.location else entry.org.org.locations
        found = next((g for place in places if (g := self.gemeente_of(place.pc4))), None)
        return (found,) if found else self.gemeenten

    @cached_property
    def groups(self) -> dict[str, list[ServiceEntry]]:
        """Every non-empty group, each service in the order of the catalog."""
        index: dict[str, list[ServiceEntry]] = {}
        for entry in self.services:
            for key in self._keys_of(self.reach(entry)):
                index.setdefault(key, []).append(entry)
        return index

    @staticmethod
    def _keys_of(reach: Reach) -> list[str]:
        keys = [f"wijk/{w}" for w in reach.wijken] + [f"pc4/{p}" for p in reach.pc4]
        keys += [gemeente_key(g) for g in reach.gemeenten]
        return list(dict.fromkeys(keys + ([REGIO] if reach.regio else [])))

    def keys(self, pc4: str) -> tuple[str, ...]:
        """THE decision: the groups whose services serve residents of this PC4."""
        gemeente = self.gemeente_of(pc4)
        keys = [f"pc4/{pc4}"] + [f"wijk/{w}" for w in self.wijken_of_pc4.get(pc4, [])]
        keys += [gemeente_key(gemeente)] if gemeente else []
        keys += [REGIO] if gemeente in self.gemeenten else []
        return tuple(k for k in keys if k in self.groups)

    def services_at(self, pc4: str) -> list[ServiceEntry]:
        """The services that serve residents of this PC4, each once."""
        return _union(self.groups[k] for k in self.keys(pc4))

    def lookup(self, pc4: str) -> Lookup:
        gemeente, wijken = self.gemeente_of(pc4), tuple(self.wijken_of_pc4.get(pc4, []))
        status: Status = "wijk" if wijken else "gemeente" if gemeente in self.gemeenten else "buiten"
        keys = self.keys(pc4)
        if status == "buiten" and REGIO in self.groups:
            keys += (REGIO,)
        return Lookup(pc4, status, gemeente, wijken, keys)

    def outside(self) -> tuple[str, ...]:
        """The groups shown for a PC4 the finder does not know (outside every gemeente of the site)."""
        return (REGIO,) if REGIO in self.groups else ()

    def pc4s(self) -> list[str]:
        """Every PC4 that something serves or that lies in the site's gemeenten, sorted."""
        return self._pc4s

    @cached_property
    def _pc4s(self) -> list[str]:
        codes = {p for w in self.wijken.values() for p in w.wijk.pc4}
        codes |= {key[4:] for key in self.groups if key.startswith("pc4/")}
        if self.register is not None:
            named = set(self.gemeenten) | {g for e in self.services for g in self.reach(e).gemeenten}
            codes |= {code for code, area in self.register.areas.items() if area.gemeente in named}
        return sorted(codes)

    def pc4s_of(self, gemeente: str) -> list[str]:
        """The PC4 areas of a gemeente that the finder knows."""
        return self._pc4s_by_gemeente.get(gemeente, [])

    @cached_property
    def _pc4s_by_gemeente(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for code in self.pc4s():
            if gemeente := self.gemeente_of(code):
                index.setdefault(gemeente, []).append(code)
        return index

    def in_wijk(self, wijk: WijkEntry) -> list[ServiceEntry]:
        """Every service for residents of this wijk (for at least one of its PC4 areas), in catalog order."""
        return sorted(_union(self.services_at(p) for p in wijk.wijk.pc4), key=lambda s: self._position[id(s)])

    @cached_property
    def _position(self) -> dict[int, int]:
        return {id(entry): n for n, entry in enumerate(self.services)}

    def specific_to(self, wijk: WijkEntry, entry: ServiceEntry) -> bool:
        """True when a service that serves this wijk names it (or one of its PC4s) or is held in it; false
        for one that serves the wijk as part of its gemeente or region from a place elsewhere."""
        reach, pc4s = self.reach(entry), set(wijk.wijk.pc4)
        held = entry.location is not None and entry.location.pc4 in pc4s
        return held or wijk.slug in reach.wijken or bool(pc4s.intersection(reach.pc4))


def _union(lists: Iterable[list[ServiceEntry]]) -> list[ServiceEntry]:
    seen: dict[int, ServiceEntry] = {}
    for services in lists:
        for entry in services:
            seen.setdefault(id(entry), entry)
    return list(seen.values())

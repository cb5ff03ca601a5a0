"""Checks that span records or files: references, unique ids, postcodes that exist, dates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .catalog import Catalog, OrgEntry, WijkEntry
from .load import Document, KeyPath, format_path
from .pc4 import Register
from .problems import Problem, Severity
from .translate import suggest


def check_references(
    catalog: Catalog, register: Register | None, today: date, broken: dict[str, set[str]] | None = None
) -> list[Problem]:
    """Problems between records; ``broken`` names files that exist but are invalid (not dangling)."""
    broken = broken or {}
    ids = _Ids(
        set(catalog.orgs) | broken.get("orgs", set()),
        set(catalog.wijken) | broken.get("wijken", set()),
        list(catalog.themes),
    )
    problems: list[Problem] = []
    for wijk in catalog.wijken.values():
        problems += _wijk_postcodes(wijk, register)
    for org in catalog.orgs.values():
        problems += list(_org_problems(org, ids, register, today))
    problems += _duplicate_names(catalog)
    problems += _gemeente_names(catalog, register)
    return problems


@dataclass(frozen=True)
class _Ids:
    """What a reference may point to: valid records plus files that exist but are invalid."""

    orgs: set[str]
    wijken: set[str]
    themes: list[str]


def _at(
    doc: Document, path: KeyPath, code: str, message: str, hint: str, severity: Severity = Severity.ERROR
) -> Problem:
    return Problem(doc.file, doc.line(path), format_path(path), code, message, hint, severity)


def _wijk_postcodes(wijk: WijkEntry, register: Register | None) -> Iterator[Problem]:
    for i, pc4 in enumerate(wijk.wijk.pc4):
        yield from _known_pc4(wijk.doc, ("pc4", i), pc4, register)
    for pc4, count in Counter(wijk.wijk.pc4).items():
        if count > 1:
            yield _at(
                wijk.doc,
                ("pc4",),
                "duplicate-pc4",
                f"postcodegebied {pc4} staat er {count} keer.",
                "Noem elk postcodegebied één keer.",
            )


def _known_pc4(doc: Document, path: KeyPath, pc4: str, register: Register | None) -> Iterator[Problem]:
    if register is not None and pc4 not in register:
        yield _at(
            doc,
            path,
            "unknown-pc4",
            f"postcodegebied {pc4} bestaat niet.",
            "Controleer de vier cijfers (zie postcode.nl of de CBS-kaart).",
        )


def _org_problems(org: OrgEntry, ids: _Ids, register: Register | None, today: date) -> Iterator[Problem]:
    doc, data = org.doc, org.org
    if data.checked > today:
        yield _at(
            doc,
            ("checked",),
            "checked-in-future",
            f"de datum {data.checked} ligt in de toekomst.",
            "Vul de datum in waarop de gegevens echt zijn nagekeken.",
        )
    yield from _themes(doc, ("themes",), data.themes, ids)
    yield from _unique_ids(doc, "locations", [loc.id for loc in data.locations])
    yield from _unique_ids(doc, "services", [s.id for s in data.services])
    for i, location in enumerate(data.locations):
        yield from _known_pc4(doc, ("locations", i, "postal_code"), location.pc4, register)
        if location.coordinates is None and not location.example:
            yield _at(
                doc,
                ("locations", i),
                "location-approximate",
                f"'{location.name}' heeft geen coördinaten; de kaart toont het midden van postcode {location.pc4}"
                " (locatie bij benadering).",
                "Vul 'coordinates: {lat: …, lon: …}' in.",
                Severity.NOTICE,
            )
    for i, partner in enumerate(data.partners):
        yield from _partner(org, i, partner.org, ids)
    for i, _service in enumerate(data.services):
        yield from _service_problems(org, i, ids, register, today)


def _themes(doc: Document, path: KeyPath, themes: list[str], ids: _Ids) -> Iterator[Problem]:
    for i, theme in enumerate(themes):
        if theme not in ids.themes:
            hint = suggest(theme, ids.themes).strip() or f"Kies uit: {', '.join(ids.themes)}."
            yield _at(doc, (*path, i), "unknown-theme", f"het thema '{theme}' bestaat niet.", hint)


def _unique_ids(doc: Document, key: str, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            yield _at(
                doc,
                (key, i, "id"),
                "duplicate-id",
                f"de id '{item}' komt vaker voor in '{key}'.",
                "Geef elk onderdeel een eigen id.",
            )
        seen.add(item)


def _partner(org: OrgEntry, i: int, ref: str | None, ids: _Ids) -> Iterator[Problem]:
    path: KeyPath = ("partners", i, "org")
    if ref is None:
        return
    if ref == org.slug:
        yield _at(
            org.doc,
            path,
            "partner-self",
            "een organisatie kan niet haar eigen partner zijn.",
            "Verwijder deze partner.",
        )
    elif ref not in ids.orgs:
        hint = suggest(ref, sorted(ids.orgs)).strip() or "Gebruik de bestandsnaam (zonder .yaml) uit orgs/, of 'name'."
        yield _at(org.doc, path, "unknown-org", f"de organisatie '{ref}' bestaat niet.", hint)


def _service_problems(org: OrgEntry, i: int, ids: _Ids, register: Register | None, today: date) -> Iterator[Problem]:
    service, doc, base = org.org.services[i], org.doc, ("services", i)
    yield from _themes(doc, (*base, "themes"), service.themes, ids)
    yield from _inherited_themes(org, i)
    yield from _location_ref(org, i)
    for j, wijk in enumerate(service.service_area.wijken):
        if wijk not in ids.wijken:
            hint = suggest(wijk, sorted(ids.wijken)).strip() or "Gebruik de bestandsnaam (zonder .yaml) uit wijken/."
            yield _at(
                doc, (*base, "service_area", "wijken", j), "unknown-wijk", f"de wijk '{wijk}' bestaat niet.", hint
            )
    for j, pc4 in enumerate(service.service_area.pc4):
        yield from _known_pc4(doc, (*base, "service_area", "pc4", j), pc4, register)
    if service.closed_until and service.closed_until < today and service.status == "temporarily_closed":
        yield _at(
            doc,
            (*base, "closed_until"),
            "closure-ended",
            f"de sluiting liep tot {service.closed_until}.",
            "Zet 'status' weer op 'active' en haal 'status_note' en 'closed_until' weg.",
            Severity.WARNING,
        )
    if service.valid_to and service.valid_to < today:
        yield _at(
            doc,
            (*base, "valid_to"),
            "service-ended",
            f"dit liep tot {service.valid_to}.",
            "Haal het weg als het niet meer bestaat, of pas de datum aan.",
            Severity.WARNING,
        )


def _inherited_themes(org: OrgEntry, i: int) -> Iterator[Problem]:
    """An entry without themes of its own is listed under its organisation's first theme only (see
    ``ServiceEntry.themes``): the buurttuin of a welfare organisation is not debt help."""
    service, themes = org.org.services[i], org.org.themes
    if service.themes or len(themes) < 2:
        return
    yield _at(
        org.doc,
        ("services", i),
        "themes-inherited",
        f"'{service.name}' heeft geen eigen thema's; de organisatie heeft er {len(themes)} ({', '.join(themes)}),"
        f" dus staat het nu alleen bij '{themes[0]}'.",
        f"Schrijf bij dit aanbod de thema's waar het over gaat, bv. 'themes: [{themes[0]}]'.",
        Severity.WARNING,
    )


def _location_ref(org: OrgEntry, i: int) -> Iterator[Problem]:
    service, locations = org.org.services[i], org.org.locations
    path: KeyPath = ("services", i, "location")
    ids = [loc.id for loc in locations]
    if service.location is not None and service.location not in ids:
        hint = suggest(service.location, ids).strip() or (
            f"Kies uit: {', '.join(ids)}." if ids else "Voeg de locatie toe onder 'locations'."
        )
        yield _at(org.doc, path, "unknown-location", f"de locatie '{service.location}' bestaat niet.", hint)


def _gemeente_names(catalog: Catalog, register: Register | None) -> Iterator[Problem]:
    """Every gemeente named (in the settings or a service area) must be one the CBS register knows."""
    if register is None:
        return
    served, names = catalog.served, sorted({n for a in register.areas.values() for n in (a.gemeente, a.plaats)})
    for name in catalog.gemeenten:
        if not served.known(name):
            hint = suggest(name, names).strip() or "Schrijf de naam zoals het CBS hem schrijft, bv. 'Den Haag'."
            yield Problem("mkdocs.yml", 1, "gemeente", "unknown-gemeente", f"de gemeente '{name}' bestaat niet.", hint)
    for org in catalog.orgs.values():
        for i, service in enumerate(org.org.services):
            area, base = service.service_area, ("services", i, "service_area")
            named: list[tuple[KeyPath, str]] = (
                [((*base, "gemeente"), area.gemeente)] if isinstance(area.gemeente, str) else []
            )
            named += [((*base, "gemeenten", j), name) for j, name in enumerate(area.gemeenten)]
            for path, name in named:
                if not served.known(name):
                    hint = suggest(name, names).strip() or "Schrijf de naam zoals het CBS hem schrijft, bv. 'Uitgeest'."
                    yield _at(org.doc, path, "unknown-gemeente", f"de gemeente '{name}' bestaat niet.", hint)
            if area.gemeente is True and not org.org.locations and len(served.gemeenten) > 1:
                yield _at(
                    org.doc,
                    (*base, "gemeente"),
                    "gemeente-without-place",
                    "zonder adres is niet duidelijk welke gemeente; nu geldt het voor alle gemeenten van de kaart.",
                    "Schrijf de naam, bv. 'gemeente: Velsen', of 'regio: true' als het echt voor allemaal is.",
                    Severity.WARNING,
                )


def _duplicate_names(catalog: Catalog) -> Iterator[Problem]:
    seen: dict[str, OrgEntry] = {}
    for org in catalog.orgs.values():
        key = org.name.casefold()
        if key in seen:
            yield _at(
                org.doc,
                ("name",),
                "duplicate-name",
                f"de naam '{org.name}' staat ook in {seen[key].doc.file}.",
                "Voeg de bestanden samen, of maak de namen verschillend.",
            )
        seen[key] = org

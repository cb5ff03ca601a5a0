"""Checks that span records or files: references, unique ids, postcodes that exist, dates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..geo.register import Register
from .catalog import Catalog, OrgEntry, ServiceEntry, WijkEntry
from .load import Document, KeyPath, as_written, format_path
from .problems import Problem, Severity
from .served import Served
from .translate import suggest


def check_references(
    catalog: Catalog,
    register: Register | None,
    today: date,
    broken: dict[str, set[str]] | None = None,
    setting: tuple[str, int] = ("mkdocs.yml", 1),
) -> list[Problem]:
    """Problems between records; ``broken`` names files that exist but are invalid (not dangling); ``setting``
    is where the site's ``gemeente`` is set (file and line)."""
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
    problems += _gemeente_names(catalog, register, setting)
    problems += _outside_the_site(catalog, register)
    return problems


def partial_references(
    failed: list[Document],
    catalog: Catalog,
    register: Register | None,
    broken: dict[str, set[str]],
    found: list[Problem],
) -> list[Problem]:
    """The references in organisation files that are not valid records (a field error elsewhere in the file must
    not hide them), read from their data where it has the right shape; none where an error was already found."""
    ids = _Ids(
        set(catalog.orgs) | broken.get("orgs", set()),
        set(catalog.wijken) | broken.get("wijken", set()),
        list(catalog.themes),
    )
    problems: list[Problem] = []
    for doc in failed:
        taken = [p.path for p in found if p.file == doc.file]
        for problem in _raw_references(doc, ids, register, any(path.startswith("locations") for path in taken)):
            if not any(problem.path == path or problem.path.startswith((f"{path}.", f"{path}[")) for path in taken):
                problems.append(problem)
    return problems


def _raw_references(doc: Document, ids: _Ids, register: Register | None, bad_locations: bool) -> Iterator[Problem]:
    data = doc.data
    for i, theme in _texts(data.get("themes")):
        yield from _theme(doc, ("themes", i), theme, ids)
    for i, partner in _mappings(data.get("partners")):
        if isinstance(partner.get("org"), str) and partner["org"] != doc.file.rpartition("/")[2][:-5]:
            yield from _org_ref(doc, ("partners", i, "org"), partner["org"], ids)
    locations = [loc.get("id") for _, loc in _mappings(data.get("locations"))]
    for i, location in _mappings(data.get("locations")):
        postcode = location.get("postal_code")
        if isinstance(postcode, str) and re.fullmatch(r"[1-9][0-9]{3} ?[A-Za-z]{2}", postcode.strip()):
            yield from _known_pc4(doc, ("locations", i, "postal_code"), postcode.strip()[:4], register)
    for i, service in _mappings(data.get("services")):
        base: KeyPath = ("services", i)
        for j, theme in _texts(service.get("themes")):
            yield from _theme(doc, (*base, "themes", j), theme, ids)
        if isinstance(service.get("location"), str) and not bad_locations:
            known = [loc for loc in locations if isinstance(loc, str)]
            yield from _location_at(doc, (*base, "location"), service["location"], known)
        area = service.get("service_area")
        area = area if isinstance(area, dict) else {}
        for j, wijk in _texts(area.get("wijken")):
            yield from _wijk_ref(doc, (*base, "service_area", "wijken", j), wijk, ids)
        for j, pc4 in _texts(area.get("pc4")):
            if re.fullmatch(r"[1-9][0-9]{3}", pc4):
                yield from _known_pc4(doc, (*base, "service_area", "pc4", j), pc4, register)


def _texts(value: object) -> Iterator[tuple[int, str]]:
    """The items of a list that are text (a number as written too, for postcodes)."""
    for i, item in enumerate(value if isinstance(value, list) else []):
        if isinstance(item, str | int) and not isinstance(item, bool):
            yield i, as_written(item)


def _mappings(value: object) -> Iterator[tuple[int, dict[str, Any]]]:
    for i, item in enumerate(value if isinstance(value, list) else []):
        if isinstance(item, dict):
            yield i, item


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
        yield from _theme(doc, (*path, i), theme, ids)


def _theme(doc: Document, path: KeyPath, theme: str, ids: _Ids) -> Iterator[Problem]:
    if ids.themes and theme not in ids.themes:  # none: the themes file itself is broken (and reported)
        hint = suggest(theme, ids.themes).strip() or f"Kies uit: {', '.join(ids.themes)}."
        yield _at(doc, path, "unknown-theme", f"het thema '{theme}' bestaat niet.", hint)


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
    else:
        yield from _org_ref(org.doc, path, ref, ids)


def _org_ref(doc: Document, path: KeyPath, ref: str, ids: _Ids) -> Iterator[Problem]:
    if ref not in ids.orgs:
        hint = suggest(ref, sorted(ids.orgs)).strip() or "Gebruik de bestandsnaam (zonder .yaml) uit orgs/, of 'name'."
        yield _at(doc, path, "unknown-org", f"de organisatie '{ref}' bestaat niet.", hint)


def _service_problems(org: OrgEntry, i: int, ids: _Ids, register: Register | None, today: date) -> Iterator[Problem]:
    service, doc, base = org.org.services[i], org.doc, ("services", i)
    yield from _themes(doc, (*base, "themes"), service.themes, ids)
    yield from _inherited_themes(org, i)
    yield from _location_ref(org, i)
    for j, wijk in enumerate(service.service_area.wijken):
        yield from _wijk_ref(doc, (*base, "service_area", "wijken", j), wijk, ids)
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


def _wijk_ref(doc: Document, path: KeyPath, wijk: str, ids: _Ids) -> Iterator[Problem]:
    if wijk not in ids.wijken:
        hint = suggest(wijk, sorted(ids.wijken)).strip() or "Gebruik de bestandsnaam (zonder .yaml) uit wijken/."
        yield _at(doc, path, "unknown-wijk", f"de wijk '{wijk}' bestaat niet.", hint)


def _location_ref(org: OrgEntry, i: int) -> Iterator[Problem]:
    service, locations = org.org.services[i], org.org.locations
    yield from _location_at(org.doc, ("services", i, "location"), service.location, [loc.id for loc in locations])


def _location_at(doc: Document, path: KeyPath, location: str | None, ids: list[str]) -> Iterator[Problem]:
    if location is not None and location not in ids:
        hint = suggest(location, ids).strip() or (
            f"Kies uit: {', '.join(ids)}." if ids else "Voeg de locatie toe onder 'locations'."
        )
        yield _at(doc, path, "unknown-location", f"de locatie '{location}' bestaat niet.", hint)


def _gemeente_names(catalog: Catalog, register: Register | None, setting: tuple[str, int]) -> Iterator[Problem]:
    """Every gemeente named (in the settings or a service area) must be one the CBS register knows."""
    if register is None:
        return
    served, names = catalog.served, register.spellings
    for name in catalog.gemeenten:
        if not served.known(name):
            hint = suggest(name, names).strip() or "Schrijf de naam zoals het CBS hem schrijft, bv. 'Den Haag'."
            yield Problem(*setting, "gemeente", "unknown-gemeente", f"de gemeente '{name}' bestaat niet.", hint)
    yield from _wijk_gemeenten(catalog, names)
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


def _wijk_gemeenten(catalog: Catalog, names: list[str]) -> Iterator[Problem]:
    """A wijk's gemeente must be one the CBS register knows."""
    for wijk in catalog.wijken.values():
        name = wijk.wijk.gemeente
        if not catalog.served.known(name):
            hint = suggest(name, names).strip() or "Schrijf de naam zoals het CBS hem schrijft, bv. 'Den Haag'."
            yield _at(wijk.doc, ("gemeente",), "unknown-gemeente", f"de gemeente '{name}' bestaat niet.", hint)


def _outside_the_site(catalog: Catalog, register: Register | None) -> Iterator[Problem]:
    """Service areas and addresses outside every wijk and gemeente of the site: no resident of the site finds
    them. Only when the site's gemeenten are known (from the settings or its wijken)."""
    served = catalog.served
    if register is None or not served.gemeenten:
        return
    names = ", ".join(served.display(g) for g in served.gemeenten)
    for org in catalog.orgs.values():
        covering = [_covers_the_site(catalog, entry) for entry in catalog.services_of(org)]
        for entry, covers in zip(catalog.services_of(org), covering, strict=True):
            base = ("services", entry.index, "service_area")
            if not covers:
                yield _at(
                    org.doc,
                    base,
                    "area-outside-site",
                    f"dit werkgebied ligt buiten elke wijk en gemeente van de kaart ({names}); geen bewoner van de "
                    "kaart vindt het.",
                    "Controleer wijken, postcodes en gemeenten ('gemeente: true' is de gemeente van het adres).",
                    Severity.WARNING,
                )
                continue
            for j, pc4 in enumerate(entry.service.service_area.pc4):
                if pc4 in register and served.lookup(pc4).status == "buiten":
                    yield _at(
                        org.doc,
                        (*base, "pc4", j),
                        "pc4-outside-site",
                        f"postcodegebied {pc4} ligt buiten elke wijk en gemeente van de kaart ({names}).",
                        "Controleer de vier cijfers.",
                        Severity.WARNING,
                    )
        if any(covering):
            yield from _locations_outside(org, served, names)


def _covers_the_site(catalog: Catalog, entry: ServiceEntry) -> bool:
    """Whether a service serves someone on the site; a name that does not exist counts (it is an error already)."""
    served, reach, area = catalog.served, catalog.reach(entry), entry.service.service_area
    register = catalog.register
    return (
        reach.regio
        or bool(area.wijken)
        or any(g in served.gemeenten or not served.known(g) for g in reach.gemeenten)
        or any(served.lookup(p).status != "buiten" or register is None or p not in register for p in reach.pc4)
    )


def _locations_outside(org: OrgEntry, served: Served, names: str) -> Iterator[Problem]:
    for i, location in enumerate(org.org.locations):
        gemeente = served.gemeente_of(location.pc4)
        if gemeente is not None and served.lookup(location.pc4).status == "buiten":
            yield _at(
                org.doc,
                ("locations", i, "postal_code"),
                "location-outside-site",
                f"postcode {location.postal_code} ligt in {served.display(gemeente)}, buiten de kaart ({names}).",
                "Controleer de postcode; klopt hij, dan staat dit adres op de kaart buiten het gebied.",
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

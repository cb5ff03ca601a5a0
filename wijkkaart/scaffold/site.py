"""``wijkkaart init``: a complete, standalone site for one or more gemeenten that passes the check and the
strict build as it is written.

Every file comes from a template in ``templates/init/files`` (a leading ``_`` in a name becomes a ``.``:
package data skips dot-folders); the example wijk and organisation from ``templates/init``. The CBS data has
no wijk names for most gemeenten, so each gemeente starts with one example wijk holding all its PC4 areas:
the postcode finder works at once, and the owner splits it into the real wijken. Where the package knows the
CBS wijken of a gemeente (``pc4.cbs_wijken``), the site starts with those instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import __version__
from ..geo.register import Area, Register, cbs_wijken
from ..records.schema import write_schemas
from ..records.translate import quoted, suggest
from .record import areas_of, slugify, yaml_templates

TEMPLATES = Path(__file__).parents[1] / "templates" / "init"
FILES = TEMPLATES / "files"
SUFFIX = ".jinja"
ORG_FILE = "orgs/voorbeeld-sociaal-loket.yaml"
LOCAL_URL = "http://127.0.0.1:8000/"


class InitError(Exception):
    """A Dutch message for the site owner: an unknown gemeente, or a folder that is not empty."""


@dataclass(frozen=True)
class StartWijk:
    """A wijk the new site starts with: a CBS wijk, or the example wijk holding the whole gemeente."""

    slug: str
    name: str
    pc4: list[str]
    cbs_code: str = ""


@dataclass(frozen=True)
class Place:
    """One gemeente of the new site: its wijken, and the example location in one of them."""

    gemeente: str
    id: str
    wijken: list[StartWijk]
    wijk: str
    area: Area


def create_site(
    folder: Path, names: list[str], register: Register, site_url: str = LOCAL_URL, today: date | None = None
) -> list[Path]:
    """Write the site into ``folder`` (absent or empty) and return the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InitError(f"de map {folder} is niet leeg; kies een nieuwe of lege map.")
    places = [_place(register, gemeente) for gemeente in resolve_gemeenten(names, register)]
    files = render_site(places, site_url.rstrip("/") + "/", today or date.today())
    for relative, text in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return [folder / r for r in files] + write_schemas(folder / "schemas")


def resolve_gemeenten(names: list[str], register: Register) -> list[str]:
    """The gemeenten as CBS spells them (or by the one woonplaats that is the whole gemeente, such as Den Haag
    for 's-Gravenhage); every unknown name reported at once, with "bedoelde je …?"."""
    known = {a.gemeente.casefold(): a.gemeente for a in register.areas.values()}
    towns = {a.plaats.casefold(): a for a in register.areas.values()}
    found, problems = [], []
    for name in names:
        key = name.strip().casefold()
        town = towns.get(key)
        if key in known:
            found.append(known[key])
        elif town and {a.plaats for a in areas_of(register, town.gemeente)} == {town.plaats}:
            found.append(town.plaats)
        elif town:
            where = town.gemeente
            problems.append(f"'{name}' is een woonplaats in de gemeente {where}; bedoelde je '{where}'?")
        else:
            problems.append(f"de gemeente '{name}' ken ik niet.{_hint(name, sorted(set(known.values())))}")
    if problems:
        raise InitError(" ".join(problems))
    return list(dict.fromkeys(found))


ALIASES = {"denbosch": "'s-Hertogenbosch"}
"""Everyday names of gemeenten that are neither the CBS name nor one of their woonplaatsen (keys as ``_plain``)."""


def _hint(name: str, gemeenten: list[str]) -> str:
    """`` Bedoelde je …?`` with every gemeente written the same way but for accents, case, punctuation and an
    addition such as "(NH.)" (both Bergens), else an everyday name's CBS name, else the closest name."""
    same = [g for g in gemeenten if _plain(g) == _plain(name)]
    same = same or [g for g in gemeenten if _plain(g, addition=False) == _plain(name, addition=False)]
    same = same or ([ALIASES[_plain(name)]] if _plain(name) in ALIASES else [])
    if not same:
        return suggest(name.strip(), gemeenten) or " Schrijf de naam zoals het CBS hem schrijft."
    return " Bedoelde je " + " of ".join(quoted(g) for g in same) + "?"


def _plain(name: str, addition: bool = True) -> str:
    """``Bergen (NH.)`` and ``bergen nh`` alike (without the addition: ``bergen``), ``'s-Hertogenbosch`` and
    ``Hertogenbosch``, ``Súdwest-Fryslân`` and ``Sudwest Fryslan``."""
    text = name if addition else name.split("(")[0]
    return slugify(re.sub(r"^\s*'?(s-|t )", "", text.lower())).replace("-", "")


def _place(register: Register, gemeente: str) -> Place:
    areas = areas_of(register, gemeente)
    slug = slugify(gemeente)
    cbs = [StartWijk(slugify(w.naam), w.naam, list(w.pc4), w.code) for w in cbs_wijken(areas[0].gemeente)]
    wijken = cbs or [StartWijk(f"voorbeeldwijk-{slug}", f"Voorbeeldwijk {gemeente}", [a.pc4 for a in areas])]
    area = _central(areas)
    home = next((w for w in wijken if area.pc4 in w.pc4), None)
    if home is None:  # the middle of the gemeente lies in no CBS wijk: the middle of the first wijk instead
        home = wijken[0]
        area = _central([a for a in areas if a.pc4 in home.pc4])
    return Place(gemeente, slug, wijken, home.slug, area)


def _central(areas: list[Area]) -> Area:
    """The PC4 area nearest the middle of the gemeente: a believable place for the example location."""
    located = [a for a in areas if a.lat is not None and a.lon is not None] or areas
    lat = sum(a.lat or 0.0 for a in located) / len(located)
    lon = sum(a.lon or 0.0 for a in located) / len(located)
    return min(located, key=lambda a: ((a.lat or 0.0) - lat) ** 2 + ((a.lon or 0.0) - lon) ** 2)


def render_site(places: list[Place], site_url: str, today: date) -> dict[str, str]:
    """Every file of the new site but the schemas, by its path in the site."""
    env = yaml_templates(TEMPLATES)
    values = {
        "gemeenten": [p.gemeente for p in places],
        "places": places,
        "places_text": dutch_list([p.gemeente for p in places]),
        "site_url": site_url,
        "version": __version__,
        "today": today.isoformat(),
    }
    files = {_output_name(path): env.get_template(path).render(values) for path in _file_templates()}
    for place in places:
        for wijk in place.wijken:
            files[f"wijken/{wijk.slug}.yaml"] = env.get_template("wijk.yaml").render(
                values, wijk=wijk, gemeente=place.gemeente
            )
    files[ORG_FILE] = env.get_template("org.yaml").render(values)
    return files


def _file_templates() -> list[str]:
    return sorted(p.relative_to(TEMPLATES).as_posix() for p in FILES.rglob(f"*{SUFFIX}"))


def _output_name(template: str) -> str:
    """``files/_github/workflows/controle.yml.jinja`` → ``.github/workflows/controle.yml``."""
    parts = template.removeprefix("files/").removesuffix(SUFFIX).split("/")
    return "/".join("." + part[1:] if part.startswith("_") else part for part in parts)


def dutch_list(words: list[str]) -> str:
    """``["Heemskerk", "Uitgeest", "Beverwijk"]`` → ``Heemskerk, Uitgeest en Beverwijk``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]

"""``wijkkaart new``: a commented template for a new organisation or wijk, with examples from the site's own
gemeente(n). A new wijk passes the check as it is; a new organisation does once its description is written."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

import jinja2
import yaml

from ..geo.register import Area, Register, register_for
from ..records.fields import PLACEHOLDER
from ..records.settings import Settings
from ..records.validate import read_themes

TEMPLATES = Path(__file__).parents[1] / "templates" / "new"


class ScaffoldError(Exception):
    """A Dutch message for the editor: the name gives no id, or the file exists."""


def yaml_templates(folder: Path) -> jinja2.Environment:
    """Templates of YAML (and other text) files; ``quoted`` writes a value as a YAML string or list, with
    letters such as é and ' as they are (``tojson`` would write \\u00e9)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["quoted"] = functools.partial(json.dumps, ensure_ascii=False)
    return env


def slugify(name: str) -> str:
    """``"Buurthuis Café 't Hoekje"`` → ``buurthuis-cafe-t-hoekje``; a long one cut at a word (``MAX_SLUG``)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_SLUG] else slug[:MAX_SLUG]
    return slug


MAX_NAME = 120  # characters of a name; its file name is cut at a word to MAX_SLUG
MAX_SLUG = 60


def scaffold(settings: Settings, kind: str, name: str, gemeente: str | None = None) -> Path:
    """A new file in orgs/ or wijken/; ``gemeente`` (one of the site's) decides the examples in it."""
    _check_name(name)
    slug = slugify(name)
    if not slug:
        raise ScaffoldError(f"van de naam '{name}' kan geen bestandsnaam gemaakt worden; gebruik letters of cijfers.")
    folder = settings.path(settings.orgs_dir if kind == "org" else settings.wijken_dir)
    target = folder / f"{slug}.yaml"
    if target.exists():
        raise ScaffoldError(
            f"{target.relative_to(settings.root)} bestaat al; kies een andere naam of pas dat bestand aan."
        )
    area = _example_area(settings, _chosen(settings, gemeente), free=kind == "wijk")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(_render(settings, kind, name, area), encoding="utf-8")
    except OSError as err:
        raise ScaffoldError(f"{target.name} kan niet geschreven worden ({err.strerror}).") from None
    return target


def _check_name(name: str) -> None:
    """The name as the check will read it: text on one line, without HTML, not too long."""
    from pydantic import TypeAdapter, ValidationError

    from ..records.fields import Text

    if len(name.strip()) > MAX_NAME:
        raise ScaffoldError(f"de naam is {len(name.strip())} tekens lang; houd hem korter dan {MAX_NAME} tekens.")
    if any(not char.isprintable() for char in name):
        raise ScaffoldError("de naam moet op één regel staan, zonder tabs of onzichtbare tekens.")
    try:
        TypeAdapter(Text).validate_python(name)
    except ValidationError as err:
        first = err.errors()[0]
        hint = (first.get("ctx") or {}).get("hint", "")
        raise ScaffoldError(f"in de naam: {first['msg']} {hint}".strip()) from None


def _chosen(settings: Settings, gemeente: str | None) -> list[str]:
    """The gemeente asked for (it must be one of the site's), else the site's gemeenten in order."""
    ours = list(settings.gemeenten)
    if gemeente is None:
        return ours
    match = [g for g in ours if g.casefold() == gemeente.strip().casefold()]
    if not match:
        names = ", ".join(ours) if ours else "(geen: zet 'gemeente' in mkdocs.yml)"
        raise ScaffoldError(f"'{gemeente}' is geen gemeente van deze site; kies uit: {names}.")
    return match


def _render(settings: Settings, kind: str, name: str, area: Area | None) -> str:
    env = yaml_templates(TEMPLATES)
    return env.get_template(f"{kind}.yaml").render(
        name=name,
        themes=list(read_themes(settings, [])),
        today=settings.today.isoformat(),
        gemeente=area.gemeente if area else (list(settings.gemeenten) or ["Vul de gemeente in"])[0],
        pc4=area.pc4 if area else "1011",
        postcode=f"{area.pc4} AB" if area else "1234 AB",
        city=area.plaats if area else "Vul de plaats in",
        area=_service_area_example(settings, area),
        placeholder=PLACEHOLDER,
        others=[g for g in settings.gemeenten if area is None or g.casefold() != area.gemeente.casefold()],
    )


def site_gemeenten(settings: Settings) -> list[str]:
    """The site's gemeente setting as a list: one name, or several on a regional site."""
    value: object = settings.gemeente
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def areas_of(register: Register, gemeente: str) -> list[Area]:
    """The PC4 areas of a gemeente (or of a woonplaats of that name), by code."""
    wanted = gemeente.casefold()
    found = [a for a in register.areas.values() if a.gemeente.casefold() == wanted]
    found = found or [a for a in register.areas.values() if a.plaats.casefold() == wanted]
    return sorted(found, key=lambda a: a.pc4)


def _example_area(settings: Settings, gemeenten: list[str], free: bool) -> Area | None:
    """A real PC4 of the (first) gemeente, so examples look like the editor's own town; for a new wijk
    (``free``) one that no wijk of the site has yet, where there is one."""
    register = register_for(settings)
    taken = _taken_pc4(settings) if free else set()
    for gemeente in gemeenten:
        areas = areas_of(register, gemeente)
        if areas:
            return next((a for a in areas if a.pc4 not in taken), areas[0])
    return None


def _taken_pc4(settings: Settings) -> set[str]:
    """The PC4 codes of the site's wijk files (a file that does not read is skipped: the check reports it)."""
    folder = settings.path(settings.wijken_dir)
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return {str(code) for path in files for code in _pc4_of(path)}


def _pc4_of(path: Path) -> list[object]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, yaml.YAMLError):
        return []
    codes = data.get("pc4") if isinstance(data, dict) else None
    return codes if isinstance(codes, list) else []


def _service_area_example(settings: Settings, area: Area | None) -> str:
    """``wijken: [<a wijk of this site>]`` when the site has one, else the PC4 of the example address."""
    folder = settings.path(settings.wijken_dir)
    wijken = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
    other = f"pc4: [{area.pc4}]" if area else "pc4: [1234]"
    if wijken:
        return f"wijken: [{wijken[0]}]    # of: {other} of: gemeente: true"
    return f"{other}    # of: wijken: [id-van-de-wijk] of: gemeente: true"

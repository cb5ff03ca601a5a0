"""``wijkkaart new``: a commented template for a new organisation or wijk that passes the check as it is."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import jinja2

from .pc4 import register_for
from .settings import Settings
from .validate import read_themes

TEMPLATES = Path(__file__).parent / "templates" / "new"


class ScaffoldError(Exception):
    """A Dutch message for the editor: the name gives no id, or the file exists."""


def slugify(name: str) -> str:
    """``"Buurthuis Café 't Hoekje"`` → ``buurthuis-cafe-t-hoekje``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def scaffold(settings: Settings, kind: str, name: str) -> Path:
    slug = slugify(name)
    if not slug:
        raise ScaffoldError(f"van de naam '{name}' kan geen bestandsnaam gemaakt worden; gebruik letters of cijfers.")
    folder = settings.path(settings.orgs_dir if kind == "org" else settings.wijken_dir)
    target = folder / f"{slug}.yaml"
    if target.exists():
        raise ScaffoldError(
            f"{target.relative_to(settings.root)} bestaat al; kies een andere naam of pas dat bestand aan."
        )
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(_render(settings, kind, name), encoding="utf-8")
    return target


def _render(settings: Settings, kind: str, name: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, keep_trailing_newline=True)
    return env.get_template(f"{kind}.yaml").render(
        name=name,
        themes=list(read_themes(settings, [])),
        today=settings.today.isoformat(),
        gemeente=settings.gemeente or "Vul de gemeente in",
        pc4=_some_pc4(settings),
    )


def _some_pc4(settings: Settings) -> str:
    """A real PC4 of the site's gemeente, so the new wijk passes the check until the editor fills in its own."""
    register = register_for(settings)
    wanted = settings.gemeente.casefold()
    codes = sorted(c for c, a in register.areas.items() if wanted in (a.plaats.casefold(), a.gemeente.casefold()))
    return codes[0] if codes else sorted(register.areas)[0]

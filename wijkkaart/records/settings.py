"""Settings shared by the build and ``wijkkaart check``: read from the builder's configuration file
(``mkdocs.yml`` or ``properdocs.yml``) without mkdocs.

The plugin's options in that file are the one place a site owner configures wijkkaart; the CLI
reads the same block so that checking and building can never disagree. Problems with a setting name the
file and the line of that setting.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .problems import Problem, Severity

# Where a builder looks for its configuration when none is named, in ProperDocs' order (MkDocs itself reads
# only the last two).
CONFIG_FILES = ("properdocs.yml", "properdocs.yaml", "mkdocs.yml", "mkdocs.yaml")

DEFAULTS: dict[str, Any] = {
    "orgs_dir": "orgs",
    "wijken_dir": "wijken",
    "themes_file": "themes.yaml",
    "templates_dir": "theme/wijkkaart",
    "geodata_dir": "",
    "gemeente": "",
    "stale_months": 12,
    "route_url": "https://www.google.com/maps/dir/?api=1&destination={address}",
    "pc4_polygons": "nl_pc4_cbs2020_wgs84.geojson",
    "geodata_vintage": "CBS PC4 2020",
    "cache_dir": ".cache/wijkkaart",
    "simplify_m": 10.0,
    "tiles_url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "tiles_attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers',
    "tiles_max_zoom": 19,
    "report_url": "",
}
LISTS = {"gemeente"}  # settings that may also be a list (a regional site names several gemeenten)


@dataclass(frozen=True)
class Settings:
    root: Path
    orgs_dir: str = DEFAULTS["orgs_dir"]
    wijken_dir: str = DEFAULTS["wijken_dir"]
    themes_file: str = DEFAULTS["themes_file"]
    templates_dir: str = DEFAULTS["templates_dir"]
    geodata_dir: str = DEFAULTS["geodata_dir"]
    gemeente: str | list[str] = DEFAULTS["gemeente"]  # one name, or a list for a regional site
    stale_months: int = DEFAULTS["stale_months"]
    route_url: str = DEFAULTS["route_url"]
    pc4_polygons: str = DEFAULTS["pc4_polygons"]
    geodata_vintage: str = DEFAULTS["geodata_vintage"]
    cache_dir: str = DEFAULTS["cache_dir"]
    simplify_m: float = DEFAULTS["simplify_m"]
    tiles_url: str = DEFAULTS["tiles_url"]
    tiles_attribution: str = DEFAULTS["tiles_attribution"]
    tiles_max_zoom: int = DEFAULTS["tiles_max_zoom"]
    report_url: str = DEFAULTS["report_url"]
    site_url: str = ""
    today: date = field(default_factory=date.today)
    config_file: str = CONFIG_FILES[-2]  # the configuration file's name, for messages
    config_lines: tuple[tuple[str, int], ...] = ()  # the line of each plugin option in it
    problems: tuple[Problem, ...] = ()  # settings that are wrong (their defaults are used), in Dutch

    @classmethod
    def from_options(
        cls,
        root: Path,
        options: dict[str, Any],
        today: date | None = None,
        config: Path | None = None,
        found: tuple[Problem, ...] = (),
    ) -> Settings:
        """The settings from the plugin's options, as the build and ``wijkkaart check`` both read them: every value
        checked (a wrong one is a problem and its default is used)."""
        lines = option_lines(config) if config else ()
        name = config.name if config else CONFIG_FILES[-2]
        where: dict[str, Any] = {"config_file": name, "config_lines": lines} if config else {}
        values, problems = check_options(options, lambda key: (name, dict(lines).get(key, 1)))
        return cls(root=root, today=today or date.today(), **values, **where, problems=found + tuple(problems))

    def where(self, key: str) -> tuple[str, int]:
        """The configuration file and the line of the option ``key`` (its first line when not set there)."""
        return self.config_file, dict(self.config_lines).get(key, 1)

    def path(self, relative: str) -> Path:
        return (self.root / relative).resolve()

    @property
    def gemeenten(self) -> tuple[str, ...]:
        """The site's gemeenten by name (``gemeente: Den Haag`` or ``gemeente: [Heemskerk, Uitgeest]``)."""
        names = [self.gemeente] if isinstance(self.gemeente, str) else list(self.gemeente)
        return tuple(dict.fromkeys(str(n).strip() for n in names if str(n).strip()))

    @property
    def geodata_path(self) -> Path | None:
        return self.path(self.geodata_dir) if self.geodata_dir else None


class _LenientLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml as MkDocs does (YAML 1.1, ``!ENV`` from the environment); other tags
    (``!!python/name``, ``!relative``) are not needed here."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' ``!ENV VAR`` and ``!ENV [VAR, OTHER, default]`` (after pyyaml_env_tag, which MkDocs uses)."""
    default, names = None, []
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode) and node.value:
        children = node.value
        if len(children) > 1:
            default, children = loader.construct_object(children[-1]), children[:-1]
        names = [loader.construct_scalar(child) for child in children if isinstance(child, yaml.ScalarNode)]
    for name in names:
        if str(name) in os.environ:
            value = os.environ[str(name)]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_LenientLoader.add_constructor("!ENV", _env)
_LenientLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plugin_options(config_file: Path) -> dict[str, Any]:
    """The ``wijkkaart`` plugin's options from an mkdocs.yml, plus its ``site_url`` (empty when absent)."""
    return _read_config(config_file)[0]


def _read_config(config_file: Path) -> tuple[dict[str, Any], tuple[Problem, ...]]:
    """The plugin's options and ``site_url``, and what is wrong with the file itself (in Dutch)."""
    if not config_file.is_file():
        return {}, ()
    from .load import syntax_problem

    text = ""
    try:
        text = config_file.read_text(encoding="utf-8")
        config = _inherited(config_file, yaml.load(text, Loader=_LenientLoader) or {})
    except yaml.MarkedYAMLError as err:
        return {}, (syntax_problem(err, config_file.name, text),)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}, (
            Problem(
                config_file.name,
                1,
                "",
                "config-syntax",
                "het configuratiebestand kan niet gelezen worden.",
                "Sla het op als UTF-8 en controleer inspringing, dubbele punten en aanhalingstekens.",
            ),
        )
    if not isinstance(config, dict):
        return {}, (_config_problem(config_file.name, "", "het bestand moet met 'sleutel: waarde'-regels beginnen."),)
    site = {"site_url": config["site_url"]} if config.get("site_url") else {}
    theme = config.get("theme")
    theme_name = theme.get("name") if isinstance(theme, dict) else theme
    found: tuple[Problem, ...] = () if theme_name == "material" else (_theme_problem(config_file.name, theme_name),)
    found += _docs_dir_problem(config_file, config.get("docs_dir"), text)
    plugins = config.get("plugins") or []
    entries = [plugins] if isinstance(plugins, dict) else plugins if isinstance(plugins, list) else []
    for entry in entries:  # MkDocs takes a list of plugins, or a mapping of them
        if isinstance(entry, dict) and "wijkkaart" in entry:
            options = entry["wijkkaart"] or {}
            if not isinstance(options, dict):
                found += (
                    _config_problem(
                        config_file.name, "wijkkaart", "de instellingen van wijkkaart zijn geen groep sleutels."
                    ),
                )
                return site, found
            return {**site, **options}, found
    return site, found


def _inherited(config_file: Path, config: Any, depth: int = 0) -> Any:
    """MkDocs' ``INHERIT: parent.yml``: the parent's settings with this file's laid over them (mappings merged,
    other values replaced, as mergedeep does for MkDocs)."""
    if not isinstance(config, dict) or "INHERIT" not in config or depth > 8:
        return config
    parent_file = config_file.parent / str(config.pop("INHERIT"))
    if not parent_file.is_file():  # missing, a folder, a pipe or a device: never read
        raise OSError(f"{parent_file} is geen bestand")
    parent = yaml.load(parent_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    return _merged(_inherited(parent_file, parent, depth + 1), config)


def _merged(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{key: _merged(base.get(key), value) for key, value in over.items()}}
    return over


def _docs_dir_problem(config_file: Path, docs_dir: object, text: str) -> tuple[Problem, ...]:
    """MkDocs stops, in English and before any plugin runs, when ``docs_dir`` (``docs`` if not set) is no
    folder: ``wijkkaart check`` says so first, in Dutch."""
    name = docs_dir if isinstance(docs_dir, str) and docs_dir.strip() else "docs"
    if (config_file.parent / name).is_dir():
        return ()
    line = next((i for i, row in enumerate(text.splitlines(), 1) if row.startswith("docs_dir:")), 1)
    return (
        Problem(
            config_file.name,
            line,
            "docs_dir",
            "docs-dir-missing",
            f"de map '{name}' voor de eigen pagina's van de site (docs_dir) bestaat niet; zonder die map bouwt "
            "mkdocs de site niet.",
            f"Maak de map '{name}' aan (bv. met een pagina over.md erin), of zet 'docs_dir:' in "
            f"{config_file.name} op een map die er wel is.",
        ),
    )


def _config_problem(file: str, key: str, message: str) -> Problem:
    return Problem(file, 1, key, "config-syntax", message, "Zie README.md (Instellingen) voor een voorbeeld.")


def _theme_problem(file: str, name: object) -> Problem:
    named = f"het thema '{name}'" if name else "een thema zonder naam"
    return Problem(
        file,
        1,
        "theme",
        "theme-not-material",
        f"{named} wordt niet ondersteund; wijkkaart werkt alleen met Material for MkDocs.",
        "Zet onder 'theme:' de regel 'name: material'.",
    )


def site_url_problem(settings: Settings) -> Problem | None:
    """The warning for a site without ``site_url`` (the build logs it, ``wijkkaart check`` prints it)."""
    if settings.site_url:
        return None
    return Problem(
        settings.config_file,
        1,
        "site_url",
        "no-site-url",
        f"'site_url' ontbreekt in {settings.config_file}. Zonder het adres van de site hebben de printversies van "
        "de wijken geen QR-code en werkt de link 'Meld een fout' niet.",
        f"Zet bv. 'site_url: https://gebruiker.github.io/sociale-kaart/' in {settings.config_file}.",
        Severity.WARNING,
    )


# What each setting may hold, beyond its type: (check, message) pairs.
_PLACEHOLDERS = {
    "route_url": {"address"},
    "report_url": {"title", "page"},
    "tiles_url": {"s", "x", "y", "z", "r", "-y"},
}
_SCHEMES = {"route_url": ("http", "https"), "report_url": ("http", "https", "mailto"), "tiles_url": ("http", "https")}
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>;,\\`]")


def check_options(
    options: dict[str, Any], where: Callable[[str], tuple[str, int]]
) -> tuple[dict[str, Any], list[Problem]]:
    """The plugin's options that are right (by their name), and a Dutch problem for each that is not."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in options.items():
        if key == "site_url":
            values[key] = value if isinstance(value, str) else ""
            continue
        if key not in DEFAULTS:
            problems.append(_unknown_setting(key, where))
            continue
        if value is None:
            continue
        wrong = _wrong_type(key, value) or _wrong_value(key, value)
        if wrong is None:
            values[key] = float(value) if isinstance(DEFAULTS[key], float) else value
        else:
            message, hint, code = wrong
            problems.append(Problem(*where(key), key, code, message, hint))
    return values, problems


def _unknown_setting(key: str, where: Callable[[str], tuple[str, int]]) -> Problem:
    import difflib

    close = difflib.get_close_matches(key, list(DEFAULTS), n=1, cutoff=0.6)
    hint = f"Bedoelde je '{close[0]}'?" if close else f"Bestaande instellingen: {', '.join(DEFAULTS)}."
    return Problem(*where(key), key, "unknown-setting", f"de instelling '{key}' bestaat niet.", hint, Severity.WARNING)


def _wrong_type(key: str, value: Any) -> tuple[str, str, str] | None:
    default = DEFAULTS[key]
    shown = (
        f"'{value}'"
        if not isinstance(value, list | dict)
        else "een lijst"
        if isinstance(value, list)
        else "een groep sleutels"
    )
    if key in LISTS and isinstance(value, list):
        if all(isinstance(item, str) and item.strip() for item in value):
            return None
        return "verwacht een lijst met namen.", "Schrijf bv. [Heemskerk, Uitgeest].", "bad-setting"
    if isinstance(default, bool) or isinstance(value, bool):
        ok = isinstance(value, bool) and isinstance(default, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int)
    elif isinstance(default, float):
        ok = isinstance(value, int | float)
    else:
        ok = isinstance(value, str)
    if ok:
        return None
    wanted = {int: "een heel getal", float: "een getal", str: "tekst"}[type(default)]
    hint = "Zet tekst tussen aanhalingstekens." if wanted == "tekst" else "Schrijf alleen cijfers."
    return f"verwacht {wanted}, maar vond {shown}.", hint, "bad-setting"


def _wrong_value(key: str, value: Any) -> tuple[str, str, str] | None:
    if key == "stale_months" and value < 1:
        return f"{value} maanden kan niet.", "Schrijf een aantal maanden van 1 of meer, bv. 12.", "bad-setting"
    if key == "tiles_max_zoom" and not 1 <= value <= 22:
        return f"zoomniveau {value} bestaat niet.", "Kies een getal van 1 tot en met 22, bv. 19.", "bad-setting"
    if key == "simplify_m" and not 0 <= value <= 1000:
        return f"{value} meter kan niet.", "Kies een aantal meters van 0 tot 1000, bv. 10.", "bad-setting"
    if key in _PLACEHOLDERS and value:
        return _wrong_url(key, value)
    if key == "tiles_attribution":
        return _unsafe_html(value)
    return None


def _wrong_url(key: str, url: str) -> tuple[str, str, str] | None:
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in _SCHEMES[key]:
        allowed = " of ".join(f"{s}:" for s in _SCHEMES[key])
        return (
            f"het adres begint met '{scheme or url[:12]}', dat mag hier niet.",
            f"Begin met {allowed}.",
            "unsafe-setting",
        )
    if _UNSAFE_IN_URL.search(url):
        return (
            "er staan spaties, aanhalingstekens of tekens als ; < > in het adres.",
            "Schrijf het adres zonder die tekens (een spatie als %20).",
            "unsafe-setting",
        )
    try:
        named = {name for _, name, _, _ in string.Formatter().parse(url) if name is not None}
    except ValueError:
        return (
            "een accolade { of } wordt niet gesloten.",
            "Schrijf elke plaatshouder als {naam}.",
            "unknown-placeholder",
        )
    unknown = sorted(named - _PLACEHOLDERS[key])
    if unknown:
        allowed = ", ".join(f"{{{name}}}" for name in sorted(_PLACEHOLDERS[key]))
        return f"de plaatshouder {{{unknown[0]}}} bestaat niet.", f"Gebruik alleen {allowed}.", "unknown-placeholder"
    if key == "tiles_url" and not {"x", "y", "z"} <= named and "-y" not in named:
        return (
            "het adres mist {z}, {x} of {y}.",
            "Schrijf het zoals de kaartdienst het geeft, bv. .../{z}/{x}/{y}.png.",
            "bad-setting",
        )
    return None


class _Tags(HTMLParser):
    """Collects what is not allowed in an attribution: any tag but a link, a link that is not http(s)."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if (
            tag != "a"
            or any(name != "href" for name, _ in attrs)
            or not href.lower().startswith(("https://", "http://"))
        ):
            self.refused.append(tag)


def _unsafe_html(text: str) -> tuple[str, str, str] | None:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    if not parser.refused:
        return None
    return (
        f"hier mag alleen een gewone link staan, niet '<{parser.refused[0]} …>'.",
        "Schrijf bv. '&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>'.",
        "unsafe-setting",
    )


def option_lines(config_file: Path) -> tuple[tuple[str, int], ...]:
    """The line (from 1) of each of the ``wijkkaart`` plugin's options in a configuration file."""
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ()
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        if key.value == "plugins" and isinstance(value, yaml.SequenceNode | yaml.MappingNode):
            for entry in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                for name, options in entry.value if isinstance(entry, yaml.MappingNode) else []:
                    if name.value == "wijkkaart" and isinstance(options, yaml.MappingNode):
                        return tuple((k.value, k.start_mark.line + 1) for k, _ in options.value)
    return ()


def find_config(root: Path, name: str | None = None) -> Path | None:
    """The configuration file: ``name`` in ``root``, or else the first of ``CONFIG_FILES`` there."""
    candidates = [root / name] if name else [root / candidate for candidate in CONFIG_FILES]
    return next((path for path in candidates if path.is_file()), None)


def read_settings(root: Path, config_name: str | None = None, today: date | None = None) -> Settings:
    """The settings of the site in ``root``; the defaults when it has no configuration file."""
    config = find_config(root, config_name)
    options, found = _read_config(config) if config else ({}, ())
    return Settings.from_options(root.resolve(), options, today, config, found)

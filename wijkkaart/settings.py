"""Settings shared by the build and ``wijkkaart check``: read from the builder's configuration file
(``mkdocs.yml`` or ``properdocs.yml``) without mkdocs.

The plugin's options in that file are the one place a site owner configures wijkkaart; the CLI
reads the same block so that checking and building can never disagree. Problems with a setting name the
file and the line of that setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

import yaml

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

    @classmethod
    def from_options(
        cls, root: Path, options: dict[str, Any], today: date | None = None, config: Path | None = None
    ) -> Settings:
        known = {f.name for f in fields(cls)} - {"root", "today", "config_file", "config_lines"}
        values = {k: v for k, v in options.items() if k in known and v is not None}
        where: dict[str, Any] = {"config_file": config.name, "config_lines": option_lines(config)} if config else {}
        return cls(root=root, today=today or date.today(), **values, **where)

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


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!ENV`` and ``!!python/name`` tags we do not need."""


_LenientLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plugin_options(config_file: Path) -> dict[str, Any]:
    """The ``wijkkaart`` plugin's options from an mkdocs.yml, plus its ``site_url`` (empty when absent)."""
    if not config_file.is_file():
        return {}
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    site = {"site_url": config["site_url"]} if config.get("site_url") else {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "wijkkaart" in entry:
            return {**site, **dict(entry["wijkkaart"] or {})}
    return site


def option_lines(config_file: Path) -> tuple[tuple[str, int], ...]:
    """The line (from 1) of each of the ``wijkkaart`` plugin's options in a configuration file."""
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ()
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        if key.value == "plugins" and isinstance(value, yaml.SequenceNode):
            for entry in value.value:
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
    options = plugin_options(config) if config else {}
    return Settings.from_options(root.resolve(), options, today, config)

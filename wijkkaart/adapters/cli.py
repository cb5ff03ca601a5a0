"""The ``wijkkaart`` command line. ``check`` needs no mkdocs, geopandas or folium.

Exit codes: 0 = no errors (warnings may be printed), 1 = the data has errors, 2 = wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..records.catalog import Catalog, OrgEntry
from ..records.model import is_stale
from ..records.problems import render, summary
from ..records.settings import CONFIG_FILES, find_config, read_settings, site_url_problem
from .arguments import DutchParser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command in SITE_COMMANDS and find_config(Path(args.root), args.config) is None:
        return _no_site(Path(args.root), args.config)
    if args.command == "check":
        return check(Path(args.root), args.config, args.format)
    if args.command == "schema":
        return write_schemas(Path(args.root) / args.out)
    if args.command == "geodata":
        return geodata(Path(args.root), args.config, args.year)
    if args.command == "new":
        return new(Path(args.root), args.config, args.kind, args.name, args.gemeente)
    if args.command == "stale":
        return stale(Path(args.root), args.config, args.months)
    if args.command == "init":
        return init(Path(args.folder), args.gemeente, args.site_url)
    parser.print_help()
    return 2


SITE_COMMANDS = {"check", "new", "stale", "geodata"}
"""The commands that work on a site, so need its configuration file."""


def _no_site(root: Path, config: str | None) -> int:
    where = root.resolve()
    if config:
        print(f"wijkkaart: het configuratiebestand {config} bestaat niet in {where}.", file=sys.stderr)
    else:
        print(
            f"wijkkaart: geen mkdocs.yml of properdocs.yml gevonden in {where}. Ga eerst naar de map van de "
            "site (waar mkdocs.yml staat) of geef die map met --root; een nieuwe site begin je met "
            "'wijkkaart init MAP --gemeente NAAM'.",
            file=sys.stderr,
        )
    return 2


def _parser() -> argparse.ArgumentParser:
    parser = DutchParser(prog="wijkkaart", description="Sociale kaart: gegevens controleren en bouwen.")
    parser.add_argument("--version", action="version", version=f"wijkkaart {__version__}", help="toon de versie")
    _site_options(parser, ".", None)
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")
    common = DutchParser(add_help=False)
    _site_options(common, argparse.SUPPRESS, argparse.SUPPRESS)  # also after the command; given there, it counts
    check_cmd = commands.add_parser(
        "check", parents=[common], help="controleer orgs/ en wijken/ zonder iets te schrijven"
    )
    check_cmd.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        metavar="text|github",
        help="'github' geeft annotaties voor GitHub Actions",
    )
    schema_cmd = commands.add_parser("schema", parents=[common], help="schrijf de JSON Schema's voor editors")
    schema_cmd.add_argument("--out", default="schemas", metavar="MAP", help="map voor de schema's (standaard: schemas)")
    new_cmd = commands.add_parser("new", parents=[common], help="maak een nieuw bestand voor een organisatie of wijk")
    new_cmd.add_argument("kind", choices=["org", "wijk"], metavar="org|wijk", help="een organisatie of een wijk")
    new_cmd.add_argument("name", metavar="NAAM", help='de naam, bv. "Buurthuis De Linde"')
    new_cmd.add_argument(
        "-g", "--gemeente", default=None, help="op een site met meer gemeenten: de gemeente voor de voorbeelden"
    )
    stale_cmd = commands.add_parser(
        "stale", parents=[common], help="organisaties die lang niet zijn nagekeken, oudste eerst"
    )
    stale_cmd.add_argument(
        "--months", type=int, default=None, metavar="AANTAL", help="ouder dan zoveel maanden (standaard 12)"
    )
    _init_parser(commands)
    geo_cmd = commands.add_parser(
        "geodata",
        parents=[common],
        help="ververs PC4-vlakken en -register bij PDOK (CBS); anders de meegeleverde",
    )
    geo_cmd.add_argument("--year", type=int, default=None, metavar="JAAR", help="jaargang van CBS postcode4, bv. 2024")
    return parser


def _init_parser(commands: argparse._SubParsersAction[DutchParser]) -> None:
    init_cmd = commands.add_parser("init", help="begin een nieuwe sociale kaart in een lege map")
    init_cmd.add_argument("folder", metavar="MAP", help="de map voor de nieuwe site (nieuw of leeg)")
    init_cmd.add_argument(
        "-g",
        "--gemeente",
        action="append",
        required=True,
        metavar="GEMEENTE",
        help="een gemeente van de site; herhaal voor meer gemeenten",
    )
    init_cmd.add_argument(
        "--site-url", default=None, metavar="ADRES", help="het adres van de site, bv. https://kaart.voorbeeld.nl/"
    )


def init(folder: Path, gemeenten: list[str], site_url: str | None) -> int:
    """A new site from the package's templates and its CBS register; exit 2 for an unknown gemeente or a folder
    that is not empty."""
    from ..geo.register import read_register
    from ..scaffold.site import LOCAL_URL, InitError, create_site

    try:
        create_site(folder, gemeenten, read_register(), site_url or LOCAL_URL)
    except InitError as err:
        print(f"wijkkaart init: {err}", file=sys.stderr)
        return 2
    print(f"wijkkaart init: nieuwe sociale kaart in {folder}. Lees eerst {folder / 'README.md'}.", file=sys.stderr)
    return 0


def _site_options(parser: argparse.ArgumentParser, root: str, config: str | None) -> None:
    names = ", ".join(CONFIG_FILES[:-1]) + " of " + CONFIG_FILES[-1]
    parser.add_argument("--root", default=root, metavar="MAP", help="map van de site; standaard de huidige map")
    parser.add_argument(
        "--config",
        default=config,
        metavar="BESTAND",
        help=f"het configuratiebestand in die map; standaard het eerste van {names}",
    )


def check(root: Path, config: str | None, fmt: str) -> int:
    """Validate with the build's own settings and checks; render and write nothing."""
    from ..records.validate import build_catalog

    settings = read_settings(root, config)
    catalog, problems = build_catalog(settings, parallel=True)
    missing_url = site_url_problem(settings)  # the build warns of it too
    problems += [missing_url] if missing_url else []
    if problems:
        print(render(problems, fmt))
    if catalog is None:
        print(f"wijkkaart check: {summary(problems)}.", file=sys.stderr)
        return 1
    print(
        f"wijkkaart check: {_count(len(catalog.orgs), 'organisatie', 'organisaties')}, "
        f"{_count(len(catalog.wijken), 'wijk', 'wijken')}, {summary(problems)}.",
        file=sys.stderr,
    )
    return 0


def geodata(root: Path, config: str | None, year: int | None) -> int:
    """Refresh the PC4 data from PDOK; a failed download keeps what the site had (a warning, exit 0)."""
    from ..geo.polygons import DownloadError, download, find_polygons
    from ..records.validate import build_catalog

    settings = read_settings(root, config)
    catalog, problems = build_catalog(settings)
    if catalog is None:
        print(render(problems))
        return 1
    try:
        source = download(settings, catalog.pc4s_in_use(), catalog.register, year)
    except (OSError, ValueError, DownloadError) as err:
        kept = find_polygons(settings)
        print(
            f"wijkkaart geodata: waarschuwing: downloaden bij PDOK lukte niet ({err}). "
            f"De site gebruikt {kept.vintage} ({kept.path.name}).",
            file=sys.stderr,
        )
        return 0
    print(f"wijkkaart geodata: {source.vintage} opgeslagen in {source.path}", file=sys.stderr)
    return 0


def new(root: Path, config: str | None, kind: str, name: str, gemeente: str | None = None) -> int:
    from ..scaffold.record import ScaffoldError, scaffold

    try:
        path = scaffold(read_settings(root, config), kind, name, gemeente)
    except ScaffoldError as err:
        print(f"wijkkaart new: {err}", file=sys.stderr)
        return 1
    print(path.relative_to(root.resolve()))
    return 0


def stale(root: Path, config: str | None, months: int | None) -> int:
    from dataclasses import replace

    from ..records.validate import build_catalog

    settings = read_settings(root, config)
    if months is not None:
        settings = replace(settings, stale_months=months)
    catalog, problems = build_catalog(settings)
    if catalog is None:
        print(render(problems))
        return 1
    orgs = [o for o in catalog.orgs.values() if is_stale(o.org.checked, settings.today, settings.stale_months)]
    for org in sorted(orgs, key=lambda o: (o.org.checked, o.slug)):
        print(f"{org.org.checked}  {org.name} ({org.doc.file}): {_whom_to_ask(catalog, org)}")
    print(
        f"wijkkaart stale: {len(orgs)} van {len(catalog.orgs)} organisaties zijn {_months(settings.stale_months)} "
        "of langer niet nagekeken.",
        file=sys.stderr,
    )
    return 0


def _whom_to_ask(catalog: Catalog, org: OrgEntry) -> str:
    """The coordinator's line: whom to call or mail (see ``Catalog.whom_to_ask``)."""
    from ..render.text import national_phone

    asked = catalog.whom_to_ask(org)
    if not asked:
        return "geen contactgegevens; zoek de organisatie op"
    ways = []
    for person in asked:
        reach = [f"bel {national_phone(person.phone)}"] if person.phone else []
        reach += [f"mail {person.email}"] if person.email else []
        reach += [f"kijk op {person.url}"] if person.url and not reach else []
        named = "" if person.name == org.name else f"{person.name}: "
        ways.append(named + " of ".join(reach))
    return "vraag het na: " + "; ".join(ways)


def write_schemas(folder: Path) -> int:
    from ..records.schema import write_schemas as write

    for path in write(folder):
        print(path)
    return 0


def _months(n: int) -> str:
    return _count(n, "maand", "maanden")


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


if __name__ == "__main__":
    sys.exit(main())

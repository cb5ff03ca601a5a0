"""The ``wijkkaart`` command line. ``check`` needs no mkdocs, geopandas or folium.

Exit codes: 0 = no errors (warnings may be printed), 1 = the data has errors, 2 = wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .catalog import OrgEntry
from .model import is_stale
from .problems import render, summary
from .settings import read_settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(Path(args.root), args.config, args.format)
    if args.command == "schema":
        return write_schemas(Path(args.root) / args.out)
    if args.command == "geodata":
        return geodata(Path(args.root), args.config, args.year)
    if args.command == "new":
        return new(Path(args.root), args.config, args.kind, args.name)
    if args.command == "stale":
        return stale(Path(args.root), args.config, args.months)
    parser.print_help()
    return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wijkkaart", description="Sociale kaart: gegevens controleren en bouwen.")
    parser.add_argument("--root", default=".", help="map van de site (met mkdocs.yml); standaard de huidige map")
    parser.add_argument("--config", default="mkdocs.yml", help="naam van het mkdocs-configuratiebestand")
    commands = parser.add_subparsers(dest="command")
    check_cmd = commands.add_parser("check", help="controleer orgs/ en wijken/ zonder iets te schrijven")
    check_cmd.add_argument(
        "--format", choices=["text", "github"], default="text", help="'github' geeft annotaties voor GitHub Actions"
    )
    schema_cmd = commands.add_parser("schema", help="schrijf de JSON Schema's voor editors")
    schema_cmd.add_argument("--out", default="schemas", help="map voor de schema's (standaard: schemas)")
    new_cmd = commands.add_parser("new", help="maak een nieuw bestand voor een organisatie of wijk")
    new_cmd.add_argument("kind", choices=["org", "wijk"], help="'org' of 'wijk'")
    new_cmd.add_argument("name", help='de naam, bv. "Buurthuis De Linde"')
    stale_cmd = commands.add_parser("stale", help="organisaties die lang niet zijn nagekeken, oudste eerst")
    stale_cmd.add_argument("--months", type=int, default=None, help="ouder dan zoveel maanden (standaard 12)")
    geo_cmd = commands.add_parser(
        "geodata",
        help="ververs PC4-vlakken en -register bij PDOK (CBS); anders de meegeleverde",
    )
    geo_cmd.add_argument("--year", type=int, default=None, help="jaargang van CBS postcode4, bv. 2024")
    return parser


def check(root: Path, config: str, fmt: str) -> int:
    """Validate with the build's own settings and checks; render and write nothing."""
    from .validate import build_catalog

    catalog, problems = build_catalog(read_settings(root, config), parallel=True)
    if problems:
        print(render(problems, fmt))
    if catalog is None:
        print(f"wijkkaart check: {summary(problems)}.", file=sys.stderr)
        return 1
    print(
        f"wijkkaart check: {len(catalog.orgs)} organisaties, {len(catalog.wijken)} wijken, {summary(problems)}.",
        file=sys.stderr,
    )
    return 0


def geodata(root: Path, config: str, year: int | None) -> int:
    """Refresh the PC4 data from PDOK; a failed download keeps what the site had (a warning, exit 0)."""
    from .geodata import DownloadError, download, find_polygons
    from .validate import build_catalog

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


def new(root: Path, config: str, kind: str, name: str) -> int:
    from .scaffold import ScaffoldError, scaffold

    try:
        path = scaffold(read_settings(root, config), kind, name)
    except ScaffoldError as err:
        print(f"wijkkaart new: {err}", file=sys.stderr)
        return 1
    print(path.relative_to(root.resolve()))
    return 0


def stale(root: Path, config: str, months: int | None) -> int:
    from dataclasses import replace

    from .validate import build_catalog

    settings = read_settings(root, config)
    if months is not None:
        settings = replace(settings, stale_months=months)
    catalog, problems = build_catalog(settings)
    if catalog is None:
        print(render(problems))
        return 1
    orgs = [o for o in catalog.orgs.values() if is_stale(o.org.checked, settings.today, settings.stale_months)]
    for org in sorted(orgs, key=lambda o: (o.org.checked, o.slug)):
        print(f"{org.org.checked}  {org.name} ({org.doc.file}): {_whom_to_ask(org)}")
    print(
        f"wijkkaart stale: {len(orgs)} van {len(catalog.orgs)} organisaties zijn {_months(settings.stale_months)} "
        "of langer niet nagekeken.",
        file=sys.stderr,
    )
    return 0


def _whom_to_ask(org: OrgEntry) -> str:
    from .text import national_phone

    data = org.org
    ways = [f"bel {national_phone(p.number)}" for p in data.phones[:1]]
    ways += [f"mail {data.email}"] if data.email else []
    ways += [f"kijk op {data.url}"] if data.url and not ways else []
    return "vraag het na: " + " of ".join(ways) if ways else "geen contactgegevens; zoek de organisatie op"


def write_schemas(folder: Path) -> int:
    from .schema import write_schemas as write

    for path in write(folder):
        print(path)
    return 0


def _months(n: int) -> str:
    return "1 maand" if n == 1 else f"{n} maanden"


if __name__ == "__main__":
    sys.exit(main())

"""The ``wijkkaart`` command line. ``check`` needs no mkdocs, geopandas or folium.

Exit codes: 0 = no errors (warnings may be printed), 1 = the data has errors, 2 = wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .problems import DataError, render, summary
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
    geo_cmd = commands.add_parser("geodata", help="download de PC4-vlakken van PDOK (CBS) die de gegevens nodig hebben")
    geo_cmd.add_argument("--year", type=int, default=None, help="jaargang van CBS postcode4, bv. 2024")
    return parser


def check(root: Path, config: str, fmt: str) -> int:
    from .build import build_site

    settings = read_settings(root, config)
    try:
        site = build_site(settings, with_maps=False)
    except DataError as err:
        print(render(err.problems, fmt))
        print(f"wijkkaart check: {summary(err.problems)}.", file=sys.stderr)
        return 1
    if site.problems:
        print(render(site.problems, fmt))
    print(
        f"wijkkaart check: {len(site.catalog.orgs)} organisaties, {len(site.catalog.wijken)} wijken, "
        f"{summary(site.problems)}.",
        file=sys.stderr,
    )
    return 0


def geodata(root: Path, config: str, year: int | None) -> int:
    from .geodata import download
    from .validate import build_catalog

    settings = read_settings(root, config)
    catalog, problems = build_catalog(settings)
    if catalog is None:
        print(render(problems))
        return 1
    try:
        source = download(settings, catalog.pc4s_in_use(), catalog.register, year)
    except OSError as err:
        print(f"wijkkaart geodata: downloaden bij PDOK lukte niet ({err}).", file=sys.stderr)
        return 1
    print(f"wijkkaart geodata: {source.vintage} opgeslagen in {source.path}", file=sys.stderr)
    return 0


def write_schemas(folder: Path) -> int:
    from .schema import write_schemas as write

    for path in write(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The IJmond (regional) and Dordrecht examples: standalone sites that pass the check and the strict build,
and whose outputs agree on who is served for every PC4."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wijkkaart.adapters.cli import main
from wijkkaart.pipeline.build import build_site
from wijkkaart.records.settings import read_settings

from .helpers import EXAMPLES, TODAY, example_site
from .test_hsds import _errors, _validator
from .test_served import _agree, _finder_uids

NAMES = ["ijmond", "dordrecht"]


@pytest.mark.parametrize("name", NAMES)
def test_an_example_needs_nothing_outside_its_folder(name: str) -> None:
    config = (EXAMPLES / name / "mkdocs.yml").read_text(encoding="utf-8")
    assert "geodata_dir" not in config and "../" not in config


@pytest.mark.parametrize("name", NAMES)
def test_an_example_passes_the_check(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(example_site(tmp_path, name)), "check"]) == 0
    assert "0 fouten en 0 waarschuwingen." in capsys.readouterr().err


@pytest.mark.parametrize("name", NAMES)
def test_an_example_builds_strictly(name: str, built_examples: dict[str, Path]) -> None:
    site = built_examples[name]
    assert (site / "index.html").is_file() and (site / "zoek" / "index.json").is_file()


def test_the_regional_example_agrees_on_who_is_served_for_every_pc4(tmp_path: Path) -> None:
    site = build_site(read_settings(example_site(tmp_path, "ijmond"), today=TODAY), parallel=False)
    assert _agree(site) == 9 + 1 + 9 + 13 + 5 + 6  # Heemskerk, Uitgeest, Beverwijk, Velsen, Castricum, Heerhugowaard
    geldzaken = "socius/inloopspreekuur-geldzaken"
    assert geldzaken in _finder_uids(site, "1911")  # Uitgeest
    assert [p for p in site.catalog.served.pc4s() if geldzaken in _finder_uids(site, p)] == ["1911"]


def test_the_regional_examples_open_data_validates(tmp_path: Path) -> None:
    site = build_site(read_settings(example_site(tmp_path, "ijmond"), today=TODAY), parallel=False)
    services = json.loads(next(a.content for a in site.assets if a.path.endswith("hsds/services.json")))
    assert _errors(_validator("compiled/service31.json"), services) == []
    areas = {s["name"]: [a["name"] for a in s["service_areas"]] for s in services}
    assert areas["Inloopspreekuur Geldzaken"] == ["Gemeente Uitgeest"]
    assert areas["Home-Start"] == [f"Gemeente {g}" for g in site.catalog.gemeenten]


def test_the_dordrecht_example_agrees_on_who_is_served_for_every_pc4(tmp_path: Path) -> None:
    site = build_site(read_settings(example_site(tmp_path, "dordrecht"), today=TODAY), parallel=False)
    assert _agree(site) == 11


def test_search_says_which_gemeente_or_the_region_an_entry_is_for(tmp_path: Path) -> None:
    from wijkkaart.records.validate import build_catalog
    from wijkkaart.render.search import search_records

    catalog, _ = build_catalog(read_settings(example_site(tmp_path, "ijmond"), today=TODAY))
    assert catalog is not None
    record = search_records(catalog)["organisaties/socius.md"]
    assert [(e.name, e.filters["wijk"]) for e in record.entries] == [
        ("Inloopspreekuur Geldzaken", ["heel Uitgeest"]),
        ("Home-Start", ["hele regio"]),
    ]


def test_the_regional_wijken_page_groups_the_wijken_by_gemeente(tmp_path: Path) -> None:
    site = build_site(read_settings(example_site(tmp_path, "ijmond"), today=TODAY), with_maps=False)
    body = next(p.body for p in site.pages if p.src == "wijken/index.md")
    assert re.findall(r"<h2[^>]*>([^<]+)</h2>", body) == ["Beverwijk", "Castricum", "Heemskerk", "Velsen"]
    assert body.index("Wijk aan Zee") < body.index("Akersloot") < body.index("Limmen") < body.index("IJmuiden")

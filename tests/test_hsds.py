"""The HSDS 3.1 export validates against the official Open Referral schemas in ../shared/hsds: 0 errors."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from wijkkaart.exports.hsds import hsds_files, uid
from wijkkaart.geo.boundaries import build_geo
from wijkkaart.records.settings import read_settings
from wijkkaart.records.validate import build_catalog

from .helpers import GEO, REPO, TODAY, report

HSDS = REPO.parent / "shared" / "hsds"


def _validator(name: str) -> Draft202012Validator:
    resources = [
        (p.name, Resource.from_contents(json.loads(p.read_text()), default_specification=DRAFT202012))
        for p in HSDS.glob("*.json")
    ]
    registry = Registry().with_resources(resources)
    schema = json.loads((HSDS / name).read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def export() -> dict[str, Any]:
    settings = dataclasses.replace(read_settings(REPO, today=TODAY), geodata_dir=str(GEO))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    files = hsds_files(catalog, settings, build_geo(catalog, settings, catalog.register))
    return {Path(path).name: json.loads(content) for path, content in files}


def _errors(validator: Draft202012Validator, items: list[dict[str, Any]]) -> list[str]:
    return [f"{item.get('name')}: {e.json_path}: {e.message}" for item in items for e in validator.iter_errors(item)]


def test_organizations_validate(export: dict[str, Any]) -> None:
    assert _errors(_validator("compiled/organization.json"), export["organizations.json"]) == []
    assert len(export["organizations.json"]) == 4


def test_services_validate(export: dict[str, Any]) -> None:
    services = export["services.json"]
    assert _errors(_validator("compiled/service31.json"), services) == []
    nested = [sal for s in services for sal in s.get("service_at_locations", [])]
    assert _errors(_validator("compiled/service_at_location.json"), nested) == []
    report(f"HSDS: {len(services)} diensten en {len(export['organizations.json'])} organisaties, 0 fouten")


def test_taxonomy_validates(export: dict[str, Any]) -> None:
    taxonomy = export["taxonomy.json"]
    assert _errors(_validator("taxonomy.json"), [{k: v for k, v in taxonomy.items() if k != "terms"}]) == []
    assert _errors(_validator("taxonomy_term.json"), taxonomy["terms"]) == []


def test_ids_are_deterministic_and_schedules_exact(export: dict[str, Any]) -> None:
    services = {s["name"]: s for s in export["services.json"]}
    kaarttafel = services["Kaarttafel (klaverjassen)"]
    assert kaarttafel["id"] == uid("service", "wijkz/kaarttafel")
    [schedule] = kaarttafel["schedules"]
    assert (schedule["freq"], schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "MONTHLY",
        "1TU,3TU",
        "14:00",
        "16:00",
    )
    assert "timezone" not in schedule and "Europe/Amsterdam" in schedule["notes"]
    assert "Niet op Nederlandse feestdagen." in schedule["notes"]
    moerwijk = services["Maatje aanvragen – wijkteam Moerwijk"]
    [area] = moerwijk["service_areas"]
    assert (area["name"], area["uri"]) == ("Moerwijk", "http://127.0.0.1:8000/wijken/moerwijk/")
    assert "extent" not in area  # the boundary is published once, in wijken.geojson
    assert export["index.json"]["license"]["name"] == "CC BY 4.0"


def test_the_validator_does_reject_bad_objects(export: dict[str, Any]) -> None:
    broken = dict(export["services.json"][0], status="open", id="geen-uuid")
    assert len(_errors(_validator("compiled/service31.json"), [broken])) == 2


def test_wijk_boundaries_are_published_once_as_geojson(export: dict[str, Any]) -> None:
    from shapely.geometry import shape

    boundaries = export["wijken.geojson"]
    features = {f["id"]: f for f in boundaries["features"]}
    assert sorted(features) == ["bouwlust-vrederust", "centrum", "loosduinen", "moerwijk", "schilderswijk"]
    moerwijk = features["moerwijk"]
    assert moerwijk["properties"]["uri"] == "http://127.0.0.1:8000/wijken/moerwijk/"
    assert shape(moerwijk["geometry"]).is_valid and shape(moerwijk["geometry"]).contains(
        shape({"type": "Point", "coordinates": [4.2851, 52.0516]})
    )
    assert export["index.json"]["files"]["wijkgrenzen"] == "../wijken.geojson"


def test_schedules_follow_the_overrides_exactly() -> None:
    """Issue 17: a later rule that replaces earlier ones on some days is honoured by HSDS too."""
    from wijkkaart.exports.hsds import schedules

    from .test_schedule_differential import Case, entry_for

    def fields(expression: str) -> list[tuple[str, str, str | None, str | None, str]]:
        found = schedules(entry_for(Case(expression)), "sid", TODAY)
        return [(s["freq"], s["byday"], s.get("byweekno"), s.get("dtstart"), s["opens_at"]) for s in found]

    assert fields("Tu 10:00-12:00; Tu[2] off") == [("MONTHLY", "1TU,3TU,4TU,5TU", None, None, "10:00")]
    assert fields("Mo-Fr 09:00-12:00; We 13:00-15:00") == [
        ("WEEKLY", "MO,TU,TH,FR", None, None, "09:00"),
        ("WEEKLY", "WE", None, None, "13:00"),
    ]
    odd = ",".join(str(w) for w in range(1, 54, 2))
    assert fields("week 01-53/2 We 10:00-12:00") == [("WEEKLY", "WE", odd, "2026-12-02", "10:00")]  # week 49

"""The records' own rules (what one record may not say of itself), their defaults, and when an organisation
is due for a check."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from wijkkaart.records.model import (
    Contact,
    Location,
    Organisation,
    Partner,
    Service,
    ServiceArea,
    Taxonomy,
    Wijk,
    is_stale,
)

SERVICE = {"id": "a", "type": "spreekuur", "name": "A", "walk_in": True, "service_area": {"gemeente": True}}


def _rule(model: type[BaseModel], data: dict[str, Any]) -> tuple[str, tuple[Any, ...], str, str]:
    """The one rule ``data`` breaks: its code, the key it is about, the message and the hint."""
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    [error] = raised.value.errors()
    ctx = error["ctx"]
    return error["type"], (*error["loc"], *ctx.get("at", ())), error["msg"], ctx["hint"]


RULES = {
    "closure-without-note": (
        Service,
        {**SERVICE, "status": "temporarily_closed"},
        ("status",),
        "bij een tijdelijke sluiting hoort een bericht.",
        "Vul 'status_note' in, bv. 'Gesloten wegens verbouwing'.",
    ),
    "closure-without-status": (
        Service,
        {**SERVICE, "closed_until": "2026-12-01"},
        ("closed_until",),
        "er staat 'closed_until', maar de status is niet 'temporarily_closed'; de site toont het als open.",
        "Zet 'status: temporarily_closed' als het dicht is; anders haal 'status_note' en 'closed_until' weg.",
    ),
    "dates-reversed": (
        Service,
        {**SERVICE, "valid_from": "2026-12-01", "valid_to": "2026-11-30"},
        ("valid_to",),
        "'valid_to' ligt vóór 'valid_from'.",
        "Zet de einddatum na de begindatum.",
    ),
    "fee-without-description": (
        Service,
        {**SERVICE, "free": False},
        ("free",),
        "er staat dat het niet gratis is, maar niet wat het kost.",
        "Vul 'fees_description' in, bv. '€ 2 per keer'.",
    ),
    "fee-on-free": (
        Service,
        {**SERVICE, "fees_description": "2 euro"},
        ("fees_description",),
        "er staat wat het kost ('2 euro'), maar ook dat het gratis is.",
        "Zet 'free: false' als het geld kost; anders haal 'fees_description' weg.",
    ),
    "empty-service-area": (
        Service,
        {**SERVICE, "service_area": {"gemeente": False}},
        ("service_area",),
        "het werkgebied is leeg.",
        "Vul 'wijken', 'pc4', 'gemeente: true', 'gemeente: <naam>', 'gemeenten' of 'regio: true' in.",
    ),
    "ages-reversed": (
        Service,
        {**SERVICE, "eligibility": {"minimum_age": 18, "maximum_age": 12}},
        ("eligibility", "minimum_age"),
        "de minimale leeftijd (18) is hoger dan de maximale (12).",
        "Verwissel de twee, of pas een van beide aan.",
    ),
    "contact-unreachable": (
        Contact,
        {"name": "Team Zuid"},
        (),
        "dit contact heeft geen telefoon, e-mail of webadres.",
        "Vul 'phone', 'email' of 'url' in.",
    ),
    "partner-unnamed": (
        Partner,
        {"for": "warme overdracht"},
        (),
        "de partner heeft geen 'org' en geen 'name'.",
        "Vul 'org' in (id) of 'name' (naam).",
    ),
    "duplicate-theme": (
        Taxonomy,
        {"themes": [{"id": "geld", "name": "Geld"}, {"id": "geld", "name": "Geld en schulden"}]},
        ("themes", 1, "id"),
        "het thema 'geld' staat er twee keer.",
        "Geef elk thema een eigen id, of voeg de twee samen.",
    ),
}


@pytest.mark.parametrize(
    ("code", "model", "data", "at", "message", "hint"), [(code, *case) for code, case in RULES.items()], ids=RULES
)
def test_a_record_refuses_what_contradicts_itself(
    code: str, model: type[BaseModel], data: dict[str, Any], at: tuple[Any, ...], message: str, hint: str
) -> None:
    assert _rule(model, data) == (code, at, message, hint)


def test_the_rules_let_the_consistent_record_through() -> None:
    closed = {**SERVICE, "status": "temporarily_closed", "status_note": "Verbouwing", "closed_until": "2026-12-01"}
    assert Service.model_validate(closed).closed_until == date(2026, 12, 1)
    paid = Service.model_validate({**SERVICE, "free": False, "fees_description": "€ 2 per keer"})
    assert (paid.free, paid.fees_description) == (False, "€ 2 per keer")
    one_day = Service.model_validate({**SERVICE, "valid_from": "2026-12-01", "valid_to": "2026-12-01"})
    assert one_day.valid_from == one_day.valid_to


def test_defaults_and_derived_values() -> None:
    service = Service.model_validate(SERVICE)
    assert (service.free, service.languages, service.status, service.themes, service.example) == (
        True,
        ["nl"],
        "active",
        [],
        False,
    )
    location = Location.model_validate(
        {"id": "l", "name": "Buurthuis", "address": "Straat 1", "postal_code": "2525ab", "city": "Den Haag"}
    )
    assert (location.postal_code, location.pc4) == ("2525 AB", "2525")
    area = ServiceArea.model_validate({"gemeente": "Uitgeest", "gemeenten": ["Heemskerk", "Uitgeest"]})
    assert area.named_gemeenten == ["Uitgeest", "Heemskerk"]
    assert Partner.model_validate({"org": "buurthuis", "for": "warme overdracht"}).for_ == "warme overdracht"


def test_every_key_and_record_has_a_dutch_title_for_editors() -> None:
    """A key's title is its own, or (a required record) the title of the record it holds."""
    for model in (Organisation, Wijk, Taxonomy):
        schema = model.model_json_schema()
        defs = schema.get("$defs", {})
        for record in [schema, *defs.values()]:
            assert record["title"]
            for key, value in record.get("properties", {}).items():
                title = value.get("title") or defs[value["$ref"].rpartition("/")[2]]["title"]
                assert title and title != key, (record["title"], key)
    properties = Organisation.model_json_schema()["properties"]
    assert (properties["checked"]["title"], properties["services"]["title"]) == (
        "Gecontroleerd op",
        "Spreekuren en activiteiten",
    )


@pytest.mark.parametrize(
    ("checked", "today", "months", "stale"),
    [
        (date(2025, 11, 24), date(2026, 11, 24), 12, True),  # twelve months to the day
        (date(2025, 11, 25), date(2026, 11, 24), 12, False),
        (date(2025, 1, 31), date(2025, 2, 28), 1, False),  # not yet the 31st again
        (date(2025, 1, 31), date(2025, 3, 1), 1, True),
        (date(2026, 11, 24), date(2026, 11, 24), 0, True),
    ],
)
def test_due_for_a_check(checked: date, today: date, months: int, stale: bool) -> None:
    assert is_stale(checked, today, months) is stale

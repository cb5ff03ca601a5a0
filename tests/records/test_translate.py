"""Pydantic's errors in Dutch: each kind worded with file, line and key path, and "Bedoelde je …?" where a
name is close."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from wijkkaart.records.load import load_text
from wijkkaart.records.model import Organisation
from wijkkaart.records.translate import describe_value, problems_from, quoted, suggest

ORG = "name: Buurthuis\ndescription: Koffie.\nthemes: [ontmoeting]\nchecked: 2026-10-01\n"
SERVICE = (
    "services:\n  - id: a\n    type: spreekuur\n    name: A\n    walk_in: true\n    service_area: {gemeente: true}\n"
)


def _problems(text: str) -> list[str]:
    doc, found = load_text(text, "orgs/x.yaml")
    assert doc is not None and found == []
    try:
        Organisation.model_validate(doc.data)
    except ValidationError as error:
        return [p.text() for p in problems_from(error, doc, Organisation)]
    return []


def test_a_valid_organisation_has_no_problems() -> None:
    assert _problems(ORG + SERVICE) == []


CASES = {
    "missing-field": (
        ORG.replace("description: Koffie.\n", ""),
        "orgs/x.yaml:1 description: het verplichte veld 'description' ontbreekt. Voeg 'description:' toe (Wat de "
        "organisatie doet. Eenvoudige Markdown mag (vet, lijstjes, links)). [missing-field]",
    ),
    "unknown-key, all keys listed": (
        ORG + "kleur: rood\n",
        "orgs/x.yaml:5 kleur: de sleutel 'kleur' bestaat hier niet. Toegestaan zijn: checked, description, email, "
        "example, locations, name, partners, phones, services, source, themes, url. [unknown-key]",
    ),
    "unknown-key in a list item": (
        ORG + SERVICE + "    locatoin: x\n",
        "orgs/x.yaml:11 services[0].locatoin: de sleutel 'locatoin' bestaat hier niet. Bedoelde je 'location'? "
        "[unknown-key]",
    ),
    "bad-choice": (
        ORG + SERVICE.replace("type: spreekuur", "type: spreekuurr"),
        "orgs/x.yaml:7 services[0].type: 'spreekuurr' is geen geldige keuze. Kies uit: spreekuur, activiteit. "
        "Bedoelde je 'spreekuur'? [bad-choice]",
    ),
    "wrong-type, a list": (
        ORG.replace("[ontmoeting]", "ontmoeting"),
        "orgs/x.yaml:3 themes: verwacht een lijst (regels die met '- ' beginnen), maar vond 'ontmoeting'. Zet elk "
        "onderdeel op een eigen regel die met '- ' begint. [wrong-type]",
    ),
    "wrong-type, a mapping": (
        ORG + "services:\n  - 5\n",
        "orgs/x.yaml:6 services[0]: verwacht een groep sleutels ('sleutel: waarde' op de regels eronder), maar vond "
        "'5'. Zet de sleutels ingesprongen op de regels eronder. [wrong-type]",
    ),
    "empty-list": (
        ORG.replace("[ontmoeting]", "[]"),
        "orgs/x.yaml:3 themes: de lijst is leeg. Vul er minstens één in. [empty-list]",
    ),
    "out-of-range": (
        ORG + SERVICE + "    eligibility: {minimum_age: 130}\n",
        "orgs/x.yaml:11 services[0].eligibility.minimum_age: '130' is te groot. De waarde moet hoogstens 120 zijn. "
        "[out-of-range]",
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_each_kind_of_error_in_dutch(text: str, expected: str) -> None:
    assert _problems(text) == [expected]


def test_a_missing_field_spelt_wrong_is_said_once_as_the_unknown_key() -> None:
    assert _problems(ORG.replace("description:", "descripton:")) == [
        "orgs/x.yaml:2 descripton: de sleutel 'descripton' bestaat hier niet. Bedoelde je 'description'? [unknown-key]"
    ]


def test_every_missing_field_of_a_list_item_is_said_on_the_item_line() -> None:
    assert _problems(ORG + "services:\n  - id: a\n    name: A\n    service_area: {gemeente: true}\n") == [
        "orgs/x.yaml:6 services[0].type: het verplichte veld 'type' ontbreekt. Voeg 'type:' toe ('spreekuur' of "
        "'activiteit'). [missing-field]",
        "orgs/x.yaml:6 services[0].walk_in: het verplichte veld 'walk_in' ontbreekt. Voeg 'walk_in:' toe (true: "
        "zonder afspraak binnenlopen; false: op afspraak). [missing-field]",
    ]


def test_suggestions_quotes_and_values() -> None:
    assert suggest("descripton", ["description", "name"]) == " Bedoelde je 'description'?"
    assert suggest("xyz", ["description", "name"]) == ""
    assert suggest("'s-hertogenbosch", ["'s-Hertogenbosch", "Helmond"]) == ' Bedoelde je "\'s-Hertogenbosch"?'
    assert (quoted("Den Haag"), quoted("'s-Gravenhage")) == ("'Den Haag'", '"\'s-Gravenhage"')
    assert [describe_value(v) for v in ({}, [], None, 3, "ja")] == [
        "een groep sleutels",
        "een lijst",
        "niets",
        "'3'",
        "'ja'",
    ]

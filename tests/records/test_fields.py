"""Field types: what each accepts (and how it writes it), and what it refuses, with the Dutch message and
hint. Values come as the YAML loader gives them: a number keeps how it was written."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from wijkkaart.records.fields import (
    PC4,
    Age,
    CbsCode,
    Day,
    Description,
    Email,
    GemeenteWide,
    Language,
    Markdown,
    Phone,
    Postcode,
    Real,
    ScheduleText,
    Slug,
    Text,
    Url,
    Whole,
    YesNo,
    describe,
)
from wijkkaart.records.load import load_text

doc, _ = load_text("prijs: 2.50\ntelefoon: 0701234567\ncode: 007\n", "x.yaml")
assert doc is not None
WRITTEN = doc.data  # numbers as the editor wrote them: 2.50, 0701234567, 007


def _read(kind: Any, value: Any) -> Any:
    return TypeAdapter(kind).validate_python(value)


def _refusal(kind: Any, value: Any) -> tuple[str, str, str]:
    with pytest.raises(ValidationError) as raised:
        _read(kind, value)
    [error] = raised.value.errors()
    return error["type"], error["msg"], error["ctx"]["hint"]


ACCEPTED = [
    (Text, "  Koffie  ", "Koffie"),
    (Text, WRITTEN["prijs"], "2.50"),
    (Markdown, "[site](https://x.nl) of [mail](mailto:a@b.nl)", "[site](https://x.nl) of [mail](mailto:a@b.nl)"),
    (
        Markdown,
        "[wijk](https://nl.wikipedia.org/wiki/Moerwijk_(Den_Haag))",
        "[wijk](https://nl.wikipedia.org/wiki/Moerwijk_(Den_Haag))",
    ),
    (Slug, 12, "12"),
    (PC4, " 2525 ", "2525"),
    (PC4, 2525, "2525"),
    (Postcode, "2525ab", "2525 AB"),
    (Url, "https://www.voorbeeld.nl", "https://www.voorbeeld.nl"),
    (Email, "Info@Voorbeeld.NL", "info@voorbeeld.nl"),
    (Phone, "070 123 4567", "+31701234567"),
    (Phone, WRITTEN["telefoon"], "+31701234567"),
    (ScheduleText, "Fr 09:00-10:30", "Fr 09:00-10:30"),
    (Language, "NL", "nl"),
    (Day, "2026-03-01", date(2026, 3, 1)),
    (CbsCode, "WK051828", "WK051828"),
    (YesNo, "yes", True),
    (YesNo, "Off", False),
    (GemeenteWide, "on", True),
    (GemeenteWide, "Uitgeest", "Uitgeest"),
    (Whole, 3.0, 3),
    (Real, 52, 52.0),
]


@pytest.mark.parametrize(("kind", "value", "read"), ACCEPTED)
def test_accepted(kind: Any, value: Any, read: Any) -> None:
    assert _read(kind, value) == read


TEXT_HINT = "Schrijf hier één tekst, zonder lijst of sleutels eronder."
ID_HINT = "Gebruik alleen kleine letters, cijfers en streepjes, bv. 'inloop-vrijdag'."
DATE_HINT = "Schrijf een datum als JJJJ-MM-DD, bv. 2026-03-01."
REFUSED = [
    (Text, ["x"], ("wrong-type", "verwacht tekst, maar vond een lijst.", TEXT_HINT)),
    (Text, None, ("wrong-type", "verwacht tekst, maar vond niets.", TEXT_HINT)),
    (Text, True, ("wrong-type", "verwacht tekst, maar vond 'true'.", TEXT_HINT)),
    (Text, " ", ("empty-text", "de tekst is leeg.", "Vul een tekst in of laat de sleutel weg.")),
    (
        Text,
        "<b>vet</b>",
        ("html-in-text", "HTML is hier niet toegestaan.", "Haal de tekens '<' en '>' en alles ertussen weg."),
    ),
    (
        Markdown,
        "[x](ftp://x.nl)",
        (
            "bad-link",
            "de link 'ftp://x.nl' is niet toegestaan.",
            "Gebruik alleen links die beginnen met https://, mailto: of tel:.",
        ),
    ),
    (
        Markdown,
        "Kijk [hier](javascript:alert(1)).",
        (
            "bad-link",
            "de link 'javascript:alert(1)' is niet toegestaan.",
            "Gebruik alleen links die beginnen met https://, mailto: of tel:.",
        ),
    ),
    (Slug, "Inloop", ("bad-id", "'Inloop' is geen geldige id.", ID_HINT)),
    (Slug, "a--b", ("bad-id", "'a--b' is geen geldige id.", ID_HINT)),
    (PC4, "0525", ("bad-pc4", "'0525' is geen postcodegebied (PC4).", "Schrijf de vier cijfers, bv. 2525.")),
    (
        Postcode,
        2525,
        ("bad-postcode", "'2525' is geen geldige postcode.", "Schrijf vier cijfers en twee letters, bv. '2525 AB'."),
    ),
    (
        Url,
        "www.voorbeeld.nl",
        (
            "bad-url",
            "'www.voorbeeld.nl' is geen geldig webadres.",
            "Begin met https://, bv. 'https://www.voorbeeld.nl'.",
        ),
    ),
    (
        Url,
        "https://a.nl/x y",
        (
            "bad-url",
            "'https://a.nl/x y' is geen geldig webadres.",
            "Begin met https://, bv. 'https://www.voorbeeld.nl'.",
        ),
    ),
    (Email, "info@", ("bad-email", "'info@' is geen geldig e-mailadres.", "Schrijf het als naam@organisatie.nl.")),
    (
        Phone,
        "12345",
        ("bad-phone", "'12345' is geen geldig telefoonnummer.", "Schrijf een Nederlands nummer, bv. '070 123 4567'."),
    ),
    (
        ScheduleText,
        "vr 9-10",
        (
            "bad-schedule",
            "'vr 9-10' is geen geldige tijd.",
            "Gebruik de Engelse afkortingen: ma=Mo, di=Tu, wo=We, do=Th, vr=Fr, za=Sa, zo=Su, bv. 'Fr 09:00-10:30'.",
        ),
    ),
    (
        Language,
        "xx",
        ("bad-language", "'xx' is geen taalcode.", "Gebruik de code van twee letters, bv. nl, en, ar, tr."),
    ),
    (Day, "2026-02-30", ("bad-date", "'2026-02-30' is geen bestaande datum.", DATE_HINT)),
    (Day, "1 maart", ("bad-date", "'1 maart' is geen datum.", DATE_HINT)),
    (Day, None, ("bad-date", "niets is geen datum.", DATE_HINT)),
    (
        CbsCode,
        "wk051828",
        ("bad-value", "'wk051828' is geen CBS-wijkcode.", "Schrijf WK en zes cijfers, bv. WK051828."),
    ),
    (YesNo, "ja", ("wrong-type", "verwacht true of false, maar vond 'ja'.", "Schrijf true (ja) of false (nee).")),
    (YesNo, [1], ("wrong-type", "verwacht true of false, maar vond een lijst.", "Schrijf true (ja) of false (nee).")),
    (
        Description,
        "Vul hier in wat de organisatie doet.",
        (
            "placeholder-text",
            "hier staat nog de voorbeeldtekst uit het sjabloon.",
            "Schrijf in een paar zinnen wat de organisatie doet.",
        ),
    ),
    (
        Whole,
        "3",
        ("wrong-type", "verwacht een heel getal, maar vond '3'.", "Schrijf het getal zonder aanhalingstekens."),
    ),
    (Whole, 3.5, ("wrong-type", "verwacht een heel getal, maar vond '3.5'.", "Schrijf alleen cijfers.")),
    (
        Real,
        "52.07",
        ("wrong-type", "verwacht een getal, maar vond '52.07'.", "Schrijf het getal zonder aanhalingstekens."),
    ),
]


@pytest.mark.parametrize(("kind", "value", "refusal"), REFUSED)
def test_refused(kind: Any, value: Any, refusal: tuple[str, str, str]) -> None:
    assert _refusal(kind, value) == refusal


def test_an_age_has_bounds_that_the_translation_words() -> None:
    """Bounds are pydantic's own errors (and in the schema); translate.py says them in Dutch."""
    assert _read(Age, 120) == 120
    with pytest.raises(ValidationError) as raised:
        _read(Age, 121)
    assert [e["type"] for e in raised.value.errors()] == ["less_than_equal"]


def test_values_as_an_editor_wrote_them() -> None:
    assert [describe(v) for v in (WRITTEN["prijs"], WRITTEN["code"], [], {})] == [
        "'2.50'",
        "'007'",
        "een lijst",
        "een groep sleutels",
    ]

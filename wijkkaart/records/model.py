"""The declared records of a social map: one class per YAML record, one source of truth.

The JSON Schemas for editors are generated from these classes (see ``schema``). Keys are English
and follow Open Referral HSDS where a name fits; descriptions are Dutch because editors read them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fields import (
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
    YesNo,
    described,
    fail,
)

# Dutch titles for editors' autocompletion (the keys stay English, after Open Referral HSDS).
TITLES = {
    "name": "Naam",
    "description": "Beschrijving",
    "phone": "Telefoon",
    "email": "E-mail",
    "url": "Website",
    "example": "Voorbeeld",
    "number": "Nummer",
    "lat": "Breedtegraad",
    "lon": "Lengtegraad",
    "id": "Id",
    "address": "Adres",
    "postal_code": "Postcode",
    "city": "Plaats",
    "coordinates": "Coördinaten",
    "gemeente": "Hele gemeente of gemeente",
    "gemeenten": "Gemeenten",
    "regio": "Hele regio",
    "wijken": "Wijken",
    "pc4": "Postcodegebieden (PC4)",
    "minimum_age": "Minimale leeftijd",
    "maximum_age": "Maximale leeftijd",
    "type": "Soort",
    "themes": "Thema's",
    "location": "Locatie",
    "schedule": "Tijden",
    "schedule_note": "Uitleg bij de tijden",
    "valid_from": "Geldig vanaf",
    "valid_to": "Geldig tot en met",
    "walk_in": "Zonder afspraak",
    "free": "Gratis",
    "fees_description": "Kosten",
    "languages": "Talen",
    "eligibility": "Voor wie",
    "service_area": "Werkgebied",
    "status": "Status",
    "status_note": "Bericht bij sluiting",
    "closed_until": "Gesloten tot en met",
    "handover": "Warme overdracht",
    "org": "Organisatie (id)",
    "for_": "Waarvoor",
    "phones": "Telefoonnummers",
    "checked": "Gecontroleerd op",
    "source": "Bron",
    "partners": "Partners",
    "locations": "Locaties",
    "services": "Spreekuren en activiteiten",
    "cbs_code": "CBS-wijkcode",
    "wijkteam": "Wijkteam",
}
MODEL_TITLES = {
    "Contact": "Contact",
    "PhoneEntry": "Telefoonnummer",
    "Coordinates": "Coördinaten",
    "Location": "Locatie",
    "ServiceArea": "Werkgebied",
    "Eligibility": "Voor wie",
    "Service": "Spreekuur of activiteit",
    "Partner": "Partner",
    "Organisation": "Organisatie",
    "Wijk": "Wijk",
    "Theme": "Thema",
    "Taxonomy": "Thema's",
}


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        field_title_generator=lambda name, _info: TITLES[name],
        model_title_generator=lambda model: MODEL_TITLES[model.__name__],
    )


class Contact(Record):
    """A team's contact: never a private person's number or address."""

    name: Text = described("Naam van het team of de balie, bv. 'Wijkteam Moerwijk'.")
    phone: Phone | None = described("Telefoonnummer van het team.", default=None)
    email: Email | None = described("E-mailadres van het team.", default=None)
    url: Url | None = described("Webpagina van het team.", default=None)
    example: YesNo = described("true als deze gegevens een voorbeeld zijn en niet echt.", default=False)

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.email or self.url):
            raise fail(
                "contact-unreachable",
                "dit contact heeft geen telefoon, e-mail of webadres.",
                "Vul 'phone', 'email' of 'url' in.",
            )
        return self


class PhoneEntry(Record):
    number: Phone = described("Het nummer als tekst, bv. '070 123 4567'.")
    description: Text | None = described("Waarvoor dit nummer is, bv. 'Aanmelden'.", default=None)


class Coordinates(Record):
    lat: Real = described("Breedtegraad (WGS84), bv. 52.0705.", ge=50.7, le=53.6)
    lon: Real = described("Lengtegraad (WGS84), bv. 4.3007.", ge=3.3, le=7.3)


class Location(Record):
    id: Slug = described("Korte id van deze locatie binnen de organisatie, bv. 'de-mussen'.")
    name: Text = described("Naam van het gebouw of de plek.")
    address: Text = described("Straat en huisnummer.")
    postal_code: Postcode = described("Postcode, bv. '2525 AB'.")
    city: Text = described("Plaats.")
    coordinates: Coordinates | None = described(
        "Precieze plek; anders wordt het midden van de postcode gebruikt.", default=None
    )
    example: YesNo = described("true als het adres een voorbeeld is en niet echt.", default=False)

    @property
    def pc4(self) -> str:
        return self.postal_code[:4]


class ServiceArea(Record):
    """Voor bewoners van welke gemeenten, wijken of postcodes. Sleutels tellen op: 'wijken' en 'pc4' samen
    is voor allebei. 'gemeente: true' is de gemeente waar het is; 'regio: true' is elke gemeente van de kaart."""

    gemeente: GemeenteWide = described(
        "true: voor de hele gemeente waar het is. Of de naam van de gemeente, bv. 'Uitgeest'.", default=False
    )
    gemeenten: list[Text] = described(
        "Namen van gemeenten waarvan alle bewoners mogen komen, bv. [Heemskerk, Uitgeest].", default_factory=list
    )
    regio: YesNo = described("true: voor alle gemeenten op deze kaart (de hele regio).", default=False)
    wijken: list[Slug] = described("Ids van wijken (bestandsnamen in wijken/).", default_factory=list)
    pc4: list[PC4] = described("Postcodegebieden (vier cijfers).", default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> ServiceArea:
        if not (self.gemeente or self.gemeenten or self.regio or self.wijken or self.pc4):
            raise fail(
                "empty-service-area",
                "het werkgebied is leeg.",
                "Vul 'wijken', 'pc4', 'gemeente: true', 'gemeente: <naam>', 'gemeenten' of 'regio: true' in.",
            )
        return self

    @property
    def named_gemeenten(self) -> list[str]:
        """The gemeenten named by name (``gemeente: Uitgeest`` and ``gemeenten: [..]``), in order, once."""
        named = [self.gemeente] if isinstance(self.gemeente, str) else []
        return list(dict.fromkeys(named + self.gemeenten))


class Eligibility(Record):
    description: Text | None = described("Voor wie, bv. 'bewoners met geldzorgen'.", default=None)
    minimum_age: Age | None = described("Minimale leeftijd.", default=None)
    maximum_age: Age | None = described("Maximale leeftijd.", default=None)

    @model_validator(mode="after")
    def _ages_in_order(self) -> Eligibility:
        if self.minimum_age is not None and self.maximum_age is not None and self.minimum_age > self.maximum_age:
            raise fail(
                "ages-reversed",
                f"de minimale leeftijd ({self.minimum_age}) is hoger dan de maximale ({self.maximum_age}).",
                "Verwissel de twee, of pas een van beide aan.",
                at=("minimum_age",),
            )
        return self


class Service(Record):
    """A spreekuur or an activity of an organisation."""

    id: Slug = described("Korte id, uniek binnen de organisatie; houd hem gelijk, dan blijven links werken.")
    type: Literal["spreekuur", "activiteit"] = described("'spreekuur' of 'activiteit'.")
    name: Text = described("Naam, bv. 'Inloopspreekuur Geldzaken'.")
    description: Text | None = described("Korte uitleg in één of twee zinnen.", default=None)
    themes: list[Slug] = described(
        "Thema's waar dit aanbod over gaat (ids uit themes.yaml); leeg: het eerste thema van de organisatie.",
        default_factory=list,
    )
    location: Slug | None = described("Id van een locatie van deze organisatie; leeg: geen vaste plek.", default=None)
    schedule: ScheduleText | None = described(
        "Tijden, bv. 'Fr 09:00-10:30; PH off'. Leeg: alleen op afspraak.", default=None
    )
    schedule_note: Text | None = described("Extra uitleg bij de tijden.", default=None)
    valid_from: Day | None = described("Eerste dag (voor seizoens- of nieuwe activiteiten).", default=None)
    valid_to: Day | None = described("Laatste dag (voor activiteiten die stoppen).", default=None)
    walk_in: YesNo = described("true: zonder afspraak binnenlopen; false: op afspraak.")
    free: YesNo = described("true: gratis.", default=True)
    fees_description: Text | None = described("Wat het kost, als het niet gratis is.", default=None)
    languages: list[Language] = described("Gesproken talen (codes), bv. [nl, ar].", default_factory=lambda: ["nl"])
    eligibility: Eligibility | None = described("Wie mag komen.", default=None)
    service_area: ServiceArea = described("Voor bewoners van welke wijken of postcodes.")
    status: Literal["active", "temporarily_closed"] = described("'active' of 'temporarily_closed'.", default="active")
    status_note: Text | None = described("Bericht bij tijdelijke sluiting.", default=None)
    closed_until: Day | None = described("Tot en met welke datum tijdelijk gesloten.", default=None)
    handover: Contact | None = described("Contact voor een warme overdracht (team, geen privépersoon).", default=None)
    example: YesNo = described("true als tijden of gegevens een voorbeeld zijn.", default=False)

    @model_validator(mode="after")
    def _consistent(self) -> Service:
        if self.status == "temporarily_closed" and not self.status_note:
            raise fail(
                "closure-without-note",
                "bij een tijdelijke sluiting hoort een bericht.",
                "Vul 'status_note' in, bv. 'Gesloten wegens verbouwing'.",
                at=("status",),
            )
        if self.status != "temporarily_closed" and (self.status_note or self.closed_until):
            key = "status_note" if self.status_note else "closed_until"
            raise fail(
                "closure-without-status",
                f"er staat '{key}', maar de status is niet 'temporarily_closed'; de site toont het als open.",
                "Zet 'status: temporarily_closed' als het dicht is; anders haal 'status_note' en 'closed_until' weg.",
                at=(key,),
            )
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise fail(
                "dates-reversed",
                "'valid_to' ligt vóór 'valid_from'.",
                "Zet de einddatum na de begindatum.",
                at=("valid_to",),
            )
        if not self.free and not self.fees_description:
            raise fail(
                "fee-without-description",
                "er staat dat het niet gratis is, maar niet wat het kost.",
                "Vul 'fees_description' in, bv. '€ 2 per keer'.",
                at=("free",),
            )
        if self.free and self.fees_description:
            raise fail(
                "fee-on-free",
                f"er staat wat het kost ('{self.fees_description}'), maar ook dat het gratis is.",
                "Zet 'free: false' als het geld kost; anders haal 'fees_description' weg.",
                at=("fees_description",),
            )
        return self


class Partner(Record):
    org: Slug | None = described("Id van een organisatie op deze kaart (bestandsnaam in orgs/).", default=None)
    name: Text | None = described("Naam, als de partner geen eigen bestand heeft.", default=None)
    for_: Text = Field(alias="for", description="Waarvoor jullie samenwerken, bv. 'warme overdracht'.")

    @model_validator(mode="after")
    def _named(self) -> Partner:
        if not (self.org or self.name):
            raise fail(
                "partner-unnamed", "de partner heeft geen 'org' en geen 'name'.", "Vul 'org' in (id) of 'name' (naam)."
            )
        return self


class Organisation(Record):
    name: Text = described("Naam van de organisatie of groep.")
    description: Description = described("Wat de organisatie doet. Eenvoudige Markdown mag (vet, lijstjes, links).")
    url: Url | None = described("Website.", default=None)
    email: Email | None = described("Algemeen e-mailadres.", default=None)
    phones: list[PhoneEntry] = described("Telefoonnummers.", default_factory=list)
    themes: list[Slug] = described("Thema's (ids uit themes.yaml).", min_length=1)
    checked: Day = described("Datum waarop een redacteur de gegevens met de organisatie heeft nagekeken.")
    source: Text | None = described("Waar de gegevens vandaan komen (webadres of beschrijving).", default=None)
    example: YesNo = described("true als de organisatie een voorbeeld is.", default=False)
    partners: list[Partner] = described("Organisaties waarmee zij samenwerken, en waarvoor.", default_factory=list)
    locations: list[Location] = described("Adressen.", default_factory=list)
    services: list[Service] = described("Spreekuren en activiteiten.", default_factory=list)


class Wijk(Record):
    name: Text = described("Naam van de wijk.")
    gemeente: Text = described("Gemeente.")
    pc4: list[PC4] = described("Postcodegebieden (vier cijfers) die bij de wijk horen.", min_length=1)
    description: Markdown | None = described("Korte beschrijving (eenvoudige Markdown).", default=None)
    cbs_code: CbsCode | None = described("CBS-wijkcode, bv. WK051828.", default=None)
    wijkteam: Contact | None = described("Contact van het wijkteam.", default=None)
    example: YesNo = described("true als de gegevens een voorbeeld zijn.", default=False)


class Theme(Record):
    id: Slug = described("Id van het thema, bv. 'geld-en-schulden'.")
    name: Text = described("Naam zoals op de site, bv. 'Geld & schulden'.")
    description: Text | None = described("Korte uitleg.", default=None)


class Taxonomy(Record):
    themes: list[Theme] = described("De thema's van deze kaart.", min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Taxonomy:
        seen: set[str] = set()
        for i, theme in enumerate(self.themes):
            if theme.id in seen:
                raise fail(
                    "duplicate-theme",
                    f"het thema '{theme.id}' staat er twee keer.",
                    "Geef elk thema een eigen id, of voeg de twee samen.",
                    at=("themes", i, "id"),
                )
            seen.add(theme.id)
        return self


def is_stale(checked: date, today: date, months: int) -> bool:
    """True when ``checked`` lies ``months`` or more months before ``today``."""
    elapsed = (today.year - checked.year) * 12 + today.month - checked.month - (today.day < checked.day)
    return elapsed >= months

"""The registry of problem codes: every code a Problem can carry, its severity and what it means for editors.

Declared once, here; ``Problem`` refuses a code that is not in it and takes its severity from it, and
``scripts/problem_codes.py`` writes the tables in README.md and CONTRIBUTING.md from it (a test keeps them in
step). The texts are for editors: Dutch at B1 level, Markdown, each a short phrase without a final full stop.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from types import MappingProxyType


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def dutch(self) -> str:
        """The word editors read: ``fout``, ``waarschuwing`` or ``opmerking``."""
        return {"error": "fout", "warning": "waarschuwing", "notice": "opmerking"}[self.value]


@dataclass(frozen=True, kw_only=True)
class Code:
    """One problem code and what it means: the message itself (with the bad value) is made where it is found."""

    code: str  # stable: tests, output (``[code]``) and GitHub annotations name it
    severity: Severity  # an error stops the build; a warning or a notice does not
    title: str  # a short Dutch name, starting with a capital
    explanation: str  # what is wrong, in a few words
    fix: str  # what the editor does, with an example where one helps


ERROR, WARNING, NOTICE = Severity.ERROR, Severity.WARNING, Severity.NOTICE
_CODE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)+")


def _registry(*codes: Code) -> Mapping[str, Code]:
    """The codes by name, checked as the module is imported: unique, well-formed names and texts."""
    by_code: dict[str, Code] = {}
    for code in codes:
        if code.code in by_code or not _CODE.fullmatch(code.code):
            raise ValueError(f"problem code {code.code!r} is used twice or is not kebab-case")
        texts = [getattr(code, f.name) for f in fields(code) if f.name not in ("code", "severity")]
        if not code.title[:1].isupper() or any(not t.strip() or t.endswith(".") or "|" in t for t in texts):
            raise ValueError(f"problem code {code.code!r}: a text is empty, ends with '.', or holds '|'")
        by_code[code.code] = code
    return MappingProxyType(by_code)


CODES: Mapping[str, Code] = _registry(
    # The file itself: YAML, characters, names.
    Code(
        code="yaml-syntax",
        severity=ERROR,
        title="Geen geldige YAML",
        explanation=(
            "de computer kan de tekst niet lezen; vaak klopt de inspringing, een dubbele punt of een "
            "aanhalingsteken niet"
        ),
        fix="kijk naar de regel die genoemd wordt; gebruik spaties, zet tekst met `: ` tussen aanhalingstekens",
    ),
    Code(
        code="yaml-alias",
        severity=ERROR,
        title="Anker of verwijzing",
        explanation="er staan ankers (`&`) of verwijzingen (`*`) in",
        fix="schrijf de waarde gewoon uit",
    ),
    Code(
        code="yaml-tag",
        severity=ERROR,
        title="Markering met !",
        explanation="er staat een markering met `!` in",
        fix="haal de markering weg",
    ),
    Code(
        code="yaml-key",
        severity=ERROR,
        title="Sleutel is geen gewoon woord",
        explanation="links van de dubbele punt staat geen gewoon woord, maar bv. een lijst",
        fix="schrijf `sleutel: waarde`",
    ),
    Code(
        code="control-character",
        severity=ERROR,
        title="Stuurteken",
        explanation="er staat een onzichtbaar stuurteken in (vaak meegekopieerd)",
        fix="haal het teken weg op de genoemde regel",
    ),
    Code(
        code="invisible-line-break",
        severity=WARNING,
        title="Onzichtbaar regeleinde",
        explanation="een onzichtbaar regeleinde (U+2028) in de tekst; het telt als spatie",
        fix="haal het teken weg of begin een echte nieuwe regel",
    ),
    Code(
        code="duplicate-key",
        severity=ERROR,
        title="Dubbele sleutel",
        explanation="dezelfde sleutel staat er twee keer",
        fix="houd er één, voeg de inhoud samen",
    ),
    Code(
        code="empty-file",
        severity=ERROR,
        title="Leeg bestand",
        explanation="er staat niets in het bestand",
        fix="vul het in of verwijder het",
    ),
    Code(
        code="not-a-mapping",
        severity=ERROR,
        title="Begint met een lijst",
        explanation="het bestand begint met een lijst (`- `)",
        fix="begin met `name: …`",
    ),
    Code(
        code="not-utf8",
        severity=ERROR,
        title="Geen UTF-8",
        explanation="het bestand is niet als UTF-8 opgeslagen",
        fix="sla het op als UTF-8",
    ),
    Code(
        code="byte-order-mark",
        severity=WARNING,
        title="Onzichtbaar teken aan het begin",
        explanation="het bestand begint met een onzichtbaar BOM-teken",
        fix="sla op als UTF-8 zonder BOM",
    ),
    Code(
        code="file-too-large",
        severity=ERROR,
        title="Bestand te groot",
        explanation="het bestand is groter dan 1000 kB",
        fix="splits de gegevens",
    ),
    Code(
        code="not-a-file",
        severity=ERROR,
        title="Geen gewoon bestand",
        explanation="`… .yaml` is een map, een pipe of een apparaat in plaats van een bestand",
        fix="zet er een gewoon bestand neer, of geef de map een andere naam",
    ),
    Code(
        code="link-outside-site",
        severity=ERROR,
        title="Snelkoppeling buiten de site",
        explanation="een snelkoppeling wijst naar een bestand buiten de site",
        fix="zet het bestand zelf in de map",
    ),
    Code(
        code="hidden-file",
        severity=WARNING,
        title="Verborgen bestand",
        explanation="een `.yaml`-bestand waarvan de naam met een punt begint, wordt overgeslagen",
        fix="haal de punt weg of verwijder het",
    ),
    Code(
        code="unreadable-file",
        severity=ERROR,
        title="Bestand niet te lezen",
        explanation="het bestand kan niet gelezen worden (een kapotte snelkoppeling, geen leesrechten)",
        fix="zet het bestand zelf in de map, of herstel de rechten",
    ),
    Code(
        code="bad-filename",
        severity=ERROR,
        title="Verkeerde bestandsnaam",
        explanation="de bestandsnaam is niet toegestaan, of eindigt op `.yml` of `.YAML`",
        fix="kleine letters, cijfers, streepjes en `.yaml`",
    ),
    Code(
        code="not-yaml",
        severity=WARNING,
        title="Geen YAML-bestand",
        explanation="een ander soort bestand, of een map, in `orgs/` of `wijken/`; het wordt niet gelezen",
        fix="verplaats het; zet bestanden direct in de map",
    ),
    Code(
        code="missing-folder",
        severity=WARNING,
        title="Map ontbreekt",
        explanation="de map `orgs/` of `wijken/` ontbreekt",
        fix="maak de map aan",
    ),
    # Keys and values.
    Code(
        code="unknown-key",
        severity=ERROR,
        title="Onbekende sleutel",
        explanation="deze sleutel hoort hier niet; vaak is het een tikfout",
        fix='kijk bij "Bedoelde je …?"',
    ),
    Code(
        code="missing-field",
        severity=ERROR,
        title="Verplichte sleutel ontbreekt",
        explanation="een sleutel die altijd moet bestaan, staat er niet",
        fix="voeg hem toe; de melding zegt wat erin hoort",
    ),
    Code(
        code="wrong-type",
        severity=ERROR,
        title="Verkeerde soort waarde",
        explanation="er staat bv. een lijst waar tekst hoort, of tekst waar een getal hoort",
        fix="volg de uitleg in de melding",
    ),
    Code(
        code="bad-choice",
        severity=ERROR,
        title="Geen toegestane keuze",
        explanation="hier mag je alleen kiezen uit een vaste lijst met waarden",
        fix="kies uit de genoemde waarden",
    ),
    Code(
        code="empty-list",
        severity=ERROR,
        title="Lege lijst",
        explanation="er staat een lijst zonder iets erin",
        fix="vul er minstens één in",
    ),
    Code(
        code="empty-text",
        severity=ERROR,
        title="Lege tekst",
        explanation="na de dubbele punt staat een tekst zonder inhoud",
        fix="vul iets in of laat de sleutel weg",
    ),
    Code(
        code="placeholder-text",
        severity=ERROR,
        title="Tekst uit het sjabloon",
        explanation='bij `description` staat nog "Vul hier in …" uit het sjabloon',
        fix="schrijf wat de organisatie doet",
    ),
    Code(
        code="out-of-range",
        severity=ERROR,
        title="Getal te groot of te klein",
        explanation="het getal ligt buiten de grens die de melding noemt",
        fix="gebruik een waarde binnen de grens",
    ),
    Code(
        code="bad-value",
        severity=ERROR,
        title="Verkeerde vorm",
        explanation="de waarde is niet goed geschreven (bv. een CBS-wijkcode)",
        fix="controleer de schrijfwijze",
    ),
    Code(
        code="html-in-text",
        severity=ERROR,
        title="HTML in tekst",
        explanation="er staat HTML (`<…>`) in een tekst",
        fix="haal `<` en `>` en alles ertussen weg",
    ),
    Code(
        code="bad-link",
        severity=ERROR,
        title="Verkeerde link",
        explanation="een link begint niet met `https://`, `mailto:` of `tel:`",
        fix="gebruik een gewone weblink",
    ),
    Code(
        code="bad-id",
        severity=ERROR,
        title="Verkeerde id",
        explanation="een id of code mag alleen kleine letters, cijfers en streepjes hebben",
        fix="kleine letters, cijfers en streepjes",
    ),
    Code(
        code="bad-pc4",
        severity=ERROR,
        title="Verkeerd postcodegebied",
        explanation="geen postcodegebied van vier cijfers",
        fix="schrijf bijvoorbeeld `2525`",
    ),
    Code(
        code="bad-postcode",
        severity=ERROR,
        title="Verkeerde postcode",
        explanation="geen geldige postcode",
        fix="schrijf bijvoorbeeld `2525 AB`",
    ),
    Code(
        code="unknown-pc4",
        severity=ERROR,
        title="Onbekend postcodegebied",
        explanation="deze vier cijfers zijn geen postcodegebied in Nederland",
        fix="controleer de cijfers",
    ),
    Code(
        code="duplicate-pc4",
        severity=ERROR,
        title="Dubbel postcodegebied",
        explanation="een postcodegebied staat twee keer bij de wijk",
        fix="noem het één keer",
    ),
    Code(
        code="bad-url",
        severity=ERROR,
        title="Verkeerd webadres",
        explanation="het webadres is niet goed geschreven",
        fix="begin met `https://`, bv. `https://www.buurthuis.nl`",
    ),
    Code(
        code="bad-email",
        severity=ERROR,
        title="Verkeerd e-mailadres",
        explanation="het e-mailadres is niet goed geschreven",
        fix="schrijf `naam@organisatie.nl`",
    ),
    Code(
        code="bad-phone",
        severity=ERROR,
        title="Verkeerd telefoonnummer",
        explanation="geen geldig Nederlands telefoonnummer",
        fix='schrijf het tussen aanhalingstekens: `"070 123 4567"`',
    ),
    Code(
        code="bad-language",
        severity=ERROR,
        title="Onbekende taal",
        explanation="geen bekende taalcode",
        fix="gebruik twee letters: `nl`, `en`, `ar`, `tr`",
    ),
    Code(
        code="bad-date",
        severity=ERROR,
        title="Verkeerde datum",
        explanation="geen bestaande datum",
        fix="schrijf `JJJJ-MM-DD`, bijvoorbeeld `2026-03-01`",
    ),
    # Opening times.
    Code(
        code="bad-schedule",
        severity=ERROR,
        title="Tijden kloppen niet",
        explanation="de tijden kloppen niet (bijvoorbeeld Nederlandse dagnamen of 25:00)",
        fix='zie "Tijden invullen" hierboven',
    ),
    Code(
        code="unsupported-schedule",
        severity=ERROR,
        title="Tijden te ingewikkeld",
        explanation="de tijden zijn geldig, maar te ingewikkeld om in gewone taal te tonen",
        fix="gebruik dagen, tijden, `[1,3]`, `week 01-53/2` en `PH off`",
    ),
    Code(
        code="schedule-end-before-start",
        severity=ERROR,
        title="Eindtijd vóór begintijd",
        explanation="de eindtijd ligt niet na de begintijd",
        fix="schrijf eerst de begintijd",
    ),
    Code(
        code="schedule-week-and-nth",
        severity=ERROR,
        title="Weeknummers en [1] samen",
        explanation="weeknummers en `[1]` gelden samen voor dezelfde dag",
        fix="kies één van beide: `week 01-53/2 Tu` of `Tu[1,3]`",
    ),
    Code(
        code="schedule-override-inexact",
        severity=ERROR,
        title="Latere regel niet precies",
        explanation="een latere regel laat dagen over die een agenda niet kan volgen",
        fix="noem de dagen die doorgaan zelf, bv. `Tu[1,3]`",
    ),
    Code(
        code="schedule-holidays-not-last",
        severity=ERROR,
        title="PH off niet aan het eind",
        explanation="`PH off` staat niet aan het eind",
        fix="zet `PH off` als laatste regel",
    ),
    Code(
        code="schedule-week-step",
        severity=ERROR,
        title="Weekstap te groot",
        explanation="de weekstap is groter dan het aantal weken",
        fix="noem de weken zelf, bv. `week 51`",
    ),
    Code(
        code="schedule-times-overlap",
        severity=ERROR,
        title="Tijden overlappen",
        explanation="twee tijden op dezelfde dag lopen in elkaar over of sluiten op elkaar aan",
        fix="schrijf ze als één tijd, bv. `10:00-14:00`",
    ),
    Code(
        code="schedule-never-open",
        severity=ERROR,
        title="Nooit open",
        explanation="volgens de tijden is het nooit open",
        fix="schrijf de tijden waarop het open is, of laat `schedule` weg",
    ),
    # Rules within one record.
    Code(
        code="checked-in-future",
        severity=ERROR,
        title="Controle in de toekomst",
        explanation="de datum bij `checked` ligt in de toekomst",
        fix="vul de echte datum van de controle in",
    ),
    Code(
        code="dates-reversed",
        severity=ERROR,
        title="Datums omgedraaid",
        explanation="`valid_to` ligt vóór `valid_from`",
        fix="draai de datums om",
    ),
    Code(
        code="closure-without-note",
        severity=ERROR,
        title="Sluiting zonder bericht",
        explanation="bij een tijdelijke sluiting staat geen bericht voor de bezoekers",
        fix="vul `status_note` in",
    ),
    Code(
        code="closure-without-status",
        severity=ERROR,
        title="Sluiting zonder status",
        explanation=(
            "er staat een `status_note` of `closed_until`, maar niet `status: temporarily_closed` "
            "(de site toont het als open)"
        ),
        fix="zet de status op `temporarily_closed`, of haal de sluiting weg",
    ),
    Code(
        code="fee-without-description",
        severity=ERROR,
        title="Kosten zonder uitleg",
        explanation="niet gratis, maar er staat niet wat het kost",
        fix="vul `fees_description` in",
    ),
    Code(
        code="fee-on-free",
        severity=ERROR,
        title="Kosten bij gratis",
        explanation="er staat wat het kost, maar niet `free: false`",
        fix="zet `free: false`, of haal `fees_description` weg",
    ),
    Code(
        code="ages-reversed",
        severity=ERROR,
        title="Leeftijden omgedraaid",
        explanation="de minimale leeftijd is hoger dan de maximale",
        fix="verwissel ze",
    ),
    Code(
        code="duplicate-theme",
        severity=ERROR,
        title="Dubbel thema",
        explanation="twee thema's in `themes.yaml` hebben dezelfde id",
        fix="geef elk een eigen id",
    ),
    Code(
        code="empty-service-area",
        severity=ERROR,
        title="Leeg werkgebied",
        explanation="er staat niet voor wie of waar het aanbod is",
        fix="vul `wijken`, `pc4`, `gemeente`, `gemeenten` of `regio: true` in",
    ),
    Code(
        code="contact-unreachable",
        severity=ERROR,
        title="Contact zonder gegevens",
        explanation="een contact zonder telefoon, e-mail of website",
        fix="vul er minstens één in",
    ),
    Code(
        code="partner-unnamed",
        severity=ERROR,
        title="Partner zonder naam",
        explanation="een partner zonder `org` en zonder `name`",
        fix="vul één van beide in",
    ),
    # Between files, and the places on the map.
    Code(
        code="partner-self",
        severity=ERROR,
        title="Eigen partner",
        explanation="de organisatie staat als haar eigen partner",
        fix="haal die partner weg",
    ),
    Code(
        code="unknown-theme",
        severity=ERROR,
        title="Onbekend thema",
        explanation="dit thema staat niet in `themes.yaml`",
        fix="kies een thema uit `themes.yaml`",
    ),
    Code(
        code="unknown-gemeente",
        severity=ERROR,
        title="Onbekende gemeente",
        explanation="deze gemeente kent het CBS niet (in een werkgebied, bij een wijk of in de instellingen)",
        fix="schrijf de naam zoals het CBS, bv. `Uitgeest`; de melding noemt de naam die erop lijkt",
    ),
    Code(
        code="gemeente-without-place",
        severity=WARNING,
        title="Gemeente niet duidelijk",
        explanation="`gemeente: true` zonder adres op een kaart met meer gemeenten",
        fix="schrijf de naam (`gemeente: Velsen`), of `regio: true`",
    ),
    Code(
        code="area-outside-site",
        severity=WARNING,
        title="Werkgebied buiten de kaart",
        explanation="het werkgebied ligt buiten elke wijk en gemeente van de kaart; niemand op de kaart vindt het",
        fix="controleer wijken, postcodes en gemeenten (bij `gemeente: true` telt de gemeente van het adres)",
    ),
    Code(
        code="pc4-outside-site",
        severity=WARNING,
        title="Postcodegebied buiten de kaart",
        explanation="één postcodegebied van het werkgebied ligt buiten de kaart",
        fix="controleer de vier cijfers",
    ),
    Code(
        code="location-outside-site",
        severity=WARNING,
        title="Adres buiten de kaart",
        explanation="de postcode van een adres ligt buiten de gemeente(n) van de kaart",
        fix="controleer de postcode",
    ),
    Code(
        code="unknown-wijk",
        severity=ERROR,
        title="Onbekende wijk",
        explanation="er is geen wijk met deze naam in `wijken/`",
        fix="gebruik de bestandsnaam uit `wijken/`, zonder `.yaml`",
    ),
    Code(
        code="unknown-org",
        severity=ERROR,
        title="Onbekende organisatie",
        explanation="er is geen organisatie met deze naam in `orgs/`",
        fix="gebruik de bestandsnaam uit `orgs/`, of `name`",
    ),
    Code(
        code="unknown-location",
        severity=ERROR,
        title="Onbekende locatie",
        explanation="deze locatie bestaat niet bij de organisatie",
        fix="gebruik een `id` uit `locations`",
    ),
    Code(
        code="duplicate-id",
        severity=ERROR,
        title="Dubbele id",
        explanation="twee locaties of spreekuren hebben dezelfde id",
        fix="geef elk een eigen id",
    ),
    Code(
        code="duplicate-name",
        severity=ERROR,
        title="Dubbele naam",
        explanation="twee organisaties in verschillende bestanden hebben dezelfde naam",
        fix="voeg ze samen of maak de namen verschillend",
    ),
    Code(
        code="closure-ended",
        severity=WARNING,
        title="Sluiting voorbij",
        explanation="de datum bij `closed_until` is voorbij, maar het staat nog als gesloten",
        fix="zet `status` terug en haal de sluiting weg",
    ),
    Code(
        code="service-ended",
        severity=WARNING,
        title="Einddatum voorbij",
        explanation="de datum bij `valid_to` is voorbij",
        fix="haal het weg of pas de datum aan",
    ),
    Code(
        code="themes-inherited",
        severity=WARNING,
        title="Geen eigen thema's",
        explanation=(
            "een spreekuur of activiteit zonder eigen `themes` bij een organisatie met meer thema's; "
            "het staat alleen bij het eerste"
        ),
        fix="schrijf bij het aanbod `themes: [...]` met de thema's waar het over gaat",
    ),
    Code(
        code="location-approximate",
        severity=NOTICE,
        title="Plek bij benadering",
        explanation="geen coördinaten; de kaart toont het midden van de postcode",
        fix="vul `coordinates` in als je ze weet",
    ),
    # Geodata.
    Code(
        code="no-pc4-data",
        severity=WARNING,
        title="Lijst met postcodes ontbreekt",
        explanation=(
            "in de map van `geodata_dir` staat geen lijst met postcodegebieden; de meegeleverde lijst wordt gebruikt"
        ),
        fix="vraag de beheerder om `geodata_dir` weg te halen of te verbeteren",
    ),
    Code(
        code="no-geodata",
        severity=WARNING,
        title="Postcodevlakken ontbreken",
        explanation="in de map van `geodata_dir` staan geen postcodevlakken; de meegeleverde worden gebruikt",
        fix="vraag de beheerder om `geodata_dir` weg te halen of te verbeteren",
    ),
    Code(
        code="location-far-from-postcode",
        severity=WARNING,
        title="Plek ver van de postcode",
        explanation="de coördinaten liggen ver buiten de postcode (alleen bij het bouwen: dan zijn de vlakken er)",
        fix="controleer `lat` en `lon`",
    ),
    # Settings (mkdocs.yml), for the site owner.
    Code(
        code="config-syntax",
        severity=ERROR,
        title="Instellingen niet te lezen",
        explanation="`mkdocs.yml` kan niet gelezen worden",
        fix="vraag de beheerder; de melding noemt de regel",
    ),
    Code(
        code="bad-setting",
        severity=ERROR,
        title="Verkeerde instelling",
        explanation="een instelling in `mkdocs.yml` heeft een verkeerde soort of waarde (bv. `stale_months: -3`)",
        fix="vraag de beheerder; de melding zegt wat er mag",
    ),
    Code(
        code="unknown-placeholder",
        severity=ERROR,
        title="Onbekende plaatshouder",
        explanation="een adres in de instellingen noemt een `{…}` die niet bestaat",
        fix="gebruik de genoemde plaatshouders",
    ),
    Code(
        code="unsafe-setting",
        severity=ERROR,
        title="Onveilig adres",
        explanation=(
            "een adres in de instellingen begint niet met `https://` (bv. `javascript:`) "
            "of bevat spaties, aanhalingstekens of `;`"
        ),
        fix="schrijf een gewoon webadres",
    ),
    Code(
        code="unknown-setting",
        severity=WARNING,
        title="Onbekende instelling",
        explanation="deze instelling bestaat niet (vaak een tikfout)",
        fix='kijk bij "Bedoelde je …?"',
    ),
    Code(
        code="theme-not-material",
        severity=ERROR,
        title="Uiterlijk is niet Material",
        explanation="het thema in `mkdocs.yml` is niet Material for MkDocs",
        fix="zet `name: material` onder `theme:`",
    ),
    Code(
        code="docs-dir-missing",
        severity=ERROR,
        title="Map met pagina's ontbreekt",
        explanation="de map met de eigen pagina's van de site (`docs_dir`, anders `docs`) bestaat niet",
        fix="maak de map aan, of zet `docs_dir:` op een map die er wel is",
    ),
    Code(
        code="no-site-url",
        severity=WARNING,
        title="Adres van de site ontbreekt",
        explanation='`site_url` ontbreekt; geen QR-code op de printversie, "Meld een fout" werkt niet',
        fix="vul het adres van de site in",
    ),
    # The build itself.
    Code(
        code="build-step-failed",
        severity=ERROR,
        title="Bouwen mislukt",
        explanation="een stap van het bouwen ging mis (niet door de gegevens); de site toont de laatste goede versie",
        fix="meld het aan de beheerder; de melding zegt wat er misging",
    ),
)

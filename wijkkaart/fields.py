"""Field types shared by the records: each checks one kind of value and explains mistakes in Dutch.

Every check raises ``PydanticCustomError`` whose type is our problem code and whose context holds
the ``hint``; ``validate`` turns those into Problems with file and line.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_HTML = re.compile(r"<\s*[A-Za-z/!?]")
_PC6 = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")


def fail(code: str, message: str, hint: str, **ctx: Any) -> PydanticCustomError:
    """A validation error carrying our own code, a Dutch message and a hint."""
    return PydanticCustomError(code, message, {**ctx, "hint": hint})


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        found = (
            "een lijst" if isinstance(value, list) else "een groep sleutels" if isinstance(value, dict) else repr(value)
        )
        raise fail(
            "wrong-type",
            f"verwacht tekst, maar vond {found}.",
            "Schrijf hier één tekst, zonder lijst of sleutels eronder.",
        )
    text = str(value).strip()
    if not text:
        raise fail("empty-text", "de tekst is leeg.", "Vul een tekst in of laat de sleutel weg.")
    if _HTML.search(text):
        raise fail("html-in-text", "HTML is hier niet toegestaan.", "Haal de tekens '<' en '>' en alles ertussen weg.")
    return text


_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|<((?:[a-z][a-z0-9+.-]*):[^>\s]*)>", re.IGNORECASE)
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def _markdown(value: Any) -> str:
    text = _text(value)
    for found in _LINK.finditer(text):
        target = (found[1] or found[2] or "").strip()
        if not target.lower().startswith(_SAFE_SCHEMES):
            raise fail(
                "bad-link",
                f"de link '{target}' is niet toegestaan.",
                "Gebruik alleen links die beginnen met https://, mailto: of tel:.",
            )
    return text


def _slug(value: Any) -> str:
    text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if not re.match(SLUG, text):
        raise fail(
            "bad-id",
            f"'{value}' is geen geldige id.",
            "Gebruik alleen kleine letters, cijfers en streepjes, bv. 'inloop-vrijdag'.",
        )
    return text


def _pc4(value: Any) -> str:
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"[1-9][0-9]{3}", text):
        raise fail("bad-pc4", f"'{value}' is geen postcodegebied (PC4).", "Schrijf de vier cijfers, bv. 2525.")
    return text


def _postcode(value: Any) -> str:
    found = _PC6.match(value.strip()) if isinstance(value, str) else None
    if not found:
        raise fail(
            "bad-postcode",
            f"'{value}' is geen geldige postcode.",
            "Schrijf vier cijfers en twee letters, bv. '2525 AB'.",
        )
    return f"{found[1]} {found[2].upper()}"


def _url(value: Any) -> str:
    text = _text(value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in text:
        raise fail(
            "bad-url", f"'{text}' is geen geldig webadres.", "Begin met https://, bv. 'https://www.voorbeeld.nl'."
        )
    return text


def _email(value: Any) -> str:
    from email_validator import EmailNotValidError, validate_email

    text = _text(value)
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise fail(
            "bad-email", f"'{text}' is geen geldig e-mailadres.", "Schrijf het als naam@organisatie.nl."
        ) from None


def _phone(value: Any) -> str:
    import phonenumbers

    if isinstance(value, int) and not isinstance(value, bool):
        raise fail(
            "bad-phone",
            f"{value} staat niet tussen aanhalingstekens.",
            "Schrijf het nummer als tekst, bv. '070 123 4567'.",
        )
    text = _text(value)
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise fail(
            "bad-phone",
            f"'{text}' is geen geldig telefoonnummer.",
            "Schrijf een Nederlands nummer, bv. '070 123 4567'.",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _schedule(value: Any) -> str:
    from .schedule import ScheduleError, parse

    text = _text(value)
    try:
        parse(text)
    except ScheduleError as err:
        raise fail(err.code, err.message, err.hint) from None
    return text


def _language(value: Any) -> str:
    from .languages import language_name

    text = value.strip().lower() if isinstance(value, str) else ""
    if not language_name(text):
        raise fail(
            "bad-language", f"'{value}' is geen taalcode.", "Gebruik de code van twee letters, bv. nl, en, ar, tr."
        )
    return text


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise fail("bad-date", f"'{value}' is geen datum.", "Schrijf een datum als JJJJ-MM-DD, bv. 2026-03-01.")


PLACEHOLDER = "Vul hier in wat de organisatie doet."  # ``wijkkaart new org`` writes it; the check refuses it


def _description(value: Any) -> str:
    text = _markdown(value)
    if text.casefold().startswith(PLACEHOLDER.casefold()[:12]):
        raise fail(
            "placeholder-text",
            "hier staat nog de voorbeeldtekst uit het sjabloon.",
            "Schrijf in een paar zinnen wat de organisatie doet.",
        )
    return text


def _gemeente_wide(value: Any) -> bool | str:
    """``true`` (the gemeente where it is held), ``false``, or the name of one gemeente."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip():
        return _text(value)
    raise fail(
        "wrong-type",
        f"verwacht true of de naam van een gemeente, maar vond {value!r}.",
        "Schrijf 'gemeente: true' (de gemeente waar het is) of de naam, bv. 'gemeente: Uitgeest'.",
    )


def _schema(schema: dict[str, Any], description: str) -> WithJsonSchema:
    return WithJsonSchema({**schema, "description": description})


_STRING = {"type": "string", "minLength": 1}
Text = Annotated[str, BeforeValidator(_text), _schema(_STRING, "Gewone tekst, zonder HTML.")]
Markdown = Annotated[
    str,
    BeforeValidator(_markdown),
    _schema(_STRING, "Tekst met eenvoudige Markdown: **vet**, *schuin*, lijstjes en [links](https://…)."),
]
Description = Annotated[
    str,
    BeforeValidator(_description),
    _schema(_STRING, "Tekst met eenvoudige Markdown: **vet**, *schuin*, lijstjes en [links](https://…)."),
]
Slug = Annotated[
    str, BeforeValidator(_slug), _schema({"type": "string", "pattern": SLUG}, "Id: kleine letters, cijfers, streepjes.")
]
PC4 = Annotated[
    str,
    BeforeValidator(_pc4),
    _schema({"type": ["string", "integer"], "pattern": "^[1-9][0-9]{3}$"}, "Postcodegebied: vier cijfers."),
]
Postcode = Annotated[
    str,
    BeforeValidator(_postcode),
    _schema({"type": "string", "pattern": "^[1-9][0-9]{3} ?[A-Za-z]{2}$"}, "Postcode, bv. 2525 AB."),
]
Url = Annotated[
    str,
    BeforeValidator(_url),
    _schema({"type": "string", "pattern": "^https?://"}, "Webadres dat met https:// begint."),
]
Email = Annotated[
    str,
    BeforeValidator(_email),
    _schema({"type": "string", "format": "email"}, "E-mailadres van een team of organisatie."),
]
Phone = Annotated[
    str, BeforeValidator(_phone), _schema({"type": "string"}, "Telefoonnummer als tekst, bv. '070 123 4567'.")
]
ScheduleText = Annotated[
    str,
    BeforeValidator(_schedule),
    _schema({"type": "string"}, "Tijden in OpenStreetMap-notatie, bv. 'Fr 09:00-10:30; PH off'."),
]
Language = Annotated[
    str, BeforeValidator(_language), _schema({"type": "string", "pattern": "^[a-z]{2,3}$"}, "Taalcode, bv. nl, ar, tr.")
]
GemeenteWide = Annotated[
    bool | str,
    BeforeValidator(_gemeente_wide),
    _schema(
        {"anyOf": [{"type": "boolean"}, _STRING]},
        "true: de hele gemeente waar het is; of de naam van de gemeente, bv. Uitgeest.",
    ),
]
Day = Annotated[date, BeforeValidator(_date), _schema({"type": "string", "format": "date"}, "Datum als JJJJ-MM-DD.")]


def described(description: str, **kwargs: Any) -> Any:
    """A pydantic Field with a Dutch description (shown by editors' autocompletion)."""
    return Field(description=description, **kwargs)

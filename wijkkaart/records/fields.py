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

from .load import as_written

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_HTML = re.compile(r"<\s*[A-Za-z/!?]")
_PC6 = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")
CBS_CODE = r"^WK[0-9]{6}$"
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# YAML 1.1's other words for true and false: editors write them and mean them (YAML 1.2 reads them as text).
YES = ("yes", "Yes", "YES", "on", "On", "ON")
NO = ("no", "No", "NO", "off", "Off", "OFF")


def fail(code: str, message: str, hint: str, **ctx: Any) -> PydanticCustomError:
    """A validation error carrying our own code, a Dutch message and a hint."""
    return PydanticCustomError(code, message, {**ctx, "hint": hint})


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        found = (
            "een lijst"
            if isinstance(value, list)
            else "een groep sleutels"
            if isinstance(value, dict)
            else "niets"
            if value is None
            else f"'{str(value).lower()}'"
        )
        raise fail(
            "wrong-type",
            f"verwacht tekst, maar vond {found}.",
            "Schrijf hier één tekst, zonder lijst of sleutels eronder.",
        )
    text = as_written(value).strip()
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
    text = as_written(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if not re.match(SLUG, text):
        raise fail(
            "bad-id",
            f"'{as_written(value)}' is geen geldige id.",
            "Gebruik alleen kleine letters, cijfers en streepjes, bv. 'inloop-vrijdag'.",
        )
    return text


def _pc4(value: Any) -> str:
    text = as_written(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"[1-9][0-9]{3}", text):
        raise fail(
            "bad-pc4", f"'{as_written(value)}' is geen postcodegebied (PC4).", "Schrijf de vier cijfers, bv. 2525."
        )
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

    text = _text(value)  # a number without quotes too, as written: 0701234567 or +31701234567
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
    from ..schedule.parse import ScheduleError, parse

    text = _text(value)
    try:
        parse(text)
    except ScheduleError as err:
        raise fail(err.code, err.message, err.hint) from None
    return text


def _language(value: Any) -> str:
    from .languages import language_codes

    text = value if isinstance(value, str) else ""
    if text not in language_codes():
        raise fail(
            "bad-language",
            f"'{as_written(value)}' is geen taalcode.",
            "Gebruik de code van twee letters, bv. nl, en, ar, tr.",
        )
    return text.lower()


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise fail(
                "bad-date", f"'{text}' is geen bestaande datum.", "Schrijf een datum als JJJJ-MM-DD, bv. 2026-03-01."
            ) from None
    shown = "niets" if value is None else f"'{as_written(value)}'"
    raise fail("bad-date", f"{shown} is geen datum.", "Schrijf een datum als JJJJ-MM-DD, bv. 2026-03-01.")


def _cbs_code(value: Any) -> str:
    text = _text(value)
    if not re.fullmatch(CBS_CODE, text):
        raise fail("bad-value", f"'{text}' is geen CBS-wijkcode.", "Schrijf WK en zes cijfers, bv. WK051828.")
    return text


def _yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in YES + NO:
        return value in YES
    shown = "niets" if value is None else describe(value)
    raise fail("wrong-type", f"verwacht true of false, maar vond {shown}.", "Schrijf true (ja) of false (nee).")


def describe(value: Any) -> str:
    """A value as an editor recognises it: ``'2.50'``, ``een lijst``."""
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep sleutels"
    return f"'{as_written(value)}'"


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
    if isinstance(value, str) and value in YES + NO:
        return value in YES
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
_TEXT = {"anyOf": [_STRING, {"type": "number"}]}  # a number is text as written: '2.50', '0x1F'
_YES_NO = {"anyOf": [{"type": "boolean"}, {"enum": [*YES, *NO]}]}
Text = Annotated[str, BeforeValidator(_text), _schema(_TEXT, "Gewone tekst, zonder HTML.")]
CbsCode = Annotated[
    str, BeforeValidator(_cbs_code), _schema({"type": "string", "pattern": CBS_CODE}, "CBS-wijkcode, bv. WK051828.")
]
YesNo = Annotated[bool, BeforeValidator(_yes_no), _schema(_YES_NO, "true (ja) of false (nee).")]
Markdown = Annotated[
    str,
    BeforeValidator(_markdown),
    _schema(_TEXT, "Tekst met eenvoudige Markdown: **vet**, *schuin*, lijstjes en [links](https://…)."),
]
Description = Annotated[
    str,
    BeforeValidator(_description),
    _schema(_TEXT, "Tekst met eenvoudige Markdown: **vet**, *schuin*, lijstjes en [links](https://…)."),
]
Slug = Annotated[
    str,
    BeforeValidator(_slug),
    _schema(
        {"anyOf": [{"type": "string", "pattern": SLUG}, {"type": "integer", "minimum": 0}]},
        "Id: kleine letters, cijfers, streepjes.",
    ),
]
PC4 = Annotated[
    str,
    BeforeValidator(_pc4),
    _schema(
        {
            "anyOf": [
                {"type": "string", "pattern": "^[1-9][0-9]{3}$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        },
        "Postcodegebied: vier cijfers.",
    ),
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
    str,
    BeforeValidator(_phone),
    _schema({"type": ["string", "integer"]}, "Telefoonnummer, bv. '070 123 4567'."),
]
ScheduleText = Annotated[
    str,
    BeforeValidator(_schedule),
    _schema({"type": "string"}, "Tijden in OpenStreetMap-notatie, bv. 'Fr 09:00-10:30; PH off'."),
]
LANGUAGE_SCHEMA = {"description": "Taalcode, bv. nl, ar, tr.", "x-wijkkaart": "taalcodes"}  # schema.py lists them
Language = Annotated[str, BeforeValidator(_language), WithJsonSchema(LANGUAGE_SCHEMA)]
GemeenteWide = Annotated[
    bool | str,
    BeforeValidator(_gemeente_wide),
    _schema(
        {"anyOf": [{"type": "boolean"}, _STRING]},
        "true: de hele gemeente waar het is; of de naam van de gemeente, bv. Uitgeest.",
    ),
]
Day = Annotated[date, BeforeValidator(_date), _schema({"type": "string", "format": "date"}, "Datum als JJJJ-MM-DD.")]


def _whole(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    hint = "Schrijf het getal zonder aanhalingstekens." if isinstance(value, str) else "Schrijf alleen cijfers."
    raise fail("wrong-type", f"verwacht een heel getal, maar vond {describe(value)}.", hint)


def _real(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    hint = (
        "Schrijf het getal zonder aanhalingstekens." if isinstance(value, str) else "Schrijf alleen cijfers, bv. 52.07."
    )
    raise fail("wrong-type", f"verwacht een getal, maar vond {describe(value)}.", hint)


Whole = Annotated[int, BeforeValidator(_whole)]
Real = Annotated[float, BeforeValidator(_real)]
Age = Annotated[int, Field(ge=0, le=120), BeforeValidator(_whole)]  # bounds first: then the schema has them too


def described(description: str, **kwargs: Any) -> Any:
    """A pydantic Field with a Dutch description (shown by editors' autocompletion)."""
    return Field(description=description, **kwargs)

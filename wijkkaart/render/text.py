"""Text for pages: limited Markdown rendered and sanitised, Dutch dates, language names."""

from __future__ import annotations

import html
import re
from datetime import date

import markdown as md
import nh3

from ..records.languages import language_name

_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
_ATTRIBUTES = {"a": {"href"}}
_SCHEMES = {"http", "https", "mailto", "tel"}
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


_MARKDOWN = md.Markdown(extensions=[], output_format="html")  # one converter, reset for each text


def render_markdown(text: str) -> str:
    """Limited Markdown → safe HTML: no raw HTML, no images, only http(s), mailto and tel links."""
    html = _MARKDOWN.reset().convert(text)
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def dutch_date(day: date) -> str:
    """2026-03-01 → ``1 maart 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def languages(codes: list[str]) -> str:
    return ", ".join((language_name(c) or c) for c in codes)


def dutch_list(names: list[str]) -> str:
    """``[Heemskerk, Uitgeest, Beverwijk]`` → ``Heemskerk, Uitgeest en Beverwijk``."""
    return " en ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def national_phone(e164: str) -> str:
    """+31701234567 → ``070 123 4567``; a number from abroad keeps its country code (+49 30 123456), as it
    must be dialled from here."""
    import phonenumbers

    number = phonenumbers.parse(e164, "NL")
    dutch = number.country_code == 31
    style = phonenumbers.PhoneNumberFormat.NATIONAL if dutch else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return str(phonenumbers.format_number(number, style))


def meta_text(text: str) -> str:
    """A page title or description for the theme, which prints them without escaping (and unescapes
    ``<title>`` through ``striptags``): angle brackets become lookalikes, the rest is HTML-escaped once."""
    return html.escape(text.replace("<", "‹").replace(">", "›"), quote=True)


_EXAMPLE_LABEL = re.compile(r"\s*\(voorbeeld\)\s*$", re.IGNORECASE)


def without_example_label(name: str, example: bool) -> str:
    """A name shown beside the "voorbeeld" label, without a "(voorbeeld)" of its own: the label says it once."""
    return _EXAMPLE_LABEL.sub("", name) if example else name

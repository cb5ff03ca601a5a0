"""Text for pages: Markdown made safe, Dutch dates and lists, phone numbers as they are dialled from here,
and titles the theme can print unescaped."""

from __future__ import annotations

from datetime import date

import pytest

from wijkkaart.render.text import dutch_date, dutch_list, languages, meta_text, national_phone, render_markdown


def test_markdown_keeps_only_safe_tags_and_links() -> None:
    html = render_markdown("**vet** en [site](https://x.nl) <script>alert(1)</script> [x](javascript:alert(1))")
    assert html == (
        '<p><strong>vet</strong> en <a href="https://x.nl" rel="noopener noreferrer">site</a>  '
        '<a rel="noopener noreferrer">x</a></p>'
    )
    assert (
        render_markdown("![foto](https://x.nl/a.png)\n\n- een\n- twee")
        == "<p></p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"
    )


def test_dutch_dates_lists_and_languages() -> None:
    assert [dutch_date(date(2026, 3, 1)), dutch_date(date(2026, 11, 24))] == ["1 maart 2026", "24 november 2026"]
    assert [dutch_list([]), dutch_list(["Heemskerk"]), dutch_list(["Heemskerk", "Uitgeest", "Beverwijk"])] == [
        "",
        "Heemskerk",
        "Heemskerk, Uitgeest en Beverwijk",
    ]
    assert languages(["nl", "ar", "tr"]) == "Nederlands, Arabisch, Turks"


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+31701234567", "070 123 4567"),
        ("+31612345678", "06 12345678"),
        ("+318001234", "0800 1234"),
        ("+3225551212", "+32 2 555 12 12"),  # from abroad: with its country code, or it would dial a Dutch number
        ("+4930123456", "+49 30 123456"),
    ],
)
def test_phone_numbers_as_dialled_from_here(e164: str, shown: str) -> None:
    assert national_phone(e164) == shown


def test_titles_cannot_open_a_tag() -> None:
    assert meta_text('Geld & Zo <script>"x"</script>') == "Geld &amp; Zo ‹script›&quot;x&quot;‹/script›"

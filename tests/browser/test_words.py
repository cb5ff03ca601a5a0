"""Words and reach on a phone (390×844): no English or jargon on the site, tap targets of at least 24×24 px,
no sideways scrolling at 200 % text size, and the map frame is one stop for the keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/wijken/",
    "/wijken/moerwijk/",
    "/wijken/moerwijk/print/",
    "/themas/",
    "/themas/geld-en-schulden/",
    "/organisaties/schuldhulpmaatje-den-haag/",
    "/over/",
    "/bijdragen/",
    "/lijstje/",
    "/offline/",
    "/te-controleren/",
    "/404.html",
]
# What a reader could meet in English or jargon, in the text or in what a screen reader names.
FOREIGN = re.compile(r"Made with|Material for MkDocs|Not found|Zoom (in|out)|\biCal\b|PC4 20\d\d|\bYAML\b|pull request")
ENGLISH_LANDMARKS = {"Header", "Tabs", "Footer", "Navigation", "Search"}


def test_no_english_or_jargon_on_any_page(phone: Page, site_url: str) -> None:
    for path in PAGES:
        phone.goto(site_url + path)
        text = phone.locator("body").inner_text()
        assert not FOREIGN.search(text), (path, FOREIGN.search(text))
        labels = set(phone.eval_on_selector_all("[aria-label]", "els => els.map(e => e.getAttribute('aria-label'))"))
        assert not labels & ENGLISH_LANDMARKS, (path, labels & ENGLISH_LANDMARKS)
    phone.goto(site_url + "/404.html")
    expect(phone.get_by_role("heading", name="Deze pagina bestaat niet", level=1)).to_be_visible()
    # A 404 page is shown at any address: its way home is the site's own address (site_url).
    assert phone.get_by_role("link", name="startpagina").get_attribute("href") == "http://127.0.0.1:8000/"


def test_the_bijdragen_page_speaks_to_readers_who_do_not_program(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/bijdragen/")
    for heading in ("Een fout melden", "Iets nieuws doorgeven", "Zelf gegevens aanpassen (voor de redactie)"):
        expect(phone.get_by_role("heading", name=heading, level=2)).to_be_visible()
    text = phone.locator("article").inner_text()
    assert "wijkkaart check" not in text and "orgs/" not in text


def test_the_map_has_dutch_buttons_and_is_one_stop_for_the_keyboard(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/wijken/schilderswijk/")
    phone.locator("iframe.wk-map__frame").scroll_into_view_if_needed()
    frame = phone.frame_locator("iframe.wk-map__frame")
    expect(frame.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(frame.get_by_role("button", name="Inzoomen")).to_be_visible()
    expect(frame.get_by_role("button", name="Uitzoomen")).to_be_visible()
    stops = frame.locator("body").evaluate(
        """body => [...body.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
            .filter(e => e.tabIndex >= 0 && !e.disabled).map(e => e.className)"""
    )
    assert len(stops) == 1 and "leaflet-container" in stops[0], stops


def _small_targets(phone: Page, selector: str) -> list[tuple[str, int, int]]:
    return [
        (text, width, height)
        for text, width, height in phone.eval_on_selector_all(
            selector,
            """els => els.filter(e => e.offsetParent !== null).map(e => {
                const r = e.getBoundingClientRect();
                return [e.textContent.trim(), Math.round(r.width), Math.round(r.height)];
            })""",
        )
        if width < 24 or height < 24
    ]


def test_tap_targets_on_cards_are_at_least_24_px(phone: Page, site_url: str) -> None:
    # Links inside a sentence ("Door <organisatie>", the wijken in "Voor wie") are exempt (WCAG 2.5.8).
    targets = ".wk-actions a, .wk-actions button, .wk-address a, .wk-contact a, .wk-tiles a, .md-header a"
    for path in ("/wijken/moerwijk/", "/organisaties/wijkz/", "/themas/geld-en-schulden/"):
        phone.goto(site_url + path)
        assert _small_targets(phone, targets) == [], path
    phone.goto(site_url + "/")
    phone.fill("#wk-postcode", "2533 AB")
    phone.locator("form[data-wk-postcode] button[type=submit]").click()
    expect(phone.locator("[data-wk-results] article").first).to_be_visible()
    assert phone.locator("[data-wk-results]").get_by_role("link", name=re.compile("^Route plannen")).count() > 0
    assert _small_targets(phone, f"[data-wk-results] :is({targets})") == []


def test_no_sideways_scrolling_at_200_percent_text(phone: Page, site_url: str) -> None:
    """Twice the reader's text size (the theme sets the root at 125 % of it): nothing is wider than the phone."""
    for path in PAGES:
        phone.goto(site_url + path)
        phone.evaluate("document.documentElement.style.fontSize = '250%'")
        wide = phone.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, (path, wide)

"""At the kitchen table (issue 18): from a postcode to the number to call, themes that are the entry's own,
results that stay in the address and come back after Back."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AMSTERDAM = "+01:00"


def _lookup(phone: Page, postcode: str) -> None:
    phone.fill("#wk-postcode", postcode)
    phone.locator("form[data-wk-postcode] button[type=submit]").click()


def test_2533_ab_from_postcode_to_a_tap_to_call_link(phone: Page, site_url: str) -> None:
    phone.clock.set_fixed_time(f"2026-11-24T10:00:00{AMSTERDAM}")
    phone.goto(site_url + "/")
    _lookup(phone, "2533 AB")
    expect(phone.locator("[data-wk-message]")).to_contain_text("Postcode 2533 hoort bij Moerwijk.")
    card = phone.locator("[data-wk-results] article.wk-service", has_text="Maatje aanvragen – wijkteam Moerwijk")
    expect(card).to_be_visible()
    call = card.get_by_role("link", name="Bel 070 000 0106")
    expect(call).to_be_visible()
    assert call.get_attribute("href") == "tel:+31700000106"
    mail = card.get_by_role("link", name="Mail moerwijk@schuldhulpmaatje.example")
    assert mail.get_attribute("href") == "mailto:moerwijk@schuldhulpmaatje.example"
    expect(card.locator(".wk-badge--example")).to_have_text(["voorbeeld"])  # an example number, and said so
    text = " ".join(card.inner_text().split())
    order = [
        "Maatje aanvragen",
        "SchuldHulpMaatje Den Haag",
        "Wanneer",
        "maak een afspraak met Wijkteam Moerwijk",
        "Warme overdracht",
        "Bel 070 000 0106",
        "Hoe",
        "Kosten",
        "Talen",
        "Meld een fout",
    ]
    places = [text.find(part) for part in order]
    assert -1 not in places and places == sorted(places), text
    box = call.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390  # on the screen, not beside it


def test_a_price_is_shown_as_the_amount(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/wijken/bouwlust-vrederust/")
    card = phone.locator("article.wk-service", has_text="Kaarttafel (klaverjassen)").first
    expect(card).to_contain_text("€ 1 per middag, inclusief koffie")


def test_a_theme_page_holds_only_entries_about_it(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/themas/geld-en-schulden/")
    cards = phone.locator("article.wk-service")
    expect(cards).to_have_count(5)
    for entry in cards.evaluate_all("(cards) => cards.map((c) => c.dataset.wkEntry)"):
        assert "geld-en-schulden" in json.loads(entry)["themes"]
    expect(phone.get_by_role("heading", name="Buurttuin")).to_have_count(0)
    expect(phone.get_by_role("heading", name="Kaarttafel (klaverjassen)")).to_have_count(0)
    expect(phone.get_by_role("heading", name="Koffieochtend voor vrouwen")).to_have_count(0)
    expect(phone.get_by_role("heading", name="Maatje aanvragen – wijkteam Moerwijk")).to_be_visible()


def test_a_search_for_schulden_does_not_return_the_buurttuin(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "schulden")
    results = phone.locator("[data-wk-search-results]")
    expect(results.get_by_role("link", name="Maatje aanvragen – wijkteam Moerwijk")).to_be_visible()
    expect(results.get_by_role("link", name="Inloopspreekuur Geldzaken")).to_be_visible()
    expect(results.locator(".wk-service__name", has_text="Buurttuin")).to_have_count(0)
    expect(results.locator(".wk-service__name", has_text="Kaarttafel")).to_have_count(0)
    expect(results.locator(".wk-service__name", has_text="Koffie")).to_have_count(0)

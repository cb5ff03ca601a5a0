"""At the kitchen table (issue 18): from a postcode to the number to call, themes that are the entry's own,
results that stay in the address and come back after Back."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import NOW, lookup

pytestmark = pytest.mark.browser


def test_2533_ab_from_postcode_to_a_tap_to_call_link(phone: Page, site_url: str) -> None:
    phone.clock.set_fixed_time(NOW)
    phone.goto(site_url + "/")
    lookup(phone, "2533 AB")
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


def test_back_restores_the_results_where_they_were(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    lookup(phone, "2533 AB")
    expect(phone.locator("[data-wk-message]")).to_contain_text("Postcode 2533 hoort bij Moerwijk.")
    assert phone.url == site_url + "/?postcode=2533AB"
    card = phone.locator("[data-wk-results] article.wk-service", has_text="Kaarttafel (klaverjassen)")
    card.scroll_into_view_if_needed()
    phone.mouse.wheel(0, -200)  # its name clear of the theme's fixed header, so the tap needs no scrolling
    phone.wait_for_timeout(400)  # the place is kept a moment after scrolling stops
    where = phone.evaluate("window.scrollY")
    assert where > 0
    card.get_by_role("link", name="Kaarttafel (klaverjassen)").click()  # "meer informatie": its own page
    phone.wait_for_url(site_url + "/organisaties/wijkz/#kaarttafel")
    phone.go_back()
    expect(phone.locator("[data-wk-message]")).to_contain_text("Postcode 2533 hoort bij Moerwijk.")
    expect(phone.locator("#wk-postcode")).to_have_value(re.compile(r"^2533 ?AB$"))
    expect(card).to_be_visible()
    for _ in range(50):  # the page's scripts allow no eval, so no wait_for_function: ask until it is there
        if abs(phone.evaluate("window.scrollY") - where) < 5:
            break
        phone.wait_for_timeout(100)
    assert abs(phone.evaluate("window.scrollY") - where) < 5


def test_a_result_list_with_filters_can_be_reloaded_bookmarked_and_shared(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/?postcode=2533AB&zonder_afspraak=1")
    results = phone.locator("[data-wk-results]")
    expect(results.get_by_role("heading", name="Kaarttafel (klaverjassen)")).to_be_visible()
    expect(results.get_by_role("heading", name="Maatje aanvragen – wijkteam Moerwijk")).to_be_hidden()
    expect(
        phone.locator("[data-wk-results] ~ form, form[data-wk-filters]").first.get_by_label("zonder afspraak")
    ).to_be_checked()
    filters = phone.locator("section.wk-finder form[data-wk-filters]")
    filters.get_by_label("zonder afspraak").uncheck()
    expect(results.get_by_role("heading", name="Maatje aanvragen – wijkteam Moerwijk")).to_be_visible()
    assert phone.url == site_url + "/?postcode=2533AB"
    filters.get_by_label("gratis").check()
    assert phone.url == site_url + "/?postcode=2533AB&gratis=1"
    phone.reload()
    expect(results.get_by_role("heading", name="Maatje aanvragen – wijkteam Moerwijk")).to_be_visible()
    expect(results.get_by_role("heading", name="Kaarttafel (klaverjassen)")).to_be_hidden()


def test_search_words_live_in_the_address(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "klaverjassen")
    phone.press("#wk-q", "Enter")
    results = phone.locator("[data-wk-search-results]")
    expect(results.get_by_role("link", name="Kaarttafel (klaverjassen)")).to_be_visible()
    assert phone.url == site_url + "/?q=klaverjassen"
    phone.goto(site_url + "/?q=arabisch")
    expect(results.locator(".wk-service__name")).to_have_text(
        ["Koffieochtend voor vrouwen", "Duo-coaching met het CJG"]
    )
    phone.go_back()
    expect(results.get_by_role("link", name="Kaarttafel (klaverjassen)")).to_be_visible()
    expect(phone.locator("#wk-q")).to_have_value("klaverjassen")


def test_after_zoek_the_answer_comes_into_view_and_is_announced(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/wijken/moerwijk/")  # the finder is far down this page
    lookup(phone, "2525 AB")
    message = phone.locator("section.wk-finder [data-wk-message]")
    expect(message).to_contain_text("Postcode 2525 hoort bij Schilderswijk.")
    assert message.get_attribute("role") == "status"
    expect(message).to_be_in_viewport()
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "schulden")
    phone.locator("form[data-wk-search] button[type=submit]").click()
    line = phone.locator("[data-wk-search-results] p[role=status]")
    expect(line).to_contain_text("voor “schulden”")
    expect(line).to_be_in_viewport()


def test_group_counts_follow_the_filters_and_an_empty_result_says_what_to_widen(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    lookup(phone, "2533 AB")
    results = phone.locator("[data-wk-results]")
    expect(results.get_by_role("heading", name="Geld & schulden (2)")).to_be_visible()
    filters = phone.locator("section.wk-finder form[data-wk-filters]")
    filters.get_by_label("zonder afspraak").check()
    expect(results.get_by_role("heading", name="Geld & schulden (1)")).to_be_visible()
    filters.locator("select[name=taal]").select_option("ar")
    expect(filters.locator("[data-wk-count]")).to_have_text(
        "Niets te zien met deze filters. Probeer: kies „alle talen” (3 te zien)."
    )
    phone.goto(site_url + "/wijken/schilderswijk/?zonder_afspraak=1")
    chips = phone.get_by_role("navigation", name="Thema's in deze wijk")
    expect(chips.get_by_role("link")).to_have_text(["Ontmoeting & vrije tijd (1)"])


def test_an_entry_not_for_the_postcode_in_use_says_so_and_points_to_one_that_is(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/?postcode=2533AB")
    expect(phone.locator("[data-wk-message]")).to_contain_text("Postcode 2533 hoort bij Moerwijk.")
    phone.goto(site_url + "/organisaties/schuldhulpmaatje-den-haag/")
    other = phone.locator("#wijkteam-centrum-schilderswijk [data-wk-elsewhere]")
    expect(other).to_contain_text(
        "Niet voor postcode 2533. Wel voor deze postcode: Maatje aanvragen – wijkteam Moerwijk."
    )
    assert other.get_by_role("link").get_attribute("href") == (
        site_url + "/organisaties/schuldhulpmaatje-den-haag/#wijkteam-moerwijk"
    )
    expect(phone.locator("#wijkteam-moerwijk [data-wk-elsewhere]")).to_have_count(0)


def test_organisations_a_to_z(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    phone.get_by_role("link", name="Alle organisaties van A tot Z").click()
    expect(phone.get_by_role("heading", name="Organisaties van A tot Z", level=1)).to_be_visible()
    names = phone.locator(".wk-list li > a")
    expect(names).to_have_text(["Helpdesk Geldzaken", "Schilderswijk Moeders", "SchuldHulpMaatje Den Haag", "Wijkz"])
    phone.get_by_role("link", name="Wijkz").click()
    expect(phone.get_by_role("heading", name="Wijkz", level=1)).to_be_visible()


def test_search_filters_live_in_the_address_too(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/?q=koffie&filter-taal=Arabisch")
    results = phone.locator("[data-wk-search-results]")
    expect(results.get_by_role("link", name="Koffieochtend voor vrouwen")).to_be_visible()
    expect(results.get_by_role("link", name="Koffie-inloop")).to_have_count(0)
    expect(phone.locator("select[data-wk-filter=taal]")).to_have_value("Arabisch")
    phone.locator("select[data-wk-filter=taal]").select_option("")
    expect(results.get_by_role("link", name="Koffie-inloop")).to_be_visible()
    assert phone.url == site_url + "/?q=koffie"

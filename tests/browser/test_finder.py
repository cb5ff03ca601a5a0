"""The finder on a phone: postcode lookup, word search, "nu open" / "volgende keer", filters and sharing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import AMSTERDAM, NOW, lookup

pytestmark = pytest.mark.browser


def test_postcode_2525_shows_schilderswijk_not_the_moerwijk_wijkteam(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    lookup(phone, "2525 ab")
    message = phone.locator("[data-wk-message]")
    expect(message).to_contain_text("Postcode 2525 hoort bij Schilderswijk.")
    results = phone.locator("[data-wk-results]")
    expect(results.get_by_role("heading", name="Koffieochtend voor vrouwen")).to_be_visible()
    expect(results.get_by_role("heading", name="Maatje aanvragen – wijkteam Centrum/Schilderswijk")).to_be_visible()
    expect(results.get_by_role("heading", name="Inloopspreekuur Geldzaken")).to_be_visible()  # the whole gemeente
    expect(results.get_by_role("heading", name="Maatje aanvragen – wijkteam Moerwijk")).to_have_count(0)
    expect(results.get_by_role("heading", name="Geld & schulden (2)")).to_be_visible()


def test_postcode_2533_shows_the_moerwijk_wijkteam(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    lookup(phone, "2533")
    expect(phone.locator("[data-wk-message]")).to_contain_text("Postcode 2533 hoort bij Moerwijk.")
    results = phone.locator("[data-wk-results]")
    expect(results.get_by_role("heading", name="Maatje aanvragen – wijkteam Moerwijk")).to_be_visible()
    expect(results.get_by_role("heading", name="Koffieochtend voor vrouwen")).to_have_count(0)


def test_postcode_outside_the_gemeente_and_malformed(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/wijken/moerwijk/")
    lookup(phone, "9999 ZZ")
    expect(phone.locator("[data-wk-message]")).to_have_text(
        "Postcode 9999 ligt buiten Den Haag. Deze sociale kaart heeft daar geen aanbod."
    )
    lookup(phone, "abc")
    expect(phone.locator("[data-wk-message]")).to_have_text(
        "Dit is geen postcode. Typ vier cijfers en eventueel twee letters, bijvoorbeeld 2511 AB."
    )


def test_a_postcode_with_nothing_to_show_has_no_filters(phone: Page, site_url: str) -> None:
    """Not "0 van 0 te zien": where a postcode has nothing, there is nothing to filter and no filters."""
    phone.goto(site_url + "/")
    filters = phone.locator("[data-wk-filter-scope]:has(form[data-wk-postcode]) form[data-wk-filters]")
    lookup(phone, "2533 AB")
    expect(filters.locator("[data-wk-count]")).to_have_text(re.compile(r"^\d+ van \d+ te zien$"))
    expect(filters).to_be_visible()
    lookup(phone, "9999 ZZ")
    expect(phone.locator("[data-wk-message]")).to_contain_text("Deze sociale kaart heeft daar geen aanbod.")
    expect(filters).to_be_hidden()


def test_postcode_in_the_gemeente_but_in_no_wijk_shows_citywide(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    lookup(phone, "2595 AA")
    expect(phone.locator("[data-wk-message]")).to_have_text(
        "Postcode 2595 valt in Den Haag, maar niet in een wijk op deze kaart. "
        "Hieronder staat wat voor de hele gemeente is."
    )
    results = phone.locator("[data-wk-results]")
    expect(results.get_by_role("heading", name="Inloopspreekuur Geldzaken")).to_be_visible()
    expect(results.get_by_role("heading", name="Koffieochtend voor vrouwen")).to_have_count(0)


def test_search_finds_the_debt_helpers_and_loads_nothing_before_use(phone: Page, site_url: str) -> None:
    requested: list[str] = []
    phone.on("request", lambda r: requested.append(r.url))
    phone.goto(site_url + "/")
    phone.wait_for_load_state("networkidle")
    assert [u for u in requested if "pagefind" in u] == []
    phone.fill("#wk-q", "schulden")
    results = phone.locator("[data-wk-search-results]")
    expect(results.get_by_role("link", name="Inloopspreekuur SchuldHulpMaatje in de Groene doos")).to_be_visible()
    expect(results.get_by_role("link", name="Maatje aanvragen – wijkteam Moerwijk")).to_be_visible()
    first = results.locator("li.wk-result-entry", has_text="Inloopspreekuur SchuldHulpMaatje in de Groene doos")
    expect(first).to_contain_text("Bouwlust/Vrederust")
    expect(first).to_contain_text("elke woensdag 10.00–12.00 uur; niet op feestdagen")
    entry = phone.locator("li.wk-result-entry", has_text="Inloopspreekuur SchuldHulpMaatje in de Groene doos")
    organisation = results.locator("li.wk-result", has=entry)
    expect(organisation.locator(".wk-result-org")).to_have_text("SchuldHulpMaatje Den Haag")
    assert first.get_by_role("link", name="Inloopspreekuur SchuldHulpMaatje").get_attribute("href") == (
        site_url + "/organisaties/schuldhulpmaatje-den-haag/#inloop-bouwlust-vrederust"
    )
    assert any("pagefind" in u for u in requested)


def test_a_search_for_spreekuur_finds_the_spreekuren(phone: Page, site_url: str) -> None:
    """The organisations with spreekuren, not every page: the heading "Spreekuren en activiteiten" on each
    of them is not in the index, an entry's kind is."""
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "spreekuur")
    results = phone.locator("[data-wk-search-results] li.wk-result")
    expect(results).to_have_count(3)
    names = set(results.locator(".wk-result-org").all_inner_texts())
    assert names == {"SchuldHulpMaatje Den Haag", "Helpdesk Geldzaken", "Schilderswijk Moeders"}
    expect(results.get_by_role("link", name="Inloopspreekuur Geldzaken")).to_be_visible()


def test_a_search_for_arabisch_finds_the_entries_in_arabic(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "arabisch")
    output = phone.locator("[data-wk-search-results]")
    expect(output.get_by_role("status").first).to_have_text("1 resultaat voor “arabisch”")
    entries = output.locator("li.wk-result-entry")
    expect(entries).to_have_count(2)
    expect(entries.locator(".wk-service__name")).to_have_text(
        ["Koffieochtend voor vrouwen", "Duo-coaching met het CJG"]
    )


def test_friday_0930_the_friday_spreekuur_is_open(phone: Page, site_url: str) -> None:
    phone.clock.set_fixed_time(f"2026-11-27T09:30:00{AMSTERDAM}")
    phone.goto(site_url + "/organisaties/helpdesk-geldzaken/")
    expect(phone.locator("#inloopspreekuur-geldzaken [data-wk-next]")).to_have_text("nu open tot 10.30 uur")


def test_on_a_public_holiday_with_ph_off_it_is_not_open(phone: Page, site_url: str) -> None:
    phone.clock.set_fixed_time(f"2026-12-25T09:30:00{AMSTERDAM}")  # Christmas, a Friday
    phone.goto(site_url + "/organisaties/helpdesk-geldzaken/")
    # 1 January 2027 is a Friday and a holiday too, so the next time is 8 January.
    expect(phone.locator("#inloopspreekuur-geldzaken [data-wk-next]")).to_have_text(
        "volgende keer: vrijdag 8 januari, 9.00–10.30 uur"
    )


def test_first_tuesday_across_a_month_boundary(phone: Page, site_url: str) -> None:
    phone.clock.set_fixed_time(f"2026-12-16T12:00:00{AMSTERDAM}")  # after the 3rd Tuesday of December
    phone.goto(site_url + "/organisaties/wijkz/")
    expect(phone.locator("#kaarttafel [data-wk-next]")).to_have_text(
        "volgende keer: dinsdag 5 januari, 14.00–16.00 uur"
    )


def test_filters_today_and_walk_in(phone: Page, site_url: str) -> None:
    phone.clock.set_fixed_time(f"2026-11-26T08:00:00{AMSTERDAM}")  # a Thursday
    phone.goto(site_url + "/wijken/schilderswijk/")
    filters = phone.locator("section[data-wk-filter-scope] form[data-wk-filters]").first
    cards = phone.locator("#aanbod ~ section article.wk-service")
    expect(cards).to_have_count(3)
    filters.get_by_label("Wanneer").select_option("vandaag")
    expect(phone.locator("#aanbod ~ section article.wk-service:visible")).to_have_count(1)
    expect(phone.locator("#aanbod ~ section article.wk-service:visible")).to_contain_text("Koffieochtend voor vrouwen")
    filters.get_by_label("Wanneer").select_option("")
    filters.get_by_label("zonder afspraak").check()
    expect(phone.locator("#aanbod ~ section article.wk-service:visible")).to_have_count(1)
    expect(filters.locator("[data-wk-count]")).to_have_text("1 van 3 te zien")


def test_share_text(phone: Page, site_url: str) -> None:
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone.clock.set_fixed_time(NOW)
    phone.goto(site_url + "/organisaties/helpdesk-geldzaken/")
    phone.evaluate("delete Navigator.prototype.share")
    card = phone.locator("#inloopspreekuur-geldzaken")
    card.get_by_role("button", name="Delen").click()
    expected = (
        "Inloopspreekuur Geldzaken (Helpdesk Geldzaken)\n"
        "Volgende keer: vrijdag 27 november, 9.00–10.30 uur.\n"
        "Waar: Voorbeeldstraat 6, 2511 AA Den Haag\n"
        "Bel: 070 000 0101\n"
        "Mail: helpdesk@geldzaken.example\n"
        "Zonder afspraak, gratis, talen: Nederlands, Engels.\n"
        f"Meer info: {site_url}/organisaties/helpdesk-geldzaken/#inloopspreekuur-geldzaken"
    )
    expect(card.get_by_role("status")).to_have_text("Tekst gekopieerd.")
    assert phone.evaluate("navigator.clipboard.readText()") == expected
    whatsapp = card.get_by_role("link", name="Via WhatsApp")
    expect(whatsapp).to_be_visible()
    assert whatsapp.get_attribute("href") == "https://wa.me/?text=" + _encode(expected)


def test_report_link_is_prefilled(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/organisaties/wijkz/")
    link = phone.locator("#kaarttafel").get_by_role("link", name="Meld een fout")
    assert link.get_attribute("href") == (
        "mailto:redactie@sociale-kaart.example?subject=Fout%20in%3A%20Kaarttafel%20%28klaverjassen%29%20%28Wijkz%29"
        "&body=http://127.0.0.1:8000/organisaties/wijkz/%23kaarttafel"
    )


def _encode(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="-_.!~*'()")


def test_search_filters_come_from_the_index(phone: Page, site_url: str) -> None:
    requests: list[str] = []
    phone.on("request", lambda r: requests.append(r.url))
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "koffie")
    results = phone.locator("[data-wk-search-results]")
    expect(results.get_by_role("link", name="Koffie-inloop")).to_be_visible()
    expect(results.get_by_role("link", name="Koffieochtend voor vrouwen")).to_be_visible()
    assert not [r for r in requests if r.endswith(".pf_filter")]  # the filters load when asked for
    phone.get_by_role("button", name="Filter de resultaten").click()
    phone.locator("select[data-wk-filter=taal]").select_option("Arabisch")
    expect(results.get_by_role("link", name="Koffie-inloop")).to_have_count(0)
    expect(results.get_by_role("link", name="Koffieochtend voor vrouwen")).to_be_visible()


def test_search_filters_apply_to_each_entry_of_an_organisation(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "schulden")
    results = phone.locator("[data-wk-search-results]")
    expect(results.get_by_role("link", name="Maatje aanvragen – wijkteam Moerwijk")).to_be_visible()
    phone.get_by_role("button", name="Filter de resultaten").click()
    phone.locator("select[data-wk-filter='zonder_afspraak']").select_option("ja")
    # SchuldHulpMaatje has a walk-in spreekuur, so it stays; its wijkteams (by appointment) do not.
    expect(results.get_by_role("link", name="Maatje aanvragen – wijkteam Moerwijk")).to_have_count(0)
    expect(results.get_by_role("link", name="Inloopspreekuur SchuldHulpMaatje in de Groene doos")).to_be_visible()

"""The regional example (IJmond) and the Dordrecht example on a phone: a postcode in each gemeente gives
that gemeente's wijk and services, and no other gemeente's."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import lookup

pytestmark = pytest.mark.browser

GELDZAKEN = "Inloopspreekuur Geldzaken"  # gemeentehuis Uitgeest, for Uitgeest
HEEMSKERK = "Inloopspreekuur wijkteam in de Trompet"  # for Heemskerk
KOFFIE = "Koffie-inloop in Buurthuis Noord"  # for Beverwijk
VELSEN = "Aanmelden bij het wijkteam Velsen"
HEERHUGOWAARD = "Afspraak met het wijkteam Heerhugowaard"
AKERSLOOT = "Inloopspreekuur wijkteam bij de huisartsen in Akersloot"  # for Akersloot (Castricum)
HOME_START = "Home-Start"  # the whole region
ALL = [GELDZAKEN, HEEMSKERK, KOFFIE, VELSEN, HEERHUGOWAARD, AKERSLOOT]


def _shows_only(phone: Page, own: list[str]) -> None:
    results = phone.locator("[data-wk-results]")
    for name in own:
        expect(results.get_by_role("heading", name=name, exact=True)).to_be_visible()
    for name in set(ALL) - set(own):
        expect(results.get_by_role("heading", name=name, exact=True)).to_have_count(0)


@pytest.mark.parametrize(
    ("postcode", "message", "own"),
    [
        ("1911 AB", "Postcode 1911 valt in Uitgeest, maar niet in een wijk op deze kaart.", [GELDZAKEN]),
        ("1962", "Postcode 1962 hoort bij Heemskerk (gemeente Heemskerk).", [HEEMSKERK]),
        ("1949", "Postcode 1949 hoort bij Wijk aan Zee (gemeente Beverwijk).", [KOFFIE]),
        ("1972", "Postcode 1972 hoort bij IJmuiden (gemeente Velsen).", [VELSEN]),
        ("1991", "Postcode 1991 valt in Velsen, maar niet in een wijk op deze kaart.", [VELSEN]),
        ("1921", "Postcode 1921 hoort bij Akersloot (gemeente Castricum).", [AKERSLOOT]),
        ("1901", "Postcode 1901 hoort bij Castricum (gemeente Castricum).", []),
        ("1703", "Postcode 1703 valt in Heerhugowaard, maar niet in een wijk op deze kaart.", [HEERHUGOWAARD]),
    ],
)
def test_a_postcode_in_each_gemeente_gives_that_gemeentes_services(
    phone: Page, example_urls: dict[str, str], postcode: str, message: str, own: list[str]
) -> None:
    phone.goto(example_urls["ijmond"] + "/")
    lookup(phone, postcode)
    expect(phone.locator("[data-wk-message]")).to_contain_text(message)
    _shows_only(phone, [*own, HOME_START])
    expect(phone.locator("[data-wk-message]")).not_to_contain_text("Heemskerk, Uitgeest")


def test_a_postcode_outside_the_region_names_the_region_wide_services(
    phone: Page, example_urls: dict[str, str]
) -> None:
    phone.goto(example_urls["ijmond"] + "/wijken/beverwijk/")
    lookup(phone, "2525 AB")
    expect(phone.locator("[data-wk-message]")).to_have_text(
        "Postcode 2525 ligt buiten Heemskerk, Uitgeest, Beverwijk, Velsen, Castricum en Heerhugowaard. "
        "Wel voor de hele regio of voor deze postcode: 1 resultaat."
    )
    _shows_only(phone, [HOME_START])


def test_a_wijk_page_lists_its_gemeentes_services_and_not_another_gemeentes(
    phone: Page, example_urls: dict[str, str]
) -> None:
    phone.goto(example_urls["ijmond"] + "/wijken/heemskerk/")
    page = phone.locator(".wk-page")
    expect(page.get_by_role("heading", name=HEEMSKERK, exact=True)).to_be_visible()
    # "Ook voor bewoners": a count, the list folded under it.
    expect(page.get_by_role("link", name=HOME_START, exact=True)).to_be_hidden()
    page.locator("details.wk-fold summary").click()
    expect(page.get_by_role("link", name=HOME_START, exact=True)).to_be_visible()
    expect(page.get_by_text(GELDZAKEN)).to_have_count(0)
    expect(page.get_by_text(KOFFIE)).to_have_count(0)


def test_dordrecht_3317_lies_in_crabbehof_and_wielwijk(phone: Page, example_urls: dict[str, str]) -> None:
    phone.goto(example_urls["dordrecht"] + "/")
    lookup(phone, "3317 AB")
    message = phone.locator("[data-wk-message]")
    expect(message).to_contain_text("Postcode 3317 hoort bij Crabbehof en Wielwijk.")
    results = phone.locator("[data-wk-results]")
    expect(results.get_by_role("heading", name="WijkInformatiePunt Wielwijk", exact=True)).to_be_visible()
    expect(results.get_by_role("heading", name="Hulp bij huiselijk geweld", exact=True)).to_be_visible()
    lookup(phone, "3311")
    expect(message).to_have_text(
        "Postcode 3311 valt in Dordrecht, maar niet in een wijk op deze kaart. "
        "Hieronder staat wat voor de hele gemeente is."
    )
    expect(results.get_by_role("heading", name="WijkInformatiePunt Wielwijk", exact=True)).to_have_count(0)
    expect(results.get_by_role("heading", name="Daginvulling en activering", exact=True)).to_be_visible()

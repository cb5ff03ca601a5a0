"""A maatje on a phone: home → a wijk → an organisation; content visible, no console errors."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect

from .conftest import TILE_SERVER

pytestmark = pytest.mark.browser


def test_home_to_wijk_to_organisation(phone: Page, site_url: str) -> None:
    console: list[str] = []
    requests: list[str] = []
    phone.on("console", lambda m: _record(console, m))
    phone.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    phone.on("request", lambda r: _host(requests, r))

    phone.goto(site_url + "/")
    expect(phone.get_by_role("heading", name="Sociale kaart", level=1)).to_be_visible()
    phone.get_by_role("link", name="Moerwijk postcode 2531, 2532, 2533").click()

    expect(phone).to_have_url(site_url + "/wijken/moerwijk/")
    expect(phone.get_by_role("heading", name="Moerwijk", level=1)).to_be_visible()
    card = phone.locator("article.wk-service", has_text="Maatje aanvragen – wijkteam Moerwijk")
    expect(card).to_be_visible()
    expect(card.get_by_role("link", name="Mail moerwijk@schuldhulpmaatje.example")).to_have_attribute(
        "href", "mailto:moerwijk@schuldhulpmaatje.example"
    )
    card.get_by_role("link", name="SchuldHulpMaatje Den Haag").click()

    expect(phone).to_have_url(site_url + "/organisaties/schuldhulpmaatje-den-haag/")
    inloop = phone.locator("#inloop-bouwlust-vrederust")
    expect(inloop).to_contain_text("elke woensdag 10.00–12.00 uur; niet op feestdagen")
    expect(inloop).to_contain_text("voorbeeld")
    expect(phone.get_by_text("Gecontroleerd op 15 september 2026")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"de pagina is breder dan het scherm: {width}px"

    assert console == []
    assert set(requests) <= {urlsplit(site_url).netloc, TILE_SERVER}


def test_all_text_is_dutch_and_language_is_set(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/wijken/schilderswijk/")
    assert phone.evaluate("document.documentElement.lang") == "nl"
    expect(phone.get_by_role("heading", name="Ook voor bewoners van Schilderswijk")).to_be_visible()


def _record(sink: list[str], message: ConsoleMessage) -> None:
    if message.type in ("error", "warning"):
        sink.append(f"{message.type}: {message.text}")


def _host(sink: list[str], request: Request) -> None:
    sink.append(urlsplit(request.url).netloc)


SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => list.getEntries().filter((e) => !e.hadRecentInput).forEach((e) =>
  window.__shifts.push(e.sources.map((s) => s.node && s.node.nodeName).join(" ")))
).observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("path", ["/", "/themas/geld-en-schulden/", "/wijken/schilderswijk/"])
def test_nothing_moves_when_the_scripts_run(phone: Page, site_url: str, path: str) -> None:
    """Filters and the "volgende keer" line are drawn with the page: the scripts fill them, nothing is pushed
    down under the reader's thumb (Lighthouse's layout shift). Our scripts arrive late, as on a slow phone
    line: they run after the first paint."""
    phone.route("**/assets/wijkkaart/js/*.js", lambda route: (time.sleep(0.4), route.continue_()))
    phone.add_init_script(SHIFTS)
    phone.goto(site_url + path)
    phone.wait_for_load_state("load")
    expect(phone.locator("[data-wk-filters]:visible, [data-wk-search-filter-toggle]").first).to_be_visible()
    phone.wait_for_timeout(500)
    shifts = phone.evaluate("window.__shifts")
    assert shifts == []


def test_without_scripts_no_control_that_needs_them(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "/themas/geld-en-schulden/")
    expect(page.get_by_role("heading", name="Spreekuren en activiteiten")).to_be_visible()
    expect(page.locator("form[data-wk-filters]")).to_be_hidden()
    page.goto(site_url + "/")
    expect(page.get_by_role("button", name="Filter de resultaten")).to_be_hidden()
    expect(page.get_by_role("button", name="Zoek").first).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["/", "/wijken/schilderswijk/", "/organisaties/schuldhulpmaatje-den-haag/"])
def test_every_link_has_an_address_after_the_scripts_ran(phone: Page, site_url: str, path: str) -> None:
    """Links the scripts add (Delen, WhatsApp) are whole links: a search engine and a screen reader can
    follow them (Lighthouse's "links are crawlable")."""
    phone.goto(site_url + path)
    expect(phone.locator("[data-wk-share]").first.or_(phone.locator("#wk-q"))).to_be_attached()
    phone.wait_for_load_state("networkidle")
    assert phone.locator("a:not([href])").count() == 0

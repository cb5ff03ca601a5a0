"""Maps in the browser: boundary and markers drawn, no host but the site and the tile server."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import TILE_SERVER

pytestmark = pytest.mark.browser


def _open_map(phone: Page, url: str) -> tuple[list[str], object]:
    hosts: list[str] = []
    phone.on("request", lambda r: hosts.append(urlsplit(r.url).netloc))
    phone.goto(url)
    frame_element = phone.locator("iframe.wk-map__frame")
    frame_element.scroll_into_view_if_needed()
    return hosts, phone.frame_locator("iframe.wk-map__frame")


def test_wijk_map_draws_boundary_and_one_marker_per_location(phone: Page, site_url: str) -> None:
    hosts, frame = _open_map(phone, site_url + "/wijken/moerwijk/")
    expect(frame.locator("path.leaflet-interactive")).to_have_count(1)
    # Moerwijk: the Wijkz buurthuis (koffie-inloop) is the one location with a place in this wijk's list.
    expect(frame.locator(".leaflet-marker-icon")).to_have_count(1)
    expect(phone.locator("#locaties + ul > li")).to_have_count(1)
    expect(frame.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap")
    credit = frame.locator(".leaflet-control-attribution")
    expect(credit).to_contain_text("Bron: CBS / Kadaster (postcodegebieden 2020)")
    assert set(hosts) == {urlsplit(site_url).netloc, TILE_SERVER}


def test_marker_popup_names_the_place_and_links_to_the_entry(phone: Page, site_url: str) -> None:
    _, frame = _open_map(phone, site_url + "/wijken/schilderswijk/")
    marker = frame.locator(".leaflet-marker-icon")
    expect(marker).to_have_count(1)
    # A tap opens it; the keyboard has the map as one stop (the places are in the list on the page).
    marker.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Buurtcentrum De Mussen")
    expect(popup).to_contain_text("elke donderdag 9.30–11.30 uur; niet op feestdagen")
    popup.get_by_role("link", name="Koffieochtend voor vrouwen").click()
    expect(phone).to_have_url(site_url + "/organisaties/schilderswijk-moeders/#koffieochtend")


def test_overview_map_links_every_wijk(phone: Page, site_url: str) -> None:
    _, frame = _open_map(phone, site_url + "/")
    expect(frame.locator("path.leaflet-interactive")).to_have_count(5)
    expect(frame.locator(".wk-label")).to_have_count(5)
    for name in ("Schilderswijk", "Moerwijk", "Bouwlust/Vrederust", "Loosduinen", "Centrum"):
        expect(frame.locator(".wk-label", has_text=name)).to_have_count(1)


@pytest.mark.parametrize("path", ["/", "/wijken/schilderswijk/", "/wijken/moerwijk/"])
def test_tiles_are_fetched_once_for_the_view_that_fits_the_data(phone: Page, site_url: str, path: str) -> None:
    """No tiles for a default view first: on a phone's data plan each map costs only the tiles it shows."""
    zooms: list[str] = []
    phone.on("request", lambda r: zooms.append(urlsplit(r.url).path.split("/")[1]) if TILE_SERVER in r.url else None)
    _, frame = _open_map(phone, site_url + path)
    expect(frame.locator("path.leaflet-interactive").first).to_be_visible()
    expect(frame.locator("img.leaflet-tile-loaded").first).to_be_attached()
    phone.wait_for_load_state("networkidle")
    assert len(zooms) >= 4
    assert len(set(zooms)) == 1, zooms


@pytest.mark.parametrize("path", ["/", "/wijken/schilderswijk/"])
def test_loading_the_map_leaves_the_page_where_it_is(phone: Page, site_url: str, path: str) -> None:
    """A map's document loading (as the reader nears it) must not scroll the page to it."""
    phone.goto(site_url + path)
    top = phone.evaluate("document.querySelector('iframe.wk-map__frame').getBoundingClientRect().top + scrollY")
    reading = max(0, int(top) - 844 - 100)  # the map just below the screen, near enough to load
    phone.evaluate(f"window.scrollTo(0, {reading})")
    expect(phone.frame_locator("iframe.wk-map__frame").locator(".leaflet-container")).to_be_attached()
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("window.scrollY") == reading


def test_a_map_below_the_fold_loads_only_when_the_reader_nears_it(phone: Page, site_url: str) -> None:
    """The home page's overview map is below the finder: nothing of it is fetched until scrolled to."""
    fetched: list[str] = []
    phone.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    phone.goto(site_url + "/", wait_until="networkidle")
    assert not [p for p in fetched if "leaflet" in p or p.endswith(("kaart.html", "kaart.json"))]
    phone.locator("iframe.wk-map__frame").scroll_into_view_if_needed()
    expect(phone.frame_locator("iframe.wk-map__frame").locator(".wk-label").first).to_be_visible()
    assert "/kaart.json" in fetched and "/assets/wijkkaart/kaart.html" in fetched


def test_map_does_not_trap_one_finger_scrolling(phone: Page, site_url: str) -> None:
    _, frame = _open_map(phone, site_url + "/wijken/centrum/")
    container = frame.locator(".leaflet-container")
    expect(container).to_be_visible()
    assert "leaflet-touch-drag" not in (container.get_attribute("class") or "")


def test_map_document_reads_only_a_page_of_its_own_site(phone: Page, site_url: str) -> None:
    """The fragment names a page; anything else (another host, a way out of the site) is not fetched."""
    fetched: list[str] = []
    phone.on("request", lambda r: fetched.append(r.url) if r.url.endswith(".json") else None)
    document = site_url + "/assets/wijkkaart/kaart.html"
    for fragment in (
        "https://elders.example/",
        "../../../",
        "//elders.example/",
        "wijken/x/../../",
        "wijken/moerwijk/",
    ):
        phone.goto("about:blank")  # a new fragment alone would not load the document again
        phone.goto(f"{document}#{fragment}")
        expect(phone.locator(".leaflet-container")).to_be_visible()
    expect(phone.locator("path.leaflet-interactive")).to_have_count(1)
    expect(phone).to_have_title("Kaart van Moerwijk")
    assert fetched == [site_url + "/wijken/moerwijk/kaart.json"]


def test_a_crowded_map_loads_marker_clustering_and_others_do_not(phone: Page, site_url: str) -> None:
    scripts: list[str] = []
    phone.on("request", lambda r: scripts.append(r.url.rsplit("/", 1)[-1]) if r.url.endswith(".js") else None)
    document = site_url + "/assets/wijkkaart/kaart.html"
    phone.goto(document + "#wijken/moerwijk/")
    expect(phone.locator(".leaflet-marker-icon")).to_have_count(1)
    assert "leaflet.markercluster.js" not in scripts
    crowd = [
        {"name": f"Plek {n}", "lat": 52.05 + n / 2000, "lon": 4.28, "approximate": False, "items": []}
        for n in range(12)
    ]
    data = {"title": "Druk", "areas": [], "places": crowd, "labels": False, "fit": True}
    phone.route("**/wijken/druk/kaart.json", lambda route: route.fulfill(json=data))
    phone.goto("about:blank")
    phone.goto(document + "#wijken/druk/")
    expect(phone.locator(".marker-cluster").first).to_be_visible()
    assert "leaflet.markercluster.js" in scripts


def test_organisation_map_is_folded_and_loads_when_opened(phone: Page, site_url: str) -> None:
    requests: list[str] = []
    phone.on("request", lambda r: requests.append(r.url))
    phone.goto(site_url + "/organisaties/wijkz/")
    phone.locator("details.wk-map").scroll_into_view_if_needed()
    phone.wait_for_load_state("networkidle")
    assert not [u for u in requests if "leaflet" in u or u.endswith(("kaart.html", "kaart.json"))]  # stays light
    phone.get_by_text("Toon de kaart").click()
    frame = phone.frame_locator("iframe.wk-map__frame")
    expect(frame.locator(".leaflet-marker-icon").first).to_be_visible()
    assert site_url + "/organisaties/wijkz/kaart.json" in requests

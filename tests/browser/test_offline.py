"""Offline use: a page opened once, and a wijk saved for offline use, open again without signal."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ..helpers import serve_counting

pytestmark = pytest.mark.browser


def test_visited_pages_and_a_saved_wijk_work_offline(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + "/organisaties/wijkz/")
    page.evaluate("navigator.serviceWorker.ready")
    page.goto(site_url + "/wijken/moerwijk/")
    page.evaluate("navigator.serviceWorker.ready")
    save = page.get_by_role("button", name="Bewaar offline")
    save.click()
    expect(page.locator("[data-wk-save-status]")).to_have_text("Deze wijk is bewaard en werkt ook zonder internet.")

    context.set_offline(True)
    page.goto(site_url + "/organisaties/wijkz/")
    expect(page.get_by_role("heading", name="Wijkz", level=1)).to_be_visible()
    page.goto(site_url + "/wijken/moerwijk/")
    expect(page.get_by_role("heading", name="Moerwijk", level=1)).to_be_visible()
    expect(page.locator("#aanbod ~ section article.wk-service").first).to_be_visible()
    page.locator("iframe.wk-map__frame").scroll_into_view_if_needed()  # the map works offline too
    expect(page.frame_locator("iframe.wk-map__frame").locator("path.leaflet-interactive")).to_have_count(1)
    expect(page.frame_locator("iframe.wk-map__frame").locator(".leaflet-marker-icon").first).to_be_visible()
    page.fill("#wk-postcode", "2533")
    page.locator("form[data-wk-postcode] button[type=submit]").click()
    expect(
        page.locator("[data-wk-results]").get_by_role("heading", name="Maatje aanvragen – wijkteam Moerwijk")
    ).to_be_visible()
    page.goto(site_url + "/wijken/moerwijk/print/")
    expect(page.get_by_role("heading", name="Hulp en activiteiten in Moerwijk")).to_be_visible()
    page.goto(site_url + "/organisaties/schuldhulpmaatje-den-haag/")  # never opened; linked from Moerwijk
    expect(page.get_by_role("heading", name="SchuldHulpMaatje Den Haag", level=1)).to_be_visible()
    page.goto(site_url + "/themas/wonen/")  # never opened: the Dutch offline page
    expect(page.get_by_role("heading", name="Geen verbinding", level=1)).to_be_visible()
    context.close()


def _offline_page_works(page: Page, url: str, home: str) -> None:
    """``url`` (never opened) shows the offline page with its styles, and its home link leads home."""
    page.goto(url)
    expect(page.get_by_role("heading", name="Geen verbinding", level=1)).to_be_visible()
    assert page.url == url  # the address stays: once there is signal again, reloading opens the page
    header = page.locator(".md-header")
    assert header.evaluate("h => getComputedStyle(h).position") == "sticky"  # the theme's styles
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") == "rgb(0, 105, 92)"  # and wijkkaart's
    page.get_by_role("link", name="Naar de startpagina").click()
    expect(page.get_by_role("heading", name="Sociale kaart", level=1)).to_be_visible()
    assert page.url == home


def opened_with_worker(browser: Browser, base: str, paths: list[str]) -> tuple[BrowserContext, Page]:
    """A phone with the service worker that opened ``paths``; the offline page is kept from the second on."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page = context.new_page()
    for path in paths:
        page.goto(base + path)
        page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_function(
        "caches.keys().then(k => Promise.all(k.map(n => caches.open(n).then(c => c.keys()))))"
        ".then(all => all.flat().some(r => r.url.endsWith('/offline/')))"
    )
    return context, page


def test_the_offline_page_at_any_depth(browser: Browser, site_url: str) -> None:
    context, page = opened_with_worker(browser, site_url, ["/", "/wijken/"])
    context.set_offline(True)
    for path in ("/themas/wonen/", "/wijken/moerwijk/print/", "/wijken/loosduinen/"):
        _offline_page_works(page, site_url + path, site_url + "/")
    context.close()


def test_a_search_without_signal_says_so_and_what_still_works(browser: Browser, site_url: str) -> None:
    context, page = opened_with_worker(browser, site_url, ["/wijken/", "/"])
    context.set_offline(True)
    page.fill("#wk-postcode", "2533 AB")
    page.locator("form[data-wk-postcode] button[type=submit]").click()
    expect(page.locator("[data-wk-message]")).to_have_text(
        "Geen verbinding met internet. Zoeken op postcode werkt zonder internet alleen in een wijk die je met de "
        "knop Bewaar offline hebt bewaard. Pagina's die je eerder hebt geopend, kun je nog wel bekijken."
    )
    page.fill("#wk-q", "schulden")
    expect(page.locator("[data-wk-search-results]")).to_have_text(
        "Geen verbinding met internet. Zoeken op woord werkt alleen met internet. Wat nog wel werkt: de pagina's "
        "die je eerder hebt geopend, en zoeken op postcode in een wijk die je offline hebt bewaard."
    )
    context.set_offline(False)  # signal again: the word search works
    page.fill("#wk-q", "klaverjassen")
    expect(
        page.locator("[data-wk-search-results]").get_by_role("link", name="Kaarttafel (klaverjassen)")
    ).to_be_visible()
    context.close()


def test_a_new_build_gets_a_new_cache(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import re

    from wijkkaart.pipeline.build import build_site

    from ..helpers import settings_for, site_copy

    def version(root) -> str:  # type: ignore[no-untyped-def]
        worker = next(a for a in build_site(settings_for(root)).assets if a.path == "sw.js").content.decode()
        assert 'k.startsWith("wijkkaart-") && k !== CACHE' in worker  # old caches are removed on activate
        found = re.search(r'const VERSION = "([0-9a-f]{16})";', worker)
        assert found is not None
        return found[1]

    root = site_copy(tmp_path)
    first = version(root)
    assert version(root) == first  # the same data, the same cache
    org = root / "orgs" / "buurthuis.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("Buurthuis Test", "Buurthuis Nieuw"), encoding="utf-8")
    assert version(root) != first


def test_a_wijk_saved_before_its_map_came_on_screen_has_its_map_offline(browser: Browser, site_url: str) -> None:
    """Maps load when the reader nears them; saving a wijk keeps its map even when it has not loaded yet."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page = context.new_page()
    page.add_init_script("window.IntersectionObserver = class { observe() {} unobserve() {} };")  # never near
    page.goto(site_url + "/wijken/schilderswijk/")
    page.evaluate("navigator.serviceWorker.ready")
    assert page.locator("iframe.wk-map__frame").get_attribute("src") is None
    page.get_by_role("button", name="Bewaar offline").click()
    expect(page.locator("[data-wk-save-status]")).to_have_text("Deze wijk is bewaard en werkt ook zonder internet.")

    context.set_offline(True)
    reader = context.new_page()
    reader.goto(site_url + "/wijken/schilderswijk/")
    reader.locator("iframe.wk-map__frame").scroll_into_view_if_needed()
    expect(reader.frame_locator("iframe.wk-map__frame").locator("path.leaflet-interactive")).to_have_count(1)
    context.close()


def test_the_worker_downloads_nothing_twice(browser: Browser, built_site: Path) -> None:
    """A first visit with the worker asks the host for each file once (the worker keeps them from the
    browser's cache), the finder's script as one file, and a next page asks for its HTML and nothing it had
    (only the offline page is new)."""
    server, base, asked = serve_counting(built_site)
    # No request routing: Playwright's routing turns the browser's HTTP cache off. Tiles fail by name.
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    page = context.new_page()
    page.goto(base + "/")
    page.evaluate("navigator.serviceWorker.ready")
    kept = "caches.keys().then(k => k.length ? caches.open(k[0]).then(c => c.keys()) : []).then(r => r.length)"
    page.wait_for_function(f"{kept}.then(n => n >= {len(set(asked)) - 1})")  # all but sw.js itself
    assert sorted(asked) == sorted(set(asked)), "a file was downloaded twice"
    assert any(path.endswith(".css") for path in asked)
    # The finder's modules come as one file (a round trip each would cost a slow line about a second), and the
    # home page's early script for the typed postcode's lists as another.
    scripts = sorted(path for path in asked if path.startswith("/assets/wijkkaart/js/"))
    assert scripts == ["/assets/wijkkaart/js/wijkkaart-early.js", "/assets/wijkkaart/js/wijkkaart.js"]
    asked.clear()
    page.goto(base + "/organisaties/wijkz/")
    page.wait_for_load_state("networkidle")
    # The browser's own request for the site's icon never passes a worker: the host's cache lifetime decides.
    assert sorted(p for p in asked if not p.endswith("favicon.png")) == ["/offline/", "/organisaties/wijkz/"]
    context.close()
    server.shutdown()


# Notes when the finder listens to the postcode form (before then, Enter would send the form to the host).
LISTENING = """const listen = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (type, ...rest) {
  if (type === "submit" && this.matches?.("[data-wk-postcode]")) window.__wkListening = true;
  return listen.call(this, type, ...rest);
};"""


def test_a_postcode_typed_before_the_finder_is_in_is_looked_up_with_one_download(
    browser: Browser, built_site: Path
) -> None:
    """On a slow line (each answer 300 ms late) the postcode is typed as soon as the box is there: the home page's
    early script asks for its lists, and the finder, arriving later, takes them from it (each file asked once,
    whatever the host says about caching: this server says nothing)."""
    server, base, asked = serve_counting(built_site)
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    context.add_init_script(LISTENING)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    slow = {"offline": False, "latency": 300, "downloadThroughput": -1, "uploadThroughput": -1}
    cdp.send("Network.emulateNetworkConditions", slow)
    page.goto(base + "/", wait_until="commit")
    page.locator("#wk-postcode").fill("2533 AB")
    page.wait_for_function("() => window.__wkListening === true")  # the finder's, not the host's, answer to Enter
    page.locator("#wk-postcode").press("Enter")
    expect(page.locator("[data-wk-message]")).to_contain_text("Postcode 2533 hoort bij Moerwijk.")
    lists = sorted(path for path in asked if path.startswith("/zoek/"))
    assert lists == ["/zoek/gemeente/s-gravenhage.json", "/zoek/index.json", "/zoek/wijk/moerwijk.json"]
    assert "/assets/wijkkaart/js/wijkkaart-early.js" in asked
    context.close()
    server.shutdown()


def test_a_wijk_page_with_its_map_downloads_nothing_twice(browser: Browser, built_site: Path) -> None:
    """The map's document is kept apart by the browser (a frame's): the page does not hand it to the worker,
    which would download it again, on a first visit with the worker."""
    server, base, asked = serve_counting(built_site)
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    page = context.new_page()
    page.goto(base + "/wijken/moerwijk/")
    page.locator("iframe.wk-map__frame").scroll_into_view_if_needed()
    expect(page.frame_locator("iframe.wk-map__frame").locator("path.leaflet-interactive")).to_have_count(1)
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    page.wait_for_load_state("networkidle")
    assert "/assets/wijkkaart/kaart.html" in asked
    assert sorted(asked) == sorted(set(asked)), "a file was downloaded twice"
    context.close()
    server.shutdown()

"""Privacy audit: on home, a wijk, an organisation and a search, only the site and the tile server are asked."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from ..helpers import report
from .conftest import TILE_SERVER

pytestmark = pytest.mark.browser

PAGES = ["/", "/wijken/schilderswijk/", "/organisaties/schuldhulpmaatje-den-haag/", "/themas/geld-en-schulden/"]


def test_only_the_site_and_the_tile_server_are_contacted(phone: Page, site_url: str) -> None:
    requests: list[str] = []
    console: list[str] = []
    phone.on("request", lambda r: requests.append(r.url))
    phone.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    for path in PAGES:
        phone.goto(site_url + path)
        folded = phone.locator("details.wk-map > summary")
        if folded.count():
            folded.click()
        frame = phone.locator("iframe.wk-map__frame")
        if frame.count():
            frame.scroll_into_view_if_needed()
            expect(phone.frame_locator("iframe.wk-map__frame").locator(".leaflet-container")).to_be_visible()
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "koffie")
    expect(phone.locator("[data-wk-search-results] li").first).to_be_visible()
    phone.fill("#wk-postcode", "2532")
    phone.locator("form[data-wk-postcode] button[type=submit]").click()
    expect(phone.locator("[data-wk-results] article").first).to_be_visible()
    hosts = {urlsplit(u).netloc for u in requests}
    assert hosts <= {urlsplit(site_url).netloc, TILE_SERVER}
    assert console == []  # no Content-Security-Policy violation either
    report(f"privacy: {len(PAGES)} pagina's en een zoekopdracht, {len(requests)} verzoeken, alleen {sorted(hosts)}")


def test_every_page_carries_the_policy(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'" in head
        assert "unsafe-inline" not in head
    assert len(pages) > 30

"""The site under a subpath (GitHub Pages style): every link followed in Chromium stays inside it and works."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from ..helpers import example_copy, report, serve_dir

pytestmark = pytest.mark.browser
PREFIX = "/sociale-kaart/"


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("subpath")
    root = example_copy(tmp, site_url="https://voorbeeld.github.io/sociale-kaart/")
    www = tmp / "www"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(www / PREFIX.strip("/"))],
        cwd=root,
        env=env,
        check=True,
    )
    server, base = serve_dir(www)
    yield f"{base}{PREFIX}"
    server.shutdown()


def test_every_link_stays_under_the_subpath(phone: Page, subpath_url: str) -> None:
    origin = urlsplit(subpath_url).netloc
    todo, seen, checked = [subpath_url], set(), 0
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        checked += 1
        if not url.endswith("/"):  # a file (iCal, JSON): fetched, not opened
            assert phone.request.get(url).status == 200, url
            continue
        response = phone.goto(url)
        assert response is not None and response.status == 200, url
        for href in phone.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target = urldefrag(href).url
            parts = urlsplit(target)
            if parts.scheme in ("http", "https") and parts.netloc == origin:
                assert parts.path.startswith(PREFIX), f"{url} → {href}"
                todo.append(target)
    assert checked >= 23  # every page of the example site (see test_build), plus agenda and data files
    report(f"onder {PREFIX}: {checked} adressen gevolgd")


def test_finder_and_map_work_under_the_subpath(phone: Page, subpath_url: str) -> None:
    origin = urlsplit(subpath_url).netloc
    paths: list[str] = []
    phone.on("request", lambda r: paths.append(urlsplit(r.url).path) if urlsplit(r.url).netloc == origin else None)
    phone.goto(subpath_url + "wijken/moerwijk/")
    phone.fill("#wk-postcode", "2533")
    phone.locator("form[data-wk-postcode] button[type=submit]").click()
    expect(
        phone.locator("[data-wk-results]").get_by_role("heading", name="Maatje aanvragen – wijkteam Moerwijk")
    ).to_be_visible()
    phone.goto(subpath_url)
    phone.fill("#wk-q", "klaverjassen")
    expect(
        phone.locator("[data-wk-search-results]").get_by_role("link", name="Kaarttafel (klaverjassen)")
    ).to_be_visible()
    link = phone.locator("[data-wk-search-results]").get_by_role("link", name="Kaarttafel (klaverjassen)")
    assert urlsplit(link.get_attribute("href") or "").path == PREFIX + "organisaties/wijkz/"
    frame = phone.locator("iframe.wk-map__frame")
    frame.scroll_into_view_if_needed()
    expect(phone.frame_locator("iframe.wk-map__frame").locator("path.leaflet-interactive")).to_have_count(5)
    assert [p for p in paths if not p.startswith(PREFIX)] == []


def test_offline_worker_is_scoped_to_the_subpath(phone: Page, subpath_url: str) -> None:
    phone.goto(subpath_url + "wijken/schilderswijk/")
    scope = phone.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == subpath_url
    phone.get_by_role("button", name="Bewaar offline").click()
    expect(phone.locator("[data-wk-save-status]")).to_have_text("Deze wijk is bewaard en werkt ook zonder internet.")
    phone.context.set_offline(True)
    phone.goto(subpath_url + "wijken/schilderswijk/")
    expect(phone.get_by_role("heading", name="Schilderswijk", level=1)).to_be_visible()
    phone.context.set_offline(False)


def test_the_offline_page_under_the_subpath(browser: Browser, subpath_url: str) -> None:
    from .test_offline import _offline_page_works, opened_with_worker

    context, page = opened_with_worker(browser, subpath_url.rstrip("/"), ["/", "/wijken/"])
    context.set_offline(True)
    for path in ("themas/wonen/", "wijken/moerwijk/print/"):
        _offline_page_works(page, subpath_url + path, subpath_url)
    context.close()

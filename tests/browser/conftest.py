"""Playwright driving Debian's Chromium (never a downloaded browser), at phone size."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from ..helpers import TODAY

CHROMIUM = "/usr/bin/chromium"
TILE_SERVER = "tile.openstreetmap.org"
AMSTERDAM = "+01:00"  # the UTC offset of the fixed clocks (winter time)
# The page's clock on the day the sites are built for (the suite's fixed TODAY): "volgende keer" and "nu
# open" are worked out in the browser, from its own clock. Time runs on from here; a test may set another.
NOW = f"{TODAY.isoformat()}T10:00:00{AMSTERDAM}"


def on_the_fixed_clock(context: BrowserContext) -> BrowserContext:
    """``context`` with its pages' clock started at NOW. The offline tests keep the real clock (Playwright's
    clock keeps a map in a frame from drawing while offline); they assert nothing that depends on the date."""
    context.clock.set_system_time(NOW)
    return context


def lookup(phone: Page, postcode: str) -> None:
    """Type a postcode into the page's postcode finder and press Zoek."""
    phone.fill("#wk-postcode", postcode)
    phone.locator("form[data-wk-postcode] button[type=submit]").click()


# A 1×1 transparent PNG: the test machine has no internet, so tile requests are answered locally
# (and still recorded: they are the one third-party request a page may make).
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        is_mobile=True,
        has_touch=True,
    )
    on_the_fixed_clock(context)
    context.route(
        re.compile(rf"^https://{re.escape(TILE_SERVER)}/"),
        lambda route: route.fulfill(body=BLANK_PNG, content_type="image/png"),
    )
    page = context.new_page()
    yield page
    context.close()

"""Output safety in a real browser: a site whose every text field holds script payloads runs no script.

Validation would refuse these files, so it is switched off here; what is tested is what lies behind it:
jinja's escaping, the Markdown sanitiser, JSON in attributes, and the Content-Security-Policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from wijkkaart.records import fields

from ..helpers import DATA, GEO, report, serve_dir
from ..test_pages import unsafe_parts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fields, "_HTML", re.compile(r"(?!)"))
        patch.setattr(fields, "_LINK", re.compile(r"(?!)"))
        config = load_config(str(DATA / "hostile" / "mkdocs.yml"), site_dir=str(out))
        config.plugins["wijkkaart"].config["geodata_dir"] = str(GEO)
        build(config)
    server, base = serve_dir(out)
    yield base, out
    server.shutdown()


def test_no_payload_runs_on_any_page(browser: Browser, hostile_site: tuple[str, Path]) -> None:
    url, root = hostile_site
    pages = sorted(p.relative_to(root).parent.as_posix() for p in root.rglob("index.html"))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in pages:
        page.goto(f"{url}/{'' if path == '.' else path + '/'}")
        frame = page.locator("iframe.wk-map__frame")
        if frame.count():
            frame.scroll_into_view_if_needed()
        for card in page.locator("[data-wk-actions] button").all()[:1]:
            card.click()
        page.wait_for_timeout(150)
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    report(f"vijandige invoer: {len(pages)} pagina's geopend, geen script uitgevoerd")


def test_payloads_are_only_in_escaped_form(hostile_site: tuple[str, Path]) -> None:
    _, root = hostile_site
    files = list(root.rglob("*.html"))
    assert len(files) > 10
    for path in files:
        html = path.read_text(encoding="utf-8")
        found = [part for part in unsafe_parts(html) if part != "script"]
        assert found == [], path
        scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.DOTALL)
        for _, body in scripts:  # data in scripts stays inside its string: no tag can open or close
            assert not re.search(r"<\s*/?\s*(script|img|iframe)", body, re.IGNORECASE), path
    org = (root / "organisaties" / "vijand" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;" in org
    assert 'href="javascript:' not in org


def test_csp_blocks_an_injected_inline_script(browser: Browser, hostile_site: tuple[str, Path]) -> None:
    url, _ = hostile_site
    page = browser.new_page()
    page.goto(url + "/")
    page.evaluate("""() => { const s = document.createElement('script');
                            s.textContent = 'window.__pwned = 1'; document.body.append(s); }""")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.close()


def test_search_results_show_payloads_as_text(browser: Browser, hostile_site: tuple[str, Path]) -> None:
    """Search results are built from Pagefind's metadata (names, schedules, the entries as JSON, each one's card
    as the server escaped it): as text."""
    url, _ = hostile_site
    page = browser.new_page(viewport={"width": 390, "height": 844})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url + "/")
    page.fill("#wk-q", "alert")
    results = page.locator("[data-wk-search-results]")
    entry = results.locator("li.wk-result-entry").first
    entry.wait_for()
    assert entry.locator(".wk-service__name").get_by_role("link").inner_text() == "<script>alert('dienst')</script>"
    assert results.locator("script, img, iframe").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    page.close()


def test_a_script_written_into_a_page_or_a_setting_does_not_run(
    browser: Browser, hostile_site: tuple[str, Path]
) -> None:
    """The policy allows the inline scripts and styles the theme is known to write, not every one in the
    output: a ``<script>`` and a ``<style>`` in ``content/over.md`` stay in the page and are refused;
    ``site_name`` shows as text."""
    url, root = hostile_site
    over = (root / "over" / "index.html").read_text(encoding="utf-8")
    assert '<script>window.__pwned = "markdown"</script>' in over and "visibility: hidden" in over
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text))
    page.goto(url + "/over/")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    blocked = [text for text in refused if "inline script violates" in text and "has been blocked" in text]
    assert len(blocked) == 1, refused  # the page's one script, and none of the theme's
    assert [text for text in refused if "inline style violates" in text] != [], refused
    assert page.evaluate("getComputedStyle(document.body).visibility") == "visible"
    assert page.evaluate("typeof __md_get") == "function"  # the theme's own inline scripts do run
    name = "Vijandige <script>window.__pwned = 'site_name'</script> invoer & zo"
    assert page.locator(".md-header__topic .md-ellipsis").first.inner_text() == name
    assert page.title() == f"Leeg - {name}"
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert description == "\"><script>window.__pwned = 'site_description'</script>"
    page.close()

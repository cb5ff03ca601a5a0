"""Search results for what the example site lacks: an organisation with no spreekuren or activiteiten."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from ..helpers import example_copy, serve_dir

pytestmark = pytest.mark.browser

CONTACT_ONLY = """\
name: Formulierenbrigade Zuidwest
description: Vrijwilligers helpen bij brieven van instanties; bel voor een afspraak thuis.
themes: [geld-en-schulden]
checked: 2026-11-01
phones:
  - number: "070 123 4567"
"""


AMPERSAND = CONTACT_ONLY.replace("Formulierenbrigade Zuidwest", "Geld & Zo")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("zoeken")
    root = example_copy(tmp)
    (root / "orgs" / "formulierenbrigade.yaml").write_text(CONTACT_ONLY, encoding="utf-8")
    (root / "orgs" / "geld-en-zo.yaml").write_text(AMPERSAND, encoding="utf-8")
    out = tmp / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=root, env=env, check=True)
    server, base = serve_dir(out)
    yield base
    server.shutdown()


def test_an_organisation_without_entries_is_found(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "formulierenbrigade")
    results = phone.locator("[data-wk-search-results]")
    link = results.get_by_role("link", name="Formulierenbrigade Zuidwest")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == site_url + "/organisaties/formulierenbrigade/"


def test_a_name_with_an_ampersand_shows_as_written(phone: Page, site_url: str) -> None:
    """Pagefind gives a page's "title" back escaped; the results show the name as the editor wrote it."""
    phone.goto(site_url + "/")
    phone.fill("#wk-q", "geld")
    results = phone.locator("[data-wk-search-results]")
    expect(results.locator("li.wk-result").first).to_be_visible()
    names = results.locator("li.wk-result > a").all_inner_texts()
    assert "Geld & Zo" in names and not [name for name in names if "&amp;" in name or "&#" in name], names
    org = results.locator("a.wk-result-org").get_by_text("SchuldHulpMaatje Den Haag", exact=True)
    expect(org).to_be_visible()  # the result's own link; its entries' cards name the organisation too

"""``mkdocs serve``: an editor's browser reloads by itself when the data changes (the policy allows the
server's live-reload script, and only that)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..adapters.test_plugin_serve import serving
from ..helpers import example_copy

pytestmark = pytest.mark.browser


def test_the_page_reloads_when_the_data_changes(phone: Page, tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    refused: list[str] = []
    phone.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    with serving(root) as (url, _):
        phone.goto(url + "/wijken/moerwijk/")
        expect(phone.locator("h1")).to_have_text("Moerwijk")
        wijk = root / "wijken" / "moerwijk.yaml"
        wijk.write_text(wijk.read_text(encoding="utf-8").replace("name: Moerwijk", "name: Moerwijk-Oost"), "utf-8")
        expect(phone.locator("h1")).to_have_text("Moerwijk-Oost", timeout=90_000)
    assert refused == []

"""The mkdocs adapter's shortcut: generated pages skip the Markdown pass and keep what links need."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.structure import pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from wijkkaart.plugin import WijkkaartPlugin

from .helpers import REPO

BODY = (
    '<div class="wk-page">\n<h1>Wijkz</h1>\n'
    '<article id="kaarttafel" data-id="geen-anker"><h3>Kaarttafel</h3></article>\n</div>'
)


def _page(src: str, markdown: str, generated: bool) -> str | None:
    config = load_config(str(REPO / "mkdocs.yml"))
    config.plugins._current_plugin = "wijkkaart"  # as while mkdocs runs a plugin's event
    file = File.generated(config, src, content=markdown)
    files = Files([file])
    page = Page(None, file, config)
    plugin = WijkkaartPlugin()
    plugin.generated = {src} if generated else set()
    page = plugin.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    page.render(config, files)
    assert page.toc is not None
    if generated:
        assert list(page.toc) == [] and page.present_anchor_ids == {"kaarttafel"}
    return page.content


def test_a_generated_page_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_markdown(**_: object) -> None:
        raise AssertionError("Markdown was made")

    monkeypatch.setattr(pages, "markdown", SimpleNamespace(Markdown=no_markdown))  # only in Page.render
    assert _page("organisaties/wijkz.md", BODY, generated=True) == BODY


def test_a_written_page_still_goes_through_markdown() -> None:
    assert _page("over.md", "# Over\n\nTekst.", generated=False) == '<h1 id="over">Over</h1>\n<p>Tekst.</p>'

"""The mkdocs adapter's shortcut: generated pages skip the Markdown pass and keep what links need."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.structure import pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from wijkkaart.adapters.plugin import WijkkaartPlugin

from ..helpers import REPO, VALID

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


def _minimal_site(tmp: Path, config: str) -> Path:
    """The valid test data under a short mkdocs.yml with no nav, no not_in_nav and no font setting."""
    root = tmp / "minimal"
    shutil.copytree(VALID, root)
    (root / "content").mkdir()
    (root / "mkdocs.yml").write_text(
        f"site_name: Kaart\ndocs_dir: content\n{config}plugins:\n  - wijkkaart:\n      gemeente: Den Haag\n",
        encoding="utf-8",
    )
    return root


def _build(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *options], cwd=root, capture_output=True, text=True, env=env
    )


def test_a_short_mkdocs_yml_gives_a_whole_site(tmp_path: Path) -> None:
    """Without nav, not_in_nav or font: the menu holds the start, wijken, thema's and A–Z pages only, and no page
    asks Google for fonts."""
    root = _minimal_site(tmp_path, "site_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n")
    built = _build(root, "--strict")
    assert built.returncode == 0, built.stderr
    assert "not included in the" not in built.stderr
    page = (root / "site" / "wijken" / "noord" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]*)" class="md-nav__link', page) == [
        "../..",
        "../../organisaties/",
        "../../themas/",
        "../",
    ]
    assert [p for p in (root / "site").rglob("*.html") if "fonts.g" in p.read_text(encoding="utf-8")] == []


def test_another_theme_gets_one_dutch_error(tmp_path: Path) -> None:
    built = _build(_minimal_site(tmp_path, "site_url: http://127.0.0.1:8000/\ntheme:\n  name: readthedocs\n"))
    assert built.returncode == 1
    assert (
        "wijkkaart: het thema 'readthedocs' wordt niet ondersteund; wijkkaart werkt alleen met Material for MkDocs. "
        "Zet in mkdocs.yml onder 'theme:' de regel 'name: material'." in built.stderr
    )
    assert "Traceback" not in built.stderr
    assert not (tmp_path / "minimal" / "site").exists()


def test_a_site_without_site_url_is_warned_what_breaks(tmp_path: Path) -> None:
    built = _build(_minimal_site(tmp_path, "theme:\n  name: material\n"))
    assert built.returncode == 0, built.stderr
    assert (
        "WARNING -  wijkkaart: mkdocs.yml:1 site_url: waarschuwing: 'site_url' ontbreekt in mkdocs.yml. Zonder het "
        "adres van de site hebben de printversies van de wijken geen QR-code en werkt de link 'Meld een fout' niet. "
        "Zet bv. 'site_url: https://gebruiker.github.io/sociale-kaart/' in mkdocs.yml. [no-site-url]\n" in built.stderr
    )


def test_a_scope_that_would_change_the_themes_script_gets_one_dutch_error(tmp_path: Path) -> None:
    """Material writes ``extra.scope`` into an inline script that the policy allows: it must stay a path."""
    scope = '",alert(1),"'
    config = f"site_url: http://127.0.0.1:8000/\ntheme:\n  name: material\nextra:\n  scope: '{scope}'\n"
    built = _build(_minimal_site(tmp_path, config))
    assert built.returncode == 1
    assert (
        "ERROR   -  wijkkaart: 'extra.scope' in mkdocs.yml moet een pad of adres zijn, zonder aanhalingstekens, "
        f"'\\', '<' of '>' (nu: {scope!r}). Schrijf bv. 'scope: /sociale-kaart/' of laat het weg.\n" in built.stderr
    ), built.stderr
    assert "Traceback" not in built.stderr
    assert not (tmp_path / "minimal" / "site").exists()


def test_settings_the_theme_shows_are_escaped_once(tmp_path: Path) -> None:
    """Material writes ``site_description`` (and ``site_name``) as they are: they show as written."""
    config = "site_description: 'Geld & Zo \"><b>'\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n"
    root = _minimal_site(tmp_path, config)
    built = _build(root)
    assert built.returncode == 0, built.stderr
    page = (root / "site" / "404.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Geld &amp; Zo &quot;&gt;&lt;b&gt;">' in page

"""Frames: the theme rendered once per kind of page must give every page exactly what the theme gives it."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from wijkkaart.frames import TEMPLATE, Frames

from .helpers import REPO, build_example

# The parts of material's base.html that take the page's values (see frames._values).
THEME = (
    "<title>{{ page.meta.title }} - Kaart</title>"
    '<meta name="description" content="{{ page.meta.description }}">'
    '<link rel="canonical" href="{{ page.canonical_url }}">'
    "<span>{{ page.title }}</span>"
    '{% if "<h1" not in page.content %}<h1>{{ page.title }}</h1>{% endif %}'
    "<main>{{ page.content }}</main>"
)
NAMES = ["Kaarttafel", "Geld & Zo", "wkframe5contentq", "De Wilg"]


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    loaded = load_config(str(REPO / "mkdocs.yml"))
    loaded.plugins._current_plugin = "wijkkaart"  # as while mkdocs runs a plugin's event
    return loaded


def _page(config: MkDocsConfig, src: str, title: str, body: str) -> Page:
    page = Page(None, File.generated(config, src, content=body), config)
    page.meta = {"title": title, "description": f"Alles over {title}."}
    page.markdown = page.content = body
    page.toc = get_toc([])
    return page


def _org_pages(config: MkDocsConfig, names: list[str] = NAMES) -> list[Page]:
    return [
        _page(config, f"organisaties/org-{n}.md", name, f"<h1>{name}</h1><p>{n}</p>") for n, name in enumerate(names)
    ]


def _render(theme: str, pages: list[Page]) -> tuple[list[str], list[str], Frames]:
    """Each page through the frames, and each page through the theme itself."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": theme}))
    frames = Frames(env, [])
    frames.install()
    through_frames = [env.get_template(TEMPLATE).render(page=page, base_url="../..") for page in pages]
    through_theme = [env.get_template("main.html").render(page=page, base_url="../..") for page in pages]
    return through_frames, through_theme, frames


def test_pages_of_one_kind_share_a_frame(config: MkDocsConfig) -> None:
    through_frames, through_theme, frames = _render(THEME, _org_pages(config))
    assert through_frames == through_theme
    assert frames.filled == 3  # all but the first, whose frame the second one confirms


def test_a_body_without_its_own_heading_is_another_kind(config: MkDocsConfig) -> None:
    pages = [*_org_pages(config), _page(config, "organisaties/kaal.md", "Kaal", "<p>geen kop</p>")]
    through_frames, through_theme, _ = _render(THEME, pages)
    assert through_frames == through_theme
    assert "<h1>Kaal</h1><main><p>geen kop</p>" in through_frames[-1]


def test_pages_in_other_folders_are_other_kinds(config: MkDocsConfig) -> None:
    pages = [*_org_pages(config), _page(config, "wijken/wijkz.md", "Wijkz", "<h1>Wijkz</h1>")]
    theme = THEME + '<a href="{{ base_url }}/wijken/">Wijken</a>'
    through_frames, through_theme, frames = _render(theme, pages)
    assert through_frames == through_theme
    assert frames.filled == 3


@pytest.mark.parametrize(
    "theme",
    [
        THEME + "<footer>{{ page.url }}</footer>",  # something of the page's own that no frame leaves open
        THEME.replace("{{ page.title }}", "{{ page.title | upper }}"),  # a value changed on its way in
    ],
    ids=["own-address", "changed-value"],
)
def test_a_frame_that_does_not_prove_itself_is_not_used(config: MkDocsConfig, theme: str) -> None:
    through_frames, through_theme, frames = _render(theme, _org_pages(config))
    assert through_frames == through_theme
    assert frames.filled == 0


def _build(out: Path, frames: bool) -> str:
    """A strict build of the example site (``frames=False``: the theme renders every page); its log."""
    switch = "" if frames else "wijkkaart.frames.Frames._kind = lambda self, context: None; "
    return build_example(out, f"import wijkkaart.frames; {switch}")


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a site except the search index, whose file names change from build to build."""
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).parts[0] != "pagefind"
    }


def test_the_example_site_is_the_same_with_and_without_frames(tmp_path: Path) -> None:
    log = _build(tmp_path / "met", frames=True)
    _build(tmp_path / "zonder", frames=False)
    filled = re.search(r"wijkkaart: (\d+) pagina's in een gedeeld kader van het thema", log)
    assert filled is not None and int(filled[1]) > 10, log
    with_frames, without = _files(tmp_path / "met"), _files(tmp_path / "zonder")
    assert with_frames.keys() == without.keys()
    assert [name for name in with_frames if with_frames[name] != without[name]] == []

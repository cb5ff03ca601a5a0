"""Frames: the theme rendered once per kind of page must give every page exactly what the theme gives it."""

from __future__ import annotations

import importlib.metadata
import os
import re
from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from wijkkaart.adapters import frames
from wijkkaart.adapters.frames import TEMPLATE, TESTED_THEMES, Frames, untested

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


def _page(config: MkDocsConfig, src: str, title: str, body: str, meta_title: bool = True) -> Page:
    page = Page(None if meta_title else title, File.generated(config, src, content=body), config)
    page.meta = {"title": title} if meta_title else {}
    page.meta["description"] = f"Alles over {title}."
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


def _material(config: MkDocsConfig, changes: dict[str, tuple[str, str]]) -> jinja2.Environment:
    """The real templates of the installed Material for MkDocs, as the example site configures the theme, with
    in ``changes`` a template's text replaced (old, new) where a test makes the theme look at a value."""
    env = config.theme.get_env()
    changed = {}
    for name, (old, new) in changes.items():
        assert env.loader is not None
        source = env.loader.get_source(env, name)[0]
        assert old in source, (name, old)
        changed[name] = source.replace(old, new)
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(changed), env.loader]) if changed else env.loader
    return env


def _render_material(
    config: MkDocsConfig, pages: list[Page], changes: dict[str, tuple[str, str]] | None = None
) -> tuple[list[str], list[str], Frames]:
    """Each page through the frames, and through the theme itself, with material's real templates and the
    context mkdocs gives them."""
    env = _material(config, changes or {})
    files = Files([page.file for page in pages])
    nav, doc_files = get_navigation(files, config), files.documentation_pages()  # as mkdocs' build has them
    frames = Frames(env, [])
    frames.install()

    def context(page: Page) -> dict[str, object]:
        return dict(get_context(nav, doc_files, config, page, get_relative_url(".", page.url)))

    through_frames = [env.get_template(TEMPLATE).render(context(page)) for page in pages]
    through_theme = [env.get_template("main.html").render(context(page)) for page in pages]
    return through_frames, through_theme, frames


def test_material_frames_the_pages_of_the_site(config: MkDocsConfig) -> None:
    """As the site's pages are made (a title in the metadata), material writes each value as it is."""
    through_frames, through_theme, made = _render_material(config, _org_pages(config, [*NAMES, "Ik &amp; jij"]))
    assert through_frames == through_theme
    assert made.filled == 4 and made.refused == []
    assert "<title>Ik &amp; jij - " in through_frames[-1]


def test_material_strips_tags_from_a_title_without_metadata(config: MkDocsConfig) -> None:
    """Without a title in the metadata, material's <title> is ``page.title | striptags``: not the same for
    every title, so no frame (a frame from the first two pages would have given the third '&amp;')."""
    names = ["Kaarttafel", "De Wilg", "Geld &amp; Zo", "<b>Vet</b> gedrukt"]
    pages = [
        _page(config, f"organisaties/org-{n}.md", name, f"<h1>{name}</h1>", meta_title=False)
        for n, name in enumerate(names)
    ]
    through_frames, through_theme, made = _render_material(config, pages)
    assert through_frames == through_theme
    assert "<title>Geld & Zo - " in through_frames[2]
    assert made.filled == 0 and made.refused == [["filter"]]


HEADER = "partials/header.html"
HEADER_TITLE = "{{ page.meta.title }}"
CONTENT = "partials/content.html"
BASE = "base.html"


@pytest.mark.parametrize(
    ("changes", "uses"),
    [
        ({HEADER: (HEADER_TITLE, "{{ page.meta.title | truncate(12) }}")}, ["__getitem__", "__len__"]),
        ({HEADER: (HEADER_TITLE, "{{ page.meta.title | upper }}")}, ["upper"]),
        ({HEADER: (HEADER_TITLE, "{{ page.meta.title | striptags }}")}, ["filter"]),
        ({HEADER: (HEADER_TITLE, "{{ page.meta.title | e }}")}, ["filter"]),
        ({HEADER: (HEADER_TITLE, "{{ page.meta.title | tojson }}")}, ["filter"]),
        ({HEADER: (HEADER_TITLE, "{{ page.meta.title | wordcount }}")}, ["filter"]),
        ({HEADER: (HEADER_TITLE, '{% if page.meta.title == "De Wilg" %}!{% endif %}')}, ["__eq__"]),
        ({HEADER: (HEADER_TITLE, '{% if "&" in page.meta.title %}en{% endif %}')}, ["__contains__"]),
        ({CONTENT: ("{{ page.content }}", "{{ page.content | length }}")}, ["__len__"]),
        ({CONTENT: ('"\\u003ch1" not in', '"<p>" not in')}, ["__contains__"]),
        (
            {BASE: ('content="{{ page.meta.description }}"', 'content="{{ page.meta.description[:20] }}"')},
            ["__getitem__"],
        ),
    ],
    ids=[
        "truncate",
        "upper",
        "striptags",
        "escape",
        "tojson",
        "wordcount",
        "equals",
        "contains",
        "length",
        "other-test-of-the-body",
        "slice",
    ],
)
def test_material_looking_at_a_value_gets_no_frame(
    config: MkDocsConfig, changes: dict[str, tuple[str, str]], uses: list[str]
) -> None:
    """Material's real templates, each changed to look at or change a value: the first pages would have
    proved a frame that gives a later page something else; the stand-ins or the probe stop it."""
    names = ["Kaarttafel", "De Wilg", "Geld & Zo", "Een heel lange naam van een organisatie <b>vet</b>"]
    pages = [
        _page(config, f"organisaties/org-{n}.md", name, f"<h1>{name}</h1><p>{n}</p>") for n, name in enumerate(names)
    ]
    through_frames, through_theme, made = _render_material(config, pages, changes)
    assert through_frames == through_theme
    assert made.filled == 0 and made.refused == [uses]


def test_frames_are_tested_with_the_installed_material() -> None:
    """constraints.txt installs a version the frames tests ran with; pyproject.toml allows only the minor
    versions that have a tested version (another version of such a minor is allowed, and gets no frames)."""
    assert untested("material") is None
    package, versions = TESTED_THEMES["material"]
    minors = sorted({tuple(int(n) for n in version.split(".")[:2]) for version in versions})
    pin = re.search(r'"mkdocs-material>=9\.(\d+),<9\.(\d+)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pin is not None and minors == [(9, minor) for minor in range(int(pin[1]), int(pin[2]))]
    assert f"{package}==" + versions[-1] in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines()


def test_an_untested_theme_version_renders_every_page_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(frames.TESTED_THEMES, "material", ("mkdocs-material", ("9.8.99",)))
    installed = importlib.metadata.version("mkdocs-material")
    assert untested("material") == f"mkdocs-material {installed} (getest: 9.8.99)"
    assert untested("readthedocs") == "het thema readthedocs"


def _build(out: Path, frames: bool) -> str:
    """A strict build of the example site (``frames=False``: as with a version of the theme frames are not
    tested with, the theme renders every page); its log."""
    # scripts/test_frames_versions.sh runs this with versions not yet listed as tested
    version = os.environ.get("WIJKKAART_TEST_MATERIAL", "") if frames else "0.0.0"
    switch = (
        f"wijkkaart.adapters.frames.TESTED_THEMES['material'] = ('mkdocs-material', ('{version}',)); "
        if version
        else ""
    )
    return build_example(out, f"import wijkkaart.adapters.frames; {switch}")


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a site except the search index, whose file names change from build to build."""
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).parts[0] != "pagefind"
    }


def test_the_example_site_is_the_same_with_and_without_frames(tmp_path: Path) -> None:
    log = _build(tmp_path / "met", frames=True)
    untested_log = _build(tmp_path / "zonder", frames=False)
    filled = re.search(r"wijkkaart: (\d+) pagina's in een gedeeld kader van het thema", log)
    assert filled is not None and int(filled[1]) > 10, log
    assert "geen gedeeld kader" not in log and "niet getest" not in log
    assert "wijkkaart: 0 pagina's in een gedeeld kader van het thema" in untested_log
    installed = importlib.metadata.version("mkdocs-material")
    assert (
        f"wijkkaart: gedeelde kaders zijn niet getest met mkdocs-material {installed} (getest: 0.0.0); het thema "
        "maakt elke pagina." in untested_log
    )
    with_frames, without = _files(tmp_path / "met"), _files(tmp_path / "zonder")
    assert with_frames.keys() == without.keys()
    assert [name for name in with_frames if with_frames[name] != without[name]] == []

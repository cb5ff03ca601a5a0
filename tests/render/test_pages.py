"""Rendered pages: golden output for the test site, and escaping of every text field."""

from __future__ import annotations

import os
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from wijkkaart.pipeline.build import build_site
from wijkkaart.records import fields
from wijkkaart.render.text import without_example_label
from wijkkaart.render.urls import EARLY_SCRIPT, MAP_DOCUMENT, Links, page_url

from ..helpers import DATA, REPO, example_copy, settings_for, site_copy

GOLDEN = REPO / "tests" / "golden"
HOSTILE = DATA / "hostile"
DATA_SCRIPTS = ("wk-holidays", "wk-utc-offsets")
MAP_FRAME = re.compile(r"(\.\./)*assets/wijkkaart/kaart\.html(#([a-z0-9-]+/)+)?")


@pytest.mark.parametrize("src", ["organisaties/geldhulp.md", "organisaties/buurthuis.md", "wijken/zuid.md", "index.md"])
def test_golden_pages(src: str, tmp_path: Path) -> None:
    pages = {p.src: p.content for p in build_site(settings_for(site_copy(tmp_path))).pages}
    golden = GOLDEN / (src.replace("/", "__"))
    if os.environ.get("WIJKKAART_UPDATE_EXPECTED"):
        golden.write_text(pages[src], encoding="utf-8")
    assert pages[src] == golden.read_text(encoding="utf-8")


def test_links_are_relative() -> None:
    assert page_url("wijken/zuid.md") == "wijken/zuid/"
    assert page_url("index.md") == ""
    links = Links("wijken/zuid.md")
    assert links.org("geldhulp", "spreekuur-zuid") == "../../organisaties/geldhulp/#spreekuur-zuid"
    assert links.to("index.md") == "../../"


@pytest.fixture
def html_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch off validation's refusal of HTML and unsafe links, to test the output layer alone."""
    monkeypatch.setattr(fields, "_HTML", re.compile(r"(?!)"))
    monkeypatch.setattr(fields, "_LINK", re.compile(r"(?!)"))


class _Unsafe(HTMLParser):
    """Collects every script or image tag, event-handler attribute and javascript: URL in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        own = dict(attrs)
        if tag == "script" and own.get("type") == "application/json" and own.get("id") in DATA_SCRIPTS:
            return  # data, never run
        if tag == "script" and own.get("type") == "module" and own.get("src") == EARLY_SCRIPT:
            return  # wijkkaart's own early script, after the home page's postcode box (a file of the site)
        map_frame = "src" not in own and MAP_FRAME.fullmatch(own.get("data-wk-map-src") or "")
        if tag in ("script", "img", "object") or (tag == "iframe" and not map_frame):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


def unsafe_parts(html: str) -> list[str]:
    parser = _Unsafe()
    parser.feed(html)
    return parser.found


@pytest.mark.usefixtures("html_allowed")
def test_every_text_field_is_escaped() -> None:
    site = build_site(settings_for(HOSTILE))
    assert len(site.pages) > 10
    for page in site.pages:
        assert unsafe_parts(page.content) == [], page.src
    # The one map document holds no data (each page's map data is JSON, drawn as text by the document).
    document = next(a.content.decode() for a in site.assets if a.path == MAP_DOCUMENT)
    assert "alert" not in document and "vijand" not in document.lower()
    # vendored Leaflet, folium's global switches, the map's own script
    assert unsafe_parts(document) == ["script"] * 3 and document.count("</script") == 3
    org = next(p.content for p in site.pages if p.src == "organisaties/vijand.md")
    assert "&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;" in org
    assert "&lt;img src=x onerror=alert(&#39;adres&#39;)&gt;" in org
    assert 'title: "\\u2039script\\u203aalert(\\u0026#x27;naam\\u0026#x27;)\\u2039/script\\u203a"' in org


@pytest.mark.usefixtures("html_allowed")
@pytest.mark.parametrize("root", [REPO, HOSTILE], ids=["voorbeeld", "vijandig"])
def test_markdown_passes_every_generated_page_through_unchanged(root: Path) -> None:
    """The mkdocs adapter skips the Markdown pass for generated pages; this is why that changes nothing."""
    import markdown
    from mkdocs.config import load_config
    from mkdocs.utils import meta

    config = load_config(str(REPO / "mkdocs.yml"))
    site = build_site(settings_for(root))
    for page in site.pages:
        body, _ = meta.get_data(page.content)
        converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        assert converter.convert(body).strip() == body.strip(), page.src


def test_a_large_theme_leads_to_the_wijk_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond THEME_CARDS entries a theme page lists wijken with counts, not thousands of cards."""
    from wijkkaart.render import pages

    monkeypatch.setattr(pages, "THEME_CARDS", 1)
    site = build_site(settings_for(REPO), with_maps=False)
    theme = next(p.content for p in site.pages if p.src == "themas/geld-en-schulden.md")
    assert "wk-service" not in theme  # no cards
    assert "Bij dit thema staan 5 spreekuren en activiteiten" in theme
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a> <span class="wk-muted">\((\d+)\)</span>', theme)
    assert links[:2] == [
        ("../../wijken/bouwlust-vrederust/#thema-geld-en-schulden", "Bouwlust/Vrederust", "1"),
        ("../../wijken/centrum/#thema-geld-en-schulden", "Centrum", "2"),
    ]
    for href, name, count in links:  # each count is what that wijk page shows under the theme
        wijk = next(p.content for p in site.pages if p.src == href.removeprefix("../../").split("/#")[0] + ".md")
        section = wijk.split('<h3 id="thema-geld-en-schulden">')[1].split("</section>")[0]
        assert section.count('<article class="wk-service"') == int(count), name


def test_every_wijk_link_in_a_card_leads_to_that_wijk() -> None:
    """Cards are rendered once and shown on many pages: their links must hold on each of them (a card
    made for Centrum's page once sent readers of Schilderswijk's page to "./" for Centrum)."""
    site = build_site(settings_for(REPO), with_maps=False)
    names = {w.wijk.name: page_url(f"wijken/{slug}.md") for slug, w in site.catalog.wijken.items()}
    checked = 0
    for page in site.pages:
        for links in re.findall(r"<dt>Voor wie</dt><dd>bewoners van (.*?)</dd>", page.content):
            for href, name in re.findall(r'<a href="([^"]+)">([^<]+)</a>', links):
                target = posixpath.normpath(posixpath.join("/" + page_url(page.src), href)) + "/"
                assert target == "/" + names[name], (page.src, name, href)
                checked += 1
    assert checked > 20


def test_te_controleren_says_whom_to_call_and_the_a_to_z_list_holds_every_organisation(tmp_path: Path) -> None:
    from dataclasses import replace

    settings = replace(settings_for(example_copy(tmp_path)), stale_months=1)
    pages = {p.src: p.content for p in build_site(settings, with_maps=False).pages}
    stale = pages["te-controleren.md"]
    assert "geen contactgegevens" not in stale and "Er staan geen contactgegevens" not in stale
    assert (
        'Vraag het na bij Wijkteam Bouwlust/Vrederust: <a href="tel:+31700000104">070 000 0104</a> of '
        '<a href="mailto:bouwlust@schuldhulpmaatje.example">bouwlust@schuldhulpmaatje.example</a>;'
    ) in stale
    assert 'Vraag het na bij <a href="tel:+31700000110">070 000 0110</a>.' in stale  # Wijkz: its own number
    a_to_z = pages["organisaties/index.md"]
    names = re.findall(r'<li><a href="[^"]+/">([^<]+)</a>', a_to_z)
    assert names == ["Helpdesk Geldzaken", "Schilderswijk Moeders", "SchuldHulpMaatje Den Haag", "Wijkz"]
    assert re.findall(r'<h2 id="letter-(\w+)">', a_to_z) == ["h", "s", "w"]


def test_organisations_a_to_z_by_their_first_letter() -> None:
    from types import SimpleNamespace

    from wijkkaart.render.pages import by_letter

    names = ["Zorg", "'s-Hertogenbosch Hulp", "Één loket", "123 Hulp", "eerste hulp", "Buurthuis"]
    orgs = [SimpleNamespace(name=n, slug=str(i)) for i, n in enumerate(names)]
    groups = [(letter, [o.name for o in members]) for letter, members in by_letter(orgs)]  # type: ignore[arg-type]
    assert groups == [
        ("B", ["Buurthuis"]),
        ("E", ["Één loket", "eerste hulp"]),
        ("H", ["'s-Hertogenbosch Hulp"]),
        ("Z", ["Zorg"]),
        ("0-9", ["123 Hulp"]),
    ]


def test_print_and_card_say_when_it_really_holds(tmp_path: Path) -> None:
    """Issue 17: the printed list says the schedule as it really holds (overrides resolved), its dates and
    the end of a closure, worded once for cards and print."""
    root = site_copy(tmp_path)
    org = root / "orgs" / "buurthuis.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            '    schedule: "Mo,We 10:00-12:00; PH off"',
            '    schedule: "Mo,We 10:00-12:00; We 14:00-16:00; PH off"\n    valid_to: 2027-06-30\n'
            "    status: temporarily_closed\n    status_note: Verbouwing.\n    closed_until: 2027-01-15",
        ),
        encoding="utf-8",
    )
    pages = {p.src: p.content for p in build_site(settings_for(root)).pages}
    when = "elke maandag 10.00–12.00 uur; elke woensdag 14.00–16.00 uur; niet op feestdagen"
    printed = next(content for src, content in pages.items() if "print" in src and "Koffie-inloop" in content)
    assert f"<dd>{when}" in printed and "(tot en met 30 juni 2027)</dd>" in printed  # the sheet has the card
    assert "Tijdelijk gesloten tot en met 15 januari 2027.</strong> Verbouwing." in printed
    assert f"<dd>{when}" in pages["organisaties/buurthuis.md"]
    assert "(tot en met 30 juni 2027)</dd>" in pages["organisaties/buurthuis.md"]


def test_a_wijk_without_organisations_says_so(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    (root / "wijken" / "laak.yaml").write_text("name: Laak\ngemeente: Den Haag\npc4: [2491]\n", encoding="utf-8")
    site = build_site(settings_for(root), with_maps=False)
    page = next(p.content for p in site.pages if p.src == "wijken/laak.md")
    offer = page.split('id="aanbod"', 1)[1].split("</section>", 1)[0]
    assert "Er staat nog niets voor deze wijk op de kaart." in offer and "data-wk-filters" not in offer  # no filters
    organisations = page.split('<h2 id="organisaties">Organisaties in deze wijk</h2>\n', 1)[1]
    assert organisations.startswith(
        "<p>Nog geen organisaties die in Laak werken. Weet je er een? Kijk op de pagina Bijdragen hoe je hem "
        "toevoegt.</p>\n</div>"
    )


def test_the_list_for_the_whole_gemeente_on_a_wijk_page_is_a_count_and_folded(tmp_path: Path) -> None:
    pages = {p.src: p.content for p in build_site(settings_for(site_copy(tmp_path))).pages}
    part = pages["wijken/zuid.md"].split('id="hele-gemeente"', 1)[1].split("<section", 1)[0]
    said = "Nog 1 spreekuur of activiteit is voor iedereen in de gemeente. Het is op een plek buiten Zuid."
    assert said in part
    folded = part.split('<details class="wk-fold">\n<summary>Toon de lijst (1)</summary>', 1)[1]
    assert folded.split("</details>", 1)[0].count("<li>") == 1


def test_the_example_label_is_shown_once() -> None:
    assert without_example_label("Wijkcentrum (voorbeeld) ", example=True) == "Wijkcentrum"
    assert without_example_label("Wijkcentrum (Voorbeeld)", example=True) == "Wijkcentrum"
    assert without_example_label("Wijkcentrum (voorbeeld)", example=False) == "Wijkcentrum (voorbeeld)"
    site = build_site(settings_for(REPO))  # the example names a location "Wijkcentrum (voorbeeld)"
    org = next(p.content for p in site.pages if p.src == "organisaties/helpdesk-geldzaken.md")
    assert 'Wijkcentrum <span class="wk-badge wk-badge--example"' in org
    assert all("(voorbeeld)" not in p.content for p in site.pages), [
        p.src for p in site.pages if "(voorbeeld)" in p.content
    ]

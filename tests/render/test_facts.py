"""The entry's facts for display, declared once (render/facts.py): the card, the filter form, the card data,
the search filters, iCal, HSDS and the browser's scripts all say them with the table's names and words."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from wijkkaart.exports.hsds import hsds_files
from wijkkaart.exports.ical import ical_files
from wijkkaart.pipeline.build import build_site
from wijkkaart.render.facts import CARD_FILTERS, FACTS, FILTERS, SEARCH_FILTERS, WALK_IN, browser_facts
from wijkkaart.render.finder import card_data
from wijkkaart.render.search import search_records

from ..helpers import REPO, settings_for, site_copy

SCRIPTS = REPO / "wijkkaart" / "assets" / "js"


class _Form(HTMLParser):
    """The names of a page's filter form's controls, and the card facts' headings and words."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.facts: list[tuple[str, str]] = []
        self._in: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        own = dict(attrs)
        if tag in ("select", "input") and own.get("name") and own.get("type") != "reset":
            self.names.append(own["name"] or "")
        if tag in ("dt", "dd"):
            self._in, self._text = tag, ""

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "dt":
            self.facts.append((self._text, ""))
        elif tag == "dd" and self.facts:
            self.facts[-1] = (self.facts[-1][0], self._text)
        if tag in ("dt", "dd"):
            self._in = None


def test_the_form_the_card_and_the_browser_use_the_one_table(tmp_path: Path) -> None:
    site = build_site(settings_for(site_copy(tmp_path)))
    page = next(p for p in site.pages if p.src == "index.md")  # the postcode finder's form: every theme
    form = page.content[page.content.index('<form class="wk-filters"') :]
    parsed = _Form()
    parsed.feed(form[: form.index("</form>")])
    optional = {fact.key for fact in FACTS if fact.optional}  # no service of the test site has one
    assert parsed.names == [f.name for f in CARD_FILTERS if f.fact not in optional]
    assert [f["name"] for f in browser_facts()["filters"]] == [f.name for f in CARD_FILTERS]  # type: ignore[index]

    entry = next(s for s in site.catalog.services if s.uid == "buurthuis/koffie")
    card = _Form()
    card.feed(site.cards[entry.uid])
    labels = {fact.label for fact in FACTS}
    assert [f for f in card.facts if f[0] in labels] == [
        ("Hoe", "zonder afspraak"),
        ("Kosten", "gratis"),
        ("Talen", "Nederlands"),
    ]
    data = card_data(entry)
    assert all(data.get(f.fact) == getattr(entry.service, f.fact) for f in CARD_FILTERS if f.check)


def test_exports_and_search_say_walk_in_with_the_cards_words(tmp_path: Path) -> None:
    settings = settings_for(site_copy(tmp_path))
    site = build_site(settings)
    entry = next(s for s in site.catalog.services if s.uid == "geldhulp/spreekuur-zuid")
    assert not entry.service.walk_in
    services = json.loads(dict(hsds_files(site.catalog, settings, None))["open-data/hsds/services.json"])
    service = next(s for s in services if s["name"] == entry.service.name)
    assert {s["attending_type"] for s in service["schedules"]} == {WALK_IN.no}
    calendar = dict(ical_files(site.catalog, settings))["agenda/geldhulp/spreekuur-zuid.ics"].decode()
    assert "Op afspraak." in calendar.replace("\r\n ", "")
    record = search_records(site.catalog)["organisaties/geldhulp.md"]
    filters = next(e for e in record.entries if e.anchor == "spreekuur-zuid").filters
    optional = {fact.key for fact in FACTS if fact.optional}  # none of the test site's services has one
    assert set(filters) == {f.name for f in SEARCH_FILTERS if f.fact not in optional}
    assert filters["zonder_afspraak"] == ["nee"]


def test_the_scripts_keep_no_copy_of_the_filters_or_the_facts_words() -> None:
    words = {f.name for f in FILTERS} | {f.label for f in FILTERS} | {f.everything for f in FILTERS}
    words |= {fact.yes for fact in FACTS} | {fact.no for fact in FACTS} | {fact.label for fact in FACTS}
    words = {word.lower() for word in words if word}
    for script in SCRIPTS.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        code = re.sub(r"//[^\n]*|/\*.*?\*/", "", text, flags=re.DOTALL)  # comments may name them
        literals = re.findall(r'"([^"\n]*)"|\'([^\'\n]*)\'|`([^`]*)`|„([^”]*)”', code)
        quoted = {word.lower() for literal in literals for word in literal if word}
        assert not quoted & words, (script.name, quoted & words)


def test_an_optional_fact_end_to_end(tmp_path: Path) -> None:
    """wheelchair_accessible: on the card, in the card data, as a filter (once a service says it), in the word
    search's filters and as the HSDS location's accessibility; left out where unknown."""
    root = site_copy(tmp_path)
    org = root / "orgs" / "buurthuis.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace("walk_in: true", "walk_in: true\n    wheelchair_accessible: true")
    )
    settings = settings_for(root)
    site = build_site(settings)
    entry = next(s for s in site.catalog.services if s.uid == "buurthuis/koffie")
    other = next(s for s in site.catalog.services if s.uid == "geldhulp/spreekuur-zuid")
    card, unknown = _Form(), _Form()
    card.feed(site.cards[entry.uid])
    unknown.feed(site.cards[other.uid])
    assert ("Rolstoel", "rolstoeltoegankelijk") in card.facts
    assert "Rolstoel" not in dict(unknown.facts)
    assert card_data(entry)["wheelchair_accessible"] is True
    assert "wheelchair_accessible" not in card_data(other)
    page = next(p for p in site.pages if p.src == "index.md")
    form = page.content[page.content.index('<form class="wk-filters"') :]
    parsed = _Form()
    parsed.feed(form[: form.index("</form>")])
    assert parsed.names == [f.name for f in CARD_FILTERS]
    assert '<input type="checkbox" name="rolstoel" value="1"> rolstoeltoegankelijk</label>' in form
    records = search_records(site.catalog)
    assert records["organisaties/buurthuis.md"].filters["rolstoel"] == ["ja"]
    assert "rolstoel" not in records["organisaties/geldhulp.md"].filters
    services = json.loads(dict(hsds_files(site.catalog, settings, None))["open-data/hsds/services.json"])
    located = {s["name"]: s["service_at_locations"][0]["location"] for s in services if s.get("service_at_locations")}
    assert located["Koffie-inloop"]["accessibility"] == [
        {
            "id": located["Koffie-inloop"]["accessibility"][0]["id"],
            "location_id": located["Koffie-inloop"]["id"],
            "description": "rolstoeltoegankelijk",
        }
    ]
    assert all("accessibility" not in loc for name, loc in located.items() if name != "Koffie-inloop")

"""The finder's static data: PC4 → wijk lookup, per-wijk lists, compact schedules, search records."""

from __future__ import annotations

import json
import re
from pathlib import Path

from wijkkaart.records.validate import build_catalog
from wijkkaart.render.finder import card_data, finder_files
from wijkkaart.render.pages import Renderer
from wijkkaart.render.search import search_records
from wijkkaart.schedule.browser import compact, holidays

from .helpers import TODAY, example_copy, settings_for, site_copy


def _catalog(tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = settings_for(site_copy(tmp_path))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    return catalog, settings


def _files(catalog, settings) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    return dict(finder_files(catalog, Renderer(catalog, settings, maps=False).finder_cards()))


def test_index_gives_every_pc4_of_the_gemeente_its_answer(tmp_path: Path) -> None:
    catalog, settings = _catalog(tmp_path)
    files = _files(catalog, settings)
    index = json.loads(files["zoek/index.json"])
    assert (index["gemeenten"], index["regio"], index["buiten"]) == (["Den Haag"], "Den Haag", [])
    assert index["pc4"]["2525"] == ["wijk", 0, ["noord"], ["gemeente/s-gravenhage"]]
    assert index["pc4"]["2531"] == ["wijk", 0, ["zuid"], ["wijk/zuid", "gemeente/s-gravenhage"]]
    assert index["pc4"]["2595"] == ["gemeente", 0, [], ["gemeente/s-gravenhage"]]  # Den Haag, in no wijk
    assert "9999" not in index["pc4"]
    assert len(index["pc4"]) == 61


def test_each_group_of_services_is_written_once(tmp_path: Path) -> None:
    catalog, settings = _catalog(tmp_path)
    files = _files(catalog, settings)
    assert sorted(p for p in files if p != "zoek/index.json") == [
        "zoek/gemeente/s-gravenhage.json",
        "zoek/wijk/zuid.json",
    ]
    assert [e["uid"] for e in json.loads(files["zoek/gemeente/s-gravenhage.json"])] == ["buurthuis/koffie"]
    assert [e["uid"] for e in json.loads(files["zoek/wijk/zuid.json"])] == ["geldhulp/spreekuur-zuid"]


def test_a_list_holds_each_card_as_the_pages_render_it(tmp_path: Path) -> None:
    catalog, settings = _catalog(tmp_path)
    renderer = Renderer(catalog, settings, maps=False)
    [entry] = json.loads(dict(finder_files(catalog, renderer.finder_cards()))["zoek/wijk/zuid.json"])
    assert sorted(entry) == ["html", "theme", "uid"]
    assert (entry["uid"], entry["theme"]) == ("geldhulp/spreekuur-zuid", "geld-en-schulden")
    html = entry["html"]
    assert html.startswith('<article class="wk-service" id="pc-geldhulp-spreekuur-zuid"')
    assert '<h4 class="wk-service__name">Spreekuur Zuid</h4>' in html
    assert 'href="organisaties/geldhulp/"' in html  # from the site root: the browser resolves it there
    assert "zoek:uit" not in html
    wijk_page = next(p for p in renderer.pages() if p.src == "wijken/zuid.md").content
    facts = html.split('<dl class="wk-facts">', 1)[1].split("</dl>", 1)[0]
    assert re.sub(r'href="(?![a-z]+:)', 'href="../../', facts) in wijk_page  # the same card as on the wijk page


def test_card_data_carries_compact_rules(tmp_path: Path) -> None:
    catalog, _ = _catalog(tmp_path)
    spreekuur = next(s for s in catalog.services if s.service.id == "spreekuur-zuid")
    data = card_data(spreekuur)
    assert data["url"] == "organisaties/geldhulp/#spreekuur-zuid"
    assert (
        data["time"]
        == compact(spreekuur)
        == {
            "rules": [{"days": [[1, 1], [1, 3]], "weeks": [], "times": [[840, 960]]}],
            "ph_off": False,
            "from": None,
            "to": None,
            "closed": False,
            "closed_until": None,
        }
    )


def test_holidays_cover_more_than_a_year() -> None:
    days = holidays(TODAY)
    assert days[:3] == ["2026-12-25", "2026-12-26", "2027-01-01"]
    assert "2027-04-27" in days and "2028-04-27" in days  # Koningsdag a year after the build too


def test_search_records_have_filters(tmp_path: Path) -> None:
    catalog, _ = _catalog(tmp_path)
    record = search_records(catalog)["organisaties/geldhulp.md"]
    entry = next(e for e in record.entries if e.anchor == "spreekuur-zuid")
    assert (entry.name, entry.wijk, entry.when) == (
        "Spreekuur Zuid",
        "Zuid",
        "1e en 3e dinsdag van de maand 14.00–16.00 uur",
    )
    assert entry.filters == {
        "thema": ["Geld & schulden"],
        "wijk": ["Zuid"],
        "zonder afspraak": ["nee"],
        "taal": ["Nederlands", "Arabisch"],
    }
    assert json.loads(record.entries_json)[[e.anchor for e in record.entries].index("spreekuur-zuid")] == {
        "id": "spreekuur-zuid",
        "naam": "Spreekuur Zuid",
        "wijk": "Zuid",
        "wanneer": "1e en 3e dinsdag van de maand 14.00–16.00 uur",
        "filters": entry.filters,
    }


def test_an_organisations_filters_are_those_of_its_entries(tmp_path: Path) -> None:
    settings = settings_for(example_copy(tmp_path))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    record = search_records(catalog)["organisaties/schuldhulpmaatje-den-haag.md"]
    assert [e.filters["wijk"] for e in record.entries] == [
        ["Bouwlust/Vrederust"],
        ["Centrum", "Schilderswijk"],
        ["Moerwijk"],
        ["Loosduinen"],
    ]
    assert record.filters == {
        "thema": ["Geld & schulden"],
        "wijk": ["Bouwlust/Vrederust", "Centrum", "Loosduinen", "Moerwijk", "Schilderswijk"],
        "zonder afspraak": ["ja", "nee"],
        "taal": ["Nederlands"],
    }

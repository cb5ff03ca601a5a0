"""Who is served where: one decision (``served``), and every output agrees with it for every PC4.

The regional test site (tests/data/regio) covers Heemskerk, Uitgeest and Beverwijk: a gemeente-wide
service in each, a wijk-bound and a PC4-bound one, one for the whole region, one for a gemeente off the
map (Castricum) and one held in Den Haag for Den Haag.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from wijkkaart.exports.ical import NAMESPACE, wijk_ics_path
from wijkkaart.geo.register import REGISTER_FILE, packaged
from wijkkaart.pipeline.build import Site, build_site
from wijkkaart.records.catalog import Catalog
from wijkkaart.records.problems import Severity, render
from wijkkaart.records.validate import build_catalog
from wijkkaart.render.finder import finder_index
from wijkkaart.render.urls import wijk_src

from .helpers import DATA, example_copy, settings_for, site_copy

REGIO = DATA / "regio"


def _regio_site(tmp_path: Path) -> Site:
    root = tmp_path / "regio"
    shutil.copytree(REGIO, root)
    return build_site(settings_for(root), parallel=False)


@pytest.fixture(scope="module")
def regio(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _regio_site(tmp_path_factory.mktemp("regio"))


def _uids(services: list[Any]) -> list[str]:
    return sorted(s.uid for s in services)


def test_each_pc4_is_served_by_its_own_gemeente_wijk_and_region(regio: Site) -> None:
    at = {pc4: _uids(regio.catalog.services_at(pc4)) for pc4 in ("1961", "1963", "1911", "1941", "1949", "1901")}
    assert at == {
        # Heemskerk-Noord: Heemskerk's own inloop, the wijk's spreekuur and the region's line
        "1961": ["regiolijn/regio", "wijkteam-heemskerk/inloop", "wijkteam-heemskerk/noord"],
        # Heemskerk in no wijk: the gemeente, its PC4-bound walk, the region
        "1963": ["regiolijn/regio", "wijkteam-heemskerk/inloop", "wijkteam-heemskerk/straat"],
        # Uitgeest: only Uitgeest's inloop and the region, none of Heemskerk's or Beverwijk's
        "1911": ["geldzaken-uitgeest/inloop", "regiolijn/regio"],
        "1941": ["regiolijn/beverwijk", "regiolijn/regio"],  # named explicitly: 'gemeente: Beverwijk'
        "1949": ["regiolijn/beverwijk", "regiolijn/regio"],  # Wijk aan Zee, in gemeente Beverwijk
        "1901": ["regiolijn/castricum"],  # Castricum: off the map, named by one service, not the region
    }
    assert _uids(regio.catalog.services_at("2525")) == ["haags-loket/inloop"]  # Den Haag's, for Den Haag only


def test_lookup_says_where_a_pc4_lies(regio: Site) -> None:
    served = regio.catalog.served
    assert [(f.status, f.gemeente, f.wijken) for f in map(served.lookup, ("1961", "1911", "1901", "2525"))] == [
        ("wijk", "Heemskerk", ("heemskerk-noord",)),
        ("gemeente", "Uitgeest", ()),
        ("buiten", "Castricum", ()),
        ("buiten", "'s-Gravenhage", ()),
    ]
    assert served.lookup("1901").keys == ("gemeente/castricum", "regio")  # off the map: the region named too
    assert served.outside() == ("regio",)


def _finder(site: Site) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    files = {a.path: json.loads(a.content) for a in site.assets if a.path.startswith("zoek/")}
    index = files.pop("zoek/index.json")
    return index, files


def _finder_uids(site: Site, pc4: str) -> list[str]:
    index, lists = _finder(site)
    _, _, _, keys = index["pc4"].get(pc4, ["buiten", None, [], index["buiten"]])
    return sorted({card["uid"] for key in keys for card in lists[f"zoek/{key}.json"]})


def _page_uids(site: Site, src: str) -> list[str]:
    """The entries a wijk page lists: its cards and its "Ook voor bewoners" list."""
    body = next(p.body for p in site.pages if p.src == src)
    cards = re.findall(r'"uid": "([^"]+)"', body)
    also = body.split('id="hele-gemeente"', 1)[1].split("</ul>", 1)[0] if 'id="hele-gemeente"' in body else ""
    links = re.findall(r'href="\.\./\.\./organisaties/([^/]+)/#([^"]+)"', also)
    return sorted(set(cards) | {f"{org}/{entry}" for org, entry in links})


def _ical_uids(site: Site, catalog: Catalog, path: str) -> list[str]:
    by_event = {f"{uuid.uuid5(NAMESPACE, f'{s.uid}/0')}@wijkkaart": s.uid for s in catalog.services}
    content = next(a.content for a in site.assets if a.path == path)
    events = Calendar.from_ical(content).walk("VEVENT")
    return sorted({by_event[str(e["uid"])] for e in events if str(e["uid"]) in by_event})


def _hsds_pc4s(site: Site) -> dict[str, set[str]]:
    """Per service uid, the PC4 areas its HSDS service areas name."""
    services = json.loads(next(a.content for a in site.assets if a.path.endswith("hsds/services.json")))
    catalog = site.catalog
    by_id = {s["id"]: s for s in services}
    from wijkkaart.exports.hsds import uid

    found = {}
    for entry in catalog.services:
        areas = by_id[uid("service", entry.uid)]["service_areas"]
        text = " ".join(a.get("description", "") for a in areas)
        found[entry.uid] = set(re.findall(r"\b[1-9][0-9]{3}\b", text))
    return found


def _agree(site: Site) -> int:
    """For every PC4 the finder knows (and one it does not): the finder, the wijk pages, the wijk iCal
    feeds and the HSDS service areas all give what ``services_at`` gives."""
    catalog, served = site.catalog, site.catalog.served
    hsds = _hsds_pc4s(site)
    for pc4 in served.pc4s():
        expected = _uids(catalog.services_at(pc4))
        outside = served.lookup(pc4).status == "buiten"
        regio = _uids(served.groups.get("regio", [])) if outside else []
        assert _finder_uids(site, pc4) == sorted(set(expected) | set(regio)), pc4
        assert sorted(u for u, codes in hsds.items() if pc4 in codes) == expected, pc4
    assert _finder_uids(site, "9999") == _uids(served.groups.get("regio", []))
    for wijk in catalog.wijken.values():
        union = sorted({u for p in wijk.wijk.pc4 for u in _uids(catalog.services_at(p))})
        assert _page_uids(site, wijk_src(wijk.slug)) == union == _uids(catalog.serving_wijk(wijk)), wijk.slug
        scheduled = _uids([s for s in catalog.serving_wijk(wijk) if s.schedule])
        assert _ical_uids(site, catalog, wijk_ics_path(wijk)) == scheduled, wijk.slug
    return len(served.pc4s())


def test_every_output_agrees_for_every_pc4_of_the_regional_site(regio: Site) -> None:
    assert _agree(regio) == 9 + 1 + 9 + 5 + 61  # Heemskerk, Uitgeest, Beverwijk; Castricum; Den Haag


def test_every_output_agrees_on_the_example_site(tmp_path: Path) -> None:
    assert _agree(build_site(settings_for(example_copy(tmp_path)), parallel=False)) == 61


def test_a_gemeente_wide_service_held_in_another_gemeente_is_not_offered_here(tmp_path: Path) -> None:
    """The Den Haag bug: the Utrecht loket (for Utrecht) came up in the finder for Den Haag postcodes."""
    site = build_site(settings_for(site_copy(tmp_path, DATA / "gemeenten")), parallel=False)
    assert "utrechts-loket/inloop" not in _finder_uids(site, "2525")
    assert "utrechts-loket/inloop" in _finder_uids(site, "3512")
    _agree(site)


def test_cards_name_the_gemeente_or_region_they_are_for(regio: Site) -> None:
    texts = {}
    for page in regio.pages:
        for uid, who in re.findall(r'"uid": "([^"]+)".*?<dt>Voor wie</dt><dd>(.*?)</dd>', page.body, re.DOTALL):
            texts.setdefault(uid, html.unescape(re.sub(r"<[^>]+>", "", who)))
    assert texts == {
        "geldzaken-uitgeest/inloop": "iedereen in de gemeente Uitgeest",
        "haags-loket/inloop": "iedereen in de gemeente 's-Gravenhage",  # off the map: CBS's name
        "regiolijn/beverwijk": "iedereen in de gemeente Beverwijk",
        "regiolijn/castricum": "iedereen in de gemeente Castricum",
        "regiolijn/regio": "iedereen in de regio (Heemskerk, Uitgeest en Beverwijk)",
        "wijkteam-heemskerk/inloop": "iedereen in de gemeente Heemskerk",
        "wijkteam-heemskerk/noord": "bewoners van Heemskerk-Noord",
        "wijkteam-heemskerk/straat": "bewoners van postcode 1963",
    }


def test_the_finder_index_names_each_pc4s_gemeente(regio: Site) -> None:
    index, lists = _finder(regio)
    assert index["gemeenten"][:3] == ["Heemskerk", "Uitgeest", "Beverwijk"]
    assert index["regio"] == "Heemskerk, Uitgeest en Beverwijk"
    status, where, wijken, keys = index["pc4"]["1911"]
    assert (status, index["gemeenten"][where], wijken, keys) == (
        "gemeente",
        "Uitgeest",
        [],
        ["gemeente/uitgeest", "regio"],
    )
    assert sorted(lists) == sorted(f"zoek/{key}.json" for key in regio.catalog.served.groups)


def test_the_regional_test_site_warns_only_of_the_services_that_serve_no_one_on_it(regio: Site) -> None:
    outside = (
        "waarschuwing: dit werkgebied ligt buiten elke wijk en gemeente van de kaart (Heemskerk, Uitgeest, "
        "Beverwijk); geen bewoner van de kaart vindt het. Controleer wijken, postcodes en gemeenten ('gemeente: "
        "true' is de gemeente van het adres). [area-outside-site]"
    )
    assert render(p for p in regio.problems if p.severity is not Severity.NOTICE) == (
        f"orgs/haags-loket.yaml:19 services[0].service_area: {outside}\n"
        f"orgs/regiolijn.yaml:26 services[2].service_area: {outside}"
    )


def test_a_place_names_its_gemeente_in_a_newer_register(tmp_path: Path) -> None:
    """In CBS data after 2022 Heerhugowaard is a place in gemeente Dijk en Waard: 'Heerhugowaard' in the
    settings and in a service area still works, and the site keeps showing the name it was given."""
    root = tmp_path / "regio"
    shutil.copytree(REGIO, root)
    geo = tmp_path / "geo"
    geo.mkdir()
    shipped = packaged(REGISTER_FILE).read_text(encoding="utf-8")
    (geo / "nl_pc4_centroids.csv").write_text(
        shipped.replace(",Heerhugowaard,Heerhugowaard,", ",Heerhugowaard,Dijk en Waard,")
    )
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("Beverwijk]", f"Heerhugowaard]\n      geodata_dir: {geo}"),
        encoding="utf-8",
    )
    (root / "wijken" / "beverwijk-centrum.yaml").unlink()
    (root / "orgs" / "regiolijn.yaml").write_text(
        (REGIO / "orgs" / "regiolijn.yaml").read_text(encoding="utf-8").replace("Beverwijk", "Heerhugowaard"),
        encoding="utf-8",
    )
    (root / "orgs" / "haags-loket.yaml").unlink()
    catalog, problems = build_catalog(settings_for(root))
    assert catalog is not None, render(problems)
    served = catalog.served
    assert served.gemeenten == ("Heemskerk", "Uitgeest", "Dijk en Waard")
    assert served.display("Dijk en Waard") == "Heerhugowaard"
    assert _uids(catalog.services_at("1702")) == ["regiolijn/beverwijk", "regiolijn/regio"]
    index = finder_index(catalog)
    assert index["regio"] == "Heemskerk, Uitgeest en Heerhugowaard"

"""Checks across records: references with "Bedoelde je …?", unique ids, and dates against the run's today
(each on the right side of its last day)."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from wijkkaart.records.validate import build_catalog

from ..helpers import TODAY, settings_for, site_copy


def _problems(tmp: Path, old: str = "", new: str = "", extra: str = "", today: date = TODAY) -> list[str]:
    """The problems of the valid test site with ``old`` replaced by ``new`` in orgs/geldhulp.yaml and
    ``extra`` lines after its only service."""
    root = site_copy(Path(tempfile.mkdtemp(dir=tmp)))  # a fresh copy for each call
    org = root / "orgs" / "geldhulp.yaml"
    text = org.read_text(encoding="utf-8")
    assert old in text
    org.write_text(text.replace(old, new) + extra, encoding="utf-8")
    _, problems = build_catalog(settings_for(root, today))
    return [p.text() for p in problems]


def test_the_site_as_it_is_has_no_problems(tmp_path: Path) -> None:
    assert _problems(tmp_path) == []


@pytest.mark.parametrize(("days", "ended"), [(-1, False), (0, False), (1, True), (400, True)])
def test_an_activity_ends_after_its_last_day(tmp_path: Path, days: int, ended: bool) -> None:
    found = _problems(tmp_path, extra="    valid_to: 2026-11-24\n", today=date(2026, 11, 24) + timedelta(days=days))
    message = (
        "orgs/geldhulp.yaml:21 services[0].valid_to: waarschuwing: dit liep tot 2026-11-24. Haal het weg als het "
        "niet meer bestaat, of pas de datum aan. [service-ended]"
    )
    assert found == ([message] if ended else [])


def test_a_closure_that_has_ended_is_a_warning(tmp_path: Path) -> None:
    closure = "    status: temporarily_closed\n    status_note: Verbouwing\n    closed_until: {}\n"
    assert _problems(tmp_path, extra=closure.format(TODAY)) == []
    assert _problems(tmp_path, extra=closure.format(TODAY - timedelta(days=1))) == [
        "orgs/geldhulp.yaml:23 services[0].closed_until: waarschuwing: de sluiting liep tot 2026-11-23. Zet 'status' "
        "weer op 'active' en haal 'status_note' en 'closed_until' weg. [closure-ended]"
    ]


def test_checked_may_be_today_but_not_tomorrow(tmp_path: Path) -> None:
    assert _problems(tmp_path, "checked: 2025-01-15", "checked: 2026-11-24") == []
    assert _problems(tmp_path, "checked: 2025-01-15", "checked: 2026-11-25") == [
        "orgs/geldhulp.yaml:4 checked: de datum 2026-11-25 ligt in de toekomst. Vul de datum in waarop de gegevens "
        "echt zijn nagekeken. [checked-in-future]"
    ]


REFERENCES = {
    "unknown-wijk": (
        ("wijken: [zuid]", "wijken: [zuidd]"),
        "orgs/geldhulp.yaml:17 services[0].service_area.wijken[0]: de wijk 'zuidd' bestaat niet. Bedoelde je 'zuid'? "
        "[unknown-wijk]",
    ),
    "unknown-org": (
        ("- org: buurthuis", "- org: buurthuiss"),
        "orgs/geldhulp.yaml:7 partners[0].org: de organisatie 'buurthuiss' bestaat niet. Bedoelde je 'buurthuis'? "
        "[unknown-org]",
    ),
    "partner-self": (
        ("- org: buurthuis", "- org: geldhulp"),
        "orgs/geldhulp.yaml:7 partners[0].org: een organisatie kan niet haar eigen partner zijn. Verwijder deze "
        "partner. [partner-self]",
    ),
    "unknown-theme": (
        ("themes: [geld-en-schulden]", "themes: [geld-en-schuld]"),
        "orgs/geldhulp.yaml:3 themes[0]: het thema 'geld-en-schuld' bestaat niet. Bedoelde je 'geld-en-schulden'? "
        "[unknown-theme]",
    ),
}


@pytest.mark.parametrize(("change", "expected"), REFERENCES.values(), ids=REFERENCES.keys())
def test_a_reference_to_nothing_names_the_closest(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    assert _problems(tmp_path, *change) == [expected]


def test_references_are_checked_in_a_file_with_an_error_elsewhere(tmp_path: Path) -> None:
    """The file is not a valid record (an unknown key), yet its dangling theme is reported too."""
    assert _problems(tmp_path, "themes: [geld-en-schulden]\n", "themes: [geld-en-schuld]\nkleur: rood\n") == [
        "orgs/geldhulp.yaml:3 themes[0]: het thema 'geld-en-schuld' bestaat niet. Bedoelde je 'geld-en-schulden'? "
        "[unknown-theme]",
        "orgs/geldhulp.yaml:4 kleur: de sleutel 'kleur' bestaat hier niet. Toegestaan zijn: checked, description, "
        "email, example, locations, name, partners, phones, services, source, themes, url. [unknown-key]",
    ]


def test_an_id_used_twice(tmp_path: Path) -> None:
    twice = "  - id: spreekuur-zuid\n    type: activiteit\n    name: Nog een\n    walk_in: true\n"
    assert _problems(tmp_path, extra=twice + "    service_area: {wijken: [zuid]}\n") == [
        "orgs/geldhulp.yaml:21 services[1].id: de id 'spreekuur-zuid' komt vaker voor in 'services'. Geef elk "
        "onderdeel een eigen id. [duplicate-id]"
    ]

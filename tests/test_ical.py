"""iCal feeds: parsed back, their occurrences over twelve months equal the site's own schedule logic
(opening-hours-py, which the browser's "volgende keer" matches case for case in tests/browser/test_when.py)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import opening_hours
import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from wijkkaart.exports.ical import ical_files, service_ics_path
from wijkkaart.records.catalog import Catalog, ServiceEntry
from wijkkaart.records.settings import Settings, read_settings
from wijkkaart.records.validate import build_catalog
from wijkkaart.schedule.browser import AMSTERDAM

from .helpers import GEO, REPO, TODAY, report, settings_for, site_copy

START = datetime.combine(TODAY, datetime.min.time(), AMSTERDAM)
END = START + timedelta(days=365)


@pytest.fixture(scope="module")
def example() -> tuple[Catalog, Settings, dict[str, bytes]]:
    settings = dataclasses.replace(read_settings(REPO, today=TODAY), geodata_dir=str(GEO))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    return catalog, settings, dict(ical_files(catalog, settings))


def _from_ics(data: bytes) -> set[tuple[datetime, datetime]]:
    calendar = Calendar.from_ical(data)
    found = set()
    for event in calendar.walk("VEVENT"):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
        excluded = (
            {
                d.dt
                for x in ([event["EXDATE"]] if not isinstance(event.get("EXDATE"), list) else event["EXDATE"])
                if x
                for d in x.dts
            }
            if event.get("EXDATE")
            else set()
        )
        for occurrence in rule.between(START, END, inc=True):
            if occurrence not in excluded:
                found.add((occurrence, occurrence + (end - start)))
    return found


def _reference(entry: ServiceEntry) -> set[tuple[datetime, datetime]]:
    assert entry.schedule is not None
    hours = opening_hours.OpeningHours(entry.schedule.expression, country="NL", timezone=AMSTERDAM)
    service, found = entry.service, set()
    for opens, closes, state, _ in hours.intervals(START, END):
        day = opens.date()
        if str(state) != "open" or (service.valid_from and day < service.valid_from):
            continue
        if service.valid_to and day > service.valid_to:
            continue
        if service.status == "temporarily_closed" and (not service.closed_until or day <= service.closed_until):
            continue
        found.add((opens, closes))
    return found


def test_every_service_feed_matches_the_schedule(example: tuple[Catalog, Settings, dict[str, bytes]]) -> None:
    catalog, _, files = example
    checked = 0
    for entry in catalog.services:
        if entry.schedule is None:
            continue
        got = {(a.astimezone(AMSTERDAM), b.astimezone(AMSTERDAM)) for a, b in _from_ics(files[service_ics_path(entry)])}
        assert got == _reference(entry), entry.uid
        checked += len(got)
    assert checked > 150
    report(f"iCal: {checked} afspraken over 12 maanden gelijk aan de site")


def test_feed_has_timezone_holidays_and_nth_weekday(example: tuple[Catalog, Settings, dict[str, bytes]]) -> None:
    _, _, files = example
    text = files["agenda/wijkz/kaarttafel.ics"].decode()
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Amsterdam" in text
    assert "RRULE:FREQ=MONTHLY;BYDAY=1TU,3TU" in text
    friday = files["agenda/helpdesk-geldzaken/inloopspreekuur-geldzaken.ics"].decode()
    assert "EXDATE;TZID=Europe/Amsterdam:20261225T090000" in friday  # Christmas, a Friday, PH off


def test_feed_timezone_agrees_with_the_tz_database_hour_by_hour(
    example: tuple[Catalog, Settings, dict[str, bytes]],
) -> None:
    _, _, files = example
    zone = Calendar.from_ical(files["agenda/wijkz/kaarttafel.ics"]).walk("VTIMEZONE")[0].to_tz()
    hour, end, differ = datetime(2000, 1, 1), datetime(2045, 1, 1), 0
    while hour < end:
        differ += hour.replace(tzinfo=zone).utcoffset() != hour.replace(tzinfo=AMSTERDAM).utcoffset()
        hour += timedelta(hours=1)
    assert differ == 0


def test_closures_and_week_steps(tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = site_copy(tmp_path)
    org = root / "orgs" / "buurthuis.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            '    schedule: "Mo,We 10:00-12:00; PH off"',
            '    schedule: "week 01-53/2 We 10:00-12:00; PH off"\n    status: temporarily_closed\n'
            "    status_note: Verbouwing.\n    closed_until: 2027-01-15",
        ),
        encoding="utf-8",
    )
    settings = settings_for(root)
    catalog, problems = build_catalog(settings)
    assert catalog is not None, problems
    entry = next(s for s in catalog.services if s.service.id == "koffie")
    files = dict(ical_files(catalog, settings))
    got = {(a.astimezone(AMSTERDAM), b.astimezone(AMSTERDAM)) for a, b in _from_ics(files[service_ics_path(entry)])}
    assert got == _reference(entry)
    assert min(a for a, _ in got).date().isoformat() == "2027-01-20"  # week 3 (odd), after the closure
    assert "BYWEEKNO=1,3,5" in files[service_ics_path(entry)].decode()


def test_a_shared_property_serialises_as_one_made_for_its_event() -> None:
    from icalendar import Event

    from wijkkaart.exports.ical import _property
    from wijkkaart.schedule.browser import AMSTERDAM

    start = datetime(2026, 12, 1, 14, 0, tzinfo=AMSTERDAM)
    days = (start, datetime(2026, 12, 15, 14, 0, tzinfo=AMSTERDAM))
    made, shared = Event(), Event()
    for name, value in (("dtstamp", start), ("dtstart", start), ("exdate", days)):
        made.add(name, list(value) if isinstance(value, tuple) else value)
        shared.add(name, _property(name, value))
    assert shared.to_ical() == made.to_ical()
    assert b"DTSTAMP:20261201T130000Z" in shared.to_ical()  # in UTC, as RFC 5545 asks
    assert _property("dtstart", start) is _property("dtstart", start)


def test_a_closure_without_end_date_cancels_every_event(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: a temporarily closed service without closed_until must not stay in the calendar as if open."""
    root = site_copy(tmp_path)
    org = root / "orgs" / "buurthuis.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            '    schedule: "Mo,We 10:00-12:00; PH off"',
            '    schedule: "Mo,We 10:00-12:00; PH off"\n    status: temporarily_closed\n    status_note: Verbouwing.',
        ),
        encoding="utf-8",
    )
    settings = settings_for(root)
    catalog, problems = build_catalog(settings)
    assert catalog is not None, problems
    entry = next(s for s in catalog.services if s.service.id == "koffie")
    events = Calendar.from_ical(dict(ical_files(catalog, settings))[service_ics_path(entry)]).walk("VEVENT")
    assert events and [str(e["STATUS"]) for e in events] == ["CANCELLED"] * len(events)
    assert _reference(entry) == set()

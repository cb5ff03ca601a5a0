"""Amsterdam's UTC offsets for the browser, from the time-zone database."""

from __future__ import annotations

from datetime import UTC, date, datetime

from wijkkaart.schedule.browser import utc_offsets


def _moment(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


def test_offsets_start_at_local_midnight_and_change_at_one_in_the_night_utc() -> None:
    data = utc_offsets(date(2026, 11, 24), days=400)
    assert [(_moment(ms), minutes) for ms, minutes in data["offsets"]] == [
        ("2026-11-23T23:00:00+00:00", 60),
        ("2027-03-28T01:00:00+00:00", 120),
        ("2027-10-31T01:00:00+00:00", 60),
    ]
    assert _moment(data["until"]) == "2027-12-28T23:00:00+00:00"  # local midnight, 400 days on


def test_a_span_that_starts_in_summer_time() -> None:
    data = utc_offsets(date(2027, 7, 1), days=10)
    assert [(_moment(ms), minutes) for ms, minutes in data["offsets"]] == [("2027-06-30T22:00:00+00:00", 120)]

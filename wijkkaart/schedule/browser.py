"""Compact schedule rules for the browser, and the public holidays they need.

The browser works out "volgende keer" and "nu open" itself, so a page stays right for a year without a
rebuild. It gets the schedule's pieces (weekdays, nth weekday of the month, ISO weeks, time spans), the
service's validity and closure dates, the Dutch public holidays from opening-hours-py (country NL), and
Amsterdam's offset from UTC over the same span (from the time-zone database here, so that the browser
needs none of its own: a phone's first use of its time-zone data costs it a tenth of a second).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from ..records.catalog import ServiceEntry
from .parse import Piece, Schedule
from .recurrence import Availability

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
HOLIDAY_DAYS = 800  # covers a year after the build, with room to look ahead from then


@cache
def holidays(start: date, days: int = HOLIDAY_DAYS) -> list[str]:
    """ISO dates of Dutch public holidays from ``start`` on (once per build: pages and iCal both ask)."""
    import opening_hours

    hours = opening_hours.OpeningHours("PH", country="NL", timezone=AMSTERDAM)
    begin = datetime.combine(start, datetime.min.time(), AMSTERDAM)
    found: set[str] = set()
    for opens, closes, state, _ in hours.intervals(begin, begin + timedelta(days=days)):
        if str(state) != "open":
            continue
        day, last = opens.date(), (closes - timedelta(microseconds=1)).date()
        while day <= last:
            found.add(day.isoformat())
            day += timedelta(days=1)
    return sorted(found)


@cache
def utc_offsets(start: date, days: int = HOLIDAY_DAYS) -> dict[str, Any]:
    """Amsterdam's offset from UTC in minutes from ``start`` on: ``offsets`` lists [moment, minutes] from
    the start and at every change (moments in ms since 1970, as JavaScript counts), ``until`` ends the span."""
    begin = datetime.combine(start, datetime.min.time(), AMSTERDAM).astimezone(UTC)
    end = begin + timedelta(days=days)
    offsets = [[_ms(begin), _offset(begin)]]
    day = begin
    while day < end:
        following = min(day + timedelta(days=1), end)
        if _offset(following) != offsets[-1][1]:
            changed = _first_minute_with_offset(day, following, _offset(following))
            offsets.append([_ms(changed), _offset(changed)])
        day = following
    return {"offsets": offsets, "until": _ms(end)}


def _offset(moment: datetime) -> int:
    offset = moment.astimezone(AMSTERDAM).utcoffset()
    assert offset is not None
    return int(offset.total_seconds()) // 60


def _ms(moment: datetime) -> int:
    return int(moment.timestamp()) * 1000


def _first_minute_with_offset(before: datetime, after: datetime, offset: int) -> datetime:
    """Bisection between a moment with the old offset and one with the new (changes fall on whole minutes)."""
    while after - before > timedelta(minutes=1):
        middle = before + timedelta(minutes=(after - before) // timedelta(minutes=1) // 2)
        before, after = (before, middle) if _offset(middle) == offset else (middle, after)
    return after


def availability(entry: ServiceEntry) -> Availability | None:
    """The entry's schedule with its validity and closure: what every output asks whether it is on."""
    service = entry.service
    if entry.schedule is None:
        return None
    return Availability(
        entry.schedule,
        valid_from=service.valid_from,
        valid_to=service.valid_to,
        closed=service.status == "temporarily_closed",
        closed_until=service.closed_until,
    )


def compact(entry: ServiceEntry) -> dict[str, Any]:
    """What the browser needs to place one spreekuur or activity in time."""
    service = entry.service
    return {
        "rules": compact_rules(entry.schedule) if entry.schedule else [],
        "ph_off": bool(entry.schedule and entry.schedule.holidays_off),
        "from": service.valid_from.isoformat() if service.valid_from else None,
        "to": service.valid_to.isoformat() if service.valid_to else None,
        "closed": service.status == "temporarily_closed",
        "closed_until": service.closed_until.isoformat() if service.closed_until else None,
    }


def compact_rules(schedule: Schedule) -> list[dict[str, Any]]:
    """The schedule's pieces for the browser: days that no other piece shares, each with its times, after
    every override (schedule.py), so when.js only asks which piece holds a day. Holidays: ``ph_off``."""
    return [_piece(p) for p in schedule.pieces]


def _piece(piece: Piece) -> dict[str, Any]:
    return {
        "days": [list(day) for day in piece.days],
        "weeks": list(piece.weeks),
        "times": [list(t) for t in piece.times],
    }

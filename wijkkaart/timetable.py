"""Compact schedule rules for the browser, and the public holidays they need.

The browser works out "volgende keer" and "nu open" itself, so a page stays right for a year without a
rebuild. It gets the rules (weekday, nth weekday of the month, week step, time spans, days off), the
service's validity and closure dates, and the Dutch public holidays from opening-hours-py (country NL).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from .catalog import ServiceEntry
from .schedule import Rule, Schedule

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
    """The schedule's rules for the browser (holidays are a flag of their own, ``ph_off``)."""
    return [_rule(r) for r in schedule.rules if not r.holidays]


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "days": [[d.weekday, list(d.nth)] for d in rule.days],
        "times": [list(t) for t in rule.times],
        "weeks": list(rule.weeks) if rule.weeks else None,
        "off": rule.off,
    }

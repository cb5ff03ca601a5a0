"""The browser's "volgende keer" / "nu open" logic agrees with opening-hours-py, the reference.

For a set of schedules and many moments over thirteen months, the next occurrence computed in Chromium
from the compact rules (when.js) must equal the first open interval opening-hours-py gives (country NL,
Europe/Amsterdam, with Dutch public holidays).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import opening_hours
import pytest
from playwright.sync_api import Page

from wijkkaart.schedule.browser import AMSTERDAM, compact_rules, holidays, utc_offsets
from wijkkaart.schedule.parse import parse

from ..helpers import report

pytestmark = pytest.mark.browser

SCHEDULES = [
    "Fr 09:00-10:30; PH off",
    "Tu[1,3] 14:00-16:00",
    "Tu[1,3] 14:00-16:00; PH off",
    "Tu[-1] 19:00-21:00",
    "Th[2] 09:00-10:00; PH off",
    "week 01-53/2 We 10:00-12:00",
    "week 02-52/2 Mo 13:00-15:00; PH off",
    "Mo-Fr 09:00-12:00; We off; PH off",
    "Mo,We 10:00-12:00,13:00-15:00",
    "Sa 10:00-13:00",
    # Issue 17: a later rule replaces earlier ones on the days it names.
    "Tu 10:00-12:00; Tu[2] off; PH off",
    "Mo-Fr 09:00-12:00; We 13:00-15:00",
    "Mo 10:00-12:00; week 01-53/2 Mo off",
    "Tu[-2] 10:00-12:00; Tu[-1] 19:00-21:00",
]
START = datetime(2026, 11, 24, 8, 15, tzinfo=AMSTERDAM)
MOMENTS = [START + timedelta(days=d, hours=(d * 7) % 14) for d in range(0, 396, 9)]


def _rules(expression: str) -> dict[str, object]:
    schedule = parse(expression)
    return {
        "rules": compact_rules(schedule),
        "ph_off": schedule.holidays_off,
        "from": None,
        "to": None,
        "closed": False,
        "closed_until": None,
    }


def _reference(expression: str, moment: datetime) -> tuple[str, int, int, bool]:
    hours = opening_hours.OpeningHours(expression, country="NL", timezone=AMSTERDAM)
    for opens, closes, state, _ in hours.intervals(moment, moment + timedelta(days=400)):
        if str(state) == "open":
            is_open = opens <= moment
            start = -1 if is_open else opens.hour * 60 + opens.minute
            end = closes.hour * 60 + closes.minute or 24 * 60
            return (opens.date().isoformat(), start, end, is_open)
    raise AssertionError("no occurrence")


def test_next_occurrence_matches_opening_hours(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    days = holidays(START.date())
    cases = [{"expr": e, "time": _rules(e), "moment": m.isoformat()} for e in SCHEDULES for m in MOMENTS]
    got = phone.evaluate(
        """async ([url, cases, days]) => {
          const when = await import(url);
          const holidays = new Set(days);
          return cases.map((c) => {
            const now = when.amsterdamNow(new Date(c.moment));
            const next = when.nextOccurrence(c.time, holidays, now);
            const pad = (n) => String(n).padStart(2, "0");
            const day = `${next.day.y}-${pad(next.day.m)}-${pad(next.day.d)}`;
            return [day, next.open ? -1 : next.start, next.end, next.open];
          });
        }""",
        [site_url + "/assets/wijkkaart/js/when.js", cases, days],
    )
    mismatches = []
    for case, result in zip(cases, got, strict=True):
        moment = datetime.fromisoformat(case["moment"]).astimezone(AMSTERDAM)
        expected = _reference(case["expr"], moment)
        if tuple(result) != expected:
            mismatches.append((case["expr"], case["moment"], tuple(result), expected))
    assert mismatches == []
    report(f"volgende keer: {len(cases)} gevallen gelijk aan opening-hours-py")


def test_amsterdam_time_from_the_page_offsets_equals_the_time_zone_database(phone: Page, site_url: str) -> None:
    """The page carries Amsterdam's UTC offsets (no Intl on a slow phone); around every change of offset and
    across the whole span they give the wall clock zoneinfo gives, and outside the span Intl takes over."""
    phone.goto(site_url + "/")
    data = utc_offsets(START.date())
    changes = [ms for ms, _ in data["offsets"][1:]]
    assert len(changes) >= 4
    near = [ms + minutes * 60_000 for ms in changes for minutes in (-61, -60, -1, 0, 1, 59, 60)]
    spread = list(range(data["offsets"][0][0] - 3_600_000, data["until"] + 3_600_000, 5 * 3_600_000 + 13 * 60_000))
    moments = near + spread + [data["until"] - 60_000, data["until"]]
    got = phone.evaluate(
        """async ([url, moments, data]) => {
          const when = await import(url);
          return moments.map((ms) => {
            const known = when.pageOffset(ms, data) !== null;
            const clock = (t) => [t.date.y, t.date.m, t.date.d, t.minute];
            return [known, clock(when.amsterdamNow(new Date(ms), data)), clock(when.amsterdamNow(new Date(ms), null))];
          });
        }""",
        [site_url + "/assets/wijkkaart/js/when.js", moments, data],
    )
    mismatches = []
    for ms, (known, page_clock, intl_clock) in zip(moments, got, strict=True):
        wall = datetime.fromtimestamp(ms / 1000, AMSTERDAM)
        expected = [wall.year, wall.month, wall.day, wall.hour * 60 + wall.minute]
        inside = data["offsets"][0][0] <= ms < data["until"]
        if known != inside or page_clock != expected or intl_clock != expected:
            mismatches.append((ms, known, page_clock, intl_clock, expected))
    assert mismatches == []
    report(f"Amsterdamse tijd: {len(moments)} momenten gelijk aan zoneinfo")

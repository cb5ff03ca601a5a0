"""Schedules as iCalendar-style recurrences (FREQ, BYDAY, INTERVAL, times), shared by HSDS and iCal.

Later rules override earlier ones as in opening_hours: a weekday that a later rule closes ("We off") is
taken out of the earlier weekly rules. Nth-weekday and every-other-week rules become their own recurrences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .schedule import Rule, Schedule

ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Recurrence:
    freq: str  # WEEKLY or MONTHLY
    byday: tuple[str, ...]
    interval: int
    start: int  # minutes after midnight, local time
    end: int
    weeks: tuple[int, int, int] | None = None

    @property
    def byweekno(self) -> tuple[int, ...]:
        """ISO week numbers for a week-step rule (iCal FREQ=YEARLY;BYWEEKNO=…, exact across 53-week years)."""
        if not self.weeks:
            return ()
        first, last, step = self.weeks
        return tuple(range(first, last + 1, step))

    def first_on_or_after(self, day: date) -> date:
        """The first date on or after ``day`` that this recurrence includes."""
        for offset in range(0, 800):
            candidate = day + timedelta(days=offset)
            if self.includes(candidate):
                return candidate
        raise ValueError("no occurrence")

    def includes(self, day: date) -> bool:
        if self.weeks:
            first, last, step = self.weeks
            week = day.isocalendar().week
            if week < first or week > last or (week - first) % step:
                return False
        return any(_matches(part, day) for part in self.byday)


def _matches(part: str, day: date) -> bool:
    code, nth = part[-2:], part[:-2]
    if ICAL_DAYS.index(code) != day.weekday():
        return False
    if not nth:
        return True
    n = int(nth)
    return (day + timedelta(days=7)).month != day.month if n == -1 else (day.day - 1) // 7 + 1 == n


def recurrences(schedule: Schedule) -> list[Recurrence]:
    out: list[Recurrence] = []
    for i, rule in enumerate(schedule.rules):
        if rule.off or rule.holidays:
            continue
        closed_later = _closed_weekdays(schedule.rules[i + 1 :])
        out += _rule_recurrences(rule, closed_later)
    return out


def _closed_weekdays(later: tuple[Rule, ...]) -> set[int]:
    closed: set[int] = set()
    for rule in later:
        if not rule.holidays and rule.weeks is None and all(not d.nth for d in rule.days):
            days = {d.weekday for d in rule.days} or set(range(7))
            closed |= days  # closed by an "off" rule, or replaced by a later rule's own times
    return closed


def _rule_recurrences(rule: Rule, closed: set[int]) -> list[Recurrence]:
    plain = [d.weekday for d in rule.days if not d.nth] if rule.days else list(range(7))
    nth = [f"{n}{ICAL_DAYS[d.weekday]}" for d in rule.days for n in d.nth]
    interval = rule.weeks[2] if rule.weeks else 1
    out = []
    for start, end in rule.times:
        weekly = tuple(ICAL_DAYS[d] for d in plain if d not in closed)
        if weekly:
            out.append(Recurrence("WEEKLY", weekly, interval, start, end, rule.weeks))
        if nth:
            out.append(Recurrence("MONTHLY", tuple(nth), 1, start, end, rule.weeks))
    return out

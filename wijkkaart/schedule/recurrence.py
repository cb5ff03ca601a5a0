"""When a service is on: its schedule's pieces with the service's own dates (validity and closure), as one
evaluator (``Availability.times_on``) and as iCalendar-style recurrences for iCal and HSDS.

Every recurrence is one piece of the schedule (schedule.py: days that no other piece shares, after the
later-rule-wins overrides) with one of its time spans, so FREQ/BYDAY/BYWEEKNO say exactly that piece.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .parse import Piece, Schedule

SEARCH_DAYS = 8 * 366  # ISO week 53 comes back within seven years: every piece has a day in this span


@dataclass(frozen=True)
class Recurrence:
    piece: Piece
    start: int  # minutes after midnight, local time
    end: int

    @property
    def freq(self) -> str:
        return self.piece.freq

    @property
    def byday(self) -> tuple[str, ...]:
        return self.piece.byday

    @property
    def byweekno(self) -> tuple[int, ...]:
        """ISO week numbers (iCal FREQ=YEARLY;BYWEEKNO=…, exact across 53-week years)."""
        return self.piece.weeks

    def includes(self, day: date) -> bool:
        return self.piece.includes(day)

    def first_on_or_after(self, day: date) -> date | None:
        """The first date on or after ``day`` that this recurrence includes."""
        for offset in range(SEARCH_DAYS):
            candidate = day + timedelta(days=offset)
            if self.piece.includes(candidate):
                return candidate
        return None


def recurrences(schedule: Schedule) -> list[Recurrence]:
    return [Recurrence(piece, start, end) for piece in schedule.pieces for start, end in piece.times]


@dataclass(frozen=True)
class Availability:
    """A schedule with the service's dates: ``valid_from``/``valid_to`` and a temporary closure, which lasts
    through ``closed_until`` or, without it, until the data says otherwise."""

    schedule: Schedule
    valid_from: date | None = None
    valid_to: date | None = None
    closed: bool = False
    closed_until: date | None = None

    @property
    def closed_indefinitely(self) -> bool:
        return self.closed and self.closed_until is None

    def first_day(self, today: date) -> date:
        """The first day from ``today`` on that the service may be on (after validity starts and a closure)."""
        first = max(today, self.valid_from or today)
        if self.closed and self.closed_until is not None:
            first = max(first, self.closed_until + timedelta(days=1))
        return first

    def is_shut(self, day: date) -> bool:
        """Outside the validity or inside the closure, whatever the schedule says."""
        if (self.valid_from and day < self.valid_from) or (self.valid_to and day > self.valid_to):
            return True
        return self.closed and (self.closed_until is None or day <= self.closed_until)

    def times_on(self, day: date, holidays: frozenset[str] | set[str]) -> tuple[tuple[int, int], ...]:
        """The time spans ([start, end) in minutes, local time) on ``day``: the one evaluator of a service's times."""
        return () if self.is_shut(day) else self.schedule.times_on(day, holidays)

"""A service's times: one recurrence per piece and time span, and the service's own dates over the schedule."""

from __future__ import annotations

from datetime import date

from wijkkaart.schedule.parse import parse
from wijkkaart.schedule.recurrence import Availability, recurrences

from ..helpers import TODAY

SATURDAY = parse("Sa 10:00-13:00; PH off")


def test_one_recurrence_per_piece_and_time_span() -> None:
    found = recurrences(parse("Mo,We 10:00-12:00,13:00-15:00; Tu[-1] 19:00-21:00; week 53 Fr 09:00-10:00"))
    assert [(r.freq, r.byday, r.byweekno, r.start, r.end) for r in found] == [
        ("WEEKLY", ("MO", "WE"), (), 600, 720),
        ("WEEKLY", ("MO", "WE"), (), 780, 900),
        ("MONTHLY", ("-1TU",), (), 1140, 1260),
        ("YEARLY", ("FR",), (53,), 540, 600),
    ]


def test_the_first_day_of_a_recurrence() -> None:
    weekly, _, last_tuesday, week_53 = recurrences(
        parse("Mo,We 10:00-12:00,13:00-15:00; Tu[-1] 19:00-21:00; week 53 Fr 09:00-10:00")
    )
    assert date(2026, 11, 24) == TODAY  # a Tuesday, the last of November
    assert weekly.first_on_or_after(TODAY) == date(2026, 11, 25)
    assert last_tuesday.first_on_or_after(TODAY) == TODAY
    assert last_tuesday.first_on_or_after(date(2026, 11, 25)) == date(2026, 12, 29)
    assert week_53.first_on_or_after(TODAY) == date(2027, 1, 1)  # 2026 has an ISO week 53
    assert week_53.first_on_or_after(date(2027, 1, 4)) == date(2032, 12, 31)  # the next one: six years on
    assert week_53.includes(date(2032, 12, 31)) and not week_53.includes(date(2032, 12, 24))


def test_validity_bounds_the_schedule_on_both_ends() -> None:
    buurttuin = Availability(SATURDAY, valid_from=date(2026, 3, 1), valid_to=date(2027, 10, 31))
    assert buurttuin.times_on(date(2026, 2, 28), set()) == ()  # the Saturday before it starts
    assert buurttuin.times_on(date(2026, 3, 7), set()) == ((600, 780),)
    assert buurttuin.times_on(date(2027, 10, 30), set()) == ((600, 780),)  # its last Saturday
    assert buurttuin.times_on(date(2027, 11, 6), set()) == ()
    assert buurttuin.times_on(date(2026, 12, 26), {"2026-12-26"}) == ()  # PH off
    assert buurttuin.first_day(TODAY) == TODAY
    assert Availability(SATURDAY, valid_from=date(2027, 1, 1)).first_day(TODAY) == date(2027, 1, 1)


def test_a_closure_lasts_through_its_last_day_or_until_the_data_changes() -> None:
    closed = Availability(SATURDAY, closed=True, closed_until=date(2026, 12, 5))
    assert not closed.closed_indefinitely
    assert closed.times_on(date(2026, 12, 5), set()) == ()
    assert closed.times_on(date(2026, 12, 12), set()) == ((600, 780),)
    assert closed.first_day(TODAY) == date(2026, 12, 6)
    shut = Availability(SATURDAY, closed=True)
    assert shut.closed_indefinitely
    assert shut.is_shut(date(2036, 1, 5))
    assert shut.first_day(TODAY) == TODAY

"""Schedules resolved once (a later rule replaces earlier ones on the days it names), and the exact
problems for schedules that some output could not say exactly."""

from __future__ import annotations

from datetime import date

import pytest

from wijkkaart.schedule.parse import DaySelector, Piece, ScheduleError, parse


def test_rules_are_kept_and_resolved_into_pieces() -> None:
    schedule = parse("Tu[1,3] 14:00-16:00; PH off")
    assert schedule.rules[0].days == (DaySelector(1, (1, 3)),)
    assert schedule.rules[0].times == ((840, 960),)
    assert schedule.holidays_off
    assert parse("Mo-Fr 09:00-12:00; We 13:00-15:00").pieces == (
        Piece(((0, 0), (1, 0), (3, 0), (4, 0)), (), ((540, 720),)),
        Piece(((2, 0),), (), ((780, 900),)),
    )


def test_a_later_rule_replaces_earlier_ones_on_the_days_it_names() -> None:
    schedule = parse("Tu 10:00-12:00; Tu[2] off; PH off")
    holidays = {"2026-12-29"}
    assert schedule.times_on(date(2026, 12, 1), holidays) == ((600, 720),)  # 1st Tuesday
    assert schedule.times_on(date(2026, 12, 8), holidays) == ()  # 2nd: off
    assert schedule.times_on(date(2026, 12, 29), holidays) == ()  # a holiday (here by the test's list)
    assert schedule.pieces[0].byday == ("1TU", "3TU", "4TU", "5TU")


REFUSED = [
    ("vr 9-10", "bad-schedule", "'vr 9-10' is geen geldige tijd."),
    ("Fr 25:00-26:00", "bad-schedule", "'Fr 25:00-26:00' is geen geldige tijd."),
    (
        "Tu 16:00-14:00",
        "schedule-end-before-start",
        "in 'Tu 16:00-14:00' ligt het einde (14:00) niet na het begin (16:00).",
    ),
    (
        "Jan-Mar Mo 10:00-12:00",
        "unsupported-schedule",
        "'Jan-Mar Mo 10:00-12:00' is geldig, maar wijkkaart kan het niet in gewone taal tonen.",
    ),
    (
        "week 01-53/2 Tu[1] 10:00-12:00",
        "schedule-week-and-nth",
        "in 'week 01-53/2 Tu[1] 10:00-12:00' gelden weeknummers ('week …') en de zoveelste dag van de maand ('[1]') "
        "samen voor dezelfde dag; dat kan een agenda niet precies volgen.",
    ),
    (
        "week 05-06 Mo[5] 10:00-12:00",
        "schedule-week-and-nth",
        "in 'week 05-06 Mo[5] 10:00-12:00' gelden weeknummers ('week …') en de zoveelste dag van de maand ('[1]') "
        "samen voor dezelfde dag; dat kan een agenda niet precies volgen.",
    ),
    (
        "Tu 10:00-12:00; week 01-53/2 Tu[2] off",
        "schedule-week-and-nth",
        "in 'Tu 10:00-12:00; week 01-53/2 Tu[2] off' gelden weeknummers ('week …') en de zoveelste dag van de "
        "maand ('[1]') samen voor dezelfde dag; dat kan een agenda niet precies volgen.",
    ),
    (
        "Tu[4] 10:00-12:00; Tu[-1] off",
        "schedule-override-inexact",
        "in 'Tu[4] 10:00-12:00; Tu[-1] off' haalt een latere regel een deel van de dagen van 'Tu[4] 10:00-12:00' "
        "weg, en wat overblijft (zoals een 4e die niet de laatste van de maand is) kan een agenda niet precies volgen.",
    ),
    (
        "PH off; Mo 10:00-12:00",
        "schedule-holidays-not-last",
        "in 'PH off; Mo 10:00-12:00' staat 'PH off' niet aan het eind.",
    ),
    (
        "week 51-52/4 Mo 10:00-12:00",
        "schedule-week-step",
        "in 'week 51-52/4 Mo 10:00-12:00' is de stap in 'week 51-52/4' groter dan het aantal weken ertussen; "
        "dan is niet duidelijk welke weken het zijn.",
    ),
    ("Mo 10:00-12:00; Mo off", "schedule-never-open", "volgens 'Mo 10:00-12:00; Mo off' is het nooit open."),
    (
        "Mo 10:00-12:00,11:30-13:00",
        "schedule-times-overlap",
        "in 'Mo 10:00-12:00,11:30-13:00' lopen de tijden 10:00-12:00 en 11:30-13:00 in elkaar over.",
    ),
    (
        "Mo 10:00-12:00,12:00-13:00",
        "schedule-times-overlap",
        "in 'Mo 10:00-12:00,12:00-13:00' lopen de tijden 10:00-12:00 en 12:00-13:00 in elkaar over.",
    ),
]


@pytest.mark.parametrize(("expression", "code", "message"), REFUSED)
def test_refused(expression: str, code: str, message: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse(expression)
    assert (caught.value.code, caught.value.message) == (code, message)


def test_refusals_name_the_nearest_supported_way() -> None:
    hints = {}
    for expression, _, _ in REFUSED[4:]:
        with pytest.raises(ScheduleError) as caught:
            parse(expression)
        hints[expression] = caught.value.hint
    assert hints["PH off; Mo 10:00-12:00"] == "Zet 'PH off' als laatste regel, bv. 'Mo 10:00-12:00; PH off'."
    assert hints["Mo 10:00-12:00,12:00-13:00"] == "Schrijf ze als één tijd: '10:00-13:00'."
    for hint in hints.values():  # every hint shows a schedule that is accepted
        examples = [part.split("'")[0] for part in hint.split("'")[1::2]]
        assert any(_accepted(e) for e in examples), hint


def _accepted(expression: str) -> bool:
    try:
        parse(expression)
    except ScheduleError:
        return False
    return True

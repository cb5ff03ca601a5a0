"""Schedules in plain Dutch, and the exact problems for schedules we cannot accept."""

from __future__ import annotations

import pytest

from wijkkaart.schedule import DaySelector, ScheduleError, parse

WORDING = [
    ("Fr 09:00-10:30", "elke vrijdag 9.00–10.30 uur"),
    ("Tu[1,3] 14:00-16:00", "1e en 3e dinsdag van de maand 14.00–16.00 uur"),
    ("Mo-Fr 09:00-12:00; PH off", "maandag t/m vrijdag 9.00–12.00 uur; niet op feestdagen"),
    ("Mo,We 10:00-12:00,13:00-15:00", "elke maandag en woensdag 10.00–12.00 en 13.00–15.00 uur"),
    ("Tu[-1] 19:00-21:00", "laatste dinsdag van de maand 19.00–21.00 uur"),
    ("week 01-53/2 We 10:00-12:00", "om de week (oneven weken) op woensdag 10.00–12.00 uur"),
    ("week 02-52/2 Th 13:00-15:00", "om de week (even weken) op donderdag 13.00–15.00 uur"),
    ("Mo-Fr 09:00-12:00; We off", "maandag t/m vrijdag 9.00–12.00 uur; niet op woensdag"),
    ("10:00-12:00", "elke dag 10.00–12.00 uur"),
    ("Sa 10:00-13:00", "elke zaterdag 10.00–13.00 uur"),
    ("Mo[2],Th[1] 09:00-10:00", "2e maandag van de maand en 1e donderdag van de maand 9.00–10.00 uur"),
]


@pytest.mark.parametrize(("expression", "dutch"), WORDING)
def test_dutch_wording(expression: str, dutch: str) -> None:
    assert parse(expression).text == dutch


def test_rules_are_kept_for_the_browser() -> None:
    schedule = parse("Tu[1,3] 14:00-16:00; PH off")
    assert schedule.rules[0].days == (DaySelector(1, (1, 3)),)
    assert schedule.rules[0].times == ((840, 960),)
    assert schedule.holidays_off


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
]


@pytest.mark.parametrize(("expression", "code", "message"), REFUSED)
def test_refused(expression: str, code: str, message: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse(expression)
    assert (caught.value.code, caught.value.message) == (code, message)

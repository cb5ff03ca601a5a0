"""Schedules resolved once (a later rule replaces earlier ones on the days it names), said in plain Dutch,
and the exact problems for schedules that some output could not say exactly."""

from __future__ import annotations

from datetime import date

import pytest

from wijkkaart.schedule.parse import DaySelector, Piece, ScheduleError, parse

WORDING = [
    ("Fr 09:00-10:30", "elke vrijdag 9.00–10.30 uur"),
    ("Tu[1,3] 14:00-16:00", "1e en 3e dinsdag van de maand 14.00–16.00 uur"),
    ("Mo-Fr 09:00-12:00; PH off", "maandag t/m vrijdag 9.00–12.00 uur; niet op feestdagen"),
    ("Mo,We 10:00-12:00,13:00-15:00", "elke maandag en woensdag 10.00–12.00 en 13.00–15.00 uur"),
    ("Tu[-1] 19:00-21:00", "laatste dinsdag van de maand 19.00–21.00 uur"),
    ("week 01-53/2 We 10:00-12:00", "om de week (oneven weken) op woensdag 10.00–12.00 uur"),
    ("week 02-52/2 Th 13:00-15:00", "om de week (even weken) op donderdag 13.00–15.00 uur"),
    ("10:00-12:00", "elke dag 10.00–12.00 uur"),
    ("Sa 10:00-13:00", "elke zaterdag 10.00–13.00 uur"),
    ("Mo[2],Th[1] 09:00-10:00", "2e maandag en 1e donderdag van de maand 9.00–10.00 uur"),
    # What really happens after the overrides, not every rule as written (issue 17).
    ("Mo-Fr 09:00-12:00; We off", "elke maandag, dinsdag, donderdag en vrijdag 9.00–12.00 uur"),
    ("Mo 10:00-12:00; Mo 14:00-16:00", "elke maandag 14.00–16.00 uur"),
    (
        "Mo-Fr 09:00-12:00; We 13:00-15:00",
        "elke maandag, dinsdag, donderdag en vrijdag 9.00–12.00 uur; elke woensdag 13.00–15.00 uur",
    ),
    ("Tu 10:00-12:00; Tu[2] off", "elke dinsdag behalve de 2e van de maand 10.00–12.00 uur"),
    ("Mo 10:00-12:00; week 01-53/2 Mo off", "om de week (even weken) op maandag 10.00–12.00 uur"),
    ("Tu[1,1] 10:00-12:00", "1e dinsdag van de maand 10.00–12.00 uur"),
    ("Tu[4,-1] 10:00-12:00", "4e en 5e dinsdag van de maand 10.00–12.00 uur"),
    ("Tu[-2] 19:00-21:00", "op één na laatste dinsdag van de maand 19.00–21.00 uur"),
    ("Tu 10:00-12:00; Tu[-1] off", "elke dinsdag behalve de laatste van de maand 10.00–12.00 uur"),
    ("Mo[1],Tu[-1] 10:00-12:00", "1e maandag en laatste dinsdag van de maand 10.00–12.00 uur"),
    ("week 53 Mo 10:00-12:00", "in week 53 op maandag 10.00–12.00 uur"),
    ("week 10-20 10:00-12:00", "in week 10 t/m 20 elke dag 10.00–12.00 uur"),
    ("week 01,04,07-09 Mo 10:00-12:00", "in week 1, 4 en 7 t/m 9 op maandag 10.00–12.00 uur"),
    ("Mo 10:00-12:00; Tu 10:00-12:00", "elke maandag en dinsdag 10.00–12.00 uur"),
]


@pytest.mark.parametrize(("expression", "dutch"), WORDING)
def test_dutch_wording(expression: str, dutch: str) -> None:
    assert parse(expression).text == dutch


@pytest.mark.parametrize("expression", [e for e, _ in WORDING])
def test_wording_has_no_non_dutch_fragments(expression: str) -> None:
    text = parse(expression).text
    for fragment in ("niet op dag", "op dag", "1e en 1e", "t/m 53 t/m", "week 53 t/m 53", "None", "[", "-1e"):
        assert fragment not in text


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

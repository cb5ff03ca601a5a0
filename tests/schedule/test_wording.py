"""Schedules said in plain Dutch: each schedule's whole wording, and the pieces it is made of."""

from __future__ import annotations

import pytest

from wijkkaart.schedule.parse import Piece, parse
from wijkkaart.schedule.wording import clock, describe_piece, describe_times, describe_weeks

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


@pytest.mark.parametrize(("minutes", "dutch"), [(0, "0.00"), (540, "9.00"), (605, "10.05"), (1440, "24.00")])
def test_clock_times_have_no_leading_zero(minutes: int, dutch: str) -> None:
    assert clock(minutes) == dutch


def test_several_time_spans_are_joined_with_en() -> None:
    assert describe_times(((540, 630),)) == "9.00–10.30 uur"
    assert describe_times(((540, 600), (660, 720), (780, 840))) == "9.00–10.00, 11.00–12.00 en 13.00–14.00 uur"


@pytest.mark.parametrize(
    ("weeks", "dutch"),
    [
        (tuple(range(1, 54, 2)), "om de week (oneven weken)"),
        (tuple(range(2, 54, 2)), "om de week (even weken)"),
        ((1, 2), "in week 1 en 2"),  # a run of two is two weeks, not "1 t/m 2"
        ((5, 6, 7, 20), "in week 5 t/m 7 en 20"),
        ((53,), "in week 53"),
    ],
)
def test_weeks(weeks: tuple[int, ...], dutch: str) -> None:
    assert describe_weeks(weeks) == dutch


TEN_TO_TWELVE = ((600, 720),)


@pytest.mark.parametrize(
    ("days", "weeks", "dutch"),
    [
        (((0, 0), (1, 0), (2, 0)), (), "maandag t/m woensdag"),
        (((5, 0), (6, 0), (0, 0)), (), "elke zaterdag, zondag en maandag"),  # no range across the week's end
        (tuple((d, 0) for d in range(7)), (5, 6, 7), "in week 5 t/m 7 elke dag"),
        (((1, 1), (1, 2), (1, 3), (1, 4)), (), "elke dinsdag behalve de 5e van de maand"),
        (((1, -3), (1, -4)), (), "op twee na laatste en op drie na laatste dinsdag van de maand"),
        (((1, -5),), (), "op vier na laatste dinsdag van de maand"),
    ],
)
def test_pieces(days: tuple[tuple[int, int], ...], weeks: tuple[int, ...], dutch: str) -> None:
    assert describe_piece(Piece(days, weeks, TEN_TO_TWELVE)) == f"{dutch} 10.00–12.00 uur"

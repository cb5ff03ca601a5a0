"""The kinds of a weekday in the month, and the fewest ordinals ([n]) that name a set of them."""

from __future__ import annotations

import pytest

from wijkkaart.schedule.days import ALL_KINDS, DAY_NAMES, DAYS, ICAL_DAYS, ORDINALS, fewest_ordinals, kinds_of


def test_the_three_spellings_of_a_weekday_line_up() -> None:
    assert len(DAYS) == len(ICAL_DAYS) == len(DAY_NAMES) == 7
    assert (DAYS[0], ICAL_DAYS[0], DAY_NAMES[0]) == ("Mo", "MO", "maandag")
    assert [d.upper() for d in DAYS] == list(ICAL_DAYS)
    assert DAY_NAMES[6] == "zondag"


def test_every_kind_is_the_first_to_fifth_and_the_last_to_fifth_from_the_end() -> None:
    assert kinds_of((1, 2, 3, 4, 5)) == ALL_KINDS
    assert kinds_of((-1, -2, -3, -4, -5)) == ALL_KINDS
    assert bin(ALL_KINDS).count("1") == 9  # 1st-4th of four, 1st-5th of five
    assert kinds_of((-5,)) & ~kinds_of((1,)) == 0  # the 5th from the end is always the 1st
    assert kinds_of((5,)) == kinds_of((-1,)) & ~kinds_of((4,))
    assert kinds_of((1,)) & kinds_of((2,)) == 0


@pytest.mark.parametrize(
    ("written", "fewest"),
    [
        ((4, -1), (4, 5)),  # from the start where that is as few
        ((1, 2, 3, 4, 5), (1, 2, 3, 4, 5)),
        ((-1,), (-1,)),
        ((1, 1), (1,)),
        ((-5,), (-5,)),
    ],
)
def test_fewest_ordinals(written: tuple[int, ...], fewest: tuple[int, ...]) -> None:
    assert fewest_ordinals(kinds_of(written)) == fewest


def test_what_no_ordinals_name_is_none() -> None:
    assert fewest_ordinals(kinds_of((4,)) & ~kinds_of((-1,))) is None  # "the 4th that is not the last"
    assert fewest_ordinals(ALL_KINDS & ~kinds_of((4,))) == (1, 2, 3, 5)
    assert all(fewest_ordinals(kinds_of((n,))) == (n,) for n in ORDINALS if n > 0)

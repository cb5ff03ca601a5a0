"""Days of the week and of the month as schedules count them: names, ISO weeks and the kinds of a weekday.

Shared by parse (which resolves rules into pieces) and wording (which says the pieces in Dutch), so that
neither needs the other's insides.
"""

from __future__ import annotations

from functools import cache
from itertools import combinations

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKS = 53
ALL_WEEKS = tuple(range(1, WEEKS + 1))

# Each weekday of a month is one of nine kinds: its place counted from the start and from the end of the
# month, in a month with four or five of that weekday. An ordinal [n] (1 to 5, -1 to -5) is a set of kinds;
# whatever later rules leave of a weekday is again a set, and it can be written as ordinals only if it is
# the union of the ordinals it contains.
_PLACES = ((1, -4), (2, -3), (3, -2), (4, -1), (1, -5), (2, -4), (3, -3), (4, -2), (5, -1))
KINDS = len(_PLACES)
ALL_KINDS = (1 << KINDS) - 1
ORDINALS = (1, 2, 3, 4, 5, -1, -2, -3, -4, -5)
_KINDS_OF = {n: sum(1 << i for i, place in enumerate(_PLACES) if n in place) for n in ORDINALS}


def kinds_of(nths: tuple[int, ...]) -> int:
    """The kinds of weekday (a bit mask) that the ordinals ``nths`` select together."""
    out = 0
    for n in nths:
        out |= _KINDS_OF[n]
    return out


@cache
def fewest_ordinals(kinds_mask: int) -> tuple[int, ...] | None:
    """The fewest ordinals whose union is exactly ``kinds_mask`` (counting from the start where that is as
    few), or None when no union of ordinals is."""
    inside = [n for n in ORDINALS if _KINDS_OF[n] & ~kinds_mask == 0]
    for size in range(1, len(inside) + 1):
        for chosen in combinations(inside, size):  # ORDINALS order: the first found counts from the start most
            if kinds_of(chosen) == kinds_mask:
                return tuple(sorted(chosen, key=ordinal_order))
    return None


def ordinal_order(n: int) -> int:
    """Sort key for ordinals: 1 … 5 from the start, then -1 … -5 from the end."""
    return n if n > 0 else 10 - n

"""Schedules in plain Dutch (B1): the pieces of a resolved schedule as days, weeks and clock times.

"elke dinsdag 14.00–16.00 uur", "1e en 3e dinsdag van de maand", "om de week (oneven weken) op woensdag":
worded once here from the pieces (parse.py), so cards, maps, feeds and search all say the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .days import ALL_KINDS, DAY_NAMES, WEEKS, fewest_ordinals, kinds_of

if TYPE_CHECKING:
    from .parse import Piece


def clock(minutes: int) -> str:
    """540 → ``9.00``: Dutch clock time, no leading zero."""
    return f"{minutes // 60}.{minutes % 60:02d}"


def describe_times(times: tuple[tuple[int, int], ...]) -> str:
    spans = [f"{clock(a)}–{clock(b)}" for a, b in times]
    return _join(spans) + " uur"


def describe_piece(piece: Piece) -> str:
    if piece.freq == "MONTHLY":
        days = _describe_monthly(piece.days)
    else:
        days = _describe_plain_days([d for d, _ in piece.days])
    if piece.weeks:
        on = "elke dag" if days == "elke dag" else f"op {days.removeprefix('elke ')}"
        days = f"{describe_weeks(piece.weeks)} {on}"
    return f"{days} {describe_times(piece.times)}"


def describe_weeks(weeks: tuple[int, ...]) -> str:
    """ISO week numbers in Dutch: "om de week (oneven weken)", "in week 10 t/m 20", "in week 1, 4 en 7"."""
    if weeks == tuple(range(1, WEEKS + 1, 2)):
        return "om de week (oneven weken)"
    if weeks == tuple(range(2, WEEKS + 1, 2)):
        return "om de week (even weken)"
    runs: list[list[int]] = []
    for week in weeks:
        if runs and runs[-1][-1] == week - 1:
            runs[-1].append(week)
        else:
            runs.append([week])
    items: list[str] = []
    for run in runs:
        items += [f"{run[0]} t/m {run[-1]}"] if len(run) > 2 else [str(w) for w in run]
    return "in week " + _join(items)


def _describe_plain_days(days: list[int]) -> str:
    if len(days) == 7:
        return "elke dag"
    if len(days) >= 3 and days == list(range(days[0], days[0] + len(days))):
        return f"{DAY_NAMES[days[0]]} t/m {DAY_NAMES[days[-1]]}"
    return "elke " + _join([DAY_NAMES[d] for d in days])


def _describe_monthly(days: tuple[tuple[int, int], ...]) -> str:
    ordinals: dict[int, list[int]] = {}
    for weekday, n in days:
        ordinals.setdefault(weekday, []).append(n)
    if len(ordinals) == 1:
        [(weekday, ns)] = ordinals.items()
        rest = fewest_ordinals(ALL_KINDS & ~kinds_of(tuple(ns)))
        if rest is not None and len(rest) == 1 and len(ns) > 1:
            return f"elke {DAY_NAMES[weekday]} behalve de {_ordinal(rest[0])} van de maand"
    parts = [f"{_join([_ordinal(n) for n in ns])} {DAY_NAMES[weekday]}" for weekday, ns in ordinals.items()]
    return f"{_join(parts)} van de maand"


_FROM_THE_END = {-1: "laatste", -2: "op één na laatste", -3: "op twee na laatste", -4: "op drie na laatste"}


def _ordinal(n: int) -> str:
    return _FROM_THE_END.get(n, "op vier na laatste") if n < 0 else f"{n}e"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]

"""Schedules: OpenStreetMap ``opening_hours`` expressions, checked exactly, resolved once and said in Dutch.

``opening-hours-py`` is the authority on the syntax (and knows Dutch public holidays). On top of it we
accept the subset a spreekuur needs — weekdays, the nth weekday of the month, ISO week numbers, time spans,
``off`` and a final ``PH off`` — and resolve it here, once, with opening_hours' meaning: a later rule
replaces the earlier ones on every day it names. The result is a list of ``Piece``s: sets of days with
the same times that no other piece shares. Every output is made from these pieces — the Dutch wording, the
browser's rules (browser.py, when.js), iCal and HSDS (recurrence.py) — so they cannot disagree. A
schedule whose pieces some output cannot say exactly (an RRULE that RFC 5545 forbids, a "4th but not the
last" Tuesday) is refused here with the nearest way to write it that is supported.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from itertools import combinations, pairwise

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DUTCH_DAYS = re.compile(
    r"\b(ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b", re.IGNORECASE
)
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_NTH = r"(?:[1-5](?:-[1-5])?|-[1-5])"
_DAY_ITEM = re.compile(rf"^({_DAY})(?:-({_DAY})|\[({_NTH}(?:,{_NTH})*)\])?$")
_SPAN = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_WEEK_ITEM = re.compile(r"^(\d{1,2})(?:-(\d{1,2})(?:/(\d{1,2}))?)?$")
_RULE = re.compile(
    r"^(?:week\s*(?P<weeks>[\d,\-/]+)\s+)?"
    r"(?:(?P<days>PH|[A-Za-z\[\],\-0-9]+?)\s+)?"
    r"(?P<what>off|closed|[\d:,\-]+)$"
)
EXAMPLE = "Fr 09:00-10:30"
WEEKS = 53
ALL_WEEKS = tuple(range(1, WEEKS + 1))

# Each weekday of a month is one of nine kinds: its place counted from the start and from the end of the
# month, in a month with four or five of that weekday. An ordinal [n] (1 to 5, -1 to -5) is a set of kinds;
# whatever later rules leave of a weekday is again a set, and it can be written as ordinals only if it is
# the union of the ordinals it contains.
_PLACES = ((1, -4), (2, -3), (3, -2), (4, -1), (1, -5), (2, -4), (3, -3), (4, -2), (5, -1))
_KINDS = len(_PLACES)
_ALL_KINDS = (1 << _KINDS) - 1
ORDINALS = (1, 2, 3, 4, 5, -1, -2, -3, -4, -5)
_KINDS_OF = {n: sum(1 << i for i, place in enumerate(_PLACES) if n in place) for n in ORDINALS}


class ScheduleError(ValueError):
    """A schedule that is not valid or not supported; ``code`` and Dutch ``message``/``hint``."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


@dataclass(frozen=True)
class DaySelector:
    """One weekday (0 = Monday) and, optionally, which of its occurrences in the month (-1 = last)."""

    weekday: int
    nth: tuple[int, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One ``;``-separated rule as written."""

    days: tuple[DaySelector, ...]
    times: tuple[tuple[int, int], ...]
    weeks: tuple[int, ...] = ()  # ISO week numbers; () = every week
    off: bool = False
    holidays: bool = False
    text: str = ""


@dataclass(frozen=True)
class Piece:
    """Days on which the same times hold, after every override; no day is in two pieces.

    ``days`` pairs a weekday (0 = Monday) with ``n``: 0 for every such weekday, 1-5 for the nth of the month,
    -1 for the last. ``weeks`` limits the piece to ISO weeks (() = every week); a piece has week numbers or
    ordinals, never both (RFC 5545 forbids ordinals with BYWEEKNO).
    """

    days: tuple[tuple[int, int], ...]
    weeks: tuple[int, ...]
    times: tuple[tuple[int, int], ...]

    @property
    def freq(self) -> str:
        """The iCalendar frequency: YEARLY for week numbers, MONTHLY for ordinals, else WEEKLY."""
        if self.weeks:
            return "YEARLY"
        return "MONTHLY" if any(n for _, n in self.days) else "WEEKLY"

    @property
    def byday(self) -> tuple[str, ...]:
        return tuple(f"{n or ''}{ICAL_DAYS[d]}" for d, n in self.days)

    def includes(self, day: date) -> bool:
        if self.weeks and day.isocalendar().week not in self.weeks:
            return False
        return any(weekday == day.weekday() and _is_nth(day, n) for weekday, n in self.days)


def _is_nth(day: date, n: int) -> bool:
    if n == 0:
        return True
    if n < 0:
        return (monthrange(day.year, day.month)[1] - day.day) // 7 + 1 == -n
    return (day.day - 1) // 7 + 1 == n


@dataclass(frozen=True)
class Schedule:
    expression: str
    rules: tuple[Rule, ...] = field(default=())
    pieces: tuple[Piece, ...] = field(default=())

    @property
    def holidays_off(self) -> bool:
        return any(r.holidays and r.off for r in self.rules)

    def times_on(self, day: date, holidays: frozenset[str] | set[str]) -> tuple[tuple[int, int], ...]:
        """The time spans on ``day`` by the schedule alone (the service's own dates: recurrence.Availability)."""
        if self.holidays_off and day.isoformat() in holidays:
            return ()
        for piece in self.pieces:
            if piece.includes(day):
                return piece.times
        return ()

    @cached_property
    def text(self) -> str:
        """The whole schedule in plain Dutch (worded once: cards, maps, feeds and search all show it)."""
        parts = [describe_piece(p) for p in self.pieces]
        if self.holidays_off:
            parts.append("niet op feestdagen")
        return "; ".join(parts)


@cache
def parse(expression: str) -> Schedule:
    """Check ``expression`` with opening-hours-py, read it into rules and resolve them; raise ScheduleError.

    Cached: validation and the catalog ask for the same expressions, and many entries share one.
    """
    _check_syntax(expression)
    parts = [p.strip() for p in expression.split(";") if p.strip()]
    rules = tuple(_rule(p, expression) for p in parts)
    for i, rule in enumerate(rules):
        if rule.holidays and i != len(rules) - 1:
            raise ScheduleError(
                "schedule-holidays-not-last",
                f"in '{expression}' staat 'PH off' niet aan het eind.",
                "Zet 'PH off' als laatste regel, bv. 'Mo 10:00-12:00; PH off'.",
            )
    pieces = _resolve(rules, expression)
    if not pieces:
        raise ScheduleError(
            "schedule-never-open",
            f"volgens '{expression}' is het nooit open.",
            f"Schrijf de dagen en tijden waarop het open is, bv. '{EXAMPLE}'. Alleen op afspraak: laat 'schedule' weg.",
        )
    return Schedule(expression, rules, pieces)


def _check_syntax(expression: str) -> None:
    import opening_hours

    try:
        opening_hours.OpeningHours(expression)
    except (SyntaxError, ValueError, getattr(opening_hours, "ParserError", SyntaxError)) as err:
        raise _syntax_error(expression) from err


def _syntax_error(expression: str) -> ScheduleError:
    if _DUTCH_DAYS.search(expression):
        hint = "Gebruik de Engelse afkortingen: ma=Mo, di=Tu, wo=We, do=Th, vr=Fr, za=Sa, zo=Su, bv. 'Fr 09:00-10:30'."
    elif re.search(r"\b(2[4-9]|[3-9]\d):\d\d", expression):
        hint = "Een tijd loopt van 00:00 tot 24:00, bv. 'Fr 09:00-10:30'."
    else:
        hint = f"Schrijf bv. '{EXAMPLE}', 'Tu[1,3] 14:00-16:00' of 'Mo-Fr 09:00-12:00; PH off'."
    return ScheduleError("bad-schedule", f"'{expression}' is geen geldige tijd.", hint)


def _unsupported(expression: str) -> ScheduleError:
    return ScheduleError(
        "unsupported-schedule",
        f"'{expression}' is geldig, maar wijkkaart kan het niet in gewone taal tonen.",
        "Gebruik dagen en tijden, bv. 'Mo-Fr 09:00-12:00', 'Tu[1,3] 14:00-16:00' (1e en 3e dinsdag van de maand), "
        "'week 01-53/2 We 10:00-12:00' (oneven weken) en 'PH off'.",
    )


def _rule(text: str, expression: str) -> Rule:
    match = _RULE.match(text)
    if not match:
        raise _unsupported(expression)
    days_text, what = match["days"], match["what"]
    weeks = _weeks(match["weeks"], expression) if match["weeks"] else ()
    if days_text == "PH":
        if what not in ("off", "closed") or weeks:
            raise _unsupported(expression)
        return Rule(days=(), times=(), off=True, holidays=True, text=text)
    days = _days(days_text, expression) if days_text else ()
    if what in ("off", "closed"):
        return Rule(days=days, times=(), weeks=weeks, off=True, text=text)
    return Rule(days=days, times=_times(what, expression), weeks=weeks, text=text)


def _weeks(text: str, expression: str) -> tuple[int, ...]:
    found: set[int] = set()
    for item in text.split(","):
        match = _WEEK_ITEM.match(item)
        if not match:
            raise _unsupported(expression)
        first = int(match[1])
        last = int(match[2]) if match[2] else first
        step = int(match[3]) if match[3] else 1
        if not (1 <= first <= last <= WEEKS) or step < 1:
            raise _unsupported(expression)
        if step > 1 and last - first < step:  # opening-hours-py then takes every week of the range
            raise ScheduleError(
                "schedule-week-step",
                f"in '{expression}' is de stap in 'week {item}' groter dan het aantal weken ertussen; "
                "dan is niet duidelijk welke weken het zijn.",
                f"Noem de weken zelf, bv. 'week {first:02d} Mo 10:00-12:00', of gebruik 'week 01-53/2' "
                "voor de oneven weken.",
            )
        found.update(range(first, last + 1, step))
    weeks = tuple(sorted(found))
    return () if weeks == ALL_WEEKS else weeks


def _days(text: str, expression: str) -> tuple[DaySelector, ...]:
    out: list[DaySelector] = []
    for item in re.split(r",(?![^\[]*\])", text):
        found = _DAY_ITEM.match(item)
        if not found:
            raise _unsupported(expression)
        start = DAYS.index(found[1])
        if found[2]:
            end = DAYS.index(found[2])
            out.extend(DaySelector(d) for d in _day_range(start, end))
        else:
            out.append(DaySelector(start, _nths(found[3]) if found[3] else ()))
    return tuple(out)


def _day_range(start: int, end: int) -> list[int]:
    return [(start + i) % 7 for i in range((end - start) % 7 + 1)]


def _nths(text: str) -> tuple[int, ...]:
    out: list[int] = []
    for part in text.split(","):
        if re.fullmatch(r"[1-5]-[1-5]", part):
            first, last = (int(x) for x in part.split("-"))
            out.extend(range(first, last + 1))
        else:
            out.append(int(part))
    return tuple(out)


def _times(text: str, expression: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for part in text.split(","):
        found = _SPAN.match(part)
        if not found:
            raise _unsupported(expression)
        h1, m1, h2, m2 = (int(x) for x in found.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if end <= start or end > 24 * 60:
            raise ScheduleError(
                "schedule-end-before-start",
                f"in '{expression}' ligt het einde ({part.split('-')[1]}) niet na het begin ({part.split('-')[0]}).",
                "Schrijf eerst de begintijd, dan de eindtijd, bv. '09:00-10:30'.",
            )
        spans.append((start, end))
    spans.sort()
    for (a, b), (c, d) in pairwise(spans):
        if c <= b:
            raise ScheduleError(
                "schedule-times-overlap",
                f"in '{expression}' lopen de tijden {_hhmm(a, b)} en {_hhmm(c, d)} in elkaar over.",
                f"Schrijf ze als één tijd: '{_hhmm(a, max(b, d))}'.",
            )
    return tuple(spans)


def _hhmm(start: int, end: int) -> str:
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


# Resolving: per weekday, a rule selects a set of (ISO week, kind of weekday in the month) cells, a bit
# mask of 53 x 6 bits. What rule i keeps is its cells less those of every later rule.


def _cells(rule: Rule, weekday: int) -> int:
    kinds = 0
    if not rule.days:
        kinds = _ALL_KINDS
    for selector in rule.days:
        if selector.weekday == weekday:
            kinds |= _ALL_KINDS if not selector.nth else _kinds(selector.nth)
    if not kinds:
        return 0
    return sum(kinds << (w - 1) * _KINDS for w in rule.weeks or ALL_WEEKS)


def _kinds(nths: tuple[int, ...]) -> int:
    out = 0
    for n in nths:
        out |= _KINDS_OF[n]
    return out


def _resolve(rules: tuple[Rule, ...], expression: str) -> tuple[Piece, ...]:
    plain = [r for r in rules if not r.holidays]
    found: list[Piece] = []
    for i, rule in enumerate(plain):
        if rule.off:
            continue
        weekly: list[int] = []
        by_weeks: dict[tuple[int, ...], list[int]] = {}
        monthly: list[tuple[int, int]] = []
        for weekday in range(7):
            kept = _cells(rule, weekday)
            for later in plain[i + 1 :]:
                kept &= ~_cells(later, weekday)
            if not kept:
                continue
            weeks, kinds = _shape(kept, expression)
            if weeks and kinds != _ALL_KINDS:
                raise _weeks_and_nth(expression)
            if weeks:
                by_weeks.setdefault(weeks, []).append(weekday)
            elif kinds == _ALL_KINDS:
                weekly.append(weekday)
            else:
                monthly += [(weekday, n) for n in _ordinals(kinds, rule, expression)]
        if weekly:
            found.append(Piece(tuple((d, 0) for d in weekly), (), rule.times))
        found += [Piece(tuple((d, 0) for d in days), weeks, rule.times) for weeks, days in by_weeks.items()]
        if monthly:
            found.append(Piece(tuple(monthly), (), rule.times))
    return _merged(found)


def _shape(cells: int, expression: str) -> tuple[tuple[int, ...], int]:
    """``cells`` as (weeks, kinds) when it is every such kind in every such week; weeks () = all weeks."""
    rows = [(w, (cells >> (w - 1) * _KINDS) & _ALL_KINDS) for w in ALL_WEEKS]
    used = [(w, kinds) for w, kinds in rows if kinds]
    kinds = used[0][1]
    if any(k != kinds for _, k in used):
        raise _weeks_and_nth(expression)
    weeks = tuple(w for w, _ in used)
    return (() if weeks == ALL_WEEKS else weeks), kinds


def _ordinals(kinds: int, rule: Rule, expression: str) -> tuple[int, ...]:
    found = _fewest_ordinals(kinds)
    if found is None:
        raise ScheduleError(
            "schedule-override-inexact",
            f"in '{expression}' haalt een latere regel een deel van de dagen van '{rule.text}' weg, en wat "
            "overblijft (zoals een 4e die niet de laatste van de maand is) kan een agenda niet precies volgen.",
            "Noem de dagen die doorgaan zelf, bv. 'Tu[1,3] 10:00-12:00' of 'Tu[-1] 10:00-12:00'.",
        )
    return found


@cache
def _fewest_ordinals(kinds: int) -> tuple[int, ...] | None:
    """The fewest ordinals whose union is exactly ``kinds`` (counting from the start where that is as few),
    or None when no union of ordinals is."""
    inside = [n for n in ORDINALS if _KINDS_OF[n] & ~kinds == 0]
    for size in range(1, len(inside) + 1):
        for chosen in combinations(inside, size):  # ORDINALS order: the first found counts from the start most
            if _kinds(chosen) == kinds:
                return tuple(sorted(chosen, key=_ordinal_order))
    return None


def _ordinal_order(n: int) -> int:
    return n if n > 0 else 10 - n


def _weeks_and_nth(expression: str) -> ScheduleError:
    return ScheduleError(
        "schedule-week-and-nth",
        f"in '{expression}' gelden weeknummers ('week …') en de zoveelste dag van de maand ('[1]') samen "
        "voor dezelfde dag; dat kan een agenda niet precies volgen.",
        "Kies één van beide voor een dag, bv. 'week 01-53/2 Tu 14:00-16:00' of 'Tu[1,3] 14:00-16:00'.",
    )


def _merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Pieces with the same kind, weeks and times as one (they never share a day), ordered by weekday."""
    groups: dict[tuple[str, tuple[int, ...], tuple[tuple[int, int], ...]], list[tuple[int, int]]] = {}
    for piece in pieces:
        groups.setdefault((piece.freq, piece.weeks, piece.times), []).extend(piece.days)
    merged = [Piece(tuple(sorted(days, key=_day_order)), weeks, times) for (_, weeks, times), days in groups.items()]
    return tuple(sorted(merged, key=lambda p: (_day_order(p.days[0]), p.freq != "WEEKLY", p.times)))


def _day_order(day: tuple[int, int]) -> tuple[int, int]:
    weekday, n = day
    return weekday, _ordinal_order(n)


# Wording


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
        rest = _fewest_ordinals(_ALL_KINDS & ~_kinds(tuple(ns)))
        if rest is not None and len(rest) == 1 and len(ns) > 1:
            return f"elke {DAY_NAMES[weekday]} behalve de {_ordinal(rest[0])} van de maand"
    parts = [f"{_join([_ordinal(n) for n in ns])} {DAY_NAMES[weekday]}" for weekday, ns in ordinals.items()]
    return f"{_join(parts)} van de maand"


_FROM_THE_END = {-1: "laatste", -2: "op één na laatste", -3: "op twee na laatste", -4: "op drie na laatste"}


def _ordinal(n: int) -> str:
    return _FROM_THE_END.get(n, "op vier na laatste") if n < 0 else f"{n}e"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]

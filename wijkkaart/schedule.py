"""Schedules: OpenStreetMap ``opening_hours`` expressions, checked exactly and said in plain Dutch.

``opening-hours-py`` is the authority on the syntax (and knows Dutch public holidays). On top of
it we accept the subset a spreekuur needs — weekdays, nth weekday of the month, every other week,
time spans and "PH off" — so that every schedule can be worded in Dutch and, later, evaluated in
the browser from the compact rules kept here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_DUTCH_DAYS = re.compile(
    r"\b(ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b", re.IGNORECASE
)
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_NTH = r"-?[1-5](?:-[1-5])?"
_DAY_ITEM = re.compile(rf"^({_DAY})(?:-({_DAY})|\[({_NTH}(?:,{_NTH})*)\])?$")
_SPAN = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_RULE = re.compile(
    r"^(?:week\s*(?P<w1>\d{1,2})-(?P<w2>\d{1,2})/(?P<step>\d)\s+)?"
    r"(?:(?P<days>PH|[A-Za-z\[\],\-0-9]+?)\s+)?"
    r"(?P<what>off|closed|[\d:,\-]+)$"
)
EXAMPLE = "Fr 09:00-10:30"


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
    days: tuple[DaySelector, ...]
    times: tuple[tuple[int, int], ...]
    weeks: tuple[int, int, int] | None = None
    off: bool = False
    holidays: bool = False


@dataclass(frozen=True)
class Schedule:
    expression: str
    rules: tuple[Rule, ...] = field(default=())

    @property
    def holidays_off(self) -> bool:
        return any(r.holidays and r.off for r in self.rules)

    @cached_property
    def text(self) -> str:
        """The whole schedule in plain Dutch (worded once: cards, maps, feeds and search all show it)."""
        return "; ".join(describe_rule(r) for r in self.rules)


@cache
def parse(expression: str) -> Schedule:
    """Check ``expression`` with opening-hours-py, then read it into rules; raise ScheduleError.

    Cached: validation and the catalog ask for the same expressions, and many entries share one.
    """
    _check_syntax(expression)
    parts = [p.strip() for p in expression.split(";") if p.strip()]
    return Schedule(expression, tuple(_rule(p, expression) for p in parts))


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
        "Gebruik dagen, tijden, '[1,3]' voor de 1e en 3e week van de maand, 'week 01-53/2' en 'PH off'.",
    )


def _rule(text: str, expression: str) -> Rule:
    match = _RULE.match(text)
    if not match:
        raise _unsupported(expression)
    days_text, what = match["days"], match["what"]
    weeks = _weeks(match) if match["step"] else None
    if days_text == "PH":
        if what not in ("off", "closed"):
            raise _unsupported(expression)
        return Rule(days=(), times=(), weeks=weeks, off=True, holidays=True)
    days = _days(days_text, expression) if days_text else ()
    if what in ("off", "closed"):
        return Rule(days=days, times=(), weeks=weeks, off=True)
    return Rule(days=days, times=_times(what, expression), weeks=weeks)


def _weeks(match: re.Match[str]) -> tuple[int, int, int]:
    first, last, step = int(match["w1"]), int(match["w2"]), int(match["step"])
    return first, last, step


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
    return tuple(spans)


def clock(minutes: int) -> str:
    """540 → ``9.00``: Dutch clock time, no leading zero."""
    return f"{minutes // 60}.{minutes % 60:02d}"


def describe_times(times: tuple[tuple[int, int], ...]) -> str:
    spans = [f"{clock(a)}–{clock(b)}" for a, b in times]
    return _join(spans) + " uur"


def describe_rule(rule: Rule) -> str:
    if rule.holidays:
        return "niet op feestdagen" if rule.off else "op feestdagen"
    days = _describe_days(rule.days)
    if rule.weeks:
        days = f"{_describe_weeks(rule.weeks)} op {days.removeprefix('elke ')}"
    if rule.off:
        return f"niet op {days.removeprefix('elke ')}"
    return f"{days} {describe_times(rule.times)}"


def _describe_weeks(weeks: tuple[int, int, int]) -> str:
    first, last, step = weeks
    if step == 2 and (first, last) in ((1, 53), (2, 52), (2, 53)):
        return "om de week (oneven weken)" if first % 2 else "om de week (even weken)"
    return f"elke {step}e week (week {first} t/m {last})"


def _describe_days(days: tuple[DaySelector, ...]) -> str:
    if not days:
        return "elke dag"
    if all(not d.nth for d in days):
        return _describe_plain_days([d.weekday for d in days])
    return _join([_describe_nth(d) for d in days])


def _describe_plain_days(days: list[int]) -> str:
    if len(days) >= 3 and days == list(range(days[0], days[0] + len(days))):
        return f"{DAY_NAMES[days[0]]} t/m {DAY_NAMES[days[-1]]}"
    return "elke " + _join([DAY_NAMES[d] for d in days])


def _describe_nth(day: DaySelector) -> str:
    name = DAY_NAMES[day.weekday]
    if not day.nth:
        return f"elke {name}"
    words = ["laatste" if n == -1 else f"{n}e" for n in day.nth]
    return f"{_join(words)} {name} van de maand"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]

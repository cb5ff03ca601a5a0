"""Differential test of every meaning of a schedule (issue 17): for schedules inside the supported subset,
day by day over more than 400 days, four evaluators must give the same time spans:

(a) opening-hours-py, the reference (with the service's validity and closure applied here, as the model
    documents them), (b) wijkkaart's evaluator (recurrence.Availability), (c) the service's iCal feed,
    parsed by icalendar and expanded by dateutil (RRULE, RDATE, EXDATE; STATUS:CANCELLED events are not
    on), (d) the browser's when.js in Node, from the compact rules the pages carry — all cases in one Node
    process — and the HSDS schedules too. The Dutch wording of every case is checked for words that are
    not Dutch and for repeats.

Hypothesis makes the schedules; the default run checks a few hundred, ``-m fuzz`` thousands. Fixed clock:
the feed and the days start at one of a few fixed dates. Every difference found is kept in REGRESSIONS.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import opening_hours
import pytest
from dateutil.rrule import rruleset, rrulestr
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from wijkkaart.exports import ical
from wijkkaart.exports.hsds import schedules
from wijkkaart.exports.ical import service_feed
from wijkkaart.records.catalog import OrgEntry, ServiceEntry
from wijkkaart.records.load import Document
from wijkkaart.records.model import Organisation
from wijkkaart.records.settings import Settings
from wijkkaart.schedule.browser import availability, compact, holidays
from wijkkaart.schedule.parse import DAY_NAMES, ScheduleError, parse

from .helpers import REPO, TODAY, report

DAYS = 410
LONG = int(os.environ.get("WIJKKAART_SCHEDULE_CASES", "5000"))
SHORT = 300
STARTS = (TODAY, date(2027, 6, 14), date(2031, 12, 1))  # fixed clocks: now, mid-year, before a 53-week year
WHEN_JS = REPO / "wijkkaart" / "assets" / "js" / "when.js"

Spans = tuple[tuple[int, int], ...]
Days = dict[int, Spans]  # day offset from the start -> spans; only days with spans


@dataclass(frozen=True)
class Case:
    expression: str
    start: date = TODAY
    valid_from: date | None = None
    valid_to: date | None = None
    closed: bool = False
    closed_until: date | None = None


# Fixed regression cases: the classes of issue 17 and every difference found while building this test.
REGRESSIONS = [
    Case("Tu 10:00-12:00; Tu[2] off"),
    Case("Mo 10:00-12:00; Mo 14:00-16:00"),
    Case("Mo-Fr 09:00-12:00; We 13:00-15:00; PH off"),
    Case("Mo-Fr 09:00-12:00; We off; PH off"),
    Case("week 01-53/2 We 10:00-12:00; PH off"),
    Case("week 02-52/2 Mo 13:00-15:00; PH off", start=date(2031, 12, 1)),
    Case("Mo 10:00-12:00; week 01-53/2 Mo off"),
    Case("week 53 Mo 10:00-12:00", start=date(2031, 12, 1)),
    Case("Tu[-1] 19:00-21:00; Tu[1,3] 14:00-16:00"),
    Case("Tu 10:00-12:00; Tu[-1] off"),
    Case("Tu[-2] 10:00-12:00; We[-5],Th[5] 09:00-10:00"),
    Case("Tu 10:00-12:00; Tu[4,-1] 14:00-16:00"),
    Case("Fr 09:00-10:30; PH off", closed=True),
    Case("Fr 09:00-10:30; PH off", closed=True, closed_until=date(2027, 1, 15)),
    Case("Mo,Th 10:00-24:00; Tu 00:00-02:00", valid_from=date(2027, 2, 1), valid_to=date(2027, 8, 31)),
    Case("10:00-12:00; Sa,Su off; PH off"),
    Case("week 10-13/3 Mo 10:00-12:00; week 51-52/1 Mo 14:00-16:00"),
]


# --- the four evaluators ---------------------------------------------------------------------------


def reference(case: Case) -> Days:
    """(a) opening-hours-py on the expression (wall-clock time, NL holidays), then the service's dates."""
    hours = opening_hours.OpeningHours(case.expression, country="NL")
    begin = datetime.combine(case.start, datetime.min.time())
    found: dict[int, list[tuple[int, int]]] = {}
    for opens, closes, state, _ in hours.intervals(begin, begin + timedelta(days=DAYS)):
        if str(state) != "open":
            continue
        moment = opens
        while moment < closes:  # split at midnight
            midnight = datetime.combine(moment.date() + timedelta(days=1), datetime.min.time())
            end = min(closes, midnight)
            day = (moment.date() - case.start).days
            found.setdefault(day, []).append((_minute(moment), _minute(end) or 24 * 60))
            moment = end
    out: Days = {}
    for day, spans in found.items():
        when = case.start + timedelta(days=day)
        if (case.valid_from and when < case.valid_from) or (case.valid_to and when > case.valid_to):
            continue
        if case.closed and (case.closed_until is None or when <= case.closed_until):
            continue
        out[day] = tuple(sorted(spans))
    return out


def _minute(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def evaluator(entry: ServiceEntry, case: Case) -> Days:
    """(b) wijkkaart's own evaluator."""
    when = availability(entry)
    assert when is not None
    days = set(holidays(case.start))
    out: Days = {}
    for offset in range(DAYS):
        spans = when.times_on(case.start + timedelta(days=offset), days)
        if spans:
            out[offset] = spans
    return out


def from_feed(entry: ServiceEntry, case: Case) -> Days:
    """(c) the iCal feed, parsed back by icalendar and expanded by dateutil."""
    calendar = Calendar.from_ical(service_feed(entry, Settings(root=REPO, today=case.start)))
    found: dict[int, list[tuple[int, int]]] = {}
    for event in calendar.walk("VEVENT"):
        if str(event.get("STATUS", "CONFIRMED")) == "CANCELLED":
            continue
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        length = int((end - start).total_seconds()) // 60  # same tzinfo: wall-clock difference
        rules = rruleset()
        rules.rrule(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
        for name, add in (("EXDATE", rules.exdate), ("RDATE", rules.rdate)):
            values = event.get(name, [])
            for value in values if isinstance(values, list) else [values]:
                for item in value.dts:
                    add(item.dt)
        for occurrence in rules:
            day = (occurrence.date() - case.start).days
            if day >= DAYS:
                break
            found.setdefault(day, []).append((_minute(occurrence), _minute(occurrence) + length))
    return {day: tuple(sorted(spans)) for day, spans in found.items()}


def from_hsds(entry: ServiceEntry, case: Case) -> Days:
    """HSDS too: its schedules expanded by dateutil (byweekno as ISO weeks, RFC 5545 YEARLY), less the
    holidays when the notes say so; a service with status "temporarily closed" and no end date is not on."""
    if case.closed and case.closed_until is None:
        return {}
    found: dict[int, list[tuple[int, int]]] = {}
    for item in schedules(entry, "sid", case.start):
        opens, closes = (int(item[k][:2]) * 60 + int(item[k][3:]) for k in ("opens_at", "closes_at"))
        first = max(case.start, date.fromisoformat(item.get("valid_from", case.start.isoformat())))
        parts = [f"FREQ={'YEARLY' if 'byweekno' in item else item['freq']}", f"BYDAY={item['byday']}"]
        parts += [f"BYWEEKNO={item['byweekno']};WKST={item['wkst']}"] if "byweekno" in item else []
        parts += [f"UNTIL={item['valid_to'].replace('-', '')}T235959"] if "valid_to" in item else []
        start = datetime.combine(first, datetime.min.time())
        for occurrence in rrulestr(";".join(parts), dtstart=start):
            day = (occurrence.date() - case.start).days
            if day >= DAYS:
                break
            if "feestdagen" in item["notes"] and occurrence.date().isoformat() in holidays(case.start):
                continue
            found.setdefault(day, []).append((opens, closes or 24 * 60))
    return {day: tuple(sorted(spans)) for day, spans in found.items()}


def in_node(items: list[tuple[Case, dict[str, Any]]]) -> list[Days]:
    """(d) when.js's ``timesOn`` in Node for every case, in one process."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node is nodig voor de vergelijking met when.js")
        pytest.skip("node ontbreekt")
    module = base64.b64encode(WHEN_JS.read_bytes()).decode()
    starts = sorted({c.start for c, _ in items})
    data = {
        "module": module,
        "days": DAYS,
        "holidays": {s.isoformat(): holidays(s) for s in starts},
        "cases": [{"start": c.start.isoformat(), "time": t} for c, t in items],
    }
    script = """
      let input = "";
      for await (const chunk of process.stdin) input += chunk;
      const data = JSON.parse(input);
      const when = await import("data:text/javascript;base64," + data.module);
      const holidays = Object.fromEntries(Object.entries(data.holidays).map(([k, v]) => [k, new Set(v)]));
      const out = data.cases.map((c) => {
        const [y, m, d] = c.start.split("-").map(Number);
        const found = [];
        for (let i = 0; i < data.days; i += 1) {
          const t = new Date(Date.UTC(y, m - 1, d + i));
          const day = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
          const spans = when.timesOn(c.time, day, holidays[c.start]);
          if (spans.length) found.push([i, spans]);
        }
        return found;
      });
      process.stdout.write(JSON.stringify(out));
    """
    result = subprocess.run(
        [node, "--input-type=module", "-e", script],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return [{day: tuple(tuple(s) for s in spans) for day, spans in case} for case in json.loads(result.stdout)]


# --- making a service from a case --------------------------------------------------------------------


def entry_for(case: Case) -> ServiceEntry:
    service: dict[str, Any] = {
        "id": "test",
        "type": "spreekuur",
        "name": "Spreekuur",
        "schedule": case.expression,
        "walk_in": True,
        "service_area": {"gemeente": True},
    }
    if case.valid_from:
        service["valid_from"] = case.valid_from
    if case.valid_to:
        service["valid_to"] = case.valid_to
    if case.closed:
        service |= {"status": "temporarily_closed", "status_note": "Gesloten."}
        if case.closed_until:
            service["closed_until"] = case.closed_until
    org = Organisation.model_validate(
        {
            "name": "Test",
            "description": "Test.",
            "themes": ["geld"],
            "checked": TODAY,
            "services": [service],
        }
    )
    return ServiceEntry(OrgEntry("test", Document("orgs/test.yaml", {}), org), org.services[0], 0)


WORDS = {*DAY_NAMES, "elke", "dag", "en", "t/m", "uur", "van", "de", "maand", "laatste", "op", "één", "twee"}
WORDS |= {"drie", "vier", "na", "behalve", "om", "week", "(oneven", "(even", "weken)", "in", "niet", "feestdagen"}
TOKEN = re.compile(r"[1-5]e|[1-9]\d?|\d{1,2}\.\d\d–\d{1,2}\.\d\d")
REPEATS = re.compile(r"(?<!\S)(\S+) en \1(?!\S)|\bweek (\d+) t/m \2\b|\bop dag\b|(?<!\S)(\S+) \3(?!\S)")


def wording_problems(text: str) -> list[str]:
    """What in the Dutch wording is not Dutch or repeats itself ("niet op dag", "1e en 1e", "week 53 t/m 53")."""
    tokens = [t.rstrip(",;") for t in text.split()]
    problems = [f"'{t}' is geen woord van de omschrijving" for t in tokens if t not in WORDS and not TOKEN.fullmatch(t)]
    return problems + [f"herhaling '{m[0]}'" for m in REPEATS.finditer(text)]


class Differences:
    """Checks (a), (b) and (c) at once and keeps the cases for one Node run of (d) at the end."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.for_node: list[tuple[Case, dict[str, Any], Days]] = []
        self.kinds: dict[str, int] = {}

    def check(self, case: Case) -> None:
        entry = entry_for(case)
        expected = reference(case)
        for name, got in (
            ("evaluator", evaluator(entry, case)),
            ("iCal", from_feed(entry, case)),
            ("HSDS", from_hsds(entry, case)),
        ):
            if got != expected:
                self.found.append(_difference(case, name, got, expected))
        self.for_node.append((case, compact(entry), expected))
        schedule = parse(case.expression)
        wording = wording_problems(schedule.text)
        self.found += [f"{case.expression}: '{schedule.text}': {problem}" for problem in wording]
        kinds = {p.freq for p in schedule.pieces}
        kinds |= {"PH off"} if schedule.holidays_off else set()
        kinds |= {"closed"} if case.closed else set()
        kinds |= {"override"} if any(r.off for r in schedule.rules if not r.holidays) else set()
        kinds |= {"from the end"} if any(n < 0 for p in schedule.pieces for _, n in p.days) else set()
        for kind in kinds:
            self.kinds[kind] = self.kinds.get(kind, 0) + 1

    def finish(self) -> None:
        results = in_node([(c, t) for c, t, _ in self.for_node])
        for (case, _, expected), got in zip(self.for_node, results, strict=True):
            if got != expected:
                self.found.append(_difference(case, "when.js", got, expected))
        assert not self.found, "\n".join(self.found)


def _difference(case: Case, name: str, got: Days, expected: Days) -> str:
    days = sorted(set(got) ^ set(expected) | {d for d in got if d in expected and got[d] != expected[d]})
    first = days[0]
    when = case.start + timedelta(days=first)
    return f"{case}: {name} {when} {got.get(first)} != opening-hours-py {expected.get(first)}"


# --- generated schedules -----------------------------------------------------------------------------

KINDS = ("WEEKLY", "MONTHLY", "YEARLY", "PH off", "closed", "override", "from the end")
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


@st.composite
def day_items(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["day", "day", "range", "nth"]))
    day = draw(st.sampled_from(WEEKDAYS))
    if kind == "day":
        return day
    if kind == "range":
        return f"{day}-{draw(st.sampled_from(WEEKDAYS))}"
    ordinals = ["1", "2", "3", "4", "5", "-1", "-2", "-3", "-4", "-5", "1-3", "2-4"]
    nths = draw(st.lists(st.sampled_from(ordinals), min_size=1, max_size=3))
    return f"{day}[{','.join(nths)}]"


@st.composite
def spans(draw: st.DrawFn) -> str:
    points = sorted(draw(st.sets(st.integers(0, 96), min_size=2, max_size=4)))
    pairs = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
    pairs = [(a, b) for i, (a, b) in enumerate(pairs) if i == 0 or a > pairs[i - 1][1]]
    return ",".join(f"{_hhmm(a * 15)}-{_hhmm(b * 15)}" for a, b in pairs)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def weeks(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["odd", "even", "range", "step", "list"]))
    if kind == "odd":
        return "week 01-53/2 "
    if kind == "even":
        return "week 02-52/2 "
    first = draw(st.integers(1, 53))
    last = draw(st.integers(first, 53))
    if kind == "range":
        return f"week {first:02d}-{last:02d} "
    if kind == "step":
        return f"week {first:02d}-{last:02d}/{draw(st.integers(2, 4))} "
    return f"week {first:02d},{last:02d} "


@st.composite
def rules(draw: st.DrawFn) -> str:
    with_weeks = draw(st.integers(0, 4)) == 0
    days = draw(st.lists(day_items(), min_size=0 if with_weeks else 1, max_size=3))
    if with_weeks:  # ordinals with week numbers are refused: keep most generated cases inside the subset
        days = [d.split("[")[0] for d in days]
    what = "off" if draw(st.integers(0, 3)) == 0 else draw(spans())
    selector = (draw(weeks()) if with_weeks else "") + ",".join(days)
    return f"{selector} {what}".strip()


@st.composite
def cases(draw: st.DrawFn) -> Case:
    parts = draw(st.lists(rules(), min_size=1, max_size=4))
    if draw(st.booleans()):
        parts.append("PH off")
    expression = "; ".join(parts)
    try:
        parse(expression)
    except ScheduleError:
        assume(False)
    start = draw(st.sampled_from(STARTS))
    dates = st.none() | st.integers(-30, DAYS).map(lambda n: start + timedelta(days=n))
    valid_from, valid_to = draw(dates), draw(dates)
    if valid_from and valid_to and valid_to < valid_from:
        valid_from, valid_to = valid_to, valid_from
    closed = draw(st.integers(0, 4)) == 0
    return Case(expression, start, valid_from, valid_to, closed, draw(dates) if closed else None)


def _run(count: int) -> None:
    differences = Differences()

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(cases())
    def check(case: Case) -> None:
        differences.check(case)

    check()
    differences.finish()
    seen = differences.kinds
    assert all(seen.get(kind, 0) >= count // 50 for kind in KINDS), seen  # the cases cover every feature
    evaluators = "opening-hours-py, rekenaar, iCal, HSDS en when.js"
    report(f"tijden: {len(differences.for_node)} schema's x {DAYS} dagen, {evaluators} gelijk ({seen})")


def test_regression_cases_agree_everywhere() -> None:
    differences = Differences()
    for case in REGRESSIONS:
        differences.check(case)
    differences.finish()


def test_generated_schedules_agree_everywhere() -> None:
    _run(SHORT)


@pytest.mark.fuzz
def test_generated_schedules_agree_everywhere_long() -> None:
    _run(LONG)


def test_wording_problems_are_seen() -> None:
    assert wording_problems("elke maandag 14.00–16.00 uur; niet op feestdagen") == []
    assert wording_problems("niet op dag 2") == ["herhaling 'op dag'"]
    assert wording_problems("1e en 1e maandag van de maand") == ["herhaling '1e en 1e'"]
    assert wording_problems("in week 53 t/m 53 op maandag") == ["herhaling 'week 53 t/m 53'"]
    assert wording_problems("elke Monday") == ["'Monday' is geen woord van de omschrijving"]
    assert wording_problems("elke vrijdag 0.30–1.15 en 15.15–23.45 uur") == []  # a false repeat once


def test_the_comparison_sees_a_feed_and_rules_that_forget_a_holiday(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness can fail: without the holidays, the feed and when.js say Christmas is on."""
    case = Case("Fr 09:00-10:30; PH off")
    entry = entry_for(case)
    christmas = (date(2026, 12, 25) - case.start).days
    assert christmas not in reference(case)
    monkeypatch.setattr(ical, "holidays", lambda start: [])
    assert from_feed(entry, case)[christmas] == ((540, 630),)
    [days] = in_node([(case, compact(entry) | {"ph_off": False})])
    assert days[christmas] == ((540, 630),)

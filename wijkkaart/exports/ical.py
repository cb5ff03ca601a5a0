"""iCalendar feeds: one .ics per spreekuur/activity and one per wijk, in Europe/Amsterdam with VTIMEZONE.

One VEVENT per piece of the schedule and time span (schedule/recurrence.py), so the RRULE says exactly the days of
that piece after every override: weekdays (WEEKLY), nth weekdays (MONTHLY;BYDAY=1TU,3TU) or ISO weeks
(YEARLY;BYWEEKNO). EXDATE carries the public holidays (with "PH off") as far as they are known. The
events start after validity begins and after a closure with an end date; a closure without one makes
every event STATUS:CANCELLED, so no calendar shows it as on.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur, vText

from ..records.catalog import Catalog, ServiceEntry, WijkEntry
from ..records.settings import Settings
from ..render.urls import org_src, page_url
from ..schedule.browser import AMSTERDAM, availability, holidays
from ..schedule.recurrence import Availability, Recurrence, recurrences

NAMESPACE = uuid.UUID("7b0e5c0e-8f2a-4c53-9d0b-77696a6b6b61")


def service_ics_path(entry: ServiceEntry) -> str:
    return f"agenda/{entry.org.slug}/{entry.service.id}.ics"


def wijk_ics_path(wijk: WijkEntry) -> str:
    return f"agenda/wijk/{wijk.slug}.ics"


def ical_paths(catalog: Catalog) -> list[str]:
    """The site paths of what ``ical_files`` makes, in its order."""
    return [service_ics_path(s) for s in catalog.services if s.schedule] + [
        wijk_ics_path(w) for w in catalog.wijken.values()
    ]


def ical_files(catalog: Catalog, settings: Settings) -> list[tuple[str, bytes]]:
    days = set(holidays(settings.today))
    events = {s.uid: _events(s, settings, days) for s in catalog.services if s.schedule}
    files = [(service_ics_path(s), _calendar([s], s.service.name, events)) for s in catalog.services if s.schedule]
    for wijk in catalog.wijken.values():
        entries = [s for s in catalog.serving_wijk(wijk) if s.schedule]
        files.append((wijk_ics_path(wijk), _calendar(entries, f"Sociale kaart: {wijk.name}", events)))
    return files


def service_feed(entry: ServiceEntry, settings: Settings) -> bytes:
    """One entry's own feed, as ``ical_files`` writes it."""
    return _calendar([entry], entry.service.name, {entry.uid: _events(entry, settings, set(holidays(settings.today)))})


def _events(entry: ServiceEntry, settings: Settings, days: set[str]) -> bytes:
    """An entry's VEVENTs, serialised once by icalendar and shared by its own feed and its wijken's feeds."""
    when = availability(entry)
    if when is None:
        return b""
    events = [_event(entry, when, rule, i, settings, days) for i, rule in enumerate(recurrences(when.schedule))]
    return b"".join(event.to_ical() for event in events if event is not None)


def _calendar(entries: list[ServiceEntry], name: str, events: dict[str, bytes]) -> bytes:
    """A VCALENDAR: its own properties, then the entries' VEVENTs and one VTIMEZONE (RFC 5545 3.4 and 3.6:
    components follow each other as they are), each serialised by icalendar once per build.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//wijkkaart//sociale kaart//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", vText(name))  # escaped as text (a name may hold a new line, ';' or ',')
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    head, end = bytes(calendar.to_ical()).rsplit(b"END:VCALENDAR", 1)
    body = b"".join(events[entry.uid] for entry in entries)
    return head + body + (_vtimezone_bytes() if entries else b"") + b"END:VCALENDAR" + end


@cache
def _vtimezone_bytes() -> bytes:
    """VTIMEZONE for Europe/Amsterdam by the EU rule (since 1996): summer time from the last Sunday of March
    02:00 to the last Sunday of October 03:00. Two rules instead of one RDATE per year, so it stays valid
    after 2037 and costs little in every feed.
    """
    zone = Timezone()
    zone.add("tzid", "Europe/Amsterdam")
    for kind, month, start, names in (
        (TimezoneDaylight, 3, datetime(1996, 3, 31, 2, 0), ("CEST", timedelta(hours=1), timedelta(hours=2))),
        (TimezoneStandard, 10, datetime(1996, 10, 27, 3, 0), ("CET", timedelta(hours=2), timedelta(hours=1))),
    ):
        part = kind()
        part.add("tzname", names[0])
        part.add("tzoffsetfrom", names[1])
        part.add("tzoffsetto", names[2])
        part.add("dtstart", start)
        part.add("rrule", {"freq": "YEARLY", "bymonth": month, "byday": "-1SU"})
        zone.add_component(part)
    return bytes(zone.to_ical())


def _event(
    entry: ServiceEntry, when: Availability, rule: Recurrence, index: int, settings: Settings, days: set[str]
) -> Event | None:
    service = entry.service
    first = rule.first_on_or_after(when.first_day(settings.today))
    if first is None or (service.valid_to and first > service.valid_to):
        return None
    event = Event()
    event.add("uid", f"{uuid.uuid5(NAMESPACE, f'{entry.uid}/{index}')}@wijkkaart")
    event.add("summary", f"{service.name} ({entry.org.name})")
    event.add("dtstamp", _property("dtstamp", datetime.combine(settings.today, time(0, 0), AMSTERDAM)))
    event.add("dtstart", _property("dtstart", _at(first, rule.start)))
    event.add("dtend", _property("dtend", _at(first, rule.end)))
    event.add("rrule", _rrule(rule, service.valid_to))
    if when.closed_indefinitely:
        event.add("status", "CANCELLED")
    excluded = _excluded(when, rule, first, days)
    if excluded:
        event.add("exdate", _property("exdate", tuple(_at(day, rule.start) for day in excluded)))
    if entry.location:
        event.add(
            "location",
            f"{entry.location.name}, {entry.location.address}, {entry.location.postal_code} {entry.location.city}",
        )
    event.add("description", _description(entry))
    if settings.site_url:
        event.add("url", f"{settings.site_url.rstrip('/')}/{page_url(org_src(entry.org.slug))}#{service.id}")
    return event


@cache
def _property(name: str, value: datetime | tuple[datetime, ...]) -> Any:
    """``value`` as icalendar's property object for ``name``, made once per build and shared by every event
    with that value (times and dates recur across thousands of entries; icalendar only reads a property
    when it serialises an event). ``Event.add`` takes a property object as it is."""
    probe = Event()
    probe.add(name, list(value) if isinstance(value, tuple) else value)
    return probe[name]


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(0, 0), AMSTERDAM) + timedelta(minutes=minutes)


@cache
def _rrule(rule: Recurrence, until: date | None) -> vRecur:
    """A rule's RRULE, made once per (rule, end date) and shared like ``_property``."""
    parts: dict[str, Any] = {"freq": rule.freq, "byday": list(rule.byday)}
    if rule.byweekno:
        parts["byweekno"] = list(rule.byweekno)
        parts["wkst"] = "MO"
    if until:
        parts["until"] = _at(until, 24 * 60 - 1).astimezone(UTC)  # RFC 5545: UTC when DTSTART has a TZID
    return vRecur(parts)


def _excluded(when: Availability, rule: Recurrence, first: date, days: set[str]) -> list[date]:
    """Public holidays (PH off) the rule would include, as far as they are known (schedule.browser.holidays)."""
    if not when.schedule.holidays_off:
        return []
    candidates = (date.fromisoformat(day) for day in days)
    return sorted(day for day in candidates if first <= day and not when.is_shut(day) and rule.includes(day))


def _description(entry: ServiceEntry) -> str:
    service = entry.service
    lines = [
        service.description or "",
        entry.schedule.text if entry.schedule else "",
        "Zonder afspraak." if service.walk_in else "Op afspraak.",
    ]
    if service.status == "temporarily_closed":
        lines.insert(0, f"Tijdelijk gesloten: {service.status_note}")
    return "\n".join(line for line in lines if line)

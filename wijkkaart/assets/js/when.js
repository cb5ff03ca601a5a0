// When is a spreekuur or activity next on, and is it open now? Europe/Amsterdam wall-clock time, from
// compact rules made at build time (see wijkkaart/schedule/browser.py), so a page stays right for a year.

const DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
  "oktober", "november", "december"];
const LOOKAHEAD_DAYS = 400;

// Amsterdam's offset from UTC as the page gives it (wk-utc-offsets, from the time-zone database at build
// time): a phone's first use of its own time-zone data (Intl) costs it a tenth of a second.
let pageOffsets;

function offsetsOfPage() {
  if (pageOffsets === undefined) {
    const data = document.getElementById("wk-utc-offsets");
    pageOffsets = data ? JSON.parse(data.textContent) : null;
  }
  return pageOffsets;
}

/** Minutes east of UTC in Amsterdam at `ms`, or null outside the span the page knows. */
export function pageOffset(ms, data = offsetsOfPage()) {
  if (!data || ms < data.offsets[0][0] || ms >= data.until) return null;
  let minutes = null;
  for (const [from, offset] of data.offsets) {
    if (from <= ms) minutes = offset;
  }
  return minutes;
}

let amsterdam = null;

/** The current date and minute of the day in Amsterdam, whatever the phone's own time zone. */
export function amsterdamNow(now = new Date(), offsets = offsetsOfPage()) {
  const offset = pageOffset(now.getTime(), offsets);
  if (offset !== null) {
    const wall = new Date(now.getTime() + offset * 60000);
    return {
      date: { y: wall.getUTCFullYear(), m: wall.getUTCMonth() + 1, d: wall.getUTCDate() },
      minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    };
  }
  amsterdam ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });
  const parts = Object.fromEntries(amsterdam.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    date: { y: +parts.year, m: +parts.month, d: +parts.day },
    minute: +parts.hour * 60 + +parts.minute,
  };
}

function iso({ y, m, d }) {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function addDays({ y, m, d }, n) {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function weekday({ y, m, d }) {
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function daysInMonth({ y, m }) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isoWeek({ y, m, d }) {
  const t = new Date(Date.UTC(y, m - 1, d));
  t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((t - firstThursday) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

// A piece of a schedule (wijkkaart/schedule/parse.py): days as [weekday, n] (n 0: every such weekday, 1-5: the
// nth of the month, -1 to -5: counted from the end), ISO weeks ([] = every week) and times. Overrides are resolved at build
// time: no day is in two pieces.
function pieceHolds(piece, day) {
  if (piece.weeks.length && !piece.weeks.includes(isoWeek(day))) return false;
  const wd = weekday(day);
  return piece.days.some(([pieceDay, n]) => pieceDay === wd && (n === 0 ||
    (n < 0 ? -n === Math.ceil((daysInMonth(day) - day.d + 1) / 7) : n === Math.ceil(day.d / 7))));
}

/** The time spans ([start, end] in minutes) on one day, after validity, closures and holidays. */
export function timesOn(time, day, holidays) {
  const date = iso(day);
  if ((time.from && date < time.from) || (time.to && date > time.to)) return [];
  if (time.closed && (!time.closed_until || date <= time.closed_until)) return [];
  if (time.ph_off && holidays.has(date)) return [];
  const piece = time.rules.find((p) => pieceHolds(p, day));
  return piece ? piece.times : [];
}

/** The next occurrence from now on: {day, start, end, open} or null. */
export function nextOccurrence(time, holidays, now = amsterdamNow()) {
  for (let i = 0; i < LOOKAHEAD_DAYS; i += 1) {
    const day = addDays(now.date, i);
    for (const [start, end] of timesOn(time, day, holidays)) {
      if (i > 0 || end > now.minute) {
        return { day, start, end, open: i === 0 && start <= now.minute && now.minute < end };
      }
    }
  }
  return null;
}

/** True when there is an occurrence on one of the next `days` days (0 = today only). */
export function onWithin(time, holidays, days, now = amsterdamNow()) {
  for (let i = 0; i <= days; i += 1) {
    const spans = timesOn(time, addDays(now.date, i), holidays);
    if (spans.some(([, end]) => i > 0 || end > now.minute)) return true;
  }
  return false;
}

export function daysLeftInWeek(now = amsterdamNow()) {
  return 6 - weekday(now.date);
}

export function clock(minutes) {
  return `${Math.floor(minutes / 60)}.${String(minutes % 60).padStart(2, "0")}`;
}

/** "vrijdag 28 november, 9.00–10.30 uur" */
export function describe(occurrence) {
  const { day, start, end } = occurrence;
  return `${DAYS[weekday(day)]} ${day.d} ${MONTHS[day.m - 1]}, ${clock(start)}–${clock(end)} uur`;
}

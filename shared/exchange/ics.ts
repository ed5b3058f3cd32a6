/**
 * iCalendar (RFC 5545) export: one calendar per employee with each work shift as a VEVENT in
 * Europe/Oslo local time (TZID + VTIMEZONE, so a night shift across a daylight-saving change
 * keeps its real length in the reader's calendar), meetings and courses as timed busy events:
 * the plan's timed activities (`plan.activities`, shared/plan/activities.ts) with their own start
 * and end, and a MØTE/KURS cell with no such activity by ./activity-times; whole-day absences
 * (ferie, permisjon) as
 * all-day events. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
 * character.
 */
import { addDays, shiftLocalSpan } from '../calendar';
import { absenceCodesOf, type Employee, type TurnusPlan } from '../plan/model';
import { activityWindow, windowText } from './activity-times';
import { attendedActivities } from '../plan/activities';
import { fileSlug } from '../text';

const CRLF = '\r\n';

/** UTF-8 octets of one code point. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** The Europe/Oslo time zone as the EU rule (last Sunday of March / October). */
export const VTIMEZONE_OSLO = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'X-LIC-LOCATION:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Escapes a TEXT value (RFC 5545 § 3.3.11). */
export function icsEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n');
}

/** Folds one content line at 75 octets (RFC 5545 § 3.1); continuation lines start with a space. */
export function foldLine(line: string): string {
  let total = 0;
  for (const ch of line) total += utf8Length(ch);
  if (total <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (bytes + n > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74; // the leading space counts toward the 75 octets
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join(CRLF + ' ');
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function localStamp(date: string, minutes: number): string {
  const day = addDays(date, Math.floor(minutes / 1440));
  const m = minutes % 1440;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${compactDate(day)}T${hh}${mm}00`;
}

/** '20260105T101500Z' for an instant. */
export function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A stable, unique id part from any string (employee ids and codes may hold any character). */
function uidPart(s: string): string {
  return utf8Bytes(s)
    .map((b) =>
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) ? String.fromCharCode(b) : `_${b.toString(16)}`,
    )
    .join('');
}

/** FNV-1a 32-bit hash as 8 hex digits: a short, stable UID prefix per plan. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const b of utf8Bytes(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export interface IcsOptions {
  /** DTSTAMP of every event: when the file was made. */
  now: Date;
  /** Makes UIDs unique across plans; defaults to the unit name and period. */
  planKey?: string;
}

/** The calendar of one employee as an .ics text. */
export function employeeToIcs(plan: TurnusPlan, employee: Employee, opts: IcsOptions): string {
  const shifts = new Map(plan.shiftTypes.map((s) => [s.code, s]));
  const absences = new Map(absenceCodesOf(plan).map((a) => [a.code, a]));
  const planKey = fnv1a(opts.planKey ?? `${plan.unit.name}|${plan.period.start}|${plan.period.end}`);
  const dtstamp = utcStamp(opts.now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Turnus//Turnusplan//NO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(`Turnus ${employee.name} – ${plan.unit.name}`)}`,
    'X-WR-TIMEZONE:Europe/Oslo',
    ...VTIMEZONE_OSLO,
  ];
  const timed = plan.activities?.length ? attendedActivities(plan, employee.id) : [];
  const timedKeys = new Set(timed.map((x) => `${x.date}|${x.code}`));
  const own = plan.assignments
    .filter((a) => a.employee === employee.id && a.date >= plan.period.start && a.date <= plan.period.end)
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const a of own) {
    const uid = `${planKey}-${uidPart(employee.id)}-${compactDate(a.date)}-${uidPart(a.code)}@turnus`;
    const shift = shifts.get(a.code);
    if (shift) {
      const span = shiftLocalSpan(shift.start, shift.end);
      const title = shift.name ? `${shift.name} (${shift.code})` : `Vakt ${shift.code}`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTAMP:${dtstamp}`,
        `DTSTART;TZID=Europe/Oslo:${localStamp(a.date, span.start)}`,
        `DTEND;TZID=Europe/Oslo:${localStamp(a.date, span.end)}`,
        `SUMMARY:${icsEscape(title)}`,
        `DESCRIPTION:${icsEscape(`${plan.unit.name}: ${shift.code} ${shift.start}–${shift.end}`)}`,
        `CATEGORIES:${icsEscape('Turnus')}`,
        'TRANSP:OPAQUE',
        'END:VEVENT',
      );
      continue;
    }
    const absence = absences.get(a.code);
    // The same meeting as a timed activity of the person: written below with its own times.
    if (timedKeys.has(`${a.date}|${a.code}`)) continue;
    const window = absence ? activityWindow(absence) : null;
    if (absence && window) {
      // A meeting or course is time the person is busy: a timed, opaque event.
      const t = windowText(window);
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTAMP:${dtstamp}`,
        `DTSTART;TZID=Europe/Oslo:${localStamp(a.date, window.start)}`,
        `DTEND;TZID=Europe/Oslo:${localStamp(a.date, window.end)}`,
        `SUMMARY:${icsEscape(absence.name ? `${absence.name} (${absence.code})` : absence.code)}`,
        `DESCRIPTION:${icsEscape(`${plan.unit.name}: ${absence.code} ${t.start}–${t.end} (${window.basis})`)}`,
        `CATEGORIES:${icsEscape('Turnus')}`,
        'TRANSP:OPAQUE',
        'END:VEVENT',
      );
    } else if (absence) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTAMP:${dtstamp}`,
        `DTSTART;VALUE=DATE:${compactDate(a.date)}`,
        `DTEND;VALUE=DATE:${compactDate(addDays(a.date, 1))}`,
        `SUMMARY:${icsEscape(absence.name ? `${absence.name} (${absence.code})` : absence.code)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  timed.forEach((x, i) => {
    // A timed meeting or course: its own local start and end (the end the next day when it is
    // not after the start), opaque so the person shows as busy.
    const span = shiftLocalSpan(x.start, x.end);
    const absence = absences.get(x.code);
    const uid = `${planKey}-${uidPart(employee.id)}-${compactDate(x.date)}-${uidPart(x.code)}-${uidPart(x.id ?? `${x.start}-${i}`)}@turnus`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;TZID=Europe/Oslo:${localStamp(x.date, span.start)}`,
      `DTEND;TZID=Europe/Oslo:${localStamp(x.date, span.end)}`,
      `SUMMARY:${icsEscape(absence?.name ? `${absence.name} (${x.code})` : x.code)}`,
      `DESCRIPTION:${icsEscape(`${plan.unit.name}: ${x.code} ${x.start}–${x.end}`)}`,
      `CATEGORIES:${icsEscape('Turnus')}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A file name safe on Windows, macOS and Linux: 'turnus-kari-nordmann-10401.ics' with the
 * employee number (ansattnr), or 'turnus-kari-nordmann.ics' without one (the internal id never
 * leaves the app; planToIcsFiles numbers equal names).
 */
export function icsFileName(employee: Employee): string {
  const slug = fileSlug(employee.name, 40);
  const nr = (employee.employeeNumber ?? '').replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 30);
  return `turnus-${slug || 'ansatt'}${nr ? `-${nr}` : ''}.ics`;
}

/** One .ics per employee (all employees, also those with no shift, so everyone gets a file). */
export function planToIcsFiles(plan: TurnusPlan, opts: IcsOptions): { name: string; content: string }[] {
  const used = new Set<string>();
  return plan.employees.map((e) => {
    let name = icsFileName(e);
    for (let i = 2; used.has(name); i++) name = icsFileName(e).replace(/\.ics$/, `-${i}.ics`);
    used.add(name);
    return { name, content: employeeToIcs(plan, e, opts) };
  });
}

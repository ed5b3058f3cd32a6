/**
 * CSV writers for a plan, shaped for Norwegian Excel: `;` as separator (the decimal comma
 * takes `,`), CRLF line ends and a UTF-8 byte-order mark so æ, ø and å open correctly.
 *
 * Three forms:
 * - rows: one line per assignment and per timed meeting/course,
 *   `Ansattnr;Navn;Dato;Kode;Start;Slutt;Timer` (HR, payroll);
 * - grid: one line per employee, one column per date (people);
 * - staff: the staff list in the staff import's own columns (round trip).
 */
import Papa from 'papaparse';
import { fromDay, toDay } from '../calendar';
import { absenceCodesOf, type Employee, type TurnusPlan } from '../plan/model';
import { indexPlan, paidHours } from '../plan/plan-index';
import { activitySpans } from '../plan/activities';
import { activityWindow, windowText } from './activity-times';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** Quotes and joins rows the way Norwegian Excel reads them; formula-like cells are escaped. */
export function toNorwegianCsv(rows: (string | number)[][]): string {
  const body = Papa.unparse(rows, {
    delimiter: CSV_SEPARATOR,
    newline: '\r\n',
    quotes: false,
    escapeFormulae: true,
  });
  return CSV_BOM + body + '\r\n';
}

/** A number with a decimal comma, as Norwegian Excel expects in a `;` file. */
export function csvNumber(n: number, decimals = 2): string {
  const fixed = n.toFixed(decimals).replace(/\.?0+$/, '');
  return (fixed === '-0' ? '0' : fixed).replace('.', ',');
}

function employeeOrder(plan: TurnusPlan): Map<string, number> {
  return new Map(plan.employees.map((e, i) => [e.id, i]));
}

/**
 * The plan as one row per cell for HR and payroll systems, sorted by employee, date and start:
 * `Ansattnr;Navn;Dato;Kode;Start;Slutt;Timer`. Ansattnr is the HR employee number (empty when
 * none is recorded; the internal id never leaves the app). Start and end are local Oslo times;
 * a row whose end is not after its start ends the next day. Timer = paid hours (work shifts,
 * daylight-saving aware) or credited hours (meetings, courses); whole-day absences have no times.
 *
 * Timed meetings and courses (`plan.activities`, shared/plan/activities.ts) are rows of their own,
 * one per participant, with their real start and end and, as Timer, the hours they add as the
 * rules count them (`activitySpans`: the real duration, daylight-saving aware, less the part
 * inside a work shift of the person, which that shift's row already pays). A MØTE/KURS cell on a
 * date where the person has a timed activity of the same code is that activity and is not
 * written twice (as in the ICS export); other MØTE/KURS cells keep the code's own times or their
 * credited hours from 08:00 (./activity-times).
 */
export function planToCsvRows(plan: TurnusPlan): string {
  const order = employeeOrder(plan);
  const byId = new Map(plan.employees.map((e) => [e.id, e]));
  const shifts = new Map(plan.shiftTypes.map((s) => [s.code, s]));
  const absences = new Map(absenceCodesOf(plan).map((a) => [a.code, a]));
  const timed = timedActivityRows(plan);
  const timedKeys = new Set(timed.map((r) => `${r.employee}|${r.date}|${r.code}`));
  const rows: ListRow[] = plan.assignments
    .filter((a) => a.date >= plan.period.start && a.date <= plan.period.end && !timedKeys.has(`${a.employee}|${a.date}|${a.code}`))
    .map((a) => {
      const shift = shifts.get(a.code);
      if (shift) return { ...a, start: shift.start, end: shift.end, hours: paidHours(shift, toDay(a.date)) };
      const absence = absences.get(a.code);
      const w = absence ? activityWindow(absence) : null;
      if (absence && w) return { ...a, ...windowText(w), hours: absence.creditedHours ?? (w.end - w.start) / 60 };
      return { ...a, start: '', end: '', hours: absence?.creditedHours ?? 0 };
    });
  rows.push(...timed);
  rows.sort(
    (a, b) =>
      (order.get(a.employee) ?? Infinity) - (order.get(b.employee) ?? Infinity) ||
      a.employee.localeCompare(b.employee) ||
      a.date.localeCompare(b.date) ||
      a.start.localeCompare(b.start),
  );
  return toNorwegianCsv([
    [...CSV_ROW_HEADER],
    ...rows.map((r) => {
      const e = byId.get(r.employee);
      return [e?.employeeNumber ?? '', e?.name ?? '', r.date, r.code, r.start, r.end, csvNumber(r.hours)];
    }),
  ]);
}

interface ListRow {
  employee: string;
  date: string;
  code: string;
  start: string;
  end: string;
  hours: number;
}

/** Each participant's timed activities in the period, with their real times and added hours. */
function timedActivityRows(plan: TurnusPlan): ListRow[] {
  if (!plan.activities?.length) return [];
  const index = indexPlan(plan);
  const out: ListRow[] = [];
  for (const e of plan.employees)
    for (const x of activitySpans(index, e.id))
      out.push({
        employee: e.id,
        date: x.date,
        code: x.activity.code,
        start: x.activity.start,
        end: x.activity.end,
        hours: Math.max(0, x.hours - x.coveredHours),
      });
  return out;
}

export const CSV_ROW_HEADER = ['Ansattnr', 'Navn', 'Dato', 'Kode', 'Start', 'Slutt', 'Timer'] as const;

/**
 * The staff list as the staff import reads it (shared/exchange/staff-import), so a list exported
 * here and imported again in update mode changes nothing.
 */
export function staffToCsv(employees: readonly Employee[]): string {
  return toNorwegianCsv([
    [
      'Ansattnr',
      'Navn',
      'Kompetanse',
      'Stillingsprosent',
      'Ønsket stilling',
      'Ukentlig arbeidstid',
      'Langvakt',
      'Samtykkedato langvakt',
      'Fritatt nattarbeid',
      'Helgegruppe',
    ],
    ...employees.map((e) => [
      e.employeeNumber ?? '',
      e.name,
      e.competence,
      csvNumber(e.position * 100, 4),
      e.wantedPosition !== undefined ? csvNumber(e.wantedPosition * 100, 4) : '',
      e.weeklyHours !== undefined ? csvNumber(e.weeklyHours, 2) : '',
      e.consentsLongShifts ? 'ja' : 'nei',
      e.longShiftConsentDate ?? '',
      e.nightExempt ? 'ja' : 'nei',
      typeof e.weekendGroup === 'number' ? String(e.weekendGroup + 1) : '',
    ]),
  ]);
}

/** The period's dates, inclusive. */
export function periodDates(plan: Pick<TurnusPlan, 'period'>): string[] {
  const out: string[] = [];
  for (let d = toDay(plan.period.start), end = toDay(plan.period.end); d <= end; d++) out.push(fromDay(d));
  return out;
}

/** The plan as a grid: Ansattnr;Navn;Stillingsprosent;<date>…, one row per employee, empty cell = fri. */
export function planToCsvGrid(plan: TurnusPlan): string {
  const dates = periodDates(plan);
  const col = new Map(dates.map((d, i) => [d, i]));
  const cells = new Map<string, string[]>();
  for (const e of plan.employees)
    cells.set(
      e.id,
      dates.map(() => ''),
    );
  for (const a of plan.assignments) {
    const i = col.get(a.date);
    const row = cells.get(a.employee);
    if (i !== undefined && row) row[i] = a.code;
  }
  return toNorwegianCsv([
    ['Ansattnr', 'Navn', 'Stillingsprosent', ...dates],
    ...plan.employees.map((e) => [e.employeeNumber ?? '', e.name, csvNumber(e.position * 100, 1), ...(cells.get(e.id) ?? [])]),
  ]);
}

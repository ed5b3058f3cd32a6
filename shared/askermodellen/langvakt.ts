/**
 * Laying langvakter on the weekends of each consenting employee's weekend group, never creating
 * a rule hit: every placement is tried in the incremental rule checker and kept only when it adds
 * no hard or error violation for that employee (daily rest over a daylight-saving night, two red
 * days in a row such as 1. and 2. mai, weekly rest, week ceiling …). Where the langvakt would
 * break a rule, a shorter day shift of the unit is tried (one that the langvakt counts toward
 * first, e.g. D); where none fits, the day is skipped. Every skip and shortening is returned as a
 * Norwegian line naming the person, the date and the rule.
 *
 * Exported: `layLangvakter(plan, opts?) → LangvaktResult`.
 */
import { type DayNumber, formatDateNo, fromDay } from '../calendar';
import type { Employee, ShiftType, TurnusPlan } from '../plan/model';
import { paidHours, shiftTypeSpan } from '../plan/plan-index';
import { groupWeekends, weekendFrequencyOf } from '../plan/weekend-groups';
import type { CellChange } from '../plan/cell-change';
import { type Checker, type Violation, createChecker, isHardViolation } from '../rules/engine';

export interface LangvaktOptions {
  /** Weekend group per employee id (default: each employee's `weekendGroup`). */
  groups?: ReadonlyMap<string, number>;
  /** Every k-th weekend (default unit.weekendFrequency, else 4). */
  k?: number;
  /** The langvakt shift code (default: the first shift type marked `long`). */
  longCode?: string;
  /** Only these employees (default: all). */
  employeeIds?: readonly string[];
}

export interface LangvaktNote {
  employeeId: string;
  date: string;
  /** The code laid instead of the langvakt, or null when the day was skipped. */
  laid: string | null;
  /** Norwegian: where and why. */
  message: string;
}

export interface LangvaktResult {
  /** Cells to write, in order (employee, date). */
  changes: CellChange[];
  /** Days laid with a shorter shift instead of the langvakt. */
  shortened: LangvaktNote[];
  /** Days left without a shift (already planned, or no shift fits the rules). */
  skipped: LangvaktNote[];
  /** Employees with a group who have not consented to langvakter (nothing laid). */
  withoutConsent: Employee[];
  /** Employees without a valid weekend group. */
  withoutGroup: Employee[];
  /** The same, as Norwegian lines for the UI. */
  messages: string[];
}

const keyOf = (v: Violation) => `${v.rule}|${v.date ?? ''}`;

function hardKeys(checker: Checker, employeeId: string): Set<string> {
  return new Set(checker.employeeViolations(employeeId).filter(isHardViolation).map(keyOf));
}

/** Day shifts (within one calendar day) shorter than the langvakt, best first. */
function shorterTypes(plan: TurnusPlan, long: ShiftType, day: DayNumber): ShiftType[] {
  const longHours = paidHours(long, day);
  const toward = new Set(long.countsToward ?? []);
  return plan.shiftTypes
    .filter((t) => !t.long && t.code !== long.code)
    .filter((t) => {
      const s = shiftTypeSpan(t);
      return s.end <= 24 * 60 && s.start >= 6 * 60;
    })
    .filter((t) => paidHours(t, day) < longHours)
    .sort(
      (a, b) =>
        Number(toward.has(b.code)) - Number(toward.has(a.code)) || paidHours(b, day) - paidHours(a, day) || (a.code < b.code ? -1 : 1),
    );
}

/** Tries a code; keeps it when it adds no hard violation, else undoes it and returns the new ones. */
function tryCode(checker: Checker, employeeId: string, date: string, code: string, before: Set<string>): Violation[] {
  checker.applyChange({ employeeId, date, code });
  const added = checker.employeeViolations(employeeId).filter((v) => isHardViolation(v) && !before.has(keyOf(v)));
  if (added.length > 0) checker.applyChange({ employeeId, date, code: null });
  return added;
}

export function layLangvakter(plan: TurnusPlan, opts: LangvaktOptions = {}): LangvaktResult {
  const long = opts.longCode !== undefined ? plan.shiftTypes.find((t) => t.code === opts.longCode) : plan.shiftTypes.find((t) => t.long);
  if (!long) throw new RangeError('Avdelingen har ingen vakttype merket som langvakt. Merk en vakttype som langvakt under «Vakttyper».');
  const k = opts.k ?? weekendFrequencyOf(plan);
  const only = opts.employeeIds ? new Set(opts.employeeIds) : null;
  const checker = createChecker(plan);
  const out: LangvaktResult = { changes: [], shortened: [], skipped: [], withoutConsent: [], withoutGroup: [], messages: [] };
  const weekendsOf = new Map<number, DayNumber[]>();

  for (const e of plan.employees) {
    if (only && !only.has(e.id)) continue;
    const g = opts.groups ? opts.groups.get(e.id) : e.weekendGroup;
    if (typeof g !== 'number' || !Number.isInteger(g) || g < 0 || g >= k) {
      out.withoutGroup.push(e);
      continue;
    }
    if (!e.consentsLongShifts) {
      out.withoutConsent.push(e);
      continue;
    }
    if (!weekendsOf.has(g)) weekendsOf.set(g, groupWeekends(plan, g, k));
    for (const sat of weekendsOf.get(g)!) {
      for (const day of [sat, sat + 1]) {
        const date = fromDay(day);
        const when = formatDateNo(date);
        const existing = checker.codeAt(e.id, date);
        if (existing !== null) {
          out.skipped.push({
            employeeId: e.id,
            date,
            laid: null,
            message: `${e.name}, ${when}: har allerede ${existing}, ingen langvakt lagt inn.`,
          });
          continue;
        }
        const before = hardKeys(checker, e.id);
        const hits = tryCode(checker, e.id, date, long.code, before);
        if (hits.length === 0) {
          out.changes.push({ employeeId: e.id, date, code: long.code });
          continue;
        }
        const why = hits[0].message;
        let laid: string | null = null;
        for (const t of shorterTypes(plan, long, day)) {
          if (tryCode(checker, e.id, date, t.code, before).length === 0) {
            laid = t.code;
            break;
          }
        }
        if (laid !== null) {
          out.changes.push({ employeeId: e.id, date, code: laid });
          out.shortened.push({
            employeeId: e.id,
            date,
            laid,
            message: `${e.name}, ${when}: ${laid} i stedet for langvakt ${long.code}, fordi langvakten ville gitt regelbrudd: ${why}`,
          });
        } else {
          out.skipped.push({
            employeeId: e.id,
            date,
            laid: null,
            message: `${e.name}, ${when}: ingen vakt lagt inn, fordi langvakt ${long.code} ville gitt regelbrudd: ${why}`,
          });
        }
      }
    }
  }
  out.messages = [...out.shortened, ...out.skipped].map((n) => n.message);
  if (out.withoutConsent.length > 0) {
    out.messages.push(`Uten samtykke til langvakt (legg inn helgevakter selv): ${out.withoutConsent.map((e) => e.name).join(', ')}.`);
  }
  if (out.withoutGroup.length > 0) {
    out.messages.push(`Uten helgegruppe (gi dem en gruppe først): ${out.withoutGroup.map((e) => e.name).join(', ')}.`);
  }
  return out;
}

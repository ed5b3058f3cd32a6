/**
 * Coverage of the bemanningsplan by the plan (plan-format.md «Coverage»): for each date and
 * shift code, needed = the demand rows that apply; planned = employees assigned that code on
 * that date. Rows with a named competence are filled first by employees of that competence;
 * `any` rows by everyone left. Uncovered shifts = Σ max(0, needed − filled); uncovered hours =
 * uncovered shifts × the shift's paid hours on that date: the planned vikar need (domain.md § 7.3).
 *
 * A shift type's `countsToward` (e.g. L toward D) lets an employee who is not needed on her own
 * shift code fill a remaining need of those codes, after all own-code filling on that date.
 * Each employee fills at most one need.
 */
import { type DayNumber, fromDay, isRedDay, isoWeekday, weekendsIn } from '../calendar';
import type { TurnusPlan } from '../model';
import { type PlanIndex, indexPlan, paidHours } from '../shifts';
import { ANY, type DemandNeed, demandOn, demandTable, fillsCodes } from './demand';

export type SlotStatus = 'ok' | 'under' | 'over' | 'unplanned';

export const SLOT_STATUS_LABEL: Record<SlotStatus, string> = {
  ok: 'Dekket',
  under: 'Mangler',
  over: 'Overdekket',
  unplanned: 'Uten behov',
};

/** One demand need on one date after filling. */
export interface NeedCoverage extends DemandNeed {
  filled: number;
  missing: number;
  /** Ids of the employees who fill it. */
  filledBy: string[];
}

/** One date × shift code: what the grid's coverage rows colour. */
export interface SlotCoverage {
  date: string;
  day: DayNumber;
  shift: string;
  /** Paid hours of the shift on this date (daylight-saving aware); 0 for a code without a shift type. */
  hours: number;
  needed: number;
  /** Employees assigned this code on this date. */
  planned: number;
  /** Needs of this code filled (by its own code or via countsToward). */
  filled: number;
  missing: number;
  /** Employees assigned this code who fill no need on this date. */
  surplus: number;
  status: SlotStatus;
  needs: NeedCoverage[];
}

export interface DayCoverage {
  date: string;
  day: DayNumber;
  slots: SlotCoverage[];
  needed: number;
  missing: number;
}

export interface UncoveredShift {
  date: string;
  shift: string;
  competence: string;
  missing: number;
  hours: number;
}

export interface CoverageResult {
  days: DayCoverage[];
  /** `${date}|${shift}` → slot, for the grid. */
  slotIndex: Map<string, SlotCoverage>;
  neededShifts: number;
  neededHours: number;
  filledShifts: number;
  uncoveredShifts: number;
  /** Planned vikar need in hours. */
  uncoveredHours: number;
  /** Assigned work shifts that fill no need. */
  surplusShifts: number;
  surplusHours: number;
  uncovered: UncoveredShift[];
  /** Uncovered shifts and hours per competence ('any' for open rows). */
  uncoveredByCompetence: Record<string, { shifts: number; hours: number }>;
}

interface Worker { id: string; competence: string; code: string; used: boolean }

/** Coverage of the whole plan period. Accepts a plan or an index built by `indexPlan`. */
export function coverage(planOrIndex: TurnusPlan | PlanIndex): CoverageResult {
  const index = 'plan' in planOrIndex && 'byId' in planOrIndex ? (planOrIndex as PlanIndex) : indexPlan(planOrIndex as TurnusPlan);
  const table = demandTable(index.plan.demand);

  // Workers per day: employees with a work shift dated that day.
  const workersByDay = new Map<DayNumber, Worker[]>();
  for (const e of index.employees) {
    for (const s of e.shifts) {
      if (s.day < index.startDay || s.day > index.endDay) continue;
      const list = workersByDay.get(s.day) ?? [];
      list.push({ id: e.employee.id, competence: e.employee.competence, code: s.code, used: false });
      workersByDay.set(s.day, list);
    }
  }

  const res: CoverageResult = {
    days: [], slotIndex: new Map(), neededShifts: 0, neededHours: 0, filledShifts: 0, uncoveredShifts: 0,
    uncoveredHours: 0, surplusShifts: 0, surplusHours: 0, uncovered: [], uncoveredByCompetence: {},
  };

  for (let day = index.startDay; day <= index.endDay; day++) {
    const date = fromDay(day);
    const needs: NeedCoverage[] = demandOn(table, day).map((n) => ({ ...n, filled: 0, missing: 0, filledBy: [] }));
    const workers = workersByDay.get(day) ?? [];
    const hoursOf = (code: string) => {
      const t = index.shiftTypes.get(code);
      return t ? paidHours(t, day) : 0;
    };
    const fill = (need: NeedCoverage, pool: Worker[]) => {
      for (const w of pool) {
        if (need.filled >= need.count) return;
        if (w.used) continue;
        if (need.competence !== ANY && w.competence !== need.competence) continue;
        w.used = true;
        need.filled++;
        need.filledBy.push(w.id);
      }
    };
    // Pass 1: own code, named competences first, then 'any'.
    for (const named of [true, false]) {
      for (const need of needs) {
        if ((need.competence !== ANY) !== named) continue;
        fill(need, workers.filter((w) => w.code === need.shift));
      }
    }
    // Pass 2: countsToward, same order.
    for (const named of [true, false]) {
      for (const need of needs) {
        if ((need.competence !== ANY) !== named || need.filled >= need.count) continue;
        fill(need, workers.filter((w) => w.code !== need.shift && fillsCodes(index.shiftTypes, w.code).includes(need.shift)));
      }
    }

    const codes: string[] = [];
    for (const n of needs) if (!codes.includes(n.shift)) codes.push(n.shift);
    for (const w of workers) if (!codes.includes(w.code)) codes.push(w.code);
    const dayCov: DayCoverage = { date, day, slots: [], needed: 0, missing: 0 };
    for (const code of codes) {
      const own = needs.filter((n) => n.shift === code);
      const hours = hoursOf(code);
      const needed = own.reduce((s, n) => s + n.count, 0);
      const filled = own.reduce((s, n) => s + n.filled, 0);
      const planned = workers.filter((w) => w.code === code).length;
      const surplus = workers.filter((w) => w.code === code && !w.used).length;
      for (const n of own) n.missing = n.count - n.filled;
      const missing = needed - filled;
      const status: SlotStatus = needed === 0 ? (surplus > 0 ? 'unplanned' : 'ok') : missing > 0 ? 'under' : surplus > 0 ? 'over' : 'ok';
      const slot: SlotCoverage = { date, day, shift: code, hours, needed, planned, filled, missing, surplus, status, needs: own };
      dayCov.slots.push(slot);
      res.slotIndex.set(`${date}|${code}`, slot);
      dayCov.needed += needed;
      dayCov.missing += missing;
      res.neededShifts += needed;
      res.neededHours += needed * hours;
      res.filledShifts += filled;
      res.uncoveredShifts += missing;
      res.uncoveredHours += missing * hours;
      res.surplusShifts += surplus;
      res.surplusHours += surplus * hours;
      for (const n of own) {
        if (n.missing <= 0) continue;
        res.uncovered.push({ date, shift: code, competence: n.competence, missing: n.missing, hours: n.missing * hours });
        const c = (res.uncoveredByCompetence[n.competence] ??= { shifts: 0, hours: 0 });
        c.shifts += n.missing;
        c.hours += n.missing * hours;
      }
    }
    res.days.push(dayCov);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Weekend coverage

export interface WeekendDayCoverage {
  date: string;
  needed: number;
  filled: number;
  missing: number;
}

export interface WeekendShiftCoverage {
  shift: string;
  saturday: WeekendDayCoverage;
  sunday: WeekendDayCoverage;
}

export interface WeekendCoverage {
  /** Saturday of the weekend. */
  saturday: string;
  sunday: string;
  shifts: WeekendShiftCoverage[];
  needed: number;
  missing: number;
  missingHours: number;
  /** Distinct employees working a shift dated on the Saturday or the Sunday. */
  heads: number;
}

/** Every weekend of the plan (Saturday and Sunday inside the period), per shift code. */
export function weekendCoverage(cov: CoverageResult, index: PlanIndex): WeekendCoverage[] {
  const out: WeekendCoverage[] = [];
  const dayOf = new Map(cov.days.map((d) => [d.day, d]));
  for (const sat of weekendsIn(index.startDay, index.endDay)) {
    const days = [dayOf.get(sat), dayOf.get(sat + 1)];
    const codes: string[] = [];
    for (const d of days) for (const s of d?.slots ?? []) if (!codes.includes(s.shift) && (s.needed > 0 || s.planned > 0)) codes.push(s.shift);
    const cell = (d: DayCoverage | undefined, code: string, date: string): WeekendDayCoverage => {
      const s = d?.slots.find((x) => x.shift === code);
      return { date, needed: s?.needed ?? 0, filled: s?.filled ?? 0, missing: s?.missing ?? 0 };
    };
    const shifts = codes.map((code) => ({ shift: code, saturday: cell(days[0], code, fromDay(sat)), sunday: cell(days[1], code, fromDay(sat + 1)) }));
    const heads = new Set<string>();
    for (const e of index.employees) {
      if (e.cells.get(sat)?.kind === 'work' || e.cells.get(sat + 1)?.kind === 'work') heads.add(e.employee.id);
    }
    let missingHours = 0;
    for (const d of days) for (const s of d?.slots ?? []) missingHours += s.missing * s.hours;
    out.push({
      saturday: fromDay(sat), sunday: fromDay(sat + 1), shifts,
      needed: (days[0]?.needed ?? 0) + (days[1]?.needed ?? 0),
      missing: (days[0]?.missing ?? 0) + (days[1]?.missing ?? 0),
      missingHours, heads: heads.size,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Who covers planned absence

export type AbsenceCoverStatus = 'dekket' | 'vikar' | 'uten-behov' | 'ukjent-vakt';

export const ABSENCE_COVER_LABEL: Record<AbsenceCoverStatus, string> = {
  dekket: 'Dekket av fast ansatt',
  vikar: 'Overlatt til vikar',
  'uten-behov': 'Ingen behov på vakten',
  'ukjent-vakt': 'Ingen vanlig vakt å erstatte',
};

export interface AbsenceCover {
  employee: string;
  date: string;
  /** Absence code (FE, PERM, KURS …). */
  code: string;
  kind: string;
  /**
   * The absent person's usual shift on this kind of day: her most frequent work code on the
   * same day type (weekday, Saturday, Sunday/holiday) in the plan, else her most frequent code.
   */
  usualShift: string | null;
  status: AbsenceCoverStatus;
  /** Permanent employees who fill that shift's need on the date. */
  coveredBy: string[];
  /** Missing people on that shift on the date (left to vikar). */
  missing: number;
  /** Vikar hours on that shift on the date attributable to the absence (0 or the shift's hours). */
  vikarHours: number;
}

/** Sundays and holidays together (2), Saturdays (1), other days (0). */
function dayKind(day: DayNumber): number {
  if (isRedDay(day)) return 2;
  return isoWeekday(day) === 5 ? 1 : 0;
}

/**
 * For each planned absence day of each employee: the absent person's usual shift that day and
 * whether its need is covered by permanent staff or left to vikar.
 */
export function absenceCover(cov: CoverageResult, index: PlanIndex): AbsenceCover[] {
  const out: AbsenceCover[] = [];
  for (const e of index.employees) {
    if (e.absences.length === 0) continue;
    const byKind: Map<string, number>[] = [new Map(), new Map(), new Map()];
    const all = new Map<string, number>();
    for (const s of e.shifts) {
      const k = dayKind(s.day);
      byKind[k].set(s.code, (byKind[k].get(s.code) ?? 0) + 1);
      all.set(s.code, (all.get(s.code) ?? 0) + 1);
    }
    const top = (m: Map<string, number>): string | null => {
      let best: string | null = null, n = 0;
      for (const [c, v] of m) if (v > n) { best = c; n = v; }
      return best;
    };
    for (const a of e.absences) {
      if (a.day < index.startDay || a.day > index.endDay) continue;
      const usual = top(byKind[dayKind(a.day)]) ?? top(all);
      const date = fromDay(a.day);
      const slot = usual ? cov.slotIndex.get(`${date}|${usual}`) : undefined;
      let status: AbsenceCoverStatus;
      if (!usual) status = 'ukjent-vakt';
      else if (!slot || slot.needed === 0) status = 'uten-behov';
      else status = slot.missing > 0 ? 'vikar' : 'dekket';
      out.push({
        employee: e.employee.id, date, code: a.code, kind: a.absence.kind, usualShift: usual, status,
        coveredBy: slot ? slot.needs.flatMap((n) => n.filledBy) : [],
        missing: slot?.missing ?? 0,
        vikarHours: status === 'vikar' && slot ? slot.hours : 0,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Grid rows (JSON-safe)

export interface CoverageGridCell {
  needed: number;
  planned: number;
  filled: number;
  missing: number;
  surplus: number;
  status: SlotStatus;
}

export interface CoverageGridRow {
  shift: string;
  /** date → cell; dates without need or staff on this shift are left out. */
  cells: Record<string, CoverageGridCell>;
  needed: number;
  missing: number;
  missingHours: number;
}

/**
 * One coverage row per shift code for the plan grid (codes in the order of the plan's shift
 * types, then any other code met), each with a cell per date: what the grid colours
 * (`under` = mangler, `over` = overdekket, `unplanned` = vakt uten behov, `ok`). JSON-safe.
 */
export function coverageGridRows(cov: CoverageResult, shiftOrder: readonly string[] = []): CoverageGridRow[] {
  const rows = new Map<string, CoverageGridRow>();
  for (const code of shiftOrder) rows.set(code, { shift: code, cells: {}, needed: 0, missing: 0, missingHours: 0 });
  for (const d of cov.days) {
    for (const s of d.slots) {
      let row = rows.get(s.shift);
      if (!row) { row = { shift: s.shift, cells: {}, needed: 0, missing: 0, missingHours: 0 }; rows.set(s.shift, row); }
      row.cells[d.date] = { needed: s.needed, planned: s.planned, filled: s.filled, missing: s.missing, surplus: s.surplus, status: s.status };
      row.needed += s.needed;
      row.missing += s.missing;
      row.missingHours += s.missing * s.hours;
    }
  }
  return [...rows.values()].filter((r) => r.needed > 0 || Object.keys(r.cells).length > 0);
}

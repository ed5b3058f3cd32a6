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
import type { DayNumber } from '../calendar';
import type { TurnusPlan } from '../plan/model';
import { type PlanIndex, dayString, indexPlan, paidHours } from '../plan/plan-index';
import { ANY, type DemandNeed, demandOn, demandSourceOf, demandTable, fillsCodes } from './demand';

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

/** The demand of one source (a day type or one date) with the code id of each need's shift. */
interface NeedTemplate {
  needs: DemandNeed[];
  codes: number[];
}

/**
 * Coverage of the whole plan period. Accepts a plan or an index built by `indexPlan`.
 *
 * Cost: the demand is resolved once per day type (and once per date row date) instead of once
 * per date, the work shifts are bucketed by day once into flat arrays, and the filling walks
 * those arrays with integer shift-code ids, so a year costs a few allocations per slot rather
 * than per (need × worker). Same results, in the same order, as the plain per-date algorithm of
 * plan-format.md «Coverage» (test/unit/metrics/golden.test.ts).
 */
export function coverage(planOrIndex: TurnusPlan | PlanIndex): CoverageResult {
  const index = 'plan' in planOrIndex && 'byId' in planOrIndex ? (planOrIndex as PlanIndex) : indexPlan(planOrIndex as TurnusPlan);
  const table = demandTable(index.plan.demand);
  const { startDay, endDay, shiftTypes } = index;
  const nDays = Math.max(0, endDay - startDay + 1);

  // Shift codes as small integers; per code, the other codes it counts toward (countsToward).
  const codeIds = new Map<string, number>();
  const codeNames: string[] = [];
  const toward: (readonly string[] | null)[] = [];
  const codeId = (code: string): number => {
    let id = codeIds.get(code);
    if (id === undefined) {
      id = codeNames.length;
      codeIds.set(code, id);
      codeNames.push(code);
      const others = fillsCodes(shiftTypes, code).slice(1);
      toward.push(others.length > 0 ? others : null);
    }
    return id;
  };

  // Workers per day (employees with a work shift dated that day, in employee order), bucketed
  // into flat arrays: the workers of day d are positions first[d − start] … first[d − start + 1] − 1.
  const first = new Int32Array(nDays + 1);
  for (const e of index.employees) {
    for (const s of e.shifts) if (s.day >= startDay && s.day <= endDay) first[s.day - startDay + 1]++;
  }
  for (let i = 1; i <= nDays; i++) first[i] += first[i - 1];
  const total = nDays > 0 ? first[nDays] : 0;
  const wId: string[] = new Array<string>(total);
  const wCompetence: string[] = new Array<string>(total);
  const wCode = new Int32Array(total);
  const used = new Uint8Array(total);
  {
    const next = first.slice(0, Math.max(1, nDays));
    for (const e of index.employees) {
      const { id, competence } = e.employee;
      for (const s of e.shifts) {
        if (s.day < startDay || s.day > endDay) continue;
        const k = next[s.day - startDay]++;
        wId[k] = id;
        wCompetence[k] = competence;
        wCode[k] = codeId(s.code);
      }
    }
  }

  // Every demand row's shift code gets its id now, so the per-code arrays below have a fixed
  // size (typed arrays: the optimised day loop never reads past an array's end and never has to
  // be compiled again because a new code shows up late in the year).
  for (const r of index.plan.demand) codeId(r.shift);
  const nCodes = codeNames.length;

  // Demand per source, resolved once: day types by name, date rows by date.
  const templates = new Map<string, NeedTemplate>();
  const templateOf = (day: DayNumber, date: string): NeedTemplate => {
    const src = demandSourceOf(table, day);
    const key = src === 'date' ? `date:${date}` : src;
    let t = templates.get(key);
    if (!t) {
      const needs = demandOn(table, day);
      t = { needs, codes: needs.map((n) => codeId(n.shift)) };
      templates.set(key, t);
    }
    return t;
  };

  const res: CoverageResult = {
    days: [],
    slotIndex: new Map(),
    neededShifts: 0,
    neededHours: 0,
    filledShifts: 0,
    uncoveredShifts: 0,
    uncoveredHours: 0,
    surplusShifts: 0,
    surplusHours: 0,
    uncovered: [],
    uncoveredByCompetence: {},
  };

  // Per code id, reset for each day: the day's stamp, planned and surplus counts.
  const stamp = new Int32Array(nCodes);
  const planned = new Int32Array(nCodes);
  const surplus = new Int32Array(nCodes);
  const codes: number[] = [];
  // Per code id, for grouping the day's workers by code (see the day loop).
  const gMark = new Int32Array(nCodes),
    gCount = new Int32Array(nCodes),
    gStart = new Int32Array(nCodes),
    gNext = new Int32Array(nCodes);
  const byCode = new Int32Array(total);

  for (let day = startDay; day <= endDay; day++) {
    const date = dayString(day);
    const template = templateOf(day, date);
    // Built with push so the array has the same elements kind whether the day has needs or not.
    const needs: NeedCoverage[] = [];
    for (const n of template.needs)
      needs.push({ shift: n.shift, competence: n.competence, count: n.count, filled: 0, missing: 0, filledBy: [] });
    const needCode = template.codes;
    const lo = first[day - startDay],
      hi = first[day - startDay + 1];

    const mark = day - startDay + 1;
    // The day's workers grouped by code, employee order kept within a code: byCode[gStart[c] …
    // gStart[c] + gCount[c] − 1] are the positions of the workers on code c (when gMark[c] is
    // this day's mark).
    for (let k = lo; k < hi; k++) {
      const c = wCode[k];
      if (gMark[c] !== mark) {
        gMark[c] = mark;
        gCount[c] = 0;
        gStart[c] = -1;
      }
      gCount[c]++;
    }
    for (let k = lo, off = lo; k < hi; k++) {
      const c = wCode[k];
      if (gStart[c] < 0) {
        gStart[c] = off;
        gNext[c] = off;
        off += gCount[c];
      }
      byCode[gNext[c]++] = k;
    }

    // Pass 1: own code, named competences first, then 'any'.
    for (const named of [true, false]) {
      for (let j = 0; j < needs.length; j++) {
        const need = needs[j];
        const nc = needCode[j];
        if ((need.competence !== ANY) !== named || gMark[nc] !== mark) continue;
        for (let i = gStart[nc], end = i + gCount[nc]; i < end && need.filled < need.count; i++) {
          const k = byCode[i];
          if (used[k]) continue;
          if (need.competence !== ANY && wCompetence[k] !== need.competence) continue;
          used[k] = 1;
          need.filled++;
          need.filledBy.push(wId[k]);
        }
      }
    }
    // Pass 2: countsToward (a worker whose own code is not the need's), same order, over the
    // day's workers in employee order.
    for (const named of [true, false]) {
      for (let j = 0; j < needs.length; j++) {
        const need = needs[j];
        if ((need.competence !== ANY) !== named || need.filled >= need.count) continue;
        const nc = needCode[j];
        for (let k = lo; k < hi && need.filled < need.count; k++) {
          if (used[k]) continue;
          const wc = wCode[k];
          if (wc === nc) continue;
          const t = toward[wc];
          if (t === null || !t.includes(need.shift)) continue;
          if (need.competence !== ANY && wCompetence[k] !== need.competence) continue;
          used[k] = 1;
          need.filled++;
          need.filledBy.push(wId[k]);
        }
      }
    }

    // Codes of the day: the needs' codes in order, then the workers' codes in order.
    codes.length = 0;
    const touch = (c: number) => {
      if (stamp[c] !== mark) {
        stamp[c] = mark;
        planned[c] = 0;
        surplus[c] = 0;
        codes.push(c);
      }
    };
    for (const c of needCode) touch(c);
    for (let k = lo; k < hi; k++) {
      const c = wCode[k];
      touch(c);
      planned[c]++;
      if (!used[k]) surplus[c]++;
    }

    const dayCov: DayCoverage = { date, day, slots: [], needed: 0, missing: 0 };
    for (const c of codes) {
      const code = codeNames[c];
      const own: NeedCoverage[] = [];
      let needed = 0,
        filled = 0;
      for (let j = 0; j < needs.length; j++) {
        if (needCode[j] !== c) continue;
        const n = needs[j];
        own.push(n);
        needed += n.count;
        filled += n.filled;
      }
      const t = shiftTypes.get(code);
      const hours = t ? paidHours(t, day) : 0;
      const slotSurplus = surplus[c];
      for (const n of own) n.missing = n.count - n.filled;
      const missing = needed - filled;
      const status: SlotStatus =
        needed === 0 ? (slotSurplus > 0 ? 'unplanned' : 'ok') : missing > 0 ? 'under' : slotSurplus > 0 ? 'over' : 'ok';
      const slot: SlotCoverage = {
        date,
        day,
        shift: code,
        hours,
        needed,
        planned: planned[c],
        filled,
        missing,
        surplus: slotSurplus,
        status,
        needs: own,
      };
      dayCov.slots.push(slot);
      res.slotIndex.set(`${date}|${code}`, slot);
      dayCov.needed += needed;
      dayCov.missing += missing;
      res.neededShifts += needed;
      res.neededHours += needed * hours;
      res.filledShifts += filled;
      res.uncoveredShifts += missing;
      res.uncoveredHours += missing * hours;
      res.surplusShifts += slotSurplus;
      res.surplusHours += slotSurplus * hours;
      for (const n of own) {
        if (n.missing <= 0) continue;
        res.uncovered.push({ date, shift: code, competence: n.competence, missing: n.missing, hours: n.missing * hours });
        res.uncoveredByCompetence[n.competence] ??= { shifts: 0, hours: 0 };
        const cc = res.uncoveredByCompetence[n.competence];
        cc.shifts += n.missing;
        cc.hours += n.missing * hours;
      }
    }
    res.days.push(dayCov);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Grid rows (JSON-safe)

export type CoverageGridCell = Pick<SlotCoverage, 'needed' | 'planned' | 'filled' | 'missing' | 'surplus' | 'status'>;

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
      if (!row) {
        row = { shift: s.shift, cells: {}, needed: 0, missing: 0, missingHours: 0 };
        rows.set(s.shift, row);
      }
      row.cells[d.date] = {
        needed: s.needed,
        planned: s.planned,
        filled: s.filled,
        missing: s.missing,
        surplus: s.surplus,
        status: s.status,
      };
      row.needed += s.needed;
      row.missing += s.missing;
      row.missingHours += s.missing * s.hours;
    }
  }
  return [...rows.values()].filter((r) => r.needed > 0 || Object.keys(r.cells).length > 0);
}

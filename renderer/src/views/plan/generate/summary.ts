/**
 * What a generator preview would do to the open plan, for the «Fyll ut» preview: per employee
 * the cells added / changed / removed and the planned hours before → after, and the rule check
 * (the same rule engine as the grid, shared/engine.ts) of the plan before and after the change.
 * Pure: reads the plan file and the grid's current cells, never touches the stores.
 */
import type { GenerateChangeDetail, GenerateOverTolerance, GeneratePreview } from '../../../../../shared/api/solver';
import type { Assignment, Employee, TurnusPlan } from '../../../../../shared/plan/model';
import { LIMITS } from '../../../../../shared/plan/limits';
import { createChecker, type Violation, type ViolationCounts } from '../../../../../shared/rules/engine';
import { plannedHours, targetHours } from '../../../../../shared/plan/hours';
import { DEFAULT_OVER_TOLERANCE } from '../../../../../shared/solver/norwegian/model';
import { fmtHours, fmtPct, parseDecimal, parsePercent } from '../../../lib/format';
import { keyOf, splitKey } from '../../../lib/cellKey';

export interface EmployeeChange {
  employee: Employee;
  added: number;
  changed: number;
  removed: number;
  hoursBefore: number;
  hoursAfter: number;
  targetHours: number;
  details: GenerateChangeDetail[];
}

export interface PreviewSummary {
  employees: EmployeeChange[];
  totals: { added: number; changed: number; removed: number };
  before: ViolationCounts;
  after: ViolationCounts;
  /** Error-level breaches left after the change (shown one by one). */
  afterErrors: Violation[];
  /** Over all employees after the change: hours above and below their target (both ≥ 0). */
  hoursOver: number;
  hoursUnder: number;
  /** Cells the generator may not touch: pinned cells and registered absence. */
  protectedCells: { pinned: number; absence: number };
}

/** The open plan as the grid sees it now: the file with the grid's current cells. */
export function currentPlanFile(file: TurnusPlan, cells: ReadonlyMap<string, string>): TurnusPlan {
  const pinned = new Set(file.assignments.filter((a) => a.pinned).map((a) => keyOf(a.employee, a.date)));
  const assignments: Assignment[] = [];
  for (const [key, code] of cells) {
    const [employee, date] = splitKey(key);
    const a: Assignment = { employee, date, code };
    if (pinned.has(key)) a.pinned = true;
    assignments.push(a);
  }
  return { ...file, assignments };
}

/** Pinned cells and absence cells of a plan (the generator never changes either). */
export function protectedCellsOf(file: TurnusPlan): { pinned: number; absence: number } {
  const shiftCodes = new Set(file.shiftTypes.map((s) => s.code));
  let pinned = 0;
  let absence = 0;
  for (const a of file.assignments) {
    if (a.pinned) pinned++;
    else if (!shiftCodes.has(a.code)) absence++;
  }
  return { pinned, absence };
}

export function summarizePreview(file: TurnusPlan, preview: GeneratePreview): PreviewSummary {
  const checker = createChecker(file);
  const before = { ...checker.counts() };
  const byEmployee = new Map<string, GenerateChangeDetail[]>();
  for (const d of preview.details) {
    const list = byEmployee.get(d.employeeId);
    if (list) list.push(d);
    else byEmployee.set(d.employeeId, [d]);
  }
  const hoursBefore = new Map<string, number>();
  for (const id of byEmployee.keys()) hoursBefore.set(id, plannedHours(checker.index, id));
  for (const c of preview.cells) checker.applyChange(c);
  const after = { ...checker.counts() };
  const employees: EmployeeChange[] = [];
  const totals = { added: 0, changed: 0, removed: 0 };
  for (const e of file.employees) {
    const details = byEmployee.get(e.id);
    if (!details) continue;
    const row: EmployeeChange = {
      employee: e,
      added: 0,
      changed: 0,
      removed: 0,
      hoursBefore: hoursBefore.get(e.id) ?? 0,
      hoursAfter: plannedHours(checker.index, e.id),
      targetHours: targetHours(checker.index, e.id),
      details: details.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    };
    for (const d of details) {
      if (d.from === null && d.to !== null) row.added++;
      else if (d.from !== null && d.to === null) row.removed++;
      else row.changed++;
    }
    totals.added += row.added;
    totals.changed += row.changed;
    totals.removed += row.removed;
    employees.push(row);
  }
  let hoursOver = 0;
  let hoursUnder = 0;
  for (const e of file.employees) {
    const diff = plannedHours(checker.index, e.id) - targetHours(checker.index, e.id);
    if (diff > 0) hoursOver += diff;
    else hoursUnder -= diff;
  }
  return {
    employees,
    totals,
    hoursOver,
    hoursUnder,
    before,
    after,
    afterErrors: checker.violations().filter((v) => v.severity === 'error'),
    protectedCells: protectedCellsOf(file),
  };
}

/** «Tillatt over måltimer» as the dialog shows it: percent and hours as Norwegian text. */
export function overToleranceText(t: GenerateOverTolerance | undefined): { pct: string; hours: string } {
  const share = t?.share ?? DEFAULT_OVER_TOLERANCE.share;
  const minHours = t?.minHours ?? DEFAULT_OVER_TOLERANCE.minHours;
  return { pct: fmtPct(share).replace(/\s*%$/, ''), hours: fmtHours(minHours).replace(/,0$/, '') };
}

/** One line for the preview: «5 % av måltimene, minst 4 t». */
export function describeOverTolerance(t: GenerateOverTolerance | undefined): string {
  const { pct, hours } = overToleranceText(t);
  return `${pct} % av måltimene, minst ${hours} t`;
}

export type OverToleranceInput =
  | { ok: true; value: Required<GenerateOverTolerance> }
  | { ok: false; field: 'tolPct' | 'tolHours'; message: string };

/** Reads the two fields of «Tillatt over måltimer» (decimal comma or point). */
export function parseOverTolerance(pctText: string, hoursText: string): OverToleranceInput {
  const share = parsePercent(pctText);
  if (share === null || share > 1) {
    return { ok: false, field: 'tolPct', message: '«Tillatt over måltimer» må være en prosent fra 0 til 100, for eksempel 5.' };
  }
  const minHours = parseDecimal(hoursText);
  const max = LIMITS.overToleranceHoursMax;
  if (minHours === null || minHours < 0 || minHours > max) {
    return { ok: false, field: 'tolHours', message: `«Minst antall timer» må være et antall timer fra 0 til ${max}, for eksempel 4.` };
  }
  return { ok: true, value: { share, minHours } };
}

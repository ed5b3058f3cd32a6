/**
 * The difference between two versions of a plan (or a version and the current plan), as a
 * tillitsvalgt reads it: which cells changed, how each employee's planned hours and resulting
 * position moved, and which rule hits appeared or disappeared.
 *
 * Hours, positions and rule hits are not computed here: the caller passes an `analyze`
 * function built on the rule engine and the report (see ./analysis), so each formula stays
 * in one place.
 */
import type { TurnusPlan } from '../plan/model';

/** A rule hit as the rule engine reports it (plan-format.md, `turnus check`). */
export interface RuleHit {
  rule: string;
  employee?: string | null;
  date?: string | null;
  severity?: string;
  message: string;
  /** Legal or agreement basis, e.g. 'aml § 10-8 (1)'. */
  source?: string;
}

/** Per-employee figures of one plan version. */
export interface EmployeeFigures {
  plannedHours: number;
  targetHours: number;
  resultingPosition: number;
}

export interface PlanAnalysis {
  employees: Map<string, EmployeeFigures>;
  hits: RuleHit[];
}

export type Analyze = (plan: TurnusPlan) => PlanAnalysis;

export interface CellDiff {
  employeeId: string;
  employeeName: string;
  date: string;
  /** Code before (null = empty). */
  before: string | null;
  after: string | null;
}

export interface EmployeeDiff {
  employeeId: string;
  name: string;
  /** 'added' / 'removed' when the employee exists in only one of the versions. */
  change: 'changed' | 'added' | 'removed';
  cellsChanged: number;
  plannedHoursBefore: number | null;
  plannedHoursAfter: number | null;
  resultingPositionBefore: number | null;
  resultingPositionAfter: number | null;
  /** Contracted position before/after (a changed stillingsprosent is a change too). */
  positionBefore: number | null;
  positionAfter: number | null;
}

export interface PlanDiff {
  /** True when nothing a user can see differs. */
  identical: boolean;
  periodBefore: { start: string; end: string };
  periodAfter: { start: string; end: string };
  cells: CellDiff[];
  employees: EmployeeDiff[];
  rulesAdded: RuleHit[];
  rulesRemoved: RuleHit[];
  summary: {
    cellsChanged: number;
    employeesChanged: number;
    rulesAdded: number;
    rulesRemoved: number;
    plannedHoursBefore: number;
    plannedHoursAfter: number;
  };
}

function cellMap(plan: TurnusPlan): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of plan.assignments) m.set(`${a.employee}\u0000${a.date}`, a.code);
  return m;
}

/** Identity of a rule hit across versions: the same rule for the same person on the same date. */
export function hitKey(h: RuleHit): string {
  return `${h.rule}\u0000${h.employee ?? ''}\u0000${h.date ?? ''}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Compares `before` with `after`. */
export function diffPlans(before: TurnusPlan, after: TurnusPlan, analyze: Analyze): PlanDiff {
  const a = cellMap(before);
  const b = cellMap(after);
  const empBefore = new Map(before.employees.map((e) => [e.id, e]));
  const empAfter = new Map(after.employees.map((e) => [e.id, e]));
  const nameOf = (id: string) => empAfter.get(id)?.name ?? empBefore.get(id)?.name ?? id;

  const cells: CellDiff[] = [];
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const key of keys) {
    const x = a.get(key) ?? null;
    const y = b.get(key) ?? null;
    if (x === y) continue;
    const [employeeId, date] = key.split('\u0000');
    cells.push({ employeeId, employeeName: nameOf(employeeId), date, before: x, after: y });
  }
  const order = new Map([...after.employees, ...before.employees].map((e, i) => [e.id, i] as const).reverse());
  cells.sort((p, q) => (order.get(p.employeeId) ?? 0) - (order.get(q.employeeId) ?? 0) || p.date.localeCompare(q.date));

  const anaBefore = analyze(before);
  const anaAfter = analyze(after);
  const perEmp = new Map<string, number>();
  for (const c of cells) perEmp.set(c.employeeId, (perEmp.get(c.employeeId) ?? 0) + 1);

  const employees: EmployeeDiff[] = [];
  const ids = [...new Set([...after.employees.map((e) => e.id), ...before.employees.map((e) => e.id)])];
  for (const id of ids) {
    const eb = empBefore.get(id);
    const ea = empAfter.get(id);
    const fb = anaBefore.employees.get(id);
    const fa = anaAfter.employees.get(id);
    const change = !eb ? 'added' : !ea ? 'removed' : 'changed';
    const d: EmployeeDiff = {
      employeeId: id,
      name: nameOf(id),
      change,
      cellsChanged: perEmp.get(id) ?? 0,
      plannedHoursBefore: fb ? round2(fb.plannedHours) : null,
      plannedHoursAfter: fa ? round2(fa.plannedHours) : null,
      resultingPositionBefore: fb ? fb.resultingPosition : null,
      resultingPositionAfter: fa ? fa.resultingPosition : null,
      positionBefore: eb?.position ?? null,
      positionAfter: ea?.position ?? null,
    };
    const moved =
      change !== 'changed' ||
      d.cellsChanged > 0 ||
      d.plannedHoursBefore !== d.plannedHoursAfter ||
      d.positionBefore !== d.positionAfter ||
      Math.abs((d.resultingPositionBefore ?? 0) - (d.resultingPositionAfter ?? 0)) > 1e-9;
    if (moved) employees.push(d);
  }

  const hb = new Map(anaBefore.hits.map((h) => [hitKey(h), h]));
  const ha = new Map(anaAfter.hits.map((h) => [hitKey(h), h]));
  const rulesAdded = [...ha].filter(([k]) => !hb.has(k)).map(([, h]) => h);
  const rulesRemoved = [...hb].filter(([k]) => !ha.has(k)).map(([, h]) => h);
  const byDate = (p: RuleHit, q: RuleHit) => (p.date ?? '').localeCompare(q.date ?? '') || p.rule.localeCompare(q.rule);
  rulesAdded.sort(byDate);
  rulesRemoved.sort(byDate);

  const sum = (m: Map<string, EmployeeFigures>) => round2([...m.values()].reduce((s, f) => s + f.plannedHours, 0));
  const periodSame = before.period.start === after.period.start && before.period.end === after.period.end;
  return {
    identical: periodSame && cells.length === 0 && employees.length === 0 && rulesAdded.length === 0 && rulesRemoved.length === 0,
    periodBefore: { ...before.period },
    periodAfter: { ...after.period },
    cells,
    employees,
    rulesAdded,
    rulesRemoved,
    summary: {
      cellsChanged: cells.length,
      employeesChanged: employees.length,
      rulesAdded: rulesAdded.length,
      rulesRemoved: rulesRemoved.length,
      plannedHoursBefore: sum(anaBefore.employees),
      plannedHoursAfter: sum(anaAfter.employees),
    },
  };
}

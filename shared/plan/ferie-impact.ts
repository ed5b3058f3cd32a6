/**
 * What approving a ferieønske does to the plan, before it is done: the planned cells it would
 * overwrite (work shifts and other absence), how many of the person's competence are then off on
 * each day against the unit's limit, and the exact changes to approve and to restore (so
 * «Avslå» or «Angre» gives back the removed shifts). A wish running past the period is clipped
 * to it, and the clip is reported.
 *
 * Exported:
 * - `approvalChanges(plan, wish) → { changes, restore, clipped }` — pure; `restore` undoes
 *   `changes` exactly (the previous code of each changed cell, null where it was empty).
 * - `ferieImpact(plan, wish, opts?) → FerieImpact` — removed cells, per-day off/at-work counts
 *   for each competence, and Norwegian warnings.
 */
import { addDays, formatDateNo, isIsoDate, toDay } from '../calendar';
import type { CellChange } from './cell-change';
import type { TurnusPlan } from './model';
import { absenceCodesOf } from './model';
import { paidHours } from './plan-index';

export interface VacationWish {
  employeeId: string;
  /** 'yyyy-MM-dd', inclusive. */
  from: string;
  /** 'yyyy-MM-dd', inclusive. */
  to: string;
  /** The vacation code to write (default 'FE'). */
  code?: string;
}

export interface ApprovalChanges {
  changes: CellChange[];
  restore: CellChange[];
  /** The wish as clipped to the period; null when nothing of it lies in the period. */
  range: { from: string; to: string } | null;
  /** Set when the wish ran outside the period. */
  clipped: { from: string; to: string; message: string } | null;
}

export interface RemovedCell {
  date: string;
  code: string;
  /** Paid hours of a removed work shift; 0 for a removed absence. */
  hours: number;
  pinned: boolean;
}

export interface DayCompetenceLoad {
  date: string;
  competence: string;
  /** People of this competence on vacation that day, the wish included. */
  off: number;
  /** People of this competence with a work shift that day after the approval. */
  atWork: number;
  /** The unit's limit for this competence, or null. */
  max: number | null;
  overLimit: boolean;
}

export interface FerieImpact extends ApprovalChanges {
  removed: RemovedCell[];
  removedHours: number;
  days: DayCompetenceLoad[];
  warnings: string[];
}

function label(plan: TurnusPlan, id: string): string {
  return plan.employees.find((e) => e.id === id)?.name ?? id;
}

function checkWish(plan: TurnusPlan, wish: VacationWish): void {
  if (!plan.employees.some((e) => e.id === wish.employeeId)) throw new RangeError(`Ukjent ansatt i ferieønsket (${wish.employeeId}).`);
  if (!isIsoDate(wish.from)) throw new RangeError(`«Fra» i ferieønsket er ikke en gyldig dato (${wish.from}).`);
  if (!isIsoDate(wish.to)) throw new RangeError(`«Til» i ferieønsket er ikke en gyldig dato (${wish.to}).`);
  if (wish.to < wish.from)
    throw new RangeError(`«Til» (${formatDateNo(wish.to)}) er før «Fra» (${formatDateNo(wish.from)}) i ferieønsket.`);
}

export function approvalChanges(plan: TurnusPlan, wish: VacationWish): ApprovalChanges {
  checkWish(plan, wish);
  const code = wish.code ?? 'FE';
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare lexically; Math.max would turn them into NaN
  const from = wish.from < plan.period.start ? plan.period.start : wish.from;
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare lexically; Math.min would turn them into NaN
  const to = wish.to > plan.period.end ? plan.period.end : wish.to;
  const out: ApprovalChanges = { changes: [], restore: [], range: from <= to ? { from, to } : null, clipped: null };
  if (from !== wish.from || to !== wish.to) {
    out.clipped = {
      from,
      to,
      message:
        from > to
          ? `Ferieønsket ${formatDateNo(wish.from, false)}–${formatDateNo(wish.to, false)} ligger utenfor planperioden og endrer ingenting.`
          : `Ferieønsket ${formatDateNo(wish.from, false)}–${formatDateNo(wish.to, false)} går utenfor planperioden; bare ${formatDateNo(from, false)}–${formatDateNo(to, false)} legges inn i denne planen.`,
    };
  }
  if (from > to) return out;
  const cells = new Map<string, { code: string; pinned?: boolean }>();
  for (const a of plan.assignments) if (a.employee === wish.employeeId) cells.set(a.date, a);
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const before = cells.get(d);
    if (before?.code === code) continue;
    out.changes.push({ employeeId: wish.employeeId, date: d, code });
    out.restore.push({ employeeId: wish.employeeId, date: d, code: before?.code ?? null, ...(before?.pinned ? { pinned: true } : {}) });
  }
  return out;
}

export interface FerieImpactOptions {
  /** How many of each competence may be on vacation on the same day ('any': of all the staff). */
  maxOffPerCompetence?: Readonly<Record<string, number>>;
}

export function ferieImpact(plan: TurnusPlan, wish: VacationWish, opts: FerieImpactOptions = {}): FerieImpact {
  const base = approvalChanges(plan, wish);
  const code = wish.code ?? 'FE';
  const types = new Map(plan.shiftTypes.map((t) => [t.code, t]));
  const absences = new Map(absenceCodesOf(plan).map((a) => [a.code, a]));
  const removed: RemovedCell[] = base.restore
    .filter((r) => r.code !== null)
    .map((r) => {
      const t = types.get(r.code!);
      return { date: r.date, code: r.code!, hours: t ? paidHours(t, toDay(r.date)) : 0, pinned: r.pinned === true };
    });
  const removedHours = removed.reduce((s, r) => s + r.hours, 0);
  const out: FerieImpact = { ...base, removed, removedHours, days: [], warnings: [] };
  const who = label(plan, wish.employeeId);
  if (base.clipped) out.warnings.push(base.clipped.message);
  const work = removed.filter((r) => r.hours > 0);
  if (work.length > 0) {
    out.warnings.push(
      `Godkjenning fjerner ${work.length} planlagte vakter for ${who} (${work.map((r) => `${r.code} ${formatDateNo(r.date, false)}`).join(', ')}); vaktene må dekkes på nytt.`,
    );
  }
  const other = removed.filter((r) => r.hours === 0);
  if (other.length > 0) {
    out.warnings.push(`Godkjenning erstatter ${other.map((r) => `${r.code} ${formatDateNo(r.date, false)}`).join(', ')} for ${who}.`);
  }
  if (!base.range) return out;

  const competenceOf = new Map(plan.employees.map((e) => [e.id, e.competence]));
  const mine = competenceOf.get(wish.employeeId)!;
  const competences = [...new Set([mine, ...Object.keys(opts.maxOffPerCompetence ?? {})])];
  const byDate = new Map<string, Map<string, string>>();
  for (const a of plan.assignments) {
    if (a.date < base.range.from || a.date > base.range.to) continue;
    let m = byDate.get(a.date);
    if (!m) {
      m = new Map();
      byDate.set(a.date, m);
    }
    m.set(a.employee, a.code);
  }
  const over: string[] = [];
  const overAll: string[] = [];
  for (let d = base.range.from; d <= base.range.to; d = addDays(d, 1)) {
    const day = new Map(byDate.get(d) ?? []);
    day.set(wish.employeeId, code);
    for (const c of competences) {
      let off = 0,
        atWork = 0;
      for (const [emp, cellCode] of day) {
        if (c !== 'any' && competenceOf.get(emp) !== c) continue;
        if (absences.get(cellCode)?.kind === 'vacation' || cellCode === code) off++;
        else if (types.has(cellCode)) atWork++;
      }
      const max = opts.maxOffPerCompetence?.[c] ?? null;
      const overLimit = max !== null && off > max;
      out.days.push({ date: d, competence: c, off, atWork, max, overLimit });
      if (overLimit && c === mine) over.push(`${formatDateNo(d, false)} (${off} av høyst ${max})`);
      if (overLimit && c === 'any') overAll.push(`${formatDateNo(d, false)} (${off} av høyst ${max})`);
    }
  }
  if (over.length > 0) {
    out.warnings.push(`For mange med kompetanse ${mine} har ferie samtidig: ${over.join(', ')}.`);
  }
  if (overAll.length > 0) {
    out.warnings.push(`For mange av de ansatte har ferie samtidig: ${overAll.join(', ')}.`);
  }
  return out;
}

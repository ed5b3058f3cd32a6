/**
 * Capacity first (issue 14): before any planning, what the bemanningsplan asks against what the
 * staff's positions can give, per competence and for the unit, after approved ferie and known
 * absence; årsverk needed vs present; the largest average position the weekend rhythm allows
 * (the § 6.3 helgekalkulator with the unit's own frequency and shift length); and a LOWER BOUND
 * on the open shifts (vikar need) that no plan can avoid.
 *
 * Lower bound = max of
 *  (a) hours: the demand hours the staff cannot give within their target hours + 5 % (per named
 *      competence summed, or for the unit, whichever is larger), in shifts of the longest demanded
 *      shift (rounded up);
 *  (b) days: Σ over days of the demanded shifts that no free person can take that day — a maximum
 *      bipartite matching (matching.ts) of the day's demanded shifts to the people who are not
 *      absent, whose weekend group works that weekend, who may take the shift (langvakt only with
 *      consent, no night work when night-exempt, the row's competence) and whose pinned shift,
 *      if any, fills it. Each person takes at most one shift a day.
 * Both are true lower bounds for any plan that keeps absence and pinned cells and stays within
 * target + 5 %, so the generator benchmark can use `openShiftsLowerBound` as its floor.
 *
 * Exported: `capacity(plan, opts?) → CapacityResult`, `openShiftsLowerBound(plan, opts?)` (the
 * generator benchmark's floor), `availableHours(index, employeeId)`, `OPEN_SHIFT_TOLERANCE`.
 */
import { type DayNumber, isoWeekday, shiftInterval } from '../calendar';
import type { Employee, ShiftType, TurnusPlan } from '../plan/model';
import { COMPETENCE_LABEL, DEFAULT_WEEKLY_HOURS, weeklyHoursOf } from '../plan/model';
import { activityHours } from '../plan/activities';
import { fullTimeHours, holidayReductionOf, nettoAt100, targetHours, vacationDaysIn } from '../plan/hours';
import { type PlanIndex, dayString, employeeIndex, indexPlan, nightMinutes, paidHours, utcOf } from '../plan/plan-index';
import { groupOfWeekend, weekendAnchorOf, weekendDayHours, weekendFrequencyOf, weekendIndex } from '../plan/weekend-groups';
import { ANY, demandOn, demandTable, fillsCodes } from './demand';
import { helgekalkulatorFromDemand } from './helgekalkulator';
import { maxBipartiteMatching } from './matching';
import { averagePosition } from './positions';

/** Staff may give up to 5 % above their target hours before a shift counts as open. */
export const OPEN_SHIFT_TOLERANCE = 0.05;

export interface CapacityOptions {
  /** Share above target the staff may give (default 0.05). */
  tolerance?: number;
  /** Share of weekends lost to vacation in the helgekalkulator (default 0). */
  vacationShare?: number;
}

export interface CompetenceCapacity {
  /** A competence, or 'any' for the unit as a whole. */
  competence: string;
  /** Demand hours of the rows naming this competence (all rows for 'any'). */
  demandHours: number;
  /** Hours the staff of this competence (everyone for 'any') can give within target. */
  staffHours: number;
  /** Σ contracted positions. */
  fte: number;
  /** max(0, demand − staff × (1 + tolerance)). */
  shortfallHours: number;
}

export interface OpenShiftsBound {
  /** max(byHours.shifts, byMatching.shifts). */
  lowerBound: number;
  byHours: { shifts: number; hours: number };
  byMatching: { shifts: number; days: { date: string; open: number; demanded: number }[] };
}

export interface CapacityResult {
  demandHours: number;
  staffHours: number;
  /** Demand hours ÷ (T × days/7): årsverk the bemanningsplan needs. */
  fteNeeded: number;
  /** Σ contracted positions. */
  ftePresent: number;
  averagePosition: number;
  unit: CompetenceCapacity;
  byCompetence: CompetenceCapacity[];
  /** The helgekalkulator on the unit's demand; null without weekend demand. */
  weekendRhythm: { frequency: number; shiftHours: number; maxAveragePosition: number } | null;
  openShifts: OpenShiftsBound;
  /** Norwegian sentences for the UI, most important first. */
  sentences: string[];
}

const nb1 = (x: number) => x.toLocaleString('nb-NO', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const nb0 = (x: number) => Math.round(x).toLocaleString('nb-NO');
const pct = (x: number) => `${Math.round(x * 100)} %`;

function indexOf(p: TurnusPlan | PlanIndex): PlanIndex {
  return 'byId' in p && 'plan' in p ? (p as PlanIndex) : indexPlan(p as TurnusPlan);
}

/**
 * Hours the employee can give to shifts within target: target hours (vacation deducted), less
 * the value of leave days (the same netto formula, as if those days were vacation), less hours
 * credited for courses and meetings (cells and timed activities).
 */
export function availableHours(index: PlanIndex, employeeId: string): number {
  const e = employeeIndex(index, employeeId);
  const leaveDays: DayNumber[] = [];
  let credited = 0;
  for (const a of e.absences) {
    if (a.day < index.startDay || a.day > index.endDay) continue;
    if (a.absence.kind === 'leave') leaveDays.push(a.day);
    credited += a.creditedHours;
  }
  const withLeave = nettoAt100({
    weeklyHours: weeklyHoursOf(e.employee),
    startDay: index.startDay,
    endDay: index.endDay,
    vacationDays: [...vacationDaysIn(index, employeeId), ...leaveDays],
    mode: holidayReductionOf(index.plan),
  });
  const leave = e.employee.position * (fullTimeHours(index, employeeId) - withLeave);
  return Math.max(0, targetHours(index, employeeId) - leave - credited - activityHours(index, employeeId));
}

/** Night work as NIGHT-EXEMPT reads it: a shift not within 06:00–24:00 of its day with night minutes. */
export function isNightWork(type: ShiftType, day: DayNumber): boolean {
  const iv = shiftInterval(day, type.start, type.end);
  if (iv.start >= utcOf(day, 6 * 60) && iv.end <= utcOf(day + 1, 0)) return false;
  return nightMinutes(iv.start, iv.end) > 0;
}

function demandHoursOf(index: PlanIndex): { total: number; byCompetence: Map<string, number>; longestShift: number } {
  const table = demandTable(index.plan.demand);
  const byCompetence = new Map<string, number>();
  let total = 0,
    longest = 0;
  for (let d = index.startDay; d <= index.endDay; d++) {
    for (const n of demandOn(table, d)) {
      const t = index.shiftTypes.get(n.shift);
      if (!t) continue;
      const h = paidHours(t, d);
      longest = Math.max(longest, h);
      total += n.count * h;
      if (n.competence !== ANY) byCompetence.set(n.competence, (byCompetence.get(n.competence) ?? 0) + n.count * h);
    }
  }
  return { total, byCompetence, longestShift: longest };
}

/** Per day, the demanded shifts that no free person can take (maximum matching). */
function matchingBound(index: PlanIndex): OpenShiftsBound['byMatching'] {
  const plan = index.plan;
  const table = demandTable(plan.demand);
  const k = plan.unit.weekendFrequency;
  const anchor = typeof k === 'number' && k >= 1 ? weekendAnchorOf(plan) : null;
  const types = [...index.shiftTypes.values()];
  const out: OpenShiftsBound['byMatching'] = { shifts: 0, days: [] };
  for (let d = index.startDay; d <= index.endDay; d++) {
    const needs = demandOn(table, d).filter((n) => types.some((t) => fillsCodes(index.shiftTypes, t.code).includes(n.shift)));
    const demanded = needs.reduce((s, n) => s + n.count, 0);
    if (demanded === 0) continue;
    const weekendGroup = anchor !== null && isoWeekday(d) >= 5 ? groupOfWeekend(weekendIndex(d, anchor), k!) : null;
    // Per person, the demand shift codes she can fill today.
    const canFill: Set<string>[] = index.employees.map((emp) => {
      const e: Employee = emp.employee;
      const cell = emp.cells.get(d);
      if (cell?.kind === 'absence') return new Set();
      if (weekendGroup !== null && typeof e.weekendGroup === 'number' && e.weekendGroup < k! && e.weekendGroup !== weekendGroup)
        return new Set();
      const allowed = (t: ShiftType) => (!t.long || e.consentsLongShifts === true) && !(e.nightExempt && isNightWork(t, d));
      const own = cell?.kind === 'work' && cell.pinned ? [cell.type] : types;
      return new Set(own.filter(allowed).flatMap((t) => fillsCodes(index.shiftTypes, t.code)));
    });
    const adj: number[][] = [];
    for (const n of needs) {
      const people: number[] = [];
      index.employees.forEach((emp, i) => {
        if ((n.competence === ANY || emp.employee.competence === n.competence) && canFill[i].has(n.shift)) people.push(i);
      });
      for (let c = 0; c < n.count; c++) adj.push(people);
    }
    const open = demanded - maxBipartiteMatching(adj, index.employees.length).size;
    out.shifts += open;
    out.days.push({ date: dayString(d), open, demanded });
  }
  return out;
}

/** The lower bound on open shifts alone (for the generator benchmark). */
export function openShiftsLowerBound(plan: TurnusPlan | PlanIndex, opts: CapacityOptions = {}): OpenShiftsBound {
  const index = indexOf(plan);
  const demand = demandHoursOf(index);
  return boundOf(index, demand, staffOf(index, opts, demand));
}

interface Staff {
  unit: CompetenceCapacity;
  byCompetence: CompetenceCapacity[];
}

function staffOf(index: PlanIndex, opts: CapacityOptions, demand = demandHoursOf(index)): Staff {
  const tol = opts.tolerance ?? OPEN_SHIFT_TOLERANCE;
  const hours = new Map<string, number>();
  const fte = new Map<string, number>();
  let all = 0,
    allFte = 0;
  for (const emp of index.employees) {
    const c = emp.employee.competence;
    const h = availableHours(index, emp.employee.id);
    hours.set(c, (hours.get(c) ?? 0) + h);
    fte.set(c, (fte.get(c) ?? 0) + emp.employee.position);
    all += h;
    allFte += emp.employee.position;
  }
  const row = (competence: string, d: number, s: number, f: number): CompetenceCapacity => ({
    competence,
    demandHours: d,
    staffHours: s,
    fte: f,
    shortfallHours: Math.max(0, d - s * (1 + tol)),
  });
  const names = [...new Set([...demand.byCompetence.keys(), ...hours.keys()])];
  const rank = (c: string) => {
    const i = Object.keys(COMPETENCE_LABEL).indexOf(c);
    return i < 0 ? 99 : i;
  };
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return {
    unit: row(ANY, demand.total, all, allFte),
    byCompetence: names.map((c) => row(c, demand.byCompetence.get(c) ?? 0, hours.get(c) ?? 0, fte.get(c) ?? 0)),
  };
}

function boundOf(index: PlanIndex, demand: ReturnType<typeof demandHoursOf>, staff: Staff): OpenShiftsBound {
  const named = staff.byCompetence.reduce((s, c) => s + c.shortfallHours, 0);
  const hours = Math.max(staff.unit.shortfallHours, named);
  const shifts = demand.longestShift > 0 && hours > 1e-9 ? Math.ceil(hours / demand.longestShift - 1e-9) : 0;
  const byMatching = matchingBound(index);
  return { lowerBound: Math.max(shifts, byMatching.shifts), byHours: { shifts, hours }, byMatching };
}

/**
 * The weekend shift length h of the helgekalkulator: the mean over the employees of the hours
 * each works on a weekend day (the langvakt for those who consented, else an ordinary day shift).
 */
function weekendShiftHours(plan: TurnusPlan): number {
  const hs = plan.employees.map((e) => weekendDayHours(plan, e));
  if (hs.length === 0) return weekendDayHours(plan, { id: '', name: '', competence: '', position: 1 });
  return hs.reduce((s, h) => s + h, 0) / hs.length;
}

export function capacity(planOrIndex: TurnusPlan | PlanIndex, opts: CapacityOptions = {}): CapacityResult {
  const index = indexOf(planOrIndex);
  const plan = index.plan;
  const demand = demandHoursOf(index);
  const staff = staffOf(index, opts, demand);
  const openShifts = boundOf(index, demand, staff);
  const n = plan.employees.length;
  const T = n > 0 ? plan.employees.reduce((s, e) => s + weeklyHoursOf(e), 0) / n : DEFAULT_WEEKLY_HOURS;
  const fteNeeded = index.days > 0 ? demand.total / ((T * index.days) / 7) : 0;
  const ftePresent = staff.unit.fte;
  const avgPosition = averagePosition(plan.employees.map((e) => e.position));

  let weekendRhythm: CapacityResult['weekendRhythm'] = null;
  const frequency = weekendFrequencyOf(plan);
  const shiftHours = weekendShiftHours(plan);
  const hasWeekendDemand = plan.demand.some((r) => r.count > 0 && (r.dayType === 'saturday' || r.dayType === 'sunday'));
  const hasWeekdayDemand = plan.demand.some((r) => r.count > 0 && r.dayType === 'weekday');
  if (hasWeekendDemand && hasWeekdayDemand) {
    const h = helgekalkulatorFromDemand(plan.demand, plan.shiftTypes, {
      shiftHours,
      frequency,
      weeklyHours: T,
      vacationShare: opts.vacationShare ?? 0,
    });
    weekendRhythm = { frequency, shiftHours, maxAveragePosition: h.maxAveragePosition };
  }

  const sentences: string[] = [];
  sentences.push(
    `Bemanningsplanen trenger ${nb1(fteNeeded)} årsverk, avdelingen har ${nb1(ftePresent)} (${n} ansatte, gjennomsnittlig stilling ${pct(avgPosition)}).`,
  );
  const tolPct = Math.round((opts.tolerance ?? OPEN_SHIFT_TOLERANCE) * 100);
  const give = `Etter godkjent ferie og kjent fravær kan de ansatte gi ${nb0(staff.unit.staffHours)} t innenfor måltimene; bemanningsplanen trenger ${nb0(demand.total)} t`;
  if (staff.unit.shortfallHours > 0) {
    sentences.push(`${give}. Selv med ${tolPct} % over måltimene mangler ${nb0(staff.unit.shortfallHours)} t.`);
  } else if (demand.total > staff.unit.staffHours) {
    sentences.push(`${give}, ${nb0(demand.total - staff.unit.staffHours)} t mer (innenfor ${tolPct} % over måltimene).`);
  } else {
    sentences.push(`${give}.`);
  }
  for (const c of staff.byCompetence) {
    if (c.shortfallHours <= 0) continue;
    const label = (COMPETENCE_LABEL as Record<string, string>)[c.competence] ?? c.competence;
    sentences.push(
      `${label}: behovet er ${nb0(c.demandHours)} t, de ansatte med denne kompetansen kan gi ${nb0(c.staffHours)} t (${nb0(c.shortfallHours)} t mangler).`,
    );
  }
  if (weekendRhythm) {
    const max = weekendRhythm.maxAveragePosition;
    const consenting = plan.employees.filter((e) => e.consentsLongShifts).length;
    const long = plan.shiftTypes.find((t) => t.long);
    const mix = long && consenting > 0 && consenting < n ? ` (langvakt for de ${consenting} som har samtykket)` : '';
    const base = `Med helgevakter på i snitt ${nb1(shiftHours)} t${mix} hver ${frequency}. helg kan gjennomsnittsstillingen være høyst ${pct(max)}`;
    sentences.push(
      avgPosition > max + 0.005
        ? `${base}, men avdelingen har ${pct(avgPosition)}: helgene kan ikke dekkes av rytmen alene (flere helgevakter, langvakter eller helgestillinger trengs).`
        : `${base} (avdelingen har ${pct(avgPosition)}).`,
    );
  }
  if (openShifts.lowerBound > 0) {
    sentences.push(`Minst ${openShifts.lowerBound} vakter blir stående åpne (vikarbehov), uansett hvordan planen legges.`);
  }
  return {
    demandHours: demand.total,
    staffHours: staff.unit.staffHours,
    fteNeeded,
    ftePresent,
    averagePosition: avgPosition,
    unit: staff.unit,
    byCompetence: staff.byCompetence,
    weekendRhythm,
    openShifts,
    sentences,
  };
}

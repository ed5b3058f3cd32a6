/**
 * Weekend burden per employee and its fairness across the unit (domain.md § 6.2):
 * weekends worked, weekend hours, helgebelastning = weekend hours ÷ total hours, and the
 * effective frequency k_eff = weekends available ÷ weekends worked, where weekends inside the
 * employee's vacation are left out of the available weekends [INFERENS].
 *
 * The weekend definitions and hour sums come from shared/weekends.ts.
 */
import type { DayNumber } from '../calendar';
import type { TurnusPlan } from '../plan/model';
import { type PlanIndex, dayString, indexPlan } from '../plan/plan-index';
import { longShiftCount, periodWeekends, weekendHours, weekendLoad, workedWeekends } from '../plan/weekends';

export interface EmployeeWeekends {
  id: string;
  name: string;
  weekendsInPeriod: number;
  /** Weekends inside the employee's vacation (not counted as available). */
  vacationWeekends: number;
  weekendsWorked: number;
  /** Saturdays of the worked weekends. */
  workedSaturdays: string[];
  weekendHours: number;
  /** Helgebelastning: weekend hours ÷ total work hours. */
  weekendLoad: number;
  /** (weekendsInPeriod − vacationWeekends) ÷ weekendsWorked; null when no weekend is worked. */
  kEff: number | null;
  /** 1 / k_eff = weekendsWorked ÷ available weekends. */
  weekendShare: number;
  longShifts: number;
}

export interface Spread {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation. */
  std: number;
}

export interface WeekendsResult {
  weekends: string[];
  employees: EmployeeWeekends[];
  /** Fairness across employees who work at least one shift in the period. */
  fairness: {
    weekendsWorked: Spread;
    weekendHours: Spread;
    weekendLoad: Spread;
    weekendShare: Spread;
  };
}

export function spread(xs: readonly number[]): Spread {
  if (xs.length === 0) return { min: 0, max: 0, mean: 0, std: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  return { min: Math.min(...xs), max: Math.max(...xs), mean, std: Math.sqrt(v) };
}

/**
 * A weekend is inside the employee's vacation when she has vacation on its Saturday or Sunday,
 * or on both the Friday before and the Monday after, and does not work it [INFERENS].
 */
export function vacationWeekendsOf(index: PlanIndex, employeeId: string, worked: ReadonlySet<DayNumber>): DayNumber[] {
  const e = index.byId.get(employeeId);
  if (!e) return [];
  const isVac = (d: DayNumber) => {
    const c = e.cells.get(d);
    return c?.kind === 'absence' && c.absence.kind === 'vacation';
  };
  return periodWeekends(index).filter((sat) => !worked.has(sat) && (isVac(sat) || isVac(sat + 1) || (isVac(sat - 1) && isVac(sat + 2))));
}

export function weekendMetrics(planOrIndex: TurnusPlan | PlanIndex): WeekendsResult {
  const index = 'byId' in planOrIndex ? (planOrIndex as PlanIndex) : indexPlan(planOrIndex as TurnusPlan);
  const weekends = periodWeekends(index);
  const employees: EmployeeWeekends[] = index.employees.map(({ employee: e }) => {
    const worked = workedWeekends(index, e.id);
    const vac = vacationWeekendsOf(index, e.id, new Set(worked));
    const available = weekends.length - vac.length;
    return {
      id: e.id,
      name: e.name,
      weekendsInPeriod: weekends.length,
      vacationWeekends: vac.length,
      weekendsWorked: worked.length,
      workedSaturdays: worked.map(dayString),
      weekendHours: weekendHours(index, e.id),
      weekendLoad: weekendLoad(index, e.id),
      kEff: worked.length > 0 ? available / worked.length : null,
      weekendShare: available > 0 ? worked.length / available : 0,
      longShifts: longShiftCount(index, e.id),
    };
  });
  const active = employees.filter((_, i) => index.employees[i].shifts.some((s) => s.day >= index.startDay && s.day <= index.endDay));
  return {
    weekends: weekends.map(dayString),
    employees,
    fairness: {
      weekendsWorked: spread(active.map((e) => e.weekendsWorked)),
      weekendHours: spread(active.map((e) => e.weekendHours)),
      weekendLoad: spread(active.map((e) => e.weekendLoad)),
      weekendShare: spread(active.map((e) => e.weekendShare)),
    },
  };
}

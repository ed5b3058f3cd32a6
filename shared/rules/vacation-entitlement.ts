/**
 * Vacation placed in the plan (domain.md §3.5; ferieloven § 5 and KS avtalefestet ferie).
 *
 * - VACATION-ENTITLEMENT (warning): for a 12-month plan (364–371 days: 52 weeks or a calendar
 *   year) the employee's vacation virkedager in the period differ from the entitlement
 *   (25 + 5 = 30 virkedager, 36 for 60+). The message gives both in hours too:
 *   virkedager × T/6 × p, so 30 days = 5 × T × p (177,5 t at 100 % of 35,5).
 * - VACATION-PLACED (info): for any other period length, the vacation virkedager placed (and
 *   hours) for each employee who has vacation in the plan. Not pro-rated: a partial period
 *   says nothing about the ferieår as a whole (domain.md §5.1).
 *
 * Virkedag = every day except Sundays and holidays (Saturday counts), as in hours.ts. Both are
 * per employee with no date; they read absence cells only.
 */

import { weeklyHoursOf } from '../plan/model';
import { vacationEntitlementDays, vacationHoursEntitlement, vacationVirkedager } from '../plan/hours';
import type { PlanIndex } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { formatHours, personOf } from './agreements';

/** Shortest and longest period (days) compared with the yearly entitlement. */
export const FULL_YEAR_MIN_DAYS = 364;
export const FULL_YEAR_MAX_DAYS = 371;

export function isTwelveMonthPlan(index: Pick<PlanIndex, 'days'>): boolean {
  return index.days >= FULL_YEAR_MIN_DAYS && index.days <= FULL_YEAR_MAX_DAYS;
}

const percent = (p: number) => `${formatHours(p * 100)} %`;

export const vacationEntitlement: Rule = {
  id: 'VACATION-ENTITLEMENT',
  title: 'Ferie i årsturnus',
  source: 'ferieloven § 5 / HTA (avtalefestet ferie)',
  severity: 'warning',
  description: `Bare for planer på 12 måneder (${FULL_YEAR_MIN_DAYS}–${FULL_YEAR_MAX_DAYS} dager): den ansatte har et annet antall virkedager ferie i perioden enn retten, 25 + 5 = 30 virkedager (36 for 60+). Timene vises også: virkedager × T/6 × stillingsprosent, så 30 dager = 5 × T × p. Én melding per ansatt, uten dato.`,
  parameters: [
    { name: 'employees[].age60plus', default: false, description: 'Fyller 60 i ferieåret: 6 virkedager ekstra (ferieloven § 5).' },
  ],
  reach: Infinity,
  reads: 'absences',
  check(ctx, emp) {
    const index = ctx.index;
    if (!isTwelveMonthPlan(index)) return [];
    const e = emp.employee;
    const placed = vacationVirkedager(index, e.id);
    const entitled = vacationEntitlementDays(e);
    if (placed === entitled) return [];
    const T = weeklyHoursOf(e);
    const placedHours = ((placed * T) / 6) * e.position;
    const weeks = entitled / 6;
    const v: Violation = {
      rule: this.id,
      employee: e.id,
      date: null,
      severity: this.severity,
      message: `${personOf(emp)} har ${placed} virkedager ferie i planen (${formatHours(placedHours)} t), ${placed < entitled ? 'færre' : 'flere'} enn retten på ${entitled} virkedager = ${formatHours(weeks)} × ${formatHours(T)} t × ${percent(e.position)} = ${formatHours(vacationHoursEntitlement(e))} t (ferieloven § 5 og avtalefestet ferie${e.age60plus ? ', 60+' : ''}).`,
      source: this.source,
    };
    return [v];
  },
};

export const vacationPlaced: Rule = {
  id: 'VACATION-PLACED',
  title: 'Ferie i planen',
  source: 'ferieloven § 5 (til orientering)',
  severity: 'info',
  description: `For planer som ikke er 12 måneder: antall virkedager (og timer) ferie som er lagt inn for hver ansatt som har ferie i planen. Retten sammenlignes ikke og fordeles ikke forholdsmessig. Én melding per ansatt, uten dato.`,
  parameters: [],
  reach: Infinity,
  reads: 'absences',
  check(ctx, emp) {
    const index = ctx.index;
    if (isTwelveMonthPlan(index)) return [];
    const e = emp.employee;
    const placed = vacationVirkedager(index, e.id);
    if (placed === 0) return [];
    const v: Violation = {
      rule: this.id,
      employee: e.id,
      date: null,
      severity: this.severity,
      message: `${personOf(emp)} har ${placed} virkedager ferie i planen (${formatHours(((placed * weeklyHoursOf(e)) / 6) * e.position)} t). Planen er ikke 12 måneder, så retten på ${vacationEntitlementDays(e)} virkedager i ferieåret sammenlignes ikke.`,
      source: this.source,
    };
    return [v];
  },
};

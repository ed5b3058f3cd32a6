/**
 * The plan's agreements (plan-format.md `rules.agreements`) resolved against what the law
 * allows (domain.md §2.1): each value gets the legal basis that permits it, and values beyond
 * what any agreement may allow are clamped to the statutory floor. Violations quote `basis`.
 *
 * Exported: `resolveAgreements(plan): EffectiveAgreements`, `formatHours(h)`, `personOf(emp)`,
 * `dateNo(day)`.
 */

import type { Agreements, TurnusPlan } from '../plan/model';
import { agreementsOf } from '../plan/model';
import { type DayNumber, formatDateNo } from '../calendar';
import { type EmployeeIndex, dayString } from '../plan/plan-index';

export interface AgreedValue {
  value: number;
  /** Norwegian phrase naming the agreement and paragraph, e.g. 'avtale med tillitsvalgte, aml § 10-8 (3)'. */
  basis: string;
  /** The paragraph alone, for `Violation.source`. */
  source: string;
  /** Parameter path in the plan file. */
  parameter: string;
  /** Set when the plan's value was outside what the law allows and was clamped. */
  clampedFrom?: number;
}

export interface EffectiveAgreements {
  dailyRest: AgreedValue;
  weeklyRest: AgreedValue;
  maxShift: AgreedValue;
  maxWeek: AgreedValue;
  sundayAveragingWeeks: AgreedValue;
}

export const STATUTORY_DAILY_REST = 11;
export const MIN_AGREED_DAILY_REST = 8;
export const STATUTORY_WEEKLY_REST = 35;
export const MIN_AGREED_WEEKLY_REST = 28;

/** A value with the paragraph that allows it and, when an agreement is needed, who agreed to it. */
function agreed(parameter: keyof Agreements, value: number, source: string, by?: string): AgreedValue {
  return { value, basis: by ? `${by}, ${source}` : source, source, parameter: `rules.agreements.${parameter}` };
}

export function resolveAgreements(plan: Pick<TurnusPlan, 'rules'>): EffectiveAgreements {
  const a = agreementsOf(plan);

  const dailyRest: AgreedValue = a.dailyRestMinHours >= STATUTORY_DAILY_REST
    ? agreed('dailyRestMinHours', a.dailyRestMinHours, 'aml § 10-8 (1)')
    : agreed('dailyRestMinHours', Math.max(MIN_AGREED_DAILY_REST, a.dailyRestMinHours), 'aml § 10-8 (3)', 'avtale med tillitsvalgte');
  if (a.dailyRestMinHours < MIN_AGREED_DAILY_REST) dailyRest.clampedFrom = a.dailyRestMinHours;

  const weeklyRest: AgreedValue = a.weeklyRestMinHours >= STATUTORY_WEEKLY_REST
    ? agreed('weeklyRestMinHours', a.weeklyRestMinHours, 'aml § 10-8 (2)')
    : agreed('weeklyRestMinHours', Math.max(MIN_AGREED_WEEKLY_REST, a.weeklyRestMinHours), 'aml § 10-8 (3)', 'avtale med tillitsvalgte');
  if (a.weeklyRestMinHours < MIN_AGREED_WEEKLY_REST) weeklyRest.clampedFrom = a.weeklyRestMinHours;

  const s = a.maxShiftHours;
  const maxShift: AgreedValue = s <= 9
    ? agreed('maxShiftHours', s, 'aml § 10-4 (1)')
    : s <= 10
      ? agreed('maxShiftHours', s, 'aml § 10-5 (1)', 'skriftlig avtale med den ansatte')
      : s <= 12.5
        ? agreed('maxShiftHours', s, 'aml § 10-5 (2)', 'avtale med tillitsvalgte')
        : agreed('maxShiftHours', s, 'aml § 10-12 (4)', 'avtale godkjent av fagforbundet sentralt');

  const w = a.maxWeekHours;
  const maxWeek: AgreedValue = w <= 40
    ? agreed('maxWeekHours', w, 'aml § 10-4 (1)')
    : w <= 50
      ? agreed('maxWeekHours', w, 'aml § 10-5 (1)', 'gjennomsnittsberegning etter skriftlig avtale')
      : w <= 54
        ? agreed('maxWeekHours', w, 'aml § 10-5 (2)', 'gjennomsnittsberegning etter avtale med tillitsvalgte')
        : agreed('maxWeekHours', w, 'aml § 10-12 (4)', 'avtale godkjent av fagforbundet sentralt');

  const sw = Math.max(0, Math.floor(a.sundayAveragingWeeks));
  const sundayAveragingWeeks: AgreedValue = sw === 0
    ? agreed('sundayAveragingWeeks', 0, 'aml § 10-8 (4)')
    : agreed('sundayAveragingWeeks', Math.min(26, sw), 'aml § 10-8 (4)', `gjennomsnittsberegning over ${Math.min(26, sw)} uker etter avtale`);
  if (sw > 26) sundayAveragingWeeks.clampedFrom = sw;

  return { dailyRest, weeklyRest, maxShift, maxWeek, sundayAveragingWeeks };
}

/** Hours for messages: 9 → '9', 9.5 → '9,5', 31.25 → '31,25'. */
export function formatHours(h: number): string {
  const r = Math.round(h * 100) / 100;
  return String(r).replace('.', ',');
}

export function personOf(emp: EmployeeIndex): string {
  return emp.employee.name || emp.employee.id;
}

const dateNoCache = new Map<DayNumber, string>();

/** 'tor. 04.11.2025' (memoised: rule messages name the same dates over and over). */
export function dateNo(day: DayNumber): string {
  let s = dateNoCache.get(day);
  if (s === undefined) {
    s = formatDateNo(dayString(day));
    if (dateNoCache.size > 50_000) dateNoCache.clear();
    dateNoCache.set(day, s);
  }
  return s;
}

/** Requirement suffix: '(krav: 11 t, aml § 10-8 (1))', noting a clamped plan value. */
export function requirement(v: AgreedValue, unit = 't'): string {
  const clamp = v.clampedFrom !== undefined ? `; planens ${formatHours(v.clampedFrom)} ${unit} er under lovens grense` : '';
  return `(krav: ${formatHours(v.value)} ${unit}, ${v.basis}${clamp})`;
}

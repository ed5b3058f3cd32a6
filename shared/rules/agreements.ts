/**
 * The plan's agreements (plan-format.md `rules.agreements`) resolved against what the law
 * allows (domain.md §2.1): each value gets the legal basis that permits it, and values beyond
 * what any agreement may allow are clamped to the statutory floor. Violations quote `basis`.
 *
 * Agreements as evidence: a relaxed value (one that needs an agreement) is linked to its record
 * in `rules.agreementRecords` (parties, signed date, last day) when one is on file and valid for
 * the period; otherwise its basis says that none is registered (and AGREEMENT-ON-FILE warns).
 *
 * Exported: `resolveAgreements(plan): EffectiveAgreements`, `relaxedLimits(agreements)`,
 * `formatHours(h)`, `personOf(emp)`, `dateNo(day)`.
 */

import type { AgreementKey, AgreementRecord, TurnusPlan } from '../plan/model';
import { agreementsOf } from '../plan/model';
import { type DayNumber, formatDateNo } from '../calendar';
import { type EmployeeIndex, dayString } from '../plan/plan-index';
import { STATUTORY_DAILY_REST } from '../plan/norm';

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
  /** Who must agree for this value (undefined: the statutory default, no agreement needed). */
  needs?: string;
  /** The agreement on file behind a relaxed value (rules.agreementRecords), when there is one. */
  record?: AgreementRecord;
}

export interface EffectiveAgreements {
  dailyRest: AgreedValue;
  weeklyRest: AgreedValue;
  maxShift: AgreedValue;
  maxWeek: AgreedValue;
  sundayAveragingWeeks: AgreedValue;
  /** rules.splitShiftMaxBreakHours (0 = no delt vakt; above 0 needs an agreement, aml § 10-8 (1)). */
  splitShift: AgreedValue;
}

export const MIN_AGREED_DAILY_REST = 8;
export const STATUTORY_WEEKLY_REST = 35;
export const MIN_AGREED_WEEKLY_REST = 28;

/** A value with the paragraph that allows it and, when an agreement is needed, who must agree. */
function agreed(parameter: AgreementKey, value: number, source: string, by?: string): AgreedValue {
  const path = parameter === 'splitShiftMaxBreakHours' ? `rules.${parameter}` : `rules.agreements.${parameter}`;
  const v: AgreedValue = { value, basis: by ? `${by}, ${source}` : source, source, parameter: path };
  if (by) v.needs = by;
  return v;
}

/** The record on file for a limit whose validity covers the period (the latest signed wins). */
function recordFor(
  records: readonly AgreementRecord[],
  key: AgreementKey,
  period: { start: string; end: string } | undefined,
): AgreementRecord | undefined {
  let best: AgreementRecord | undefined;
  for (const r of records) {
    if (r.key !== key) continue;
    if (period && (r.signedDate > period.end || (r.validUntil !== undefined && r.validUntil < period.start))) continue;
    if (!best || r.signedDate > best.signedDate) best = r;
  }
  return best;
}

/** Link a relaxed value to its record, or say in its basis that none is registered. */
function withEvidence(
  v: AgreedValue,
  key: AgreementKey,
  records: readonly AgreementRecord[],
  period: { start: string; end: string } | undefined,
): AgreedValue {
  if (!v.needs) return v;
  const r = recordFor(records, key, period);
  if (r) {
    v.record = r;
    v.basis = `${v.needs} (${r.parties}, ${formatDateNo(r.signedDate, false)}${r.validUntil ? `–${formatDateNo(r.validUntil, false)}` : ''}), ${v.source}`;
  } else {
    v.basis = `planens grense krever ${v.needs}, men ingen avtale er registrert, ${v.source}`;
  }
  return v;
}

export function resolveAgreements(plan: Pick<TurnusPlan, 'rules'> & { period?: { start: string; end: string } }): EffectiveAgreements {
  const a = agreementsOf(plan);
  const records = plan.rules?.agreementRecords ?? [];

  const dailyRest: AgreedValue =
    a.dailyRestMinHours >= STATUTORY_DAILY_REST
      ? agreed('dailyRestMinHours', a.dailyRestMinHours, 'aml § 10-8 (1)')
      : agreed('dailyRestMinHours', Math.max(MIN_AGREED_DAILY_REST, a.dailyRestMinHours), 'aml § 10-8 (3)', 'avtale med tillitsvalgte');
  if (a.dailyRestMinHours < MIN_AGREED_DAILY_REST) dailyRest.clampedFrom = a.dailyRestMinHours;

  const weeklyRest: AgreedValue =
    a.weeklyRestMinHours >= STATUTORY_WEEKLY_REST
      ? agreed('weeklyRestMinHours', a.weeklyRestMinHours, 'aml § 10-8 (2)')
      : agreed('weeklyRestMinHours', Math.max(MIN_AGREED_WEEKLY_REST, a.weeklyRestMinHours), 'aml § 10-8 (3)', 'avtale med tillitsvalgte');
  if (a.weeklyRestMinHours < MIN_AGREED_WEEKLY_REST) weeklyRest.clampedFrom = a.weeklyRestMinHours;

  const s = a.maxShiftHours;
  const maxShift: AgreedValue =
    s <= 9
      ? agreed('maxShiftHours', s, 'aml § 10-4 (1)')
      : s <= 10
        ? agreed('maxShiftHours', s, 'aml § 10-5 (1)', 'skriftlig avtale med den ansatte')
        : s <= 12.5
          ? agreed('maxShiftHours', s, 'aml § 10-5 (2)', 'avtale med tillitsvalgte')
          : agreed('maxShiftHours', s, 'aml § 10-12 (4)', 'avtale godkjent av fagforbundet sentralt');

  const w = a.maxWeekHours;
  const maxWeek: AgreedValue =
    w <= 40
      ? agreed('maxWeekHours', w, 'aml § 10-4 (1)')
      : w <= 50
        ? agreed('maxWeekHours', w, 'aml § 10-5 (1)', 'gjennomsnittsberegning etter skriftlig avtale')
        : w <= 54
          ? agreed('maxWeekHours', w, 'aml § 10-5 (2)', 'gjennomsnittsberegning etter avtale med tillitsvalgte')
          : agreed('maxWeekHours', w, 'aml § 10-12 (4)', 'avtale godkjent av fagforbundet sentralt');

  const sw = Math.max(0, Math.floor(a.sundayAveragingWeeks));
  const sundayAveragingWeeks: AgreedValue =
    sw === 0
      ? agreed('sundayAveragingWeeks', 0, 'aml § 10-8 (4)')
      : agreed(
          'sundayAveragingWeeks',
          Math.min(26, sw),
          'aml § 10-8 (4)',
          `gjennomsnittsberegning over ${Math.min(26, sw)} uker etter avtale`,
        );
  if (sw > 26) sundayAveragingWeeks.clampedFrom = sw;

  const sp = plan.rules?.splitShiftMaxBreakHours;
  const splitShift: AgreedValue =
    typeof sp === 'number' && sp > 0
      ? agreed('splitShiftMaxBreakHours', Math.min(8, sp), 'aml § 10-8 (1), (3)', 'avtale om delt vakt')
      : agreed('splitShiftMaxBreakHours', 0, 'aml § 10-8 (1)');

  const out: EffectiveAgreements = { dailyRest, weeklyRest, maxShift, maxWeek, sundayAveragingWeeks, splitShift };
  const keys: [keyof EffectiveAgreements, AgreementKey][] = [
    ['dailyRest', 'dailyRestMinHours'],
    ['weeklyRest', 'weeklyRestMinHours'],
    ['maxShift', 'maxShiftHours'],
    ['maxWeek', 'maxWeekHours'],
    ['sundayAveragingWeeks', 'sundayAveragingWeeks'],
    ['splitShift', 'splitShiftMaxBreakHours'],
  ];
  for (const [k, key] of keys) withEvidence(out[k], key, records, plan.period);
  return out;
}

/** The relaxed limits (values that need an agreement), with their record when on file. */
export function relaxedLimits(a: EffectiveAgreements): AgreedValue[] {
  return [a.dailyRest, a.weeklyRest, a.maxShift, a.maxWeek, a.sundayAveragingWeeks, a.splitShift].filter((v) => v.needs !== undefined);
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

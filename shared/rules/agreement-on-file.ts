/**
 * AGREEMENT-ON-FILE: a limit the plan relaxes (daily rest < 11 h, weekly rest < 35 h, shifts
 * > 10 h, week max > 40 h, averaging of søn-/helgedager, delt vakt) must rest on a recorded
 * agreement (rules.agreementRecords: parties, date, period; aml §§ 10-5, 10-8 (3), (4), 10-12 (4)).
 * Warned per employee whose own shifts in the period actually use a relaxed limit that has no
 * agreement on file; one message per employee, date null, naming each such limit.
 */

import { workPeriods } from '../plan/work-periods';
import { mondayOf } from '../calendar';
import { type EmployeeIndex, lowerBound } from '../plan/plan-index';
import type { Rule, RuleContext, Violation } from './types';
import { type AgreedValue, STATUTORY_WEEKLY_REST, formatHours, personOf } from './agreements';
import { STATUTORY_DAILY_REST } from '../plan/norm';
import { longestRestMinutes } from './rest-weekly';
import { isSplitBreak } from './split-shift';
import { redDayTests } from './sunday';

const LAW_WEEK = 40;
const LAW_LONG = 10;

/** Which relaxed limits the employee's shifts in the period use, with a short Norwegian note each. */
function usedRelaxations(ctx: RuleContext, emp: EmployeeIndex): [AgreedValue, string][] {
  const a = ctx.agreements;
  const { startDay, endDay } = ctx.index;
  const s = workPeriods(ctx.index, emp);
  const lo = lowerBound(s, startDay),
    hi = lowerBound(s, endDay + 1);
  const out: [AgreedValue, string][] = [];
  if (a.dailyRest.needs && !a.dailyRest.record) {
    for (let i = Math.max(1, lo); i < hi; i++) {
      const gap = (s[i].start - s[i - 1].end) / 60;
      if (gap < STATUTORY_DAILY_REST - 1e-9 && gap >= a.dailyRest.value - 1e-9 && !isSplitBreak(ctx, s, i)) {
        out.push([a.dailyRest, `døgnhvile ${formatHours(gap)} t`]);
        break;
      }
    }
  }
  if (a.splitShift.needs && !a.splitShift.record) {
    for (let i = Math.max(1, lo); i < hi; i++)
      if (isSplitBreak(ctx, s, i)) {
        out.push([a.splitShift, 'delt vakt']);
        break;
      }
  }
  if (a.maxShift.needs && !a.maxShift.record) {
    const longFrom = a.maxShift.value > LAW_LONG ? LAW_LONG : 9;
    for (let i = lo; i < hi; i++)
      if (s[i].paidHours > longFrom + 1e-9) {
        out.push([a.maxShift, `vakt på ${formatHours(s[i].paidHours)} t`]);
        break;
      }
  }
  let first = mondayOf(startDay);
  if (first < startDay) first += 7;
  if ((a.weeklyRest.needs && !a.weeklyRest.record) || (a.maxWeek.needs && !a.maxWeek.record)) {
    let restDone = !(a.weeklyRest.needs && !a.weeklyRest.record),
      weekDone = !(a.maxWeek.needs && !a.maxWeek.record);
    for (let m = first; m + 6 <= endDay && !(restDone && weekDone); m += 7) {
      if (!restDone && longestRestMinutes(s, m) / 60 < STATUTORY_WEEKLY_REST - 1e-9) {
        out.push([a.weeklyRest, 'ukehvile under 35 t']);
        restDone = true;
      }
      if (!weekDone) {
        let sum = 0;
        for (let i = lowerBound(s, m); i < s.length && s[i].day <= m + 6; i++) sum += s[i].paidHours;
        if (sum > LAW_WEEK + 1e-9) {
          out.push([a.maxWeek, `${formatHours(sum)} t i en uke`]);
          weekDone = true;
        }
      }
    }
  }
  if (a.sundayAveragingWeeks.needs && !a.sundayAveragingWeeks.record) {
    const red = ctx.redDays;
    const works = redDayTests(ctx, emp).any;
    for (let k = 1; k < red.length; k++)
      if (works(red[k]) && works(red[k - 1])) {
        out.push([a.sundayAveragingWeeks, 'to søn-/helgedager på rad']);
        break;
      }
  }
  return out;
}

export const agreementOnFile: Rule = {
  id: 'AGREEMENT-ON-FILE',
  title: 'Avtale mangler for utvidet grense',
  source: 'aml §§ 10-5, 10-8 (3) og (4), 10-12 (4)',
  severity: 'warning',
  description:
    'Planen bruker en grense som bare en avtale kan gi (døgnhvile under 11 t, ukehvile under 35 t, vakter over 10 t, over 40 t i en uke, gjennomsnittsberegning av søn-/helgedager, delt vakt), og ingen avtale for den grensen er registrert i rules.agreementRecords med gyldighet i perioden. Meldes for hver ansatt som faktisk bruker grensen, én melding uten dato.',
  parameters: [
    {
      name: 'rules.agreementRecords',
      default: null,
      description: 'Avtalene bak utvidede grenser: grense (key), parter, signert dato og eventuelt siste gyldige dag.',
    },
  ],
  reach: Infinity,
  check(ctx, emp) {
    const used = usedRelaxations(ctx, emp);
    if (used.length === 0) return [];
    const parts = used.map(([v, note]) => `${v.parameter} = ${formatHours(v.value)} (${note}; krever ${v.needs}, ${v.source})`);
    const out: Violation = {
      rule: this.id,
      employee: emp.employee.id,
      date: null,
      severity: this.severity,
      message: `${personOf(emp)} har vakter som bare er lovlige med avtale, men ingen avtale er registrert: ${parts.join('; ')}.`,
      source: this.source,
    };
    return [out];
  },
};

/**
 * AML-SUNDAY: søn- og helgedagsarbeid (aml § 10-8 (4)).
 * Without an averaging agreement (sundayAveragingWeeks = 0), per plan-format.md: two days that
 * follow each other in the ordered list of the period's Sundays and holidays are both worked,
 * where a red day is worked when work (a shift or a timed meeting/course, `redDayWorkOf`) overlaps
 * its protected window of aml § 10-10 (1)
 * (shared/plan/zones.ts: 18:00 the day before, 15:00 on the aftener, 22:00 before 1./17. mai and
 * in a chain, to 22:00 on the day). Dated on the second day. A pair is reported only when one of
 * the two days is worked by a shift dated inside the period (plan-format.md «Rows outside the
 * period»).
 * With an averaging agreement of W weeks: in a window of W weeks (the whole period when it is
 * shorter) more than half of the Sundays and holidays are worked. Dated on the last red day of
 * the first such window.
 */

import { type DayNumber, isHoliday } from '../calendar';
import { type EmployeeIndex, dayString, lowerIndex } from '../plan/plan-index';
import { redDayWorkOf, windowLabel, zoneOf } from '../plan/zones';
import type { Rule, RuleContext, Violation } from './types';
import { dateNo, personOf } from './agreements';

/**
 * Tests of whether the employee works red day `day` (aml § 10-10 (1)): `any` counts all her work
 * (context rows too), `own` only the plan's own work (a shift dated inside the period, or a timed
 * activity). Work = shifts and timed meetings/courses (`redDayWorkOf`, shared/plan/zones.ts).
 */
export function redDayTests(ctx: RuleContext, emp: EmployeeIndex): { any: (day: DayNumber) => boolean; own: (day: DayNumber) => boolean } {
  return { any: redDayWorkOf(ctx.index, emp), own: redDayWorkOf(ctx.index, emp, ctx.index.startDay, ctx.index.endDay) };
}

/** «søndag 10.01.2027 (lørdag 18:00 – søndag 22:00)». */
export function redDayText(day: DayNumber): string {
  return `${dateNo(day)} (${dayLabel(day)}, ${windowLabel(zoneOf(day))})`;
}

function dayLabel(day: DayNumber): string {
  return isHoliday(day) ? 'helgedag' : 'søndag';
}

function strict(rule: Rule, ctx: RuleContext, emp: EmployeeIndex, fromDay_: DayNumber, toDay_: DayNumber): Violation[] {
  const out: Violation[] = [];
  const red = ctx.redDays;
  const req = ctx.agreements.sundayAveragingWeeks;
  const works = redDayTests(ctx, emp);
  for (let k = Math.max(1, lowerIndex(red, fromDay_)); k < red.length && red[k] <= toDay_; k++) {
    if (!works.any(red[k]) || !works.any(red[k - 1])) continue;
    if (!works.own(red[k]) && !works.own(red[k - 1])) continue;
    out.push({
      rule: rule.id,
      employee: emp.employee.id,
      date: dayString(red[k]),
      severity: rule.severity,
      message: `${personOf(emp)} arbeider både ${redDayText(red[k - 1])} og ${redDayText(red[k])}; etter arbeid på en søn-/helgedag skal neste søn-/helgedag være fri (${req.basis}; arbeid i vinduet etter aml § 10-10 (1) regnes som søn-/helgedagsarbeid).`,
      source: req.source,
    });
  }
  return out;
}

function averaged(rule: Rule, ctx: RuleContext, emp: EmployeeIndex, fromDay_: DayNumber, toDay_: DayNumber): Violation[] {
  const out: Violation[] = [];
  const red = ctx.redDays;
  if (red.length === 0) return out;
  const req = ctx.agreements.sundayAveragingWeeks;
  const span = req.value * 7;
  const works = redDayTests(ctx, emp);
  const worked = red.map(works.any);
  const own = red.map(works.own);
  const { startDay, endDay } = ctx.index;
  // Window ending at red[k]: red days in (red[k] − span, red[k]]. Complete windows only, or the
  // whole period when it is shorter than the averaging span.
  const windowOver = (k: number): { over: boolean; n: number; w: number } => {
    let n = 0,
      w = 0,
      mine = false;
    for (let j = k; j >= 0 && red[j] > red[k] - span; j--) {
      n++;
      if (worked[j]) w++;
      if (own[j]) mine = true;
    }
    return { over: w * 2 > n && mine, n, w };
  };
  const candidates: number[] = [];
  if (endDay - startDay + 1 < span) candidates.push(red.length - 1);
  else for (let k = 0; k < red.length; k++) if (red[k] - span + 1 >= startDay) candidates.push(k);
  let prevOver = false;
  for (const k of candidates) {
    const r = windowOver(k);
    if (r.over && !prevOver && red[k] >= fromDay_ && red[k] <= toDay_) {
      out.push({
        rule: rule.id,
        employee: emp.employee.id,
        date: dayString(red[k]),
        severity: rule.severity,
        message: `${personOf(emp)} arbeider ${r.w} av ${r.n} søn-/helgedager i perioden som slutter ${redDayText(red[k])}; minst annenhver skal være fri i snitt (${req.basis}; en søn-/helgedag er arbeidet ved arbeid i vinduet etter aml § 10-10 (1)).`,
        source: req.source,
      });
    }
    prevOver = r.over;
  }
  return out;
}

export const sunday: Rule = {
  id: 'AML-SUNDAY',
  title: 'Søn- og helgedagsarbeid',
  source: 'aml § 10-8 (4)',
  severity: 'error',
  description:
    'Uten gjennomsnittsavtale: to søn-/helgedager som følger etter hverandre i periodens liste over søndager og helligdager er begge arbeidet (en søn-/helgedag er arbeidet når en vakt eller et møte/kurs med klokkeslett overlapper vinduet etter aml § 10-10 (1): fra kl. 18 dagen før, kl. 15 på jul-, påske- og pinseaften, kl. 22 før 1. og 17. mai på hverdager og før en helgedag som følger en annen, til kl. 22 på dagen). Bare par der minst én dag er arbeidet med en vakt datert i perioden eller et møte/kurs meldes. Dateres på den andre dagen. Med gjennomsnittsavtale: mer enn halvparten av søn-/helgedagene i et vindu på sundayAveragingWeeks uker er arbeidet.',
  parameters: [
    {
      name: 'rules.agreements.sundayAveragingWeeks',
      default: 0,
      description: '0 = streng veksling; opptil 26 uker gjennomsnittsberegning etter skriftlig avtale (aml § 10-8 (4)).',
    },
  ],
  // Strict: a shift reaches the windows of red days up to two days after its date; the next
  // red day is at most 7 days later, so 10 days suffice. Averaged: recomputed over the whole period.
  reach: (ctx) => (ctx.agreements.sundayAveragingWeeks.value === 0 ? 10 : Infinity),
  check(ctx, emp, fromDay_, toDay_) {
    return ctx.agreements.sundayAveragingWeeks.value === 0
      ? strict(this, ctx, emp, fromDay_, toDay_)
      : averaged(this, ctx, emp, fromDay_, toDay_);
  },
};

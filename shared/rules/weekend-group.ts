/**
 * WEEKEND-GROUP (plan-format.md «Weekend groups» and the rule table): with unit.weekendFrequency
 * = k and an employee's weekendGroup g, a work period dated inside the period (a shift with the
 * timed meetings/courses touching it, or such an activity alone, `workPeriods`; why a Saturday
 * course is weekend work: shared/plan/weekends.ts) overlaps by more than one hour a weekend that is not one of group g's (weekend n belongs to group n mod k,
 * numbered from unit.weekendAnchor, shared/plan/weekends.ts). A warning dated on the weekend's
 * Saturday: a deliberate exception is allowed, but it must be visible.
 */

import { type EmployeeIndex, dayString, lowerBound } from '../plan/plan-index';
import { activityReach, workPeriods } from '../plan/work-periods';
import { WEEKEND_MIN_OVERLAP_MINUTES, shiftWeekendMinutes, weekendGroupOf } from '../plan/weekends';
import type { Rule, Violation } from './types';
import { dateNo, personOf } from './agreements';

export const weekendGroup: Rule = {
  id: 'WEEKEND-GROUP',
  title: 'Helg utenfor helgegruppen',
  source: 'praksis / lokal avtale (unit.weekendFrequency, employees[].weekendGroup)',
  severity: 'warning',
  description:
    'Når weekendFrequency = k er satt og den ansatte har en helgegruppe g: en vakt datert i perioden, eller et møte/kurs med klokkeslett, overlapper med mer enn én time en helg som ikke er gruppens (helg n hører til gruppe n mod k, helgene nummereres fra unit.weekendAnchor, ellers fra periodens første lørdag der søndagen også er i perioden). Dateres på helgens lørdag. Et bevisst unntak er lov, men skal synes.',
  parameters: [
    { name: 'employees[].weekendGroup', default: null, description: 'Helgegruppe 0 … weekendFrequency − 1.' },
    { name: 'unit.weekendAnchor', default: null, description: 'En lørdag der gruppe 0 arbeider; holder rytmen fra plan til plan.' },
  ],
  // A shift dated d touches the weekend whose Saturday is within d − 1 … d + 1 (a period dated
  // up to `activityReach` days from a changed cell, with activities).
  reach: (ctx) => 2 + activityReach(ctx.index.plan),
  check(ctx, emp: EmployeeIndex, fromDay_, toDay_) {
    const out: Violation[] = [];
    const k = ctx.weekendFrequency,
      g = emp.employee.weekendGroup,
      anchor = ctx.weekendAnchor;
    if (!k || typeof g !== 'number' || anchor === undefined) return out;
    const s = workPeriods(ctx.index, emp);
    const from = Math.max(ctx.index.startDay, fromDay_ - 1),
      to = Math.min(ctx.index.endDay, toDay_ + 1);
    let lastSat: number | undefined;
    for (let i = lowerBound(s, from); i < s.length && s[i].day <= to; i++) {
      const w = shiftWeekendMinutes(s[i]);
      if (w.minutes <= WEEKEND_MIN_OVERLAP_MINUTES || w.saturday === lastSat) continue;
      if (w.saturday < fromDay_ || w.saturday > toDay_) continue;
      const group = weekendGroupOf(w.saturday, anchor, k);
      if (group === g % k) continue;
      lastSat = w.saturday;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(w.saturday),
        severity: this.severity,
        message: `${personOf(emp)} (helgegruppe ${g}) arbeider helgen ${dateNo(w.saturday)}, som er helgegruppe ${group}s helg (hver ${k}. helg, regnet fra ${dateNo(anchor)}).`,
        source: this.source,
      });
    }
    return out;
  },
};

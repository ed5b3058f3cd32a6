/**
 * NIGHT-EXEMPT: an employee exempt from night work (aml § 10-2 (2), employees[].nightExempt)
 * has a shift with night work (21:00–06:00, aml § 10-11 (1)). A shift that lies within
 * 06:00–24:00 of its day is not night work (two-shift rule of § 10-11 (1)). Dated on the shift.
 */

import { lowerBound, nightMinutes, utcOf, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { periodRange } from './period';
import { dateNo, formatHours, personOf } from './agreements';

export const nightExempt: Rule = {
  id: 'NIGHT-EXEMPT',
  title: 'Fritatt for nattarbeid',
  source: 'aml § 10-2 (2)',
  severity: 'error',
  description:
    'En ansatt som er fritatt for nattarbeid har en vakt med arbeid mellom 21:00 og 06:00 (vakter innenfor 06:00–24:00 regnes ikke som nattarbeid). Dateres på vakten.',
  parameters: [
    {
      name: 'employees[].nightExempt',
      default: false,
      description: 'Fritak fra nattarbeid av helsemessige eller sosiale grunner (aml § 10-2 (2)).',
    },
  ],
  reach: 0,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    if (emp.employee.nightExempt !== true) return out;
    const s = emp.shifts;
    const [from, to] = periodRange(ctx, fromDay_, toDay_);
    for (let i = lowerBound(s, from); i < s.length && s[i].day <= to; i++) {
      const sh = s[i];
      if (sh.start >= utcOf(sh.day, 6 * 60) && sh.end <= utcOf(sh.day + 1, 0)) continue;
      const night = nightMinutes(sh.start, sh.end);
      if (night <= 0) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(sh.day),
        severity: this.severity,
        message: `${personOf(emp)} er fritatt for nattarbeid, men har vakt ${sh.code} ${dateNo(sh.day)} med ${formatHours(night / 60)} t nattarbeid (aml § 10-2 (2)).`,
        source: this.source,
      });
    }
    return out;
  },
};

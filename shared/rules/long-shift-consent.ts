/**
 * LONG-SHIFT-CONSENT: a langvakt (shift type with `long`) for an employee who has not consented.
 * Severity stays 'warning': the consent requirement is union practice and the Askermodellen
 * promise, not a law text (domain.md §0: [LOV] → error, [PRAKSIS] → warning; §2.4 [PRAKSIS]).
 * But the product promise is «langvakter er alltid frivillige», so the rule is `hard`: the
 * generator never places such a shift and the UI shows it as a hard break (`isHardViolation`).
 */

import { lowerBound, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { periodRange } from './period';
import { dateNo, formatHours, personOf } from './agreements';

/** More paid hours than this need an agreement beyond the individual's (aml § 10-5 (2)): a langvakt whether flagged or not. */
export const LONG_SHIFT_HOURS = 10;

export const longShiftConsent: Rule = {
  id: 'LONG-SHIFT-CONSENT',
  title: 'Langvakt uten samtykke',
  source: 'aml § 10-5 / praksis: langvakt er frivillig',
  severity: 'warning',
  hard: true,
  description:
    'En langvakt (vakttype merket long, eller en vakt på mer enn 10 betalte timer, aml § 10-5 (2)) er satt opp på en ansatt som ikke har samtykket (employees[].consentsLongShifts). Dateres på vakten. Alvorligheten er advarsel fordi kravet kommer fra praksis og fagforeningene, ikke lovteksten, men regelen er absolutt: generatoren setter aldri opp langvakt uten samtykke, og appen viser bruddet som absolutt (langvakter er alltid frivillige).',
  parameters: [
    {
      name: 'employees[].consentsLongShifts',
      default: false,
      description: 'Langvakter er frivillige for den enkelte (fagforeningenes krav, Askermodellen).',
    },
  ],
  reach: 0,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    if (emp.employee.consentsLongShifts === true) return out;
    const s = emp.shifts;
    const [from, to] = periodRange(ctx, fromDay_, toDay_);
    for (let i = lowerBound(s, from); i < s.length && s[i].day <= to; i++) {
      if (!s[i].long && s[i].paidHours <= LONG_SHIFT_HOURS + 1e-9) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(s[i].day),
        severity: this.severity,
        message: `${personOf(emp)} har langvakt (${s[i].code}, ${formatHours(s[i].paidHours)} t) ${dateNo(s[i].day)} uten å ha samtykket til langvakter (langvakt er frivillig, aml § 10-5).`,
        source: this.source,
      });
    }
    return out;
  },
};

/**
 * AML-AVG-NORM and OVERTIME-PLANNED: gjennomsnittsberegning of the alminnelige arbeidstid
 * (shared/plan/averaging.ts).
 *
 * - AML-AVG-NORM (aml § 10-5 (1)/(2) with § 10-4): within an averaging period (rules.averagingWeeks,
 *   default the whole plan) the average weekly hours exceed the § 10-4 limit of the employee's
 *   arrangement (40, 38 or 36 h): the plan cannot balance within the agreement's period. A
 *   warning dated on the first day of the block.
 * - OVERTIME-PLANNED (aml § 10-6 (1); KS HTA kap. 1 § 6): within an averaging period the plan
 *   gives more hours than full time (T × weeks). Overtime is for «særlig og tidsavgrenset behov»
 *   and is never a planned arrangement. A warning dated on the first day of the block, with the
 *   hour count (merarbeid within full time is reported, not warned).
 */

import { toDay } from '../calendar';
import { averaging } from '../plan/averaging';
import type { Rule, Violation } from './types';
import { dateNo, formatHours, personOf } from './agreements';

export const avgNorm: Rule = {
  id: 'AML-AVG-NORM',
  title: 'Gjennomsnittlig arbeidstid over normen',
  source: 'aml § 10-5 (1) og (2), § 10-4',
  severity: 'warning',
  description:
    'I en gjennomsnittsperiode (rules.averagingWeeks uker fra periodens første dag, ellers hele planen) er snittet av betalte timer per uke høyere enn grensen i aml § 10-4 for den ansattes ordning (40 t; 38 t for turnus etter § 10-4 (4) og tredelt; 36 t for helkontinuerlig): planen kan ikke gå i balanse innen avtalens periode. Dateres på første dag i perioden.',
  parameters: [
    {
      name: 'rules.averagingWeeks',
      default: null,
      description: 'Gjennomsnittsperioden i uker (1–52) etter avtalen om gjennomsnittsberegning; ikke satt = hele planen.',
    },
  ],
  reach: Infinity,
  check(_ctx, emp, fromDay_, toDay_) {
    const a = averaging(_ctx.index, emp.employee.id);
    const out: Violation[] = [];
    for (const b of a.blocks) {
      const d = toDay(b.start);
      if (!b.overLaw || d < fromDay_ || d > toDay_) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: b.start,
        severity: this.severity,
        message: `${personOf(emp)} har ${formatHours(b.hours)} t på ${formatHours(b.weeks)} uker fra ${dateNo(d)}, ${formatHours(b.avgWeekly)} t per uke i snitt; grensen for ordningen er ${formatHours(a.lawNorm)} t (aml § 10-4), så planen kan ikke gå i balanse innen gjennomsnittsperioden (aml § 10-5).`,
        source: this.source,
      });
    }
    return out;
  },
};

export const overtimePlanned: Rule = {
  id: 'OVERTIME-PLANNED',
  title: 'Overtid i planen',
  source: 'aml § 10-6 (1); KS HTA kap. 1 § 6',
  severity: 'warning',
  description:
    'I en gjennomsnittsperiode gir planen flere timer enn full stilling (T × uker, T = ukenormen ved 100 %): timene over er overtid, som bare er for særlig og tidsavgrenset behov og ikke skal planlegges. Timer over stillingen men innenfor full stilling (merarbeid) vises i rapporten. Dateres på første dag i perioden.',
  parameters: [{ name: 'rules.averagingWeeks', default: null, description: 'Gjennomsnittsperioden i uker; ikke satt = hele planen.' }],
  reach: Infinity,
  check(ctx, emp, fromDay_, toDay_) {
    const a = averaging(ctx.index, emp.employee.id);
    const out: Violation[] = [];
    for (const b of a.blocks) {
      const d = toDay(b.start);
      if (b.overtimeHours <= 0.005 || d < fromDay_ || d > toDay_) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: b.start,
        severity: this.severity,
        message: `${personOf(emp)} har ${formatHours(b.hours)} t på ${formatHours(b.weeks)} uker fra ${dateNo(d)}, ${formatHours(b.overtimeHours)} t mer enn full stilling (${formatHours(a.weeklyHours)} t per uke): overtid skal ikke planlegges (aml § 10-6 (1), KS HTA kap. 1 § 6).`,
        source: this.source,
      });
    }
    return out;
  },
};

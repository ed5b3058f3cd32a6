/**
 * AML-AVG-NORM, OVERTIME-PLANNED and OVERTIME-DAY: gjennomsnittsberegning of the alminnelige arbeidstid
 * (shared/plan/averaging.ts).
 *
 * - AML-AVG-NORM (aml § 10-5 (1)/(2) with § 10-4): within an averaging period (rules.averagingWeeks,
 *   default the whole plan) the average weekly hours exceed the § 10-4 limit of the employee's
 *   arrangement (40, 38 or 36 h): the plan cannot balance within the agreement's period. A
 *   warning dated on the first day of the block.
 * - OVERTIME-PLANNED (aml § 10-6 (1); KS HTA kap. 1 § 6): within an averaging period the plan
 *   gives more hours than full time (T × weeks). Overtime is for «særlig og tidsavgrenset behov»
 *   and is never a planned arrangement. A warning dated on the first day of the block, with the
 *   hour count (merarbeid within full time is reported, not warned). The hours OVERTIME-DAY
 *   counts are taken out first (averaging.ts), so no hour is overtime twice.
 * - OVERTIME-DAY (KS HTA kap. 1 § 6; aml § 10-6 (1)): a part-timer's date with more work than the
 *   full-time day, max(T / 5, the date's own shift) (averaging.ts `overtimeDays`). A warning per
 *   date with the hour count.
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

export const overtimeDay: Rule = {
  id: 'OVERTIME-DAY',
  title: 'Overtid i en dag (deltid)',
  source: 'KS HTA kap. 1 § 6; aml § 10-6 (1)',
  severity: 'warning',
  description:
    'En deltidsansatt (stilling under 100 %) har på en dato flere timer arbeid (vakter og møter eller kurs med klokkeslett) enn en full dag: det største av T / 5 (ukenormen ved 100 % fordelt på fem dager, 7,5 t ved 37,5 t) og datoens egen vakt (en vakt i arbeidsplanen er den ordinære dagen også for heltidsansatte i samme turnus). Timene over er overtid, ikke merarbeid (KS HTA kap. 1 § 6: arbeid utover full stilling per dag eller per uke), og overtid skal ikke planlegges (aml § 10-6 (1)). Timene telles ikke på nytt i OVERTIME-PLANNED. Dateres på datoen.',
  parameters: [],
  reach: Infinity,
  check(ctx, emp, fromDay_, toDay_) {
    const a = averaging(ctx.index, emp.employee.id);
    const out: Violation[] = [];
    for (const o of a.overtimeDays) {
      const d = toDay(o.date);
      if (d < fromDay_ || d > toDay_) continue;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: o.date,
        severity: this.severity,
        message: `${personOf(emp)} har ${formatHours(o.hours)} t arbeid ${dateNo(d)}, ${formatHours(o.overtimeHours)} t mer enn en full dag (${formatHours(o.limit)} t): for en deltidsansatt er det overtid (KS HTA kap. 1 § 6), og overtid skal ikke planlegges (aml § 10-6 (1)).`,
        source: this.source,
      });
    }
    return out;
  },
};

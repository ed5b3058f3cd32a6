/**
 * AML-REST-DAILY: daily rest between two work periods (aml § 10-8 (1), (3)). Dated on the later
 * shift. The break inside a split shift (split-shift.ts) is not a rest and is not checked.
 */

import { workPeriods } from '../plan/work-periods';
import { lowerBound, dayString } from '../plan/plan-index';
import type { Rule, Violation } from './types';
import { inPeriod } from './period';
import { DEFAULT_SPLIT_SHIFT_MAX_BREAK_HOURS, isSplitBreak } from './split-shift';
import { dateNo, formatHours, personOf, requirement } from './agreements';

export const restDaily: Rule = {
  id: 'AML-REST-DAILY',
  title: 'Daglig arbeidsfri',
  source: 'aml § 10-8 (1)',
  severity: 'error',
  description:
    'Mindre enn dailyRestMinHours sammenhengende fri mellom slutten av én vakt og starten av den neste. Dateres på den seneste vakten. Meldes bare når minst én av de to vaktene er datert i perioden (vakter fra forrige og neste plan er bare naboer). Unntak: pausen i en delt vakt (to vakter som hører til samme hovedarbeidsperiode) er ikke hvile og sjekkes ikke. To vakter A og B etter hverandre er en delt vakt når (1) pausen mellom dem er over 0 og høyst splitShiftMaxBreakHours, (2) betalte timer i A og B til sammen er høyst maxShiftHours, (3) hele perioden fra start A til slutt B er høyst 24 t − dailyRestMinHours (13 t med 11 t hvile), og (4) det er nøyaktig to deler: verken vakten før A eller vakten etter B oppfyller 1–3 sammen med A eller B. Hvilen før A og etter B sjekkes som vanlig. Møter og kurs med klokkeslett (planens aktiviteter) er arbeid her: et møte som berører en vakt, blir del av den, et møte for seg er en egen arbeidsperiode. Den som har fravær hele dagen, eller en vakt som verken overlapper eller berører et møte/kurs for alle og gir under 11 t hvile mot det, er fritatt fra det (det er ikke arbeid for den ansatte); en navngitt deltaker fritas aldri.',
  parameters: [
    {
      name: 'rules.agreements.dailyRestMinHours',
      default: 11,
      description:
        '11 t etter loven; ned til 8 t med avtale med tillitsvalgte (aml § 10-8 (3)), da med kompenserende hvile (AML-REST-COMP).',
    },
    {
      name: 'rules.splitShiftMaxBreakHours',
      default: DEFAULT_SPLIT_SHIFT_MAX_BREAK_HOURS,
      description:
        'Lengste pause (timer, 0–8) mellom de to delene av en delt vakt; ikke satt eller 0 = ingen delt vakt (standard: av). Unntaket gjelder bare når planen eller avdelingen har registrert delt vakt, helst med avtalen den bygger på (rules.agreementRecords).',
    },
  ],
  // A violation before shift i depends on shifts i − 2 … i + 1 (split-shift pairing); a split
  // pair lies within 2 days and a violating gap within 3, so 7 days cover every change.
  reach: 7,
  check(ctx, emp, fromDay_, toDay_) {
    const out: Violation[] = [];
    const req = ctx.agreements.dailyRest;
    const s = workPeriods(ctx.index, emp);
    for (let i = Math.max(1, lowerBound(s, fromDay_)); i < s.length && s[i].day <= toDay_; i++) {
      const gap = (s[i].start - s[i - 1].end) / 60;
      if (gap >= req.value - 1e-9) continue;
      if (isSplitBreak(ctx, s, i)) continue;
      if (!inPeriod(ctx, s[i - 1]) && !inPeriod(ctx, s[i])) continue;
      const what = gap <= 0 ? 'ingen hvile (vaktene overlapper)' : `bare ${formatHours(gap)} t hvile`;
      out.push({
        rule: this.id,
        employee: emp.employee.id,
        date: dayString(s[i].day),
        severity: this.severity,
        message: `${personOf(emp)} har ${what} før vakten ${dateNo(s[i].day)} ${requirement(req)}.`,
        source: req.source,
      });
    }
    return out;
  },
};

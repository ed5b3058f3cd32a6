/**
 * The coverage a ferieønske leaves against the bemanningsplan: the plan's coverage (metrics
 * «Coverage») on each day of the wish before and after the approval, per shift and competence,
 * with a Norwegian line for every need the approval leaves short.
 *
 * Exported: `ferieCoverage(plan, wish) → FerieCoverage`.
 */
import { formatDateNo, toDay } from '../calendar';
import type { TurnusPlan } from '../plan/model';
import { COMPETENCE_LABEL } from '../plan/model';
import { applyCellChanges } from '../plan/cell-change';
import { type VacationWish, approvalChanges } from '../plan/ferie-impact';
import { coverage } from '../metrics/coverage';
import { ANY } from '../metrics/demand';

export interface FerieCoverageNeed {
  date: string;
  shift: string;
  competence: string;
  needed: number;
  missingBefore: number;
  missingAfter: number;
}

export interface FerieCoverage {
  /** Every need on the wish's days (clipped to the period). */
  needs: FerieCoverageNeed[];
  /** Needs the approval leaves shorter than before. */
  worse: FerieCoverageNeed[];
  warnings: string[];
}

export function ferieCoverage(plan: TurnusPlan, wish: VacationWish): FerieCoverage {
  const { changes, range } = approvalChanges(plan, wish);
  const out: FerieCoverage = { needs: [], worse: [], warnings: [] };
  if (!range) return out;
  const before = coverage(plan);
  const after = coverage(applyCellChanges(plan, changes));
  const from = toDay(range.from),
    to = toDay(range.to);
  const missingOf = (days: typeof before.days) => {
    const m = new Map<string, { needed: number; missing: number }>();
    for (const d of days) {
      if (d.day < from || d.day > to) continue;
      for (const slot of d.slots)
        for (const n of slot.needs) m.set(`${d.date}|${n.shift}|${n.competence}`, { needed: n.count, missing: n.missing });
    }
    return m;
  };
  const b = missingOf(before.days),
    a = missingOf(after.days);
  for (const [key, x] of a) {
    const [date, shift, competence] = key.split('|');
    const need: FerieCoverageNeed = {
      date,
      shift,
      competence,
      needed: x.needed,
      missingBefore: b.get(key)?.missing ?? 0,
      missingAfter: x.missing,
    };
    out.needs.push(need);
    if (need.missingAfter > need.missingBefore) {
      out.worse.push(need);
      const who = competence === ANY ? '' : ` (${((COMPETENCE_LABEL as Record<string, string>)[competence] ?? competence).toLowerCase()})`;
      out.warnings.push(`Etter godkjenning mangler ${need.missingAfter} av ${need.needed} på ${shift}${who} ${formatDateNo(date)}.`);
    }
  }
  return out;
}

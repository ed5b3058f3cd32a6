/**
 * What approving ferieønsker does, shown BEFORE it is done: the planned shifts it removes, the
 * days over the unit's limit of people off at once per competence, and the bemanningsplan needs
 * it leaves short (shared/plan/ferie-impact.ts, shared/askermodellen/ferie-coverage.ts).
 */
import { useMemo } from 'react';
import { ferieImpact, type FerieImpact } from '../../../../../shared/plan/ferie-impact';
import { ferieCoverage } from '../../../../../shared/askermodellen/ferie-coverage';
import { applyCellChanges } from '../../../../../shared/plan/cell-change';
import type { VacationWish } from '../../../../../shared/api/wishes';
import type { TurnusPlan } from '../../../../../shared/plan/model';
import { COMPETENCE_LABEL } from '../../../../../shared/plan/model';
import { addDays, formatDateNo } from '../../../../../shared/calendar';
import { fmtHours } from '../../../lib/format';

interface OverRun {
  from: string;
  to: string;
  competence: string;
  off: number;
  max: number;
}

/** Consecutive days with the same competence, count and limit as one line. */
function runsOf(days: { date: string; competence: string; off: number; max: number }[]): OverRun[] {
  const out: OverRun[] = [];
  const sorted = [...days].sort((a, b) => (a.competence < b.competence ? -1 : a.competence > b.competence ? 1 : a.date < b.date ? -1 : 1));
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && last.competence === d.competence && last.off === d.off && last.max === d.max && addDays(last.to, 1) === d.date)
      last.to = d.date;
    else out.push({ from: d.date, to: d.date, competence: d.competence, off: d.off, max: d.max });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

interface Combined {
  perWish: { wish: VacationWish; name: string; impact: FerieImpact }[];
  removedShifts: number;
  removedHours: number;
  overLimit: OverRun[];
  shortNeeds: string[];
  clipped: string[];
}

/** The wishes applied one after another on the plan as it is now. */
function combine(plan: TurnusPlan, wishes: readonly VacationWish[], maxOff: Record<string, number>): Combined {
  const names = new Map(plan.employees.map((e) => [e.id, e.name]));
  const out: Combined = { perWish: [], removedShifts: 0, removedHours: 0, overLimit: [], shortNeeds: [], clipped: [] };
  const over = new Map<string, { date: string; competence: string; off: number; max: number }>();
  let p = plan;
  for (const wish of wishes) {
    const w = { employeeId: wish.employeeId, from: wish.start, to: wish.end };
    const impact = ferieImpact(p, w, { maxOffPerCompetence: maxOff });
    const cov = ferieCoverage(p, w);
    out.perWish.push({ wish, name: names.get(wish.employeeId) ?? wish.employeeId, impact });
    const work = impact.removed.filter((r) => r.hours > 0);
    out.removedShifts += work.length;
    out.removedHours += impact.removedHours;
    for (const d of impact.days)
      if (d.overLimit && d.max !== null)
        over.set(`${d.date}|${d.competence}`, { date: d.date, competence: d.competence, off: d.off, max: d.max });
    out.shortNeeds.push(...cov.warnings);
    if (impact.clipped) out.clipped.push(impact.clipped.message);
    p = applyCellChanges(p, impact.changes);
  }
  out.overLimit = runsOf([...over.values()]);
  return out;
}

const compLabel = (c: string) => (c === 'any' ? 'Alle ansatte' : ((COMPETENCE_LABEL as Record<string, string>)[c] ?? c));
const short = (d: string) => formatDateNo(d, false).slice(0, 5);

export function FeriePreview({
  plan,
  wishes,
  maxOff,
  onApprove,
  onCancel,
  busy,
}: {
  plan: TurnusPlan;
  wishes: VacationWish[];
  maxOff: Record<string, number>;
  onApprove: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const c = useMemo(() => combine(plan, wishes, maxOff), [plan, wishes, maxOff]);
  const trouble = c.removedShifts > 0 || c.overLimit.length > 0 || c.shortNeeds.length > 0;
  return (
    <section className={'panel ferie-preview' + (trouble ? ' capacity short' : '')} role="dialog" aria-label="Før du godkjenner">
      <h3>Før du godkjenner {wishes.length === 1 ? 'ønsket' : `${wishes.length} ønsker`}</h3>
      {c.removedShifts > 0 ? (
        <p>
          <b className="bad">
            Godkjenning fjerner {c.removedShifts} planlagte vakter ({fmtHours(c.removedHours)} t).
          </b>{' '}
          De kommer tilbake hvis du avslår ønsket senere.
        </p>
      ) : (
        <p className="ok">Ingen planlagte vakter blir fjernet.</p>
      )}
      <ul aria-label="Vakter som fjernes">
        {c.perWish
          .filter((x) => x.impact.removed.length > 0)
          .map((x) => (
            <li key={x.wish.id}>
              <b>{x.name}</b>:{' '}
              {x.impact.removed.map((r) => `${r.code} ${formatDateNo(r.date, false).slice(0, 5)}${r.pinned ? ' (låst)' : ''}`).join(', ')}
            </li>
          ))}
      </ul>
      {c.overLimit.length > 0 && (
        <div>
          <p className="bad">For mange har ferie samtidig (grensen til avdelingen):</p>
          <ul aria-label="Dager over grensen">
            {c.overLimit.slice(0, 10).map((d) => (
              <li key={d.from + d.competence}>
                {d.from === d.to ? formatDateNo(d.from) : `${short(d.from)}–${short(d.to)}`}:{' '}
                <b>
                  {compLabel(d.competence)}: {d.off} på ferie samtidig, grensen er {d.max}
                </b>
              </li>
            ))}
            {c.overLimit.length > 10 && <li>… og {c.overLimit.length - 10} perioder til</li>}
          </ul>
        </div>
      )}
      {c.shortNeeds.length > 0 && (
        <details open={c.shortNeeds.length <= 6}>
          <summary className="warn">Bemanningsplanen blir ikke dekket på {c.shortNeeds.length} vakter</summary>
          <ul aria-label="Bemanning etter godkjenning">
            {c.shortNeeds.slice(0, 30).map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list of messages computed once for this view; it never reorders and items may repeat
              <li key={i}>{s}</li>
            ))}
          </ul>
        </details>
      )}
      {c.clipped.map((m) => (
        <p key={m} className="warn">
          {m}
        </p>
      ))}
      <div className="buttons">
        <button type="button" className="primary" disabled={busy} onClick={onApprove}>
          {trouble ? 'Godkjenn likevel' : 'Godkjenn'}
          {wishes.length > 1 ? ` ${wishes.length} ønsker` : ''}
        </button>
        <button type="button" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </section>
  );
}

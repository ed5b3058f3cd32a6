/**
 * Capacity first (issue 14): what the bemanningsplan asks against what the positions can give,
 * before any planning. Shown on the unit's Ansatte and Bemanningsplan screens and at the top of
 * the plan. The figures come from shared/metrics/capacity.ts and, for the weekend shifts the
 * weekend groups cannot cover, shared/askermodellen/weekend-cover.ts; this only lays them out.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { planFileOf, type UnitDetail } from '../../../shared/api/core';
import { addDays, formatDateNo } from '../../../shared/calendar';
import { weekendOpenTotals } from '../../../shared/askermodellen/weekend-cover';
import { capacity, type CapacityResult as CoreCapacity } from '../../../shared/metrics/capacity';
import type { TurnusPlan } from '../../../shared/plan/model';
import type { PlanIndex } from '../../../shared/plan/plan-index';
import { COMPETENCE_LABEL } from '../../../shared/plan/model';
import { fmtHours, fmtInt, nextMonday } from '../lib/format';
import './capacity.css';

/** The core capacity with the weekend shifts no plan can cover (weekend groups, rest, consent, …). */
export type CapacityResult = CoreCapacity & { weekendOpen: { shifts: number; hours: number } };

const labelOf = (c: string) => (c === 'any' ? 'Hele avdelingen' : ((COMPETENCE_LABEL as Record<string, string>)[c] ?? c));

/** True when the plan cannot be staffed by the positions: hours short, rhythm too tight or shifts bound to stay open. */
export function isShort(r: CapacityResult): boolean {
  return (
    r.unit.shortfallHours > 0 ||
    r.openShifts.lowerBound > 0 ||
    r.weekendOpen.shifts > 0 ||
    (r.weekendRhythm !== null && r.averagePosition > r.weekendRhythm.maxAveragePosition + 0.005)
  );
}

/**
 * The one bold sentence: why the plan cannot be staffed, by its first reason (hours, the weekend
 * rhythm, shifts no one can take), so «11,3 årsverk trengs, avdelingen har 13,2» never stands
 * under «trenger mer enn stillingene kan gi».
 */
function leadOf(r: CapacityResult, f1: (x: number) => string): string {
  const fte = `${f1(r.fteNeeded)} årsverk trengs, avdelingen har ${f1(r.ftePresent)}`;
  if (r.unit.shortfallHours > 0) return `Bemanningsplanen trenger mer enn stillingene kan gi: ${fte}.`;
  if (r.weekendRhythm !== null && r.averagePosition > r.weekendRhythm.maxAveragePosition + 0.005)
    return `Timene holder (${fte}), men helgerytmen går ikke opp: helgene trenger flere folk enn rytmen gir.`;
  const open = expectedOpen(r);
  if (open > 0) return `Timene holder (${fte}), men minst ${open} vakter kan ingen ta: de blir stående åpne.`;
  return `Stillingene dekker bemanningsplanen: ${fte}.`;
}

/** The expected open shifts: the larger of the core bound and the weekend shifts no one can cover. */
export function expectedOpen(r: CapacityResult): number {
  return Math.max(r.openShifts.lowerBound, r.weekendOpen.shifts);
}

/** The sentence on the weekend shifts the weekend groups cannot cover; null when there are none. */
function weekendSentence(r: CapacityResult): string | null {
  const w = r.weekendOpen;
  if (w.shifts <= 0) return null;
  return `Helgegruppene kan ikke dekke alle helgevaktene: minst ${w.shifts} ${w.shifts === 1 ? 'vakt' : 'vakter'} (${fmtHours(w.hours)} t) på helgene blir stående åpne uansett hvordan planen legges, fordi for få i helgens gruppe kan ta dem (én vakt per dag, hvile mellom vaktene, kompetanse, samtykke til langvakt, nattfritak og vakter som alt er lagt). Se «Helgerytme».`;
}

export function CapacityView({
  result,
  title,
  period,
  compact,
}: {
  result: CapacityResult;
  title: string;
  period?: string;
  compact?: boolean;
}) {
  const [open, setOpen] = useState(!compact);
  const short = isShort(result);
  const f1 = (x: number) => x.toLocaleString('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const lead = leadOf(result, f1);
  return (
    <section className={'panel capacity' + (short ? ' short' : '')} aria-label="Kapasitet" data-capacity={short ? 'short' : 'ok'}>
      <h2>
        {title}
        {period ? <span className="muted"> ({period})</span> : null}
      </h2>
      <p className="capacity-lead">
        <b>{lead}</b>
      </p>
      {compact && (
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Skjul detaljer' : 'Vis hva det betyr'}
        </button>
      )}
      {open && (
        <>
          <ul className="capacity-sentences">
            {result.sentences.slice(1).map((s) => (
              <li key={s}>{s}</li>
            ))}
            {weekendSentence(result) && <li data-weekend-open={result.weekendOpen.shifts}>{weekendSentence(result)}</li>}
          </ul>
          <table className="table compact" aria-label="Behov og kapasitet per kompetanse">
            <thead>
              <tr>
                <th>Kompetanse</th>
                <th className="num">Bemanningsplanen trenger</th>
                <th className="num">Stillingene kan gi</th>
                <th className="num">Årsverk</th>
                <th className="num">Mangler</th>
              </tr>
            </thead>
            <tbody>
              {[result.unit, ...result.byCompetence.filter((c) => c.competence !== 'any')].map((c) => (
                <tr key={c.competence}>
                  <td>{labelOf(c.competence)}</td>
                  <td className="num">
                    {c.demandHours > 0 ? `${fmtInt(c.demandHours)} t` : <span className="muted">ingen egne rader</span>}
                  </td>
                  <td className="num">{fmtInt(c.staffHours)} t</td>
                  <td className="num">{fmtHours(c.fte)}</td>
                  <td className={'num' + (c.shortfallHours > 0 ? ' bad' : '')}>
                    {c.shortfallHours > 0 ? `${fmtInt(c.shortfallHours)} t` : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            «Stillingene kan gi» er timene etter godkjent ferie, kjent fravær, møter og kurs. Rader for «hvem som helst» i bemanningsplanen
            teller bare for hele avdelingen.
          </p>
        </>
      )}
    </section>
  );
}

/** The capacity of a plan file (or the open plan's index); null when there is nothing to weigh, a message when it fails. */
export function capacityOf(plan: TurnusPlan | PlanIndex | null): CapacityResult | string | null {
  if (!plan) return null;
  const p: TurnusPlan = (plan as TurnusPlan).format === 'turnusplan' ? (plan as TurnusPlan) : (plan as PlanIndex).plan;
  if (p.employees.length === 0 || p.demand.every((r) => r.count <= 0)) return null;
  try {
    return { ...capacity(plan), weekendOpen: weekendOpenTotals(plan) };
  } catch (e) {
    return `Kapasiteten kunne ikke regnes ut: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Shows a result of `capacityOf`. */
export function CapacityResultView({
  result,
  title = 'Kapasitet: behov mot stillinger',
  period,
  compact,
}: {
  result: CapacityResult | string | null;
  title?: string;
  period?: string;
  compact?: boolean;
}) {
  if (!result) return null;
  if (typeof result === 'string')
    return (
      <p className="warn" role="status">
        {result}
      </p>
    );
  return <CapacityView result={result} title={title} period={period} compact={compact} />;
}

/** Computes and shows the capacity of a plan file. */
export function CapacityPanel({
  plan,
  title,
  period,
  compact,
}: {
  plan: TurnusPlan | null;
  title?: string;
  period?: string;
  compact?: boolean;
}) {
  const result = useMemo(() => capacityOf(plan), [plan]);
  return <CapacityResultView result={result} title={title} period={period} compact={compact} />;
}

/**
 * The unit's capacity for its latest plan's period (with that plan's ferie and absence), or for
 * the next 26 weeks when no plan exists yet. Follows every change of staff and bemanningsplan.
 */
export function UnitCapacityPanel({ unit }: { unit: UnitDetail }) {
  const [base, setBase] = useState<{ name: string | null; start: string; end: string; file: TurnusPlan | null } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const plans = await api.listPlans(unit.id);
        const latest = [...plans].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0))[0];
        if (latest) {
          const detail = await api.getPlan(latest.id);
          if (live) setBase({ name: latest.name, start: latest.start, end: latest.end, file: detail.file });
          return;
        }
      } catch {
        /* no plan to read: figure on the next 26 weeks below */
      }
      const start = nextMonday();
      if (live) setBase({ name: null, start, end: addDays(start, 26 * 7 - 1), file: null });
    })();
    return () => {
      live = false;
    };
  }, [unit.id]);
  const plan = useMemo(
    () => (base ? planFileOf(unit, base, base.file?.assignments ?? [], base.file?.activities ?? []) : null),
    [unit, base],
  );
  if (!base) return null;
  const period = `${base.name ? `planen «${base.name}», ` : 'neste 26 uker, '}${formatDateNo(base.start, false)} – ${formatDateNo(base.end, false)}`;
  return <CapacityPanel plan={plan} period={period} />;
}

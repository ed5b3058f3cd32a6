/**
 * What a plan change's net effect consists of (issue 18): the vikar ledger of a plan against a
 * baseline plan split into the people whose contracted position changed («stillingsøkning»),
 * the people who were only re-planned («de andre»), and people who joined or left. A re-plan
 * also removes (or adds) hours planned beyond the contract for the others, and the ledger must
 * not book that as if the raise caused it.
 *
 * Each part = its change in fixed salary (Σ paid position × C_year_FTE × d/365 over its people)
 * and the vikar hours it is credited with. The raise (and new staff) is credited with at most
 * the vikar hours its added planned hours can replace, (1 − sykefravær) × added planned hours,
 * never more than the ledger removes in total (raise-credit.ts; the raise's line is the sum of
 * the ledger's per-person rows); the rest of the vikar change belongs to the re-plan. The parts
 * add up to the ledger's net exactly.
 */
import type { TurnusPlan } from '../plan/model';
import type { CostModel } from './cost-model';
import { paidPosition, positions, type PositionsResult } from './positions';
import { creditVikar, positionChanged } from './raise-credit';
import { unitCosts } from './unit-costs';
import { savingWords, type VikarLedger } from './vikar-ledger';

export type SplitKey = 'raise' | 'others' | 'staff';

export interface NetEffect {
  period: number;
  halfYear: number;
  year: number;
}

export interface SplitPart {
  key: SplitKey;
  /** Norwegian label. */
  label: string;
  /** How many people the part covers. */
  people: number;
  /** Paid hours after − before (paid position × netto hours at 100 %). */
  paidHours: number;
  /** Planned hours after − before. */
  plannedHours: number;
  /** Fixed salary after − before (kr; positive = costs more). */
  fixedKroner: number;
  /** Vikar hours credited to the part (positive = fewer vikar hours). */
  vikarHoursRemoved: number;
  vikarKronerRemoved: number;
  /** vikarKronerRemoved − fixedKroner (positive = saves money). */
  net: NetEffect;
  /** How the part's figures are computed. */
  assumption: string;
}

export interface LedgerSplit {
  /** raise, others, staff: always in this order; staff only when someone joined or left. */
  parts: SplitPart[];
  /** Σ parts = the ledger's net saving. */
  net: NetEffect;
  /** Norwegian: what the whole net includes, and the raise alone. */
  headline: string;
  /** Norwegian warning when the re-plan changes the others' paid hours; null when it does not. */
  warning: string | null;
}

const EPS = 1e-9;

interface Side {
  paid: number;
  planned: number;
  fixed: number;
}

function sidesOf(pos: PositionsResult, model: CostModel, year: number, yearShare: number): Map<string, Side> {
  const out = new Map<string, Side>();
  for (const e of pos.employees) {
    const p = paidPosition(e);
    out.set(e.id, {
      paid: p * e.fullTimeHours,
      planned: e.plannedHours,
      fixed: p * unitCosts(model, e.competence, year).costPerFteYear * yearShare,
    });
  }
  return out;
}

const effect = (period: number, yearShare: number): NetEffect => ({
  period,
  halfYear: yearShare > 0 ? period / yearShare / 2 : 0,
  year: yearShare > 0 ? period / yearShare : 0,
});

/**
 * Splits `ledger` (vikarLedger(plan, { kind: 'plan', plan: base })) by cause. `pos` passes
 * positions() of both plans when the caller has them already.
 */
export function ledgerSplit(
  ledger: VikarLedger,
  plan: TurnusPlan,
  base: TurnusPlan,
  model: CostModel,
  pos?: { after: PositionsResult; before: PositionsResult },
): LedgerSplit {
  const year = +plan.period.start.slice(0, 4);
  const after = sidesOf(pos?.after ?? positions(plan), model, year, ledger.yearShare);
  const before = sidesOf(pos?.before ?? positions(base), model, year, ledger.yearShare);
  const contractBefore = new Map(base.employees.map((e) => [e.id, e.position]));
  const group = (id: string): SplitKey => {
    const was = contractBefore.get(id);
    const now = plan.employees.find((e) => e.id === id)?.position;
    if (was === undefined || now === undefined) return 'staff';
    return positionChanged(was, now) ? 'raise' : 'others';
  };
  const zero = (): Side & { people: number } => ({ paid: 0, planned: 0, fixed: 0, people: 0 });
  const delta: Record<SplitKey, Side & { people: number }> = { raise: zero(), others: zero(), staff: zero() };
  const othersChanged = { people: 0 };
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = after.get(id) ?? { paid: 0, planned: 0, fixed: 0 };
    const b = before.get(id) ?? { paid: 0, planned: 0, fixed: 0 };
    const d = delta[group(id)];
    d.people++;
    d.paid += a.paid - b.paid;
    d.planned += a.planned - b.planned;
    d.fixed += a.fixed - b.fixed;
    if (group(id) === 'others' && Math.abs(a.paid - b.paid) > 0.05) othersChanged.people++;
  }

  const sick = model.sickLeaveRate;
  const removed = ledger.vikarHoursSaved;
  const krPerHour = Math.abs(removed) > EPS ? ledger.vikarKronerSaved / removed : 0;
  // The raise's credit is the ledger's per-person rows (the same people: contracted position changed).
  const raiseVikar = ledger.raiseVikarHours;
  const staffVikar = creditVikar((1 - sick) * delta.staff.planned, removed - raiseVikar);
  const vikarHours: Record<SplitKey, number> = { raise: raiseVikar, staff: staffVikar, others: removed - raiseVikar - staffVikar };
  const vikarKr: Record<SplitKey, number> = {
    raise: ledger.raiseVikarKroner,
    staff: staffVikar * krPerHour,
    others: ledger.vikarKronerSaved - ledger.raiseVikarKroner - staffVikar * krPerHour,
  };
  const sickPct = `${Math.round(sick * 100)} %`;
  const labels: Record<SplitKey, string> = {
    raise: `Stillingsøkning for de økte (${delta.raise.people})`,
    others: `Omplanlegging av de andre (${delta.others.people}): timer over avtalt ${delta.others.paid <= 0 ? 'fjernet' : 'lagt til'}`,
    staff: `Endret bemanning (${delta.staff.people} nye eller borte)`,
  };
  const assumptions: Record<SplitKey, string> = {
    raise:
      'Betalt stilling etter − før for dem som fikk endret avtalt stilling, × fast årskostnad × d/365. ' +
      `De økte planlagte timene minus ${sickPct} sykefravær regnes som vikartimer de erstatter, høyst de vikartimene som faktisk forsvinner, til snittprisen per spart vikartime`,
    others:
      'Betalt stilling = den største av avtalt og det planen gir; endringen for dem som bare er planlagt på nytt (timer planlagt over avtalt fjernet eller lagt til), ' +
      'og resten av endringen i vikartimer (udekkede vakter og sykefravær). Dette kommer av omplanleggingen, ikke av stillingsøkningen',
    staff: `Fast lønn for ansatte som er lagt til eller tatt bort; deres planlagte timer minus ${sickPct} sykefravær erstatter vikartimer, høyst det som er igjen`,
  };
  const keys: SplitKey[] = delta.staff.people > 0 ? ['raise', 'others', 'staff'] : ['raise', 'others'];
  const parts: SplitPart[] = keys.map((key) => ({
    key,
    label: labels[key],
    people: delta[key].people,
    paidHours: delta[key].paid,
    plannedHours: delta[key].planned,
    fixedKroner: delta[key].fixed,
    vikarHoursRemoved: vikarHours[key],
    vikarKronerRemoved: vikarKr[key],
    net: effect(vikarKr[key] - delta[key].fixed, ledger.yearShare),
    assumption: assumptions[key],
  }));
  const total = parts.reduce((s, p) => s + p.net.period, 0);
  const raise = parts[0];
  const others = parts[1];
  const headline =
    `Hele scenarioet (stillingsøkning, omplanlegging av de andre${delta.staff.people > 0 ? ', endret bemanning' : ''}): ${savingWords(total)} i perioden. ` +
    `Stillingsøkningen alene: ${savingWords(raise.net.period)}; omplanleggingen av de andre: ${savingWords(others.net.period)}.`;
  const fmtH = (x: number) => `${(Math.round(Math.abs(x) * 10) / 10).toLocaleString('nb-NO')} t`;
  const warning =
    othersChanged.people > 0
      ? `Omplanleggingen endrer betalte timer for ${othersChanged.people} ${othersChanged.people === 1 ? 'annen' : 'andre'} enn de økte: ` +
        `${fmtH(others.paidHours)} over avtalt ${others.paidHours <= 0 ? 'fjernet' : 'lagt til'} (${savingWords(-others.fixedKroner).toLowerCase()} i fast lønn). ` +
        'Det er ikke en følge av stillingsøkningen; den samme endringen får en ved å planlegge dagens plan på nytt.'
      : null;
  return { parts, net: effect(total, ledger.yearShare), headline, warning };
}

/**
 * The weekend arithmetic ("helgekalkulator"), domain.md § 6.3 [INFERENS]: how the weekend need
 * of a unit limits the average stillingsprosent it can offer, for a weekend shift length and a
 * weekend frequency ("every k-th weekend").
 *
 *   H_tot = Σ demand hours of an average week, H_we = Σ demand hours on Saturday + Sunday
 *   h_we  = paid hours one person works on a worked weekend (both days: 2 × h)
 *   N_we  = k · H_we / (h_we · (1 − a))                       heads needed to cover weekends
 *   p̄_max = H_tot / (N_we · T) = h_we (1 − a) H_tot / (k T H_we)
 *   k_max = h_we (1 − a) H_tot / (p̄ T H_we)                   frequency needed for a target p̄
 *   H_we / H_tot ≤ h_we (1 − a) / (k T p̄)                     weekend share that allows p̄
 *
 * With r = weekend-day demand ÷ weekday demand (hours), H_we / H_tot = 2r / (5 + 2r).
 */
import { DEFAULT_WEEKLY_HOURS } from '../plan/model';
import type { DemandRow, ShiftType } from '../plan/model';
import type { Assumption } from './assumptions';
import { weeklyDemandHours, type WeeklyDemandHours } from './demand';

export type { WeeklyDemandHours } from './demand';

export interface HelgekalkulatorInput {
  /** r: demand hours on a weekend day ÷ demand hours on a weekday. */
  weekendRatio: number;
  /** h: paid hours of the shift a person works on each day of a worked weekend. */
  shiftHours: number;
  /** k: every k-th weekend. */
  frequency: number;
  /** a: share of weekends lost to vacation (default 0; ≈ 5/52 = 0.096 with 5 weeks). */
  vacationShare?: number;
  /** T: weekly hours at 100 % (default 35.5). */
  weeklyHours?: number;
  /** Target average position for the "what does it take" outputs (default 0.9, Asker 2030). */
  targetPosition?: number;
  /** Optional absolute demand hours on one weekday; gives absolute heads and årsverk. */
  weekdayDemandHours?: number;
}

export interface WeekendRhythm {
  frequency: number;
  maxAveragePosition: number;
  /** Heads needed per person required on each weekend day: k / (1 − a). */
  headsPerWeekendPost: number;
  /** Weekend hours per head per average week: h_we (1 − a) / k. */
  weekendHoursPerHeadWeek: number;
}

export interface HelgekalkulatorResult {
  /** p̄_max: the largest average position when the weekend heads staff the whole unit. */
  maxAveragePosition: number;
  /** H_we / H_tot. */
  weekendShare: number;
  /** h_we = 2h. */
  weekendHoursPerWorkedWeekend: number;
  /** h_we (1 − a) / k: weekend hours one head covers per average week. */
  weekendHoursPerHeadWeek: number;
  /** k / (1 − a): heads needed for each person needed on a weekend day. */
  headsPerWeekendPost: number;
  targetPosition: number;
  /** k_max: the largest frequency k (every k-th weekend) that still allows the target. */
  frequencyForTarget: number;
  /** The largest H_we / H_tot that allows the target at this frequency. */
  maxWeekendShareForTarget: number;
  /** The same limit as a weekend ratio r. */
  maxWeekendRatioForTarget: number;
  /** The same limits for every 2nd … 6th weekend. */
  rhythms: WeekendRhythm[];
  /** Present when weekdayDemandHours was given. */
  absolute?: {
    weeklyDemandHours: number;
    weekendDemandHours: number;
    /** N_we: heads needed to cover the weekends. */
    headsNeeded: number;
    /** H_tot / T: årsverk the demand needs. */
    fteNeeded: number;
  };
  inputs: Required<Omit<HelgekalkulatorInput, 'weekdayDemandHours'>> & { weekdayDemandHours?: number };
  assumptions: Assumption[];
}

export const DEFAULT_TARGET_POSITION = 0.9;

/** Core formula on weekly hour totals (§ 6.3). */
export function maxAveragePosition(
  weekendHoursPerWorkedWeekend: number,
  frequency: number,
  weeklyHours: number,
  weekendShare: number,
  vacationShare = 0,
): number {
  return (weekendHoursPerWorkedWeekend * (1 - vacationShare)) / (frequency * weeklyHours * weekendShare);
}

/** H_we / H_tot for a weekend ratio r: 2r / (5 + 2r). */
export function weekendShareOfRatio(r: number): number {
  return (2 * r) / (5 + 2 * r);
}

/** Inverse of weekendShareOfRatio: r = 5s / (2 (1 − s)). */
export function ratioOfWeekendShare(s: number): number {
  return (5 * s) / (2 * (1 - s));
}

function check(name: string, x: number, ok: boolean, why: string): void {
  if (!Number.isFinite(x) || !ok) throw new RangeError(`${name}: ${why} (fikk ${x})`);
}

/** Validates the inputs with Norwegian messages that name the field. */
export function validateHelgekalkulatorInput(i: HelgekalkulatorInput): void {
  check('weekendRatio', i.weekendRatio, i.weekendRatio > 0, 'helgeandelen r må være et tall større enn 0');
  check('shiftHours', i.shiftHours, i.shiftHours > 0 && i.shiftHours <= 24, 'vaktlengden må være mellom 0 og 24 timer');
  check('frequency', i.frequency, i.frequency >= 1, 'helgefrekvensen k må være minst 1');
  const a = i.vacationShare ?? 0;
  check('vacationShare', a, a >= 0 && a < 1, 'ferieandelen a må være fra og med 0 til under 1');
  const t = i.weeklyHours ?? DEFAULT_WEEKLY_HOURS;
  check('weeklyHours', t, t > 0 && t <= 60, 'ukentlig arbeidstid må være mellom 0 og 60 timer');
  const p = i.targetPosition ?? DEFAULT_TARGET_POSITION;
  check('targetPosition', p, p > 0 && p <= 1, 'målet for gjennomsnittlig stilling må være mellom 0 og 1');
  if (i.weekdayDemandHours !== undefined) {
    check('weekdayDemandHours', i.weekdayDemandHours, i.weekdayDemandHours > 0, 'behovstimer per hverdag må være større enn 0');
  }
}

function assumptionsOf(a: number, t: number, p: number): Assumption[] {
  return [
    {
      key: 'formula',
      label: 'Helgeregnestykket',
      value: 'p̄ = h_helg (1 − a) H_tot / (k T H_helg)',
      tag: 'INFERENS',
      source: 'metodenotatet § 5 (klassisk turnusmatematikk; NOU 2008:17 kap. 5, Fafo 2011 § 5.3)',
    },
    {
      key: 'vacationShare',
      label: 'Andel helger tapt til ferie (a)',
      value: a,
      unit: 'andel',
      tag: 'KONFIG',
      source: 'metodenotatet § 5: ≈ 5/52 = 0,096 med fem ukers ferie; 0 = ser bort fra ferie',
    },
    {
      key: 'weeklyHours',
      label: 'Ukentlig arbeidstid ved 100 % (T)',
      value: t,
      unit: 't',
      tag: 'TARIFF-KS',
      source: 'KS HTA kap. 1 § 4.2.2 (35,5 t for turnus), metodenotatet',
    },
    {
      key: 'targetPosition',
      label: 'Mål for gjennomsnittlig stilling',
      value: p,
      unit: 'andel',
      tag: 'KONFIG',
      source: 'Asker PSU sak 7/23: 90 % gjennomsnittlig stilling innen 2030',
    },
  ];
}

/** The § 6.3 helgekalkulator from a weekend ratio r (the `turnus helgekalkulator` command). */
export function helgekalkulator(input: HelgekalkulatorInput): HelgekalkulatorResult {
  validateHelgekalkulatorInput(input);
  const r = input.weekendRatio;
  const h = input.shiftHours;
  const k = input.frequency;
  const a = input.vacationShare ?? 0;
  const t = input.weeklyHours ?? DEFAULT_WEEKLY_HOURS;
  const p = input.targetPosition ?? DEFAULT_TARGET_POSITION;
  const share = weekendShareOfRatio(r);
  const res = fromWeekShare(2 * h, k, a, t, p, share);
  const out: HelgekalkulatorResult = {
    ...res,
    inputs: {
      weekendRatio: r,
      shiftHours: h,
      frequency: k,
      vacationShare: a,
      weeklyHours: t,
      targetPosition: p,
      ...(input.weekdayDemandHours !== undefined ? { weekdayDemandHours: input.weekdayDemandHours } : {}),
    },
    assumptions: assumptionsOf(a, t, p),
  };
  if (input.weekdayDemandHours !== undefined) {
    const d = input.weekdayDemandHours;
    const hTot = (5 + 2 * r) * d;
    const hWe = 2 * r * d;
    out.absolute = {
      weeklyDemandHours: hTot,
      weekendDemandHours: hWe,
      headsNeeded: (k * hWe) / (2 * h * (1 - a)),
      fteNeeded: hTot / t,
    };
  }
  return out;
}

function fromWeekShare(
  hWe: number,
  k: number,
  a: number,
  t: number,
  p: number,
  share: number,
): Omit<HelgekalkulatorResult, 'inputs' | 'assumptions' | 'absolute'> {
  const maxShare = (hWe * (1 - a)) / (k * t * p);
  const rhythms: WeekendRhythm[] = [2, 3, 4, 5, 6].map((kk) => ({
    frequency: kk,
    maxAveragePosition: maxAveragePosition(hWe, kk, t, share, a),
    headsPerWeekendPost: kk / (1 - a),
    weekendHoursPerHeadWeek: (hWe * (1 - a)) / kk,
  }));
  return {
    maxAveragePosition: maxAveragePosition(hWe, k, t, share, a),
    weekendShare: share,
    weekendHoursPerWorkedWeekend: hWe,
    weekendHoursPerHeadWeek: (hWe * (1 - a)) / k,
    headsPerWeekendPost: k / (1 - a),
    targetPosition: p,
    frequencyForTarget: (hWe * (1 - a)) / (p * t * share),
    maxWeekendShareForTarget: maxShare,
    maxWeekendRatioForTarget: maxShare < 1 ? ratioOfWeekendShare(maxShare) : Number.POSITIVE_INFINITY,
    rhythms,
  };
}

/** Weekly demand hours of a bemanningsplan for an average week (no holidays, no date rows). */
export interface HelgekalkulatorFromDemandResult extends Omit<HelgekalkulatorResult, 'inputs' | 'absolute'> {
  demandHours: WeeklyDemandHours;
  /** N_we = k H_we / (h_we (1 − a)). */
  headsNeeded: number;
  /** H_tot / T. */
  fteNeeded: number;
  inputs: { shiftHours: number; frequency: number; vacationShare: number; weeklyHours: number; targetPosition: number };
}

/**
 * The helgekalkulator on a real bemanningsplan: H_tot and H_we come from the weekly demand
 * hours (weekday rows × 5 + saturday rows + sunday rows, each count × the shift's paid hours).
 */
export function helgekalkulatorFromWeeklyDemand(
  demandHours: WeeklyDemandHours,
  opts: { shiftHours: number; frequency: number; vacationShare?: number; weeklyHours?: number; targetPosition?: number },
): HelgekalkulatorFromDemandResult {
  const a = opts.vacationShare ?? 0;
  const t = opts.weeklyHours ?? DEFAULT_WEEKLY_HOURS;
  const p = opts.targetPosition ?? DEFAULT_TARGET_POSITION;
  validateHelgekalkulatorInput({
    weekendRatio: demandHours.weekendRatio > 0 ? demandHours.weekendRatio : Number.NaN,
    shiftHours: opts.shiftHours,
    frequency: opts.frequency,
    vacationShare: a,
    weeklyHours: t,
    targetPosition: p,
  });
  const share = demandHours.weekend / demandHours.total;
  const hWe = 2 * opts.shiftHours;
  return {
    ...fromWeekShare(hWe, opts.frequency, a, t, p, share),
    demandHours,
    headsNeeded: (opts.frequency * demandHours.weekend) / (hWe * (1 - a)),
    fteNeeded: demandHours.total / t,
    inputs: { shiftHours: opts.shiftHours, frequency: opts.frequency, vacationShare: a, weeklyHours: t, targetPosition: p },
    assumptions: assumptionsOf(a, t, p),
  };
}

/**
 * The helgekalkulator on a unit's bemanningsplan (demand rows and shift types): r, H_we and
 * H_tot come from the weekday, Saturday and Sunday rows.
 */
export function helgekalkulatorFromDemand(
  rows: readonly DemandRow[],
  shiftTypes: readonly ShiftType[],
  opts: { shiftHours: number; frequency: number; vacationShare?: number; weeklyHours?: number; targetPosition?: number },
): HelgekalkulatorFromDemandResult {
  return helgekalkulatorFromWeeklyDemand(weeklyDemandHours(rows, shiftTypes), opts);
}

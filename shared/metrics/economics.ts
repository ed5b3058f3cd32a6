/**
 * The cost model for vikar savings, domain.md § 7 (all numbers [KONFIG] unless tagged).
 *
 *   C_year_FTE  = L·salaryPaidFactor·(1+aga) + L·pension·(1+aga) + tillegg·(1+fp)(1+aga)
 *   c_fast_prod = C_year_FTE / (Netto_100 · (1 − sick))          cost per productive hour
 *   c_vikar     = (L/(52T))·(1+fp)(1+aga) [+ (L/(52T))·pension·(1+aga)] + ub
 *   c_ot(s)     = (L/1850)·(1+s)·(1+fp)(1+aga) + ub               s ∈ {0.5, 1, 4/3}
 *   c_byra      = byraHourly  or  byraMultiplier · (C_year_FTE / Netto_100)
 *
 * The plan's `costs` block holds overrides of any parameter (see `resolveCostModel`).
 */
import { daysBetweenInclusive, holidaysBetween, dayOf, MON_SAT } from '../calendar';
import { DEFAULT_WEEKLY_HOURS, type TurnusPlan } from '../plan/model';
import { indexPlan } from '../plan/plan-index';
import { round, type Assumption, type Figure, type SourceTag } from './assumptions';
import { coverage, type CoverageResult } from './coverage';
import { ANY } from './demand';
import { positions, type PositionsResult } from './positions';

/** Vikar channels, in the default replacement order (domain.md § 7.2 point 2). */
export const VIKAR_CHANNELS = ['byra', 'overtid', 'ekstravakt', 'internVikar'] as const;
export type VikarChannel = (typeof VIKAR_CHANNELS)[number];

export const VIKAR_CHANNEL_LABEL: Record<VikarChannel, string> = {
  byra: 'Byråvikar (innleie)',
  overtid: 'Overtid',
  ekstravakt: 'Ekstravakter for deltidsansatte',
  internVikar: 'Intern timelønnet vikar',
};

export type VikarHours = Record<VikarChannel, number>;

export type OvertimeKind = 'ordinary' | 'eveningWeekend' | 'holiday';

export interface CostModel {
  /** Årslønn at 100 % per competence (kr). */
  salaryByCompetence: Record<string, number>;
  /** Årslønn at 100 % for a competence not in the table. */
  defaultSalary: number;
  feriepengeRate: number;
  /** Weeks of vacation in salaryPaidFactor = ((52 − w)/52)(1 + fp). */
  vacationWeeks: number;
  agaRate: number;
  pensionRate: number;
  pensionForHourlyVikar: boolean;
  sickLeaveRate: number;
  /** Average fixed tillegg per FTE and year (kr); 0 = tillegg excluded. */
  avgFixedTillegg: number;
  /** Ubekvemstillegg per vikar/overtime hour (kr); 0 = excluded. */
  ubTilleggPerHour: number;
  /** T for the ordinary divisor 52 × T. */
  weeklyHours: number;
  overtimeDivisor: number;
  overtimeRates: Record<OvertimeKind, number>;
  /** Which overtime rate an overtime vikar hour is costed at. */
  overtimeKindUsed: OvertimeKind;
  byraMultiplier: number;
  /** What the multiplier applies to: the cost per netto hour (§ 7.2 table) or per productive hour (§ 7.2 formula). */
  byraBasis: 'netto' | 'productive';
  /** Agency price per hour (kr); null = byraMultiplier × basis. */
  byraHourly: number | null;
  /** Netto hours at 100 % for a year; null = computed from weeklyHours and the year's holidays (MONSAT_T_OVER_6). */
  nettoHours100: number | null;
  /** Year for nettoHours100 when it is computed and no plan gives one. */
  referenceYear: number;
  /** Split of vikar hours by channel (from last year's accounts); sums to 1. */
  vikarMix: VikarHours;
  /** Which vikar channel a plan's extra permanent hours replace first. */
  replacementOrder: VikarChannel[];
}

export const DEFAULT_COST_MODEL: CostModel = {
  salaryByCompetence: { sykepleier: 556_600, helsefagarbeider: 495_000, assistent: 440_000 },
  defaultSalary: 495_000,
  feriepengeRate: 0.12,
  vacationWeeks: 5,
  agaRate: 0.141,
  pensionRate: 0.15,
  pensionForHourlyVikar: true,
  sickLeaveRate: 0.08,
  avgFixedTillegg: 0,
  ubTilleggPerHour: 0,
  weeklyHours: DEFAULT_WEEKLY_HOURS,
  overtimeDivisor: 1850,
  overtimeRates: { ordinary: 0.5, eveningWeekend: 1.0, holiday: 4 / 3 },
  overtimeKindUsed: 'ordinary',
  byraMultiplier: 2.5,
  byraBasis: 'netto',
  byraHourly: null,
  nettoHours100: null,
  referenceYear: 2025,
  vikarMix: { byra: 0.04, overtid: 0.16, ekstravakt: 0.3, internVikar: 0.5 },
  replacementOrder: ['byra', 'overtid', 'ekstravakt', 'internVikar'],
};

/** Label, tag and source of every parameter (domain.md § 7.1), for the UI and the report. */
export const COST_PARAMETER_SOURCES: Record<keyof CostModel, { label: string; tag: SourceTag; source: string }> = {
  salaryByCompetence: {
    label: 'Årslønn ved 100 % per kompetanse', tag: 'KONFIG',
    source: 'Sykepleier 10 år kr 556 600 (KS garantilønn fra 1.5.2023, nurse.no/lonn-og-tariff/ks). ' +
      'Helsefagarbeider og assistent: anslag uten verifisert kilde, legg inn lokal lønn',
  },
  defaultSalary: { label: 'Årslønn for annen kompetanse', tag: 'KONFIG', source: 'Anslag uten verifisert kilde; legg inn lokal lønn' },
  feriepengeRate: { label: 'Feriepengesats', tag: 'TARIFF-KS', source: '12 % med fem ukers ferie (14,3 % for 60+); Altinn, Tripletex' },
  vacationWeeks: { label: 'Ferieuker', tag: 'TARIFF-KS', source: 'Ferieloven § 5 + avtalefestet ferie (KS HTA): 5 uker' },
  agaRate: { label: 'Arbeidsgiveravgift', tag: 'KONFIG', source: '14,1 % sone I (Asker er sone I), regnskapsskole.no; også på feriepenger og pensjon' },
  pensionRate: { label: 'Pensjonspremie (KLP), andel av lønn', tag: 'KONFIG', source: 'Anslag 15 % (spenn 12–20 %); ingen offisiell sats funnet, metodenotatet § 6' },
  pensionForHourlyVikar: { label: 'Pensjon for timelønnet vikar', tag: 'KONFIG', source: 'KLP: noen meldes inn fra første time, andre må ha minst 20 % stilling' },
  sickLeaveRate: { label: 'Sykefravær (uplanlagt fravær)', tag: 'KONFIG', source: 'Lokal statistikk; standard 8 %' },
  avgFixedTillegg: { label: 'Faste tillegg per årsverk', tag: 'KONFIG', source: 'Tillegg holdes utenfor som standard (metodenotatet § 6)' },
  ubTilleggPerHour: { label: 'Ubekvemstillegg per vikartime', tag: 'TARIFF-KS', source: 'KS HTA kap. 1 § 5 (satstabell metodenotatet); 0 = holdt utenfor, likt for fast og vikar' },
  weeklyHours: { label: 'Ukentlig arbeidstid ved 100 % (T)', tag: 'TARIFF-KS', source: 'KS HTA kap. 1 § 4.2.2: 35,5 t' },
  overtimeDivisor: { label: 'Timelønnsdivisor for overtid', tag: 'TARIFF-KS', source: 'KS HTA: årslønn / 1850 (lawinsider «Divisor»)' },
  overtimeRates: { label: 'Overtidstillegg (ordinær / kveld-helg / helligdag)', tag: 'TARIFF-KS', source: '50 %, 100 %, 133⅓ % (KS HTA; tidsvinduer UVERIFISERT)' },
  overtimeKindUsed: { label: 'Overtidssats brukt for erstattede timer', tag: 'KONFIG', source: 'Standard: ordinær overtid (50 %)' },
  byraMultiplier: { label: 'Byrå: gange kostnaden for fast ansatt', tag: 'KONFIG', source: 'Agenda Kaupang / Fafo 2023:17: «ca. 2,5 ganger så høy»' },
  byraBasis: { label: 'Grunnlag for byråfaktoren', tag: 'INFERENS', source: 'metodenotatet § 6: tabellen bruker kost per nettotime (2,5 × 459 ≈ 1 150)' },
  byraHourly: { label: 'Byråpris per time (overstyring)', tag: 'KONFIG', source: 'Sykepleien 2022: dag kr 640–1000, kveld/natt/helg kr 940–1440' },
  nettoHours100: { label: 'Nettotimer per år ved 100 %', tag: 'PRAKSIS', source: '52T − 5T − røde dager man–lør × T/6 (metodenotatet; 2025: 1609,3)' },
  referenceYear: { label: 'Referanseår for nettotimer', tag: 'KONFIG', source: 'Planens år, ellers 2025' },
  vikarMix: { label: 'Fordeling av vikartimer på kanal', tag: 'KONFIG', source: 'Fra fjorårets regnskap (KOSTRA art 020/030/040/270 UVERIFISERT); byrå 4 %: «hver tjuefemte vikartime» (Fafo 2023:17), resten anslag' },
  replacementOrder: { label: 'Rekkefølge for hvilke vikartimer som erstattes', tag: 'KONFIG', source: 'metodenotatet § 6: byrå → overtid → ekstravakt → intern vikar' },
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The cost model of a plan's `costs` block: defaults overridden by the fields it sets.
 * Throws a RangeError with a Norwegian message naming the field (`costs.<field>`) on bad values.
 */
export function resolveCostModel(costs?: Record<string, unknown> | null): CostModel {
  const m: CostModel = structuredClone(DEFAULT_COST_MODEL);
  if (!costs) return m;
  const num = (k: string, min: number, max: number): number | undefined => {
    const v = costs[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      throw new RangeError(`costs.${k}: må være et tall mellom ${min} og ${max} (fikk ${JSON.stringify(v)})`);
    }
    return v;
  };
  for (const [k, min, max] of [
    ['defaultSalary', 0, 5e6], ['feriepengeRate', 0, 0.5], ['vacationWeeks', 0, 10], ['agaRate', 0, 0.5],
    ['pensionRate', 0, 0.5], ['sickLeaveRate', 0, 0.9], ['avgFixedTillegg', 0, 1e6], ['ubTilleggPerHour', 0, 1e4],
    ['weeklyHours', 1, 60], ['overtimeDivisor', 1, 5000], ['byraMultiplier', 0, 20], ['referenceYear', 1900, 2200],
  ] as const) {
    const v = num(k, min, max);
    if (v !== undefined) (m as unknown as Record<string, number>)[k] = v;
  }
  for (const k of ['byraHourly', 'nettoHours100'] as const) {
    if (costs[k] === null) m[k] = null;
    else {
      const v = num(k, 1, k === 'byraHourly' ? 1e5 : 5000);
      if (v !== undefined) m[k] = v;
    }
  }
  if (costs.pensionForHourlyVikar !== undefined) {
    if (typeof costs.pensionForHourlyVikar !== 'boolean') throw new RangeError('costs.pensionForHourlyVikar: må være true eller false');
    m.pensionForHourlyVikar = costs.pensionForHourlyVikar;
  }
  if (costs.byraBasis !== undefined) {
    if (costs.byraBasis !== 'netto' && costs.byraBasis !== 'productive') throw new RangeError('costs.byraBasis: må være «netto» eller «productive»');
    m.byraBasis = costs.byraBasis;
  }
  if (costs.overtimeKindUsed !== undefined) {
    if (!['ordinary', 'eveningWeekend', 'holiday'].includes(costs.overtimeKindUsed as string)) {
      throw new RangeError('costs.overtimeKindUsed: må være «ordinary», «eveningWeekend» eller «holiday»');
    }
    m.overtimeKindUsed = costs.overtimeKindUsed as OvertimeKind;
  }
  if (costs.salaryByCompetence !== undefined) {
    if (!isRecord(costs.salaryByCompetence)) throw new RangeError('costs.salaryByCompetence: må være et objekt kompetanse → årslønn');
    for (const [c, v] of Object.entries(costs.salaryByCompetence)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 5e6) {
        throw new RangeError(`costs.salaryByCompetence.${c}: må være en årslønn i kroner (fikk ${JSON.stringify(v)})`);
      }
      m.salaryByCompetence[c] = v;
    }
  }
  if (costs.overtimeRates !== undefined) {
    if (!isRecord(costs.overtimeRates)) throw new RangeError('costs.overtimeRates: må være et objekt');
    for (const k of ['ordinary', 'eveningWeekend', 'holiday'] as const) {
      const v = costs.overtimeRates[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 5) throw new RangeError(`costs.overtimeRates.${k}: må være et tall mellom 0 og 5`);
      m.overtimeRates[k] = v;
    }
  }
  if (costs.vikarMix !== undefined) {
    if (!isRecord(costs.vikarMix)) throw new RangeError('costs.vikarMix: må være et objekt kanal → andel');
    const mix = { ...m.vikarMix };
    for (const c of VIKAR_CHANNELS) {
      const v = costs.vikarMix[c];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`costs.vikarMix.${c}: må være en andel mellom 0 og 1`);
      mix[c] = v;
    }
    const sum = VIKAR_CHANNELS.reduce((s, c) => s + mix[c], 0);
    if (Math.abs(sum - 1) > 1e-6) throw new RangeError(`costs.vikarMix: andelene må summere til 1 (summerer til ${round(sum, 4)})`);
    m.vikarMix = mix;
  }
  if (costs.replacementOrder !== undefined) {
    const o = costs.replacementOrder;
    if (!Array.isArray(o) || o.length !== VIKAR_CHANNELS.length || new Set(o).size !== o.length ||
      !o.every((c) => (VIKAR_CHANNELS as readonly unknown[]).includes(c))) {
      throw new RangeError(`costs.replacementOrder: må inneholde hver av ${VIKAR_CHANNELS.join(', ')} nøyaktig én gang`);
    }
    m.replacementOrder = o as VikarChannel[];
  }
  return m;
}

/** Årslønn at 100 % for a competence. */
export function salaryOf(model: CostModel, competence: string): number {
  return model.salaryByCompetence[competence] ?? model.defaultSalary;
}

/**
 * Netto hours per year at 100 % (domain.md § 5.1–5.2, MONSAT_T_OVER_6):
 * 52T − vacationWeeks·T − (red days Monday–Saturday in the year) × T/6.
 * 2025 at T = 35.5: 1846 − 177.5 − 10 × 5.9167 = 1609.33.
 */
export function nettoHours100(model: CostModel, year = model.referenceYear): number {
  if (model.nettoHours100 !== null) return model.nettoHours100;
  const t = model.weeklyHours;
  const red = holidaysBetween(dayOf(year, 1, 1), dayOf(year, 12, 31), MON_SAT).length;
  return 52 * t - model.vacationWeeks * t - (red * t) / 6;
}

export interface UnitCosts {
  competence: string;
  annualSalary100: number;
  /** ((52 − w)/52)(1 + fp): 1.0123 for 5 weeks and 12 %. */
  salaryPaidFactor: number;
  /** C_year_FTE (kr per årsverk per year). */
  costPerFteYear: number;
  /** C_year_FTE / (52T). */
  costPerPaidHour: number;
  /** C_year_FTE / Netto_100. */
  costPerNettoHour: number;
  /** c_fast_prod = C_year_FTE / (Netto_100 (1 − sick)): the break-even cost of a replaced hour. */
  costPerProductiveHour: number;
  /** Internal hourly vikar with / without pension. */
  vikarWithPension: number;
  vikarWithoutPension: number;
  /** c_vikar according to pensionForHourlyVikar. */
  internVikar: number;
  /** Ekstravakt for a permanent part-timer (merarbeid at ordinary hourly pay, pensionable). */
  ekstravakt: number;
  overtime: Record<OvertimeKind, number>;
  byra: number;
  /** Cost per hour of each vikar channel. */
  perChannel: VikarHours;
  nettoHours100: number;
  assumptions: Assumption[];
}

/** Assumptions (parameter value, label, tag, source) for the listed cost parameters. */
export function costAssumptions(model: CostModel, keys: (keyof CostModel)[]): Assumption[] {
  return keys.map((k) => {
    const s = COST_PARAMETER_SOURCES[k];
    const v = model[k];
    const value = v === null ? 'beregnet' : typeof v === 'object' ? JSON.stringify(v) : v;
    return { key: k, label: s.label, value, tag: s.tag, source: s.source };
  });
}

/** The § 7.2 unit costs for one competence. */
export function unitCosts(model: CostModel, competence = 'sykepleier', year = model.referenceYear): UnitCosts {
  const L = salaryOf(model, competence);
  const fp = model.feriepengeRate;
  const aga = model.agaRate;
  const salaryPaidFactor = ((52 - model.vacationWeeks) / 52) * (1 + fp);
  const costPerFteYear = L * salaryPaidFactor * (1 + aga) + L * model.pensionRate * (1 + aga) +
    model.avgFixedTillegg * (1 + fp) * (1 + aga);
  const netto = nettoHours100(model, year);
  const ordinaryDivisor = 52 * model.weeklyHours;
  const hourly = L / ordinaryDivisor;
  const ub = model.ubTilleggPerHour;
  const vikarWithoutPension = hourly * (1 + fp) * (1 + aga) + ub;
  const vikarWithPension = vikarWithoutPension + hourly * model.pensionRate * (1 + aga);
  const otHourly = L / model.overtimeDivisor;
  const overtime = {
    ordinary: otHourly * (1 + model.overtimeRates.ordinary) * (1 + fp) * (1 + aga) + ub,
    eveningWeekend: otHourly * (1 + model.overtimeRates.eveningWeekend) * (1 + fp) * (1 + aga) + ub,
    holiday: otHourly * (1 + model.overtimeRates.holiday) * (1 + fp) * (1 + aga) + ub,
  };
  const costPerNettoHour = costPerFteYear / netto;
  const costPerProductiveHour = costPerFteYear / (netto * (1 - model.sickLeaveRate));
  const byra = model.byraHourly ??
    model.byraMultiplier * (model.byraBasis === 'netto' ? costPerNettoHour : costPerProductiveHour);
  const internVikar = model.pensionForHourlyVikar ? vikarWithPension : vikarWithoutPension;
  return {
    competence,
    annualSalary100: L,
    salaryPaidFactor,
    costPerFteYear,
    costPerPaidHour: costPerFteYear / ordinaryDivisor,
    costPerNettoHour,
    costPerProductiveHour,
    vikarWithPension,
    vikarWithoutPension,
    internVikar,
    ekstravakt: vikarWithPension,
    overtime,
    byra,
    perChannel: { byra, overtid: overtime[model.overtimeKindUsed], ekstravakt: vikarWithPension, internVikar },
    nettoHours100: netto,
    assumptions: [
      { key: 'annualSalary100', label: `Årslønn ved 100 % (${competence})`, value: L, unit: 'kr', ...pick('salaryByCompetence') },
      ...costAssumptions(model, [
        'feriepengeRate', 'vacationWeeks', 'agaRate', 'pensionRate', 'pensionForHourlyVikar', 'sickLeaveRate',
        'avgFixedTillegg', 'ubTilleggPerHour', 'weeklyHours', 'overtimeDivisor', 'overtimeRates', 'overtimeKindUsed',
        'byraMultiplier', 'byraBasis', 'byraHourly',
      ]),
      { key: 'nettoHours100', label: COST_PARAMETER_SOURCES.nettoHours100.label, value: round(netto, 2), unit: 't', tag: 'PRAKSIS', source: `${COST_PARAMETER_SOURCES.nettoHours100.source}; år ${year}` },
    ],
  };
}

function pick(k: keyof CostModel): { tag: SourceTag; source: string } {
  return { tag: COST_PARAMETER_SOURCES[k].tag, source: COST_PARAMETER_SOURCES[k].source };
}

/** Splits a total of vikar hours by the model's channel mix. */
export function splitVikarHours(total: number, mix: VikarHours): VikarHours {
  return { byra: total * mix.byra, overtid: total * mix.overtid, ekstravakt: total * mix.ekstravakt, internVikar: total * mix.internVikar };
}

export function totalVikarHours(h: VikarHours): number {
  return VIKAR_CHANNELS.reduce((s, c) => s + h[c], 0);
}

/**
 * Vikar hours after a change of the planned vikar need by `delta` hours (negative = fewer).
 * Removed hours come out of the channels in replacement order (byrå first); added hours are
 * spread by the channel mix.
 */
export function applyVikarDelta(before: VikarHours, delta: number, model: CostModel): VikarHours {
  const after = { ...before };
  if (delta >= 0) {
    for (const c of VIKAR_CHANNELS) after[c] += delta * model.vikarMix[c];
    return after;
  }
  let remove = -delta;
  for (const c of model.replacementOrder) {
    const take = Math.min(after[c], remove);
    after[c] -= take;
    remove -= take;
    if (remove <= 0) break;
  }
  return after;
}

/** Kroner of vikar hours by channel, at a given unit cost per channel. */
export function vikarCost(hours: VikarHours, perChannel: VikarHours): VikarHours {
  return {
    byra: hours.byra * perChannel.byra,
    overtid: hours.overtid * perChannel.overtid,
    ekstravakt: hours.ekstravakt * perChannel.ekstravakt,
    internVikar: hours.internVikar * perChannel.internVikar,
  };
}

// ---------------------------------------------------------------------------------------------
// The vikar ledger: baseline vs this plan (domain.md § 7.3, product.md (d) 1)

/** The baseline: vikar hours from the accounts, or a baseline plan. */
export type LedgerBaseline =
  | {
    kind: 'entered';
    /** All vikar hours of the same period (accounts), per channel, or a total split by the mix. */
    vikarHours: Partial<VikarHours> | { total: number };
    /** Fixed-salary positions before; default: this plan's contracted positions. */
    positions?: Record<string, number>;
    label?: string;
  }
  | { kind: 'plan'; plan: TurnusPlan; label?: string };

export interface LedgerSide {
  label: string;
  /** Planned vikar need (uncovered hours); null for an entered baseline. */
  uncoveredHours: number | null;
  /** Expected sick-leave vikar hours = sickLeaveRate × Σ planned hours; null for an entered baseline. */
  sickLeaveHours: number | null;
  vikarHours: VikarHours;
  vikarHoursTotal: number;
  vikarKroner: VikarHours;
  vikarKronerTotal: number;
  /** Σ paid position × C_year_FTE × d/365. */
  fixedSalaryKroner: number;
  /** Paid position per employee id. */
  positions: Record<string, number>;
  totalKroner: number;
}

export interface LedgerEmployee {
  id: string;
  name: string;
  competence: string;
  positionBefore: number;
  positionAfter: number;
  /** Raise in stillingsprosent (fraction; ≥ 0). */
  raise: number;
  /** Extra paid hours in the period = raise × full-time netto hours of the period. */
  addedHours: number;
  addedFixedKroner: number;
  /** Vikar hours this raise replaces (share of the unit's saved vikar hours, pro rata to added hours). */
  replacedVikarHours: number;
  replacedVikarKroner: number;
  /** replacedVikarKroner − addedFixedKroner: the raise financed from the vikar budget when ≥ 0. */
  net: number;
}

export interface VikarLedger {
  periodDays: number;
  /** d / 365: the share of a year the fixed-salary kroner cover. */
  yearShare: number;
  before: LedgerSide;
  after: LedgerSide;
  vikarHoursSaved: number;
  vikarKronerSaved: number;
  addedFixedSalaryKroner: number;
  /** (fixed + vikar) before − (fixed + vikar) after. */
  netSaving: number;
  /** Contract hours the plan does not place on demand: a cost with no output (domain.md § 7.2 point 1). */
  disponibleHours: number;
  employees: LedgerEmployee[];
  /** Unit cost per vikar hour and channel used (kr). */
  vikarHourCost: VikarHours;
  /** Average årslønn at 100 % behind the vikar hour cost (hours-weighted over the uncovered competences). */
  vikarSalaryBasis: number;
  assumptions: Assumption[];
  /** Norwegian notes for the UI. */
  notes: string[];
}

interface SideCalc {
  uncovered: number;
  sick: number;
  positions: Record<string, number>;
  fixed: number;
  fullTime: Record<string, number>;
}

function sideOf(plan: TurnusPlan, model: CostModel, yearShare: number, year: number): SideCalc & { cov: CoverageResult; pos: PositionsResult } {
  const index = indexPlan(plan);
  const cov = coverage(index);
  const pos = positions(index);
  const positionsById: Record<string, number> = {};
  const fullTime: Record<string, number> = {};
  let fixed = 0;
  let planned = 0;
  for (const e of pos.employees) {
    const paid = Math.max(e.contracted, e.resulting);
    positionsById[e.id] = paid;
    fullTime[e.id] = e.fullTimeHours;
    fixed += paid * unitCosts(model, e.competence, year).costPerFteYear * yearShare;
    planned += e.plannedHours;
  }
  return { uncovered: cov.uncoveredHours, sick: model.sickLeaveRate * planned, positions: positionsById, fixed, fullTime, cov, pos };
}

/**
 * The vikar ledger of a plan against a baseline. A plan's paid position per employee is
 * max(contracted, resulting): hours placed beyond the contract raise the position, hours below
 * it are still paid (disponible timer). Vikar need = uncovered hours + sick-leave hours; saved
 * hours come out of the channels in replacement order (byrå first).
 */
export function vikarLedger(plan: TurnusPlan, baseline: LedgerBaseline, modelIn?: CostModel): VikarLedger {
  const model = modelIn ?? resolveCostModel(plan.costs);
  const year = +plan.period.start.slice(0, 4);
  const periodDays = daysBetweenInclusive(plan.period.start, plan.period.end);
  const yearShare = periodDays / 365;
  const after = sideOf(plan, model, yearShare, year);

  // Vikar hour cost: hours-weighted årslønn of the uncovered competences ('any' → defaultSalary).
  let w = 0, ws = 0;
  for (const [comp, v] of Object.entries(after.cov.uncoveredByCompetence)) {
    w += v.hours;
    ws += v.hours * (comp === ANY ? model.defaultSalary : salaryOf(model, comp));
  }
  const staffSalaries = plan.employees.map((e) => salaryOf(model, e.competence));
  const vikarSalaryBasis = w > 0 ? ws / w
    : staffSalaries.length ? staffSalaries.reduce((s, x) => s + x, 0) / staffSalaries.length : model.defaultSalary;
  const vikarModel: CostModel = { ...model, salaryByCompetence: { ...model.salaryByCompetence, ['\u0000vikar']: vikarSalaryBasis } };
  const vikarHourCost = unitCosts(vikarModel, '\u0000vikar', year).perChannel;

  let beforeSide: LedgerSide;
  const afterTotal = after.uncovered + after.sick;
  if (baseline.kind === 'plan') {
    const b = sideOf(baseline.plan, model, yearShare, year);
    const hours = splitVikarHours(b.uncovered + b.sick, model.vikarMix);
    const kr = vikarCost(hours, vikarHourCost);
    beforeSide = {
      label: baseline.label ?? 'Grunnlag (plan)', uncoveredHours: b.uncovered, sickLeaveHours: b.sick,
      vikarHours: hours, vikarHoursTotal: totalVikarHours(hours), vikarKroner: kr, vikarKronerTotal: totalVikarHours(kr),
      fixedSalaryKroner: b.fixed, positions: b.positions, totalKroner: b.fixed + totalVikarHours(kr),
    };
  } else {
    const vh = baseline.vikarHours;
    let hours: VikarHours;
    if ('total' in vh && typeof vh.total === 'number') {
      if (!(vh.total >= 0)) throw new RangeError('vikarHours.total: må være et tall ≥ 0');
      hours = splitVikarHours(vh.total, model.vikarMix);
    } else {
      const p = vh as Partial<VikarHours>;
      hours = { byra: p.byra ?? 0, overtid: p.overtid ?? 0, ekstravakt: p.ekstravakt ?? 0, internVikar: p.internVikar ?? 0 };
      for (const c of VIKAR_CHANNELS) if (!(hours[c] >= 0)) throw new RangeError(`vikarHours.${c}: må være et tall ≥ 0`);
    }
    const posBefore: Record<string, number> = {};
    let fixed = 0;
    for (const e of plan.employees) {
      const p = baseline.positions?.[e.id] ?? e.position;
      posBefore[e.id] = p;
      fixed += p * unitCosts(model, e.competence, year).costPerFteYear * yearShare;
    }
    const kr = vikarCost(hours, vikarHourCost);
    beforeSide = {
      label: baseline.label ?? 'Grunnlag (regnskap)', uncoveredHours: null, sickLeaveHours: null,
      vikarHours: hours, vikarHoursTotal: totalVikarHours(hours), vikarKroner: kr, vikarKronerTotal: totalVikarHours(kr),
      fixedSalaryKroner: fixed, positions: posBefore, totalKroner: fixed + totalVikarHours(kr),
    };
  }
  const afterHours = applyVikarDelta(beforeSide.vikarHours, afterTotal - beforeSide.vikarHoursTotal, model);
  const afterKr = vikarCost(afterHours, vikarHourCost);
  const afterSide: LedgerSide = {
    label: 'Denne planen', uncoveredHours: after.uncovered, sickLeaveHours: after.sick,
    vikarHours: afterHours, vikarHoursTotal: totalVikarHours(afterHours), vikarKroner: afterKr, vikarKronerTotal: totalVikarHours(afterKr),
    fixedSalaryKroner: after.fixed, positions: after.positions, totalKroner: after.fixed + totalVikarHours(afterKr),
  };

  const vikarHoursSaved = beforeSide.vikarHoursTotal - afterSide.vikarHoursTotal;
  const vikarKronerSaved = beforeSide.vikarKronerTotal - afterSide.vikarKronerTotal;
  const employees: LedgerEmployee[] = after.pos.employees.map((e) => {
    const before = beforeSide.positions[e.id] ?? 0;
    const afterP = after.positions[e.id];
    const raise = Math.max(0, afterP - before);
    const costYear = unitCosts(model, e.competence, year).costPerFteYear;
    return {
      id: e.id, name: e.name, competence: e.competence, positionBefore: before, positionAfter: afterP, raise,
      addedHours: raise * after.fullTime[e.id], addedFixedKroner: raise * costYear * yearShare,
      replacedVikarHours: 0, replacedVikarKroner: 0, net: 0,
    };
  });
  const addedTotal = employees.reduce((s, e) => s + e.addedHours, 0);
  const replaceable = Math.max(0, Math.min(vikarHoursSaved, addedTotal));
  const krPerSavedHour = vikarHoursSaved > 0 ? vikarKronerSaved / vikarHoursSaved : 0;
  for (const e of employees) {
    e.replacedVikarHours = addedTotal > 0 ? (replaceable * e.addedHours) / addedTotal : 0;
    e.replacedVikarKroner = e.replacedVikarHours * krPerSavedHour;
    e.net = e.replacedVikarKroner - e.addedFixedKroner;
  }
  const addedFixedSalaryKroner = afterSide.fixedSalaryKroner - beforeSide.fixedSalaryKroner;
  const disponibleHours = after.pos.employees.reduce((s, e) => s + Math.max(0, e.targetHours - e.plannedHours), 0) + after.cov.surplusHours;
  const notes = [
    'Vikarbehov = udekkede timer i bemanningsplanen + forventet sykefravær (sykefraværsandel × planlagte timer).',
    'Sparte vikartimer tas ut i rekkefølgen ' + model.replacementOrder.map((c) => VIKAR_CHANNEL_LABEL[c].toLowerCase()).join(' → ') + '.',
    'Betalt stilling = den største av avtalt og resulterende stilling; timer under avtalen betales likevel (disponible timer).',
    'Økt fast stilling lønner seg bare når timene erstatter overtid eller byrå, eller faktisk brukes (metodenotatet § 6).',
  ];
  return {
    periodDays, yearShare, before: beforeSide, after: afterSide,
    vikarHoursSaved, vikarKronerSaved, addedFixedSalaryKroner,
    netSaving: beforeSide.totalKroner - afterSide.totalKroner,
    disponibleHours, employees, vikarHourCost, vikarSalaryBasis,
    assumptions: [
      ...unitCosts(vikarModel, '\u0000vikar', year).assumptions.filter((a) => a.key !== 'annualSalary100'),
      { key: 'vikarSalaryBasis', label: 'Årslønn bak vikartimeprisen (vektet etter udekkede timer)', value: round(vikarSalaryBasis, 0), unit: 'kr', tag: 'INFERENS', source: 'Timevektet årslønn for kompetansene i de udekkede vaktene; «any» = årslønn for annen kompetanse' },
      { key: 'salaryByCompetence', label: COST_PARAMETER_SOURCES.salaryByCompetence.label, value: JSON.stringify(model.salaryByCompetence), tag: 'KONFIG', source: COST_PARAMETER_SOURCES.salaryByCompetence.source },
      ...costAssumptions(model, ['vikarMix', 'replacementOrder']),
      { key: 'yearShare', label: 'Periodens andel av året (d/365)', value: round(yearShare, 4), unit: 'andel', tag: 'INFERENS', source: `${periodDays} dager i planperioden` },
    ],
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Figures for the UI: value + Norwegian label + formula + assumptions

/** The § 7.2 unit costs as labelled figures with their formulas. */
export function unitCostFigures(u: UnitCosts): Figure[] {
  const f = (value: number, label: string, formula: string, tag: SourceTag = 'INFERENS'): Figure =>
    ({ value, label, unit: 'kr', formula, tag, assumptions: u.assumptions });
  return [
    f(u.costPerFteYear, 'Kostnad per årsverk og år (C_year_FTE)', 'L·((52−ferieuker)/52)(1+fp)(1+aga) + L·pensjon·(1+aga) + tillegg·(1+fp)(1+aga) (metodenotatet § 6)'),
    f(u.costPerNettoHour, 'Fast ansatt, kostnad per nettotime', 'C_year_FTE / Netto_100'),
    f(u.costPerProductiveHour, 'Fast ansatt, kostnad per produktiv time (c_fast_prod)', 'C_year_FTE / (Netto_100 · (1 − sykefravær))'),
    f(u.internVikar, 'Intern timelønnet vikar per time (c_vikar)', '(L/(52T))·(1+fp)(1+aga) [+ (L/(52T))·pensjon·(1+aga)] + ub-tillegg'),
    f(u.overtime.ordinary, 'Overtid +50 % per time', '(L/1850)·1,5·(1+fp)(1+aga) + ub-tillegg', 'TARIFF-KS'),
    f(u.overtime.eveningWeekend, 'Overtid +100 % per time', '(L/1850)·2·(1+fp)(1+aga) + ub-tillegg', 'TARIFF-KS'),
    f(u.overtime.holiday, 'Overtid +133⅓ % per time', '(L/1850)·(7/3)·(1+fp)(1+aga) + ub-tillegg', 'TARIFF-KS'),
    f(u.byra, 'Byråvikar per time (c_byra)', 'byråpris, ellers byråfaktor × kostnad per netto- eller produktiv time', 'KONFIG'),
  ];
}

/** The ledger's headline numbers as labelled figures with formulas and the assumptions used. */
export function ledgerFigures(l: VikarLedger): Figure[] {
  const f = (value: number, label: string, unit: string, formula: string): Figure =>
    ({ value, label, unit, formula, tag: 'INFERENS', assumptions: l.assumptions });
  return [
    f(l.after.vikarHoursTotal, 'Vikartimer i denne planen', 't', 'udekkede timer + sykefraværsandel × planlagte timer (metodenotatet § 6)'),
    f(l.vikarHoursSaved, 'Sparte vikartimer', 't', 'vikartimer før − vikartimer etter; tas ut i erstatningsrekkefølgen'),
    f(l.vikarKronerSaved, 'Sparte vikarkroner', 'kr', 'Σ kanal (timer før − timer etter) × timepris for kanalen'),
    f(l.addedFixedSalaryKroner, 'Økte faste lønnskostnader', 'kr', 'Σ (betalt stilling etter − før) × C_year_FTE × d/365'),
    f(l.netSaving, 'Netto besparelse', 'kr', '(fast + vikar) før − (fast + vikar) etter'),
    f(l.disponibleHours, 'Disponible timer (betalt, ikke lagt på behov)', 't', 'Σ max(0, måltimer − planlagte timer) + vakter uten behov'),
  ];
}

/**
 * The cost model for vikar savings, domain.md § 7.1 (all numbers [KONFIG] unless tagged): the
 * parameters with their defaults, label, tag and source, and the plan's `costs` block of
 * overrides (see `resolveCostModel`). The unit costs built from it are in unit-costs.ts.
 */
import { holidaysBetween, dayOf, MON_SAT } from '../calendar';
import { DEFAULT_WEEKLY_HOURS } from '../plan/model';
import { round, type Assumption, type SourceTag } from './assumptions';

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
    label: 'Årslønn ved 100 % per kompetanse',
    tag: 'KONFIG',
    source:
      'Sykepleier 10 år kr 556 600 (KS garantilønn fra 1.5.2023, nurse.no/lonn-og-tariff/ks). ' +
      'Helsefagarbeider og assistent: anslag uten verifisert kilde, legg inn lokal lønn',
  },
  defaultSalary: { label: 'Årslønn for annen kompetanse', tag: 'KONFIG', source: 'Anslag uten verifisert kilde; legg inn lokal lønn' },
  feriepengeRate: { label: 'Feriepengesats', tag: 'TARIFF-KS', source: '12 % med fem ukers ferie (14,3 % for 60+); Altinn, Tripletex' },
  vacationWeeks: { label: 'Ferieuker', tag: 'TARIFF-KS', source: 'Ferieloven § 5 + avtalefestet ferie (KS HTA): 5 uker' },
  agaRate: {
    label: 'Arbeidsgiveravgift',
    tag: 'KONFIG',
    source: '14,1 % sone I (Asker er sone I), regnskapsskole.no; også på feriepenger og pensjon',
  },
  pensionRate: {
    label: 'Pensjonspremie (KLP), andel av lønn',
    tag: 'KONFIG',
    source: 'Anslag 15 % (spenn 12–20 %); ingen offisiell sats funnet, metodenotatet § 6',
  },
  pensionForHourlyVikar: {
    label: 'Pensjon for timelønnet vikar',
    tag: 'KONFIG',
    source: 'KLP: noen meldes inn fra første time, andre må ha minst 20 % stilling',
  },
  sickLeaveRate: { label: 'Sykefravær (uplanlagt fravær)', tag: 'KONFIG', source: 'Lokal statistikk; standard 8 %' },
  avgFixedTillegg: { label: 'Faste tillegg per årsverk', tag: 'KONFIG', source: 'Tillegg holdes utenfor som standard (metodenotatet § 6)' },
  ubTilleggPerHour: {
    label: 'Ubekvemstillegg per vikartime',
    tag: 'TARIFF-KS',
    source: 'KS HTA kap. 1 § 5 (satstabell metodenotatet); 0 = holdt utenfor, likt for fast og vikar',
  },
  weeklyHours: { label: 'Ukentlig arbeidstid ved 100 % (T)', tag: 'TARIFF-KS', source: 'KS HTA kap. 1 § 4.2.2: 35,5 t' },
  overtimeDivisor: { label: 'Timelønnsdivisor for overtid', tag: 'TARIFF-KS', source: 'KS HTA: årslønn / 1850 (lawinsider «Divisor»)' },
  overtimeRates: {
    label: 'Overtidstillegg (ordinær / kveld-helg / helligdag)',
    tag: 'TARIFF-KS',
    source: '50 %, 100 %, 133⅓ % (KS HTA; tidsvinduer UVERIFISERT)',
  },
  overtimeKindUsed: { label: 'Overtidssats brukt for erstattede timer', tag: 'KONFIG', source: 'Standard: ordinær overtid (50 %)' },
  byraMultiplier: {
    label: 'Byrå: gange kostnaden for fast ansatt',
    tag: 'KONFIG',
    source: 'Agenda Kaupang / Fafo 2023:17: «ca. 2,5 ganger så høy»',
  },
  byraBasis: {
    label: 'Grunnlag for byråfaktoren',
    tag: 'INFERENS',
    source: 'metodenotatet § 6: tabellen bruker kost per nettotime (2,5 × 459 ≈ 1 150)',
  },
  byraHourly: {
    label: 'Byråpris per time (overstyring)',
    tag: 'KONFIG',
    source: 'Sykepleien 2022: dag kr 640–1000, kveld/natt/helg kr 940–1440',
  },
  nettoHours100: {
    label: 'Nettotimer per år ved 100 %',
    tag: 'PRAKSIS',
    source: '52T − 5T − røde dager man–lør × T/6 (metodenotatet; 2025: 1609,3)',
  },
  referenceYear: { label: 'Referanseår for nettotimer', tag: 'KONFIG', source: 'Planens år, ellers 2025' },
  vikarMix: {
    label: 'Fordeling av vikartimer på kanal',
    tag: 'KONFIG',
    source:
      'Fra fjorårets regnskap (KOSTRA art 020/030/040/270 UVERIFISERT); byrå 4 %: «hver tjuefemte vikartime» (Fafo 2023:17), resten anslag',
  },
  replacementOrder: {
    label: 'Rekkefølge for hvilke vikartimer som erstattes',
    tag: 'KONFIG',
    source: 'metodenotatet § 6: byrå → overtid → ekstravakt → intern vikar',
  },
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
    ['defaultSalary', 0, 5e6],
    ['feriepengeRate', 0, 0.5],
    ['vacationWeeks', 0, 10],
    ['agaRate', 0, 0.5],
    ['pensionRate', 0, 0.5],
    ['sickLeaveRate', 0, 0.9],
    ['avgFixedTillegg', 0, 1e6],
    ['ubTilleggPerHour', 0, 1e4],
    ['weeklyHours', 1, 60],
    ['overtimeDivisor', 1, 5000],
    ['byraMultiplier', 0, 20],
    ['referenceYear', 1900, 2200],
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
    if (costs.byraBasis !== 'netto' && costs.byraBasis !== 'productive')
      throw new RangeError('costs.byraBasis: må være «netto» eller «productive»');
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
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 5)
        throw new RangeError(`costs.overtimeRates.${k}: må være et tall mellom 0 og 5`);
      m.overtimeRates[k] = v;
    }
  }
  if (costs.vikarMix !== undefined) {
    if (!isRecord(costs.vikarMix)) throw new RangeError('costs.vikarMix: må være et objekt kanal → andel');
    const mix = { ...m.vikarMix };
    for (const c of VIKAR_CHANNELS) {
      const v = costs.vikarMix[c];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
        throw new RangeError(`costs.vikarMix.${c}: må være en andel mellom 0 og 1`);
      mix[c] = v;
    }
    const sum = VIKAR_CHANNELS.reduce((s, c) => s + mix[c], 0);
    if (Math.abs(sum - 1) > 1e-6) throw new RangeError(`costs.vikarMix: andelene må summere til 1 (summerer til ${round(sum, 4)})`);
    m.vikarMix = mix;
  }
  if (costs.replacementOrder !== undefined) {
    const o = costs.replacementOrder;
    if (
      !Array.isArray(o) ||
      o.length !== VIKAR_CHANNELS.length ||
      new Set(o).size !== o.length ||
      !o.every((c) => (VIKAR_CHANNELS as readonly unknown[]).includes(c))
    ) {
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

/** Assumptions (parameter value, label, tag, source) for the listed cost parameters. */
export function costAssumptions(model: CostModel, keys: (keyof CostModel)[]): Assumption[] {
  return keys.map((k) => {
    const s = COST_PARAMETER_SOURCES[k];
    const v = model[k];
    const value = v === null ? 'beregnet' : typeof v === 'object' ? JSON.stringify(v) : v;
    return { key: k, label: s.label, value, tag: s.tag, source: s.source };
  });
}

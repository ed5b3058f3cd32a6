/**
 * The unit costs of domain.md § 7.2 for one competence, from the cost model (cost-model.ts):
 *
 *   C_year_FTE  = L·salaryPaidFactor·(1+aga) + L·pension·(1+aga) + tillegg·(1+fp)(1+aga)
 *   c_fast_prod = C_year_FTE / (Netto_100 · (1 − sick))          cost per productive hour
 *   c_vikar     = (L/(52T))·(1+fp)(1+aga) [+ (L/(52T))·pension·(1+aga)] + ub
 *   c_ot(s)     = (L/1850)·(1+s)·(1+fp)(1+aga) + ub               s ∈ {0.5, 1, 4/3}
 *   c_byra      = byraHourly  or  byraMultiplier · (C_year_FTE / Netto_100)
 */
import { round, type Assumption, type Figure, type SourceTag } from './assumptions';
import {
  COST_PARAMETER_SOURCES,
  costAssumptions,
  nettoHours100,
  salaryOf,
  type CostModel,
  type OvertimeKind,
  type VikarHours,
} from './cost-model';

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

/** The § 7.2 unit costs for one competence. */
export function unitCosts(model: CostModel, competence = 'sykepleier', year = model.referenceYear): UnitCosts {
  const L = salaryOf(model, competence);
  const fp = model.feriepengeRate;
  const aga = model.agaRate;
  const salaryPaidFactor = ((52 - model.vacationWeeks) / 52) * (1 + fp);
  const costPerFteYear =
    L * salaryPaidFactor * (1 + aga) + L * model.pensionRate * (1 + aga) + model.avgFixedTillegg * (1 + fp) * (1 + aga);
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
  const byra = model.byraHourly ?? model.byraMultiplier * (model.byraBasis === 'netto' ? costPerNettoHour : costPerProductiveHour);
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
        'feriepengeRate',
        'vacationWeeks',
        'agaRate',
        'pensionRate',
        'pensionForHourlyVikar',
        'sickLeaveRate',
        'avgFixedTillegg',
        'ubTilleggPerHour',
        'weeklyHours',
        'overtimeDivisor',
        'overtimeRates',
        'overtimeKindUsed',
        'byraMultiplier',
        'byraBasis',
        'byraHourly',
      ]),
      {
        key: 'nettoHours100',
        label: COST_PARAMETER_SOURCES.nettoHours100.label,
        value: round(netto, 2),
        unit: 't',
        tag: 'PRAKSIS',
        source: `${COST_PARAMETER_SOURCES.nettoHours100.source}; år ${year}`,
      },
    ],
  };
}

function pick(k: keyof CostModel): { tag: SourceTag; source: string } {
  return { tag: COST_PARAMETER_SOURCES[k].tag, source: COST_PARAMETER_SOURCES[k].source };
}

/** The § 7.2 unit costs as labelled figures with their formulas. */
export function unitCostFigures(u: UnitCosts): Figure[] {
  const f = (value: number, label: string, formula: string, tag: SourceTag = 'INFERENS'): Figure => ({
    value,
    label,
    unit: 'kr',
    formula,
    tag,
    assumptions: u.assumptions,
  });
  return [
    f(
      u.costPerFteYear,
      'Kostnad per årsverk og år (C_year_FTE)',
      'L·((52−ferieuker)/52)(1+fp)(1+aga) + L·pensjon·(1+aga) + tillegg·(1+fp)(1+aga) (metodenotatet § 6)',
    ),
    f(u.costPerNettoHour, 'Fast ansatt, kostnad per nettotime', 'C_year_FTE / Netto_100'),
    f(u.costPerProductiveHour, 'Fast ansatt, kostnad per produktiv time (c_fast_prod)', 'C_year_FTE / (Netto_100 · (1 − sykefravær))'),
    f(u.internVikar, 'Intern timelønnet vikar per time (c_vikar)', '(L/(52T))·(1+fp)(1+aga) [+ (L/(52T))·pensjon·(1+aga)] + ub-tillegg'),
    f(u.overtime.ordinary, 'Overtid +50 % per time', '(L/1850)·1,5·(1+fp)(1+aga) + ub-tillegg', 'TARIFF-KS'),
    f(u.overtime.eveningWeekend, 'Overtid +100 % per time', '(L/1850)·2·(1+fp)(1+aga) + ub-tillegg', 'TARIFF-KS'),
    f(u.overtime.holiday, 'Overtid +133⅓ % per time', '(L/1850)·(7/3)·(1+fp)(1+aga) + ub-tillegg', 'TARIFF-KS'),
    f(u.byra, 'Byråvikar per time (c_byra)', 'byråpris, ellers byråfaktor × kostnad per netto- eller produktiv time', 'KONFIG'),
  ];
}

/**
 * The cost model's parameters (shared/metrics/economics) as review-pack assumption lines: one
 * named Norwegian line per value, numbers formatted (50 %, kr 556 600), no configuration keys,
 * no JSON and no internal source tags.
 */
import type { SourceTag } from '../metrics/assumptions';
import {
  COST_PARAMETER_SOURCES,
  resolveCostModel,
  VIKAR_CHANNEL_LABEL,
  type CostModel,
  type OvertimeKind,
  type VikarChannel,
} from '../metrics/economics';
import { COMPETENCE_LABEL, type Competence, type TurnusPlan } from '../plan/model';
import { nbNumber, nbShort } from './pack-format';
import type { PackAssumption } from './pack-types';

const TAG_TEXT: Record<SourceTag, string> = {
  LOV: 'Lov',
  'TARIFF-KS': 'Tariffavtale (KS)',
  PRAKSIS: 'Vanlig praksis',
  INFERENS: 'Utledet',
  KONFIG: 'Lokalt anslag',
  UVERIFISERT: 'Ikke verifisert',
};

const OVERTIME_LABEL: Record<OvertimeKind, string> = {
  ordinary: 'ordinær overtid',
  eveningWeekend: 'kveld og helg',
  holiday: 'helligdag',
};

const pct = (x: number) => `${nbShort(x * 100, 1)} %`;
const kr = (x: number) => `kr ${nbNumber(x, 0)}`;

function sourceText(key: keyof CostModel, own: boolean): string {
  const s = COST_PARAMETER_SOURCES[key];
  const text = s.source.replace(/\bUVERIFISERT\b/g, 'ikke verifisert');
  return `${own ? 'Enhetens verdi' : `${TAG_TEXT[s.tag]}, standardverdi`}: ${text}`;
}

/** The lines of one parameter. */
function linesOf(key: keyof CostModel, m: CostModel): { label: string; value: string }[] {
  const label = COST_PARAMETER_SOURCES[key].label;
  switch (key) {
    case 'salaryByCompetence':
      return Object.entries(m.salaryByCompetence).map(([c, v]) => ({
        label: `Årslønn ved 100 %, ${(COMPETENCE_LABEL[c as Competence] ?? c).toLowerCase()}`,
        value: kr(v),
      }));
    case 'overtimeRates':
      return (Object.keys(m.overtimeRates) as OvertimeKind[]).map((k) => ({
        label: `Overtidstillegg, ${OVERTIME_LABEL[k]}`,
        value: pct(m.overtimeRates[k]),
      }));
    case 'overtimeKindUsed':
      return [{ label, value: OVERTIME_LABEL[m.overtimeKindUsed] }];
    case 'vikarMix':
      return (Object.keys(m.vikarMix) as VikarChannel[]).map((c) => ({
        label: `Andel av vikartimene: ${VIKAR_CHANNEL_LABEL[c]}`,
        value: pct(m.vikarMix[c]),
      }));
    case 'replacementOrder':
      return [{ label, value: m.replacementOrder.map((c) => VIKAR_CHANNEL_LABEL[c]).join(' → ') }];
    case 'byraBasis':
      return [{ label, value: m.byraBasis === 'netto' ? 'kostnad per nettotime' : 'kostnad per produktiv time' }];
    case 'byraHourly':
      return [{ label, value: m.byraHourly === null ? 'beregnet med byråfaktoren' : kr(m.byraHourly) }];
    case 'byraMultiplier':
      return [{ label, value: `${nbShort(m.byraMultiplier, 2)} ganger` }];
    case 'nettoHours100':
      return [
        { label, value: m.nettoHours100 === null ? 'beregnet fra arbeidstid og årets røde dager' : `${nbShort(m.nettoHours100, 1)} t` },
      ];
    case 'referenceYear':
      return [{ label, value: String(m.referenceYear) }];
    case 'pensionForHourlyVikar':
      return [{ label, value: m.pensionForHourlyVikar ? 'ja' : 'nei' }];
    case 'feriepengeRate':
    case 'agaRate':
    case 'pensionRate':
    case 'sickLeaveRate':
      return [{ label, value: pct(m[key]) }];
    case 'defaultSalary':
    case 'avgFixedTillegg':
    case 'ubTilleggPerHour':
      return [{ label, value: kr(m[key]) }];
    case 'weeklyHours':
      return [{ label, value: `${nbShort(m.weeklyHours, 2)} t` }];
    case 'vacationWeeks':
      return [{ label, value: `${nbShort(m.vacationWeeks, 1)} uker` }];
    case 'overtimeDivisor':
      return [{ label, value: nbNumber(m.overtimeDivisor, 0) }];
  }
}

/** The cost model as named assumption lines with formatted values and a plain source. */
export function costModelAssumptions(plan: Pick<TurnusPlan, 'costs'>): PackAssumption[] {
  let model: CostModel;
  try {
    model = resolveCostModel(plan.costs ?? null);
  } catch (e) {
    return [{ label: 'Kostnadsmodell', value: `kan ikke brukes: ${(e as Error).message}`, source: 'Enhetens kostnadsinnstillinger' }];
  }
  const own = new Set(Object.keys(plan.costs ?? {}));
  return (Object.keys(COST_PARAMETER_SOURCES) as (keyof CostModel)[]).flatMap((key) =>
    linesOf(key, model).map((l) => ({ label: l.label, value: l.value, source: sourceText(key, own.has(key)) })),
  );
}

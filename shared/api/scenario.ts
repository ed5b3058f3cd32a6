/**
 * API section: Pilot scenarios and the stillingsøkning assistant (issue 7).
 * Add methods to the interface and to SCENARIO_METHODS together; shared/api.ts composes
 * the sections into TurnusApi. SCENARIO_ARGS holds the zod argument schema of every method.
 *
 * A stored scenario is a snapshot: the unit's staff, shift types, bemanningsplan and (optionally)
 * a plan's cells at the time it was made, with the transforms applied (shared/scenario). What
 * the leader compares is exactly what «Gjør til gjeldende plan» writes back.
 */
import { z } from 'zod';
import {
  optional,
  sig,
  zCode,
  zCompetence,
  zDate,
  zDemandRow,
  zFraction,
  zId,
  zMonths,
  zName,
  zNewEmployee,
  zShiftType,
  zWeekendSetup,
  type Signatures,
} from './args';
import type { WeekendSetup } from './core';
import { LIMITS } from '../plan/limits';
import type { NewEmployee, ShiftType, TurnusPlan } from '../plan/model';
import type { AssistantPerson, PriorityInfo, RaiseOutcome, RaiseStep, ScenarioComparison, Transform } from '../scenario';

export interface ScenarioSummary {
  id: number;
  unitId: number;
  /** The plan the scenario was made from; null when made from the unit alone (or the plan is deleted). */
  basePlanId: number | null;
  /**
   * The scenario's own plan row (m070): open it as `#/plan/<planId>` for the grid, steps, rule
   * check, «Fyll ut» and Nøkkeltall. Null only for a scenario stored before m070 not opened since.
   */
  planId: number | null;
  name: string;
  description: string;
  period: { start: string; end: string };
  transforms: Transform[];
  createdAt: string;
  updatedAt: string;
  /** When «Gjør til gjeldende plan» last wrote this scenario into the real data. */
  appliedAt: string | null;
  /** The plan it was written into. */
  appliedPlanId: number | null;
  /** Extra shifts accepted from the stillingsøkning assistant (they are not transforms). */
  acceptedOffers: number;
}

export interface ScenarioDetail extends ScenarioSummary {
  /** The scenario's whole plan (plan file v1 model). */
  plan: TurnusPlan;
  /** Norwegian log of what the transforms and accepted offers did. */
  log: string[];
  /** Priority flags per employee id for the stillingsøkning assistant (aml § 14-3, § 14-4 a). */
  priority: Record<string, PriorityInfo>;
  /**
   * The scenario against its starting point (row 0 = «Utgangspunkt», the base snapshot; row 1 =
   * this scenario): shared/scenario compareScenarios.
   */
  comparison: ScenarioComparison;
  /** Per raised person: raised to, planned to, why any gap remains (shared/scenario raiseOutcomes). */
  raises: RaiseOutcome[];
}

/** What the plan view shows in its banner when the plan is a scenario's own plan. */
export interface ScenarioOfPlan {
  scenarioId: number;
  name: string;
  basePlanId: number | null;
  /** Name of the plan the scenario came from (null when made from the unit alone). */
  basePlanName: string | null;
}

export interface RaiseRequestArg {
  employee: string;
  /** New position (fraction). */
  level: number;
}

export interface RaiseResult {
  /** The order the raises were made in (aml § 14-3, § 14-4 a, largest gap). */
  steps: RaiseStep[];
  detail: ScenarioDetail;
}

export type ComparisonExportFormat = 'pdf' | 'xlsx' | 'html';

export interface NewScenario {
  unitId: number;
  /** Base plan (its cells and period); without it the scenario starts from an empty plan for start + months. */
  planId?: number;
  name: string;
  description?: string;
  /** Applied in order (shared/scenario applyTransform). */
  transforms?: Transform[];
  /** Period when there is no base plan. */
  start?: string;
  months?: 3 | 6 | 12;
}

/** The assistant's result without the (large) plan: what the view shows. */
export interface StillingsokningView {
  people: AssistantPerson[];
  uncoveredBefore: { shifts: number; hours: number };
  uncoveredAfter: { shifts: number; hours: number };
  offeredHours: number;
  /** The legal sources of the order (aml § 14-3, § 14-4 a …). */
  sources: string[];
}

export interface AcceptedOffer {
  employee: string;
  date: string;
  shift: string;
}

export interface MakeCurrentResult {
  unitId: number;
  planId: number;
  /** True when a new plan was made (the scenario had no base plan left). */
  createdPlan: boolean;
  cellsWritten: number;
  /** Norwegian lines describing what was written. */
  summary: string[];
}

export interface ScenarioApi {
  listScenarios(unitId: number): Promise<ScenarioSummary[]>;
  createScenario(input: NewScenario): Promise<ScenarioDetail>;
  getScenario(scenarioId: number): Promise<ScenarioDetail>;
  renameScenario(scenarioId: number, name: string, description?: string): Promise<ScenarioSummary>;
  /** A copy with the same plan, transforms, log and priority flags. */
  copyScenario(scenarioId: number, name?: string): Promise<ScenarioDetail>;
  deleteScenario(scenarioId: number): Promise<void>;
  /** 2–4 scenarios side by side; the first is the reference. */
  compareScenarios(scenarioIds: number[], profile?: string): Promise<ScenarioComparison>;
  /** Runs the stillingsøkning assistant on the scenario (and stores the priority flags when given). */
  runStillingsokning(scenarioId: number, priority?: Record<string, PriorityInfo>): Promise<StillingsokningView>;
  /** Places accepted offers in the scenario's plan (each must be an offer the assistant makes now). */
  acceptOffers(scenarioId: number, offers: AcceptedOffer[]): Promise<ScenarioDetail>;
  /**
   * «Gjør til gjeldende plan»: writes the scenario into the unit (positions, shift types,
   * bemanningsplan, helgerytme) and into its base plan's cells (or a new plan), in one transaction.
   */
  makeScenarioCurrent(scenarioId: number): Promise<MakeCurrentResult>;
  /** The scenario whose own plan `planId` is, or null for a real plan (the plan view's banner). */
  scenarioOfPlan(planId: number): Promise<ScenarioOfPlan | null>;
  /**
   * Raises positions in the scenario in the legal order and stores the new positions. The
   * caller then re-plans the scenario's plan (startGenerate mode 'replan') so the raised people
   * get shifts; getScenario reports the outcome per person.
   */
  raiseScenarioPositions(scenarioId: number, raises: RaiseRequestArg[], priority?: Record<string, PriorityInfo>): Promise<RaiseResult>;
  /**
   * The Helgerytme step on a scenario's plan: the weekend rhythm and groups go into the
   * scenario, never into the unit (saveWeekendSetup is the unit's).
   */
  saveScenarioWeekendSetup(scenarioId: number, setup: WeekendSetup): Promise<ScenarioSummary>;
  /**
   * The scenario's own staff: adds a person (employeeId null, e.g. a new 80 % position) or
   * changes one (position, wanted position, weekend group, consent to langvakter …) in the
   * scenario only; the unit's staff are never touched until «Gjør til gjeldende plan».
   */
  saveScenarioEmployee(scenarioId: number, employeeId: string | null, employee: NewEmployee): Promise<ScenarioDetail>;
  /** Takes a person out of the scenario with her cells in the scenario's plan; the unit keeps its staff. */
  removeScenarioEmployee(scenarioId: number, employeeId: string): Promise<ScenarioDetail>;
  /** Changes a shift type (times, pause: the shift length) in the scenario only; the code stays. */
  saveScenarioShiftType(scenarioId: number, shiftType: ShiftType): Promise<ScenarioDetail>;
  /** The 2–4 scenario comparison as a PSU-ready PDF (or its HTML) or an XLSX workbook. */
  exportScenarioComparison(
    scenarioIds: number[],
    format: ComparisonExportFormat,
  ): Promise<{ name: string; mimeType: string; base64: string }>;
}

export const SCENARIO_METHODS = [
  'listScenarios',
  'createScenario',
  'getScenario',
  'renameScenario',
  'copyScenario',
  'deleteScenario',
  'compareScenarios',
  'runStillingsokning',
  'acceptOffers',
  'makeScenarioCurrent',
  'scenarioOfPlan',
  'raiseScenarioPositions',
  'saveScenarioWeekendSetup',
  'saveScenarioEmployee',
  'removeScenarioEmployee',
  'saveScenarioShiftType',
  'exportScenarioComparison',
] as const satisfies readonly (keyof ScenarioApi)[];

// ---------------------------------------------------------------------------------------------
// Argument schemas

const zEmployeeId = z.string({ error: 'må være en ansatt-id (tekst)' }).regex(/^[1-9][0-9]*$/, 'må være en ansatt-id');

export const zTransform: z.ZodType<Transform> = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('raisePositions'),
      employees: z.union([z.literal('wantsMore'), z.array(zEmployeeId).max(500)]),
      level: z.union([z.literal('wanted'), zFraction]),
    }),
    z.object({ kind: z.literal('mergeWeekendOnly'), maxPosition: zFraction.optional() }),
    z.object({
      kind: z.literal('switchToLongWeekends'),
      fromShifts: z.array(zCode).max(10).optional(),
      longShift: zCode.optional(),
      frequency: z.number().int('må være et heltall').min(1, 'må være minst 1').max(8, 'kan være høyst 8').optional(),
      includeHolidays: z.boolean().optional(),
    }),
    z.object({
      kind: z.literal('setWeekendFrequency'),
      frequency: z.number().int('må være et heltall').min(1, 'må være minst 1').max(8, 'kan være høyst 8').nullable(),
    }),
    z.object({
      kind: z.literal('setDemand'),
      rows: z.array(zDemandRow).max(LIMITS.demandRowsMax, `kan ha høyst ${LIMITS.demandRowsMax} rader`),
    }),
    z.object({
      kind: z.literal('adjustDemand'),
      dayType: z
        .enum(['weekday', 'saturday', 'sunday', 'holiday'], { error: 'må være weekday, saturday, sunday eller holiday' })
        .optional(),
      date: zDate.optional(),
      shift: zCode,
      competence: z.union([z.literal('any'), zCompetence]).optional(),
      count: z.number().int('må være et helt antall').min(0, 'kan ikke være negativ').max(200).optional(),
      delta: z.number().int('må være et helt antall').min(-200).max(200).optional(),
    }),
  ],
  {
    error:
      'må være en kjent endring (raisePositions, mergeWeekendOnly, switchToLongWeekends, setWeekendFrequency, setDemand eller adjustDemand)',
  },
) as unknown as z.ZodType<Transform>;

export const zPriority = z.record(
  zEmployeeId,
  z.object({
    fortrinnsrett: z.boolean().optional(),
    regularExtraHours: z.boolean().optional(),
  }),
);

const zDescription = z.string({ error: 'må være tekst' }).trim().max(1000, 'kan ha høyst 1000 tegn');

export const zNewScenario = z
  .object({
    unitId: zId,
    planId: zId.optional(),
    name: zName,
    description: zDescription.optional(),
    transforms: z.array(zTransform).max(50, 'kan ha høyst 50 endringer').optional(),
    start: zDate.optional(),
    months: zMonths.optional(),
  })
  .refine((s) => s.planId !== undefined || (s.start !== undefined && s.months !== undefined), {
    message: 'oppgi enten en turnusplan (planId) eller en periode (start og months)',
    path: ['planId'],
  });

export const zAcceptedOffer = z.object({ employee: zEmployeeId, date: zDate, shift: zCode });

const zScenarioIds = z
  .array(zId)
  .min(2, 'velg minst 2 scenarioer')
  .max(4, 'velg høyst 4 scenarioer')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'samme scenario er valgt to ganger' });

export const zRaiseRequest = z.object({ employee: zEmployeeId, level: zFraction });

export const SCENARIO_ARGS: Signatures<ScenarioApi> = {
  listScenarios: sig(['unitId', zId]),
  createScenario: sig(['input', zNewScenario]),
  getScenario: sig(['scenarioId', zId]),
  renameScenario: sig(['scenarioId', zId], ['name', zName], ['description', optional(zDescription)]),
  copyScenario: sig(['scenarioId', zId], ['name', optional(zName)]),
  deleteScenario: sig(['scenarioId', zId]),
  compareScenarios: sig(['scenarioIds', zScenarioIds], ['profile', optional(z.string().max(60))]),
  runStillingsokning: sig(['scenarioId', zId], ['priority', optional(zPriority)]),
  acceptOffers: sig(['scenarioId', zId], ['offers', z.array(zAcceptedOffer).min(1, 'velg minst ett tilbud').max(5000)]),
  makeScenarioCurrent: sig(['scenarioId', zId]),
  scenarioOfPlan: sig(['planId', zId]),
  raiseScenarioPositions: sig(
    ['scenarioId', zId],
    ['raises', z.array(zRaiseRequest).min(1, 'velg minst én stilling å øke').max(500)],
    ['priority', optional(zPriority)],
  ),
  saveScenarioWeekendSetup: sig(['scenarioId', zId], ['setup', zWeekendSetup]),
  saveScenarioEmployee: sig(['scenarioId', zId], ['employeeId', zEmployeeId.nullable()], ['employee', zNewEmployee]),
  removeScenarioEmployee: sig(['scenarioId', zId], ['employeeId', zEmployeeId]),
  saveScenarioShiftType: sig(['scenarioId', zId], ['shiftType', zShiftType]),
  exportScenarioComparison: sig(
    ['scenarioIds', zScenarioIds],
    ['format', z.enum(['pdf', 'xlsx', 'html'], { error: 'må være pdf, xlsx eller html' })],
  ),
};

/**
 * Argument schemas (zod) for the CORE API methods. The dispatcher validates every call against
 * the schema of its method before a handler runs, so handlers can trust their argument types
 * and the user gets a Norwegian message that names the argument and field.
 *
 * Each API section exports a `Signatures<SectionApi>` object like CORE_ARGS; the backend's
 * section registry (electron/backend/registry.ts) combines them, and a unit test fails
 * when a method in API_METHODS has no schema.
 *
 * Every limit comes from shared/plan/limits.ts, which the plan file's schema uses too.
 *
 * Pure: zod and the domain only (shared/ must not import Node or DOM).
 */
import { z } from 'zod';
import { isIsoDate, isoWeekday, isTime, toDay } from '../calendar';
import {
  CODE_PATTERN,
  CODE_RULE,
  COLOR_PATTERN,
  COLOR_RULE,
  EMPLOYEE_NUMBER_PATTERN,
  EMPLOYEE_NUMBER_RULE,
  jsonBoundsProblem,
  LIMITS,
  SAME_START_END_RULE,
  stripControls,
} from '../plan/limits';
import { AGREEMENT_KEYS } from '../plan/model';
import type { CoreApi } from './core';

/** The schema of one method: parameter names (for messages) and a tuple schema. */
export interface Signature<P extends readonly unknown[] = unknown[]> {
  readonly names: readonly string[];
  readonly schema: z.ZodType<P, unknown>;
}

type ParamsOf<F> = F extends (...args: infer P) => unknown ? P : never;

/** One Signature per method of an API section. */
export type Signatures<Api> = { readonly [K in keyof Api]-?: Signature<ParamsOf<Api[K]>> };

type Param = readonly [string, z.ZodType];
type OutputsOf<T extends readonly Param[]> = { -readonly [I in keyof T]: z.output<T[I][1]> };

/** Builds a Signature from named parameters: `sig(['unitId', id], ['name', text])`. */
export function sig<const T extends readonly Param[]>(...params: T): Signature<OutputsOf<T>> {
  const items = params.map((p) => p[1]) as unknown as [z.ZodType, ...z.ZodType[]];
  return {
    names: params.map((p) => p[0]),
    schema: z.tuple(items) as unknown as z.ZodType<OutputsOf<T>, unknown>,
  };
}

/**
 * An optional trailing parameter. JSON turns `undefined` in an argument array into `null`, so
 * null is accepted and handed to the handler as undefined.
 */
export function optional<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((v): z.output<S> | undefined => (v === null ? undefined : v));
}

// ---------------------------------------------------------------------------------------------
// Building blocks (exported so other sections reuse them instead of writing their own).

export const zId = z
  .number({ error: 'må være et heltall (id)' })
  .int('må være et heltall (id)')
  .positive('må være et positivt heltall (id)');
export const zDate = z
  .string({ error: 'må være en dato (åååå-mm-dd)' })
  .refine(isIsoDate, { message: 'må være en gyldig dato på formen åååå-mm-dd' });
export const zTime = z
  .string({ error: 'må være et klokkeslett (tt:mm)' })
  .refine(isTime, { message: 'må være et klokkeslett på formen tt:mm' });
export const zName = z
  .string({ error: 'må være tekst' })
  .overwrite(stripControls)
  .trim()
  .min(1, 'kan ikke være tom')
  .max(LIMITS.nameMax, `kan ha høyst ${LIMITS.nameMax} tegn`);

/**
 * Limits for free-form JSON arguments (e.g. a unit's `costs`): nesting depth and size, checked
 * without recursion, so a deeply nested value is a clear message, not a stack overflow.
 */
export function boundedJson<S extends z.ZodType>(
  schema: S,
  maxDepth: number = LIMITS.jsonDepthMax,
  maxChars: number = LIMITS.jsonCharsMax,
) {
  return schema.superRefine((value, ctx) => {
    const problem = jsonBoundsProblem(value, maxDepth, maxChars);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
/** Shift and absence codes: 1–8 characters, letters, digits and a few signs, no spaces. */
export const zCode = z.string({ error: 'må være en kode (tekst)' }).trim().regex(CODE_PATTERN, CODE_RULE);
export const zFraction = z.number({ error: 'må være et tall' }).gt(0, 'må være større enn 0 %').lte(1, 'kan ikke være over 100 % (1,0)');
export const zCompetence = z
  .string({ error: 'må være tekst' })
  .overwrite(stripControls)
  .trim()
  .min(1, 'kan ikke være tom')
  .max(LIMITS.competenceMax, `kan ha høyst ${LIMITS.competenceMax} tegn`);
export const zColor = z.string().max(LIMITS.colorMax, `kan ha høyst ${LIMITS.colorMax} tegn`).regex(COLOR_PATTERN, COLOR_RULE);

export const zShiftType = z
  .object({
    code: zCode,
    start: zTime,
    end: zTime,
    unpaidBreakMinutes: z
      .number()
      .int('må være hele minutter')
      .min(0, 'kan ikke være negativ')
      .max(LIMITS.unpaidBreakMinutesMax, `kan være høyst ${LIMITS.unpaidBreakMinutesMax} minutter`)
      .optional(),
    long: z.boolean().optional(),
    name: z.string().trim().max(LIMITS.labelMax, `kan ha høyst ${LIMITS.labelMax} tegn`).optional(),
    color: zColor.optional(),
    countsToward: z.array(zCode).max(LIMITS.countsTowardMax).optional(),
  })
  .refine((s) => s.start !== s.end, {
    message: SAME_START_END_RULE,
    path: ['end'],
  });

export const zAbsenceCode = z.object({
  code: zCode,
  kind: z.enum(['vacation', 'training', 'meeting', 'leave'], { error: 'må være vacation, training, meeting eller leave' }),
  creditedHours: z
    .number()
    .min(0, 'kan ikke være negativ')
    .max(LIMITS.creditedHoursMax, `kan være høyst ${LIMITS.creditedHoursMax} timer`)
    .optional(),
  name: z.string().trim().max(LIMITS.labelMax, `kan ha høyst ${LIMITS.labelMax} tegn`).optional(),
});

const [dailyMin, dailyMax] = LIMITS.dailyRestMinHours;
const [weeklyMin, weeklyMax] = LIMITS.weeklyRestMinHours;
export const zAgreements = z.object({
  dailyRestMinHours: z
    .number()
    .min(dailyMin, `må være minst ${dailyMin} timer (aml § 10-8 (3))`)
    .max(dailyMax, `kan være høyst ${dailyMax} timer`),
  weeklyRestMinHours: z
    .number()
    .min(weeklyMin, `må være minst ${weeklyMin} timer (aml § 10-8 (3))`)
    .max(weeklyMax, `kan være høyst ${weeklyMax} timer`),
  maxShiftHours: z.number().gt(0, 'må være større enn 0').max(LIMITS.maxShiftHoursMax, `kan være høyst ${LIMITS.maxShiftHoursMax} timer`),
  maxWeekHours: z.number().gt(0, 'må være større enn 0').max(LIMITS.maxWeekHoursMax, `kan være høyst ${LIMITS.maxWeekHoursMax} timer`),
  sundayAveragingWeeks: z
    .number()
    .int('må være et helt antall uker')
    .min(LIMITS.sundayAveragingWeeks[0])
    .max(LIMITS.sundayAveragingWeeks[1], `kan være høyst ${LIMITS.sundayAveragingWeeks[1]} uker`),
});

export const zWeekendFrequency = z
  .number()
  .int('må være et heltall')
  .min(1, 'må være minst 1')
  .max(LIMITS.weekendFrequencyMax, `kan være høyst ${LIMITS.weekendFrequencyMax}`)
  .nullable();
/** The Saturday on which weekend group 0 works. */
export const zWeekendAnchor = zDate.refine((d) => !isIsoDate(d) || isoWeekday(toDay(d)) === 5, {
  message: 'Ankerdatoen må være en lørdag',
});

/** The full unit settings as stored (validated on every read). */
export const zUnitSettings = z.object({
  heltidThreshold: zFraction,
  weekendFrequency: zWeekendFrequency,
  weekendAnchor: zWeekendAnchor.optional(),
  holidayReduction: z.enum(['MONSAT_T_OVER_6', 'MONFRI_T_OVER_5', 'NONE'], {
    error: 'må være MONSAT_T_OVER_6, MONFRI_T_OVER_5 eller NONE',
  }),
  agreements: zAgreements,
  maxConsecutiveDays: z
    .number()
    .int('må være et heltall')
    .min(1, 'må være minst 1')
    .max(LIMITS.maxConsecutiveDaysMax, `kan være høyst ${LIMITS.maxConsecutiveDaysMax}`),
  costs: boundedJson(z.record(z.string().max(LIMITS.costKeyMax, `kan ha høyst ${LIMITS.costKeyMax} tegn`), z.unknown())),
  absenceCodes: z.array(zAbsenceCode).max(LIMITS.absenceCodesMax),
  agreementRecords: z
    .array(
      z.object({
        key: z.enum(AGREEMENT_KEYS, {
          error: 'må være en av avtalegrensene',
        }),
        signedDate: zDate,
        parties: z
          .string({ error: 'må være tekst' })
          .trim()
          .min(1, 'skriv hvem som inngikk avtalen')
          .max(LIMITS.partiesMax, `kan ha høyst ${LIMITS.partiesMax} tegn`),
        validUntil: zDate.optional(),
      }),
    )
    .max(LIMITS.agreementRecordsMax)
    .optional(),
  splitShiftMaxBreakHours: z
    .number({ error: 'må være et tall' })
    .min(LIMITS.splitShiftMaxBreakHours[0], 'kan ikke være negativ')
    .max(LIMITS.splitShiftMaxBreakHours[1], `kan være høyst ${LIMITS.splitShiftMaxBreakHours[1]} timer`)
    .optional(),
  averagingWeeks: z
    .number({ error: 'må være et tall' })
    .int('må være et helt antall uker')
    .min(LIMITS.averagingWeeks[0], `må være minst ${LIMITS.averagingWeeks[0]} uke`)
    .max(LIMITS.averagingWeeks[1], `kan være høyst ${LIMITS.averagingWeeks[1]} uker`)
    .optional(),
  maxOffPerCompetence: z
    .record(
      zCompetence,
      z
        .number({ error: 'må være et tall' })
        .int('må være et heltall')
        .min(0, 'kan ikke være negativ')
        .max(LIMITS.maxOffPerCompetenceMax, `kan være høyst ${LIMITS.maxOffPerCompetenceMax}`),
    )
    .optional(),
});

/** A settings patch: every top-level field optional (agreements, when given, is complete). */
export const zUnitSettingsPatch = zUnitSettings.partial();

/** Ansattnr in the HR/payroll system: letters, digits and . - / _, at most 30; empty = none. */
export const zEmployeeNumber = z
  .string({ error: 'må være tekst' })
  .trim()
  .max(LIMITS.employeeNumberMax, `kan ha høyst ${LIMITS.employeeNumberMax} tegn`)
  .regex(EMPLOYEE_NUMBER_PATTERN, EMPLOYEE_NUMBER_RULE);

export const zNewEmployee = z.object({
  employeeNumber: zEmployeeNumber.optional(),
  name: zName,
  competence: zCompetence,
  position: zFraction,
  wantedPosition: zFraction.optional(),
  weeklyHours: z
    .number()
    .gt(0, 'må være større enn 0')
    .max(LIMITS.weeklyHoursMax, `kan være høyst ${LIMITS.weeklyHoursMax} timer`)
    .optional(),
  consentsLongShifts: z.boolean().optional(),
  longShiftConsentDate: zDate.optional(),
  nightExempt: z.boolean().optional(),
  age60plus: z.boolean().optional(),
  wantsHovedferie: z.boolean().optional(),
  weekendGroup: z.number().int('må være et heltall').min(0).max(LIMITS.weekendGroupMax).optional(),
});

export const zEmployeePatch = zNewEmployee.partial();

export const zWeekendSetup = z.object({
  weekendFrequency: zWeekendFrequency,
  weekendAnchor: zWeekendAnchor.optional(),
  groups: z
    .array(
      z.object({
        employeeId: z.string({ error: 'må være en ansatt-id (tekst)' }).regex(/^[1-9][0-9]*$/, 'må være en ansatt-id'),
        weekendGroup: z.number().int('må være et heltall').min(0).max(LIMITS.weekendGroupMax).nullable(),
      }),
      { error: 'må være en liste med ansatte og helgegrupper' },
    )
    .max(LIMITS.employeesPerCallMax, `kan ha høyst ${LIMITS.employeesPerCallMax} ansatte`),
});

export const zDemandRow = z
  .object({
    dayType: z.enum(['weekday', 'saturday', 'sunday', 'holiday'], { error: 'må være weekday, saturday, sunday eller holiday' }).optional(),
    date: zDate.optional(),
    shift: zCode,
    competence: z.union([z.literal('any'), zCompetence]),
    count: z
      .number()
      .int('må være et helt antall')
      .min(0, 'kan ikke være negativ')
      .max(LIMITS.demandCountMax, `kan være høyst ${LIMITS.demandCountMax}`),
  })
  .refine((r) => (r.dayType === undefined) !== (r.date === undefined), {
    message: 'må ha enten dagtype (dayType) eller dato (date), ikke begge',
  });

export const zCellChange = z.object({
  employeeId: z.string({ error: 'må være en ansatt-id (tekst)' }).regex(/^[1-9][0-9]*$/, 'må være en ansatt-id'),
  date: zDate,
  code: z.union([zCode, z.null()]),
  pinned: z.boolean().optional(),
});

export const zMonths = z.union([z.literal(3), z.literal(6), z.literal(12)], { error: 'må være 3, 6 eller 12 måneder' });

// ---------------------------------------------------------------------------------------------

export const CORE_ARGS: Signatures<CoreApi> = {
  appInfo: sig(),
  listUnits: sig(),
  createUnit: sig(['name', zName]),
  getUnit: sig(['unitId', zId]),
  renameUnit: sig(['unitId', zId], ['name', zName]),
  updateUnitSettings: sig(['unitId', zId], ['settings', zUnitSettingsPatch]),
  deleteUnit: sig(['unitId', zId]),
  saveShiftType: sig(['unitId', zId], ['shiftType', zShiftType], ['previousCode', optional(zCode)]),
  deleteShiftType: sig(['unitId', zId], ['code', zCode]),
  addEmployee: sig(['unitId', zId], ['employee', zNewEmployee]),
  updateEmployee: sig(['employeeId', zId], ['patch', zEmployeePatch]),
  deleteEmployee: sig(['employeeId', zId]),
  saveWeekendSetup: sig(['unitId', zId], ['setup', zWeekendSetup]),
  setDemand: sig(['unitId', zId], ['rows', z.array(zDemandRow).max(LIMITS.demandRowsMax, `kan ha høyst ${LIMITS.demandRowsMax} rader`)]),
  listPlans: sig(['unitId', zId]),
  createPlan: sig(['unitId', zId], ['name', zName], ['start', zDate], ['months', zMonths]),
  getPlan: sig(['planId', zId]),
  renamePlan: sig(['planId', zId], ['name', zName]),
  deletePlan: sig(['planId', zId]),
  setCells: sig(['planId', zId], ['changes', z.array(zCellChange).max(100_000, 'kan ha høyst 100 000 endringer')]),
  listBackups: sig(),
  createBackup: sig(),
  restoreBackup: sig([
    'name',
    z
      .string({ error: 'må være navnet på en sikkerhetskopi' })
      .min(1, 'kan ikke være tom')
      .max(255)
      .regex(/^[^/\\]+$/, 'må være et filnavn fra listen, ikke en sti'),
  ]),
  checkBackups: sig(),
};

/**
 * The zod 4 schema of plan file v1 (docs/plan-format.md). Objects are
 * loose: unknown fields are kept on round trip. Every message is Norwegian and says what the
 * field must be; the path is added by `parsePlanFile`.
 *
 * Exported: `planFileSchema`, `PLAN_FILE_LIMITS`.
 */

import { z } from 'zod';
import { isIsoDate } from '../calendar';

/** A custom error that says «mangler» for a missing field and `text` otherwise. */
function msg(text: string) {
  return { error: (iss: { input?: unknown }) => (iss.input === undefined ? 'mangler (påkrevd felt)' : text) };
}

export const PLAN_FILE_LIMITS = {
  /** Longest period accepted (days): three years. */
  maxPeriodDays: 1100,
  maxConsecutiveDays: 31,
} as const;

const text = (what = 'må være en tekst') => z.string(msg(what));
const nonEmpty = (what: string) => z.string(msg(what)).min(1, msg(what));
const date = z
  .string(msg('må være en dato på formen åååå-mm-dd'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('må være en dato på formen åååå-mm-dd'))
  .refine((s) => isIsoDate(s), msg('må være en gyldig dato på formen åååå-mm-dd'));
const time = z
  .string(msg('må være et klokkeslett på formen tt:mm'))
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('må være et klokkeslett på formen tt:mm (00:00–23:59)'));
const bool = z.boolean(msg('må være true eller false'));
const fraction = (what: string) => z.number(msg(what)).gt(0, msg(what)).lte(1, msg(what));
const numberIn = (lo: number, hi: number, what: string) => z.number(msg(what)).min(lo, msg(what)).max(hi, msg(what));
const intIn = (lo: number, hi: number, what: string) => z.number(msg(what)).int(msg(what)).min(lo, msg(what)).max(hi, msg(what));

export const agreementsSchema = z.looseObject(
  {
    dailyRestMinHours: numberIn(
      8,
      24,
      'må være et tall mellom 8 og 24 (under 11 bare med avtale med tillitsvalgte, aml § 10-8 (3))',
    ).optional(),
    weeklyRestMinHours: numberIn(
      28,
      168,
      'må være et tall mellom 28 og 168 (under 35 bare med avtale med tillitsvalgte, aml § 10-8 (3))',
    ).optional(),
    maxShiftHours: z
      .number(msg('må være et tall større enn 0 og høyst 24'))
      .gt(0, msg('må være et tall større enn 0 og høyst 24'))
      .max(24, msg('må være et tall større enn 0 og høyst 24'))
      .optional(),
    maxWeekHours: z
      .number(msg('må være et tall større enn 0 og høyst 168'))
      .gt(0, msg('må være et tall større enn 0 og høyst 168'))
      .max(168, msg('må være et tall større enn 0 og høyst 168'))
      .optional(),
    sundayAveragingWeeks: intIn(0, 26, 'må være et helt tall mellom 0 og 26 (0 = streng veksling)').optional(),
  },
  msg('må være et objekt'),
);

export const agreementRecordSchema = z.looseObject(
  {
    key: z.enum(
      ['dailyRestMinHours', 'weeklyRestMinHours', 'maxShiftHours', 'maxWeekHours', 'sundayAveragingWeeks', 'splitShiftMaxBreakHours'],
      msg(
        'må være en av grensene dailyRestMinHours, weeklyRestMinHours, maxShiftHours, maxWeekHours, sundayAveragingWeeks eller splitShiftMaxBreakHours',
      ),
    ),
    signedDate: date,
    parties: nonEmpty('må være partene i avtalen (tekst, ikke tom)'),
    validUntil: date.optional(),
  },
  msg('må være et objekt med key, signedDate og parties'),
);

export const rulesSchema = z.looseObject(
  {
    holidayReduction: z
      .enum(['MONSAT_T_OVER_6', 'MONFRI_T_OVER_5', 'NONE'], msg('må være «MONSAT_T_OVER_6», «MONFRI_T_OVER_5» eller «NONE»'))
      .optional(),
    agreements: agreementsSchema.optional(),
    maxConsecutiveDays: intIn(
      1,
      PLAN_FILE_LIMITS.maxConsecutiveDays,
      `må være et helt tall mellom 1 og ${PLAN_FILE_LIMITS.maxConsecutiveDays}`,
    ).optional(),
    splitShiftMaxBreakHours: numberIn(
      0,
      8,
      'må være et tall mellom 0 og 8 (lengste pause i en delt vakt, timer; 0 = ingen delte vakter)',
    ).optional(),
    averagingWeeks: intIn(1, 52, 'må være et helt antall uker mellom 1 og 52 (gjennomsnittsberegning etter aml § 10-5)').optional(),
    agreementRecords: z.array(agreementRecordSchema, msg('må være en liste med avtaler')).optional(),
  },
  msg('må være et objekt'),
);

export const unitSchema = z.looseObject(
  {
    name: text('må være avdelingens navn (tekst)'),
    heltidThreshold: fraction('må være et tall mellom 0 og 1').optional(),
    weekendFrequency: intIn(1, 52, 'må være et helt tall mellom 1 og 52 (arbeid hver k-te helg)').optional(),
    weekendAnchor: date.optional(),
  },
  msg('må være et objekt med avdelingens navn'),
);

export const shiftTypeSchema = z.looseObject(
  {
    code: nonEmpty('må være en kode (tekst, ikke tom)'),
    start: time,
    end: time,
    unpaidBreakMinutes: intIn(0, 600, 'må være et helt antall minutter mellom 0 og 600').optional(),
    long: bool.optional(),
    name: text().optional(),
    color: text().optional(),
    countsToward: z.array(text(), msg('må være en liste med vaktkoder')).optional(),
  },
  msg('må være et objekt med code, start og end'),
);

export const absenceCodeSchema = z.looseObject(
  {
    code: nonEmpty('må være en kode (tekst, ikke tom)'),
    kind: z.enum(['vacation', 'training', 'meeting', 'leave'], msg('må være «vacation», «training», «meeting» eller «leave»')),
    creditedHours: numberIn(0, 24, 'må være et tall mellom 0 og 24').optional(),
    name: text().optional(),
  },
  msg('må være et objekt med code og kind'),
);

export const employeeSchema = z.looseObject(
  {
    id: nonEmpty('må være en id (tekst, ikke tom)'),
    employeeNumber: text('må være et ansattnummer (tekst)').optional(),
    name: text('må være den ansattes navn (tekst)'),
    competence: text('må være en kompetanse (tekst, f.eks. «sykepleier»)'),
    position: fraction('må være et tall mellom 0 og 1'),
    wantedPosition: fraction('må være et tall mellom 0 og 1').optional(),
    weeklyHours: z
      .number(msg('må være et tall større enn 0 og høyst 40'))
      .gt(0, msg('må være et tall større enn 0 og høyst 40'))
      .max(40, msg('må være et tall større enn 0 og høyst 40'))
      .optional(),
    weeklyHoursFromPlan: bool.optional(),
    consentsLongShifts: bool.optional(),
    longShiftConsentDate: date.optional(),
    nightExempt: bool.optional(),
    age60plus: bool.optional(),
    wantsHovedferie: bool.optional(),
    weekendGroup: intIn(0, 52, 'må være et helt tall mellom 0 og 52').optional(),
  },
  msg('må være et objekt med id, name, competence og position'),
);

export const demandRowSchema = z.looseObject(
  {
    dayType: z
      .enum(['weekday', 'saturday', 'sunday', 'holiday'], msg('må være «weekday», «saturday», «sunday» eller «holiday»'))
      .optional(),
    date: date.optional(),
    shift: nonEmpty('må være en vaktkode'),
    competence: nonEmpty('må være en kompetanse eller «any»'),
    count: intIn(0, 1000, 'må være et helt tall mellom 0 og 1000'),
  },
  msg('må være et objekt med dayType eller date, shift, competence og count'),
);

export const assignmentSchema = z.looseObject(
  {
    employee: nonEmpty('må være en ansatt-id'),
    date,
    code: nonEmpty('må være en vakt- eller fraværskode'),
    pinned: bool.optional(),
  },
  msg('må være et objekt med employee, date og code'),
);

export const planFileSchema = z
  .looseObject(
    {
      format: z.literal('turnusplan', msg('må være «turnusplan»')),
      version: z.literal(1, msg('må være 1 (denne versjonen av programmet leser planfil versjon 1)')),
      unit: unitSchema,
      period: z.looseObject({ start: date, end: date }, msg('må være et objekt med start og end')),
      rules: rulesSchema.optional(),
      shiftTypes: z.array(shiftTypeSchema, msg('må være en liste med vakttyper')),
      absenceCodes: z.array(absenceCodeSchema, msg('må være en liste med fraværskoder')).optional(),
      employees: z.array(employeeSchema, msg('må være en liste med ansatte')),
      demand: z.array(demandRowSchema, msg('må være en liste (bemanningsplan)')),
      assignments: z.array(assignmentSchema, msg('må være en liste med vakter')),
      costs: z.record(z.string(), z.unknown(), msg('må være et objekt')).optional(),
    },
    msg('må være et JSON-objekt'),
  )
  .meta({
    title: 'Turnusplan v1',
    description:
      'Plan file format v1 (.turnus.json) for the Turnus planner: unit, period, rules, shift types, absence codes, employees, demand and assignments.',
  });

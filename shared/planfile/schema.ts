/**
 * The zod 4 schema of plan file v1 (docs/plan-format.md). Objects are
 * loose: unknown fields are kept on round trip. Every message is Norwegian and says what the
 * field must be; the path is added by `parsePlanFile`. The limits are the API's
 * (shared/plan/limits.ts): a file this schema accepts is one the app can import.
 *
 * Exported: `planFileSchema`, `PLAN_FILE_LIMITS`.
 */

import { z } from 'zod';
import { isIsoDate, isoWeekday, toDay } from '../calendar';
import {
  CODE_PATTERN,
  CODE_RULE,
  COLOR_PATTERN,
  COLOR_RULE,
  cleanName,
  EMPLOYEE_NUMBER_PATTERN,
  EMPLOYEE_NUMBER_RULE,
  jsonBoundsProblem,
  LIMITS,
  SAME_START_END_RULE,
  wantedBelowPosition,
} from '../plan/limits';
import { AGREEMENT_KEYS } from '../plan/model';

/** A custom error that says «mangler» for a missing field and `text` otherwise. */
function msg(text: string) {
  return { error: (iss: { input?: unknown }) => (iss.input === undefined ? 'mangler (påkrevd felt)' : text) };
}

export const PLAN_FILE_LIMITS = {
  /** Longest period accepted (days): three years. */
  maxPeriodDays: 1100,
  maxConsecutiveDays: LIMITS.maxConsecutiveDaysMax,
} as const;

const text = (what = 'må være en tekst') => z.string(msg(what));
const nonEmpty = (what: string) => z.string(msg(what)).min(1, msg(what));
/** A name: not empty and at most `max` characters once cleaned as the API cleans it (controls removed, trimmed). */
const name = (what: string, max: number = LIMITS.nameMax, clean: (s: string) => string = cleanName) =>
  z
    .string(msg(what))
    .refine((s) => clean(s).length > 0, 'kan ikke være tom')
    .refine((s) => clean(s).length <= max, `kan ha høyst ${max} tegn`);
/** An optional label (names of shift types and absence codes): at most 60 characters trimmed. */
const label = z.string(msg('må være en tekst')).refine((s) => s.trim().length <= LIMITS.labelMax, `kan ha høyst ${LIMITS.labelMax} tegn`);
/** A shift or absence code as the API takes it (no spaces, also none around it). */
const code = (what: string) => z.string(msg(what)).regex(CODE_PATTERN, CODE_RULE);
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
/** A number above 0 and at most `max`. */
const positiveUpTo = (max: number) => {
  const what = `må være et tall større enn 0 og høyst ${max}`;
  return z.number(msg(what)).gt(0, msg(what)).max(max, msg(what));
};
const intIn = (lo: number, hi: number, what: string) => z.number(msg(what)).int(msg(what)).min(lo, msg(what)).max(hi, msg(what));
const [dailyMin, dailyMax] = LIMITS.dailyRestMinHours;
const [weeklyMin, weeklyMax] = LIMITS.weeklyRestMinHours;
const [sundayMin, sundayMax] = LIMITS.sundayAveragingWeeks;

export const agreementsSchema = z.looseObject(
  {
    dailyRestMinHours: numberIn(
      dailyMin,
      dailyMax,
      `må være et tall mellom ${dailyMin} og ${dailyMax} (under ${dailyMax} bare med avtale med tillitsvalgte, aml § 10-8 (3))`,
    ).optional(),
    weeklyRestMinHours: numberIn(
      weeklyMin,
      weeklyMax,
      `må være et tall mellom ${weeklyMin} og ${weeklyMax} (under ${weeklyMax} bare med avtale med tillitsvalgte, aml § 10-8 (3))`,
    ).optional(),
    maxShiftHours: positiveUpTo(LIMITS.maxShiftHoursMax).optional(),
    maxWeekHours: positiveUpTo(LIMITS.maxWeekHoursMax).optional(),
    sundayAveragingWeeks: intIn(
      sundayMin,
      sundayMax,
      `må være et helt tall mellom ${sundayMin} og ${sundayMax} (0 = streng veksling)`,
    ).optional(),
  },
  msg('må være et objekt'),
);

export const agreementRecordSchema = z.looseObject(
  {
    key: z.enum(
      AGREEMENT_KEYS,
      msg(
        'må være en av grensene dailyRestMinHours, weeklyRestMinHours, maxShiftHours, maxWeekHours, sundayAveragingWeeks eller splitShiftMaxBreakHours',
      ),
    ),
    signedDate: date,
    parties: nonEmpty('må være partene i avtalen (tekst, ikke tom)')
      .max(LIMITS.partiesMax, `kan ha høyst ${LIMITS.partiesMax} tegn`)
      .refine((p) => p.trim().length > 0, 'kan ikke være tom'),
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
      LIMITS.splitShiftMaxBreakHours[0],
      LIMITS.splitShiftMaxBreakHours[1],
      'må være et tall mellom 0 og 8 (lengste pause i en delt vakt, timer; 0 = ingen delte vakter)',
    ).optional(),
    averagingWeeks: intIn(
      LIMITS.averagingWeeks[0],
      LIMITS.averagingWeeks[1],
      'må være et helt antall uker mellom 1 og 52 (gjennomsnittsberegning etter aml § 10-5)',
    ).optional(),
    agreementRecords: z
      .array(agreementRecordSchema, msg('må være en liste med avtaler'))
      .max(LIMITS.agreementRecordsMax, `kan ha høyst ${LIMITS.agreementRecordsMax} avtaler`)
      .optional(),
  },
  msg('må være et objekt'),
);

export const unitSchema = z.looseObject(
  {
    name: name('må være avdelingens navn (tekst)'),
    heltidThreshold: fraction('må være et tall mellom 0 og 1').optional(),
    weekendFrequency: intIn(
      1,
      LIMITS.weekendFrequencyMax,
      `må være et helt tall mellom 1 og ${LIMITS.weekendFrequencyMax} (arbeid hver k-te helg)`,
    ).optional(),
    weekendAnchor: date.refine((d) => !isIsoDate(d) || isoWeekday(toDay(d)) === 5, 'må være en lørdag').optional(),
  },
  msg('må være et objekt med avdelingens navn'),
);

export const shiftTypeSchema = z
  .looseObject(
    {
      code: code('må være en kode'),
      start: time,
      end: time,
      unpaidBreakMinutes: intIn(
        0,
        LIMITS.unpaidBreakMinutesMax,
        `må være et helt antall minutter mellom 0 og ${LIMITS.unpaidBreakMinutesMax}`,
      ).optional(),
      long: bool.optional(),
      name: label.optional(),
      color: text().max(LIMITS.colorMax, `kan ha høyst ${LIMITS.colorMax} tegn`).regex(COLOR_PATTERN, COLOR_RULE).optional(),
      countsToward: z
        .array(code('må være en vaktkode'), msg('må være en liste med vaktkoder'))
        .max(LIMITS.countsTowardMax, `kan ha høyst ${LIMITS.countsTowardMax} vaktkoder`)
        .optional(),
    },
    msg('må være et objekt med code, start og end'),
  )
  .refine((s) => s.start !== s.end, { message: SAME_START_END_RULE, path: ['end'] });

export const absenceCodeSchema = z.looseObject(
  {
    code: code('må være en kode'),
    kind: z.enum(['vacation', 'training', 'meeting', 'leave'], msg('må være «vacation», «training», «meeting» eller «leave»')),
    creditedHours: numberIn(0, LIMITS.creditedHoursMax, `må være et tall mellom 0 og ${LIMITS.creditedHoursMax}`).optional(),
    name: label.optional(),
  },
  msg('må være et objekt med code og kind'),
);

export const employeeSchema = z
  .looseObject(
    {
      id: nonEmpty('må være en id (tekst, ikke tom)'),
      employeeNumber: text('må være et ansattnummer (tekst)')
        .refine((s) => s.trim().length <= LIMITS.employeeNumberMax, `kan ha høyst ${LIMITS.employeeNumberMax} tegn`)
        .refine((s) => EMPLOYEE_NUMBER_PATTERN.test(s.trim()), EMPLOYEE_NUMBER_RULE)
        .optional(),
      name: name('må være den ansattes navn (tekst)'),
      competence: name('må være en kompetanse (tekst, f.eks. «sykepleier»)', LIMITS.competenceMax),
      position: fraction('må være et tall mellom 0 og 1'),
      wantedPosition: fraction('må være et tall mellom 0 og 1').optional(),
      weeklyHours: positiveUpTo(LIMITS.weeklyHoursMax).optional(),
      weeklyHoursFromPlan: bool.optional(),
      consentsLongShifts: bool.optional(),
      longShiftConsentDate: date.optional(),
      nightExempt: bool.optional(),
      age60plus: bool.optional(),
      wantsHovedferie: bool.optional(),
      weekendGroup: intIn(0, LIMITS.weekendGroupMax, `må være et helt tall mellom 0 og ${LIMITS.weekendGroupMax}`).optional(),
    },
    msg('må være et objekt med id, name, competence og position'),
  )
  .superRefine((e, ctx) => {
    const problem = wantedBelowPosition(e as { position?: number; wantedPosition?: number });
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['wantedPosition'] });
  });

export const demandRowSchema = z.looseObject(
  {
    dayType: z
      .enum(['weekday', 'saturday', 'sunday', 'holiday'], msg('må være «weekday», «saturday», «sunday» eller «holiday»'))
      .optional(),
    date: date.optional(),
    shift: code('må være en vaktkode'),
    competence: name('må være en kompetanse eller «any»', LIMITS.competenceMax),
    count: intIn(0, LIMITS.demandCountMax, `må være et helt tall mellom 0 og ${LIMITS.demandCountMax}`),
  },
  msg('må være et objekt med dayType eller date, shift, competence og count'),
);

export const assignmentSchema = z.looseObject(
  {
    employee: nonEmpty('må være en ansatt-id'),
    date,
    code: code('må være en vakt- eller fraværskode'),
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
      absenceCodes: z
        .array(absenceCodeSchema, msg('må være en liste med fraværskoder'))
        .max(LIMITS.absenceCodesMax - 4, `kan ha høyst ${LIMITS.absenceCodesMax - 4} fraværskoder`)
        .optional(),
      employees: z.array(employeeSchema, msg('må være en liste med ansatte')),
      demand: z
        .array(demandRowSchema, msg('må være en liste (bemanningsplan)'))
        .max(LIMITS.demandRowsMax, `kan ha høyst ${LIMITS.demandRowsMax} rader`),
      assignments: z.array(assignmentSchema, msg('må være en liste med vakter')),
      costs: z
        .record(z.string().max(LIMITS.costKeyMax, `kan ha høyst ${LIMITS.costKeyMax} tegn`), z.unknown(), msg('må være et objekt'))
        .superRefine((v, ctx) => {
          const problem = jsonBoundsProblem(v);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
    },
    msg('må være et JSON-objekt'),
  )
  .meta({
    title: 'Turnusplan v1',
    description:
      'Plan file format v1 (.turnus.json) for the Turnus planner: unit, period, rules, shift types, absence codes, employees, demand and assignments.',
  });

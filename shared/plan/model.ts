/**
 * The domain model of a turnus plan. It is the plan file format v1 (`.turnus.json`,
 * see docs/plan-format.md), so the same object travels between the SQLite backend, the
 * rule engine, the metrics, the solver, the UI and the `turnus` command.
 *
 * JSON-safe only: dates are 'yyyy-MM-dd' strings (Europe/Oslo calendar dates), times of day
 * 'HH:mm', fractions 0–1, hours as decimals.
 */

export const COMPETENCES = ['sykepleier', 'helsefagarbeider', 'assistent'] as const;
export type Competence = (typeof COMPETENCES)[number];

/** Norwegian labels for the UI and for messages. */
export const COMPETENCE_LABEL: Record<Competence, string> = {
  sykepleier: 'Sykepleier',
  helsefagarbeider: 'Helsefagarbeider',
  assistent: 'Assistent',
};

export interface ShiftType {
  code: string;
  /** 'HH:mm' local time. */
  start: string;
  /** 'HH:mm' local time; a shift whose end is not after its start ends the next day. */
  end: string;
  unpaidBreakMinutes?: number;
  /** Langvakt: needs the employee's consent (LONG-SHIFT-CONSENT). */
  long?: boolean;
  name?: string;
  /** CSS colour for the grid. */
  color?: string;
  /** Demand shift codes this shift also counts toward (e.g. L counts toward D). */
  countsToward?: string[];
}

export type AbsenceKind = 'vacation' | 'training' | 'meeting' | 'leave';

export interface AbsenceCode {
  code: string;
  kind: AbsenceKind;
  /** Hours credited to planned hours (courses, meetings). */
  creditedHours?: number;
  name?: string;
}

export interface Employee {
  id: string;
  name: string;
  /**
   * The employee number in the HR and payroll system (ansattnr); optional. Exports use it as the
   * key, so the internal id never leaves the app.
   */
  employeeNumber?: string;
  competence: string;
  /** Contracted stillingsprosent as a fraction, 0 < p ≤ 1. */
  position: number;
  /** Wanted position; > position means ufrivillig deltid. */
  wantedPosition?: number;
  /** Weekly hours at 100 % (37.5 dag, 35.5 turnus, 33.6 helkontinuerlig). Default 35.5. */
  weeklyHours?: number;
  /**
   * «Fra planen»: target hours and the resulting position use the weekly norm derived from the
   * plan (shared/plan/norm.ts) instead of weeklyHours. Optional, default off.
   */
  weeklyHoursFromPlan?: boolean;
  /** Langvakt is voluntary: default false. */
  consentsLongShifts?: boolean;
  longShiftConsentDate?: string;
  /** Exempt from night work, aml § 10-2 (2). */
  nightExempt?: boolean;
  /** 60+ gets one extra vacation week (ferieloven § 5). */
  age60plus?: boolean;
  /** Wants hovedferie (18 virkedager in 1 June–30 Sept), ferieloven § 7. */
  wantsHovedferie?: boolean;
  /** Weekend rotation group (0-based) for every k-th weekend rhythm. */
  weekendGroup?: number;
}

export type DayType = 'weekday' | 'saturday' | 'sunday' | 'holiday';

export interface DemandRow {
  /** Either dayType or date. A date row replaces all other rows for that date. */
  dayType?: DayType;
  date?: string;
  shift: string;
  /** A competence, or 'any'. */
  competence: string;
  count: number;
}

export interface Assignment {
  employee: string;
  date: string;
  code: string;
  /** Pinned cells are never changed by the generator. */
  pinned?: boolean;
}

export type HolidayReduction = 'MONSAT_T_OVER_6' | 'MONFRI_T_OVER_5' | 'NONE';

export interface Agreements {
  /** 8..11: below 11 only with a tillitsvalgte agreement (aml § 10-8 (3)). */
  dailyRestMinHours: number;
  /** 28..35 (aml § 10-8 (3)). */
  weeklyRestMinHours: number;
  /** Longest shift the unit's agreement allows (aml § 10-5). */
  maxShiftHours: number;
  /** Single calendar week ceiling under averaging (aml § 10-5 (2)). */
  maxWeekHours: number;
  /** 0 = strict alternation of søn-/helgedager; 26 = averaging agreement (aml § 10-8 (4)). */
  sundayAveragingWeeks: number;
}

/** A limit an agreement can relax: a key of Agreements, or delt vakt (splitShiftMaxBreakHours). */
export type AgreementKey = keyof Agreements | 'splitShiftMaxBreakHours';

/** Every AgreementKey, in the order the plan file and the forms list them. */
export const AGREEMENT_KEYS = [
  'dailyRestMinHours',
  'weeklyRestMinHours',
  'maxShiftHours',
  'maxWeekHours',
  'sundayAveragingWeeks',
  'splitShiftMaxBreakHours',
] as const satisfies readonly AgreementKey[];

/**
 * A local agreement behind a relaxed limit: who agreed and when (evidence for every relaxed
 * limit, aml §§ 10-5, 10-8 (3), (4)). Stored in the unit settings and carried in the plan file as
 * `rules.agreementRecords` (optional).
 */
export interface AgreementRecord {
  /** The limit it covers, e.g. 'dailyRestMinHours'. */
  key: AgreementKey;
  /** 'yyyy-MM-dd' the agreement was signed. */
  signedDate: string;
  /** The parties, e.g. 'Fagforbundet og NSF ved hovedtillitsvalgte'. */
  parties: string;
  /** Optional last day the agreement applies. */
  validUntil?: string;
}

export interface PlanRules {
  holidayReduction?: HolidayReduction;
  agreements?: Partial<Agreements>;
  /** Max consecutive working days (configurable; default 6). */
  maxConsecutiveDays?: number;
  /** Longest break (h) between the two parts of a split shift (delt vakt); default 0 = none. */
  splitShiftMaxBreakHours?: number;
  /** Averaging period (weeks, 1–52) of the unit's averaging agreement (aml § 10-5); default: the plan. */
  averagingWeeks?: number;
  /** The agreements on file behind relaxed limits (optional; see AGREEMENT-ON-FILE). */
  agreementRecords?: AgreementRecord[];
  [extra: string]: unknown;
}

export interface PlanUnit {
  name: string;
  heltidThreshold?: number;
  weekendFrequency?: number;
  /** A Saturday on which weekend group 0 works (default: the period's first whole weekend). */
  weekendAnchor?: string;
  [extra: string]: unknown;
}

/**
 * A timed activity (meeting, course) on one date, an optional plan-file extension: unlike an
 * absence code it has a time window and does not take the whole day. Credited hours = its own
 * duration, less the part a work shift of the person covers (shared/plan/activities.ts).
 */
export interface PlanActivity {
  id?: string;
  /** Usually an absence code of kind 'meeting' or 'training' (MØTE, KURS); shown as label. */
  code: string;
  /** 'yyyy-MM-dd', the date the activity starts. */
  date: string;
  /** 'HH:mm' local time. */
  start: string;
  /** 'HH:mm' local time; an end not after the start is the next day. */
  end: string;
  /** Employee ids, or 'all' for every employee of the plan. */
  employees: string[] | 'all';
}

export interface TurnusPlan {
  format: 'turnusplan';
  version: 1;
  unit: PlanUnit;
  period: { start: string; end: string };
  rules?: PlanRules;
  shiftTypes: ShiftType[];
  absenceCodes?: AbsenceCode[];
  employees: Employee[];
  demand: DemandRow[];
  assignments: Assignment[];
  costs?: Record<string, unknown>;
  /** Optional: timed meetings and courses (see PlanActivity). Absent = none. */
  activities?: PlanActivity[];
  [extra: string]: unknown;
}

export const DEFAULT_AGREEMENTS: Agreements = {
  dailyRestMinHours: 11,
  weeklyRestMinHours: 35,
  maxShiftHours: 12.5,
  maxWeekHours: 54,
  sundayAveragingWeeks: 0,
};

export const DEFAULT_WEEKLY_HOURS = 35.5;
export const DEFAULT_HELTID_THRESHOLD = 0.8;

/** The four absence codes that are always known (plan-format v1). */
export const DEFAULT_ABSENCE_CODES: AbsenceCode[] = [
  { code: 'FE', kind: 'vacation', name: 'Ferie' },
  { code: 'KURS', kind: 'training', creditedHours: 7.5, name: 'Kurs' },
  { code: 'MØTE', kind: 'meeting', creditedHours: 3, name: 'Møte' },
  { code: 'PERM', kind: 'leave', name: 'Permisjon' },
];

/** The unit's default shift types (issue 2): D, A, N, L. */
export const DEFAULT_SHIFT_TYPES: ShiftType[] = [
  { code: 'D', start: '07:30', end: '15:00', name: 'Dagvakt', color: '#cfe8ff' },
  { code: 'A', start: '15:00', end: '22:30', name: 'Aftenvakt', color: '#ffe3b8' },
  { code: 'N', start: '22:15', end: '07:45', name: 'Nattvakt', color: '#d9d2f5' },
  { code: 'L', start: '08:00', end: '20:30', name: 'Langvakt', long: true, color: '#c9f0d0', countsToward: ['D'] },
];

export function agreementsOf(plan: Pick<TurnusPlan, 'rules'>): Agreements {
  return { ...DEFAULT_AGREEMENTS, ...(plan.rules?.agreements ?? {}) };
}

/** All absence codes of a plan: the file's own plus the four defaults it does not redefine. */
export function absenceCodesOf(plan: Pick<TurnusPlan, 'absenceCodes'>): AbsenceCode[] {
  const own = plan.absenceCodes ?? [];
  const known = new Set(own.map((a) => a.code));
  return [...own, ...DEFAULT_ABSENCE_CODES.filter((a) => !known.has(a.code))];
}

export function weeklyHoursOf(e: Employee): number {
  return e.weeklyHours ?? DEFAULT_WEEKLY_HOURS;
}

/** A new employee: every field of Employee but the id, which the database gives. */
export type NewEmployee = Omit<Employee, 'id'>;

/** A plan's review status: draft, sent to the tillitsvalgte for drøfting, approved. */
export type PlanStatus = 'utkast' | 'til_drofting' | 'godkjent';

/**
 * The ONE set of limits on the data of a unit and its plans: the API's argument schemas
 * (shared/api/args.ts) and the plan file's schema (shared/planfile/schema.ts) are both built
 * from these, so a plan file that `turnus check` accepts is one the app can store, and the
 * plan import refuses exactly what the API refuses (issue 19, plan-format.md).
 *
 * Pure: no zod here (the two schemas add their own wording around these numbers).
 */

export const LIMITS = {
  /** Names of units, plans and employees (after control characters are removed and trimmed). */
  nameMax: 200,
  competenceMax: 60,
  /** Names of shift types and absence codes. */
  labelMax: 60,
  colorMax: 40,
  employeeNumberMax: 30,
  unpaidBreakMinutesMax: 240,
  countsTowardMax: 8,
  absenceCodesMax: 50,
  creditedHoursMax: 24,
  weeklyHoursMax: 48,
  weekendGroupMax: 12,
  weekendFrequencyMax: 8,
  maxConsecutiveDaysMax: 14,
  /** The generator's «Tillatt over måltimer»: the least hours over the target it allows. */
  overToleranceHoursMax: 200,
  demandCountMax: 200,
  demandRowsMax: 2000,
  /** Employees one call names (weekend groups, wish rounds). */
  employeesPerCallMax: 2000,
  /** The most staff of one competence that may be off at once (per day). */
  maxOffPerCompetenceMax: 500,
  agreementRecordsMax: 20,
  partiesMax: 200,
  /** Free-form JSON (the cost model): nesting depth, size in characters, key length. */
  jsonDepthMax: 8,
  jsonCharsMax: 64 * 1024,
  costKeyMax: 100,
  /** Agreements (aml § 10-8 (3), § 10-5): [min, max] in hours or weeks. */
  dailyRestMinHours: [8, 11],
  weeklyRestMinHours: [28, 35],
  maxShiftHoursMax: 16,
  maxWeekHoursMax: 80,
  sundayAveragingWeeks: [0, 52],
  /** Delt vakt: the longest break (h) between the parts of a split shift; 0 = none. */
  splitShiftMaxBreakHours: [0, 8],
  /** Averaging period (weeks) of an agreement on gjennomsnittsberegning (aml § 10-5). */
  averagingWeeks: [1, 52],
} as const;

/** Shift and absence codes: 1–8 letters, digits or _ + - /, no spaces. */
export const CODE_PATTERN = /^[\p{L}\p{N}_+\-/]{1,8}$/u;
export const CODE_RULE = 'må være 1–8 tegn (bokstaver, tall, _ + - /) uten mellomrom';

/** A CSS colour as the screens accept it. */
export const COLOR_PATTERN = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl)a?\([0-9.,%\s]+\))$/;
export const COLOR_RULE = 'må være en CSS-farge, f.eks. #cfe8ff';

/** Ansattnr in the HR/payroll system: letters, digits and . - / _; empty = none. */
export const EMPLOYEE_NUMBER_PATTERN = /^[0-9A-Za-zÆØÅæøå._/-]*$/;
export const EMPLOYEE_NUMBER_RULE = 'kan bare ha bokstaver, tall, punktum, bindestrek, understrek og skråstrek';

/** Control characters (C0, DEL, C1) never belong in a name: they are removed. */
export function stripControls(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are stripped from names
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** A name as stored: control characters removed, trimmed. */
export function cleanName(s: string): string {
  return stripControls(s).trim();
}

/** Start = end would be a shift of 0 or 24 hours: never what was meant. */
export const SAME_START_END_RULE = 'kan ikke være lik starttiden: en vakt må vare mer enn 0 og under 24 timer';

/** The one rule that needs two fields of an employee: the wanted position is never below the position. */
export function wantedBelowPosition(e: { position?: number; wantedPosition?: number }): string | null {
  if (e.wantedPosition === undefined || e.position === undefined || e.wantedPosition >= e.position) return null;
  return `Ønsket stillingsprosent (${Math.round(e.wantedPosition * 100)} %) kan ikke være lavere enn stillingsprosenten (${Math.round(e.position * 100)} %).`;
}

/**
 * What is wrong with a free-form JSON value (too deep, too big), or null. Walks without
 * recursion, so a value nested 20 000 deep is a message, not a stack overflow.
 */
export function jsonBoundsProblem(
  value: unknown,
  maxDepth: number = LIMITS.jsonDepthMax,
  maxChars: number = LIMITS.jsonCharsMax,
): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return `er nøstet for dypt (høyst ${maxDepth} nivåer)`;
    for (const child of Object.values(v as object)) {
      if (++nodes > maxChars) break;
      stack.push([child, depth + 1]);
    }
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined || text.length > maxChars) return `er for stor (høyst ${Math.round(maxChars / 1024)} kB)`;
  return null;
}

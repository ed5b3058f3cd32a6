/**
 * Plan file v1 reader and writer (plan-format.md).
 *
 * Exported functions:
 * - `parsePlanFile(text: string): ParseResult` — never throws. `{ ok: true, plan, warnings }` or
 *   `{ ok: false, errors: { field, message }[] }` with Norwegian messages naming the field path
 *   (e.g. «employees[2].position: må være et tall mellom 0 og 1»), including the cross-field
 *   checks: period start ≤ end, duplicate ids, ansattnr and codes, unknown employee/code in an
 *   assignment, two assignments for one employee and date, demand for an unknown shift, a
 *   malformed timed activity (`activities[i]`: activities.ts `activityProblems`).
 * - `validatePlan(value: unknown): ParseResult` — the same for an already parsed value.
 * - Warnings (the file is valid, but probably not what the author meant): an assignment dated
 *   outside the period gives «assignments[i].date: … ligger utenfor perioden …». Decision: a
 *   warning, not an error. Such rows are never planned hours, coverage or report figures
 *   (plan-format.md counts only shifts dated inside the period), but the rest rules do see them
 *   at the period's edges, which is how a plan can carry the last shifts of the previous plan;
 *   the app's plan import drops them with its own warning. Rejecting them would make such files
 *   unreadable for no gain.
 * - `serializePlanFile(plan: TurnusPlan): string` — pretty JSON with a final newline; unknown
 *   fields survive a round trip.
 * - `formatPlanErrors(errors): string` — one «field: message» line per error.
 */

import type { TurnusPlan } from '../plan/model';
import { DEFAULT_ABSENCE_CODES } from '../plan/model';
import { toDay } from '../calendar';
import { activityProblems } from '../plan/activities';
import { PLAN_FILE_LIMITS, planFileSchema } from './schema';

export { planFileSchema, PLAN_FILE_LIMITS } from './schema';

export interface PlanFileError {
  /** Field path, e.g. 'employees[2].position'; '(fil)' for the file as a whole. */
  field: string;
  message: string;
}

export type ParseResult =
  | { ok: true; plan: TurnusPlan /** Valid but suspicious content (always set by this reader). */; warnings?: PlanFileError[] }
  | { ok: false; errors: PlanFileError[] };

const ROOT = '(fil)';
const MAX_ERRORS = 50;

export function fieldPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s || ROOT;
}

export function formatPlanErrors(errors: readonly PlanFileError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('\n');
}

function crossChecks(plan: TurnusPlan): PlanFileError[] {
  const errors: PlanFileError[] = [];
  const start = toDay(plan.period.start),
    end = toDay(plan.period.end);
  if (start > end) errors.push({ field: 'period.end', message: `må være samme dag som eller etter period.start (${plan.period.start})` });
  else if (end - start + 1 > PLAN_FILE_LIMITS.maxPeriodDays) {
    errors.push({
      field: 'period.end',
      message: `perioden er ${end - start + 1} dager; høyst ${PLAN_FILE_LIMITS.maxPeriodDays} dager (3 år) støttes`,
    });
  }

  const shiftCodes = new Map<string, number>();
  plan.shiftTypes.forEach((s, i) => {
    const j = shiftCodes.get(s.code);
    if (j !== undefined) errors.push({ field: `shiftTypes[${i}].code`, message: `koden «${s.code}» er allerede brukt i shiftTypes[${j}]` });
    else shiftCodes.set(s.code, i);
  });
  const absenceCodes = new Map<string, number>();
  (plan.absenceCodes ?? []).forEach((a, i) => {
    const j = absenceCodes.get(a.code);
    if (j !== undefined)
      errors.push({ field: `absenceCodes[${i}].code`, message: `koden «${a.code}» er allerede brukt i absenceCodes[${j}]` });
    else if (shiftCodes.has(a.code))
      errors.push({
        field: `absenceCodes[${i}].code`,
        message: `koden «${a.code}» er også en vakttype (shiftTypes[${shiftCodes.get(a.code)}])`,
      });
    else absenceCodes.set(a.code, i);
  });
  for (const d of DEFAULT_ABSENCE_CODES) {
    if (shiftCodes.has(d.code) && !absenceCodes.has(d.code)) {
      errors.push({
        field: `shiftTypes[${shiftCodes.get(d.code)}].code`,
        message: `«${d.code}» er en innebygd fraværskode og kan ikke brukes som vakttype`,
      });
    }
  }
  for (const [i, s] of plan.shiftTypes.entries()) {
    for (const [k, c] of (s.countsToward ?? []).entries()) {
      if (!shiftCodes.has(c)) errors.push({ field: `shiftTypes[${i}].countsToward[${k}]`, message: `ukjent vakttype «${c}»` });
    }
  }

  const employees = new Map<string, number>();
  plan.employees.forEach((e, i) => {
    const j = employees.get(e.id);
    if (j !== undefined) errors.push({ field: `employees[${i}].id`, message: `id-en «${e.id}» er allerede brukt i employees[${j}]` });
    else employees.set(e.id, i);
  });
  const numbers = new Map<string, number>();
  plan.employees.forEach((e, i) => {
    const n = e.employeeNumber?.trim();
    if (!n) return;
    const j = numbers.get(n);
    if (j !== undefined)
      errors.push({ field: `employees[${i}].employeeNumber`, message: `ansattnummeret «${n}» er allerede brukt i employees[${j}]` });
    else numbers.set(n, i);
  });

  plan.demand.forEach((d, i) => {
    if ((d.dayType === undefined) === (d.date === undefined)) {
      errors.push({ field: `demand[${i}]`, message: 'må ha enten dayType eller date (ikke begge)' });
    }
    if (!shiftCodes.has(d.shift)) errors.push({ field: `demand[${i}].shift`, message: `ukjent vakttype «${d.shift}»` });
  });

  const knownAbsence = new Set([...absenceCodes.keys(), ...DEFAULT_ABSENCE_CODES.map((a) => a.code)]);
  const seen = new Map<string, number>();
  plan.assignments.forEach((a, i) => {
    if (!employees.has(a.employee)) errors.push({ field: `assignments[${i}].employee`, message: `ukjent ansatt «${a.employee}»` });
    if (!shiftCodes.has(a.code) && !knownAbsence.has(a.code)) {
      errors.push({ field: `assignments[${i}].code`, message: `ukjent kode «${a.code}» (verken i shiftTypes eller absenceCodes)` });
    }
    const key = `${a.employee}\u0000${a.date}`;
    const j = seen.get(key);
    if (j !== undefined)
      errors.push({
        field: `assignments[${i}]`,
        message: `${a.employee} har allerede en rad for ${a.date} (assignments[${j}]); høyst én rad per ansatt og dato`,
      });
    else seen.set(key, i);
  });

  // Timed meetings and courses (optional): the same checks as the app (activities.ts).
  const acts: unknown = plan.activities;
  if (acts !== undefined) {
    if (!Array.isArray(acts)) errors.push({ field: 'activities', message: 'må være en liste med møter og kurs' });
    else {
      const ids = new Set(employees.keys());
      acts.forEach((a: unknown, i) => {
        for (const m of activityProblems(a, ids))
          errors.push({ field: `activities[${i}]${m.field ? `.${m.field}` : ''}`, message: m.message.replace(/\.$/, '') });
      });
    }
  }
  return errors;
}

/** Assignments dated outside the period (see the module comment). */
function outOfPeriodWarnings(plan: TurnusPlan): PlanFileError[] {
  const out: PlanFileError[] = [];
  const { start, end } = plan.period;
  let more = 0;
  plan.assignments.forEach((a, i) => {
    if (a.date >= start && a.date <= end) return;
    if (out.length >= MAX_ERRORS) {
      more++;
      return;
    }
    out.push({
      field: `assignments[${i}].date`,
      message: `${a.date} ligger utenfor perioden ${start}–${end} (${a.employee}, ${a.code}); raden teller ikke i planlagte timer, dekning eller rapport, men brukes av hvilereglene ved periodens kanter`,
    });
  });
  if (more) out.push({ field: ROOT, message: `og ${more} rader til i assignments ligger utenfor perioden ${start}–${end}` });
  return out;
}

export function validatePlan(value: unknown): ParseResult {
  const r = planFileSchema.safeParse(value);
  if (!r.success) {
    const errors: PlanFileError[] = [];
    const seen = new Set<string>();
    for (const iss of r.error.issues) {
      const e = { field: fieldPath(iss.path), message: iss.message };
      const key = `${e.field}\u0000${e.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(e);
      if (errors.length >= MAX_ERRORS) break;
    }
    return { ok: false, errors };
  }
  const plan = r.data as unknown as TurnusPlan;
  const errors = crossChecks(plan);
  if (errors.length) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, plan, warnings: outOfPeriodWarnings(plan) };
}

export function parsePlanFile(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, errors: [{ field: ROOT, message: 'må være tekst (JSON)' }] };
  let value: unknown;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return {
      ok: false,
      errors: [{ field: ROOT, message: `er ikke gyldig JSON. ${jsonErrorNo(body, e instanceof Error ? e.message : String(e))}` }],
    };
  }
  try {
    return validatePlan(value);
  } catch (e) {
    // Defensive: the schema should never throw, but a reader must not crash on any input.
    return { ok: false, errors: [{ field: ROOT, message: `kunne ikke leses (${e instanceof Error ? e.message : String(e)})` }] };
  }
}

export function serializePlanFile(plan: TurnusPlan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

/** The JSON parser's (English) complaints, in Norwegian. */
const JSON_PROBLEMS: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/Unexpected end of JSON input/, 'filen slutter før innholdet er ferdig (mangler en } eller ]?)'],
  [/Expected double-quoted property name/, 'her skulle det stått et feltnavn i doble anførselstegn (et komma for mye foran?)'],
  [/Expected ',' or '}' after property value/, 'mangler komma eller } etter verdien foran'],
  [/Expected ',' or ']' after array element/, 'mangler komma eller ] etter elementet foran'],
  [/Expected ':' after property name/, 'mangler kolon etter feltnavnet'],
  [/Unterminated string/, 'en tekst mangler avsluttende anførselstegn'],
  [/Bad control character in string literal/, 'ugyldig tegn (f.eks. linjeskift eller tabulator) inne i en tekst'],
  [/Bad (escaped character|Unicode escape)/, 'ugyldig \\-sekvens i en tekst'],
  [/Unexpected non-whitespace character after JSON/, 'noe står etter slutten av innholdet'],
  [
    /Unexpected token '(.)'|Unexpected token (.)/s,
    (m) => {
      const c = m[1] ?? m[2];
      return c.trim() === '' ? 'uventet linjeskift eller mellomrom (mangler en verdi foran?)' : `uventet tegn «${c}»`;
    },
  ],
];

/**
 * «Linje 3, kolonne 14: mangler komma …» from a JSON.parse error message: the position it
 * names (or the end of the text) turned into a line and column, counted from 1.
 */
export function jsonErrorNo(text: string, detail: string): string {
  const at = /at position (\d+)/.exec(detail);
  const lc = /\(line (\d+) column (\d+)\)/.exec(detail);
  let line: number, column: number;
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else {
    const pos = at ? Math.min(Number(at[1]), text.length) : text.length;
    const before = text.slice(0, pos).split(/\r\n|\r|\n/);
    line = before.length;
    column = before[before.length - 1].length + 1;
  }
  let problem = 'innholdet kan ikke leses som JSON';
  for (const [re, say] of JSON_PROBLEMS) {
    const m = detail.match(re);
    if (m) {
      problem = typeof say === 'string' ? say : say(m);
      break;
    }
  }
  return `Linje ${line}, kolonne ${column}: ${problem}.`;
}

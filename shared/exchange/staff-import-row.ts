/**
 * Staff import, rows: parsing of the cells (numbers, percentages, competences, ja/nei, dates)
 * and validation of one data row, with one Norwegian message per problem that names the line
 * and the field. Used by ./staff-import.
 */
import { parseUserDate } from '../calendar';
import type { NewEmployee } from '../plan/model';
import { COMPETENCES, COMPETENCE_LABEL, type Competence } from '../plan/model';
import type { ImportIssue } from './csv-read';
import { STAFF_FIELD_LABEL, normalizeHeader, type ColumnMapping, type StaffField } from './staff-import-columns';

const MAX_NAME_LENGTH = 100;

export interface StaffPreviewRow {
  line: number;
  /** The employee to be created, when the row has no error. */
  employee?: NewEmployee;
  errors: ImportIssue[];
}

/** One import issue: «Linje 4, Stillingsprosent: …» (or «Filen: …»). */
export function staffIssue(line: number, field: StaffField | undefined, text: string): ImportIssue {
  const label = field ? STAFF_FIELD_LABEL[field] : undefined;
  const where = line > 0 ? `Linje ${line}` : 'Filen';
  return { line, field: label, message: label ? `${where}, ${label}: ${text}` : `${where}: ${text}` };
}

const issue = staffIssue;

export function clean(s: unknown): string {
  return String(s ?? '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shows a cell in a message: trimmed, shortened, in «». */
export function quote(s: string): string {
  const t = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return `«${t}»`;
}

/** '75', '75 %', '75,5', '37.5' → number; null when not a plain decimal number. */
export function parseDecimal(s: string): number | null {
  const t = s.replace(/\s/g, '').replace(/%$/, '');
  if (!/^-?\d{1,6}([.,]\d{1,6})?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

const COMPETENCE_ALIASES: Record<string, Competence> = {
  sykepleier: 'sykepleier',
  spl: 'sykepleier',
  sykepleiar: 'sykepleier',
  vernepleier: 'sykepleier',
  helsefagarbeider: 'helsefagarbeider',
  hfa: 'helsefagarbeider',
  helsefagarbeidar: 'helsefagarbeider',
  hjelpepleier: 'helsefagarbeider',
  omsorgsarbeider: 'helsefagarbeider',
  fagarbeider: 'helsefagarbeider',
  assistent: 'assistent',
  ass: 'assistent',
  pleieassistent: 'assistent',
  ufaglaert: 'assistent',
};

/** A competence from a competence or a job title («Spesialsykepleier», «Hjelpepleier natt»). */
export function parseCompetence(s: string): Competence | null {
  const n = normalizeHeader(s);
  const exact = COMPETENCE_ALIASES[n] ?? ((COMPETENCES as readonly string[]).find((c) => c === n) as Competence | undefined);
  if (exact) return exact;
  if (/sykeplei(er|ar)|vernepleie/.test(n)) return 'sykepleier';
  if (/helsefagarbeid|hjelpepleie|omsorgsarbeid/.test(n)) return 'helsefagarbeider';
  if (/assistent|pleiemedarbeider|ufaglaert/.test(n)) return 'assistent';
  return null;
}

const YES = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', '1', 'sann', 'samtykker', 'ok']);
const NO = new Set(['nei', 'n', 'no', 'false', '0', 'usann', '', '-']);

export function parseYesNo(s: string): boolean | null {
  const n = s.trim().toLowerCase();
  if (YES.has(n)) return true;
  if (NO.has(n)) return false;
  return null;
}

function percentField(raw: string, line: number, field: StaffField, errors: ImportIssue[]): number | undefined {
  const n = parseDecimal(raw);
  if (n === null) {
    errors.push(issue(line, field, `${quote(raw)} er ikke et tall (skriv stillingsprosent, f.eks. 75)`));
    return undefined;
  }
  if (!(n >= 1 && n <= 100)) {
    errors.push(issue(line, field, `${quote(raw)} er ikke mellom 1 og 100`));
    return undefined;
  }
  return Math.round(n * 100) / 10000;
}

/** Validates one data row. */
export function validateRow(cells: string[], line: number, mapping: ColumnMapping): StaffPreviewRow {
  const errors: ImportIssue[] = [];
  const get = (f: StaffField) => (mapping[f] === undefined ? undefined : clean(cells[mapping[f]!]));

  const name = get('name') ?? '';
  if (!name) errors.push(issue(line, 'name', 'mangler'));
  else if (name.length > MAX_NAME_LENGTH) errors.push(issue(line, 'name', `er lengre enn ${MAX_NAME_LENGTH} tegn`));

  const compRaw = get('competence') ?? '';
  let competence: Competence | null = null;
  if (!compRaw) errors.push(issue(line, 'competence', 'mangler'));
  else {
    competence = parseCompetence(compRaw);
    if (!competence) {
      const allowed = COMPETENCES.map((c) => COMPETENCE_LABEL[c].toLowerCase()).join(', ');
      errors.push(issue(line, 'competence', `${quote(compRaw)} er ukjent (bruk ${allowed})`));
    }
  }

  const posRaw = get('position') ?? '';
  let position: number | undefined;
  if (posRaw) position = percentField(posRaw, line, 'position', errors);
  else errors.push(issue(line, 'position', 'mangler'));

  const wantedRaw = get('wantedPosition');
  const wantedPosition = wantedRaw ? percentField(wantedRaw, line, 'wantedPosition', errors) : undefined;

  let weeklyHours: number | undefined;
  const whRaw = get('weeklyHours');
  if (whRaw) {
    const n = parseDecimal(whRaw);
    if (n === null) errors.push(issue(line, 'weeklyHours', `${quote(whRaw)} er ikke et tall (skriv timer per uke, f.eks. 35,5)`));
    else if (!(n >= 20 && n <= 48)) errors.push(issue(line, 'weeklyHours', `${quote(whRaw)} er ikke mellom 20 og 48 timer`));
    else weeklyHours = n;
  }

  const flag = (f: 'consentsLongShifts' | 'nightExempt'): boolean | undefined => {
    const raw = get(f);
    if (raw === undefined) return undefined;
    const v = parseYesNo(raw);
    if (v === null) errors.push(issue(line, f, `${quote(raw)} er verken ja eller nei`));
    return v ?? undefined;
  };
  const consentsLongShifts = flag('consentsLongShifts');
  const nightExempt = flag('nightExempt');

  const employeeNumber = get('employeeNumber') || undefined;
  if (employeeNumber && !/^[0-9A-Za-zÆØÅæøå._/-]{1,30}$/.test(employeeNumber)) {
    errors.push(
      issue(
        line,
        'employeeNumber',
        `${quote(employeeNumber)} kan bare ha bokstaver, tall, punktum, bindestrek og skråstrek (høyst 30 tegn)`,
      ),
    );
  }
  let longShiftConsentDate: string | undefined;
  const dateRaw = get('longShiftConsentDate');
  if (dateRaw) {
    const d = parseUserDate(dateRaw, STAFF_FIELD_LABEL.longShiftConsentDate);
    if (d.ok) longShiftConsentDate = d.date;
    else errors.push(issue(line, 'longShiftConsentDate', `${quote(dateRaw)} er ikke en dato (skriv f.eks. 01.09.2026)`));
  }
  let weekendGroup: number | undefined;
  const groupRaw = get('weekendGroup');
  if (groupRaw) {
    const g = parseDecimal(groupRaw);
    if (g === null || !Number.isInteger(g) || g < 1 || g > 12)
      errors.push(issue(line, 'weekendGroup', `${quote(groupRaw)} er ikke et helt tall mellom 1 og 12`));
    else weekendGroup = g - 1;
  }

  if (position !== undefined && wantedPosition !== undefined && wantedPosition < position) {
    errors.push(
      issue(
        line,
        'wantedPosition',
        `${quote(wantedRaw ?? '')} er lavere enn stillingsprosenten (${String(Math.round(position * 1000) / 10).replace('.', ',')} %)`,
      ),
    );
  }

  if (errors.length) return { line, errors };
  const employee: NewEmployee = { name, competence: competence!, position: position! };
  if (employeeNumber) employee.employeeNumber = employeeNumber;
  if (longShiftConsentDate !== undefined) employee.longShiftConsentDate = longShiftConsentDate;
  if (weekendGroup !== undefined) employee.weekendGroup = weekendGroup;
  if (wantedPosition !== undefined) employee.wantedPosition = wantedPosition;
  if (weeklyHours !== undefined) employee.weeklyHours = weeklyHours;
  if (consentsLongShifts !== undefined) employee.consentsLongShifts = consentsLongShifts;
  if (nightExempt !== undefined) employee.nightExempt = nightExempt;
  return { line, employee, errors };
}

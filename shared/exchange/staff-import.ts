/**
 * Staff import from a table (CSV or XLSX): column mapping with Norwegian header detection,
 * and row validation with one Norwegian message per problem that names the line and the field,
 * e.g. «Linje 4, Stillingsprosent: «120» er ikke mellom 1 og 100».
 *
 * Pure: the backend reads the file into a RawTable (XLSX via exceljs, CSV via parseCsvTable
 * here), shows the preview, and writes only a preview without errors, in one transaction.
 */
import { parseUserDate } from '../calendar';
import type { NewEmployee } from '../plan/model';
import { COMPETENCES, COMPETENCE_LABEL, type Competence } from '../plan/model';
import type { ImportIssue, RawTable } from './csv-read';

export { guessDelimiter, parseCsvTable, type ImportIssue, type RawTable } from './csv-read';

export type StaffField =
  | 'employeeNumber' | 'name' | 'competence' | 'position' | 'wantedPosition' | 'weeklyHours'
  | 'longShiftConsentDate' | 'consentsLongShifts' | 'nightExempt' | 'weekendGroup';

/** In detection order: a more specific header («Samtykkedato langvakt») before a broader one («Langvakt»). */
export const STAFF_FIELDS: readonly StaffField[] = [
  'employeeNumber', 'name', 'competence', 'position', 'wantedPosition', 'weeklyHours',
  'longShiftConsentDate', 'consentsLongShifts', 'nightExempt', 'weekendGroup',
];

/** The field names a user sees (and the headers of the import template). */
export const STAFF_FIELD_LABEL: Record<StaffField, string> = {
  employeeNumber: 'Ansattnr',
  name: 'Navn',
  competence: 'Kompetanse',
  position: 'Stillingsprosent',
  wantedPosition: 'Ønsket stilling',
  weeklyHours: 'Ukentlig arbeidstid',
  longShiftConsentDate: 'Samtykkedato langvakt',
  consentsLongShifts: 'Langvakt',
  nightExempt: 'Fritatt nattarbeid',
  weekendGroup: 'Helgegruppe',
};

export const REQUIRED_STAFF_FIELDS: readonly StaffField[] = ['name', 'competence', 'position'];

/** Most rows one import may hold. */
export const MAX_IMPORT_ROWS = 5000;
const MAX_NAME_LENGTH = 100;

/** Header spellings seen in Norwegian staff lists (after normalizeHeader). */
const HEADER_ALIASES: Record<StaffField, string[]> = {
  employeeNumber: ['ansattnr', 'ansattnummer', 'ansattid', 'ansnr', 'personalnummer', 'personalnr', 'lonnsnummer', 'lonnsnr',
    'medarbeidernummer', 'medarbeidernr', 'ressursnummer', 'ressursnr', 'employeenumber', 'employeeid'],
  name: ['navn', 'ansatt', 'ansattnavn', 'fulltnavn', 'medarbeider', 'name'],
  competence: ['kompetanse', 'yrke', 'yrkesgruppe', 'stillingskategori', 'fagkompetanse', 'kompetansegruppe', 'stillingstittel',
    'tittel', 'stillingsbetegnelse', 'stillingskode', 'competence'],
  position: ['stillingsprosent', 'stilling', 'stillingsstorrelse', 'stillingsandel', 'stillingprosent', 'prosent', 'position'],
  wantedPosition: ['onsketstilling', 'onsketstillingsprosent', 'onsketstillingsstorrelse', 'onsket', 'wantedposition'],
  weeklyHours: ['ukentligarbeidstid', 'arbeidstid', 'timerperuke', 'ukentligetimer', 'arbeidstidperuke', 'timeruke', 'weeklyhours'],
  consentsLongShifts: ['langvakt', 'langvakter', 'samtykkelangvakt', 'samtykkerlangvakt', 'langvaktsamtykke', 'consentslongshifts'],
  nightExempt: ['fritattnattarbeid', 'fritattnatt', 'nattfritak', 'ikkenatt', 'nightexempt'],
  longShiftConsentDate: ['samtykkedatolangvakt', 'samtykkedato', 'datosamtykke', 'langvaktsamtykkedato', 'samtykkelangvaktdato',
    'datoforsamtykke', 'longshiftconsentdate'],
  weekendGroup: ['helgegruppe', 'helgegrp', 'helgrupppe', 'weekendgroup'],
};

/** 'Ønsket stilling (%)' → 'onsketstilling'. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Column index per field; a field left out is not imported. */
export type ColumnMapping = Partial<Record<StaffField, number>>;

/** Finds the column of each field from the header row. */
export function detectColumns(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const norm = header.map(normalizeHeader);
  for (const field of STAFF_FIELDS) {
    const aliases = HEADER_ALIASES[field];
    // Exact match first, then a header that starts with an alias (e.g. «Stillingsprosent 2026»).
    let idx = norm.findIndex((h, i) => !taken.has(i) && aliases.includes(h));
    if (idx < 0) idx = norm.findIndex((h, i) => !taken.has(i) && h.length > 0 && aliases.some((a) => a.length >= 5 && h.startsWith(a)));
    if (idx >= 0) {
      mapping[field] = idx;
      taken.add(idx);
    }
  }
  return mapping;
}

export interface StaffPreviewRow {
  line: number;
  /** The employee to be created, when the row has no error. */
  employee?: NewEmployee;
  errors: ImportIssue[];
}

export interface StaffChange {
  field: StaffField;
  /** The column's Norwegian label. */
  label: string;
  before: string;
  after: string;
}

export interface StaffUpdateRow {
  line: number;
  employeeId: string;
  name: string;
  matchedBy: 'employeeNumber' | 'name';
  changes: StaffChange[];
  /** The employee as it will be written. */
  next: NewEmployee;
}

export interface StaffImportPreview {
  /** The file's header and the field each column is read as (null = ignored). */
  columns: { index: number; header: string; field: StaffField | null }[];
  mapping: ColumnMapping;
  rows: StaffPreviewRow[];
  /** File-level and row errors, in line order. */
  errors: ImportIssue[];
  /** Not blocking (e.g. a column that is ignored). */
  warnings: ImportIssue[];
  /** Employees that would be created; only meaningful when `ok`. */
  employees: NewEmployee[];
  /** True when the import may be committed: at least one row and no error. */
  ok: boolean;
  /** Update mode only: matched employees whose fields change, and how many stay as they are. */
  updates?: StaffUpdateRow[];
  unchanged?: number;
}

/** One import issue: «Linje 4, Stillingsprosent: …» (or «Filen: …»). */
export function staffIssue(line: number, field: StaffField | undefined, text: string): ImportIssue {
  const label = field ? STAFF_FIELD_LABEL[field] : undefined;
  const where = line > 0 ? `Linje ${line}` : 'Filen';
  return { line, field: label, message: label ? `${where}, ${label}: ${text}` : `${where}: ${text}` };
}

const issue = staffIssue;

function clean(s: unknown): string {
  return String(s ?? '').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Shows a cell in a message: trimmed, shortened, in «». */
function quote(s: string): string {
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
  sykepleier: 'sykepleier', spl: 'sykepleier', sykepleiar: 'sykepleier', vernepleier: 'sykepleier',
  helsefagarbeider: 'helsefagarbeider', hfa: 'helsefagarbeider', helsefagarbeidar: 'helsefagarbeider',
  hjelpepleier: 'helsefagarbeider', omsorgsarbeider: 'helsefagarbeider', fagarbeider: 'helsefagarbeider',
  assistent: 'assistent', ass: 'assistent', pleieassistent: 'assistent', ufaglaert: 'assistent',
};

/** A competence from a competence or a job title («Spesialsykepleier», «Hjelpepleier natt»). */
export function parseCompetence(s: string): Competence | null {
  const n = normalizeHeader(s);
  const exact = COMPETENCE_ALIASES[n] ?? (COMPETENCES as readonly string[]).find((c) => c === n) as Competence | undefined;
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
function validateRow(cells: string[], line: number, mapping: ColumnMapping): StaffPreviewRow {
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
    errors.push(issue(line, 'employeeNumber', `${quote(employeeNumber)} kan bare ha bokstaver, tall, punktum, bindestrek og skråstrek (høyst 30 tegn)`));
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
    if (g === null || !Number.isInteger(g) || g < 1 || g > 12) errors.push(issue(line, 'weekendGroup', `${quote(groupRaw)} er ikke et helt tall mellom 1 og 12`));
    else weekendGroup = g - 1;
  }

  if (position !== undefined && wantedPosition !== undefined && wantedPosition < position) {
    errors.push(issue(line, 'wantedPosition', `${quote(wantedRaw ?? '')} er lavere enn stillingsprosenten (${String(Math.round(position * 1000) / 10).replace(".", ",")} %)`));
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

function nameKey(name: string): string {
  return clean(name).toLocaleLowerCase('nb');
}

export interface StaffValidateOptions {
  /** Overrides the detected columns (the user's choice in the preview). */
  mapping?: ColumnMapping;
  /** Names already in the unit: importing one again is an error (not in update mode). */
  existingNames?: string[];
  /** 'update': rows are matched to existing employees (./staff-update) instead of refused. */
  mode?: StaffImportMode;
}

/** 'create' adds new employees only; 'update' also updates those matched by ansattnr, else name. */
export type StaffImportMode = 'create' | 'update';

/** Validates a whole table and returns the preview the user confirms. */
export function validateStaffTable(table: RawTable, opts: StaffValidateOptions = {}): StaffImportPreview {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const nonEmpty = table.rows.filter((r) => r.cells.some((c) => clean(c) !== ''));
  const empty: StaffImportPreview = { columns: [], mapping: {}, rows: [], errors, warnings, employees: [], ok: false };
  if (nonEmpty.length === 0) {
    errors.push(issue(0, undefined, 'er tom (fant ingen overskriftslinje)'));
    return empty;
  }
  const [headerRow, ...data] = nonEmpty;
  const header = headerRow.cells.map(clean);
  const mapping = opts.mapping ? sanitizeMapping(opts.mapping, header.length) : detectColumns(header);
  const fieldOf = new Map<number, StaffField>();
  for (const f of STAFF_FIELDS) if (mapping[f] !== undefined) fieldOf.set(mapping[f]!, f);
  const columns = header.map((h, index) => ({ index, header: h, field: fieldOf.get(index) ?? null }));
  for (const c of columns) {
    if (!c.field && c.header) warnings.push(issue(headerRow.line, undefined, `kolonnen ${quote(c.header)} blir ikke importert`));
  }
  for (const f of REQUIRED_STAFF_FIELDS) {
    if (mapping[f] === undefined) {
      errors.push(issue(headerRow.line, f, `fant ingen kolonne (velg kolonnen for ${STAFF_FIELD_LABEL[f]} eller gi den overskriften «${STAFF_FIELD_LABEL[f]}»)`));
    }
  }
  if (errors.length) return { ...empty, columns, mapping };
  if (data.length === 0) {
    errors.push(issue(0, undefined, 'har ingen ansatte under overskriftslinjen'));
    return { ...empty, columns, mapping };
  }
  if (data.length > MAX_IMPORT_ROWS) {
    errors.push(issue(0, undefined, `har ${data.length} rader; høyst ${MAX_IMPORT_ROWS} kan importeres om gangen`));
    return { ...empty, columns, mapping };
  }

  const existing = new Set(opts.mode === 'update' ? [] : (opts.existingNames ?? []).map(nameKey));
  const seen = new Map<string, number>();
  const seenNumbers = new Map<string, number>();
  const rows = data.map((r) => {
    const row = validateRow(r.cells, r.line, mapping);
    // Names are checked on every row, also one with other errors, so a file is fixed in one go.
    const name = clean(r.cells[mapping.name!] ?? '');
    if (name) {
      const key = nameKey(name);
      if (existing.has(key)) {
        row.errors.push(issue(r.line, 'name', `${quote(name)} finnes allerede i enheten`));
      } else if (seen.has(key)) {
        row.errors.push(issue(r.line, 'name', `${quote(name)} står også på linje ${seen.get(key)}`));
      } else seen.set(key, r.line);
      if (row.errors.length) delete row.employee;
    }
    const nr = mapping.employeeNumber === undefined ? '' : clean(r.cells[mapping.employeeNumber] ?? '');
    if (nr) {
      if (seenNumbers.has(nr)) {
        row.errors.push(issue(r.line, 'employeeNumber', `${quote(nr)} står også på linje ${seenNumbers.get(nr)}`));
        delete row.employee;
      } else seenNumbers.set(nr, r.line);
    }
    return row;
  });
  for (const r of rows) errors.push(...r.errors);
  const employees = rows.flatMap((r) => (r.employee ? [r.employee] : []));
  return { columns, mapping, rows, errors, warnings, employees, ok: errors.length === 0 && employees.length > 0 };
}

function sanitizeMapping(m: ColumnMapping, width: number): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of STAFF_FIELDS) {
    const v = m[f];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < width) out[f] = v;
  }
  return out;
}

import { parseCsvTable } from './csv-read';

/** Preview of a CSV staff file: parse errors and row errors together. */
export function previewStaffCsv(text: string, opts: StaffValidateOptions = {}): StaffImportPreview {
  const { table, errors } = parseCsvTable(text);
  const preview = validateStaffTable(table, opts);
  if (errors.length) {
    preview.errors = [...errors, ...preview.errors].sort((a, b) => a.line - b.line);
    preview.ok = false;
  }
  return preview;
}

/**
 * Staff import from a table (CSV or XLSX): column mapping with Norwegian header detection,
 * and row validation with one Norwegian message per problem that names the line and the field,
 * e.g. «Linje 4, Stillingsprosent: «120» er ikke mellom 1 og 100».
 *
 * Pure: the backend reads the file into a RawTable (XLSX via exceljs, CSV via parseCsvTable
 * here), shows the preview, and writes only a preview without errors, in one transaction.
 */
import type { NewEmployee } from '../plan/model';
import { parseCsvTable, type ImportIssue, type RawTable } from './csv-read';
import {
  REQUIRED_STAFF_FIELDS,
  STAFF_FIELDS,
  STAFF_FIELD_LABEL,
  detectColumns,
  sanitizeMapping,
  type ColumnMapping,
  type StaffField,
} from './staff-import-columns';
import { clean, quote, staffIssue, validateRow, type StaffPreviewRow } from './staff-import-row';

export { guessDelimiter, parseCsvTable, type ImportIssue, type RawTable } from './csv-read';
export {
  REQUIRED_STAFF_FIELDS,
  STAFF_FIELDS,
  STAFF_FIELD_LABEL,
  detectColumns,
  normalizeHeader,
  type ColumnMapping,
  type StaffField,
} from './staff-import-columns';
export { parseCompetence, parseDecimal, parseYesNo, staffIssue, type StaffPreviewRow } from './staff-import-row';

/** Most rows one import may hold. */
export const MAX_IMPORT_ROWS = 5000;

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

const issue = staffIssue;

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
      errors.push(
        issue(
          headerRow.line,
          f,
          `fant ingen kolonne (velg kolonnen for ${STAFF_FIELD_LABEL[f]} eller gi den overskriften «${STAFF_FIELD_LABEL[f]}»)`,
        ),
      );
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

/**
 * Update mode of the staff import: each valid row is matched to an employee of the unit by
 * ansattnr, else by name (case-insensitive); a match shows field by field what changes, a row
 * without a match is a new employee. Only the columns in the file are compared and written;
 * an empty ansattnr, consent date or weekend group cell keeps what is stored.
 */
import { formatDateNo } from '../calendar';
import type { Employee, NewEmployee } from '../plan/model';
import {
  STAFF_FIELD_LABEL,
  type ColumnMapping,
  type StaffChange,
  type StaffField,
  type StaffPreviewRow,
  type StaffUpdateRow,
} from './staff-import';

export type { StaffChange, StaffUpdateRow } from './staff-import';

export interface StaffUpdatePlan {
  /** Matched rows with at least one change. */
  updates: StaffUpdateRow[];
  /** Matched rows where nothing changes. */
  unchanged: number;
  /** Rows with no match: new employees. */
  created: NewEmployee[];
}

/** Fields an empty cell never clears. */
const KEEP_WHEN_EMPTY: ReadonlySet<StaffField> = new Set(['employeeNumber', 'longShiftConsentDate', 'weekendGroup']);
const BOOLEAN: ReadonlySet<StaffField> = new Set(['consentsLongShifts', 'nightExempt']);

function shown(field: StaffField, v: unknown): string {
  if (v === undefined || v === null || v === '') return BOOLEAN.has(field) ? 'nei' : '–';
  if (field === 'position' || field === 'wantedPosition') return `${String(Math.round((v as number) * 10000) / 100).replace('.', ',')} %`;
  if (BOOLEAN.has(field)) return v ? 'ja' : 'nei';
  if (field === 'longShiftConsentDate') return formatDateNo(v as string, false);
  if (field === 'weekendGroup') return `gruppe ${(v as number) + 1}`;
  if (typeof v === 'number') return String(v).replace('.', ',');
  return String(v);
}

function same(field: StaffField, a: unknown, b: unknown): boolean {
  if (BOOLEAN.has(field)) return Boolean(a) === Boolean(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return (a ?? undefined) === (b ?? undefined);
}

const nameKey = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');

export function planStaffUpdate(rows: readonly StaffPreviewRow[], mapping: ColumnMapping, existing: readonly Employee[]): StaffUpdatePlan {
  const byNumber = new Map(existing.filter((e) => e.employeeNumber).map((e) => [e.employeeNumber!, e]));
  const byName = new Map(existing.map((e) => [nameKey(e.name), e]));
  const fields = (Object.keys(mapping) as StaffField[]).filter((f) => mapping[f] !== undefined);
  const out: StaffUpdatePlan = { updates: [], unchanged: 0, created: [] };
  const taken = new Set<string>();
  for (const row of rows) {
    const e = row.employee;
    if (!e) continue;
    let match = e.employeeNumber ? byNumber.get(e.employeeNumber) : undefined;
    let matchedBy: StaffUpdateRow['matchedBy'] = 'employeeNumber';
    if (!match) {
      const byN = byName.get(nameKey(e.name));
      // A name match with another ansattnr is another person.
      if (byN && !(e.employeeNumber && byN.employeeNumber && byN.employeeNumber !== e.employeeNumber)) {
        match = byN;
        matchedBy = 'name';
      }
    }
    if (!match || taken.has(match.id)) {
      out.created.push(e);
      continue;
    }
    taken.add(match.id);
    const { id: _id, ...current } = match;
    const next: NewEmployee = { ...current };
    const changes: StaffChange[] = [];
    for (const f of fields) {
      const after = (e as unknown as Record<string, unknown>)[f];
      if ((after === undefined || after === '') && KEEP_WHEN_EMPTY.has(f)) continue;
      const before = (current as unknown as Record<string, unknown>)[f];
      if (same(f, before, after)) continue;
      changes.push({ field: f, label: STAFF_FIELD_LABEL[f], before: shown(f, before), after: shown(f, after) });
      if (after === undefined) delete (next as unknown as Record<string, unknown>)[f];
      else (next as unknown as Record<string, unknown>)[f] = after;
    }
    if (changes.length === 0) out.unchanged++;
    else out.updates.push({ line: row.line, employeeId: match.id, name: match.name, matchedBy, changes, next });
  }
  return out;
}

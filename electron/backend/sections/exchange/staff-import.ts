/**
 * Importing a staff list (CSV in UTF-8 or Windows-1252, or XLSX) into a unit. An XLSX file is
 * read in a worker thread (the job pool); the rows are checked and written on the main thread.
 */
import type Database from 'better-sqlite3';
import type { ColumnMapping, ExchangeApi, ImportFile, StaffImportOptions, StaffImportPreview } from '../../../../shared/api/exchange';
import { parseCsvTable, validateStaffTable, type RawTable } from '../../../../shared/exchange/staff-import';
import { planStaffUpdate } from '../../../../shared/exchange/staff-update';
import type { Employee } from '../../../../shared/plan/model';
import { DomainError, validation } from '../../errors';
import type { JobPool } from '../../jobs/pool';
import { employeeNamesOf, listEmployees, writeEmployee } from '../../store/staff';
import { getUnitRow } from '../../store/units';

/** Checks a table; in update mode matches the rows to the unit's employees and lists the changes. */
function checkTable(
  db: Database.Database,
  unitId: number,
  table: RawTable,
  mapping: ColumnMapping | undefined,
  options?: StaffImportOptions,
): StaffImportPreview {
  const mode = options?.mode ?? 'create';
  const existingNames = [...employeeNamesOf(db, unitId).values()];
  const preview = validateStaffTable(table, { mapping, existingNames, mode });
  if (mode !== 'update') return preview;
  const plan = planStaffUpdate(preview.rows, preview.mapping, listEmployees(db, unitId));
  const hasRows = preview.rows.length > 0;
  return {
    ...preview,
    employees: plan.created,
    updates: plan.updates,
    unchanged: plan.unchanged,
    ok: preview.errors.length === 0 && hasRows,
  };
}

/** Decodes an uploaded staff file into a table and checks it; writes nothing. */
async function staffPreview(
  db: Database.Database,
  jobs: JobPool,
  unitId: number,
  file: ImportFile,
  mapping?: ColumnMapping,
  options?: StaffImportOptions,
): Promise<StaffImportPreview> {
  getUnitRow(db, unitId);
  const data = Buffer.from(file.base64, 'base64');
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const table = await jobs.run('readXlsxTable', { base64: file.base64 });
    return checkTable(db, unitId, table, mapping, options);
  }
  if (lower.endsWith('.xls')) {
    throw validation(
      'file.name',
      `Filen «${file.name}» er i det gamle Excel-formatet (.xls). Lagre den som .xlsx eller .csv og prøv igjen.`,
    );
  }
  if (!/\.(csv|txt|tsv)$/.test(lower)) {
    throw validation('file.name', `Filen «${file.name}» er verken CSV (.csv) eller Excel (.xlsx).`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data); // «CSV (semikolondelt)» from Norwegian Excel
  }
  if (text.includes('\u0000')) throw validation('file', `Filen «${file.name}» ser ikke ut som en tekstfil (CSV).`);
  const { table, errors } = parseCsvTable(text);
  const preview = checkTable(db, unitId, table, mapping, options);
  if (errors.length) {
    preview.errors = [...errors, ...preview.errors].sort((a, b) => a.line - b.line);
    preview.ok = false;
  }
  return preview;
}

export function staffImportHandlers(db: Database.Database, jobs: JobPool): Pick<ExchangeApi, 'previewStaffImport' | 'commitStaffImport'> {
  return {
    async previewStaffImport(unitId, file, mapping, options) {
      return staffPreview(db, jobs, unitId, file, mapping, options);
    },

    async commitStaffImport(unitId, file, mapping, options) {
      const preview = await staffPreview(db, jobs, unitId, file, mapping, options);
      if (!preview.ok) {
        const n = preview.errors.length;
        const first = preview.errors
          .slice(0, 5)
          .map((e) => e.message)
          .join(' ');
        throw new DomainError(
          'VALIDATION',
          n === 0
            ? 'Importen er ikke gjort: filen har ingen ansatte å importere.'
            : `Importen er ikke gjort: ${n} feil må rettes først. ${first}${n > 5 ? ' …' : ''}`,
          'file',
        );
      }
      const { ids, updatedIds } = db.transaction(() => ({
        updatedIds: (preview.updates ?? []).map((u) => writeEmployee(db, Number(u.employeeId), unitId, u.next)),
        ids: preview.employees.map((e) => writeEmployee(db, null, unitId, e)),
      }))();
      const byId = new Map(listEmployees(db, unitId).map((e) => [e.id, e]));
      const pick = (list: number[]) => list.map((id) => byId.get(String(id))).filter((e): e is Employee => e !== undefined);
      return { created: pick(ids), updated: pick(updatedIds) };
    },
  };
}

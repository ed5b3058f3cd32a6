/**
 * Excel (XLSX) with exceljs: the reader that turns the first sheet of a staff list into a
 * RawTable for shared/exchange/staff-import. The plan export is ./xlsx-plan.
 */
import ExcelJS from 'exceljs';
import type { RawTable } from '../../../shared/exchange/staff-import';
import { DomainError } from '../errors';

export { planToXlsx } from './xlsx-plan';

/** A cell's value as the text a user sees (percent-formatted numbers as percent: 0.75 → '75'). */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const pct = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
    const n = pct ? Math.round(v * 100 * 1e6) / 1e6 : v;
    return String(n).replace('.', ',');
  }
  if (typeof v === 'boolean') return v ? 'ja' : 'nei';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      if (typeof r === 'number' && typeof cell.numFmt === 'string' && cell.numFmt.includes('%'))
        return String(Math.round(r * 100 * 1e6) / 1e6).replace('.', ',');
      return r === undefined || r === null || typeof r === 'object' ? '' : String(r);
    }
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

/** Largest staff sheet read (rows × columns), so a hostile file cannot exhaust memory. */
const MAX_ROWS = 20_000;
const MAX_COLS = 200;

/** Reads the first worksheet of an .xlsx into a RawTable (row numbers as in Excel). */
export async function readXlsxTable(data: Buffer): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new DomainError('VALIDATION', `Filen kan ikke leses som en Excel-fil (.xlsx): ${(e as Error).message.split('\n')[0]}`, 'file');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainError('VALIDATION', 'Excel-filen har ingen ark.', 'file');
  if (ws.rowCount > MAX_ROWS)
    throw new DomainError('VALIDATION', `Excel-arket har ${ws.rowCount} rader; høyst ${MAX_ROWS} kan leses.`, 'file');
  const rows: RawTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = Math.min(row.cellCount, MAX_COLS);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ line: rowNumber, cells });
  });
  return { rows };
}

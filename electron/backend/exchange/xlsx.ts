/**
 * Excel (XLSX) with exceljs: the plan export (sheets «Turnus», «Per ansatt», «Dekning» and
 * «Regelsjekk») and the reader that turns the first sheet of a staff list into a RawTable for
 * shared/exchange/staff-import.
 */
import ExcelJS from 'exceljs';
import { fromDay, holidayName, isoWeekday, toDay, WEEKDAY_SHORT } from '../../../shared/calendar';
import type { TurnusPlan } from '../../../shared/plan/model';
import type { RawTable } from '../../../shared/exchange/staff-import';
import type { RuleHit } from '../../../shared/review/diff';
import type { PackEmployeeRow, PackUnitFigures } from '../../../shared/review/pack';
import { DomainError } from '../errors';

export interface XlsxCoverageRow {
  date: string;
  shift: string;
  needed: number;
  planned: number;
  filled: number;
  missing: number;
  hours: number;
}

export interface PlanXlsxInput {
  plan: TurnusPlan;
  planName: string;
  employees: PackEmployeeRow[];
  unit: PackUnitFigures;
  coverage: XlsxCoverageRow[];
  hits: RuleHit[];
}

const WEEKEND_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E4E4' } };
const HOLIDAY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF7C9C9' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };

function argbOf(color: string | undefined): string | null {
  const m = /^#([0-9a-f]{6})$/i.exec(color ?? '');
  return m ? `FF${m[1].toUpperCase()}` : null;
}

/** The plan as an .xlsx file. */
export async function planToXlsx(input: PlanXlsxInput): Promise<Buffer> {
  const { plan } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Turnus';
  wb.title = `${plan.unit.name} – ${input.planName}`;

  // Sheet 1: the grid.
  const ws = wb.addWorksheet('Turnus', { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  const days: number[] = [];
  for (let d = toDay(plan.period.start); d <= toDay(plan.period.end); d++) days.push(d);
  ws.addRow(['Navn', 'Kompetanse', 'Stilling', ...days.map((d) => fromDay(d))]);
  ws.addRow(['', '', '', ...days.map((d) => WEEKDAY_SHORT[isoWeekday(d)])]);
  const colors = new Map(plan.shiftTypes.map((s) => [s.code, argbOf(s.color)]));
  const cells = new Map<string, string>();
  for (const a of plan.assignments) cells.set(`${a.employee}\u0000${a.date}`, a.code);
  for (const e of plan.employees) {
    const row = ws.addRow([e.name, e.competence, e.position, ...days.map((d) => cells.get(`${e.id}\u0000${fromDay(d)}`) ?? '')]);
    row.getCell(3).numFmt = '0%';
    days.forEach((d, i) => {
      const cell = row.getCell(4 + i);
      const argb = colors.get(String(cell.value ?? ''));
      if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      else if (holidayName(d)) cell.fill = HOLIDAY_FILL;
      else if (isoWeekday(d) >= 5) cell.fill = WEEKEND_FILL;
      cell.alignment = { horizontal: 'center' };
    });
  }
  days.forEach((d, i) => {
    const col = ws.getColumn(4 + i);
    col.width = 6;
    for (const r of [1, 2]) {
      const c = ws.getRow(r).getCell(4 + i);
      c.fill = holidayName(d) ? HOLIDAY_FILL : isoWeekday(d) >= 5 ? WEEKEND_FILL : HEADER_FILL;
      c.font = { bold: true };
      c.alignment = { horizontal: 'center', textRotation: r === 1 ? 90 : 0 };
      const h = holidayName(d);
      if (h && r === 1) c.note = h;
    }
  });
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 9;
  for (const c of [1, 2, 3]) ws.getRow(1).getCell(c).font = { bold: true };

  // Sheet 2: per employee.
  const es = wb.addWorksheet('Per ansatt', { views: [{ state: 'frozen', ySplit: 1 }] });
  es.columns = [
    { header: 'Navn', key: 'name', width: 24 },
    { header: 'Kompetanse', key: 'competence', width: 16 },
    { header: 'Stilling', key: 'position', width: 10, style: { numFmt: '0.0%' } },
    { header: 'Ønsket stilling', key: 'wanted', width: 14, style: { numFmt: '0.0%' } },
    { header: 'Planlagte timer', key: 'planned', width: 15, style: { numFmt: '0.00' } },
    { header: 'Måltimer', key: 'target', width: 11, style: { numFmt: '0.00' } },
    { header: 'Differanse', key: 'balance', width: 11, style: { numFmt: '0.00' } },
    { header: 'Stilling etter planen', key: 'resulting', width: 20, style: { numFmt: '0.0%' } },
    { header: 'Helger arbeidet', key: 'weekends', width: 15 },
    { header: 'Helligdager arbeidet', key: 'holidays', width: 19 },
    { header: 'Langvakter', key: 'long', width: 11 },
  ];
  const figures = new Map(input.employees.map((r) => [r.id, r]));
  for (const e of plan.employees) {
    const f = figures.get(e.id);
    es.addRow({
      name: e.name, competence: e.competence, position: e.position, wanted: e.wantedPosition ?? null,
      planned: f?.plannedHours ?? null, target: f?.targetHours ?? null,
      balance: f ? f.plannedHours - f.targetHours : null, resulting: f?.resultingPosition ?? null,
      weekends: f?.weekendsWorked ?? null, holidays: f?.holidaysWorked ?? null, long: f?.longShifts ?? null,
    });
  }
  es.getRow(1).font = { bold: true };
  es.addRow([]);
  const u = input.unit;
  for (const [label, value, fmt] of [
    ['Heltidsandel, avtalt', u.heltidsandel.contracted, '0.0%'],
    ['Heltidsandel, etter planen', u.heltidsandel.resulting, '0.0%'],
    ['Gjennomsnittlig stilling, avtalt', u.averagePosition.contracted, '0.0%'],
    ['Gjennomsnittlig stilling, etter planen', u.averagePosition.resulting, '0.0%'],
    ['Behov (timer)', u.neededHours, '0.00'],
    ['Udekkede vakter', u.uncoveredShifts, '0'],
    ['Udekkede timer (vikarbehov)', u.uncoveredHours, '0.00'],
  ] as const) {
    const row = es.addRow([label, null, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(3).numFmt = fmt;
  }

  // Sheet 3: coverage.
  const cs = wb.addWorksheet('Dekning', { views: [{ state: 'frozen', ySplit: 1 }] });
  cs.columns = [
    { header: 'Dato', key: 'date', width: 12 },
    { header: 'Dag', key: 'weekday', width: 6 },
    { header: 'Vakt', key: 'shift', width: 8 },
    { header: 'Behov', key: 'needed', width: 8 },
    { header: 'Planlagt', key: 'planned', width: 9 },
    { header: 'Dekket', key: 'filled', width: 8 },
    { header: 'Mangler', key: 'missing', width: 9 },
    { header: 'Udekkede timer', key: 'missingHours', width: 15, style: { numFmt: '0.00' } },
  ];
  for (const c of input.coverage) {
    const row = cs.addRow({
      date: c.date, weekday: WEEKDAY_SHORT[isoWeekday(toDay(c.date))], shift: c.shift,
      needed: c.needed, planned: c.planned, filled: c.filled, missing: c.missing, missingHours: c.missing * c.hours,
    });
    if (c.missing > 0) row.getCell('missing').font = { bold: true, color: { argb: 'FFAA0000' } };
  }
  cs.getRow(1).font = { bold: true };

  // Sheet 4: rule report.
  const rs = wb.addWorksheet('Regelsjekk', { views: [{ state: 'frozen', ySplit: 1 }] });
  rs.columns = [
    { header: 'Alvor', key: 'severity', width: 9 },
    { header: 'Regel', key: 'rule', width: 20 },
    { header: 'Hjemmel', key: 'source', width: 22 },
    { header: 'Ansatt', key: 'employee', width: 24 },
    { header: 'Dato', key: 'date', width: 12 },
    { header: 'Melding', key: 'message', width: 90 },
  ];
  const names = new Map(plan.employees.map((e) => [e.id, e.name]));
  for (const h of input.hits) {
    rs.addRow({
      severity: h.severity === 'error' ? 'Brudd' : h.severity === 'warning' ? 'Varsel' : (h.severity ?? ''),
      rule: h.rule, source: typeof h.source === 'string' ? h.source : '',
      employee: h.employee ? (names.get(h.employee) ?? h.employee) : '', date: h.date ?? '', message: h.message,
    });
  }
  rs.getRow(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

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
      if (typeof r === 'number' && typeof cell.numFmt === 'string' && cell.numFmt.includes('%')) return String(Math.round(r * 100 * 1e6) / 1e6).replace('.', ',');
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
  if (ws.rowCount > MAX_ROWS) throw new DomainError('VALIDATION', `Excel-arket har ${ws.rowCount} rader; høyst ${MAX_ROWS} kan leses.`, 'file');
  const rows: RawTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = Math.min(row.cellCount, MAX_COLS);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ line: rowNumber, cells });
  });
  return { rows };
}

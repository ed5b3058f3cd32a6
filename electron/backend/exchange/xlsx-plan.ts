/**
 * The plan as an Excel workbook (exceljs), one sheet per table: «Plan» (the grid), «Per ansatt»,
 * «Dekning», «Åpne vakter», «Regler», «Helger» and «Nøkkeltall». Every table has real dates with
 * a Norwegian format, an autofilter on its header row, frozen panes, and prints landscape, fit
 * to the page width, with the header row (and the names) repeated on every page. Employees are
 * keyed by their ansattnr; the internal id never leaves the app.
 */
import ExcelJS from 'exceljs';
import { fromDay, holidayName, isoWeekday, toDay, WEEKDAY_SHORT, ymd } from '../../../shared/calendar';
import { COMPETENCE_LABEL, type Competence } from '../../../shared/plan/model';
import type { ReviewPackInput } from '../../../shared/review/pack';
import { weekendRhythm } from '../../../shared/review/weekend-rhythm';

const WEEKEND_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E4E4' } };
const HOLIDAY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF7C9C9' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
const DATE_FORMAT = 'dd.mm.yyyy';
const PCT = '0.0%';
const HOURS = '0.00';

/** A calendar date as an Excel date (midnight UTC, which exceljs writes as the day's serial). */
export function excelDate(date: string): Date {
  const { year, month, day } = ymd(toDay(date));
  return new Date(Date.UTC(year, month - 1, day));
}

function argbOf(color: string | undefined): string | null {
  const m = /^#([0-9a-f]{6})$/i.exec(color ?? '');
  return m ? `FF${m[1].toUpperCase()}` : null;
}

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

/** A sheet with a header row, frozen under it (and left of `freezeCols`), filtered and set up for print. */
function tableSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], freezeCols = 0): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: freezeCols, ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      ...(freezeCols > 0 ? { printTitlesColumn: `A:${String.fromCharCode(64 + freezeCols)}` } : {}),
    },
  });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  return ws;
}

/** The autofilter over the header row and every data row, every column (set once the rows are in). */
function filter(ws: ExcelJS.Worksheet): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: ws.columns.length } };
}

/** Columns several sheets share. */
const NR: Column = { header: 'Ansattnr', width: 10 };
const NAME: Column = { header: 'Navn', width: 24 };
const DATE: Column = { header: 'Dato', width: 12, numFmt: DATE_FORMAT };
const WEEKDAY: Column = { header: 'Dag', width: 6 };
const SHIFT: Column = { header: 'Vakt', width: 8 };
const MISSING: Column = { header: 'Mangler', width: 9 };
const weekdayOf = (date: string) => WEEKDAY_SHORT[isoWeekday(toDay(date))];

const competenceText = (c: string) => (c === 'any' ? 'uansett' : (COMPETENCE_LABEL[c as Competence] ?? c));

export async function planToXlsx(input: ReviewPackInput): Promise<Buffer> {
  const { plan } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Turnus';
  wb.title = `${plan.unit.name} – ${input.planName}`;
  const byId = new Map(plan.employees.map((e) => [e.id, e]));
  const nr = (id: string | null | undefined) => (id ? (byId.get(id)?.employeeNumber ?? '') : '');

  // Plan: one row per employee, one column per date (real dates in the header).
  const days: string[] = [];
  for (let d = toDay(plan.period.start), end = toDay(plan.period.end); d <= end; d++) days.push(fromDay(d));
  const fixed: Column[] = [NR, NAME, { header: 'Kompetanse', width: 16 }, { header: 'Stilling', width: 9, numFmt: '0%' }];
  const grid = tableSheet(wb, 'Plan', [...fixed, ...days.map(() => ({ header: '', width: 6.5 }))], 2);
  days.forEach((date, i) => {
    const c = grid.getRow(1).getCell(fixed.length + 1 + i);
    c.value = excelDate(date);
    c.numFmt = 'dd.mm';
    const d = toDay(date);
    c.fill = holidayName(d) ? HOLIDAY_FILL : isoWeekday(d) >= 5 ? WEEKEND_FILL : HEADER_FILL;
    c.alignment = { horizontal: 'center', textRotation: 90 };
    c.note = `${WEEKDAY_SHORT[isoWeekday(d)]}${holidayName(d) ? `, ${holidayName(d)}` : ''}`;
  });
  const colors = new Map(plan.shiftTypes.map((s) => [s.code, argbOf(s.color)]));
  const cells = new Map<string, string>();
  for (const a of plan.assignments) cells.set(`${a.employee}\u0000${a.date}`, a.code);
  for (const e of plan.employees) {
    const row = grid.addRow([
      e.employeeNumber ?? '',
      e.name,
      e.competence,
      e.position,
      ...days.map((d) => cells.get(`${e.id}\u0000${d}`) ?? ''),
    ]);
    days.forEach((date, i) => {
      const cell = row.getCell(fixed.length + 1 + i);
      const argb = colors.get(String(cell.value ?? ''));
      const d = toDay(date);
      if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      else if (holidayName(d)) cell.fill = HOLIDAY_FILL;
      else if (isoWeekday(d) >= 5) cell.fill = WEEKEND_FILL;
      cell.alignment = { horizontal: 'center' };
    });
  }
  filter(grid);

  // Per ansatt: figures only, sortable (no totals under the table; those are in «Nøkkeltall»).
  const per = tableSheet(
    wb,
    'Per ansatt',
    [
      NR,
      NAME,
      { header: 'Kompetanse', width: 16 },
      { header: 'Stilling', width: 10, numFmt: PCT },
      { header: 'Ønsket stilling', width: 14, numFmt: PCT },
      { header: 'Planlagte timer', width: 15, numFmt: HOURS },
      { header: 'Måltimer', width: 11, numFmt: HOURS },
      { header: 'Differanse', width: 11, numFmt: HOURS },
      { header: 'Stilling etter planen', width: 20, numFmt: PCT },
      { header: 'Helger arbeidet', width: 15 },
      { header: 'Helligdager arbeidet', width: 19 },
      { header: 'Langvakter', width: 11 },
      { header: 'Helgegruppe', width: 12 },
      { header: 'Samtykke langvakt', width: 17 },
      { header: 'Samtykkedato', width: 13, numFmt: DATE_FORMAT },
      { header: 'Fritatt nattarbeid', width: 17 },
    ],
    2,
  );
  const figures = new Map(input.employees.map((r) => [r.id, r]));
  for (const e of plan.employees) {
    const f = figures.get(e.id);
    per.addRow([
      e.employeeNumber ?? '',
      e.name,
      e.competence,
      e.position,
      e.wantedPosition ?? null,
      f?.plannedHours ?? null,
      f?.targetHours ?? null,
      f ? f.plannedHours - f.targetHours : null,
      f?.resultingPosition ?? null,
      f?.weekendsWorked ?? null,
      f?.holidaysWorked ?? null,
      f?.longShifts ?? null,
      typeof e.weekendGroup === 'number' ? e.weekendGroup + 1 : null,
      e.consentsLongShifts ? 'ja' : 'nei',
      e.longShiftConsentDate ? excelDate(e.longShiftConsentDate) : null,
      e.nightExempt ? 'ja' : 'nei',
    ]);
  }
  filter(per);

  // Dekning: date × shift.
  const cov = tableSheet(wb, 'Dekning', [DATE, WEEKDAY, SHIFT, { header: 'Behov', width: 8 }, { header: 'Dekket', width: 8 }, MISSING], 1);
  for (const s of input.coverage ?? []) {
    const row = cov.addRow([excelDate(s.date), weekdayOf(s.date), s.shift, s.needed, s.filled, s.missing]);
    if (s.missing > 0) row.getCell(6).font = { bold: true, color: { argb: 'FFAA0000' } };
  }
  filter(cov);

  // Åpne vakter: date × shift × competence.
  const open = tableSheet(
    wb,
    'Åpne vakter',
    [DATE, WEEKDAY, SHIFT, { header: 'Kompetanse', width: 16 }, MISSING, { header: 'Timer', width: 9, numFmt: HOURS }],
    1,
  );
  for (const o of input.openShifts ?? []) {
    open.addRow([excelDate(o.date), weekdayOf(o.date), o.shift, competenceText(o.competence), o.missing, o.hours]);
  }
  filter(open);

  // Regler: one row per hit, Norwegian rule titles.
  const rules = tableSheet(
    wb,
    'Regler',
    [
      { header: 'Alvor', width: 10 },
      { header: 'Regel', width: 28 },
      { header: 'Hjemmel', width: 22 },
      NR,
      { ...NAME, header: 'Ansatt' },
      DATE,
      { header: 'Melding', width: 90 },
    ],
    2,
  );
  const titles = input.ruleNames ?? {};
  const sources = input.ruleSources ?? {};
  for (const h of input.hits) {
    rules.addRow([
      h.severity === 'error' ? 'Brudd' : h.severity === 'warning' ? 'Varsel' : 'Til orientering',
      titles[h.rule] ?? h.rule,
      h.source || sources[h.rule] || '',
      nr(h.employee),
      h.employee ? (byId.get(h.employee)?.name ?? '') : 'Enheten',
      h.date ? excelDate(h.date) : null,
      h.message,
    ]);
  }
  filter(rules);

  // Helger: every weekend of the period per employee, worked or planned by the rhythm.
  const rhythm = weekendRhythm(plan);
  const wk = tableSheet(
    wb,
    'Helger',
    [
      NR,
      NAME,
      { header: 'Helgegruppe', width: 12 },
      { header: 'Lørdag', width: 12, numFmt: DATE_FORMAT },
      { header: 'Helgens gruppe', width: 14 },
      { header: 'Arbeider', width: 10 },
      { header: 'I rytmen', width: 10 },
    ],
    2,
  );
  for (const e of plan.employees) {
    const worked = new Set(figures.get(e.id)?.weekendDates ?? []);
    const g = typeof e.weekendGroup === 'number' ? e.weekendGroup : null;
    for (const w of rhythm.weekends) {
      const inRhythm = g !== null && w.group === g;
      if (!worked.has(w.saturday) && !inRhythm) continue;
      wk.addRow([
        e.employeeNumber ?? '',
        e.name,
        g === null ? null : g + 1,
        excelDate(w.saturday),
        w.group === null ? null : w.group + 1,
        worked.has(w.saturday) ? 'ja' : 'nei',
        inRhythm ? 'ja' : 'nei',
      ]);
    }
  }
  filter(wk);

  // Nøkkeltall: the unit's KPIs on their own sheet.
  const kpi = tableSheet(wb, 'Nøkkeltall', [
    { header: 'Nøkkeltall', width: 40 },
    { header: 'Verdi', width: 14 },
  ]);
  const u = input.unit;
  for (const [label, value, fmt] of [
    ['Ansatte', plan.employees.length, '0'],
    ['Heltidsandel, avtalt', u.heltidsandel.contracted, PCT],
    ['Heltidsandel, etter planen', u.heltidsandel.resulting, PCT],
    ['Gjennomsnittlig stilling, avtalt', u.averagePosition.contracted, PCT],
    ['Gjennomsnittlig stilling, etter planen', u.averagePosition.resulting, PCT],
    ['Behov (timer)', u.neededHours, HOURS],
    ['Udekkede vakter', u.uncoveredShifts, '0'],
    ['Udekkede timer (vikarbehov)', u.uncoveredHours, HOURS],
    ['Brudd i regelsjekken', input.hits.filter((h) => h.severity === 'error').length, '0'],
    ['Varsler i regelsjekken', input.hits.filter((h) => h.severity === 'warning').length, '0'],
  ] as const) {
    kpi.addRow([label, value]).getCell(2).numFmt = fmt;
  }
  filter(kpi);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

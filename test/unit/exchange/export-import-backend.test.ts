import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import JSZip from 'jszip';
import { openTestBackend, tempDir } from '../backend/helpers';
import { parsePlanFile } from '../../../shared/planfile';
import { findChromium } from '../../../electron/backend/exchange/pdf';
import { FIXTURES } from '../../paths';
import { RULE_BY_ID } from '../../../shared/rules';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'rules-november.turnus.json'), 'utf8');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rules-november.expected.json'), 'utf8'));

async function seeded() {
  const tb = await openTestBackend(undefined, { backups: false });
  await tb.api.setUserName('Leder');
  const plan = await tb.api.commitPlanImport(FIXTURE, 'November 2025');
  return { tb, api: tb.api, plan };
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('exports', () => {
  it('XLSX round trip: the grid, the per-employee figures and the coverage read back with exceljs', async () => {
    const { api, plan } = await seeded();
    const { files } = await api.exportPlan(plan.id, 'xlsx');
    expect(files).toHaveLength(1);
    expect(files[0].name).toBe('turnus-eksempel-regler-november-2025-2025-11-03.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files[0].base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Plan', 'Per ansatt', 'Dekning', 'Åpne vakter', 'Regler', 'Helger', 'Nøkkeltall']);

    const grid = wb.getWorksheet('Plan')!;
    const dates = (grid.getRow(1).values as unknown[]).slice(5);
    expect(dates[0]).toEqual(new Date(Date.UTC(2025, 10, 3)));
    expect(dates).toHaveLength(28);
    const iso = (d: unknown) => (d as Date).toISOString().slice(0, 10);
    const back: string[] = [];
    for (let r = 2; r <= grid.rowCount; r++) {
      const row = grid.getRow(r);
      const emp = plan.file.employees.find((e) => e.name === row.getCell(2).value)!;
      dates.forEach((d, i) => {
        const v = row.getCell(5 + i).value;
        if (v) back.push(`${emp.id}|${iso(d)}|${v}`);
      });
    }
    expect(back.sort()).toEqual(plan.file.assignments.map((a) => `${a.employee}|${a.date}|${a.code}`).sort());
    expect(grid.autoFilter).toBeTruthy();
    expect(grid.pageSetup.orientation).toBe('landscape');

    const per = wb.getWorksheet('Per ansatt')!;
    const kari = per.getRow(2);
    expect(kari.getCell(2).value).toBe('Kari');
    expect(kari.getCell(6).value).toBeCloseTo(EXPECTED.employees[0].plannedHours, 2);
    expect(kari.getCell(7).value).toBeCloseTo(EXPECTED.employees[0].targetHours, 2);
    expect(kari.getCell(9).value).toBeCloseTo(EXPECTED.employees[0].resultingPosition, 4);
    // Nothing but employees under the header: the KPIs are on their own sheet.
    expect(per.rowCount).toBe(1 + plan.file.employees.length);

    const cov = wb.getWorksheet('Dekning')!;
    let missing = 0;
    cov.eachRow((row, n) => {
      if (n > 1) missing += Number(row.getCell(6).value);
    });
    expect(missing).toBe(EXPECTED.unit.uncoveredShifts);

    const rules = wb.getWorksheet('Regler')!;
    const titles = new Set<string>();
    rules.eachRow((row, n) => {
      if (n > 1) titles.add(String(row.getCell(2).value));
    });
    for (const [rule] of EXPECTED.violations as [string][]) expect(titles).toContain(RULE_BY_ID.get(rule)!.title);
  });

  it('CSV rows and grid, one ICS per employee, and the plan file v1', async () => {
    const { api, plan } = await seeded();
    const csv = Buffer.from((await api.exportPlan(plan.id, 'csv')).files[0].base64, 'base64').toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Papa.parse(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data).toHaveLength(1 + plan.file.assignments.length);
    const grid = (await api.exportPlan(plan.id, 'csv-grid')).files[0];
    expect(grid.name).toMatch(/-rutenett\.csv$/);

    const ics = (await api.exportPlan(plan.id, 'ics')).files;
    expect(ics.map((f) => f.name)).toEqual(plan.file.employees.map((e) => `turnus-${e.name.toLowerCase()}.ics`));
    expect(ics.every((f) => f.mimeType.startsWith('text/calendar'))).toBe(true);

    const zipped = (await api.exportPlan(plan.id, 'ics-zip')).files;
    expect(zipped).toHaveLength(1);
    expect(zipped[0].mimeType).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(zipped[0].base64, 'base64'));
    expect(Object.keys(zip.files).sort()).toEqual(ics.map((f) => f.name).sort());
    expect(await zip.file(ics[0].name)!.async('string')).toMatch(/^BEGIN:VCALENDAR\r\n/);

    const file = (await api.exportPlan(plan.id, 'turnus')).files[0];
    const parsed = parsePlanFile(Buffer.from(file.base64, 'base64').toString('utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.plan.assignments).toEqual(plan.file.assignments);
  });

  it('the review pack HTML is self-contained: no scripts, no external resources, A4/A3 landscape', async () => {
    const { api, plan } = await seeded();
    const html = await api.reviewPackHtml(plan.id);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:|\/\/)/i);
    expect(html).toContain('@page { size: A4 landscape');
    expect(await api.reviewPackHtml(plan.id, { paper: 'A3' })).toContain('@page { size: A3 landscape');
  });

  it.skipIf(!findChromium())(
    'review pack PDF (Chromium): key figures, rule report with paragraphs, diff and signatures',
    async () => {
      const { api, plan } = await seeded();
      await api.setPlanStatus(plan.id, { status: 'til_drofting', date: '2025-10-25', names: ['Tone Tillitsvalgt'] });
      await api.setPlanStatus(plan.id, { status: 'godkjent', date: '2025-10-28', names: ['Tone Tillitsvalgt'] });
      const kari = plan.file.employees.find((e) => e.name === 'Kari')!;
      await api.setCells(plan.id, [{ employeeId: kari.id, date: '2025-11-12', code: 'D' }]);
      await api.addComment(plan.id, { employeeId: kari.id, date: '2025-11-12', text: 'Kari har ønsket denne dagvakten.' });

      const { files } = await api.exportPlan(plan.id, 'pdf');
      expect(files[0].mimeType).toBe('application/pdf');
      const dir = tempDir();
      const pdf = path.join(dir, files[0].name);
      fs.writeFileSync(pdf, Buffer.from(files[0].base64, 'base64'));
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \u00a0]+/g, ' ');

      // Cover: key figures and assumptions.
      expect(text).toContain('Turnusplan til drøfting: Eksempel regler');
      expect(text).toContain('66,7 %'); // heltidsandel, contracted (fixture: 0.6667)
      expect(text).toContain('76,7 %'); // average position, contracted
      expect(text).toContain('20 vakter'); // uncovered shifts
      expect(text).toContain('180,0 t vikarbehov');
      expect(text).toContain('Trekk for røde dager');
      expect(text).toContain('Arbeidsgiveravgift');
      expect(text).not.toMatch(/\[KONFIG\]|UVERIFISERT|"ordinary"|ordinary:/);
      expect(text).toMatch(/senere enn\s+fristen 20\.10\.2025/);
      // Grid and per-employee summary.
      expect(text).toContain('november 2025');
      expect(text).toContain('Timer og stillinger');
      expect(text).toContain('113,6'); // Kari's target hours
      // Rule report with paragraphs.
      expect(text).toContain('Regelsjekk');
      for (const [rule] of EXPECTED.violations as [string][]) {
        expect(text).toContain(RULE_BY_ID.get(rule)!.title);
        expect(text).not.toContain(rule);
      }
      expect(text).toMatch(/aml § 10-8/);
      // Diff against the approved version, comments and the signature block.
      expect(text).toContain('Endringer siden sist godkjente versjon');
      expect(text).toContain('Godkjent 28.10.2025');
      expect(text).toContain('Kari har ønsket denne dagvakten.');
      expect(text).toContain('Drøfting og godkjenning');
      expect(text).toContain('Tone Tillitsvalgt (tillitsvalgt)');
    },
    60_000,
  );

  it('PDF without a Chromium gives a clear Norwegian error', async () => {
    const { tb, plan } = await seeded();
    const old = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/finnes/ikke/chromium';
    try {
      const r = await tb.dispatch('exportPlan', [plan.id, 'pdf']);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('PDF_UNAVAILABLE');
        expect(r.error.message).toMatch(/^Kan ikke lage PDF: CHROMIUM_PATH peker på «\/finnes\/ikke\/chromium»/);
      }
    } finally {
      if (old === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = old;
    }
  });
});

async function xlsxOf(rows: (string | number | null)[][], percentCols: number[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ansatte');
  for (const r of rows) ws.addRow(r);
  for (const c of percentCols) ws.getColumn(c).numFmt = '0%';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function employeeCount(tb: Awaited<ReturnType<typeof openTestBackend>>): number {
  return (tb.opened.db.prepare('SELECT count(*) AS n FROM employees').get() as { n: number }).n;
}

describe('staff import through the backend', () => {
  it('a clean CSV (Windows-1252 from Norwegian Excel) is previewed, then committed in one go', async () => {
    const { tb, api, plan } = await seeded();
    const latin1 = Buffer.from(
      'Navn;Kompetanse;Stillingsprosent;Langvakt\r\nÅse Ødegård;sykepleier;80;ja\r\nBjørn;hfa;60;nei\r\n',
      'latin1',
    );
    const file = { name: 'ansatte.csv', base64: latin1.toString('base64') };
    const preview = await api.previewStaffImport(plan.unitId, file);
    expect(preview.ok).toBe(true);
    expect(preview.employees.map((e) => e.name)).toEqual(['Åse Ødegård', 'Bjørn']);
    const before = employeeCount(tb);
    const { created } = await api.commitStaffImport(plan.unitId, file);
    expect(created.map((e) => [e.name, e.position, e.consentsLongShifts])).toEqual([
      ['Åse Ødegård', 0.8, true],
      ['Bjørn', 0.6, false],
    ]);
    expect(employeeCount(tb)).toBe(before + 2);
  });

  it('XLSX with percent-formatted cells is read as the percent the user sees', async () => {
    const { api, plan } = await seeded();
    const data = await xlsxOf(
      [
        ['Navn', 'Kompetanse', 'Stillingsprosent', 'Ønsket stilling'],
        ['Mia', 'Assistent', 0.755, 1],
      ],
      [3, 4],
    );
    const p = await api.previewStaffImport(plan.unitId, { name: 'liste.xlsx', base64: b64(data) });
    expect(p.errors).toEqual([]);
    expect(p.employees[0]).toMatchObject({ name: 'Mia', competence: 'assistent', position: 0.755, wantedPosition: 1 });
  });

  it('broken rows give the right Norwegian messages and change nothing in the SQLite file', async () => {
    const { tb, plan } = await seeded();
    const before = employeeCount(tb);
    const data = await xlsxOf([
      ['Navn', 'Kompetanse', 'Stillingsprosent'],
      ['Mia', 'assistent', 50],
      ['Ola', 'sykepleier', 120],
      ['Kari', 'sykepleier', 50], // already in the unit
    ]);
    const file = { name: 'liste.xlsx', base64: b64(data) };
    const preview = await tb.api.previewStaffImport(plan.unitId, file);
    expect(preview.errors.map((e) => e.message)).toEqual([
      'Linje 3, Stillingsprosent: «120» er ikke mellom 1 og 100',
      'Linje 4, Navn: «Kari» finnes allerede i enheten',
    ]);
    const r = await tb.dispatch('commitStaffImport', [plan.unitId, file]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('Linje 3, Stillingsprosent: «120» er ikke mellom 1 og 100');
    }
    const again = await tb.reopen();
    expect(employeeCount(again)).toBe(before);
  });

  it('files that are not CSV or XLSX are refused by name', async () => {
    const { tb, plan } = await seeded();
    const r1 = await tb.dispatch('previewStaffImport', [plan.unitId, { name: 'liste.xls', base64: b64('x') }]);
    expect(!r1.ok && r1.error.message).toMatch(/gamle Excel-formatet/);
    const r2 = await tb.dispatch('previewStaffImport', [plan.unitId, { name: 'liste.xlsx', base64: b64('ikke en zip') }]);
    expect(!r2.ok && r2.error.message).toMatch(/kan ikke leses som en Excel-fil/);
    const r3 = await tb.dispatch('previewStaffImport', [plan.unitId, { name: 'bilde.png', base64: b64('x') }]);
    expect(!r3.ok && r3.error.message).toMatch(/verken CSV/);
  });

  it('fuzz: generated bad CSV and XLSX staff lists never crash and never write a row', async () => {
    const { tb, plan } = await seeded();
    const before = employeeCount(tb);
    const bad = fc.oneof(fc.constantFrom('120', '0', '-1', 'abc', '', '1e9', '75%%', 'kokk', 'kanskje'), fc.string({ maxLength: 6 }));
    // Every generated list has at least one bad row (an out-of-range position), so none may be written.
    const table = fc
      .array(fc.tuple(fc.string({ maxLength: 10 }), bad, bad, bad), { minLength: 0, maxLength: 8 })
      .map((rows) => [['Navn', 'Kompetanse', 'Stillingsprosent', 'Langvakt'], ...rows, ['Ugyldig', 'sykepleier', '101', 'ja']]);
    await fc.assert(
      fc.asyncProperty(table, fc.boolean(), async (rows, asXlsx) => {
        const file = asXlsx
          ? { name: 'f.xlsx', base64: b64(await xlsxOf(rows)) }
          : { name: 'f.csv', base64: b64(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\r\n')) };
        const r = await tb.dispatch('commitStaffImport', [plan.unitId, file]);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toMatch(/^Importen er ikke gjort: .*(Linje \d+|Filen)/);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('f.csv', 'f.xlsx'), async (bytes, name) => {
        const r = await tb.dispatch('commitStaffImport', [plan.unitId, { name, base64: Buffer.from(bytes).toString('base64') }]);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 700 },
    );
    expect(employeeCount(tb)).toBe(before);
  }, 120_000);
});

describe('XLSX staff reader', () => {
  it('fuzz: any cell type (numbers, dates, booleans, formulas, rich text, errors) is read without a crash', async () => {
    const { readXlsxTable } = await import('../../../electron/backend/exchange/xlsx');
    const { validateStaffTable } = await import('../../../shared/exchange/staff-import');
    const value = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean(),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.constant(null),
      fc.string({ maxLength: 6 }).map((t) => ({ richText: [{ text: t }, { text: '!' }] })),
      fc.integer({ min: 0, max: 100 }).map((n) => ({ formula: `${n}/100`, result: n / 100 })),
      fc.constant({ error: '#DIV/0!' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 6 }), fc.boolean(), async (rows, pct) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('A');
        ws.addRow(['Navn', 'Kompetanse', 'Stillingsprosent', 'Langvakt']);
        for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
        if (pct) ws.getColumn(3).numFmt = '0%';
        const table = await readXlsxTable(Buffer.from(await wb.xlsx.writeBuffer()));
        const p = validateStaffTable(table);
        if (!p.ok) for (const e of p.errors) expect(e.message).toMatch(/^(Linje \d+|Filen)[,:] /);
        for (const e of p.employees) expect(e.position).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});

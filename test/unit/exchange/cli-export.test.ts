import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { main } from '../../../cli/turnus';
import { nodeIo, type CliIo } from '../../../cli/io';
import { findChromium } from '../../../electron/backend/exchange/pdf';
import { tempDir } from '../backend/helpers';
import { FIXTURES } from '../../paths';

const FIXTURE = path.join(FIXTURES, 'rules-november.turnus.json');

function capture(cwd: string): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { ...nodeIo(), cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, out, err };
}

describe('turnus export', () => {
  it('xlsx: writes the file and prints { "written": PATH }', async () => {
    const dir = tempDir();
    const c = capture(dir);
    const code = await main(['export', FIXTURE, '--format', 'xlsx', '--out', 'ut/plan.xlsx', '--json'], c.io);
    expect(code).toBe(0);
    expect(JSON.parse(c.out.join(''))).toEqual({ written: 'ut/plan.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'ut/plan.xlsx'));
    expect(wb.getWorksheet('Plan')!.getRow(2).getCell(2).value).toBe('Kari');
    expect(wb.getWorksheet('Nøkkeltall')).toBeTruthy();
  });

  it('ics: one file per employee in the --out folder', async () => {
    const dir = tempDir();
    const c = capture(dir);
    expect(await main(['export', FIXTURE, '--format', 'ics', '--out', 'kalender', '--json'], c.io)).toBe(0);
    const res = JSON.parse(c.out.join(''));
    expect(res.written).toBe('kalender');
    expect(fs.readdirSync(path.join(dir, 'kalender')).sort()).toEqual(['turnus-kari.ics', 'turnus-knut.ics', 'turnus-kristin.ics']);
    expect(res.files).toHaveLength(3);
  });

  it('csv and the plan file', async () => {
    const dir = tempDir();
    const c = capture(dir);
    expect(await main(['export', FIXTURE, '--format', 'csv', '--out', 'plan.csv'], c.io)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'plan.csv'), 'utf8').startsWith('\uFEFFAnsattnr;Navn;Dato;Kode;Start;Slutt;Timer\r\n')).toBe(
      true,
    );
    expect(c.out.join('')).toBe('Skrev «plan.csv».');
    expect(await main(['export', FIXTURE, '--format', 'turnus', '--out', 'kopi.turnus.json'], c.io)).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'kopi.turnus.json'), 'utf8')).assignments).toEqual(
      JSON.parse(fs.readFileSync(FIXTURE, 'utf8')).assignments,
    );
  });

  it.skipIf(!findChromium())(
    'pdf: the review pack with the rule report',
    async () => {
      const dir = tempDir();
      const c = capture(dir);
      expect(await main(['export', FIXTURE, '--format', 'pdf', '--out', 'pakke.pdf', '--paper', 'A3'], c.io)).toBe(0);
      const text = execFileSync('pdftotext', [path.join(dir, 'pakke.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Regelsjekk');
      expect(text).toContain('Daglig arbeidsfri');
      expect(text).not.toContain('AML-REST-DAILY');
    },
    60_000,
  );

  it("csv-staff: the staff list in the import's columns", async () => {
    const dir = tempDir();
    const c = capture(dir);
    expect(await main(['export', FIXTURE, '--format', 'csv-staff', '--out', 'ansatte.csv'], c.io)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'ansatte.csv'), 'utf8')).toMatch(/^\uFEFFAnsattnr;Navn;Kompetanse;Stillingsprosent;/);
  });

  it('bad arguments and files exit 2 with a Norwegian message', async () => {
    const dir = tempDir();
    const c = capture(dir);
    expect(await main(['export', FIXTURE, '--format', 'docx', '--out', 'x'], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/^Ukjent format «docx»/);
    expect(await main(['export', FIXTURE, '--format', 'csv'], c.io)).toBe(2);
    expect(await main(['export', 'finnes-ikke.turnus.json', '--format', 'csv', '--out', 'x.csv', '--json'], c.io)).toBe(2);
    expect(c.out.join('')).toContain('Fant ikke filen');
  });

  it('pdf without Chromium exits 1 with a clear message', async () => {
    const dir = tempDir();
    const c = capture(dir);
    const old = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(dir, 'ingen-chromium');
    try {
      expect(await main(['export', FIXTURE, '--format', 'pdf', '--out', 'p.pdf'], c.io)).toBe(1);
      expect(c.err.join('')).toMatch(/^Kan ikke lage PDF/);
      expect(fs.existsSync(path.join(dir, 'p.pdf'))).toBe(false);
    } finally {
      if (old === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = old;
    }
  });
});

/**
 * HR identity and exchange (issue 17): the ansattnr is the key of every export, the staff list
 * round-trips through the staff import with no change, next month's HR file updates the unit
 * after a preview of the changes, and the XLSX reads back in an independent reader (openpyxl).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { serializePlanFile } from '../../../shared/planfile';
import { openTestBackend, tempDir } from '../backend/helpers';
import { walkthroughPlan } from '../review/walkthrough';

const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function walkthrough() {
  const tb = await openTestBackend(undefined, { backups: false });
  const plan = await tb.api.commitPlanImport(serializePlanFile(walkthroughPlan()), 'Turnus vår 2027');
  return { tb, api: tb.api, plan };
}

const text = (f: { base64: string }) => Buffer.from(f.base64, 'base64').toString('utf8');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('HR identity in exports', () => {
  it('the CSV list is keyed by ansattnr with start, end and paid hours; no internal id leaves the app', async () => {
    const { api, plan } = await walkthrough();
    const csv = text((await api.exportPlan(plan.id, 'csv')).files[0]);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Ansattnr', 'Navn', 'Dato', 'Kode', 'Start', 'Slutt', 'Timer']);
    expect(rows).toContainEqual(['10401', 'Kari Nordmann', '2027-02-01', 'N', '22:15', '07:45', '9,5']);
    const ids = new Set(plan.file.employees.map((e) => e.id));
    expect(rows.slice(1).every((r) => /^104\d\d$/.test(r[0]) && !ids.has(r[0]))).toBe(true);
  });

  it('the staff list round-trips through the staff import in update mode with no change', async () => {
    const { api, plan } = await walkthrough();
    const file = (await api.exportPlan(plan.id, 'csv-staff')).files[0];
    const preview = await api.previewStaffImport(plan.unitId, { name: file.name, base64: file.base64 }, undefined, { mode: 'update' });
    expect(preview.errors).toEqual([]);
    expect(preview.updates).toEqual([]);
    expect(preview.employees).toEqual([]);
    expect(preview.unchanged).toBe(20);
    const before = (await api.getUnit(plan.unitId)).employees;
    const res = await api.commitStaffImport(plan.unitId, { name: file.name, base64: file.base64 }, undefined, { mode: 'update' });
    expect(res).toEqual({ created: [], updated: [] });
    expect((await api.getUnit(plan.unitId)).employees).toEqual(before);
  });

  it("next month's HR file: usual headers, matched on ansattnr, previewed, then committed", async () => {
    const { api, tb, plan } = await walkthrough();
    const hr = [
      'Ansattnr;Navn;Stillingstittel;Stillingsprosent;Langvakt;Samtykkedato langvakt',
      '10402;Ola Hansen;Helsefagarbeider;80;ja;15.01.2027', // consent date added
      '10403;Ingrid J. Johansen;Helsefagarbeider;85;ja;03.09.2026', // new name, position 75 → 85
      '10401;Kari Nordmann;Spesialsykepleier;100;ja;01.09.2026', // unchanged
      '10499;Mia Ny;Sykepleier;60;nei;', // new
    ].join('\r\n');
    const file = { name: 'hr-mars.csv', base64: b64(hr) };
    // Create mode refuses the known names, as before.
    const create = await api.previewStaffImport(plan.unitId, file);
    expect(create.ok).toBe(false);
    expect(create.errors.map((e) => e.message).join(' ')).toMatch(/Linje 2, Navn: «Ola Hansen» finnes allerede/);
    const p = await api.previewStaffImport(plan.unitId, file, undefined, { mode: 'update' });
    expect(p.ok).toBe(true);
    expect(p.columns.map((c) => c.field)).toEqual([
      'employeeNumber',
      'name',
      'competence',
      'position',
      'consentsLongShifts',
      'longShiftConsentDate',
    ]);
    expect(p.unchanged).toBe(1);
    expect(p.employees.map((e) => [e.employeeNumber, e.name, e.competence])).toEqual([['10499', 'Mia Ny', 'sykepleier']]);
    expect(p.updates!.map((u) => [u.name, u.matchedBy, u.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)])).toEqual([
      ['Ola Hansen', 'employeeNumber', ['Samtykkedato langvakt: – → 15.01.2027']],
      ['Ingrid Johansen', 'employeeNumber', ['Navn: Ingrid Johansen → Ingrid J. Johansen', 'Stillingsprosent: 75 % → 85 %']],
    ]);
    // Nothing written by the preview.
    expect((await api.getUnit(plan.unitId)).employees).toHaveLength(20);
    const res = await api.commitStaffImport(plan.unitId, file, undefined, { mode: 'update' });
    expect(res.created.map((e) => e.name)).toEqual(['Mia Ny']);
    expect(res.updated.map((e) => [e.name, e.position, e.longShiftConsentDate])).toEqual([
      ['Ola Hansen', 0.8, '2027-01-15'],
      ['Ingrid J. Johansen', 0.85, '2026-09-03'],
    ]);
    // A second ansattnr twice in the unit is refused with the label the user sees.
    const r = await tb.dispatch('addEmployee', [
      plan.unitId,
      { name: 'Dobbel', competence: 'assistent', position: 0.5, employeeNumber: '10401' },
    ]);
    expect(r).toMatchObject({ ok: false, error: { message: 'Ansattnr «10401» er allerede brukt av Kari Nordmann i denne avdelingen.' } });
    const bad = await tb.dispatch('addEmployee', [
      plan.unitId,
      { name: 'Rar', competence: 'assistent', position: 0.5, employeeNumber: 'a b' },
    ]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((bad as { error: { message: string } }).error.message).toContain('Ansattnr');
  });

  it.skipIf(!hasOpenpyxl)(
    'XLSX read by openpyxl: real dates, autofilter, frozen panes, landscape, print titles, fit to width',
    async () => {
      const { api, plan } = await walkthrough();
      const f = (await api.exportPlan(plan.id, 'xlsx')).files[0];
      const file = path.join(tempDir(), f.name);
      fs.writeFileSync(file, Buffer.from(f.base64, 'base64'));
      const script = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = {
        'filter': ws.auto_filter.ref, 'freeze': ws.freeze_panes, 'orientation': ws.page_setup.orientation,
        'fitWidth': ws.page_setup.fitToWidth, 'fitToPage': ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        'titles': ws.print_title_rows, 'header': [c.value if not isinstance(c.value, datetime.datetime) else 'DATE:' + c.value.date().isoformat() for c in ws[1]][:8],
        'e1': [ws.cell(row=2, column=c).is_date for c in range(1, 8)],
    }
print(json.dumps(out))`;
      const out = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Record<
        string,
        {
          filter: string | null;
          freeze: string | null;
          orientation: string;
          fitWidth: number;
          fitToPage: boolean;
          titles: string | null;
          header: string[];
          e1: boolean[];
        }
      >;
      expect(Object.keys(out)).toEqual(['Plan', 'Per ansatt', 'Dekning', 'Åpne vakter', 'Regler', 'Helger', 'Nøkkeltall']);
      for (const s of Object.values(out)) {
        expect(s.filter).toMatch(/^A1:/);
        expect(s.freeze).toBeTruthy();
        expect(s.orientation).toBe('landscape');
        expect(s.fitToPage).toBe(true);
        expect(s.fitWidth).toBe(1);
        expect(s.titles).toMatch(/\$?1:\$?1/);
      }
      expect(out.Plan.header.slice(0, 5)).toEqual(['Ansattnr', 'Navn', 'Kompetanse', 'Stilling', 'DATE:2027-02-01']);
      expect(out.Plan.freeze).toBe('C2');
      expect(out.Dekning.e1[0]).toBe(true); // the date column holds dates
      expect(out['Åpne vakter'].e1[0]).toBe(true);
      expect(out.Helger.e1[3]).toBe(true);
    },
    60_000,
  );
});

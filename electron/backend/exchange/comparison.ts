/**
 * The 2–4 scenario comparison as files for PSU (issue 18): the comparison itself, its HTML, and
 * an XLSX workbook (exceljs) with the table, the ledger per scenario and the raised people. Runs
 * in the job pool's worker thread (jobs/tasks.ts); a PDF comes back as its HTML, which the main
 * thread's printer turns into the PDF (exchange/pdf htmlToPdf), as for the review pack.
 */
import ExcelJS from 'exceljs';
import type { ComparisonExportFormat } from '../../../shared/api/scenario';
import { compareScenarios, comparisonHtml, comparisonTable, type Scenario, type ScenarioComparison } from '../../../shared/scenario';
import { rethrowRange } from '../errors';
import { MIME, slug } from './export';

async function comparisonXlsx(c: ScenarioComparison, unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Turnus';
  const ws = wb.addWorksheet('Sammenligning');
  ws.addRow([`Sammenligning av scenarioer – ${unitName}`]).font = { bold: true, size: 14 };
  ws.addRow(['Første kolonne er referansen. «Sparer»/«Koster … mer» er mot den.']);
  ws.addRow([]);
  ws.addRow(['Nøkkeltall', ...c.rows.map((r) => r.name), 'Forutsetning og kilde']).font = { bold: true };
  for (const t of comparisonTable(c)) ws.addRow([t.label, ...t.values, t.note]);
  ws.getColumn(1).width = 46;
  c.rows.forEach((_, i) => {
    ws.getColumn(i + 2).width = 22;
  });
  ws.getColumn(c.rows.length + 2).width = 70;

  const led = wb.addWorksheet('Regnskap');
  led.addRow(['Scenario', 'Linje', 'Timer før', 'Timer etter', 'Kroner før', 'Kroner etter', 'Forutsetning', 'Kilde']).font = {
    bold: true,
  };
  for (const r of c.rows) {
    for (const l of r.ledger.lines) {
      led.addRow([
        r.name,
        l.label,
        l.hours?.before ?? null,
        l.hours?.after ?? null,
        l.kroner?.before ?? null,
        l.kroner?.after ?? null,
        l.assumption,
        l.source,
      ]);
    }
    led.addRow([
      r.name,
      'Netto i perioden (positiv = sparer)',
      null,
      null,
      null,
      Math.round(r.ledger.net.period),
      'Vikarkroner spart − økte faste lønnskostnader',
      'Kostnadsmodellen',
    ]);
    led.addRow([r.name, 'Netto per halvår', null, null, null, Math.round(r.ledger.net.halfYear), 'Perioden skalert til 182,5 dager', '']);
    led.addRow([r.name, 'Netto per år', null, null, null, Math.round(r.ledger.net.year), 'Perioden skalert til 365 dager', '']);
  }
  for (const col of [3, 4]) led.getColumn(col).numFmt = '0.0';
  for (const col of [5, 6]) led.getColumn(col).numFmt = '#,##0';
  led.getColumn(2).width = 44;
  led.getColumn(7).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ComparisonFile {
  name: string;
  mimeType: string;
  /** The file, or (for a PDF) null: `print` is then the HTML to print. */
  base64: string | null;
  print?: string;
}

/** Compares `scenarios` (the first is the reference) and builds the file. */
export async function buildComparisonFile(
  scenarios: Scenario[],
  unitName: string,
  format: ComparisonExportFormat,
): Promise<ComparisonFile> {
  let c: ScenarioComparison;
  try {
    c = compareScenarios(scenarios, { profile: 'asker-2030' });
  } catch (e) {
    rethrowRange(e, 'costs');
  }
  const stem = `scenarioer-${slug(unitName)}-${new Date().toISOString().slice(0, 10)}`;
  const html = comparisonHtml(c, unitName, new Date().toLocaleDateString('nb-NO'));
  if (format === 'html')
    return { name: `${stem}.html`, mimeType: MIME.html ?? 'text/html', base64: Buffer.from(html, 'utf8').toString('base64') };
  if (format === 'pdf') return { name: `${stem}.pdf`, mimeType: MIME.pdf ?? 'application/pdf', base64: null, print: html };
  return { name: `${stem}.xlsx`, mimeType: MIME.xlsx, base64: (await comparisonXlsx(c, unitName)).toString('base64') };
}

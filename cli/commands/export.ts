/**
 * `turnus export FILE --format xlsx|csv|csv-grid|csv-staff|ics|ics-zip|pdf|html|turnus --out PATH [--paper A4|A3] [--json]`
 * (plan-format.md «The command line»): writes the export and prints `{ "written": PATH }`.
 *
 * ics writes one file per employee into the folder PATH (created when missing) and also lists
 * them: `{ "written": PATH, "files": [ … ] }`. pdf needs a Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium); without one the command exits 1 with a Norwegian message.
 */
import crypto from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat } from '../../shared/api/review';
import type { PackAgreementRecord } from '../../shared/review/pack-types';
import { defaultUserName } from '../../electron/backend/store/user';
import { isAlive } from '../../electron/backend/process-alive';
import { DomainError } from '../../electron/backend/errors';
import { type CliIo, EXIT_FOUND, EXIT_INVALID, EXIT_OK, parseCommandLine, printError, printJson, readPlanArg } from '../io';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'csv-grid', 'csv-staff', 'ics', 'ics-zip', 'pdf', 'html', 'turnus'];

export const summary = 'Eksport: Excel, CSV, kalender (ics), drøftingspakke (pdf/html) eller planfil.';

export const usage = `Bruk: turnus export FIL --format FORMAT --out STI [--paper A4|A3] [--json]

Leser planfilen FIL (.turnus.json) og skriver en eksport til STI.

Formater:
  xlsx      Excel: arkene Plan, Per ansatt, Dekning, Åpne vakter, Regler, Helger og Nøkkeltall
  csv       én linje per vakt: Ansattnr;Navn;Dato;Kode;Start;Slutt;Timer (semikolon, UTF-8 med BOM)
  csv-grid  én linje per ansatt, én kolonne per dato
  csv-staff ansattlisten med kolonnene som ansattimporten leser
  ics       én kalenderfil per ansatt; STI er en mappe (lages om den mangler)
  ics-zip   de samme kalenderfilene i én .zip-fil
  pdf       drøftingspakken for tillitsvalgte (krever Chromium: CHROMIUM_PATH eller /usr/bin/chromium)
  html      drøftingspakken som én HTML-fil (kan skrives ut fra nettleseren)
  turnus    planfilen (versjon 1)

Valg:
  --paper A4|A3  papirformat for pdf/html (liggende), standard A4
  --json         skriv { "written": STI } som JSON
  -h, --help     vis denne hjelpen

Avslutningskode: 0 = skrevet, 1 = eksporten kunne ikke lages (f.eks. ingen Chromium),
2 = ugyldig planfil eller ugyldige argumenter.`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      paper: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    usage,
    io,
  );
  if (typeof args === 'number') return args;
  const json = args.values.json === true;
  const fail = (field: string, message: string, code = EXIT_INVALID) => {
    printError(io, json, field, message, code === EXIT_INVALID ? usage : undefined);
    return code;
  };
  if (args.positionals.length !== 1) {
    return fail(
      '(fil)',
      args.positionals.length === 0 ? 'Mangler planfil: turnus export FIL --format FORMAT --out STI' : 'Oppgi bare én planfil.',
    );
  }
  const format = args.values.format;
  if (typeof format !== 'string') return fail('--format', `Mangler --format (${FORMATS.join(', ')}).`);
  if (!FORMATS.includes(format as ExportFormat)) return fail('--format', `Ukjent format «${format}»: bruk ${FORMATS.join(', ')}.`);
  const out = args.values.out;
  if (typeof out !== 'string' || out.trim() === '') return fail('--out', 'Mangler --out STI (fil, eller mappe for ics).');
  const paper = args.values.paper ?? 'A4';
  if (paper !== 'A4' && paper !== 'A3') return fail('--paper', `Ukjent papirformat «${String(paper)}»: bruk A4 eller A3.`);

  const plan = await readPlanArg(args.positionals[0], io, json);
  if (!plan) return EXIT_INVALID;

  // Heavy (exceljs, jszip, the review pack, playwright): loaded only when exporting, so other
  // commands such as `turnus check` start fast.
  const { buildExport } = await import('../../electron/backend/exchange/export.js');
  const records = Array.isArray(plan.unit.agreementRecords) ? (plan.unit.agreementRecords as PackAgreementRecord[]) : [];
  let files: Awaited<ReturnType<typeof buildExport>>;
  try {
    files = await buildExport(plan, format as ExportFormat, {
      agreementRecords: records,
      planName: path.basename(args.positionals[0]).replace(/\.turnus\.json$|\.json$/i, ''),
      status: { status: 'utkast' },
      generatedAt: new Date().toISOString(),
      generatedBy: defaultUserName(),
      paper,
    });
  } catch (e) {
    if (e instanceof DomainError) return fail('--format', e.message, EXIT_FOUND);
    throw e;
  }

  const target = path.resolve(io.cwd, out);
  const written: string[] = [];
  try {
    if (format === 'ics') {
      await mkdir(target, { recursive: true });
      for (const f of files) {
        const p = path.join(target, f.name);
        await writeReplacing(io, p, f.data);
        written.push(path.join(out, f.name));
      }
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeReplacing(io, target, files[0].data);
    }
  } catch (e) {
    return fail('--out', `Kunne ikke skrive til «${out}»: ${e instanceof Error ? e.message : String(e)}`, EXIT_FOUND);
  }

  if (json) printJson(io, format === 'ics' ? { written: out, files: written } : { written: out });
  else if (format === 'ics') io.stdout(`Skrev ${written.length} kalenderfiler til «${out}».`);
  else io.stdout(`Skrev «${out}».`);
  return EXIT_OK;
}

/**
 * Writes under a temporary name beside the target and renames it into place: an interrupted
 * export never leaves a half-written file under the real name, and the old file stays whole
 * until the new one is complete.
 */
async function writeReplacing(io: CliIo, target: string, data: string | Uint8Array): Promise<void> {
  await sweepExportTemps(target);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    await io.writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Removes the temporary files that an export to `target` killed before its rename left beside
 * it (`.<name>.<pid>-<hex>.tmp` of a process that no longer runs). Returns their names.
 */
export async function sweepExportTemps(target: string): Promise<string[]> {
  const base = path.basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^\\.${base}\\.(\\d+)-[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = await readdir(path.dirname(target));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = re.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    await rm(path.join(path.dirname(target), name), { force: true });
    removed.push(name);
  }
  return removed;
}

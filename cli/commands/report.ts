/**
 * `turnus report FILE [--json]` (plan-format.md «The command line»): hours, positions,
 * weekends and coverage of a plan. JSON = exactly the contract shape of `buildReport` (plus
 * extra fields); plain Norwegian text by default. Exit 2 when the file is invalid.
 */

import { buildReport, formatReport } from '../../shared/metrics/report';
import { type CliIo, EXIT_OK, printJson, readSinglePlanCommand } from '../io';

export const summary = 'Rapport: timer, stillingsstørrelser, helger og dekning av bemanningsplanen.';

export const usage = `Bruk: turnus report FIL [--json]

Leser planfilen FIL (.turnus.json, planfil versjon 1) og viser per ansatt planlagte
timer, måltimer (netto), resulterende stilling, helger jobbet og langvakter, og for
avdelingen heltidsandel, gjennomsnittlig stilling, behov og udekkede vakter
(planlagt vikarbehov).

Valg:
  --json     skriv resultatet som JSON: { "employees": [ … ], "unit": { … } }
  -h, --help vis denne hjelpen

Avslutningskode: 0 = rapporten er skrevet, 2 = filen er ugyldig.`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const started = await readSinglePlanCommand(argv, io, 'report', usage);
  if (typeof started === 'number') return started;
  const { plan, json } = started;
  const report = buildReport(plan);
  if (json) printJson(io, report);
  else io.stdout(formatReport(report));
  return EXIT_OK;
}

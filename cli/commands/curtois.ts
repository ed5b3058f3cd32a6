/**
 * `turnus curtois INSTANCE.txt [--seconds N] [--seed S] [--threads N] [--out FILE] [--json]`
 * (plan-format.md «The command line»): solves a Curtois & Qu benchmark instance with the plan
 * generator's engine and reports the objective and hard violations as computed by the
 * independent evaluator (shared/curtois/evaluate.ts), never by the solver's own score.
 * Exit 0 = roster without hard violations, 1 = hard violations remain, 2 = bad input.
 */

import path from 'node:path';
import { evaluateCurtois } from '../../shared/solver/curtois/evaluate';
import { CurtoisParseError, parseCurtois } from '../../shared/solver/curtois/parse';
import type { CurtoisInstance } from '../../shared/solver/curtois/types';
import { solveCurtoisParallel } from '../../electron/backend/solver/curtois-parallel';
import { cores } from '../../electron/backend/solver/threads';
import { type CliIo, EXIT_FOUND, EXIT_INVALID, EXIT_OK, parseCommandLine, printError, printJson, readInputFile } from '../io';
import { parseSearchOptions } from '../search-options';

export const summary = 'Løser en Curtois & Qu-benchmarkinstans (vaktplangeneratorens test).';

export const usage = `Bruk: turnus curtois INSTANS.txt [--seconds N] [--seed S] [--threads N] [--out FIL] [--json]

Leser en instans fra Curtois & Qu sin benchmark (Instance1..24.txt), lager en vaktplan
med turnusgeneratoren og kontrollerer den med en uavhengig evaluator.

Valg:
  --seconds N  tidsbudsjett i sekunder (standard 10)
  --seed S     frø for tilfeldighetene (heltall, standard 1); samme frø gir samme søk
  --threads N  søk parallelt i N tråder som deler beste plan (standard 1; maskinen har
               ${cores()} kjerner); med flere tråder er søket ikke lenger reproduserbart
  --out FIL    skriv vaktplanen som { "roster": { "<ansatt>": ["D", "", …] } }
  --json       skriv resultatet som JSON: { "instance", "objective", "hardViolations",
               "seconds", "firstFeasibleSeconds", … }
  -h, --help   vis denne hjelpen

Avslutningskode: 0 = ingen harde brudd, 1 = harde brudd gjenstår, 2 = ugyldig inndata.`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      seconds: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    usage,
    io,
  );
  if (typeof args === 'number') return args;
  const json = args.values.json === true;
  const fail = (message: string): number => {
    printError(io, json, '(argumenter)', message);
    return EXIT_INVALID;
  };
  if (args.positionals.length !== 1) {
    return fail(args.positionals.length === 0 ? 'Mangler instansfil: turnus curtois INSTANS.txt' : 'Oppgi bare én instansfil.');
  }
  const search = parseSearchOptions(args.values, 10);
  if (!search.ok) return fail(search.message);
  const { seconds, seed, threads } = search.options;
  const file = args.positionals[0];
  const read = await readInputFile(file, io, 'instansfil');
  if (!read.ok) return fail(read.message);
  const text = read.text;
  let inst: CurtoisInstance;
  try {
    inst = parseCurtois(text);
  } catch (e) {
    if (e instanceof CurtoisParseError) return fail(`Instansen «${file}» er ugyldig: ${e.message}`);
    throw e;
  }
  const res = await solveCurtoisParallel(inst, { seconds, seed, threads });
  const ev = evaluateCurtois(inst, res.roster);
  const out = {
    instance: path.basename(file).replace(/\.txt$/i, ''),
    objective: ev.objective,
    hardViolations: ev.hardViolations,
    seconds: Math.round(res.elapsedMs) / 1000,
    firstFeasibleSeconds: res.firstFeasibleMs === null ? null : Math.round(res.firstFeasibleMs) / 1000,
    seed,
    threads,
    moves: res.moves,
    movesPerSecond: Math.round(res.moves / Math.max(0.001, res.elapsedMs / 1000)),
    breakdown: ev.breakdown,
    violations: ev.violations.map((v) => ({
      kind: v.kind,
      employee: v.employee,
      ...(v.day !== undefined ? { day: v.day } : {}),
      message: v.message,
    })),
  };
  if (typeof args.values.out === 'string') {
    const outFile = path.resolve(io.cwd, args.values.out);
    try {
      await io.writeFile(outFile, JSON.stringify({ roster: res.roster }, null, 2) + '\n');
    } catch (e) {
      return fail(`Kunne ikke skrive «${args.values.out}» (${e instanceof Error ? e.message : String(e)}).`);
    }
  }
  if (json) printJson(io, out);
  else {
    const lines = [
      `Instans: ${out.instance} (${inst.horizon} dager, ${inst.staff.length} ansatte, ${inst.shifts.length} vakttyper)`,
      `Målfunksjon: ${out.objective} (ønsker om vakt: ${ev.breakdown.shiftOn}, ønsker om fri: ${ev.breakdown.shiftOff}, underdekning: ${ev.breakdown.coverUnder}, overdekning: ${ev.breakdown.coverOver})`,
      `Harde brudd: ${out.hardViolations}`,
      ...ev.violations.slice(0, 20).map((v) => `  ${v.message}`),
      ...(ev.violations.length > 20 ? [`  … og ${ev.violations.length - 20} til`] : []),
      `Tid: ${out.seconds.toFixed(1)} s, første gyldige plan etter ${out.firstFeasibleSeconds === null ? '–' : `${out.firstFeasibleSeconds.toFixed(2)} s`}, ${out.moves.toLocaleString('nb-NO')} trekk (${out.movesPerSecond.toLocaleString('nb-NO')} per sekund), frø ${seed}${threads > 1 ? `, ${threads} tråder` : ''}`,
    ];
    if (typeof args.values.out === 'string') lines.push(`Vaktplan skrevet til ${args.values.out}`);
    io.stdout(lines.join('\n'));
  }
  return ev.hardViolations === 0 ? EXIT_OK : EXIT_FOUND;
}

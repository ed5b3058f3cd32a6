/**
 * `turnus fill FILE --out OUT [--mode fill|repair|replan] [--from DATE --to DATE] [--seconds N]
 * [--seed S] [--threads N] [--json]` (plan-format.md «The command line»): runs the plan generator — the same
 * `generatePlan` the app runs in its worker — on a plan file and writes the whole plan, changed,
 * to OUT. Every field of the input is kept: only the assignment rows the generator changed are
 * replaced, added or removed. Prints `{ written, changedCells, openShifts, hardViolations,
 * seconds }` (plus the generator's statistics). Exit 0 = no hard violation left, 1 = hard
 * violations remain (in cells it may not change), 2 = bad input.
 */
import path from 'node:path';
import { isIsoDate } from '../../shared/calendar';
import { GenerateInputError, type GenerateMode, type GenerateResult, generatePlan } from '../../shared/solver/norwegian/solve';
import { generateOnThreads } from '../../electron/backend/solver/runner';
import { cores } from '../../electron/backend/solver/threads';
import { type CliIo, EXIT_FOUND, EXIT_INVALID, EXIT_OK, parseCommandLine, printError, printJson, readInputFile, readPlanArg } from '../io';
import { parseSearchOptions } from '../search-options';

export const summary = 'Fyller ut, reparerer eller planlegger en plan på nytt med turnusgeneratoren.';

export const usage = `Bruk: turnus fill FIL --out UT [--mode fill|repair|replan] [--from DATO --to DATO]
                   [--seconds N] [--seed S] [--threads N] [--json]

Kjører turnusgeneratoren på planfilen FIL og skriver hele planen, endret, til UT
(samme format; alle felt i FIL beholdes).

Moduser:
  fill     fyll bare tomme celler i perioden (standard); alt som står i planen, beholdes
  repair   rett opp regelbrudd og endre så få celler som mulig (bare celler som inngår i et brudd)
  replan   planlegg de ulåste vaktene mellom --from og --to på nytt
Låste celler og fravær endres aldri. Ansatte med helgegruppe arbeider bare sin gruppes helger.

Valg:
  --out UT        filen som skal skrives (påkrevd)
  --from, --to    datoområde (åååå-mm-dd): bare disse dagene endres (påkrevd for replan)
  --seconds N     tidsbudsjett i sekunder (standard 20)
  --seed S        frø for tilfeldighetene (heltall, standard 1)
  --threads N     søk parallelt i N tråder som deler beste plan (standard 1; maskinen har
                  ${cores()} kjerner); med flere tråder er søket ikke lenger reproduserbart
  --json          skriv { "written", "changedCells", "openShifts", "hardViolations", "seconds", … }
  -h, --help      vis denne hjelpen

Avslutningskode: 0 = ingen harde regelbrudd igjen, 1 = harde brudd gjenstår (i celler som
ikke kan endres), 2 = ugyldig planfil eller ugyldige argumenter.`;

const MODES: readonly GenerateMode[] = ['fill', 'repair', 'replan'];

type Row = { employee?: unknown; date?: unknown; code?: unknown };

/** The raw file's assignments with the generator's changes applied (other rows untouched). */
function applyChanges(raw: Record<string, unknown>, result: GenerateResult): Record<string, unknown> {
  const changed = new Map(result.changes.map((c) => [`${c.employeeId}|${c.date}`, c]));
  const rows = Array.isArray(raw.assignments) ? (raw.assignments as Row[]) : [];
  const out: unknown[] = [];
  const done = new Set<string>();
  for (const row of rows) {
    const key = `${String(row?.employee)}|${String(row?.date)}`;
    const c = changed.get(key);
    if (!c) {
      out.push(row);
      continue;
    }
    done.add(key);
    if (c.to !== null) out.push({ ...row, code: c.to });
  }
  for (const [key, c] of changed) if (!done.has(key) && c.to !== null) out.push({ employee: c.employeeId, date: c.date, code: c.to });
  return { ...raw, assignments: out };
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandLine(
    argv,
    {
      out: { type: 'string', short: 'o' },
      mode: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      seconds: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    usage,
    io,
  );
  if (typeof args === 'number') return args;
  const json = args.values.json === true;
  const fail = (field: string, message: string) => {
    printError(io, json, field, message, usage);
    return EXIT_INVALID;
  };
  if (args.positionals.length !== 1) {
    return fail('(fil)', args.positionals.length === 0 ? 'Mangler planfil: turnus fill FIL --out UT' : 'Oppgi bare én planfil.');
  }
  const outArg = args.values.out;
  if (typeof outArg !== 'string' || outArg === '') return fail('--out', 'Mangler --out UT: filen den utfylte planen skal skrives til.');
  const mode = ((args.values.mode as string | undefined) ?? 'fill') as GenerateMode;
  if (!MODES.includes(mode)) return fail('--mode', `--mode må være fill, repair eller replan, fant «${String(args.values.mode)}».`);
  const from = args.values.from as string | undefined;
  const to = args.values.to as string | undefined;
  for (const [name, v] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (v !== undefined && !isIsoDate(v)) return fail(name, `${name} må være en dato på formen åååå-mm-dd, fant «${v}».`);
  }
  if (mode === 'replan' && (from === undefined || to === undefined)) return fail('--from', 'replan trenger både --from og --to.');
  if (from !== undefined && to !== undefined && from > to) return fail('--to', '--to kan ikke være før --from.');
  const search = parseSearchOptions(args.values, 20);
  if (!search.ok) return fail(search.field, search.message);
  const { seconds, seed, threads } = search.options;

  const file = args.positionals[0];
  const plan = await readPlanArg(file, io, json);
  if (!plan) return EXIT_INVALID;
  const read = await readInputFile(file, io, 'planfil');
  if (!read.ok) return fail('(fil)', read.message);
  const raw = JSON.parse(read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text) as Record<string, unknown>;

  let result: GenerateResult;
  const options = { mode, from, to, seconds, seed };
  try {
    if (threads > 1) {
      const run = await generateOnThreads(plan, options, threads);
      if ('error' in run) return fail('--from', run.error);
      result = run.result;
    } else result = generatePlan(plan, options);
  } catch (e) {
    if (e instanceof GenerateInputError) return fail('--from', e.message);
    throw e;
  }
  try {
    await io.writeFile(path.resolve(io.cwd, outArg), JSON.stringify(applyChanges(raw, result), null, 2) + '\n');
  } catch (e) {
    const message = `Kunne ikke skrive «${outArg}» (${e instanceof Error ? e.message : String(e)}).`;
    if (json) printJson(io, { errors: [{ field: '--out', message }] });
    io.stderr(message);
    return EXIT_FOUND;
  }
  const s = result.stats;
  const out = {
    written: outArg,
    changedCells: s.changedCells,
    openShifts: s.uncoveredShifts,
    hardViolations: s.hardViolations,
    seconds: Math.round(s.elapsedMs) / 1000,
    mode,
    seed,
    threads,
    moves: s.moves,
    uncoveredHours: s.uncoveredHours,
    hoursDeviationMax: s.hoursDeviationMax,
    hoursOverMax: s.hoursOverMax,
    removedLongShifts: s.removedLongShifts,
    offGroupWeekendShifts: s.offGroupWeekendShifts,
    openShiftCauses: s.openShiftCauses,
    shortfalls: s.shortfalls,
    errors: result.errors.map((v) => ({ rule: v.rule, employee: v.employee, date: v.date, message: v.message })),
  };
  if (json) printJson(io, out);
  else {
    const nb = (x: number) => x.toLocaleString('nb-NO', { maximumFractionDigits: 1 });
    const lines = [
      `Skrev ${outArg} (${mode}): ${out.changedCells} celler endret, ${out.openShifts} åpne vakter (${nb(out.uncoveredHours)} t), ${out.hardViolations} harde regelbrudd, ${nb(out.seconds)} s.`,
      ...out.openShiftCauses.map((c) => `  ${c.shifts} åpne: ${c.label}`),
      `Største avvik fra måltimer: ${nb(s.hoursDeviationMax)} t · mest over målet: ${s.hoursOverMax >= 0 ? '+' : ''}${nb(s.hoursOverMax)} t`,
      ...s.shortfalls.map((x) => `  ${x.employee} har ${nb(x.missingHours)} t under måltimene: ${x.reason}`),
      ...(s.removedLongShifts.length > 0
        ? [`Langvakter fjernet: ${s.removedLongShifts.map((x) => `${x.employee} ${x.date}`).join(', ')}`]
        : []),
      ...(s.offGroupWeekendShifts.length > 0
        ? [`Vakter på en annen helgegruppes helg: ${s.offGroupWeekendShifts.map((x) => `${x.employee} ${x.date} ${x.code}`).join(', ')}`]
        : []),
      ...out.errors.slice(0, 20).map((v) => `  ${v.message}`),
    ];
    io.stdout(lines.join('\n'));
  }
  return out.hardViolations === 0 ? EXIT_OK : EXIT_FOUND;
}

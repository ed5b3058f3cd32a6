/**
 * Shared helpers for `turnus` commands (Node only; never imports electron).
 *
 * - `CliIo` — what a command may touch: stdout/stderr writers, file read/write, cwd. Tests pass
 *   their own; `nodeIo()` is the real one.
 * - `CommandModule` — `{ summary, usage, run(argv, io): Promise<number> }`, the exit code being
 *   0 (ok), 1 (the plan has errors / the command found a problem) or 2 (bad input or usage).
 * - `parseCommandArgs(argv, options)` — `node:util` parseArgs with Norwegian errors.
 * - `readPlanArg(path, io, json)` — read and validate a plan file; prints the field errors and
 *   returns null when the file is invalid (the caller exits with 2).
 * - `printJson(io, value)`.
 */

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TurnusPlan } from '../shared/plan/model';
import { formatPlanErrors, parsePlanFile } from '../shared/planfile/index';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<string>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  cwd: string;
}

export interface CommandModule {
  /** One Norwegian line for `turnus --help`. */
  summary: string;
  /** Norwegian usage text for `turnus <command> --help`. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_INVALID = 2;

export function nodeIo(): CliIo {
  return {
    stdout: (t) => {
      process.stdout.write(t.endsWith('\n') ? t : t + '\n');
    },
    stderr: (t) => {
      process.stderr.write(t.endsWith('\n') ? t : t + '\n');
    },
    readFile: (f) => readFile(f, 'utf8'),
    writeFile: (f, d) => writeFile(f, d),
    cwd: process.cwd(),
  };
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export type ParsedArgs =
  | { ok: true; values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] }
  | { ok: false; message: string };

/** Parse options; unknown options give a Norwegian message instead of an exception. */
export function parseCommandArgs(argv: string[], options: OptionSpec): ParsedArgs {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { ok: true, values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(m);
    if (unknown) return { ok: false, message: `Ukjent valg «${unknown[1]}».` };
    const missing = /Option '([^']+)' argument missing/.exec(m) ?? /Option '(-[^']*)'.*argument/.exec(m);
    if (missing) return { ok: false, message: `Valget «${missing[1]}» mangler en verdi.` };
    return { ok: false, message: `Ugyldige argumenter (${m}).` };
  }
}

/**
 * The command's arguments, or its exit code when it is already done: a usage error is printed
 * with the usage text (exit 2), `--help` prints the usage (exit 0).
 */
export function parseCommandLine(
  argv: string[],
  options: OptionSpec,
  usage: string,
  io: CliIo,
): Extract<ParsedArgs, { ok: true }> | number {
  const args = parseCommandArgs(argv, options);
  if (!args.ok) {
    io.stderr(`${args.message}\n\n${usage}`);
    return EXIT_INVALID;
  }
  if (args.values.help) {
    io.stdout(usage);
    return EXIT_OK;
  }
  return args;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2));
}

/** A Norwegian error: as `{ errors: [{ field, message }] }` on stdout with --json, and on stderr (with the usage when given). */
export function printError(io: CliIo, json: boolean, field: string, message: string, usage?: string): void {
  if (json) printJson(io, { errors: [{ field, message }] });
  io.stderr(usage ? `${message}\n\n${usage}` : message);
}

/** Reads a file named on the command line, or says in Norwegian why it cannot (`kind`: «planfil», «instansfil»). */
export async function readInputFile(
  file: string,
  io: CliIo,
  kind: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    return { ok: true, text: await io.readFile(path.resolve(io.cwd, file)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const message =
      code === 'ENOENT'
        ? `Fant ikke filen «${file}».`
        : code === 'EISDIR'
          ? `«${file}» er en mappe, ikke en ${kind}.`
          : `Kunne ikke lese «${file}» (${e instanceof Error ? e.message : String(e)}).`;
    return { ok: false, message };
  }
}

/** Read and validate a plan file; null (after printing why) when it cannot be used. */
export async function readPlanArg(file: string, io: CliIo, json: boolean): Promise<TurnusPlan | null> {
  const read = await readInputFile(file, io, 'planfil');
  if (!read.ok) {
    printError(io, json, '(fil)', read.message);
    return null;
  }
  const r = parsePlanFile(read.text);
  if (!r.ok) {
    if (json) printJson(io, { errors: r.errors });
    io.stderr(
      `Planfilen «${file}» er ugyldig:\n${formatPlanErrors(r.errors)
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
    return null;
  }
  // Warnings go to stderr so that --json output on stdout stays machine-readable.
  for (const w of r.warnings ?? []) io.stderr(`Advarsel: ${w.field}: ${w.message}`);
  return r.plan;
}

/**
 * The start of a command that takes exactly one plan file and the flags --json and --help
 * (`turnus check`, `turnus report`): parses the arguments, prints help or a Norwegian error,
 * reads and validates the file. Returns the plan, or the exit code to stop with.
 */
export async function readSinglePlanCommand(
  argv: string[],
  io: CliIo,
  command: string,
  usage: string,
): Promise<{ plan: TurnusPlan; json: boolean } | number> {
  const args = parseCommandLine(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, usage, io);
  if (typeof args === 'number') return args;
  const json = args.values.json === true;
  if (args.positionals.length !== 1) {
    const message = args.positionals.length === 0 ? `Mangler planfil: turnus ${command} FIL` : 'Oppgi bare én planfil.';
    printError(io, json, '(fil)', message, usage);
    return EXIT_INVALID;
  }
  const plan = await readPlanArg(args.positionals[0], io, json);
  return plan ? { plan, json } : EXIT_INVALID;
}

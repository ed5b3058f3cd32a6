/**
 * The `turnus` command line (plan-format.md «The command line»). bin/turnus.js calls `main`.
 * Commands live in cli/commands/<name>.ts and are registered with one line in
 * cli/commands/index.ts (see there). Every command returns its exit code.
 */

import { COMMANDS } from './commands/index';
import { type CliIo, EXIT_INVALID, EXIT_OK, nodeIo } from './io';

export { COMMANDS };

/** The help text: loads every command's module for its summary line. */
export async function helpText(): Promise<string> {
  const names = Object.keys(COMMANDS).sort();
  const summaries = await Promise.all(names.map(async (n) => (await COMMANDS[n]()).summary));
  const width = Math.max(...names.map((n) => n.length), 8);
  return [
    'turnus – kommandolinje for turnusplaner (planfil versjon 1, .turnus.json)',
    '',
    'Bruk: turnus <kommando> [argumenter] [--json]',
    '',
    'Kommandoer:',
    ...names.map((n, i) => `  ${n.padEnd(width)}  ${summaries[i]}`),
    '',
    'Skriv «turnus <kommando> --help» for hjelp til én kommando.',
    'Med --json skrives resultatet som JSON for maskiner.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await helpText());
    return name === undefined ? EXIT_INVALID : EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`Ukjent kommando «${name}».\n\n${await helpText()}`);
    return EXIT_INVALID;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (e) {
    io.stderr(`Uventet feil i «turnus ${name}»: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_INVALID;
  }
}

/**
 * The `turnus` command line (plan-format.md «The command line»). bin/turnus.js calls `main`.
 * Commands live in cli/commands/<name>.ts and are registered with one line in
 * cli/commands/index.ts (see there). Every command returns its exit code.
 */

import * as registered from './commands/index';
import { type CliIo, type CommandModule, EXIT_INVALID, EXIT_OK, nodeIo } from './io';

/** name → module, from the registry in cli/commands/index.ts. */
export const COMMANDS: Readonly<Record<string, CommandModule>> = { ...(registered as unknown as Record<string, CommandModule>) };

export function helpText(): string {
  const names = Object.keys(COMMANDS).sort();
  const width = Math.max(...names.map((n) => n.length), 8);
  return [
    'turnus – kommandolinje for turnusplaner (planfil versjon 1, .turnus.json)',
    '',
    'Bruk: turnus <kommando> [argumenter] [--json]',
    '',
    'Kommandoer:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary}`),
    '',
    'Skriv «turnus <kommando> --help» for hjelp til én kommando.',
    'Med --json skrives resultatet som JSON for maskiner.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name === undefined ? EXIT_INVALID : EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`Ukjent kommando «${name}».\n\n${helpText()}`);
    return EXIT_INVALID;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.stderr(`Uventet feil i «turnus ${name}»: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_INVALID;
  }
}

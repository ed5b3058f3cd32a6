/**
 * The `turnus` command registry: ONE line per command. To add a command, create
 * `cli/commands/<name>.ts` exporting `summary`, `usage` and
 * `run(argv: string[], io: CliIo): Promise<number>` (see cli/io.ts), then add one line here:
 *
 *   <name>: () => import('./<name>.js'),
 *
 * The key is the command name typed by the user (`turnus <name> …`). A command's module is
 * loaded only when that command runs (or for `turnus --help`), so `turnus check` never loads
 * what `turnus export` needs (the XLSX library, the PDF printer): see `npm run bench -- cli`.
 */
import type { CommandModule } from '../io';

export const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  check: () => import('./check.js'),
  curtois: () => import('./curtois.js'),
  report: () => import('./report.js'),
  helgekalkulator: () => import('./helgekalkulator.js'),
  export: () => import('./export.js'),
  fill: () => import('./fill.js'),
  // Add new commands above this line (one line each).
};

/**
 * The `turnus` command registry: ONE line per command. To add a command, create
 * `cli/commands/<name>.ts` exporting `summary`, `usage` and
 * `run(argv: string[], io: CliIo): Promise<number>` (see cli/io.ts), then add one line here:
 *
 *   export * as <name> from './<name>';
 *
 * The export name is the command name typed by the user (`turnus <name> …`).
 */

export * as check from './check';
export * as curtois from './curtois';
export * as report from './report';
export * as helgekalkulator from './helgekalkulator';
export * as export from './export';
export * as fill from './fill';
// Add new commands above this line (one `export * as <name>` line each).

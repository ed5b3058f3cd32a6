import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..');

/** Example plans with expected results (copied from the team handbook's fixtures/). */
export const FIXTURES = path.join(__dirname, 'fixtures');

/**
 * The team handbook folder beside the repository (`../shared`), where CI places it; override
 * with TURNUS_HANDBOOK. Holds the Curtois & Qu benchmark instances.
 */
export const HANDBOOK =
  process.env.TURNUS_HANDBOOK ??
  [path.resolve(ROOT, '..', 'shared'), '/work/shared'].find((p) => existsSync(path.join(p, 'benchmarks'))) ??
  path.resolve(ROOT, '..', 'shared');

export const CURTOIS_DIR = path.join(HANDBOOK, 'benchmarks', 'curtois');

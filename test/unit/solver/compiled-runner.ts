import { afterAll, beforeAll } from 'vitest';
import path from 'node:path';
import { buildNode } from '../backend/build';
import { createGenerateRunner, type GenerateRunner } from '../../../electron/backend/solver/runner';

/**
 * A generate runner on the compiled worker thread, as the app runs it, for one test file:
 * built before the file's tests and disposed after them. Call at the top level of the file.
 */
export function compiledRunner(): () => GenerateRunner {
  let build: { dir: string; cleanup(): void } | undefined;
  let runner: GenerateRunner | undefined;
  beforeAll(() => {
    build = buildNode();
    runner = createGenerateRunner({ workerFile: path.join(build.dir, 'electron', 'backend', 'solver', 'worker.js') });
  }, 120_000);
  afterAll(async () => {
    await runner?.dispose();
    build?.cleanup();
  });
  return () => {
    if (!runner) throw new Error('compiledRunner: used outside a test');
    return runner;
  };
}
